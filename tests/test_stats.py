"""Coverage figures, computed here again from the case files, and docs/coverage.md kept in step."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from catalogue.cli import COVERAGE_PATH, main
from catalogue.loader import load_catalogue
from catalogue.stats import GOAL_REGIONS, coverage, coverage_markdown
from catalogue.vocabulary import load_vocabulary

VOCABULARY = load_vocabulary()


def test_counts_per_type_region_and_evidence_match_the_files(bundled):
    result = coverage(bundled.cases, VOCABULARY)
    assert result.cases == len(bundled.cases)
    types = {row.label: row.count for row in result.by_type}
    for key in VOCABULARY.keys("types"):
        assert types[VOCABULARY.label("types", key)] == sum(key in c.types for c in bundled.cases)
    regions = {row.label: row.count for row in result.by_region}
    assert set(regions) == set(GOAL_REGIONS)
    for region in GOAL_REGIONS:
        assert regions[region] == sum(region in c.regions for c in bundled.cases)
    assert sum(row.count for row in result.by_evidence) == len(bundled.cases)
    assert result.quantified == sum(any(o.value is not None for o in c.outcomes) for c in bundled.cases)
    assert len(result.by_country) == len({code for c in bundled.cases for code in c.countries})


def test_wanted_names_the_thinnest_areas(valid_dir: Path):
    cases = load_catalogue(valid_dir, cache=False).cases  # two made-up cases in two countries
    result = coverage(cases, VOCABULARY)
    assert result.largest_country_share == 50.0
    wanted = "\n".join(result.wanted)
    assert "Cases in the catalogue: 2 (goal 120): 118 more cases" in wanted
    assert "Co-governance cases: 0 (goal 15): 15 more cases" in wanted
    assert "Share of cases in the largest country: 50% (at most 40%): more cases from elsewhere" in wanted
    assert "## Wanted" in coverage_markdown(result)


def test_cited_claims_are_counted_by_their_markers(valid_dir: Path):
    cases = list(load_catalogue(valid_dir, cache=False).cases)
    assert coverage(cases, VOCABULARY).cited_claim_share == 100.0  # valid files cite every claim
    harbour = next(i for i, c in enumerate(cases) if c.id == "harbour-time-bank")
    cases[harbour] = cases[harbour].model_copy(update={"principles": ["reciprocity", "openness [@annual-report]"]})
    paragraphs = sum(len(c.description.split("\n\n")) for c in cases if c.description)
    claims = paragraphs + sum(len(c.principles) + len(c.challenges) for c in cases)
    assert coverage(cases, VOCABULARY).cited_claim_share == round(100 * (claims - 1) / claims, 1)


def test_coverage_doc_is_current(capsys):
    assert main(["stats", "--check"]) == 0, f"{COVERAGE_PATH} is stale: run python -m catalogue stats --write"
    assert re.search(r"\d+ coverage goals? not met", capsys.readouterr().out)


@pytest.mark.parametrize(
    ("codes", "says"),
    [(34, "Countries: 34 (goal 35): 1 more country"), (33, "Countries: 33 (goal 35): 2 more countries")],
)
def test_wanted_says_one_country_or_several(codes: int, says: str):
    from catalogue.stats import _wanted

    figures = {"cases": 120, "by_type": [], "by_region": [], "by_country": [object()] * codes}
    met = {"largest_country_share": 10, "quantified": 40, "evaluated": 20, "multi_publisher_share": 80, "cited_claim_share": 100}
    wanted = _wanted(figures | met)
    assert says in wanted
