"""JSON: what the export is (catalogue, version, licence, day, view, count), then the full case records."""

from __future__ import annotations

import json
from collections.abc import Sequence

from catalogue.export._context import Context
from catalogue.schema import Case
from catalogue.vocabulary import Vocabulary

EXTENSION = "json"
MEDIA_TYPE = "application/json"
LABEL = "JSON (full records)"


def record(case: Case) -> dict:
    """A case as plain JSON data, with its derived regions."""
    data = case.model_dump(mode="json", exclude_none=True)
    data["regions"] = case.regions
    return data


def _with_page(data: dict, page: str) -> dict:
    """A record with its page address, where one is known."""
    return {**data, "page": page} if page else data


def render(cases: Sequence[Case], vocabulary: Vocabulary, context: Context) -> bytes:
    """JSON bytes: ``{"metadata": {...}, "cases": [...]}``, each case with its page address, keys in schema order."""
    document = {
        "metadata": context.metadata(len(cases), vocabulary),
        "cases": [_with_page(record(case), context.page(case.id)) for case in cases],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
