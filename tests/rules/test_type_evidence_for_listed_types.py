"""type_evidence_for_listed_types: type evidence is given only for types the case lists."""

import pytest

from catalogue.rules import type_evidence_for_listed_types
from tests.rules import BASE, edit, reported

PASSING = [("evidence-for-each-listed-type", BASE)]

FAILING = [
    (
        "evidence-for-an-unlisted-type",
        edit(("types: [co-delivery, co-design]", "types: [co-delivery]")),
        [
            (
                50,
                3,
                "type_evidence.co-design",
                "error",
                "is evidence for 'co-design', which types does not list; add the type or remove this",
            )
        ],
    ),
]


@pytest.mark.parametrize("text", [text for _, text in PASSING], ids=[name for name, _ in PASSING])
def test_passes(text: str):
    assert reported(type_evidence_for_listed_types, text) == []


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in FAILING], ids=[name for name, _, _ in FAILING])
def test_fails(text: str, expected: list):
    assert reported(type_evidence_for_listed_types, text) == expected
