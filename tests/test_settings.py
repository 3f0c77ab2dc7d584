"""Settings are read in one place: folders from the environment, repository addresses built by one rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogue import settings


def test_cache_folder_follows_the_xdg_convention_unless_set(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.delenv("CATALOGUE_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert settings.cache_dir() == tmp_path / "xdg" / "coproduction-catalogue"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert settings.cache_dir() == Path("~/.cache/coproduction-catalogue").expanduser()
    monkeypatch.setenv("CATALOGUE_CACHE_DIR", str(tmp_path / "mine"))
    assert settings.cache_dir() == tmp_path / "mine"


def test_cases_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    assert settings.cases_dir() == settings.REPO_ROOT / "data" / "cases"
    monkeypatch.setenv("CATALOGUE_DIR", str(tmp_path))
    assert settings.cases_dir() == tmp_path


@pytest.mark.parametrize("configured", ["", "github.com/o/r", "javascript:alert(1)//"])
def test_without_an_http_repository_there_are_no_links(monkeypatch: pytest.MonkeyPatch, configured: str):
    monkeypatch.setenv("CATALOGUE_REPOSITORY_URL", configured)
    assert settings.edit_url("river-watch") is None and settings.new_case_url("x.yaml", "id: x\n") is None


def test_repository_links(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CATALOGUE_REPOSITORY_URL", "https://github.com/o/r/")
    monkeypatch.setenv("CATALOGUE_REPOSITORY_BRANCH", "trunk")
    assert settings.edit_url("river-watch") == "https://github.com/o/r/edit/trunk/data/cases/river-watch.yaml"
    assert settings.new_case_url("a b.yaml", "id: a&b\n") == (
        "https://github.com/o/r/new/trunk/data/cases?filename=a+b.yaml&value=id%3A+a%26b%0A"
    )


@pytest.mark.parametrize(
    ("site", "expected"),
    [
        ("", None),
        ("https://owner.github.io/catalogue", "https://owner.github.io/catalogue/cases/shared-lives/"),
        ("https://owner.github.io/catalogue/", "https://owner.github.io/catalogue/cases/shared-lives/"),
        ("javascript:alert(1)", None),
        ("owner.github.io", None),
    ],
)
def test_permalink_is_the_cases_static_page_when_the_site_address_is_set(monkeypatch, site, expected):
    monkeypatch.setenv("CATALOGUE_SITE_URL", site)
    assert settings.permalink("shared-lives") == expected
