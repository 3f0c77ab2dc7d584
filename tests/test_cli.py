"""The command line: output format, exit codes and the schema in sync."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from catalogue.cli import SCHEMA_PATH, main, render_schema
from tests.conftest import INVALID

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning): (?P<rest>.+)$")


def run(*args: str) -> subprocess.CompletedProcess:
    """Run the real command in a subprocess, as contributors and CI do."""
    return subprocess.run([sys.executable, "-m", "catalogue", *args], capture_output=True, text=True, timeout=60)


def test_validate_bundled_cases_exits_0():
    result = run("validate")
    assert result.returncode == 0, result.stdout
    assert re.fullmatch(r"\d+ files: \d+ valid, 0 invalid\n", result.stdout)


def test_validate_invalid_exits_1_with_one_line_per_problem(valid_dir: Path):
    shutil.copy(INVALID / "unknown-type.yaml", valid_dir)
    result = run("validate", str(valid_dir))
    assert result.returncode == 1
    *problems, summary = result.stdout.strip().splitlines()
    assert summary == "3 files: 2 valid, 1 invalid"
    match = LINE.match(problems[0])
    assert match and match["line"] == "13" and match["col"] == "5"
    assert match["rest"] == "types[1]: 'co-delivry' is not a co-production type; did you mean 'co-delivery'?"


def test_github_format_annotates_lines(valid_dir: Path):
    shutil.copy(INVALID / "unsafe-url.yaml", valid_dir)
    result = run("validate", "--format", "github", str(valid_dir))
    assert result.returncode == 1
    assert re.search(r"^::error file=.*unsafe-url\.yaml,line=42,col=5::sources\[0\]\.url: ", result.stdout, re.M)


def test_usage_errors_exit_2(tmp_path: Path):
    assert run("validate", str(tmp_path / "missing")).returncode == 2
    assert run("frobnicate").returncode == 2
    assert main(["validate", "--format", "xml"]) == 2


def test_warnings_listed_on_request_but_never_fail(valid_dir: Path):
    path = valid_dir / "river-watch.yaml"
    path.write_text(path.read_text().replace("    year: 2020\n", ""))
    result = run("validate", "--warnings", str(valid_dir))
    assert result.returncode == 0
    assert ": warning: sources[0]: source 'news' has no year" in result.stdout


def test_checked_in_schema_is_current():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == render_schema(), "run: python -m catalogue schema"
    assert run("schema", "--check").returncode == 0


def test_schema_lists_vocabulary_terms():
    schema = json.loads(render_schema())
    assert "co-delivery" in schema["properties"]["types"]["items"]["enum"]
    assert schema["additionalProperties"] is False


@pytest.mark.parametrize("flag", ["--help"])
def test_help_exits_0(flag):
    assert run(flag).returncode == 0
