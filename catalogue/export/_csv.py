"""CSV: one row per case, list values joined with '; ', for spreadsheets."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from catalogue.frame import COLUMNS, cases_frame
from catalogue.schema import Case
from catalogue.vocabulary import Vocabulary

EXTENSION = "csv"
MEDIA_TYPE = "text/csv"
LABEL = "CSV (spreadsheet)"


def _cell(value: object) -> str:
    """A table cell as text: lists joined, missing values empty."""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if value is None or (not isinstance(value, str) and str(value) in ("<NA>", "nan", "NaT")):
        return ""
    return str(value)


def render(cases: Sequence[Case], vocabulary: Vocabulary) -> bytes:
    """CSV bytes (UTF-8, header row of labels, newline line endings)."""
    frame = cases_frame(cases, vocabulary)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS.values())
    for row in frame.itertuples(index=False):
        writer.writerow(_cell(v) for v in row)
    return out.getvalue().encode("utf-8")
