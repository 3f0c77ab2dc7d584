"""milestones_cite_a_source: each milestone names the source that dates it."""

import pytest

from catalogue.rules import milestones_cite_a_source
from tests.rules import BASE, edit, reported

PASSING = [("dated-by-a-source", BASE)]

FAILING = [
    (
        "no-source",
        edit(("    event: The time bank opens.\n    source: annual-report\n", "    event: The time bank opens.\n")),
        [(33, 5, "milestones[0]", "error", "names no source; add source: <id> of the source that dates it")],
    ),
]


@pytest.mark.parametrize("text", [text for _, text in PASSING], ids=[name for name, _ in PASSING])
def test_passes(text: str):
    assert reported(milestones_cite_a_source, text) == []


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in FAILING], ids=[name for name, _, _ in FAILING])
def test_fails(text: str, expected: list):
    assert reported(milestones_cite_a_source, text) == expected
