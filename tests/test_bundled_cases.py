"""The cases shipped with the catalogue: all valid, sourced, and covering the typology and the world."""

from collections import Counter

from catalogue.geography import REGIONS
from catalogue.loader import DEFAULT_CASES_DIR
from catalogue.vocabulary import load_vocabulary

SCHEMA_LINE = "# yaml-language-server: $schema=../../catalogue/case.schema.json"


def test_every_bundled_case_is_valid(bundled):
    assert bundled.errors == [], [p.format() for p in bundled.errors]
    assert len(bundled.cases) >= 20


def test_each_type_in_at_least_two_cases(bundled):
    counts = Counter(t for case in bundled.cases for t in case.types)
    assert {t: counts[t] for t in load_vocabulary().keys("types") if counts[t] < 2} == {}


def test_every_inhabited_continent_appears(bundled):
    regions = {r for case in bundled.cases for r in case.regions}
    assert set(REGIONS) - {"Antarctica"} <= regions


def test_every_case_cites_https_sources_and_outcomes_cite_them(bundled):
    for case in bundled.cases:
        assert case.sources
        assert all(source.url.startswith(("http://", "https://")) for source in case.sources)
        assert {o.source for o in case.outcomes} <= {s.id for s in case.sources}


def test_every_file_points_editors_at_the_schema():
    for path in sorted(DEFAULT_CASES_DIR.glob("*.yaml")):
        assert path.read_text(encoding="utf-8").splitlines()[0] == SCHEMA_LINE, path.name
