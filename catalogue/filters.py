"""The filter state: one definition, one round trip to and from URL query parameters.

Every page filters the same way, through ``Filters`` and ``apply``; pages never
rebuild filter logic. Values from a URL are untrusted: unknown ones are dropped and
reported, never raised.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from catalogue.facets import BY_NAME, COUNTRIES, FACETS, TYPES, Facet
from catalogue.schema import MAX_YEAR, MIN_YEAR, Case
from catalogue.search import SearchIndex
from catalogue.vocabulary import Vocabulary, load_vocabulary

Match = Literal["any", "all"]
MAX_QUERY_LENGTH = 200
#: Facets whose choice can be turned into "all but these" (URL: exclude=<facet key>).
EXCLUDABLE: tuple[Facet, ...] = (COUNTRIES,)
#: Every URL key the filters use (the app binds its widgets to these).
QUERY_KEYS: tuple[str, ...] = (*(f.key for f in FACETS), "exclude", "match", "q", "from", "to", "undated")


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
    #: Names of facets whose chosen values are excluded rather than required.
    exclude: tuple[str, ...] = ()
    match: Match = "any"
    q: str = ""
    year_from: int | None = None
    year_to: int | None = None
    #: With a period set: also keep cases whose dates the sources do not give.
    undated: bool = False

    @property
    def is_empty(self) -> bool:
        """True when nothing is selected, so every case matches."""
        return self == Filters()

    def to_query(self) -> dict[str, list[str]]:
        """The URL query for this state: repeated keys, defaults left out."""
        query: dict[str, list[str]] = {}
        for facet in FACETS:
            values = getattr(self, facet.name)
            if values:
                query[facet.key] = list(values)
        if self.exclude:
            query["exclude"] = [BY_NAME[name].key for name in self.exclude]
        if self.match != "any":
            query["match"] = [self.match]
        if self.q:
            query["q"] = [self.q]
        if self.year_from is not None:
            query["from"] = [str(self.year_from)]
        if self.year_to is not None:
            query["to"] = [str(self.year_to)]
        if self.undated:
            query["undated"] = ["1"]
        return query

    @property
    def has_period(self) -> bool:
        """Whether a period (from and/or to) is set."""
        return self.year_from is not None or self.year_to is not None

    def excludes(self, facet: Facet) -> bool:
        """Whether this facet's chosen values are excluded rather than required."""
        return facet.name in self.exclude

    def choosing(self, facet: Facet, values: Sequence[str]) -> Filters:
        """The same filters with exactly these values chosen for one facet."""
        chosen: dict[str, tuple[str, ...]] = {facet.name: tuple(values)}
        return replace(self, **chosen)  # type: ignore[arg-type]  # the facet's name is a tuple field

    def without(self, facet: Facet) -> Filters:
        """The same filters with nothing chosen for this facet (and no exclusion of it)."""
        return replace(self.choosing(facet, ()), exclude=tuple(name for name in self.exclude if name != facet.name))


@dataclass
class ParsedQuery:
    """Filters read from a URL, with what was ignored and why."""

    filters: Filters
    ignored: list[str] = field(default_factory=list)


def _split(values: Iterable[str]) -> list[str]:
    """Accept repeated keys and comma-separated lists alike; drop blanks and repeats."""
    out: list[str] = []
    for value in values:
        for part in str(value).split(","):
            part = part.strip()
            if part and part not in out:
                out.append(part)
    return out


def parse_query(
    query: Mapping[str, Sequence[str] | str],
    vocabulary: Vocabulary,
    cases: Sequence[Case],
    options: Callable[[Facet], Sequence[str]] | None = None,
) -> ParsedQuery:
    """Read filters from URL query values; anything unknown is dropped and listed, never raised.

    ``options`` gives the values each facet offers for ``cases`` (``CaseIndex.options``
    remembers them); without it they are read from the cases, every call."""
    values = {k: ([v] if isinstance(v, str) else list(v)) for k, v in query.items()}
    offered = options or (lambda facet: facet.options(vocabulary, cases))
    ignored: list[str] = []
    chosen: dict[str, object] = {}
    for facet in FACETS:
        lookup = {a.casefold(): a for a in offered(facet)}
        kept = []
        for raw in _split(values.get(facet.key, [])):
            match = lookup.get(raw.casefold())
            if match is None:
                ignored.append(f"{facet.key}={raw[:40]}")
            elif match not in kept:
                kept.append(match)
        chosen[facet.name] = tuple(kept)
    excludable = {facet.key: facet.name for facet in EXCLUDABLE}
    exclude = []
    for raw in _split(values.get("exclude", [])):
        if raw.casefold() in excludable:
            exclude.append(excludable[raw.casefold()])
        else:
            ignored.append(f"exclude={raw[:40]}")
    match = (values.get("match") or ["any"])[-1].strip().lower()
    if match not in ("any", "all"):
        ignored.append(f"match={match[:40]}")
        match = "any"
    q = " ".join((values.get("q") or [""])[-1].split())
    if len(q) > MAX_QUERY_LENGTH:
        ignored.append(f"q (over {MAX_QUERY_LENGTH} characters, shortened)")
        q = q[:MAX_QUERY_LENGTH]
    years: dict[str, int | None] = {}
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
    undated_raw = (values.get("undated") or [""])[-1].strip().lower()
    if undated_raw not in ("", "0", "1", "true", "false", "yes", "no"):
        ignored.append(f"undated={undated_raw[:40]}")
    undated = undated_raw in ("1", "true", "yes")
    known = set(QUERY_KEYS)
    ignored.extend(f"{k}" for k in values if k not in known and k not in PASSTHROUGH_KEYS)
    filters = Filters(
        exclude=tuple(exclude),
        match=match,  # type: ignore[arg-type]
        q=q,
        year_from=years["from"],
        year_to=years["to"],
        undated=undated,
        **chosen,  # type: ignore[arg-type]
    )
    return ParsedQuery(filters=filters, ignored=ignored)


#: Query keys that belong to pages, not to filters (case ids, chart choices...).
PASSTHROUGH_KEYS = frozenset({"id", "case", "collection", "present", "step", "embed", "embed_options"}) | {
    f"b_{key}" for key in QUERY_KEYS
}


def span(case: Case, this_year: int | None = None) -> tuple[int, int | None] | None:
    """The years a case is known to run: (start, end), end None when the sources do not give it.

    An active case runs to this year; an ended one to its end year; any other case's
    end is unknown. None when the start is not known.
    """
    if case.started is None:
        return None
    if case.ended is not None:
        return case.started, case.ended
    if case.status == "active":
        return case.started, this_year if this_year is not None else dt.date.today().year
    return case.started, None


def in_period(case: Case, filters: Filters) -> bool:
    """Whether a case ran in the chosen period, as far as its dates show.

    A case without a start year, or whose end is unknown and may or may not reach into
    the period, is kept only when ``filters.undated`` asks for uncertain cases too.
    """
    known = span(case)
    if known is None:
        return filters.undated
    start, end = known
    if filters.year_to is not None and start > filters.year_to:
        return False
    if end is None:
        starts_inside = filters.year_from is None or start >= filters.year_from
        return starts_inside or filters.undated
    return filters.year_from is None or end >= filters.year_from


def facet_passes(case: Case, facet: Facet, filters: Filters) -> bool:
    """Whether a case passes one facet's choice (any chosen value; all for types when match=all; none when excluded)."""
    chosen = getattr(filters, facet.name)
    if not chosen:
        return True
    have = set(facet.values(case))
    if filters.excludes(facet):
        return not have & set(chosen)
    if facet is TYPES and filters.match == "all":
        return set(chosen) <= have
    return bool(have & set(chosen))


def _passes(case: Case, filters: Filters, skip: str | None = None) -> bool:
    """Whether a case passes every filter but the free-text query (and the facet named ``skip``)."""
    for facet in FACETS:
        if facet.name != skip and not facet_passes(case, facet, filters):
            return False
    return not (filters.has_period and skip != "period" and not in_period(case, filters))


def _found(cases: Sequence[Case], filters: Filters, vocabulary: Vocabulary | None) -> list[bool]:
    """Which cases the free-text query finds: one search index over them all (a word is corrected only where
    none of them holds it, see ``catalogue.search``), as the dashboard's index does."""
    if not filters.q:
        return [True] * len(cases)
    return SearchIndex(cases, vocabulary or load_vocabulary()).mask(filters.q).tolist()


def apply(cases: Iterable[Case], filters: Filters, vocabulary: Vocabulary | None = None) -> list[Case]:
    """The cases that pass the filters, in their original order."""
    cases = list(cases)
    if filters.is_empty:
        return cases
    found = _found(cases, filters, vocabulary)
    return [case for case, hit in zip(cases, found, strict=True) if hit and _passes(case, filters)]


def facet_counts(cases: Sequence[Case], filters: Filters, name: str, vocabulary: Vocabulary | None = None) -> Counter[str]:
    """How many cases each value of one filter would match, given all the other filters."""
    counts: Counter[str] = Counter()
    facet = BY_NAME[name]
    skip = name if not (facet is TYPES and filters.match == "all") else None
    for case, found in zip(cases, _found(cases, filters, vocabulary), strict=True):
        if found and _passes(case, filters, skip=skip):
            counts.update(set(facet.values(case)))
    return counts


def _join(words: Sequence[str], conjunction: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def describe(filters: Filters, vocabulary: Vocabulary) -> str:
    """The selection as a plain sentence, e.g. 'Co-governance or co-design cases in Europe, 1990 to 2020'.

    'or' joins the values of one facet (a case needs any of them), 'and' only joins
    types when every chosen type is required.
    """
    if filters.is_empty:
        return "All cases in the catalogue"

    def labels(name: str) -> list[str]:
        facet = BY_NAME[name]
        return [facet.label_of(value, vocabulary) for value in getattr(filters, name)]

    types = labels("types")
    types = types[:1] + [label.lower() for label in types[1:]]
    subject = _join(types, "and" if filters.match == "all" else "or") + " cases" if types else "Cases"
    qualifiers = []
    if filters.sectors:
        qualifiers.append("in " + _join([label.lower() for label in labels("sectors")], "or"))
    if filters.regions:
        qualifiers.append("in " + _join(labels("regions"), "or"))
    if filters.countries:
        place = _join(labels("countries"), "or")
        qualifiers.append(f"outside {_join(labels('countries'), 'and')}" if filters.excludes(COUNTRIES) else f"in {place}")
    if filters.levels:
        qualifiers.append("at " + _join([label.lower() for label in labels("levels")], "or") + " level")
    if filters.statuses:
        qualifiers.append("that are " + _join([label.lower() for label in labels("statuses")], "or"))
    if filters.evidence:
        qualifiers.append("with " + _join([label.lower() for label in labels("evidence")], "or") + " evidence")
    if filters.q:
        qualifiers.append(f'mentioning "{filters.q}"')
    sentence = " ".join([subject, *qualifiers])
    if filters.has_period:
        start = filters.year_from if filters.year_from is not None else "…"
        end = filters.year_to if filters.year_to is not None else "today"
        sentence += f", active {start} to {end}"
        if filters.undated:
            sentence += " (with cases whose dates are unknown)"
    return sentence
