"""The package installs on its own: `pip install <repo>` into a fresh virtual environment gives a working `catalogue` command.

This is what pre-commit does for the published hook (``.pre-commit-hooks.yaml``,
``language: python``): it installs the repository into a new environment and runs the
hook's entry on the changed files. The test needs PyPI (for the dependencies) and skips
cleanly without it.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from tests.conftest import INVALID, REPO, VALID

pytestmark = pytest.mark.slow

COPY_IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "__pycache__", "*.pyc", ".pytest_cache", ".ruff_cache", ".mypy_cache", ".hypothesis", "*.egg-info",
    "build", "dist", "screenshots",
)


def _index_reachable() -> bool:
    """Whether the package index pip will use answers (PyPI unless PIP_INDEX_URL says otherwise)."""
    host = urlsplit(os.environ.get("PIP_INDEX_URL") or "https://pypi.org/simple").hostname or "pypi.org"
    try:
        socket.create_connection((host, 443), timeout=5).close()
    except OSError:
        return False
    return True


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plain virtual environment (no system site-packages) with a copy of this repository pip-installed into it.

    Built once per test run: the pytest-xdist workers share one folder and take turns on a lock,
    so a second worker reuses the first one's install (each install takes 35-40 s)."""
    if not _index_reachable():
        pytest.skip("the package index is not reachable; cannot install dependencies")
    shared = tmp_path_factory.getbasetemp().parent  # the same folder for every worker of this run
    with open(shared / "install.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            return _install(shared / "install")
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _install(root: Path) -> Path:
    """Install a copy of the repository into ``root/venv`` unless an earlier worker already did."""
    venv = root / "venv"
    if (root / "done").exists():
        return venv
    shutil.rmtree(root, ignore_errors=True)  # a half-finished install from a failed attempt
    root.mkdir()
    source = root / "checkout"
    shutil.copytree(REPO, source, ignore=COPY_IGNORE)
    # --no-compile: byte-compiling every dependency took half the install's 40 s and proves nothing here.
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    result = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-compile",
         str(source)],
        capture_output=True, text=True, timeout=900,
    )
    if result.returncode != 0 and "Could not find a version" in result.stderr + result.stdout:
        pytest.skip(f"the package index did not serve a dependency: {result.stderr[-400:]}")
    assert result.returncode == 0, result.stderr[-3000:]
    shutil.rmtree(source)  # the installed package must not lean on the checkout
    (root / "done").touch()
    return venv


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder outside the repository holding copies of the valid fixture cases."""
    cases = tmp_path / "elsewhere" / "cases"
    cases.mkdir(parents=True)
    for path in VALID.glob("*.yaml"):
        shutil.copy(path, cases / path.name)
    return cases


def run(venv: Path, args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": str(cwd), "CATALOGUE_CACHE_DIR": str(cwd / "cache")}
    return subprocess.run(args, capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


def test_catalogue_command_validates_a_folder_outside_the_repository(installed: Path, outside: Path):
    result = run(installed, ["catalogue", "validate", str(outside)], cwd=outside.parent)
    assert (result.returncode, result.stdout, result.stderr) == (0, "2 files: 2 valid, 0 invalid\n", "")


def test_installed_command_reports_bad_files_with_lines(installed: Path, outside: Path):
    shutil.copy(INVALID / "unknown-type.yaml", outside)
    result = run(installed, ["catalogue", "validate", "cases"], cwd=outside.parent)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "cases/unknown-type.yaml:13:5: error: types[1]: 'co-delivry' is not a co-production type; did you mean 'co-delivery'?"
    )


def test_the_package_carries_its_data_and_needs_no_streamlit(installed: Path, outside: Path):
    code = (
        "import importlib.util, catalogue.geography as g, catalogue.vocabulary as v, catalogue.search as s;"
        "print(len(v.load_vocabulary().keys('types')), len(g.country_bounds()) > 150,"
        " importlib.util.find_spec('streamlit') is None, len(s.load_synonyms()))"
    )
    result = run(installed, ["python", "-c", code], cwd=outside.parent)
    assert result.returncode == 0, result.stderr
    count, has_outlines, no_streamlit, synonym_groups = result.stdout.split()
    assert int(count) > 0 and has_outlines == "True" and no_streamlit == "True" and int(synonym_groups) > 0


def test_published_pre_commit_hook_runs_in_the_installed_environment(installed: Path, outside: Path):
    """pre-commit runs the hook's entry with the changed file names appended, from the other repository's root."""
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["language"] == "python"
    files = sorted(f"cases/{p.name}" for p in outside.glob("*.yaml"))
    result = run(installed, [*hook["entry"].split(), *files], cwd=outside.parent)
    assert (result.returncode, result.stdout) == (0, "2 files: 2 valid, 0 invalid\n")
