"""Cases like a given one: listed as related, or sharing its types and sectors."""

from __future__ import annotations

from collections.abc import Sequence

from catalogue.schema import Case


def similarity(a: Case, b: Case) -> float:
    """Jaccard similarity of two cases' types and sectors together (0 to 1)."""
    left = {f"t:{t}" for t in a.types} | {f"s:{s}" for s in a.sectors}
    right = {f"t:{t}" for t in b.types} | {f"s:{s}" for s in b.sectors}
    return len(left & right) / len(left | right) if left | right else 0.0


def similar_cases(case: Case, cases: Sequence[Case], limit: int = 4) -> list[Case]:
    """The most similar other cases that share at least one type and one sector, best first."""
    scored = [
        (similarity(case, other), other.title, other)
        for other in cases
        if other.id != case.id and set(other.types) & set(case.types) and set(other.sectors) & set(case.sectors)
    ]
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [other for _, _, other in scored[:limit]]
