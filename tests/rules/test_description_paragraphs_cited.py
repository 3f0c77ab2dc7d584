"""description_paragraphs_cited: each description paragraph cites a source ."""

import pytest

from catalogue.rules import description_paragraphs_cited
from tests.rules import BASE, edit, reported

DESCRIBED = "summary: Residents and the health centre exchange hours of help, recorded in a shared time bank.\n"


def described(text: str) -> str:
    return edit((DESCRIBED, DESCRIBED + "description: |\n" + "".join(f"  {line}\n" for line in text.splitlines())))


PASSING = [
    ("no-description", BASE),
    ("each-paragraph-cited", described("Hours are logged [@annual-report].\n\nNurses refer patients [@annual-report].")),
]

FAILING = [
    (
        "second-paragraph-uncited",
        described("Hours are logged [@annual-report].\n\nNurses refer patients."),
        [(6, 1, "description", "error", "paragraph 2 cites no source; end it with [@source-id]")],
    ),
]


@pytest.mark.parametrize("text", [text for _, text in PASSING], ids=[name for name, _ in PASSING])
def test_passes(text: str):
    assert reported(description_paragraphs_cited, text) == []


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in FAILING], ids=[name for name, _, _ in FAILING])
def test_fails(text: str, expected: list):
    assert reported(description_paragraphs_cited, text) == expected
