"""The results list: pages of the bundled cases, and what each result line says."""

from __future__ import annotations

import pytest

from catalogue.listing import PER_PAGE, page_number, paginate, result_facts, results_html
from catalogue.presentation import years_label
from catalogue.vocabulary import load_vocabulary

VOCABULARY = load_vocabulary()


@pytest.mark.parametrize(
    ("text", "page"),
    [(None, 1), ("", 1), ("1", 1), ("3", 3), (" 2 ", 2), ("0", 1), ("-2", 1), ("2.5", 1), ("two", 1), ("٣", 1), ("9" * 30, 1)],
)
def test_the_page_number_from_the_address_is_a_whole_number_from_one(text, page):
    assert page_number(text) == page


@pytest.mark.parametrize("per_page", [1, 3, 7, PER_PAGE, 1000])
def test_the_pages_hold_every_case_once_in_order(bundled, per_page):
    cases = bundled.cases
    first = paginate(cases, 1, per_page)
    shown = [case for page in range(1, first.pages + 1) for case in paginate(cases, page, per_page).cases]
    assert shown == list(cases)
    assert first.pages == -(-len(cases) // per_page)


def test_a_page_past_the_end_shows_the_last_page(bundled):
    listing = paginate(bundled.cases, 99, 3)
    assert listing.page == listing.pages
    assert listing.cases == tuple(bundled.cases[(listing.pages - 1) * 3 :])
    assert listing.last == len(bundled.cases)


def test_labels_say_which_cases_a_page_shows(bundled):
    cases = bundled.cases
    assert paginate(cases, 2, 3).label == f"Cases 4 to 6 of {len(cases)}"
    assert paginate(cases, 1, 1000).label == f"All {len(cases)} cases"
    assert paginate(cases[:1], 1).label == "1 case"
    assert paginate([], 4).label == "No cases"
    assert (paginate([], 4).first, paginate([], 4).last, paginate([], 4).pages) == (0, 0, 1)


def test_a_result_line_gives_place_years_types_status_and_evidence(bundled):
    case = bundled.by_id["marco-cavallo-centre"]
    line = result_facts(case, VOCABULARY)
    parts = line.split(" · ")
    assert parts[0].startswith("Italy")
    assert parts[1] == years_label(case)
    assert parts[2] == ", ".join(VOCABULARY.label("types", t) for t in case.types)
    assert parts[3] == VOCABULARY.label("statuses", case.status)
    assert parts[4] == VOCABULARY.label("evidence", case.evidence) + " evidence"


def test_the_results_are_one_list_of_links_with_every_text_escaped(bundled):
    from html.parser import HTMLParser

    hostile = bundled.cases[0].model_copy(
        update={"title": '<script>alert("x")</script> & co', "summary": "<img src=x onerror=alert(1)> 'quoted'"}
    )
    cases = [hostile, *bundled.cases[1:3]]
    html = results_html(cases, VOCABULARY, lambda case: f"/case?id={case.id}&type=co-design", lambda case: ["<b>"])

    class Reader(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: list[str] = []
            self.links: list[tuple[str, str]] = []
            self.text: list[str] = []

        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)
            if tag == "a":
                self.links.append((dict(attrs)["href"], "data-app-link" in dict(attrs)))

        def handle_data(self, data):
            self.text.append(data)

    reader = Reader()
    reader.feed(html)
    assert "script" not in reader.tags and "img" not in reader.tags
    assert reader.tags.count("li") == len(cases) and reader.tags.count("a") == len(cases)
    assert reader.links[0] == (f"/case?id={hostile.id}&type=co-design", True)
    text = "".join(reader.text)
    assert hostile.title in text and hostile.summary in text and result_facts(cases[1], VOCABULARY) in text
    assert text.count("Matches: <b>") == len(cases)  # the matched word is text, not markup


@pytest.mark.parametrize(
    ("page", "pages", "links"),
    [
        (1, 1, []),
        (1, 3, [("/?type=a&page=2", "next", "Next page \u203a")]),
        (2, 3, [("/?type=a", "prev", "\u2039 Previous page"), ("/?type=a&page=3", "next", "Next page \u203a")]),
        (3, 3, [("/?type=a&page=2", "prev", "\u2039 Previous page")]),
    ],
)
def test_the_pager_links_to_the_pages_next_to_this_one_and_says_where_it_is(bundled, page, pages, links):
    from html.parser import HTMLParser

    from catalogue.listing import pager_html

    listing = paginate(bundled.cases[: pages * 2], page, per_page=2)
    html = pager_html(listing, lambda number: "/?type=a" + (f"&page={number}" if number > 1 else ""), top="results")
    if pages == 1:
        assert html == ""
        return

    class Reader(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.links: list[list[str]] = []
            self.text: list[str] = []

        def handle_starttag(self, tag, attrs):
            if tag == "a":
                attributes = dict(attrs)
                assert attributes["data-app-link"] == "results"  # followed within the app, to the list's heading
                self.links.append([attributes["href"], attributes["rel"], ""])

        def handle_data(self, data):
            if self.links and not self.links[-1][2] and data.strip() and "Page" not in data:
                self.links[-1][2] = data
            self.text.append(data)

    reader = Reader()
    reader.feed(html)
    assert [tuple(link) for link in reader.links] == links
    assert f"Page {page} of {pages}" in reader.text
