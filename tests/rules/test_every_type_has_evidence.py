"""every_type_has_evidence: each listed type has its evidence ."""

import pytest

from catalogue.rules import every_type_has_evidence
from tests.rules import BASE, edit, reported

PASSING = [("each-type-has-evidence", BASE)]

FAILING = [
    (
        "a-type-without-evidence",
        edit(("types: [co-delivery, co-design]", "types: [co-delivery, co-design, co-assessment]")),
        [
            (
                12,
                33,
                "types[2]",
                "error",
                "'co-assessment' has no type_evidence; give its source and what citizens do in that phase",
            )
        ],
    ),
]


@pytest.mark.parametrize("text", [text for _, text in PASSING], ids=[name for name, _ in PASSING])
def test_passes(text: str):
    assert reported(every_type_has_evidence, text) == []


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in FAILING], ids=[name for name, _, _ in FAILING])
def test_fails(text: str, expected: list):
    assert reported(every_type_has_evidence, text) == expected
