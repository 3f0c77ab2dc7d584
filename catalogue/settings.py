"""The catalogue's settings, declared once: name, environment variable, default and meaning.

Tests check that each one is documented in the README.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    """One setting read from the environment."""

    env: str
    default: str
    help: str

    def value(self) -> str:
        """The setting's current value: the environment's, else the default."""
        return os.environ.get(self.env) or self.default


CASES_DIR = Setting("CATALOGUE_DIR", "data/cases", "Folder of case files the app and the command line read.")
CACHE_DIR = Setting(
    "CATALOGUE_CACHE_DIR",
    "~/.cache/coproduction-catalogue",
    "Where validated results are cached between runs (outside the repository).",
)
REPOSITORY_URL = Setting(
    "CATALOGUE_REPOSITORY_URL",
    "",
    "The project's repository address (e.g. https://github.com/OWNER/REPO), for 'Edit this case' links; "
    "when empty, the case page names the file instead.",
)
REPOSITORY_BRANCH = Setting("CATALOGUE_REPOSITORY_BRANCH", "main", "The branch that 'Edit this case' links open.")

SITE_URL = Setting(
    "CATALOGUE_SITE_URL",
    "",
    "The public address of the static site (e.g. https://OWNER.github.io/REPO/): canonical addresses, the sitemap, "
    "the feed and the dashboard's permalinks; when empty, pages carry no absolute addresses.",
)
DASHBOARD_URL = Setting(
    "CATALOGUE_DASHBOARD_URL",
    "",
    "The public address of the dashboard, for the static site's 'Explore in the dashboard' links; "
    "when empty, the site leaves those links out.",
)

SETTINGS: tuple[Setting, ...] = (CASES_DIR, CACHE_DIR, REPOSITORY_URL, REPOSITORY_BRANCH, SITE_URL, DASHBOARD_URL)


def case_file(case_id: str) -> str:
    """A case's file inside the repository."""
    return f"data/cases/{case_id}.yaml"


def edit_url(case_id: str) -> str | None:
    """The address of a case file's editor in the repository, if the repository is configured."""
    base = REPOSITORY_URL.value().rstrip("/")
    if not base.startswith(("https://", "http://")):
        return None
    return f"{base}/edit/{REPOSITORY_BRANCH.value()}/{case_file(case_id)}"


def _base(setting: Setting) -> str | None:
    """An http(s) address from a setting, ending in '/', or None when unset or not http(s)."""
    base = setting.value().strip()
    if not base.startswith(("https://", "http://")):
        return None
    return base.rstrip("/") + "/"


def permalink(case_id: str) -> str | None:
    """The address of a case's page on the static site, or None when no site address is set."""
    base = _base(SITE_URL)
    return f"{base}cases/{case_id}/" if base else None
