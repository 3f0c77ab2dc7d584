"""Side-by-side comparison of a few cases: one row per attribute, differences marked."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd

from catalogue.geography import country_name
from catalogue.maps import years_label
from catalogue.schema import Case
from catalogue.vocabulary import Vocabulary

MIN_CASES, MAX_CASES = 2, 4


def _attributes(vocabulary: Vocabulary) -> list[tuple[str, Callable[[Case], str]]]:
    """The compared attributes, in order, each as a function from a case to text."""

    def labels(facet: str, values: Sequence[str]) -> str:
        return ", ".join(vocabulary.label(facet, v) for v in values)

    return [
        ("Types", lambda c: labels("types", c.types)),
        ("Level", lambda c: vocabulary.label("levels", c.level) if c.level else "—"),
        ("Sectors", lambda c: labels("sectors", c.sectors)),
        ("Countries", lambda c: ", ".join(country_name(x) for x in c.countries)),
        ("Scale", lambda c: vocabulary.label("scales", c.scale) if c.scale else "—"),
        ("Years", years_label),
        ("Status", lambda c: vocabulary.label("statuses", c.status)),
        ("Evidence", lambda c: vocabulary.label("evidence", c.evidence)),
        ("Organisations", lambda c: "; ".join(o.name for o in c.organisations) or "—"),
        ("Participants", lambda c: "; ".join(c.participants) or "—"),
        ("Outcomes", lambda c: "; ".join(o.text for o in c.outcomes) or "—"),
        ("Principles", lambda c: "; ".join(c.principles) or "—"),
        ("Challenges", lambda c: "; ".join(c.challenges) or "—"),
        ("Sources", lambda c: "; ".join(s.title for s in c.sources)),
    ]


def side_by_side(cases: Sequence[Case], vocabulary: Vocabulary) -> pd.DataFrame:
    """A table with one row per attribute and one column per case, plus whether the values differ."""
    rows = []
    for name, getter in _attributes(vocabulary):
        values = [getter(case) for case in cases]
        rows.append(
            {
                "Attribute": name,
                **{case.title: value for case, value in zip(cases, values, strict=True)},
                "Differs": len(set(values)) > 1,
            }
        )
    return pd.DataFrame(rows)
