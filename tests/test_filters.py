"""One filter state, one URL round trip, and counts that agree with the filter itself."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catalogue.facets import COUNTRIES, FACETS
from catalogue.filters import Filters, apply, describe, facet_counts, in_period, parse_query, span
from catalogue.index import CaseIndex
from catalogue.stats import key_figures
from catalogue.vocabulary import load_vocabulary

VOCABULARY = load_vocabulary()


def test_url_round_trip_keeps_every_filter(bundled):
    filters = Filters(
        types=("co-governance", "co-design"),
        levels=("collective",),
        sectors=("housing",),
        regions=("Africa",),
        countries=("NA",),
        statuses=("active",),
        evidence=("monitored",),
        exclude=("countries",),
        match="all",
        q="savings groups",
        year_from=1990,
        year_to=2020,
        undated=True,
    )
    assert parse_query(filters.to_query(), VOCABULARY, bundled.cases).filters == filters
    assert parse_query(Filters().to_query(), VOCABULARY, bundled.cases).filters == Filters()


def _draw_filters(data, cases, max_size: int = 3, text: str = "abc éß&<>") -> Filters:
    """Any filter state over these cases."""
    chosen = {}
    for facet in FACETS:
        options = facet.options(VOCABULARY, cases)
        chosen[facet.name] = tuple(data.draw(st.lists(st.sampled_from(options), unique=True, max_size=max_size)))
    years = data.draw(st.tuples(st.none() | st.integers(1800, 2100), st.none() | st.integers(1800, 2100)))
    if None not in years and years[0] > years[1]:
        years = (years[1], years[0])
    q = " ".join(data.draw(st.text(alphabet=text, max_size=12)).split())
    exclude = ("countries",) if chosen["countries"] and data.draw(st.booleans()) else ()
    return Filters(
        exclude=exclude,
        match=data.draw(st.sampled_from(["any", "all"])),
        q=q,
        year_from=years[0],
        year_to=years[1],
        undated=data.draw(st.booleans()),
        **chosen,
    )


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_url_round_trip_property(bundled, data):
    filters = _draw_filters(data, bundled.cases)
    assert parse_query(filters.to_query(), VOCABULARY, bundled.cases).filters == filters


@settings(max_examples=40, deadline=None)  # each example builds the reference search over every case
@given(data=st.data())
def test_the_index_agrees_with_the_reference_functions(bundled, data):
    """CaseIndex (numpy masks) selects and counts exactly as ``apply`` and ``facet_counts`` do, periods included.

    Over every third bundled case (42 of 127 today): the two must agree on any list of cases, and
    the reference counts rebuild the reference search for every facet value, so their cost grows
    with the catalogue (78 s for this test over all 127 cases and 60 examples; 40 examples over a
    third take about 15 s, and the fast loop must stay under a minute)."""
    cases = bundled.cases[::3]
    index = CaseIndex(cases, VOCABULARY)
    filters = _draw_filters(data, cases, max_size=2, text="aeiorst ")
    if data.draw(st.booleans()):  # periods around the bundled cases' years, where the edges are
        start = data.draw(st.integers(1970, 2026))
        filters = replace(filters, year_from=start, year_to=data.draw(st.none() | st.integers(start, 2030)))
    if data.draw(st.booleans()):  # words people type: labels, places, synonyms, typos, joined words
        words = ["water", "italy", "elderly", "timebank", "time bank", "mental helth", "co-delivery", "sao", "polic", "xyz"]
        filters = replace(filters, q=" ".join(data.draw(st.lists(st.sampled_from(words), min_size=1, max_size=2))))
    assert index.select(filters) == apply(cases, filters)
    assert index.count(filters) == len(index.select(filters))
    assert index.key_figures(filters) == key_figures(apply(cases, filters))
    for facet in FACETS:
        assert index.facet_counts(filters, facet.name) == facet_counts(cases, filters, facet.name), facet.name


def test_comma_lists_case_and_repeats_are_accepted(bundled):
    parsed = parse_query({"type": ["Co-Governance,co-design", "co-design"], "region": "europe"}, VOCABULARY, bundled.cases)
    assert parsed.filters.types == ("co-governance", "co-design")
    assert parsed.filters.regions == ("Europe",)
    assert parsed.ignored == []


@pytest.mark.parametrize(
    ("query", "ignored"),
    [
        ({"type": "co-nothing"}, ["type=co-nothing"]),
        ({"from": "19x0"}, ["from=19x0"]),
        ({"from": "99999"}, ["from=99999"]),
        ({"match": "some"}, ["match=some"]),
        ({"utm_source": "x"}, ["utm_source"]),
        ({"country": "XX"}, ["country=XX"]),
    ],
)
def test_unknown_values_are_dropped_and_listed(bundled, query, ignored):
    parsed = parse_query(query, VOCABULARY, bundled.cases)
    assert parsed.ignored == ignored
    assert parsed.filters == Filters()


@pytest.mark.parametrize(
    "query",
    [{"region": ["europe", "Narnia"], "country": ["gb", "XX"]}, {"type": "co-design", "sector": "HEALTH"}, {}],
)
def test_the_index_remembered_options_read_a_query_alike(bundled, query):
    index = CaseIndex(bundled.cases, VOCABULARY)
    assert parse_query(query, VOCABULARY, bundled.cases, index.options) == parse_query(query, VOCABULARY, bundled.cases)


def test_reversed_period_is_swapped(bundled):
    parsed = parse_query({"from": "2020", "to": "1990"}, VOCABULARY, bundled.cases)
    assert (parsed.filters.year_from, parsed.filters.year_to) == (1990, 2020)


def test_page_keys_are_not_reported(bundled):
    assert parse_query({"id": "keyring", "case": "a"}, VOCABULARY, bundled.cases).ignored == []


def test_any_versus_all_types(bundled):
    both = Filters(types=("co-governance", "co-management"))
    any_ids = {c.id for c in apply(bundled.cases, both)}
    all_ids = {c.id for c in apply(bundled.cases, replace(both, match="all"))}
    assert all_ids == {c.id for c in bundled.cases if {"co-governance", "co-management"} <= set(c.types)}
    assert any_ids == {c.id for c in bundled.cases if {"co-governance", "co-management"} & set(c.types)}
    assert all_ids < any_ids


def test_period_keeps_cases_known_to_run_then(bundled):
    in_2020 = Filters(year_from=2020, year_to=2020)
    ids = {c.id for c in apply(bundled.cases, in_2020)}
    for case in bundled.cases:
        known = span(case)
        runs_then = known is not None and known[1] is not None and known[0] <= 2020 <= known[1]
        assert (case.id in ids) == runs_then, case.id
    uncertain = {c.id for c in apply(bundled.cases, replace(in_2020, undated=True))}
    assert "co-production-network-for-wales" in uncertain - ids  # from 2016, end unknown: may have run in 2020
    assert "chicago-neighbourhood-policing" in uncertain - ids  # no dates at all
    assert "keyring" in uncertain - ids  # from 1990, end unknown
    marco = next(c for c in bundled.cases if c.id == "marco-cavallo-centre")  # from 2008, end unknown
    assert not in_period(marco, in_2020)
    assert in_period(marco, replace(in_2020, undated=True))


def test_undated_cases_are_kept_only_when_asked(bundled):
    undated = {c.id for c in bundled.cases if c.started is None}
    assert undated, "the bundled cases include some without a start year"
    period = Filters(year_from=1900)
    assert not {c.id for c in apply(bundled.cases, period)} & undated
    assert undated <= {c.id for c in apply(bundled.cases, replace(period, undated=True))}


def test_countries_can_be_excluded(bundled):
    outside = apply(bundled.cases, Filters(sectors=("mental-health",), countries=("GB",), exclude=("countries",)))
    expected = [c for c in bundled.cases if "mental-health" in c.sectors and "GB" not in c.countries]
    assert outside == expected and expected
    assert parse_query({"country": "GB", "exclude": "country"}, VOCABULARY, bundled.cases).filters.excludes(COUNTRIES)


def test_search_looks_in_organisations_and_tags(bundled):
    assert [c.id for c in apply(bundled.cases, Filters(q="180amici"))] == ["marco-cavallo-centre"]
    assert "orangi-pilot-project" in {c.id for c in apply(bundled.cases, Filters(q="LOW-COST-SANITATION"))}


@pytest.mark.parametrize("facet", FACETS, ids=lambda f: f.key)
def test_facet_counts_equal_the_filter_applied(bundled, facet):
    base = Filters(sectors=("mental-health",)) if facet.name != "sectors" else Filters(types=("co-delivery",))
    counts = facet_counts(bundled.cases, base, facet.name)
    for value in facet.options(VOCABULARY, bundled.cases):
        narrowed = replace(base, **{facet.name: (value,)})
        assert counts.get(value, 0) == len(apply(bundled.cases, narrowed)), value


def test_describe_reads_as_a_sentence():
    filters = Filters(types=("co-governance",), regions=("Europe", "Oceania"), year_from=1990, year_to=2020)
    assert describe(filters, VOCABULARY) == "Co-governance cases in Europe or Oceania, active 1990 to 2020"
    assert describe(Filters(), VOCABULARY) == "All cases in the catalogue"
    assert describe(Filters(sectors=("housing",), year_from=2000), VOCABULARY) == "Cases in housing, active 2000 to today"
    outside = Filters(sectors=("mental-health",), countries=("GB", "NL"), exclude=("countries",))
    assert describe(outside, VOCABULARY) == "Cases in mental health outside United Kingdom and Netherlands"


def test_active_cases_run_to_today(valid_dir):
    from catalogue.loader import load_catalogue

    harbour = load_catalogue(valid_dir, cache=False).by_id["harbour-time-bank"]  # active since 2015
    assert harbour.status == "active" and harbour.started == 2015 and harbour.ended is None
    assert in_period(harbour, Filters(year_from=2024, year_to=2024))
    assert not in_period(harbour, Filters(year_to=2014))


def test_remembered_counts_are_the_same_and_each_caller_gets_its_own(bundled):
    """A crowd on one view asks the index for the same counts: remembered, equal, and safe to change."""
    index = CaseIndex(bundled.cases, VOCABULARY)
    view = Filters(types=("co-delivery",))
    first = index.facet_counts(view, "sectors")
    first["health"] = -1  # a caller changing its copy
    again = index.facet_counts(view, "sectors")
    assert again == facet_counts(bundled.cases, view, "sectors") and again["health"] != -1
    assert index.facet_counts(Filters(), "sectors") == facet_counts(bundled.cases, Filters(), "sectors")


def test_remembered_map_points_and_key_figures_answer_each_view(bundled):
    """The index remembers a view's map points and key figures; another view gets its own, and a caller's list is its own."""
    from catalogue.maps import map_points

    index = CaseIndex(bundled.cases, VOCABULARY)
    for view in (Filters(types=("co-delivery",)), Filters(regions=("Africa",)), Filters(types=("co-delivery",))):
        selected = apply(bundled.cases, view)
        points = index.points_for(view)
        assert points == map_points(selected, VOCABULARY)
        points.clear()  # a caller changing its list
        assert index.points_for(view) == map_points(selected, VOCABULARY)
        assert index.key_figures(view) == key_figures(selected)
