"""Exports of a set of cases: one small module per format behind one interface.

Each format module defines ``EXTENSION``, ``MEDIA_TYPE``, ``LABEL`` and
``render(cases, vocabulary, context) -> bytes``; the ``Context`` carries the view,
the day and the dashboard's address. Output is deterministic, so the app's downloads
and the command line give byte-identical files for the same cases and context.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from types import ModuleType

from catalogue.export import _csv, _datapackage, _geojson, _json
from catalogue.export._context import Context
from catalogue.filters import Filters, describe
from catalogue.schema import Case
from catalogue.vocabulary import Vocabulary

#: One case as the JSON export (and the static site's API) records it.
case_record = _json.record

FORMATS: dict[str, ModuleType] = {"csv": _csv, "json": _json, "geojson": _geojson, "datapackage": _datapackage}


__all__ = ["FORMATS", "Context", "case_record", "filename", "render"]


def render(fmt: str, cases: Sequence[Case], vocabulary: Vocabulary, context: Context | None = None) -> bytes:
    """The bytes of an export in one format (``context`` defaults to today, no filters, configured addresses)."""
    return FORMATS[fmt].render(cases, vocabulary, context or Context())


def filename(filters: Filters, vocabulary: Vocabulary, fmt: str) -> str:
    """A file name that says what view it came from, e.g. 'coproduction-cases-co-governance-europe.csv'."""
    slug = "all" if filters.is_empty else re.sub(r"[^a-z0-9]+", "-", describe(filters, vocabulary).lower()).strip("-")
    slug = slug.removeprefix("cases-").removesuffix("-cases")[:80].strip("-")
    return f"coproduction-cases-{slug}.{FORMATS[fmt].EXTENSION}"
