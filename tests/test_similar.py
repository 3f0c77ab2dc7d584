"""Similar cases: the all-at-once computation gives exactly the per-case lists."""

from __future__ import annotations

from benchmarks.synthetic import write_cases
from catalogue.loader import load_catalogue
from catalogue.similar import similar_by_case, similar_cases


def test_similar_by_case_agrees_with_similar_cases_on_the_bundled_catalogue(bundled):
    every = similar_by_case(bundled.cases)
    assert set(every) == {case.id for case in bundled.cases}
    assert any(every.values())
    for case in bundled.cases:
        assert every[case.id] == similar_cases(case, bundled.cases), case.id


def test_similar_by_case_agrees_on_many_varied_cases(case_dir):
    write_cases(case_dir, 400)
    cases = load_catalogue(case_dir).cases
    every = similar_by_case(cases, limit=3)
    for case in cases:
        assert every[case.id] == similar_cases(case, cases, limit=3), case.id
