"""started_not_in_future: a case cannot have started after this year."""

import datetime as dt

import pytest

from catalogue import clock
from catalogue.rules import started_not_in_future
from tests.rules import BASE, edit, reported

PASSING = [
    ("years-ago", BASE),
    ("this-year", edit(("started: 2015", "started: 2026"))),
]

FAILING = [
    (
        "next-year",
        edit(("started: 2015", "started: 2027")),
        [(16, 1, "started", "error", "2027 is in the future; give the year it started")],
    ),
]


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: dt.date(2026, 3, 1))


@pytest.mark.parametrize("text", [text for _, text in PASSING], ids=[name for name, _ in PASSING])
def test_passes(text: str):
    assert reported(started_not_in_future, text) == []


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in FAILING], ids=[name for name, _, _ in FAILING])
def test_fails(text: str, expected: list):
    assert reported(started_not_in_future, text) == expected
