"""ended_means_status_ended: a case with an end year has status 'ended'."""

import pytest

from catalogue.rules import ended_means_status_ended
from tests.rules import BASE, edit, reported

PASSING = [
    ("active-without-end", BASE),
    ("ended-with-end", edit(("started: 2015\n", "started: 2015\nended: 2020\n"), ("status: active", "status: ended"))),
    ("ended-without-end-year", edit(("status: active", "status: ended"))),
]

FAILING = [
    (
        "active-with-end",
        edit(("started: 2015\n", "started: 2015\nended: 2020\n")),
        [(18, 1, "status", "error", "is 'active' but ended is 2020; set status: ended or remove ended")],
    ),
]


@pytest.mark.parametrize("text", [text for _, text in PASSING], ids=[name for name, _ in PASSING])
def test_passes(text: str):
    assert reported(ended_means_status_ended, text) == []


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in FAILING], ids=[name for name, _, _ in FAILING])
def test_fails(text: str, expected: list):
    assert reported(ended_means_status_ended, text) == expected
