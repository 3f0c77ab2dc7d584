"""Cases as a flat table (pandas), for the results table, downloads and charts."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from catalogue.geography import country_name
from catalogue.schema import Case
from catalogue.vocabulary import Vocabulary

#: The table's columns, in order, with the label people see.
COLUMNS: dict[str, str] = {
    "id": "Id",
    "title": "Title",
    "countries": "Countries",
    "regions": "Regions",
    "types": "Types",
    "level": "Level",
    "sectors": "Sectors",
    "scale": "Scale",
    "started": "Started",
    "ended": "Ended",
    "status": "Status",
    "evidence": "Evidence",
    "summary": "Summary",
    "last_reviewed": "Last reviewed",
}


def cases_frame(cases: Sequence[Case], vocabulary: Vocabulary) -> pd.DataFrame:
    """One row per case with people-readable labels; list columns hold lists of labels."""
    rows = [
        {
            "id": case.id,
            "title": case.title,
            "countries": [country_name(c) for c in case.countries],
            "regions": case.regions,
            "types": [vocabulary.label("types", t) for t in case.types],
            "level": vocabulary.label("levels", case.level) if case.level else None,
            "sectors": [vocabulary.label("sectors", s) for s in case.sectors],
            "scale": vocabulary.label("scales", case.scale) if case.scale else None,
            "started": case.started,
            "ended": case.ended,
            "status": vocabulary.label("statuses", case.status),
            "evidence": vocabulary.label("evidence", case.evidence),
            "summary": case.summary,
            "last_reviewed": case.last_reviewed,
        }
        for case in cases
    ]
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame["started"] = frame["started"].astype("Int64")
    frame["ended"] = frame["ended"].astype("Int64")
    return frame
