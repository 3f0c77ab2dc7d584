"""The controlled vocabularies (types, sectors, statuses...), read from ``catalogue/data/vocabulary.yaml``."""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml is much faster; the vocabulary is trusted, checked-in data, so its plain safe loader is enough
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - the PyPI wheels ship libyaml
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "vocabulary.yaml"

#: The vocabularies a case refers to, with the noun used in messages.
FACETS: Mapping[str, str] = {
    "types": "co-production type",
    "levels": "level",
    "sectors": "sector",
    "scales": "scale",
    "statuses": "status",
    "evidence": "evidence level",
    "precisions": "precision",
    "organisation_kinds": "organisation kind",
}


@dataclass(frozen=True)
class Term:
    """One term of a vocabulary, with what people need to understand it."""

    key: str
    label: str
    definition: str
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def colour(self) -> str:
        """The term's colour (types only); grey otherwise."""
        return str(self.extra.get("colour", "#888888"))


@dataclass(frozen=True)
class Vocabulary:
    """All vocabularies, each an ordered mapping from key to Term (shared: treat as read-only)."""

    facets: Mapping[str, Mapping[str, Term]]
    type_groups: Mapping[str, Term]
    digest: str

    def terms(self, facet: str) -> Mapping[str, Term]:
        """The terms of one facet, in their declared order."""
        return self.facets[facet]

    def keys(self, facet: str) -> list[str]:
        """The keys of one facet, in their declared order."""
        return list(self.facets[facet])

    def label(self, facet: str, key: str) -> str:
        """A term's label, or the key itself when it is unknown."""
        term = self.facets[facet].get(key)
        return term.label if term else key

    def unknown_term_message(self, facet: str, value: object) -> str:
        """Say that ``value`` is not in the facet, suggesting the nearest term."""
        noun = FACETS[facet]
        known = self.keys(facet)
        suggestion = nearest(str(value), known)
        if suggestion:
            return f"{value!r} is not a {noun}; did you mean {suggestion!r}?"
        return f"{value!r} is not a {noun}; use one of: {', '.join(known)}"

    def type_colour(self, key: str) -> str:
        """The colour of a co-production type, shared by every map and chart."""
        return self.facets["types"][key].colour

    def types_in_group(self, group: str) -> list[str]:
        """The type keys of one group (governance modes or service phases)."""
        return [k for k, t in self.facets["types"].items() if t.extra.get("group") == group]


def nearest(value: str, candidates: list[str]) -> str | None:
    """The closest candidate to a mistyped value, if one is close enough to suggest."""
    lowered = {c.lower(): c for c in candidates}
    if value.lower() in lowered:
        return lowered[value.lower()]
    match = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[match[0]] if match else None


def parse_vocabulary(text: str) -> Vocabulary:
    """Build a Vocabulary from the YAML text of a vocabulary file."""
    raw = yaml.load(text, Loader=_SafeLoader)
    facets = {name: _terms(raw.get(name) or {}) for name in FACETS}
    missing = [name for name, terms in facets.items() if not terms]
    if missing:
        raise ValueError(f"vocabulary has no terms for: {', '.join(missing)}")
    groups = _terms(raw.get("type_groups") or {})
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    return Vocabulary(facets=facets, type_groups=groups, digest=digest)


def _terms(section: Mapping[str, Mapping[str, object]]) -> Mapping[str, Term]:
    """Read one vocabulary section into Terms, keeping the file's order."""
    terms = {}
    for key, spec in section.items():
        extra = {k: v for k, v in spec.items() if k not in ("label", "definition")}
        terms[key] = Term(key=key, label=str(spec["label"]), definition=str(spec["definition"]), extra=extra)
    return terms


@lru_cache(maxsize=8)
def load_vocabulary(path: Path = DEFAULT_PATH) -> Vocabulary:
    """Read the vocabulary file once per process (it is small and read-only)."""
    return parse_vocabulary(Path(path).read_text(encoding="utf-8"))
