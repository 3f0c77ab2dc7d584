"""Numbered citations: markers split from text, sources numbered by first citation, unknown ids reported."""

from __future__ import annotations

import pytest

from catalogue.citations import Marker, case_citations, number, split
from catalogue.loader import load_catalogue
from catalogue.schema import Source
from tests.conftest import VALID_CASE_TEXT

SOURCES = [Source(id=i, title=i.upper(), url=f"https://example.org/{i}") for i in ("a", "b", "c")]


@pytest.mark.parametrize(
    ("text", "segments"),
    [
        ("", []),
        ("No markers at all.", ["No markers at all."]),
        ("Plain [brackets] and an e-mail a@b.org stay text.", ["Plain [brackets] and an e-mail a@b.org stay text."]),
        ("Grew fast [@a].", ["Grew fast ", Marker(("a",), "[@a]"), "."]),
        ("[@a]", [Marker(("a",), "[@a]")]),
        ("Two [@a; @b] then [@c]", ["Two ", Marker(("a", "b"), "[@a; @b]"), " then ", Marker(("c",), "[@c]")]),
        ("Spaces [ @a ;@b ] ok", ["Spaces ", Marker(("a", "b"), "[ @a ;@b ]"), " ok"]),
        ("Not a marker [@Upper] or [@] or [a]", ["Not a marker [@Upper] or [@] or [a]"]),
    ],
)
def test_split_gives_plain_text_and_markers(text, segments):
    assert split(text) == segments
    assert "".join(s if isinstance(s, str) else s.text for s in split(text)) == text


@pytest.mark.parametrize(
    ("texts", "numbers", "unknown"),
    [
        ([""], {}, ()),
        (["Nothing cited."], {}, ()),
        (["First [@b], then [@a], [@b] again."], {"b": 1, "a": 2}, ()),
        (["[@c; @a]", "and [@b]"], {"c": 1, "a": 2, "b": 3}, ()),
        (["[@a] [@nope] [@nope; @b]"], {"a": 1, "b": 2}, ("nope",)),
        (["[@gone]"], {}, ("gone",)),
    ],
)
def test_sources_are_numbered_by_first_citation(texts, numbers, unknown):
    citations = number(texts, SOURCES)
    assert citations.numbers == numbers
    assert citations.unknown == unknown


@pytest.mark.parametrize(
    ("text", "order"),
    [("", ["a", "b", "c"]), ("[@c] then [@a]", ["c", "a", "b"]), ("[@b]", ["b", "a", "c"])],
)
def test_cited_sources_come_first_then_the_rest_in_file_order(text, order):
    assert [s.id for s in number([text], SOURCES).ordered(SOURCES)] == order


def test_a_real_case_description_is_numbered(valid_dir):
    text = VALID_CASE_TEXT + 'description: "Runs weekly [@missing; @annual-report] and more."\n'
    (valid_dir / "harbour-time-bank.yaml").write_text(text, encoding="utf-8")
    catalogue = load_catalogue(valid_dir, cache=False)
    assert not catalogue.errors, catalogue.errors
    case = catalogue.by_id["harbour-time-bank"]
    assert case_citations(case).unknown == ("missing",)
    assert case_citations(case).numbers == {"annual-report": 1}
