"""Turning a contributor's form input into case data, for the same writer and validator as files."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

#: Repeated parts of a case: for each, its fields and how to read each field's text.
ROW_FIELDS: dict[str, tuple[tuple[str, type], ...]] = {
    "locations": (("name", str), ("lat", float), ("lon", float), ("precision", str)),
    "organisations": (("name", str), ("role", str), ("kind", str)),
    "outcomes": (
        ("text", str),
        ("value", float),
        ("unit", str),
        ("comparison_value", float),
        ("comparison_label", str),
        ("source", str),
    ),
    "sources": (("id", str), ("title", str), ("url", str), ("publisher", str), ("year", int)),
}
LIST_FIELDS = ("countries", "types", "sectors", "participants", "principles", "challenges", "tags")


def slugify(title: str) -> str:
    """A case id from a title: lower-case ASCII words joined by hyphens."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:80].strip("-")


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def _row(row: Mapping[str, Any], fields: Sequence[tuple[str, type]]) -> dict[str, Any]:
    """One repeated part, empty fields dropped; numbers kept as numbers, text as typed (the validator judges)."""
    out: dict[str, Any] = {}
    for name, kind in fields:
        value = row.get(name)
        if _empty(value):
            continue
        if kind is not str and isinstance(value, str):
            try:
                value = kind(value.strip())
            except ValueError:
                value = value.strip()
        elif kind is float and isinstance(value, int):
            value = float(value)
        out[name] = value.strip() if isinstance(value, str) else value
    return out


def build_case(values: Mapping[str, Any]) -> dict[str, Any]:
    """Case data from form values: empty fields left out, repeated parts as lists of mappings."""
    data: dict[str, Any] = {}
    title = (values.get("title") or "").strip()
    data["id"] = (values.get("id") or "").strip() or slugify(title)
    for key, value in values.items():
        if key in ROW_FIELDS or key == "id" or _empty(value):
            continue
        if key in LIST_FIELDS:
            items = [v.strip() if isinstance(v, str) else v for v in value]
            data[key] = [v for v in items if not _empty(v)]
        else:
            data[key] = value.strip() if isinstance(value, str) else value
    evidence = {
        key: {name: text.strip() for name, text in given.items() if not _empty(text)}
        for key, given in (values.get("type_evidence") or {}).items()
    }
    data.pop("type_evidence", None)
    if any(evidence.values()):
        data["type_evidence"] = {key: given for key, given in evidence.items() if given}
    for key, fields in ROW_FIELDS.items():
        rows = [_row(row, fields) for row in values.get(key) or []]
        rows = [row for row in rows if row]
        if rows:
            data[key] = rows
    return data
