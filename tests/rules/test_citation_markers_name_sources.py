"""citation_markers_name_sources: every [@id] marker in the description, principles and challenges names a listed source."""

import pytest

from catalogue.rules import citation_markers_name_sources
from tests.rules import BASE, edit, reported

PRINCIPLES = "principles: ['reciprocity [@annual-report]']"
DESCRIBED = "summary: Residents and the health centre exchange hours of help, recorded in a shared time bank.\n"

PASSING = [
    ("no-markers", BASE),
    ("known-marker", edit((DESCRIBED, DESCRIBED + "description: Residents log hours online [@annual-report].\n"))),
    ("several-known", edit((PRINCIPLES, "principles: ['reciprocity [@annual-report; @annual-report]']"))),
]

FAILING = [
    (
        "unknown-in-description",
        edit((DESCRIBED, DESCRIBED + "description: Residents log hours online [@anual-report].\n")),
        [(6, 1, "description", "error", "cites [@anual-report], which is not a source id; use one of: annual-report")],
    ),
    (
        "unknown-in-a-principle",
        edit((PRINCIPLES, "principles: ['reciprocity [@annual-report; @minutes]']")),
        [(31, 14, "principles[0]", "error", "cites [@minutes], which is not a source id; use one of: annual-report")],
    ),
    (
        "unknown-in-a-challenge",
        edit((PRINCIPLES, "principles: [reciprocity]\nchallenges: ['few volunteers [@survey]']")),
        [(32, 14, "challenges[0]", "error", "cites [@survey], which is not a source id; use one of: annual-report")],
    ),
]


@pytest.mark.parametrize("text", [text for _, text in PASSING], ids=[name for name, _ in PASSING])
def test_passes(text: str):
    assert reported(citation_markers_name_sources, text) == []


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in FAILING], ids=[name for name, _, _ in FAILING])
def test_fails(text: str, expected: list):
    assert reported(citation_markers_name_sources, text) == expected
