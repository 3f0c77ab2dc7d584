"""User journeys over the bundled cases, driven as a person drives them: clicks, typing, keys.

Addresses are only typed where a person would paste a shared link (the start of a journey);
everything after is clicking, typing and pressing keys. Every count on screen is checked
against a count computed here from the case files (``expected_count``), never a constant.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from catalogue.loader import load_catalogue
from tests.conftest import REPO, expected_count, headline, open_app, open_facet, screenshot, settle, sidebar, tick, wait_ready

pytestmark = pytest.mark.browser

CASES = REPO / "data" / "cases"
PHONE = {"width": 390, "height": 844}


# --- what a person sees and does -----------------------------------------------------------


def query(page) -> dict[str, list[str]]:
    """The address's query, as lists of values."""
    return parse_qs(urlsplit(page.url).query)


def path(page) -> str:
    return urlsplit(page.url).path


def pick_country(page, name: str, wanted: str) -> None:
    """Type a country's name into the country picker and choose it, as a person does."""
    picker = open_facet(page, "Country").locator('[data-testid="stMultiSelect"] input')
    picker.click()
    picker.type(name, delay=20)
    # The list narrows as each letter arrives: wait until the whole name leaves one option (a
    # click aimed while the list is still redrawing found its option detached, on a busy machine).
    expect(page.get_by_role("option")).to_have_count(1)
    page.get_by_role("option", name=name, exact=True).click()
    page.keyboard.press("Escape")  # close the list
    settle(page, wanted)


def assert_count(page, wanted_query: str) -> None:
    """The headline says what the case files say for this query, and the address holds that query."""
    assert headline(page) == expected_count(CASES, wanted_query), wanted_query
    for key, values in parse_qs(wanted_query).items():
        assert sorted(query(page).get(key, [])) == sorted(values), (key, page.url)


def open_a_case(page) -> str:
    """Open the first case of the results by clicking it; return its title."""
    links = page.locator('[data-testid="stMain"] a[href*="case?"][href*="id="]')
    if links.count():  # results shown as links
        title = links.first.inner_text().strip()
        links.first.click()
    else:  # results shown as a table: click the first row
        grid = page.locator('[data-testid="stDataFrame"]').first
        grid.scroll_into_view_if_needed()
        box = grid.bounding_box()
        page.mouse.click(box["x"] + 20, box["y"] + 55)  # the row selector
        title = None
    page.wait_for_function("() => location.pathname.endsWith('/case')", timeout=15_000)
    wait_ready(page)
    heading = page.get_by_role("heading", level=1).first.inner_text().strip()
    assert title is None or title.startswith(heading[:20])
    return heading


def back(page) -> None:
    page.go_back()
    settle(page)


def forward(page) -> None:
    page.go_forward()
    settle(page)


def present(page) -> None:
    """Press 'Present this view' (in the sidebar, on every page)."""
    sidebar(page).get_by_role("button", name="Present this view").click()
    settle(page, "present=1")


def press(page, key: str, step: int) -> None:
    """Press a presenter's key and wait for the slide ``step``."""
    page.keyboard.press(key)
    settle(page, f"step={step}")
    assert query(page)["step"] == [str(step)]


def slide_total(page) -> tuple[int, int]:
    """The overview slide's "...: N of M cases"."""
    text = page.get_by_text(re.compile(r": \d+ of \d+ cases$")).first.inner_text()
    found = re.search(r"(\d+) of (\d+) cases$", text)
    return int(found[1]), int(found[2])


# --- the journeys ---------------------------------------------------------------------------


def test_three_filters_combined_by_clicking_and_typing(bundled_page, bundled_server):
    page = bundled_page
    open_app(page, bundled_server)
    assert headline(page) == expected_count(CASES, "")
    tick(page, "Sector", "Mental health", "sector=mental-health")
    assert_count(page, "sector=mental-health")
    pick_country(page, "United Kingdom", "country=GB")
    assert_count(page, "sector=mental-health&country=GB")
    pick_country(page, "Norway", "country=NO")
    assert_count(page, "sector=mental-health&country=GB&country=NO")
    screenshot(page, "journey-mental-health-uk-no")


def test_a_copied_link_opens_the_same_view_for_someone_else(browser, bundled_page, bundled_server):
    """A presenter chooses filters, opens "Copy link to this view" and shares what it shows."""
    page = bundled_page
    open_app(page, bundled_server)
    tick(page, "Sector", "Mental health", "sector=mental-health")
    tick(page, "Co-production type", "Co-delivery", "type=co-delivery")
    page.get_by_role("button", name="Copy link to this view").click()
    shown = page.locator('[data-testid="stPopoverBody"] [data-testid="stCode"]').last
    shown.wait_for(timeout=20_000)
    link = shown.inner_text().strip()
    assert link.startswith(bundled_server.url + "/?") and "sector=mental-health" in link and "type=co-delivery" in link
    screenshot(page, "journey-copy-link")
    other = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()  # someone else, from the link
    try:
        other.goto(link)
        wait_ready(other)
        assert headline(other) == expected_count(CASES, "sector=mental-health&type=co-delivery")
    finally:
        other.context.close()


def test_closing_a_section_keeps_its_filter(bundled_page, bundled_server):
    """A closed section of the sidebar is not drawn, yet its chosen values still filter."""
    page = bundled_page
    open_app(page, bundled_server, "?sector=mental-health")
    assert_count(page, "sector=mental-health")
    open_facet(page, "Sector").locator("summary").click()  # close it
    settle(page)
    expect(sidebar(page).get_by_text(re.compile(r"^Mental health \(\d+\)$"))).to_have_count(0)
    tick(page, "Co-production type", "Co-delivery", "type=co-delivery")
    assert_count(page, "sector=mental-health&type=co-delivery")
    tick(page, "World region", "Europe", "region=Europe")  # a closed section opens and draws its toggles
    assert_count(page, "sector=mental-health&type=co-delivery&region=Europe")
    europe = sidebar(page).get_by_text(re.compile(r"^Europe \(\d+\)$"))
    europe.click()  # and its last choice taken back: the section stays open under the pointer
    page.wait_for_function("() => !location.search.includes('region=')", timeout=10_000)
    settle(page)
    assert_count(page, "sector=mental-health&type=co-delivery")
    expect(europe).to_be_visible()


def test_a_curated_collection_by_clicking_it_and_back(bundled_page, bundled_server):
    """A presenter opens a collection from the list on Explore; its count is the files' count."""
    import yaml

    page = bundled_page
    open_app(page, bundled_server)
    collection = yaml.safe_load((REPO / "data" / "collections" / "evaluated-evidence.yaml").read_text(encoding="utf-8"))
    wanted = "&".join(f"{key}={value}" for key, values in collection["filter"].items() for value in values)
    matching, total = expected_count(CASES, wanted)
    button = page.get_by_role("button", name=f"{collection['title']} ({matching} cases)")
    assert button.is_visible(), "the list on Explore names the collection with the files' count"
    button.click()
    settle(page, f"collection={collection['id']}")
    assert headline(page) == (matching, total)
    assert page.get_by_text(f"Collection: {collection['title']}").count() == 1
    screenshot(page, "journey-collection")
    back(page)
    assert headline(page) == (total, total) and query(page) == {}


def test_on_a_filtered_view_the_collections_open_with_a_click(bundled_page, bundled_server):
    """The list starts closed on a filtered view (and is not built); one click shows every collection with its count."""
    import yaml

    page = bundled_page
    open_app(page, bundled_server, "?region=Africa")
    counted = re.compile(r" \(\d+ cases?\)$")
    assert page.get_by_role("button", name=counted).count() == 0, "closed, the list's buttons are not there"
    page.locator('[data-testid="stExpander"] summary').filter(has_text="Curated collections").click()
    settle(page)
    files = sorted((REPO / "data" / "collections").glob("*.yaml"))
    assert page.get_by_role("button", name=counted).count() == len(files)
    for path in files:
        collection = yaml.safe_load(path.read_text(encoding="utf-8"))
        wanted = "&".join(f"{key}={value}" for key, values in collection["filter"].items() for value in values)
        matching, _ = expected_count(CASES, wanted)
        name = f"{collection['title']} ({matching} case{'' if matching == 1 else 's'})"
        assert page.get_by_role("button", name=name).is_visible(), name
    assert query(page) == {"region": ["Africa"]}, "opening the list changes nothing in the address"


def search_for(page, words: str) -> None:
    """Type words into the sidebar's search box and press Enter, as a person does."""
    box = sidebar(page).get_by_role("textbox", name="Search")
    box.click()
    box.fill("")
    box.type(words, delay=15)
    page.keyboard.press("Enter")
    settle(page, "q=")


def shown_titles(page) -> list[str]:
    """The titles of the results on screen (each a link to its case)."""
    return [t.strip() for t in page.locator('[data-testid="stMain"] a[href*="case?"][href*="id="]').all_inner_texts()]


def titles_where(keep) -> set[str]:
    """Titles of the bundled cases for which ``keep(case, text)`` holds, read from the files."""
    catalogue = load_catalogue(CASES, cache=False)
    return {case.title for case in catalogue.cases if keep(case, case.model_dump_json().casefold())}


#: The queries people reported as failing, with what the case files say each must find.
SEARCHES = [
    ("water", lambda case, text: "water-and-sanitation" in case.sectors),
    ("Italy", lambda case, text: "IT" in case.countries),
    ("elderly", lambda case, text: "older people" in text),
    ("timebank", lambda case, text: "time bank" in text),
    ("mental helth", lambda case, text: "mental-health" in case.sectors),
]


def test_search_finds_what_people_type(bundled_page, bundled_server):
    """One visit, as a person tries one query after another in the search box."""
    page = bundled_page
    open_app(page, bundled_server)
    for words, must_show in SEARCHES:
        search_for(page, words)
        page.wait_for_function("(w) => new URLSearchParams(location.search).get('q') === w", arg=words, timeout=10_000)
        settle(page)
        expected = expected_count(CASES, {"q": [words]})
        assert headline(page) == expected and expected[0] > 0, words
        wanted = titles_where(must_show)
        assert wanted, f"the bundled cases hold a case that {words!r} should find"
        assert wanted <= set(shown_titles(page)), (words, wanted - set(shown_titles(page)))
        assert page.get_by_text(re.compile(r"^Matches: ")).count() == expected[0], words  # the words that matched


def test_a_search_that_finds_nothing_says_so_and_offers_a_way_out(bundled_page, bundled_server):
    page = bundled_page
    open_app(page, bundled_server)
    tick(page, "World region", "Africa", "region=Africa")
    search_for(page, "mental helht")
    assert headline(page)[0] == 0
    assert page.get_by_text("No case matches this view.").is_visible()
    page.get_by_role("button", name=re.compile(r'^the search "mental helht" \(\d+ cases?\)$')).click()
    settle(page)
    assert_count(page, "region=Africa")
    assert "q" not in query(page)
    search_for(page, "mental helht")
    page.get_by_role("button", name=re.compile(r"^mental health \(")).click()
    settle(page, "q=mental+health")
    assert_count(page, "region=Africa&q=mental+health")
    screenshot(page, "journey-search-no-results")


def test_type_and_two_regions_by_clicking(bundled_page, bundled_server):
    page = bundled_page
    open_app(page, bundled_server)
    tick(page, "Co-production type", "Co-governance", "type=co-governance")
    assert_count(page, "type=co-governance")
    tick(page, "World region", "Africa", "region=Africa")
    assert_count(page, "type=co-governance&region=Africa")
    tick(page, "World region", "South America", "region=South+America")
    assert_count(page, "type=co-governance&region=Africa&region=South+America")


def test_open_a_case_and_come_back_then_back_and_forward(bundled_page, bundled_server):
    page = bundled_page
    start = "type=co-delivery&sector=social-care"
    open_app(page, bundled_server, "?" + start)
    assert_count(page, start)
    entries = page.evaluate("history.length")
    page.evaluate("window.sameVisit = true")  # gone if the click reloads the page

    title = open_a_case(page)
    assert page.evaluate("history.length") == entries + 1, "opening a case is one entry in the history"
    assert page.evaluate("window.sameVisit === true"), "the case opens within the app, not by reloading the page"
    assert query(page)["id"] and query(page)["type"] == ["co-delivery"] and query(page)["sector"] == ["social-care"]

    page.get_by_role("link", name=re.compile("All cases")).click()
    page.wait_for_function("() => !location.pathname.endsWith('/case')", timeout=15_000)
    settle(page)
    assert_count(page, start)
    assert "id" not in query(page)

    back(page)  # one press: the case again
    assert path(page).endswith("/case") and page.get_by_role("heading", level=1).first.inner_text().strip() == title
    back(page)  # one press: the list as it was, no stray id
    assert not path(page).endswith("/case") and "id" not in query(page)
    assert_count(page, start)
    forward(page)
    assert path(page).endswith("/case") and page.get_by_role("heading", level=1).first.inner_text().strip() == title
    forward(page)
    assert_count(page, start)


def test_back_undoes_one_filter_change_at_a_time(bundled_page, bundled_server):
    page = bundled_page
    open_app(page, bundled_server)
    tick(page, "Sector", "Mental health", "sector=mental-health")
    tick(page, "Co-production type", "Co-delivery", "type=co-delivery")
    assert_count(page, "sector=mental-health&type=co-delivery")
    back(page)
    assert_count(page, "sector=mental-health")
    assert "type" not in query(page)
    back(page)
    assert headline(page) == expected_count(CASES, "") and query(page) == {}
    forward(page)
    assert_count(page, "sector=mental-health")


def test_present_this_view_from_every_page_with_the_keyboard(bundled_page, bundled_server):
    page = bundled_page
    start = "type=co-delivery&sector=social-care"
    matching, total = expected_count(CASES, start)
    open_app(page, bundled_server, "?" + start)

    # From Explore: step through with a clicker's keys, then Exit back to the same view.
    present(page)
    assert slide_total(page) == (matching, total)
    assert query(page)["type"] == ["co-delivery"] and query(page)["sector"] == ["social-care"]
    screenshot(page, "journey-present-overview")
    press(page, "ArrowRight", 1)
    press(page, "PageDown", 2)
    press(page, " ", 3)
    press(page, "ArrowLeft", 2)
    press(page, "PageUp", 1)
    # The unit keeps its space on the slide ("1227 people referred"): go to that case's slide
    # as a presenter's prepared link does (its position computed from the files).
    slides = [case.id for case in apply_query(load_catalogue(CASES, cache=False), start)]
    step = slides.index("living-well-cornwall") + 1
    page.goto(page.url.replace("step=1", f"step={step}"))
    settle(page)
    assert page.get_by_role("heading", name="Living Well (Cornwall)").count() == 1
    assert page.get_by_text("1227 people referred").count() == 1
    assert page.get_by_text("1227people").count() == 0
    screenshot(page, "journey-present-slide")
    page.get_by_role("button", name="Exit").click()
    page.wait_for_function("() => !location.search.includes('present')", timeout=10_000)
    settle(page)
    assert "step" not in query(page)
    assert_count(page, start)

    # From the other pages, reached through the top navigation and a click on a case.
    for name in ("Compare", "Contribute", "About"):
        page.get_by_role("link", name=name, exact=True).first.click()
        page.wait_for_function("(n) => location.pathname.endsWith('/' + n)", arg=name.lower(), timeout=15_000)
        settle(page)
        present(page)
        assert path(page).endswith("/" + name.lower()) and slide_total(page) == (matching, total)
        press(page, "ArrowRight", 1)
        page.keyboard.press("Escape")
        page.wait_for_function("() => !location.search.includes('present')", timeout=10_000)
        settle(page)
        assert path(page).endswith("/" + name.lower()) and "step" not in query(page)
        assert query(page)["type"] == ["co-delivery"] and query(page)["sector"] == ["social-care"]
    page.get_by_role("link", name="Explore", exact=True).first.click()
    settle(page)
    assert_count(page, start)
    title = open_a_case(page)
    present(page)
    assert path(page).endswith("/case") and slide_total(page) == (matching, total)
    page.get_by_role("button", name="Exit").click()
    page.wait_for_function("() => !location.search.includes('present')", timeout=10_000)
    settle(page)
    assert page.get_by_role("heading", level=1).first.inner_text().strip() == title


def test_filters_and_a_case_on_a_phone(browser, bundled_server):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        open_app(page, bundled_server)
        assert headline(page) == expected_count(CASES, "")
        figures = page.get_by_text(re.compile(r"\d+ countr(y|ies) · ")).bounding_box()
        assert figures["height"] <= PHONE["height"] / 4, "the key figures take at most a quarter of the screen"
        opener = page.get_by_role("button", name="Expand sidebar")
        assert opener.is_visible(), "the filters are reachable from a visible control"
        says = opener.evaluate("e => getComputedStyle(e, '::after').content")
        assert says == '"Filters"', f"the control that opens the filters says so on screen ({says})"
        screenshot(page, "journey-phone-start")
        opener.click()
        page.wait_for_timeout(400)
        tick(page, "Sector", "Mental health", "sector=mental-health")
        page.mouse.click(PHONE["width"] - 10, PHONE["height"] - 10)  # close the sidebar by tapping outside
        page.wait_for_timeout(400)
        assert_count(page, "sector=mental-health")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"the page scrolls sideways on a phone ({width}px)"
        screenshot(page, "journey-phone-explore")
        open_a_case(page)
        assert query(page)["sector"] == ["mental-health"]
        screenshot(page, "journey-phone-case")
        shown = page.locator('[data-testid="stException"]').all_inner_texts()
        assert not shown, shown
    finally:
        context.close()


# --- keyboard only ------------------------------------------------------------------------

FOCUSED = """() => { const e = document.activeElement; if (!e) return '';
  const label = e.closest('label');
  const text = e.getAttribute('aria-label') || (label && label.innerText) || e.innerText || '';
  const role = e.getAttribute('role') ? '[' + e.getAttribute('role') + ']' : '';
  return e.tagName + role + ' ' + text.replace(/\\s+/g, ' ').trim(); }"""


def tab_to(page, pattern: str, *, backwards: bool = False, limit: int = 120) -> str:
    """Press Tab (or Shift+Tab) until the focused element matches ``pattern``, as a keyboard user does."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        focused = page.evaluate(FOCUSED)
        if re.search(pattern, focused):
            return focused
    pytest.fail(f"{pattern!r} cannot be reached with the keyboard")


def test_keyboard_only_filters_navigation_and_a_case(bundled_page, bundled_server):
    page = bundled_page
    open_app(page, bundled_server)

    tab_to(page, r"^SUMMARY .*\bSector$")
    page.keyboard.press("Enter")  # open the section
    tab_to(page, r"^BUTTON Mental health \(\d+\)$")  # one toggle of the sector set
    page.keyboard.press("Space")
    settle(page, "sector=mental-health")
    assert_count(page, "sector=mental-health")

    tab_to(page, r"^SUMMARY .*\bCountry$")
    page.keyboard.press("Enter")
    tab_to(page, r"^INPUT\[combobox\]")  # the country picker
    page.keyboard.type("United Kingdom", delay=20)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    settle(page, "country=GB")
    assert_count(page, "sector=mental-health&country=GB")

    tab_to(page, r"^A .*Compare$")  # the top navigation
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.pathname.endsWith('/compare')", timeout=15_000)
    settle(page)
    tab_to(page, r"^A .*Explore$", backwards=True)
    page.keyboard.press("Enter")
    page.wait_for_function("() => !location.pathname.endsWith('/compare')", timeout=15_000)
    settle(page)
    assert_count(page, "sector=mental-health&country=GB")

    results = page.locator('[data-testid="stMain"] a[href*="case?"][href*="id="]')
    if results.count() == 0:
        pytest.xfail("the results are a table whose rows cannot be opened with the keyboard (no links to the cases)")
    title = results.first.inner_text().strip()
    tab_to(page, rf"^A {re.escape(title[:30])}")
    page.evaluate("window.sameVisit = true")
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.pathname.endsWith('/case')", timeout=15_000)
    settle(page)
    assert page.get_by_role("heading", level=1).first.inner_text().strip().startswith(title[:20])
    assert page.evaluate("window.sameVisit === true"), "Enter on a result opens it within the app"


# --- many cases: the results a page at a time -------------------------------------------------


@pytest.fixture(scope="module")
def many_cases(tmp_path_factory):
    """A catalogue of 45 synthetic cases (three pages of results), served for this module."""
    from benchmarks.synthetic import write_cases
    from tests.conftest import Server

    folder = tmp_path_factory.mktemp("many-cases")
    write_cases(folder, 45)
    running = Server(folder, tmp_path_factory.mktemp("many-cache"))
    yield folder, running
    running.stop()


def test_results_page_by_page_and_back_to_the_first_when_a_filter_changes(browser, many_cases):
    folder, server = many_cases
    catalogue = load_catalogue(folder, cache=False)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    try:
        open_app(page, server)
        assert page.get_by_role("heading", name=f"Cases 1 to 20 of {len(catalogue.cases)}").is_visible()
        assert shown_titles(page) == [case.title for case in catalogue.cases[:20]]
        page.evaluate("window.sameVisit = true")  # gone if a link reloaded the page instead of changing the view
        page.get_by_role("link", name="Next page").click()
        settle(page, "page=2")
        assert shown_titles(page) == [case.title for case in catalogue.cases[20:40]]
        heading = page.get_by_role("heading", name=f"Cases 21 to 40 of {len(catalogue.cases)}")
        expect(heading).to_be_in_viewport()  # the new page is read from its start, not from the pager
        page.get_by_role("link", name="Next page").focus()
        page.keyboard.press("Enter")  # by keyboard too
        settle(page, "page=3")
        assert shown_titles(page) == [case.title for case in catalogue.cases[40:]]
        assert page.get_by_role("link", name="Next page").count() == 0
        assert page.get_by_text("Page 3 of 3").is_visible()
        assert page.evaluate("window.sameVisit === true")
        back(page)
        assert query(page)["page"] == ["2"] and shown_titles(page) == [case.title for case in catalogue.cases[20:40]]
        screenshot(page, "journey-results-page-2")
        tick(page, "Co-production type", "Co-delivery", "type=co-delivery")
        assert "page" not in query(page)  # a new selection starts at its first page
        expected = apply_query(catalogue, "type=co-delivery")
        assert shown_titles(page) == [case.title for case in expected[:20]]
    finally:
        context.close()


def apply_query(catalogue, wanted: str):
    from catalogue.filters import apply, parse_query
    from catalogue.vocabulary import load_vocabulary

    return apply(catalogue.cases, parse_query(parse_qs(wanted), load_vocabulary(), catalogue.cases).filters)
