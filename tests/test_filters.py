"""One filter state, one URL round trip, and counts that agree with the filter itself."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catalogue.filters import MULTI_FIELDS, Filters, allowed_values, apply, describe, facet_counts, matches, parse_query
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
        match="all",
        q="savings groups",
        year_from=1990,
        year_to=2020,
    )
    assert parse_query(filters.to_query(), VOCABULARY, bundled.cases).filters == filters
    assert parse_query(Filters().to_query(), VOCABULARY, bundled.cases).filters == Filters()


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_url_round_trip_property(bundled, data):
    chosen = {}
    for spec in MULTI_FIELDS:
        options = allowed_values(spec, VOCABULARY, bundled.cases)
        chosen[spec.name] = tuple(data.draw(st.lists(st.sampled_from(options), unique=True, max_size=3)))
    years = data.draw(st.tuples(st.none() | st.integers(1800, 2100), st.none() | st.integers(1800, 2100)))
    if None not in years and years[0] > years[1]:
        years = (years[1], years[0])
    q = " ".join(data.draw(st.text(alphabet="abc éß&<>", max_size=12)).split())
    filters = Filters(match=data.draw(st.sampled_from(["any", "all"])), q=q, year_from=years[0], year_to=years[1], **chosen)
    assert parse_query(filters.to_query(), VOCABULARY, bundled.cases).filters == filters


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


def test_period_is_an_overlap_with_ongoing_cases_running_to_today(bundled):
    ids = {c.id for c in apply(bundled.cases, Filters(year_from=2020, year_to=2020))}
    assert "marco-cavallo-centre" in ids  # started 2008, no end: still running in 2020
    assert "north-otago-aquatic-restoration" not in ids  # no dates: cannot be placed in a period
    assert "co-production-network-for-wales" in ids
    assert "chicago-neighbourhood-policing" not in ids


def test_search_looks_in_organisations_and_tags(bundled):
    assert [c.id for c in apply(bundled.cases, Filters(q="180amici"))] == ["marco-cavallo-centre"]
    assert "orangi-pilot-project" in {c.id for c in apply(bundled.cases, Filters(q="LOW-COST-SANITATION"))}


@pytest.mark.parametrize("spec", MULTI_FIELDS, ids=lambda s: s.key)
def test_facet_counts_equal_the_filter_applied(bundled, spec):
    base = Filters(sectors=("mental-health",)) if spec.name != "sectors" else Filters(types=("co-delivery",))
    counts = facet_counts(bundled.cases, base, spec.name)
    for value in allowed_values(spec, VOCABULARY, bundled.cases):
        narrowed = replace(base, **{spec.name: (value,)})
        assert counts.get(value, 0) == len(apply(bundled.cases, narrowed)), value


def test_matches_agrees_with_apply(bundled):
    filters = Filters(regions=("Europe",), evidence=("documented",))
    assert [c for c in bundled.cases if matches(c, filters)] == apply(bundled.cases, filters)


def test_describe_reads_as_a_sentence():
    filters = Filters(types=("co-governance",), regions=("Europe", "Oceania"), year_from=1990, year_to=2020)
    assert describe(filters, VOCABULARY) == "Co-governance cases in Europe and Oceania, 1990-2020"
    assert describe(Filters(), VOCABULARY) == "All cases in the catalogue"
    assert describe(Filters(sectors=("housing",), year_from=2000), VOCABULARY) == "Cases in housing, 2000-today"
