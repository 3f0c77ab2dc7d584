"""What the catalogue says about itself: its name, the licence of its data and its version.

Exports, the JSON API and the static site all state these, so they are declared once here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import metadata

from catalogue.settings import REPO_ROOT

NAME = "Co-production case catalogue"
#: The licence of the case data (the package's code is MIT-licensed, see pyproject.toml).
LICENCE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}
DISTRIBUTION = "coproduction-catalogue"


@lru_cache(maxsize=1)
def version() -> str:
    """The catalogue's version: the installed package's, else pyproject.toml's in a checkout."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        pyproject = REPO_ROOT / "pyproject.toml"
        text = pyproject.read_text(encoding="utf-8") if pyproject.exists() else ""
        found = re.search(r'^version\s*=\s*"([^"]+)"', text, re.M)
        return found[1] if found else "unknown"
