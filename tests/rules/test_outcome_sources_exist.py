"""outcome_sources_exist: every outcome cites a source listed in the case."""

import pytest

from catalogue.rules import outcome_sources_exist
from tests.rules import BASE, edit, reported

OUTCOMES = (
    "outcomes:\n  - text: Hours exchanged in the first year.\n    value: 1200\n    unit: hours\n"
    "    comparison_value: 800\n    comparison_label: target\n    source: annual-report\n"
)

PASSING = [
    ("cited-source-listed", BASE),
    ("no-outcomes", edit((OUTCOMES, ""))),
]

FAILING = [
    (
        "misspelt-source",
        edit(("    source: annual-report", "    source: anual-report")),
        [(29, 5, "outcomes[0].source", "error", "'anual-report' is not a source id; use one of: annual-report")],
    ),
]


@pytest.mark.parametrize("text", [text for _, text in PASSING], ids=[name for name, _ in PASSING])
def test_passes(text: str):
    assert reported(outcome_sources_exist, text) == []


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in FAILING], ids=[name for name, _, _ in FAILING])
def test_fails(text: str, expected: list):
    assert reported(outcome_sources_exist, text) == expected
