"""source_ids_unique: each source has its own id, so outcomes can cite it unambiguously."""

import pytest

from catalogue.rules import source_ids_unique
from tests.rules import BASE, edit, reported

SECOND = "  - id: {id}\n    title: A second report\n    url: https://example.org/second\n    year: 2017\n"

PASSING = [
    ("one-source", BASE),
    ("two-ids", edit(("    year: 2016\n", "    year: 2016\n" + SECOND.format(id="second-report")))),
]

FAILING = [
    (
        "same-id-twice",
        edit(("    year: 2016\n", "    year: 2016\n" + SECOND.format(id="annual-report"))),
        [(45, 5, "sources[1].id", "error", "'annual-report' is already the id of another source; give each its own")],
    ),
]


@pytest.mark.parametrize("text", [text for _, text in PASSING], ids=[name for name, _ in PASSING])
def test_passes(text: str):
    assert reported(source_ids_unique, text) == []


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in FAILING], ids=[name for name, _, _ in FAILING])
def test_fails(text: str, expected: list):
    assert reported(source_ids_unique, text) == expected
