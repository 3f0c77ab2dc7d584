"""principles_and_challenges_cited: each principle and challenge ends with the source it rests on."""

import pytest

from catalogue.rules import principles_and_challenges_cited
from tests.rules import BASE, edit, reported

PRINCIPLES = "principles: ['reciprocity [@annual-report]']"

PASSING = [
    ("each-item-cited", BASE),
    ("none-listed", edit((PRINCIPLES, "principles: []"))),
]

FAILING = [
    (
        "uncited-principle",
        edit((PRINCIPLES, "principles: [reciprocity]")),
        [(31, 14, "principles[0]", "error", "cites no source; end it with [@source-id]")],
    ),
    (
        "uncited-challenge",
        edit((PRINCIPLES, PRINCIPLES + "\nchallenges: ['few volunteers [@annual-report]', staff turnover]")),
        [(32, 49, "challenges[1]", "error", "cites no source; end it with [@source-id]")],
    ),
]


@pytest.mark.parametrize("text", [text for _, text in PASSING], ids=[name for name, _ in PASSING])
def test_passes(text: str):
    assert reported(principles_and_challenges_cited, text) == []


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in FAILING], ids=[name for name, _, _ in FAILING])
def test_fails(text: str, expected: list):
    assert reported(principles_and_challenges_cited, text) == expected
