"""The real app in a real headless Chromium: URL round trip, pages, and hostile text."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from catalogue.filters import apply, parse_query
from catalogue.loader import load_catalogue
from catalogue.vocabulary import load_vocabulary
from tests.conftest import open_app, screenshot, wait_ready

pytestmark = pytest.mark.browser


def headline(page) -> tuple[int, int]:
    text = page.get_by_text(re.compile(r"Showing \d+ of \d+ cases")).first.inner_text()
    found = re.search(r"Showing (\d+) of (\d+) cases", text)
    return int(found[1]), int(found[2])


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def no_exception(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0


def test_filter_url_shows_the_catalogues_count(page, server, browser_cases):
    catalogue = load_catalogue(browser_cases, cache=False)
    open_app(page, server, "?type=co-delivery")
    expected = apply(catalogue.cases, parse_query({"type": "co-delivery"}, load_vocabulary(), catalogue.cases).filters)
    assert headline(page) == (len(expected), len(catalogue.cases))
    assert query(page)["type"] == ["co-delivery"]
    no_exception(page)
    screenshot(page, "browser-explore-co-delivery")


def test_changing_a_filter_writes_the_url_and_reloading_restores_it(page, server):
    open_app(page, server)
    _, total = headline(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text(re.compile(r"^Co-assessment \(\d+\)$")).click()
    wait_ready(page)
    page.wait_for_function("() => location.search.includes('type=co-assessment')", timeout=10_000)
    shown = headline(page)
    assert shown[0] < total
    page.reload()
    wait_ready(page)
    assert headline(page) == shown
    assert query(page)["type"] == ["co-assessment"]


def test_page_switch_keeps_filters_and_back_button_returns(page, server):
    open_app(page, server, "case?id=harbour-time-bank&type=co-delivery")
    assert page.get_by_role("heading", name="Harbour Time Bank").count() == 1
    page.get_by_role("link", name=re.compile("All cases")).click()
    page.wait_for_function("() => !location.pathname.includes('case')", timeout=10_000)
    wait_ready(page)
    assert query(page).get("type") == ["co-delivery"]
    page.go_back()
    page.wait_for_function("() => location.pathname.includes('case')", timeout=10_000)
    wait_ready(page)
    assert page.get_by_role("heading", name="Harbour Time Bank").count() == 1
    no_exception(page)


@pytest.mark.parametrize(
    "path",
    [
        "",
        "case?id=harbour-time-bank",
        "case?id=missing",
        "compare?case=harbour-time-bank&case=river-watch",
        "contribute",
        "about",
    ],
)
def test_every_page_renders_without_exception(page, server, path):
    open_app(page, server, path)
    no_exception(page)
    screenshot(page, "browser-" + (re.sub(r"[^a-z0-9]+", "-", path) or "explore").strip("-"))


def test_hostile_file_is_named_but_never_rendered_as_html(page, server):
    open_app(page, server)
    page.get_by_text(re.compile(r"case files? (is|are) invalid")).click()
    page.wait_for_timeout(300)
    notice = page.get_by_text(re.compile(r"hostile-markup\.yaml, line"))
    assert "<img src=x onerror=alert(1)>" in notice.inner_text()
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("script:text('alert')").count() == 0
    assert page.dialogs == []
    screenshot(page, "browser-hostile-notice")


def test_map_tooltip_shows_special_characters_exactly_once_escaped(page, server):
    open_app(page, server, "?q=jerry")
    assert headline(page)[0] == 1
    canvas = page.locator('[data-testid="stDeckGlJsonChart"] canvas').first
    box = canvas.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    tooltip = page.locator(".deck-tooltip")
    tooltip.wait_for(state="visible", timeout=10_000)
    text = tooltip.inner_text()
    assert 'Tom & Jerry "co-op" <3 & more' in text
    assert "A < B > C & D, United Kingdom" in text
    assert "&amp;" not in text and "&lt;" not in text, "escaped twice"
    assert tooltip.locator("img, script").count() == 0
    assert page.dialogs == []
    screenshot(page, "browser-tooltip")


def test_the_map_fetches_the_world_s_outlines_from_the_app(page, server):
    with page.expect_response(lambda response: "world-countries.json" in response.url, timeout=30_000) as fetched:
        open_app(page, server, "?type=co-delivery")
    response = fetched.value
    assert response.ok and urlsplit(response.url).path == "/app/static/world-countries.json"
    assert len(response.json()["features"]) > 150
    no_exception(page)


def test_compare_with_filters_and_cases_in_the_url_shows_its_charts(page, server):
    open_app(page, server, "compare?type=co-delivery,co-design&case=harbour-time-bank&case=river-watch&b_region=Oceania")
    # A link with cases opens on them, side by side; the charts are one click away.
    expect(page.get_by_role("tab", name="Side by side")).to_have_attribute("aria-selected", "true")
    assert page.locator("table.cmp thead th").count() == 3  # the attribute column and the two cases
    page.get_by_role("tab", name="Charts of the selection").click()
    wait_ready(page)
    page.locator('[data-testid="stPlotlyChart"]').nth(4).wait_for(timeout=20_000)
    assert page.locator('[data-testid="stPlotlyChart"]').count() >= 5
    no_exception(page)
    assert query(page)["case"] == ["harbour-time-bank", "river-watch"] and query(page)["b_region"] == ["Oceania"]
    screenshot(page, "browser-compare")


def test_app_download_is_byte_identical_to_the_cli(page, server, browser_cases):
    import subprocess
    import sys

    from tests.conftest import REPO

    open_app(page, server, "?region=Europe")
    page.get_by_text("Download this selection").click()  # the section opens as a person opens it
    page.get_by_role("button", name="CSV (spreadsheet)").wait_for(timeout=20_000)
    with page.expect_download() as download:
        page.get_by_role("button", name="CSV (spreadsheet)").click()
    downloaded = Path(download.value.path()).read_bytes()
    cli = subprocess.run(
        [
            sys.executable,
            "-m",
            "catalogue",
            "export",
            "--cases",
            str(browser_cases),
            "--format",
            "csv",
            "--region",
            "Europe",
            "--base-url",
            server.url,
            "--output",
            "-",
        ],
        capture_output=True,
        cwd=REPO,
        timeout=60,
        check=True,
    ).stdout
    assert downloaded == cli
    assert download.value.suggested_filename == "coproduction-cases-in-europe.csv"
    assert downloaded.startswith(b"\xef\xbb\xbf")  # Excel on Windows reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(downloaded.decode("utf-8-sig"))))
    assert rows and all(row["Page"] == f"{server.url}/case?id={row['Id']}" for row in rows)


def test_presentation_mode_in_the_browser(page, server):
    open_app(page, server, "?present=1&type=co-delivery&step=1")
    assert page.locator('[data-testid="stSidebar"]').count() == 0 or not page.locator('[data-testid="stSidebar"]').is_visible()
    page.get_by_role("button", name="Next →").click()
    wait_ready(page)
    page.wait_for_function("() => location.search.includes('step=2')", timeout=10_000)
    no_exception(page)
    screenshot(page, "browser-presentation")
