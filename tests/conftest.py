"""Shared fixtures: real files on disk, an isolated cache, the bundled catalogue."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from catalogue.loader import DEFAULT_CASES_DIR, Catalogue, load_catalogue

FIXTURES = Path(__file__).resolve().parent / "fixtures"
VALID = FIXTURES / "valid"
INVALID = FIXTURES / "invalid"
VALID_CASE_TEXT = (VALID / "harbour-time-bank.yaml").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own cache folder, so no result leaks between tests."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("CATALOGUE_CACHE_DIR", str(folder))
    monkeypatch.delenv("CATALOGUE_DIR", raising=False)
    return folder


@pytest.fixture
def case_dir(tmp_path: Path) -> Path:
    """An empty case folder to write real files into."""
    folder = tmp_path / "cases"
    folder.mkdir()
    return folder


@pytest.fixture
def valid_dir(case_dir: Path) -> Path:
    """A case folder holding copies of the valid fixture cases."""
    for path in VALID.glob("*.yaml"):
        shutil.copy(path, case_dir / path.name)
    return case_dir


@pytest.fixture(scope="session")
def bundled() -> Catalogue:
    """The catalogue shipped in data/cases, loaded once."""
    return load_catalogue(DEFAULT_CASES_DIR, cache=False)
