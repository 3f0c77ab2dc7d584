"""ongoing_case_recently_reviewed: an active case should be reviewed against its sources at least every two years."""

import datetime as dt

import pytest

from catalogue import clock
from catalogue.rules import ongoing_case_recently_reviewed
from tests.rules import BASE, edit, reported

REVIEWED = "last_reviewed: 2025-06-01"

PASSING = [
    # (today, case file)
    ("reviewed-last-year", dt.date(2026, 3, 1), BASE),
    ("exactly-two-years", dt.date(2026, 3, 1), edit((REVIEWED, "last_reviewed: 2024-03-01"))),
    (
        "ended-cases-need-no-review",
        dt.date(2026, 3, 1),
        edit((REVIEWED, "last_reviewed: 2020-01-01"), ("status: active", "status: ended")),
    ),
    ("on-29-february", dt.date(2028, 2, 29), edit((REVIEWED, "last_reviewed: 2026-02-28"))),
]

FAILING = [
    (
        "a-day-over-two-years",
        dt.date(2026, 3, 1),
        edit((REVIEWED, "last_reviewed: 2024-02-29")),
        [(45, 1, "last_reviewed", "warning", "2024-02-29 is over 2 years ago; check the sources again")],
    ),
    (
        "on-29-february",
        dt.date(2028, 2, 29),
        edit((REVIEWED, "last_reviewed: 2026-02-27")),
        [(45, 1, "last_reviewed", "warning", "2026-02-27 is over 2 years ago; check the sources again")],
    ),
]


@pytest.mark.parametrize(("today", "text"), [(d, t) for _, d, t in PASSING], ids=[name for name, _, _ in PASSING])
def test_passes(monkeypatch: pytest.MonkeyPatch, today: dt.date, text: str):
    monkeypatch.setattr(clock, "today", lambda: today)
    assert reported(ongoing_case_recently_reviewed, text) == []


@pytest.mark.parametrize(
    ("today", "text", "expected"), [(d, t, e) for _, d, t, e in FAILING], ids=[name for name, _, _, _ in FAILING]
)
def test_fails(monkeypatch: pytest.MonkeyPatch, today: dt.date, text: str, expected: list):
    monkeypatch.setattr(clock, "today", lambda: today)
    assert reported(ongoing_case_recently_reviewed, text) == expected
