"""Journeys through Compare and the map, by clicking and typing, over the bundled cases.

Every number asserted is computed here from the case files, never written down."""

from __future__ import annotations

import json
import math
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from catalogue.filters import Filters, apply
from catalogue.geography import country_name
from catalogue.loader import DEFAULT_CASES_DIR, load_catalogue
from catalogue.maps import case_deck, map_points
from catalogue.presentation import years_label
from catalogue.vocabulary import load_vocabulary
from tests.conftest import screenshot, wait_ready

pytestmark = pytest.mark.browser

CATALOGUE = load_catalogue(DEFAULT_CASES_DIR, cache=False)
VOCABULARY = load_vocabulary()


@pytest.fixture
def tab(browser, bundled_server):
    """A browser page on the bundled cases that fails the test on any Streamlit exception."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.server = bundled_server
    yield page
    shown = page.locator('[data-testid="stException"]').all_inner_texts()
    context.close()
    assert not shown, f"Streamlit showed an exception: {shown}"


def go(page, path: str = "") -> None:
    page.goto(f"{page.server.url}/{path}")
    wait_ready(page)


def pick(page, label: str, text: str, option: str | None = None) -> None:
    """Type into a multiselect and choose the option a person looks for (``option``, else the first offered).

    The picker's matching is fuzzy: typing a title can also offer longer titles that hold its
    letters in order, so a person reads the list and clicks the one they meant."""
    box = page.get_by_label(label)
    box.click()
    box.fill(text)
    offered = page.get_by_role("option")
    (offered.filter(has_text=re.compile(rf"^{re.escape(option)}$")) if option else offered).first.click()
    page.keyboard.press("Escape")
    wait_ready(page)


def test_compare_by_clicking_tabs_cases_and_groups(tab):
    go(tab)
    tab.locator('[data-testid="stTopNavLinkContainer"] a, header a').filter(has_text="Compare").first.click()
    wait_ready(tab)
    tab.get_by_role("heading", name="Compare", exact=True).first.wait_for()
    tab.locator('[data-testid="stPlotlyChart"]').nth(5).wait_for(timeout=30_000)  # charts draw after the run ends
    assert tab.locator('[data-testid="stPlotlyChart"]').count() >= 6
    screenshot(tab, "journey-compare-charts")

    # Side by side: two cases chosen by typing part of their titles.
    tab.get_by_role("tab", name="Side by side").click()
    wait_ready(tab)
    keyring, shared = CATALOGUE.by_id["keyring"], CATALOGUE.by_id["shared-lives"]
    pick(tab, "Choose 2 to 4 cases", "KeyRing", keyring.title)
    pick(tab, "Choose 2 to 4 cases", "Shared Lives", shared.title)
    table = tab.locator("table.cmp")
    table.wait_for()
    assert table.locator("thead th").all_inner_texts()[1:] == [keyring.title, shared.title]
    rows = {r.locator("th").inner_text().split("\n")[0]: r for r in table.locator("tbody tr").all()}
    assert set(rows) >= {"Outcomes", "Principles", "Challenges", "Sources"}
    for outcome in shared.outcomes:
        assert outcome.text in rows["Outcomes"].inner_text()
    for source in keyring.sources:
        assert source.title in rows["Sources"].inner_text()
    expected = {
        "Types": set(keyring.types) != set(shared.types),
        "Level": keyring.level != shared.level,
        "Sectors": set(keyring.sectors) != set(shared.sectors),
        "Countries": set(keyring.countries) != set(shared.countries),
        "Scale": keyring.scale != shared.scale,
        "Years": years_label(keyring) != years_label(shared),
        "Status": keyring.status != shared.status,
        "Evidence": keyring.evidence != shared.evidence,
    }
    marked = {name for name, row in rows.items() if row.locator(".cmp-differs").count()}
    assert marked == {name for name, differs in expected.items() if differs}
    assert tab.evaluate("() => { const t = document.querySelector('table.cmp'); return t.scrollWidth <= t.clientWidth + 1 }")
    screenshot(tab, "journey-compare-side")

    # Group against group: the first group clicked in the sidebar, the second typed.
    sidebar = tab.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text(re.compile(r"^Co-delivery \(\d+\)$")).click()
    wait_ready(tab)
    sidebar.get_by_text("World region", exact=True).click()
    sidebar.get_by_text(re.compile(r"^Europe \(\d+\)$")).click()
    wait_ready(tab)
    tab.get_by_role("tab", name="Group against group").click()
    wait_ready(tab)
    pick(tab, "Second group: world region", "Africa")
    first = apply(CATALOGUE.cases, Filters(types=("co-delivery",), regions=("Europe",)))
    second = apply(CATALOGUE.cases, Filters(regions=("Africa",)))
    tab.locator(".legendtext").filter(has_text="Cases in Africa").first.wait_for()
    legend = set(tab.locator('[data-testid="stPlotlyChart"] .legendtext').all_text_contents())
    assert f"Co-delivery cases in Europe ({len(first)} cases)" in legend
    assert f"Cases in Africa ({len(second)} case{'s' if len(second) != 1 else ''})" in legend
    assert not any("Group A" in text or "Group B" in text for text in legend)
    bar_text = " ".join(tab.locator('[data-testid="stPlotlyChart"] .bartext').all_text_contents())
    assert re.search(r"%\s*n=\d+", bar_text), "a percentage shows its count"
    screenshot(tab, "journey-compare-groups")

    # Back to the cases: the closed tab kept its choices, and the address holds every part of the view.
    tab.get_by_role("tab", name="Side by side").click()
    wait_ready(tab)
    table.wait_for()
    assert table.locator("thead th").all_inner_texts()[1:] == [keyring.title, shared.title]
    address = parse_qs(urlsplit(tab.url).query)
    assert address["case"] == ["keyring", "shared-lives"] and address["b_region"] == ["Africa"]


def test_a_chart_s_data_opens_as_a_table_of_the_files_counts(tab):
    """Each chart's data is a table a person opens under it (built only then); its counts are the files'."""
    go(tab, "compare")
    tab.locator('[data-testid="stPlotlyChart"]').nth(2).wait_for(timeout=30_000)
    assert tab.locator('[data-testid="stDataFrame"]').count() == 0, "closed, no table is sent"
    under_regions = tab.locator(".st-key-chart-regions-table")
    under_regions.get_by_text("Data as a table").click()
    wait_ready(tab)
    cells = under_regions.locator('[data-testid="stDataFrame"] [role="gridcell"]')
    cells.first.wait_for(state="attached", timeout=30_000)  # the grid draws on a canvas; its cells are for screen readers
    texts = cells.all_inner_texts()
    shown = {texts[i + 1]: int(texts[i + 2]) for i in range(0, len(texts), 3)}  # index, region, cases
    expected = {r: sum(r in c.regions for c in CATALOGUE.cases) for r in shown}
    assert shown == expected and "Europe" in shown and "Africa" in shown
    assert tab.locator('[data-testid="stDataFrame"]').count() == 1, "only the opened table is sent"


def _pixel(box: dict, view: dict, lon: float, lat: float) -> tuple[float, float]:
    """Where deck.gl draws a place: Web Mercator, 512 px of world at zoom 0, centred on the view."""
    scale = 512 * 2 ** view["zoom"]

    def y(latitude: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(latitude) / 2))

    x = box["x"] + box["width"] / 2 + (lon - view["longitude"]) / 360 * scale
    return x, box["y"] + box["height"] / 2 - (y(lat) - y(view["latitude"])) / (2 * math.pi) * scale


def _places() -> tuple[dict[tuple[float, float], list], dict]:
    """The bundled cases by the place of their markers, and the map's first view."""
    at: dict[tuple[float, float], list] = {}
    for case in CATALOGUE.cases:
        for location in case.locations:
            at.setdefault((round(location.lon, 4), round(location.lat, 4)), []).append(case)
    return at, json.loads(case_deck(map_points(CATALOGUE.cases, VOCABULARY)).to_json())["initialViewState"]


def test_a_shared_marker_lists_its_cases_and_opens_each(tab):
    at, view = _places()
    places = [(place, cases) for place, cases in at.items() if len(cases) > 1]
    assert places, "the bundled cases have a place shared by several cases"
    # The shared place standing farthest from every other place, so the pointer picks its marker
    # and no neighbour's (the busiest place, Australia's, sits among other Australian markers).
    (lon, lat), shared = max(places, key=lambda item: min(math.dist(item[0], other) for other in at if other != item[0]))

    go(tab)
    canvas = tab.locator('[data-testid="stDeckGlJsonChart"] canvas').first
    canvas.wait_for()
    canvas.scroll_into_view_if_needed()  # the whole map on screen, wherever the shared place lies on it
    tab.wait_for_timeout(500)
    box = canvas.bounding_box()

    # The wheel over the map scrolls the page.
    tab.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    before = tab.evaluate("() => [...document.querySelectorAll('*')].reduce((s, e) => s + e.scrollTop, window.scrollY)")
    tab.mouse.wheel(0, 300)
    tab.wait_for_timeout(400)
    after = tab.evaluate("() => [...document.querySelectorAll('*')].reduce((s, e) => s + e.scrollTop, window.scrollY)")
    assert after > before, "the page scrolled"
    tab.mouse.wheel(0, -(after - before))
    tab.wait_for_timeout(400)

    x, y = _pixel(canvas.bounding_box(), view, lon, lat)
    tab.mouse.move(x, y)
    tooltip = tab.locator(".deck-tooltip")
    tooltip.wait_for(state="visible", timeout=10_000)
    text = tooltip.inner_text()
    assert f"{len(shared)} cases at this point" in text
    for case in shared:
        assert case.title in text
    place = text.split("\n")[1]
    country = country_name(shared[0].countries[0])
    assert place.count(country) == 1, "the place is not repeated"
    screenshot(tab, "journey-map-shared-tooltip")

    x, y = _pixel(canvas.bounding_box(), view, lon, lat)  # the full-page screenshot may have moved it
    tab.mouse.move(x, y)
    tooltip.wait_for(state="visible", timeout=10_000)
    assert f"{len(shared)} cases at this point" in tooltip.inner_text()
    tab.mouse.click(x, y)
    wait_ready(tab)
    listing = tab.locator(".st-key-explore-map-shared")
    listing.wait_for(timeout=30_000)
    links = listing.locator('[data-testid="stPageLink"] a')
    expect(links).to_have_count(len(shared))  # the list's container can arrive before its links
    for case in shared:
        assert links.filter(has_text=case.title).count() == 1
    screenshot(tab, "journey-map-shared-list")
    target = shared[-1]
    links.filter(has_text=target.title).click()
    wait_ready(tab)
    tab.get_by_role("heading", name=target.title, exact=True).first.wait_for()
    assert f"id={target.id}" in tab.url


def test_a_marker_of_one_case_opens_it_within_the_app_and_back_returns(tab):
    at, view = _places()
    alone = [(place, cases[0]) for place, cases in at.items() if len(cases) == 1]
    # The place of one case standing farthest from every other place, so the pointer picks its marker.
    (lon, lat), case = max(alone, key=lambda item: min(math.dist(item[0], other) for other in at if other != item[0]))

    go(tab)
    canvas = tab.locator('[data-testid="stDeckGlJsonChart"] canvas').first
    canvas.wait_for()
    canvas.scroll_into_view_if_needed()
    tab.wait_for_timeout(500)
    x, y = _pixel(canvas.bounding_box(), view, lon, lat)
    tab.mouse.move(x, y)
    tooltip = tab.locator(".deck-tooltip")
    tooltip.wait_for(state="visible", timeout=10_000)
    assert case.title in tooltip.inner_text()
    entries = tab.evaluate("history.length")
    tab.evaluate("window.sameVisit = true")  # gone if the click reloads the page
    tab.mouse.click(x, y)
    tab.wait_for_function("() => location.pathname.endsWith('/case')", timeout=15_000)
    wait_ready(tab)
    tab.get_by_role("heading", name=case.title, exact=True).first.wait_for()
    assert parse_qs(urlsplit(tab.url).query)["id"] == [case.id]
    assert tab.evaluate("history.length") == entries + 1 and tab.evaluate("window.sameVisit === true")
    tab.go_back()
    tab.wait_for_function("() => !location.pathname.endsWith('/case')", timeout=15_000)
    wait_ready(tab)
    assert "id" not in parse_qs(urlsplit(tab.url).query)
