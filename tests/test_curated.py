"""Curated collections are read exactly like case files: the same byte checks, reader and positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogue import curated
from catalogue.cli import main
from catalogue.curated import load_collections
from catalogue.vocabulary import load_vocabulary
from catalogue.yamlfile import MAX_FILE_BYTES

VOCABULARY = load_vocabulary()
HEAD = "id: {id}\ntitle: Mental health\nintroduction: Cases about mental health.\n"


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / f"{name}.yaml"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "line", "fragment"),
    [
        (HEAD.format(id="latin").encode() + "filter:\n  q: caf\u00e9\n".encode("latin-1"), 5, "the file is not UTF-8 text"),
        (HEAD.format(id="nul").encode() + b"filter:\n  q: a\x00b\n", 5, "the file contains a NUL byte"),
        (HEAD.format(id="big").encode() + b"#" * (MAX_FILE_BYTES + 1), 1, "collection files are at most 256 KiB"),
    ],
    ids=["not-utf8", "nul-byte", "too-big"],
)
def test_unreadable_collection_files_are_problems_with_lines(bundled, tmp_path: Path, data: bytes, line: int, fragment: str):
    path = write(tmp_path, "bad", data)
    collections, problems = load_collections(tmp_path, bundled.cases, VOCABULARY)
    assert collections == {}
    assert [(p.path, p.line, p.column) for p in problems] == [(str(path), line, 1)]
    assert fragment in problems[0].message


def test_validate_reports_a_non_utf8_collection_instead_of_crashing(bundled, tmp_path, monkeypatch, capsys):
    path = write(tmp_path, "latin", HEAD.format(id="latin").encode() + "filter:\n  q: caf\u00e9\n".encode("latin-1"))
    monkeypatch.setattr(curated, "DEFAULT_COLLECTIONS_DIR", tmp_path)
    assert main(["validate"]) == 1
    out = capsys.readouterr().out
    assert f"{path}:5:1: error: the file is not UTF-8 text; save it as UTF-8" in out
    assert out.strip().endswith("1 invalid")


def test_unknown_field_suggests_a_collection_field(bundled, tmp_path: Path):
    write(tmp_path, "mental", (HEAD.format(id="mental") + "introducton: typo\n").encode())
    _, problems = load_collections(tmp_path, bundled.cases, VOCABULARY)
    assert [(p.line, p.key, p.message) for p in problems] == [
        (4, "introducton", "unknown field 'introducton'; did you mean 'introduction'?")
    ]


def test_unknown_field_without_a_near_name_lists_the_collection_fields(bundled, tmp_path: Path):
    write(tmp_path, "mental", (HEAD.format(id="mental") + "zzz: 1\n").encode())
    _, problems = load_collections(tmp_path, bundled.cases, VOCABULARY)
    assert problems[0].message == "unknown field 'zzz'; known fields here: id, title, introduction, filter, cases"


def test_year_range_given_backwards_says_so(bundled, tmp_path: Path):
    write(tmp_path, "mental", (HEAD.format(id="mental") + "filter:\n  from: '2020'\n  to: '2010'\n").encode())
    _, problems = load_collections(tmp_path, bundled.cases, VOCABULARY)
    assert [(p.line, p.column, p.key, p.message) for p in problems] == [
        (5, 3, "filter.from", "2020 is after to (2010); swap from and to")
    ]
