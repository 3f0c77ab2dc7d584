"""A Frictionless-style data package: the CSV, JSON and GeoJSON exports plus datapackage.json describing them."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Sequence

from catalogue.export import _csv, _geojson, _json
from catalogue.export._context import Context
from catalogue.frame import COLUMNS
from catalogue.metadata import LICENCE
from catalogue.schema import Case
from catalogue.vocabulary import Vocabulary

EXTENSION = "zip"
MEDIA_TYPE = "application/zip"
LABEL = "Data package (zip)"

#: The licence of the catalogue's data, as a data package names it.

#: Table Schema type and description of each CSV column.
COLUMN_SCHEMA = {
    "id": ("string", "Kebab-case identifier of the case (its file name)."),
    "title": ("string", "Name of the case."),
    "countries": ("string", "Country names, separated by '; '."),
    "regions": ("string", "World regions derived from the countries, separated by '; '."),
    "types": ("string", "Co-production types, separated by '; ' (see the vocabulary)."),
    "level": ("string", "Who co-produces: individual, group or collective."),
    "sectors": ("string", "Policy sectors, separated by '; '."),
    "scale": ("string", "Geographic scale."),
    "started": ("integer", "Year it started, if the sources say."),
    "ended": ("integer", "Year it ended, if it has."),
    "status": ("string", "Whether it is still running, according to its sources."),
    "evidence": ("string", "Strength of the evidence."),
    "summary": ("string", "Plain-text summary."),
    "last_reviewed": ("date", "Date the case was last checked against its sources."),
    "page": ("string", "Address of the case's page (empty when the export named no address)."),
    "sources": ("string", "Addresses of the case's sources, separated by '; '."),
}


def descriptor(count: int) -> dict:
    """The datapackage.json descriptor for an export of ``count`` cases."""
    names = {**COLUMNS, **_csv.LINK_COLUMNS}
    fields = [{"name": names[name], "type": kind, "description": text} for name, (kind, text) in COLUMN_SCHEMA.items()]
    return {
        "name": "coproduction-cases",
        "title": "Co-production case catalogue",
        "description": f"{count} cases of co-produced public services, each fact backed by a cited public source.",
        "licenses": [LICENCE],
        "resources": [
            {
                "name": "cases",
                "path": "cases.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {"fields": fields, "primaryKey": COLUMNS["id"]},
            },
            {
                "name": "cases-full",
                "path": "cases.json",
                "format": "json",
                "mediatype": "application/json",
                "description": "Full records as validated, including sources, outcomes and locations.",
            },
            {
                "name": "case-locations",
                "path": "cases.geojson",
                "format": "geojson",
                "mediatype": "application/geo+json",
                "description": "One point per case location; 'precision' says how exact it is.",
            },
        ],
    }


def files(cases: Sequence[Case], vocabulary: Vocabulary, context: Context) -> dict[str, bytes]:
    """The package's files by name (the CSV as plain UTF-8, as the descriptor declares)."""
    return {
        "datapackage.json": (json.dumps(descriptor(len(cases)), indent=2) + "\n").encode("utf-8"),
        "cases.csv": _csv.table(cases, vocabulary, context).encode("utf-8"),
        "cases.json": _json.render(cases, vocabulary, context),
        "cases.geojson": _geojson.render(cases, vocabulary, context),
    }


def render(cases: Sequence[Case], vocabulary: Vocabulary, context: Context) -> bytes:
    """A zip of the package, with fixed timestamps so the same cases give the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files(cases, vocabulary, context).items():
            info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    return buffer.getvalue()
