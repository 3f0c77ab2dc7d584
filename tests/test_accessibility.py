"""WCAG 2.1 AA in a real browser: axe-core (through axe-playwright-python) on every page.

Every page of the app, each tab of Compare, presentation mode and the printable case brief
must have no violation of any impact. A finding that comes from Streamlit itself and
cannot be fixed from the app would be listed in ``STREAMLIT_OWN`` with its upstream issue,
matched by rule id and selector, and only that exact finding tolerated (none today).
"""

from __future__ import annotations

import re

import pytest

from catalogue.brief import render_brief
from catalogue.loader import load_catalogue
from catalogue.vocabulary import load_vocabulary
from tests.conftest import REPO, open_app, wait_ready

pytestmark = pytest.mark.browser

#: The rules of WCAG 2.1 levels A and AA (axe's tags).
WCAG21AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, "resultTypes": ["violations"]}

#: (rule id, selector pattern, upstream issue) of findings that Streamlit's own markup causes.
STREAMLIT_OWN: tuple[tuple[str, str, str], ...] = ()


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def findings(axe, page) -> list[str]:
    """Every WCAG 2.1 AA violation on the page, one line each, less the recorded Streamlit ones."""
    result = axe.run(page, options=WCAG21AA)
    lines = []
    for violation in result.response["violations"]:
        for node in violation["nodes"]:
            target = " ".join(map(str, node["target"]))
            if any(rule == violation["id"] and re.search(pattern, target) for rule, pattern, _ in STREAMLIT_OWN):
                continue
            detail = (node.get("any") or node.get("all") or node.get("none") or [{}])[0].get("message", "")
            lines.append(f"{violation['id']} ({violation['impact']}): {target} :: {node['html'][:120]} :: {detail[:160]}")
    return lines


@pytest.mark.parametrize(
    "path",
    [
        "?type=co-delivery&sector=social-care",
        "case?id=living-well-cornwall",
        "contribute",
        "about",
        "?present=1&type=co-delivery&sector=social-care",
        "?present=1&type=co-delivery&sector=social-care&step=1",
    ],
)
def test_page_has_no_wcag_violation(bundled_page, bundled_server, axe, path):
    open_app(bundled_page, bundled_server, path)
    assert findings(axe, bundled_page) == []


def test_compare_has_no_wcag_violation_on_any_tab(bundled_page, bundled_server, axe):
    page = bundled_page
    open_app(page, bundled_server, "compare?type=co-delivery&case=keyring&case=shared-lives")
    found = {}
    for tab in page.get_by_role("tab").all():
        tab.click()
        wait_ready(page)
        found[tab.inner_text()] = findings(axe, page)
    assert len(found) == 3
    assert found == {name: [] for name in found}


def test_case_brief_has_no_wcag_violation(bundled_page, axe):
    catalogue = load_catalogue(REPO / "data" / "cases", cache=False)
    bundled_page.set_content(render_brief(catalogue.by_id["living-well-cornwall"], load_vocabulary()))
    assert findings(axe, bundled_page) == []
