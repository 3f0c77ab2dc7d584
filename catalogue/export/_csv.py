"""CSV: one row per case, list values joined with '; ', for spreadsheets.

The file starts with a UTF-8 byte-order mark, so Excel on Windows reads accents and
non-Latin names correctly (without it, Excel guesses a legacy code page). Each row
ends with the case's page address and its sources' addresses.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from catalogue.export._context import Context
from catalogue.frame import COLUMNS, cases_frame
from catalogue.schema import Case
from catalogue.vocabulary import Vocabulary

EXTENSION = "csv"
MEDIA_TYPE = "text/csv"
LABEL = "CSV (spreadsheet)"
#: Columns after the table's: each case's page and its sources' addresses.
LINK_COLUMNS = {"page": "Page", "sources": "Sources"}


def _cell(value: object) -> str:
    """A table cell as text: lists joined, missing values empty."""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if value is None or (not isinstance(value, str) and str(value) in ("<NA>", "nan", "NaT")):
        return ""
    return str(value)


def table(cases: Sequence[Case], vocabulary: Vocabulary, context: Context) -> str:
    """The CSV text: a header row of labels, then one row per case (newline line endings)."""
    frame = cases_frame(cases, vocabulary)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*COLUMNS.values(), *LINK_COLUMNS.values()])
    for case, row in zip(cases, frame.itertuples(index=False), strict=True):
        links = [context.page(case.id), "; ".join(str(source.url) for source in case.sources if source.url)]
        writer.writerow([*(_cell(v) for v in row), *links])
    return out.getvalue()


def render(cases: Sequence[Case], vocabulary: Vocabulary, context: Context) -> bytes:
    """CSV bytes for spreadsheets: UTF-8 with a byte-order mark."""
    return table(cases, vocabulary, context).encode("utf-8-sig")
