"""related_not_self: a case is not related to itself."""

import pytest

from catalogue.rules import related_not_self
from tests.rules import BASE, edit, reported

PASSING = [
    ("other-case", BASE),
    ("no-related", edit(("related: [river-watch]\n", ""))),
]

FAILING = [
    (
        "itself",
        edit(("related: [river-watch]", "related: [river-watch, harbour-time-bank]")),
        [(37, 24, "related[1]", "error", "lists the case itself; list other cases")],
    ),
]


@pytest.mark.parametrize("text", [text for _, text in PASSING], ids=[name for name, _ in PASSING])
def test_passes(text: str):
    assert reported(related_not_self, text) == []


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in FAILING], ids=[name for name, _, _ in FAILING])
def test_fails(text: str, expected: list):
    assert reported(related_not_self, text) == expected
