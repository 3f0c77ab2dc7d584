"""summary_not_title: the summary should say more than the title."""

import pytest

from catalogue.rules import summary_not_title
from tests.rules import BASE, edit, reported

SUMMARY = "summary: Residents and the health centre exchange hours of help, recorded in a shared time bank."

PASSING = [
    ("says-more", BASE),
    ("starts-with-the-title", edit(("summary: Residents", "summary: Harbour Time Bank. Residents"))),
]

FAILING = [
    (
        "repeats-the-title",
        edit((SUMMARY, "summary: harbour time bank.")),
        [(5, 1, "summary", "warning", "repeats the title; say what the service is and who co-produces it")],
    ),
]


@pytest.mark.parametrize("text", [text for _, text in PASSING], ids=[name for name, _ in PASSING])
def test_passes(text: str):
    assert reported(summary_not_title, text) == []


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in FAILING], ids=[name for name, _, _ in FAILING])
def test_fails(text: str, expected: list):
    assert reported(summary_not_title, text) == expected
