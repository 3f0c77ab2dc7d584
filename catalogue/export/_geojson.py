"""GeoJSON: one point feature per case location, for GIS tools."""

from __future__ import annotations

import json
from collections.abc import Sequence

from catalogue.export._context import Context
from catalogue.schema import Case
from catalogue.vocabulary import Vocabulary

EXTENSION = "geojson"
MEDIA_TYPE = "application/geo+json"
LABEL = "GeoJSON (map points)"


def feature(case: Case, index: int, context: Context) -> dict:
    """A GeoJSON Feature for one location of a case (coordinates are lon, lat)."""
    location = case.locations[index]
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [location.lon, location.lat]},
        "properties": {
            "id": case.id,
            "title": case.title,
            "place": location.name,
            "precision": location.precision,
            "countries": case.countries,
            "types": case.types,
            "sectors": case.sectors,
            "status": case.status,
            "evidence": case.evidence,
            "started": case.started,
            "ended": case.ended,
            "page": context.page(case.id) or None,
        },
    }


def render(cases: Sequence[Case], vocabulary: Vocabulary, context: Context) -> bytes:
    """GeoJSON FeatureCollection bytes."""
    features = [feature(case, i, context) for case in cases for i in range(len(case.locations))]
    collection = {"type": "FeatureCollection", "features": features}
    return (json.dumps(collection, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
