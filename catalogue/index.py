"""A per-catalogue index that answers filters and facet counts with numpy masks.

``catalogue.filters`` defines what a filter means, case by case; this index gives
the same answers for thousands of cases within a rerun's time budget. Tests check
that both always agree.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from functools import cached_property
from typing import Any, TypeVar, cast

import numpy as np

from catalogue.facets import BY_NAME, COUNTRIES, EVIDENCE, FACETS, TYPES, Facet
from catalogue.filters import Filters, span
from catalogue.maps import map_points
from catalogue.schema import Case
from catalogue.search import SearchIndex
from catalogue.stats import KeyFigures
from catalogue.vocabulary import Vocabulary

T = TypeVar("T")

#: How many per-view answers (facet counts, selections, key figures, map points) an index remembers
#: before it starts afresh. A selection or a view's points hold up to one reference per case (80 kB
#: at 10,000 cases), so this bounds them to about 20 MB; a crowd on one link needs about ten.
VIEWS_KEPT = 256


class CaseIndex:
    """Boolean masks per facet value, year spans and a search index for a fixed list of cases."""

    def __init__(self, cases: Sequence[Case], vocabulary: Vocabulary):
        self.cases = tuple(cases)
        self.vocabulary = vocabulary
        n = len(self.cases)
        self.has: dict[str, dict[str, np.ndarray]] = {}
        for facet in FACETS:
            values: dict[str, np.ndarray] = {}
            for row, case in enumerate(self.cases):
                for value in facet.values(case):
                    values.setdefault(value, np.zeros(n, dtype=bool))[row] = True
            self.has[facet.name] = values
        this_year = dt.date.today().year
        spans = [span(case, this_year) for case in self.cases]
        self.dated = np.array([known is not None for known in spans], dtype=bool)
        self.start = np.array([known[0] if known else -1 for known in spans], dtype=np.int32)
        #: The end year; -1 where the start or the end is not known.
        self.end = np.array([known[1] if known and known[1] is not None else -1 for known in spans], dtype=np.int32)
        self._views: dict[tuple[str, Filters], Any] = {}

    @cached_property
    def search(self) -> SearchIndex:
        """Free-text search over these cases, built on the first query."""
        return SearchIndex(self.cases, self.vocabulary)

    @cached_property
    def _options(self) -> dict[str, list[str]]:
        """Each facet's options for these cases, computed once (regions and countries scan every case)."""
        return {facet.name: facet.options(self.vocabulary, self.cases) for facet in FACETS}

    def options(self, facet: Facet) -> list[str]:
        """The values a facet offers for these cases (same as ``facet.options``)."""
        return self._options[facet.name]

    def _none(self) -> np.ndarray:
        return np.zeros(len(self.cases), dtype=bool)

    def _all(self) -> np.ndarray:
        return np.ones(len(self.cases), dtype=bool)

    def _facet_mask(self, facet: Facet, filters: Filters) -> np.ndarray | None:
        """Cases passing one facet's choice, or None when it is not set (see ``filters.facet_passes``)."""
        chosen = getattr(filters, facet.name)
        if not chosen:
            return None
        masks = [self.has[facet.name].get(value, self._none()) for value in chosen]
        if filters.excludes(facet):
            return ~np.logical_or.reduce(masks)
        if facet is TYPES and filters.match == "all":
            return np.logical_and.reduce(masks)
        return np.logical_or.reduce(masks)

    def _period_mask(self, filters: Filters) -> np.ndarray:
        """Cases that ran in the period as far as their dates show (see ``filters.in_period``)."""
        ends_known = self.end >= 0
        period = self.dated.copy()
        if filters.year_to is not None:
            period &= self.start <= filters.year_to
        if filters.year_from is not None:
            starts_inside = self.start >= filters.year_from
            period &= np.where(ends_known, self.end >= filters.year_from, starts_inside | filters.undated)
        if filters.undated:
            period |= ~self.dated
        return period

    def _other_masks(self, filters: Filters, skip: str | None) -> np.ndarray:
        """Cases passing every filter except the facet named ``skip``."""
        mask = self._all()
        for facet in FACETS:
            if facet.name == skip:
                continue
            chosen = self._facet_mask(facet, filters)
            if chosen is not None:
                mask &= chosen
        if filters.q:
            mask &= self.search.mask(filters.q)
        if filters.has_period:
            mask &= self._period_mask(filters)
        return mask

    def mask(self, filters: Filters) -> np.ndarray:
        """Which cases pass the filters."""
        return self._other_masks(filters, skip=None)

    def count(self, filters: Filters) -> int:
        """How many cases pass the filters (same as ``len(filters.apply(...))``)."""
        return int(np.count_nonzero(self.mask(filters)))

    def select(self, filters: Filters) -> list[Case]:
        """The cases that pass the filters, in catalogue order (same as ``filters.apply``); remembered per view."""
        if filters.is_empty:
            return list(self.cases)
        return list(self._remembered("select", filters, lambda: tuple(self.cases[i] for i in np.flatnonzero(self.mask(filters)))))

    def ranked(self, filters: Filters) -> list[Case]:
        """The cases that pass the filters, best search matches first (ties and no query: catalogue order)."""
        if not filters.q:
            return self.select(filters)

        def by_relevance() -> tuple[Case, ...]:
            rows = np.flatnonzero(self.mask(filters))
            order = np.argsort(-self.search.scores(filters.q)[rows], kind="stable")
            return tuple(self.cases[i] for i in rows[order])

        return list(self._remembered("ranked", filters, by_relevance))

    @cached_property
    def _rows(self) -> dict[str, int]:
        return {case.id: row for row, case in enumerate(self.cases)}

    def matched_words(self, case: Case, query: str) -> list[str]:
        """The words of a case, as written, that the query matched (for showing beside a result)."""
        return self.search.matched_words(self._rows[case.id], query)

    def _remembered(self, what: str, filters: Filters, compute: Callable[[], T]) -> T:
        """An answer about one view, computed once: a crowd opening one shared link asks the same
        questions once per visitor. At most ``VIEWS_KEPT`` answers are kept; callers treat them as read-only."""
        key = (what, filters)
        if key not in self._views:
            if len(self._views) >= VIEWS_KEPT:
                self._views.clear()
            self._views[key] = compute()
        return cast(T, self._views[key])

    def facet_counts(self, filters: Filters, name: str) -> Counter[str]:
        """Counts per value of one facet given the other filters (same as ``filters.facet_counts``).

        Remembered per view; each caller gets its own copy."""

        def count() -> Counter[str]:
            skip = None if (BY_NAME[name] is TYPES and filters.match == "all") else name
            base = self._other_masks(filters, skip=skip)
            return Counter({value: int(np.count_nonzero(base & has)) for value, has in self.has[name].items()})

        return Counter(self._remembered("counts:" + name, filters, count))

    def key_figures(self, filters: Filters) -> KeyFigures:
        """The selection's key figures (same as ``stats.key_figures`` of the selected cases), remembered per view."""

        def figures() -> KeyFigures:
            mask = self.mask(filters)

            def covered(name: str) -> int:
                return sum(bool(np.any(has & mask)) for has in self.has[name].values())

            evaluated = self.has[EVIDENCE.name].get("evaluated")
            return KeyFigures(
                countries=covered(COUNTRIES.name),
                types=covered(TYPES.name),
                evaluated=int(np.count_nonzero(evaluated & mask)) if evaluated is not None else 0,
            )

        return self._remembered("key figures", filters, figures)

    @cached_property
    def _points(self) -> list[list[dict]]:
        """Map points of every case (one list per case), built once."""
        return [map_points([case], self.vocabulary) for case in self.cases]

    def points_for(self, filters: Filters) -> list[dict]:
        """Map points of the cases that pass the filters, remembered per view (the points are shared: read-only)."""

        def points() -> list[dict]:
            rows = range(len(self.cases)) if filters.is_empty else np.flatnonzero(self.mask(filters))
            return [point for row in rows for point in self._points[row]]

        return list(self._remembered("points", filters, points))
