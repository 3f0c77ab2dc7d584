"""ended_not_before_started: a case cannot end before it started."""

import pytest

from catalogue.rules import ended_not_before_started
from tests.rules import BASE, edit, reported

PASSING = [
    ("no-end", BASE),
    ("ended-later", edit(("started: 2015\n", "started: 2015\nended: 2020\n"), ("status: active", "status: ended"))),
    ("same-year", edit(("started: 2015\n", "started: 2015\nended: 2015\n"), ("status: active", "status: ended"))),
]

FAILING = [
    (
        "ended-earlier",
        edit(("started: 2015\n", "started: 2015\nended: 2010\n"), ("status: active", "status: ended")),
        [(17, 1, "ended", "error", "2010 is before started (2015); check both years")],
    ),
]


@pytest.mark.parametrize("text", [text for _, text in PASSING], ids=[name for name, _ in PASSING])
def test_passes(text: str):
    assert reported(ended_not_before_started, text) == []


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in FAILING], ids=[name for name, _, _ in FAILING])
def test_fails(text: str, expected: list):
    assert reported(ended_not_before_started, text) == expected
