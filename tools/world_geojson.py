"""Build catalogue/data/world-countries.geojson from Natural Earth 1:110m countries (world-atlas TopoJSON).

The map and choropleths draw country outlines from this file, so they work offline.
Reproduce with:  npm pack world-atlas@2 && tar xzf world-atlas-2.0.2.tgz
                 python tools/world_geojson.py package/countries-110m.json catalogue/data/world-countries.geojson
Natural Earth data is in the public domain; world-atlas is ISC-licensed (Mike Bostock).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pycountry


def decode_arcs(topology: dict) -> list[list[list[float]]]:
    """Absolute lon/lat positions of every arc (TopoJSON stores quantised deltas)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append([round(x * sx + tx, 2), round(y * sy + ty, 2)])
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[list[float]]]) -> list[list[float]]:
    """Join arcs into one closed ring; a negative index means the arc reversed (~i)."""
    points: list[list[float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def unwrap(points: list[list[float]]) -> list[list[float]]:
    """Keep a ring continuous across the antimeridian (lon may pass 180), so it draws no stripe."""
    out = [points[0]]
    for lon, lat in points[1:]:
        previous = out[-1][0]
        while lon - previous > 180:
            lon -= 360
        while previous - lon > 180:
            lon += 360
        out.append([round(lon, 2), lat])
    return out


def alpha_2(numeric: str | None) -> str | None:
    """ISO alpha-2 code for an ISO numeric code, where one exists."""
    country = pycountry.countries.get(numeric=numeric) if numeric else None
    return country.alpha_2 if country else None


def convert(topology: dict) -> dict:
    """A GeoJSON FeatureCollection of countries with their ISO alpha-2 code and name."""
    arcs = decode_arcs(topology)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry["properties"]["name"] == "Antarctica":
            continue  # no case can be there, and its ring wraps the whole globe
        if geometry["type"] == "Polygon":
            coordinates = [unwrap(ring(r, arcs)) for r in geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            coordinates = [[unwrap(ring(r, arcs)) for r in polygon] for polygon in geometry["arcs"]]
        else:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {"iso_a2": alpha_2(geometry.get("id")), "name": geometry["properties"]["name"]},
                "geometry": {"type": geometry["type"], "coordinates": coordinates},
            }
        )
    return {"type": "FeatureCollection", "features": features}


if __name__ == "__main__":
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    collection = convert(json.loads(source.read_text()))
    target.write_text(json.dumps(collection, separators=(",", ":")) + "\n")
    print(f"wrote {target}: {len(collection['features'])} countries, {target.stat().st_size // 1024} KiB")
