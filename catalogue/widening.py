"""What to loosen when no case matches: each part of the view that could go, and what would then match.

A page with no results should not leave people guessing which filter to drop. Each
way of widening the view removes one part of it (a facet's choice, the search words,
the period) and says how many cases would then match; the ones that would show
something come first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from catalogue.facets import FACETS
from catalogue.filters import Filters
from catalogue.vocabulary import Vocabulary


@dataclass(frozen=True)
class Widening:
    """One way to widen the view: what goes ('Sector: Mental health'), the view without it, and its count."""

    removes: str
    filters: Filters
    count: int


def widenings(filters: Filters, vocabulary: Vocabulary, count: Callable[[Filters], int]) -> list[Widening]:
    """Every single removal that would show at least one case, most cases first.

    ``count`` says how many cases pass a view (the dashboard passes its index's count,
    tests the reference ``len(apply(...))``).
    """
    options: list[tuple[str, Filters]] = []
    for facet in FACETS:
        chosen = getattr(filters, facet.name)
        if chosen:
            names = ", ".join(facet.label_of(value, vocabulary) for value in chosen)
            verb = "not " if filters.excludes(facet) else ""
            options.append((f"{facet.label}: {verb}{names}", filters.without(facet)))
    if filters.q:
        options.append((f'the search "{filters.q}"', replace(filters, q="")))
    if filters.has_period:
        start = filters.year_from if filters.year_from is not None else "…"
        end = filters.year_to if filters.year_to is not None else "today"
        options.append((f"the period {start} to {end}", replace(filters, year_from=None, year_to=None, undated=False)))
    counted = [Widening(removes, wider, count(wider)) for removes, wider in options]
    return sorted((w for w in counted if w.count), key=lambda w: -w.count)
