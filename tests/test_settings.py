"""Settings read through catalogue.settings: addresses for edit links and permalinks."""

from __future__ import annotations

import pytest

from catalogue.settings import edit_url, permalink


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
    assert permalink("shared-lives") == expected


def test_edit_url_needs_an_http_repository(monkeypatch):
    monkeypatch.setenv("CATALOGUE_REPOSITORY_URL", "https://github.com/o/r/")
    assert edit_url("x") == "https://github.com/o/r/edit/main/data/cases/x.yaml"
    monkeypatch.setenv("CATALOGUE_REPOSITORY_URL", "file:///etc")
    assert edit_url("x") is None
