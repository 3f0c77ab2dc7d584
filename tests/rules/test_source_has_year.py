"""source_has_year: each source should give its year of publication, so readers can judge its age."""

import pytest

from catalogue.rules import source_has_year
from tests.rules import BASE, edit, reported

PASSING = [
    ("dated", BASE),
]

FAILING = [
    (
        "undated",
        edit(("    year: 2016\n", "")),
        [(41, 5, "sources[0]", "warning", "source 'annual-report' has no year; add year: if the document gives one")],
    ),
]


@pytest.mark.parametrize("text", [text for _, text in PASSING], ids=[name for name, _ in PASSING])
def test_passes(text: str):
    assert reported(source_has_year, text) == []


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in FAILING], ids=[name for name, _, _ in FAILING])
def test_fails(text: str, expected: list):
    assert reported(source_has_year, text) == expected
