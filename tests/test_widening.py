"""When nothing matches: each single removal that would show cases, with its count."""

from __future__ import annotations

from catalogue.filters import Filters, apply
from catalogue.vocabulary import load_vocabulary
from catalogue.widening import widenings

VOCABULARY = load_vocabulary()


def count_in(cases):
    return lambda filters: len(apply(cases, filters))


def test_each_part_of_an_empty_view_is_offered_with_what_would_then_match(bundled):
    cases = bundled.cases
    nz = Filters(countries=("NZ",))
    assert apply(cases, nz), "the bundled cases include New Zealand"
    view = Filters(countries=("NZ",), sectors=("water-and-sanitation",), year_from=1800, year_to=1801)
    assert apply(cases, view) == []
    offered = {w.removes: w for w in widenings(view, VOCABULARY, count_in(cases))}
    for removes, wider in offered.items():
        assert wider.count == len(apply(cases, wider.filters)) > 0, removes
    assert all(w.filters != view for w in offered.values())
    counts = [w.count for w in widenings(view, VOCABULARY, count_in(cases))]
    assert counts == sorted(counts, reverse=True)


def test_removals_that_would_still_show_nothing_are_left_out(bundled):
    view = Filters(q="zzzz-no-such-word", year_from=1800, year_to=1801)
    assert widenings(view, VOCABULARY, count_in(bundled.cases)) == []


def test_an_excluded_country_reads_as_not_and_its_removal_drops_the_exclusion(bundled):
    view = Filters(countries=("GB",), exclude=("countries",), q="zzzz-no-such-word")
    outside_uk_long_ago = Filters(countries=("GB",), exclude=("countries",), year_from=1800, year_to=1801)
    offered = widenings(outside_uk_long_ago, VOCABULARY, count_in(bundled.cases))
    assert [w.removes for w in offered] == ["the period 1800 to 1801"]
    label = widenings(view, VOCABULARY, lambda f: 1)[0]
    assert label.removes == "Country: not United Kingdom"
    assert label.filters == Filters(q="zzzz-no-such-word")
