"""The static site in a real headless Chromium: accessibility (axe-core) and the way into the dashboard."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from catalogue.cli import main
from catalogue.filters import apply, parse_query
from catalogue.loader import load_catalogue
from catalogue.vocabulary import load_vocabulary
from tests.conftest import StaticServer, screenshot, wait_ready

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def bundled_site(tmp_path_factory):
    """The bundled catalogue's site, served over HTTP under a sub-path (as GitHub Pages serves a project)."""
    root = tmp_path_factory.mktemp("served")
    assert main(["site", "--out", str(root / "catalogue"), "--dashboard-url", "http://127.0.0.1:9/"]) == 0
    served = StaticServer(root)
    yield served.url + "catalogue/"
    served.stop()


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("index", ""),
        ("case", "cases/marco-cavallo-centre/"),
        ("collection", "collections/mental-health/"),
        ("type", "types/co-design/"),
        ("all-cases", "cases/"),
        ("404", "404.html"),
    ],
)
def test_pages_have_no_axe_violations(browser, bundled_site, name, path):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto(bundled_site + path)
    results = Axe().run(page)
    screenshot(page, f"site-{name}")
    context.close()
    assert results.violations_count == 0, results.generate_report()
    if name != "404":  # the 404 page links from the site's address, which this server does not use
        assert failed == []


def test_the_site_leads_into_the_running_dashboard(browser, server, browser_cases, tmp_path):
    out = tmp_path / "site"
    assert main(["site", "--out", str(out), "--cases", str(browser_cases), "--dashboard-url", server.url]) == 0
    catalogue = load_catalogue(browser_cases, cache=False)
    case = catalogue.by_id["harbour-time-bank"]
    served = StaticServer(out)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    try:
        page.goto(served.url)
        page.get_by_role("link", name=re.compile(r"^All \d+ cases")).click()
        page.get_by_role("link", name=case.title, exact=True).click()
        assert page.url == f"{served.url}cases/{case.id}/"
        assert page.locator("h1").inner_text() == case.title
        page.get_by_role("link", name="Explore similar cases in the dashboard").click()
        wait_ready(page)
        assert page.url.startswith(f"{server.url}/?")
        query = {"type": case.types, "sector": case.sectors}
        expected = apply(catalogue.cases, parse_query(query, load_vocabulary(), catalogue.cases).filters)
        text = page.get_by_text(re.compile(r"Showing \d+ of \d+ cases")).first.inner_text()
        assert re.search(r"Showing (\d+) of (\d+) cases", text).groups() == (str(len(expected)), str(len(catalogue.cases)))
        screenshot(page, "site-into-dashboard")
        page.go_back()
        page.get_by_role("link", name="Open this case in the dashboard").click()
        wait_ready(page)
        assert page.get_by_role("heading", name=case.title).count() >= 1
    finally:
        context.close()
        served.stop()


def test_hostile_text_runs_no_script_in_the_browser(browser, browser_cases, tmp_path):
    out = tmp_path / "site"
    assert main(["site", "--out", str(out), "--cases", str(browser_cases)]) == 0
    served = StaticServer(out)
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page.goto(served.url + "cases/tom-and-jerry-co-op/")
        assert page.locator("h1").inner_text() == 'Tom & Jerry "co-op" <3 & more'
        assert Path(out / "cases" / "hostile-markup").exists() is False  # invalid files never become pages
        assert dialogs == []
    finally:
        context.close()
        served.stop()
