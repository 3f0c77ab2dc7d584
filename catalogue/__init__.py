"""The co-production case catalogue: schema, vocabulary, loading, filtering and figures.

Nothing in this package imports Streamlit, so it can be used from scripts and tested
with plain pytest. The app in ``app.py`` and ``pages/`` is a thin layer on top.

The names below load on first use (PEP 562), so the command line starts without
the schema and pydantic when its answer comes from the cache.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from catalogue.loader import Catalogue, load_catalogue
    from catalogue.problems import Problem
    from catalogue.schema import Case
    from catalogue.vocabulary import Vocabulary, load_vocabulary

_WHERE = {
    "Case": "catalogue.schema",
    "Catalogue": "catalogue.loader",
    "Problem": "catalogue.problems",
    "Vocabulary": "catalogue.vocabulary",
    "load_catalogue": "catalogue.loader",
    "load_vocabulary": "catalogue.vocabulary",
}
__all__ = ["Case", "Catalogue", "Problem", "Vocabulary", "load_catalogue", "load_vocabulary"]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'catalogue' has no attribute {name!r}")
