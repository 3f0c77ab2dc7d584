"""JSON: the full case records, as validated, with derived world regions."""

from __future__ import annotations

import json
from collections.abc import Sequence

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


def render(cases: Sequence[Case], vocabulary: Vocabulary) -> bytes:
    """JSON bytes: an array of case records, keys in schema order."""
    return (json.dumps([record(c) for c in cases], ensure_ascii=False, indent=2) + "\n").encode("utf-8")
