"""Side-by-side comparison of a few cases: one row per attribute, differences marked."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd

from catalogue.presentation import OutcomeLine, countries_label, labels, outcome_lines, years_label
from catalogue.schema import Case
from catalogue.vocabulary import Vocabulary

MIN_CASES, MAX_CASES = 2, 4


def _attributes(vocabulary: Vocabulary) -> list[tuple[str, Callable[[Case], str]]]:
    """The compared attributes, in order, each as a function from a case to text."""
    return [
        ("Types", lambda c: labels(vocabulary, "types", c.types)),
        ("Level", lambda c: vocabulary.label("levels", c.level) if c.level else "—"),
        ("Sectors", lambda c: labels(vocabulary, "sectors", c.sectors)),
        ("Countries", countries_label),
        ("Scale", lambda c: vocabulary.label("scales", c.scale) if c.scale else "—"),
        ("Years", years_label),
        ("Status", lambda c: vocabulary.label("statuses", c.status)),
        ("Evidence", lambda c: vocabulary.label("evidence", c.evidence)),
        ("Organisations", lambda c: "; ".join(o.name for o in c.organisations) or "—"),
        ("Participants", lambda c: "; ".join(c.participants) or "—"),
        ("Outcomes", lambda c: "; ".join(_outcome(line) for line in outcome_lines(c)) or "—"),
        ("Principles", lambda c: "; ".join(c.principles) or "—"),
        ("Challenges", lambda c: "; ".join(c.challenges) or "—"),
        ("Sources", lambda c: "; ".join(s.title for s in c.sources)),
    ]


def _outcome(line: OutcomeLine) -> str:
    """'39% against 22% for ...: users reported ...' or the sentence alone."""
    return f"{line.headline}: {line.text}" if line.headline else line.text


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
