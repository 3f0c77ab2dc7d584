"""cited_sources_exist: milestones, organisations and type evidence that name a source name a listed one."""

import pytest

from catalogue.rules import cited_sources_exist
from tests.rules import BASE, edit, reported

PASSING = [
    ("milestone-and-type-evidence-sources-listed", BASE),
]

FAILING = [
    (
        "milestone",
        edit(("    source: annual-report\ntags:", "    source: minutes\ntags:")),
        [(35, 5, "milestones[0].source", "error", "'minutes' is not a source id; use one of: annual-report")],
    ),
    (
        "organisation",
        edit(("    kind: public", "    kind: public\n    source: leaflet")),
        [(22, 5, "organisations[0].source", "error", "'leaflet' is not a source id; use one of: annual-report")],
    ),
    (
        "type-evidence",
        edit(("  co-design:\n    source: annual-report", "  co-design:\n    source: board-minutes")),
        [(51, 5, "type_evidence.co-design.source", "error", "'board-minutes' is not a source id; use one of: annual-report")],
    ),
]


@pytest.mark.parametrize("text", [text for _, text in PASSING], ids=[name for name, _ in PASSING])
def test_passes(text: str):
    assert reported(cited_sources_exist, text) == []


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in FAILING], ids=[name for name, _, _ in FAILING])
def test_fails(text: str, expected: list):
    assert reported(cited_sources_exist, text) == expected
