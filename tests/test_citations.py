"""Numbered citations: markers split from text, sources numbered by first citation, unknown ids reported."""

from __future__ import annotations

import pytest

from catalogue.citations import Marker, case_citations, markdown, number, split, strip
from catalogue.loader import load_catalogue
from catalogue.schema import Source
from catalogue.text import md_escape
from tests.conftest import VALID as VALID_DIR
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
    text = VALID_CASE_TEXT + 'description: "Runs weekly [@annual-report] and more."\n'
    (valid_dir / "harbour-time-bank.yaml").write_text(text, encoding="utf-8")
    catalogue = load_catalogue(valid_dir, cache=False)
    assert not catalogue.errors, catalogue.errors
    assert case_citations(catalogue.by_id["harbour-time-bank"]).numbers == {"annual-report": 1}


def test_an_unknown_marker_rejects_the_file_at_its_line_and_is_reported_for_a_case_in_memory(valid_dir):
    text = VALID_CASE_TEXT + 'description: "Runs weekly [@missing; @annual-report] and more."\n'
    (valid_dir / "harbour-time-bank.yaml").write_text(text, encoding="utf-8")
    catalogue = load_catalogue(valid_dir, cache=False)
    [problem] = catalogue.errors
    assert (problem.line, problem.key) == (text.count("\n"), "description")
    assert "cites [@missing], which is not a source id" in problem.message
    case = load_catalogue(VALID_DIR, cache=False).by_id["harbour-time-bank"]
    described = case.model_copy(update={"description": "Runs weekly [@missing; @annual-report] and more."})
    assert case_citations(described).unknown == ("missing",)
    assert case_citations(described).numbers == {"annual-report": 1}


@pytest.mark.parametrize(
    ("text", "escape", "shown"),
    [
        ("No markers.", None, "No markers."),
        ("Grew [@b] then [@a; @b].", None, "Grew \\[[1](#sources)\\] then \\[[2](#sources), [1](#sources)\\]."),
        ("*Kept* Markdown [@b]", None, "*Kept* Markdown \\[[1](#sources)\\]"),
        ("Tom & *Jerry* [@b] ok", md_escape, "Tom \\& \\*Jerry\\* \\[[1](#sources)\\] ok"),
        ("Unknown [@zz] shown as written", None, "Unknown [@zz] shown as written"),
        ("Unknown [@zz] escaped", md_escape, "Unknown \\[@zz\\] escaped"),
    ],
)
def test_markdown_shows_markers_as_numbers_linking_to_the_sources(text, escape, shown):
    citations = number(["[@b] [@a]"], SOURCES)
    assert markdown(text, citations, escape=escape) == shown


def test_a_case_numbers_its_principles_challenges_and_type_evidence_after_its_description(valid_dir):
    case = load_catalogue(valid_dir).by_id["harbour-time-bank"]
    case = case.model_copy(update={"principles": ["reciprocity [@annual-report]"], "challenges": []})
    citations = case_citations(case)
    assert citations.numbers == {"annual-report": 1} and citations.unknown == ()


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("No markers.", "No markers."),
        ("Grew fast [@a].", "Grew fast."),
        ("Two [@a; @b], then more [@c]", "Two, then more"),
        ("[@a] leading", "leading"),
    ],
)
def test_strip_leaves_the_text_without_its_markers(text, plain):
    assert strip(text) == plain
