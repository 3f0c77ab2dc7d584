"""Reading one YAML file safely: the byte checks, the strict reader and positioned problems.

Case files, collection files and uploads all go through here, so each gets the same
refusals (too big, not UTF-8, a NUL byte) and the same ``path:line:col`` reporting.
"""

from __future__ import annotations

from pathlib import Path

from catalogue.problems import Problem, problem
from catalogue.reader import Document, read_yaml

#: The largest file read; bigger files are refused unread.
MAX_FILE_BYTES = 256 * 1024


def decode_yaml_bytes(name: str, raw: bytes, kind: str = "case") -> tuple[str | None, list[Problem]]:
    """The text of a file's bytes, or the problem that makes it no small UTF-8 text file."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [_too_big(name, len(raw), kind)]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [problem(name, line, 1, "", "the file is not UTF-8 text; save it as UTF-8")]
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return None, [problem(name, line, 1, "", "the file contains a NUL byte; it is not a text file")]
    return text, []


def read_yaml_text(name: str, text: str) -> tuple[Document | None, list[Problem]]:
    """The document of a YAML text, or the problems that stop it being read as plain data."""
    document, errors = read_yaml(text)
    if document is None:
        return None, [problem(name, e.line, e.column, e.key, e.message) for e in errors]
    return document, []


def read_yaml_bytes(name: str, raw: bytes, kind: str = "case") -> tuple[Document | None, list[Problem]]:
    """The document in a file's bytes (an upload, say), or the problems that stop it being read."""
    text, problems = decode_yaml_bytes(name, raw, kind)
    if text is None:
        return None, problems
    return read_yaml_text(name, text)


def read_yaml_file(path: Path, kind: str = "case") -> tuple[Document | None, list[Problem]]:
    """The document in a file on disk, refusing a file too big to read before reading it."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [_too_big(name, size, kind)]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [problem(name, 1, 1, "", f"cannot read the file: {exc.strerror}")]
    return read_yaml_bytes(name, raw, kind)


def _too_big(name: str, size: int, kind: str) -> Problem:
    return problem(name, 1, 1, "", f"the file is {size // 1024} KiB; {kind} files are at most {MAX_FILE_BYTES // 1024} KiB")
