"""no_template_placeholders: nothing is left from the template: every 'FILL IN' is replaced or its field removed."""

import pytest

from catalogue.rules import no_template_placeholders
from tests.rules import BASE, edit, reported

MSG = "still holds a template placeholder; fill it in from a source or remove the field"

PASSING = [
    ("filled-in", BASE),
    ("the-words-fill-in", edit(("role: Hosts the time bank", "role: Helps people fill in forms"))),
]

FAILING = [
    ("title", edit(("title: Harbour Time Bank", "title: FILL IN")), [(4, 1, "title", "error", MSG)]),
    (
        "nested",
        edit(("role: Hosts the time bank", 'role: "FILL IN: what they do"')),
        [(20, 5, "organisations[0].role", "error", MSG)],
    ),
    ("in-a-list", edit(("[residents, nurses]", "[residents, __COUNTRY__]")), [(22, 27, "participants[1]", "error", MSG)]),
]


@pytest.mark.parametrize("text", [text for _, text in PASSING], ids=[name for name, _ in PASSING])
def test_passes(text: str):
    assert reported(no_template_placeholders, text) == []


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in FAILING], ids=[name for name, _, _ in FAILING])
def test_fails(text: str, expected: list):
    assert reported(no_template_placeholders, text) == expected
