"""The catalogue's settings, declared once: name, environment variable, default and meaning.

Tests check that each one is documented in the README.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

#: The repository checkout this package runs from (for the bundled cases and generated files).
REPO_ROOT = Path(__file__).resolve().parent.parent


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
XDG_CACHE_HOME = Setting(
    "XDG_CACHE_HOME",
    "~/.cache",
    "The user's cache folder (the XDG convention); the cache lives in its coproduction-catalogue folder "
    "unless CATALOGUE_CACHE_DIR is set.",
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

SETTINGS: tuple[Setting, ...] = (CASES_DIR, CACHE_DIR, XDG_CACHE_HOME, REPOSITORY_URL, REPOSITORY_BRANCH, SITE_URL, DASHBOARD_URL)

#: Where contributors keep case files inside the repository.
CASES_FOLDER = "data/cases"


def cases_dir() -> Path:
    """The case folder: ``$CATALOGUE_DIR`` if set, else the repository's ``data/cases``."""
    configured = os.environ.get(CASES_DIR.env)
    return Path(configured) if configured else REPO_ROOT / CASES_FOLDER


def cache_dir() -> Path:
    """Where cached results live: ``$CATALOGUE_CACHE_DIR``, else ``coproduction-catalogue`` in the user's cache folder."""
    configured = os.environ.get(CACHE_DIR.env)
    if configured:
        return Path(configured)
    return Path(XDG_CACHE_HOME.value()).expanduser() / "coproduction-catalogue"


def case_file(case_id: str) -> str:
    """A case's file inside the repository."""
    return f"{CASES_FOLDER}/{case_id}.yaml"


def http_address(url: str | None) -> str | None:
    """An http(s) address without its trailing slash; None when empty or not http(s).

    The one rule for every configured address: repository, static site and dashboard."""
    base = (url or "").strip().rstrip("/")
    return base if base.startswith(("https://", "http://")) else None


def web_address(setting: Setting) -> str | None:
    """A setting's address by that rule."""
    return http_address(setting.value())


def repository_url() -> str | None:
    """The configured repository address, or None."""
    return web_address(REPOSITORY_URL)


def edit_url(case_id: str) -> str | None:
    """The address of a case file's editor in the repository, if the repository is configured."""
    base = repository_url()
    if base is None:
        return None
    return f"{base}/edit/{REPOSITORY_BRANCH.value()}/{case_file(case_id)}"


def new_case_url(file_name: str, text: str) -> str | None:
    """The address that proposes a new case file (name and text filled in), if the repository is configured."""
    base = repository_url()
    if base is None:
        return None
    query = urlencode({"filename": file_name, "value": text})
    return f"{base}/new/{REPOSITORY_BRANCH.value()}/{CASES_FOLDER}?{query}"


def permalink(case_id: str) -> str | None:
    """The address of a case's page on the static site, or None when no site address is set."""
    base = web_address(SITE_URL)
    return f"{base}/cases/{case_id}/" if base else None
