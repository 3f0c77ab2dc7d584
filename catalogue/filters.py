"""The filter state: one definition, one round trip to and from URL query parameters.

Every page filters the same way, through ``Filters`` and ``apply``; pages never
rebuild filter logic. Values from a URL are untrusted: unknown ones are dropped and
reported, never raised.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from catalogue.geography import REGIONS, country_name
from catalogue.schema import Case
from catalogue.vocabulary import Vocabulary

Match = Literal["any", "all"]
MAX_QUERY_LENGTH = 200
MIN_YEAR, MAX_YEAR = 1800, 2100


@dataclass(frozen=True)
class FilterField:
    """One multi-valued filter: its URL key, the case attribute it reads and its vocabulary facet."""

    name: str
    key: str
    label: str
    facet: str | None


#: The multi-valued filters, declared once: URL key, label and where the values come from.
MULTI_FIELDS: tuple[FilterField, ...] = (
    FilterField("types", "type", "Co-production type", "types"),
    FilterField("levels", "level", "Level", "levels"),
    FilterField("sectors", "sector", "Sector", "sectors"),
    FilterField("regions", "region", "World region", None),
    FilterField("countries", "country", "Country", None),
    FilterField("statuses", "status", "Status", "statuses"),
    FilterField("evidence", "evidence", "Evidence", "evidence"),
)
#: Every URL key the filters use (the app binds its widgets to these).
QUERY_KEYS: tuple[str, ...] = (*(f.key for f in MULTI_FIELDS), "match", "q", "from", "to")


@dataclass(frozen=True)
class Filters:
    """What the user has chosen; empty means 'no restriction'."""

    types: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    match: Match = "any"
    q: str = ""
    year_from: int | None = None
    year_to: int | None = None

    @property
    def is_empty(self) -> bool:
        """True when nothing is selected, so every case matches."""
        return self == Filters()

    def to_query(self) -> dict[str, list[str]]:
        """The URL query for this state: repeated keys, defaults left out."""
        query: dict[str, list[str]] = {}
        for spec in MULTI_FIELDS:
            values = getattr(self, spec.name)
            if values:
                query[spec.key] = list(values)
        if self.match != "any":
            query["match"] = [self.match]
        if self.q:
            query["q"] = [self.q]
        if self.year_from is not None:
            query["from"] = [str(self.year_from)]
        if self.year_to is not None:
            query["to"] = [str(self.year_to)]
        return query


@dataclass
class ParsedQuery:
    """Filters read from a URL, with what was ignored and why."""

    filters: Filters
    ignored: list[str] = field(default_factory=list)


def allowed_values(spec: FilterField, vocabulary: Vocabulary, cases: Sequence[Case]) -> list[str]:
    """The values a filter accepts, in display order."""
    if spec.facet is not None:
        return vocabulary.keys(spec.facet)
    if spec.name == "regions":
        present = {r for case in cases for r in case.regions}
        return [r for r in REGIONS if r in present]
    codes = {c for case in cases for c in case.countries}
    return sorted(codes, key=country_name)


def _split(values: Iterable[str]) -> list[str]:
    """Accept repeated keys and comma-separated lists alike; drop blanks and repeats."""
    out: list[str] = []
    for value in values:
        for part in str(value).split(","):
            part = part.strip()
            if part and part not in out:
                out.append(part)
    return out


def parse_query(query: Mapping[str, Sequence[str] | str], vocabulary: Vocabulary, cases: Sequence[Case]) -> ParsedQuery:
    """Read filters from URL query values; anything unknown is dropped and listed, never raised."""
    values = {k: ([v] if isinstance(v, str) else list(v)) for k, v in query.items()}
    ignored: list[str] = []
    chosen: dict[str, object] = {}
    for spec in MULTI_FIELDS:
        allowed = allowed_values(spec, vocabulary, cases)
        lookup = {a.casefold(): a for a in allowed}
        kept = []
        for raw in _split(values.get(spec.key, [])):
            match = lookup.get(raw.casefold())
            if match is None:
                ignored.append(f"{spec.key}={raw[:40]}")
            elif match not in kept:
                kept.append(match)
        chosen[spec.name] = tuple(kept)
    match = (values.get("match") or ["any"])[-1].strip().lower()
    if match not in ("any", "all"):
        ignored.append(f"match={match[:40]}")
        match = "any"
    q = " ".join((values.get("q") or [""])[-1].split())
    if len(q) > MAX_QUERY_LENGTH:
        ignored.append(f"q (over {MAX_QUERY_LENGTH} characters, shortened)")
        q = q[:MAX_QUERY_LENGTH]
    years = {}
    for key in ("from", "to"):
        raw = (values.get(key) or [""])[-1].strip()
        if not raw:
            years[key] = None
        elif raw.isdigit() and MIN_YEAR <= int(raw) <= MAX_YEAR:
            years[key] = int(raw)
        else:
            ignored.append(f"{key}={raw[:40]}")
            years[key] = None
    if years["from"] is not None and years["to"] is not None and years["from"] > years["to"]:
        ignored.append(f"from={years['from']} is after to={years['to']}; swapped")
        years["from"], years["to"] = years["to"], years["from"]
    known = set(QUERY_KEYS)
    ignored.extend(f"{k}" for k in values if k not in known and k not in PASSTHROUGH_KEYS)
    filters = Filters(match=match, q=q, year_from=years["from"], year_to=years["to"], **chosen)  # type: ignore[arg-type]
    return ParsedQuery(filters=filters, ignored=ignored)


#: Query keys that belong to pages, not to filters (case ids, chart choices...).
PASSTHROUGH_KEYS = frozenset({"id", "case", "collection", "present", "step", "embed", "embed_options"}) | {
    f"b_{key}" for key in QUERY_KEYS
}


def _span(case: Case) -> tuple[int, int] | None:
    """The years a case ran: from its start to its end, or to this year if not ended."""
    if case.started is None:
        return None
    end = case.ended if case.ended is not None else dt.date.today().year
    return case.started, end


def search_text(case: Case) -> str:
    """The text free-text search looks in: title, summary, description, organisations and tags."""
    parts = [case.title, case.summary, case.description or "", *(o.name for o in case.organisations), *case.tags]
    return " ".join(parts).casefold()


def matches(case: Case, filters: Filters, skip: str | None = None) -> bool:
    """Whether a case passes every filter (except ``skip``, used for facet counts)."""
    for spec in MULTI_FIELDS:
        if spec.name == skip:
            continue
        chosen = getattr(filters, spec.name)
        if not chosen:
            continue
        have = case_values(case, spec.name)
        if spec.name == "types" and filters.match == "all":
            if not set(chosen) <= set(have):
                return False
        elif not set(chosen) & set(have):
            return False
    if filters.q and skip != "q":
        text = search_text(case)
        if not all(word in text for word in filters.q.casefold().split()):
            return False
    if (filters.year_from is not None or filters.year_to is not None) and skip != "period":
        span = _span(case)
        if span is None:
            return False
        start, end = span
        if filters.year_to is not None and start > filters.year_to:
            return False
        if filters.year_from is not None and end < filters.year_from:
            return False
    return True


def case_values(case: Case, name: str) -> Sequence[str]:
    """A case's values for one multi-valued filter."""
    if name == "levels":
        return [case.level] if case.level else []
    if name == "statuses":
        return [case.status]
    if name == "evidence":
        return [case.evidence]
    if name == "regions":
        return case.regions
    return getattr(case, name)


def apply(cases: Iterable[Case], filters: Filters) -> list[Case]:
    """The cases that pass the filters, in their original order."""
    if filters.is_empty:
        return list(cases)
    return [case for case in cases if matches(case, filters)]


def facet_counts(cases: Sequence[Case], filters: Filters, name: str) -> Counter[str]:
    """How many cases each value of one filter would match, given all the other filters."""
    counts: Counter[str] = Counter()
    skip = name if not (name == "types" and filters.match == "all") else None
    for case in cases:
        if matches(case, filters, skip=skip):
            counts.update(set(case_values(case, name)))
    return counts


def _join(words: Sequence[str], conjunction: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def describe(filters: Filters, vocabulary: Vocabulary) -> str:
    """The selection as a plain sentence, e.g. 'Co-governance cases in Europe and Oceania, 1990-2020'."""
    if filters.is_empty:
        return "All cases in the catalogue"
    types = [vocabulary.label("types", t) for t in filters.types]
    types = types[:1] + [label.lower() for label in types[1:]]
    subject = _join(types, "and" if filters.match == "all" else "or") + " cases" if types else "Cases"
    parts = [subject]
    qualifiers = []
    if filters.sectors:
        qualifiers.append("in " + _join([vocabulary.label("sectors", s).lower() for s in filters.sectors], "or"))
    places = [*filters.regions, *(country_name(c) for c in filters.countries)]
    if places:
        qualifiers.append("in " + _join(places))
    if filters.levels:
        qualifiers.append("at " + _join([vocabulary.label("levels", x).lower() for x in filters.levels], "or") + " level")
    if filters.statuses:
        qualifiers.append("that are " + _join([vocabulary.label("statuses", x).lower() for x in filters.statuses], "or"))
    if filters.evidence:
        qualifiers.append(
            "with " + _join([vocabulary.label("evidence", x).lower() for x in filters.evidence], "or") + " evidence"
        )
    if filters.q:
        qualifiers.append(f'mentioning "{filters.q}"')
    sentence = " ".join([*parts, *qualifiers])
    if filters.year_from is not None or filters.year_to is not None:
        start = filters.year_from if filters.year_from is not None else "…"
        end = filters.year_to if filters.year_to is not None else "today"
        sentence += f", {start}-{end}"
    return sentence
