"""The one safe way into a YAML file, shared by case files, collection files and uploads: bytes in, a document or problems out."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogue.casefile import check_bytes
from catalogue.vocabulary import load_vocabulary
from catalogue.yamlfile import MAX_FILE_BYTES, read_yaml_bytes, read_yaml_file
from tests.conftest import VALID_CASE_TEXT

REFUSALS = [
    (b"a: 1\nb: caf\xe9\n", 2, "the file is not UTF-8 text; save it as UTF-8"),
    (b"a: 1\nb: 2\nc: x\x00y\n", 3, "the file contains a NUL byte; it is not a text file"),
    (b"a: 1\n" + b"#" * MAX_FILE_BYTES, 1, "the file is 256 KiB; case files are at most 256 KiB"),
    (b"a: 1\na: 2\n", 2, "duplicate key 'a' (first at line 1); keep one"),
]


@pytest.mark.parametrize(("raw", "line", "message"), REFUSALS, ids=["not-utf8", "nul", "too-big", "duplicate-key"])
def test_bytes_and_files_are_refused_the_same_way_with_lines(tmp_path: Path, raw: bytes, line: int, message: str):
    path = tmp_path / "upload.yaml"
    path.write_bytes(raw)
    for document, problems in (read_yaml_bytes(str(path), raw), read_yaml_file(path)):
        assert document is None
        assert [(p.path, p.line, p.column, p.message) for p in problems] == [(str(path), line, 1, message)]


def test_a_byte_order_mark_is_read_as_utf8():
    document, problems = read_yaml_bytes("bom.yaml", b"\xef\xbb\xbfid: x\n")
    assert problems == [] and document is not None and document.data == {"id": "x"}


def test_uploads_get_every_check_a_case_file_gets():
    vocabulary = load_vocabulary()
    raw = VALID_CASE_TEXT.encode()
    assert check_bytes("harbour-time-bank.yaml", raw, vocabulary, "harbour-time-bank").case is not None
    nul = check_bytes("harbour-time-bank.yaml", raw.replace(b"Harbour Time Bank\n", b"Harbour\x00 Time Bank\n", 1), vocabulary)
    assert [(p.line, p.message) for p in nul.problems] == [(4, "the file contains a NUL byte; it is not a text file")]
