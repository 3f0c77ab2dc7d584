"""Hostile and broken input: the loader never raises, never hangs, and names a file and a line."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogue.casefile import check_file, check_text
from catalogue.loader import load_catalogue
from catalogue.reader import read_yaml
from catalogue.vocabulary import load_vocabulary
from tests.conftest import FIXTURES, VALID_CASE_TEXT

HOSTILE = FIXTURES / "hostile"
VOCABULARY = load_vocabulary()
SECOND = 1.0

# Each hostile file: None when it must load as a valid case, else (line, message fragment) of its first error.
EXPECTED = {
    "alias-bomb": (1, "anchor '&a' is not allowed"),
    "python-object": (2, "YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"),
    "python-name-tag": (2, "YAML tag"),
    "deep-nesting": (2, "nesting deeper than"),
    "nul-byte": (2, "NUL byte"),
    "utf8-bom": None,
    "crlf-line-endings": None,
    "tab-indentation": (6, "indent with spaces, not tabs"),
    "very-long-line": (2, "is 100000 characters; keep it to at most 160"),
    "right-to-left-title": (2, "invisible control or direction characters"),
    "zero-width-title": (2, "invisible control or direction characters"),
    "swapped-lat-lon": None,  # valid, with a warning that it lies far from its country
    "latitude-out-of-range": (7, "95.0 is out of range"),
    "javascript-url": (40, "is not an http(s) address"),
    "data-url": (40, "is not an http(s) address"),
    "dot-dot-id": (1, "is not kebab-case"),
    "merge-key": (43, "unknown field '<<'"),
}


def test_every_hostile_file_has_an_expectation():
    assert {p.stem for p in HOSTILE.glob("*.yaml")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file(name: str, tmp_path: Path):
    path = tmp_path / f"{name}.yaml"
    shutil.copy(HOSTILE / f"{name}.yaml", path)
    start = time.perf_counter()
    result = check_file(path, VOCABULARY)
    assert time.perf_counter() - start < SECOND
    errors = [p for p in result.problems if p.severity == "error"]
    if EXPECTED[name] is None:
        assert result.case is not None and errors == [], [p.format() for p in errors]
    else:
        line, fragment = EXPECTED[name]
        assert result.case is None
        assert errors[0].line == line and fragment in errors[0].format(), errors[0].format()


def test_swapped_coordinates_are_flagged(tmp_path: Path):
    shutil.copy(HOSTILE / "swapped-lat-lon.yaml", tmp_path)
    warnings = check_file(tmp_path / "swapped-lat-lon.yaml", VOCABULARY).problems
    assert any("far from United Kingdom" in w.message for w in warnings)


def test_a_50_megabyte_file_is_refused_without_reading_it(tmp_path: Path):
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    start = time.perf_counter()
    result = check_file(path, VOCABULARY)
    assert time.perf_counter() - start < SECOND
    assert "is 51200 KiB; case files are at most 256 KiB" in result.problems[0].message


def test_a_dot_dot_file_name_cannot_escape_the_folder(tmp_path: Path):
    folder = tmp_path / "cases"
    folder.mkdir()
    (tmp_path / "outside.yaml").write_text(VALID_CASE_TEXT)
    (folder / "..yaml").write_text("id: x\n")
    catalogue = load_catalogue(folder)
    assert all(Path(f).parent == folder for f in catalogue.files)


def _no_crash(text: str) -> None:
    start = time.perf_counter()
    result = check_text("fuzz.yaml", text, VOCABULARY, expected_id="fuzz")
    assert time.perf_counter() - start < SECOND
    for problem in result.problems:
        assert problem.path == "fuzz.yaml" and problem.line >= 1 and problem.column >= 1 and problem.message


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash(data: bytes):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.yaml"
        path.write_bytes(data)
        result = check_file(path, VOCABULARY)
    assert result.case is None or result.problems is not None
    for problem in result.problems:
        assert problem.line >= 1 and problem.message


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500))
def test_arbitrary_text_never_crashes(text: str):
    _no_crash(text)


YAML_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(YAML_VALUES)
def test_arbitrary_yaml_documents_never_crash(value):
    _no_crash(yaml.safe_dump(value, allow_unicode=True))


BASE = read_yaml(VALID_CASE_TEXT)[0].data


@settings(max_examples=200, deadline=None)
@given(field=st.sampled_from(sorted(BASE)), value=YAML_VALUES)
def test_a_valid_case_with_one_field_mutated_never_crashes(field, value):
    mutated = {**BASE, field: value}
    _no_crash(yaml.safe_dump(mutated, allow_unicode=True, default_flow_style=False))
