"""Where a Web Mercator map should look so that a set of places fits: centre and zoom.

Longitudes wrap: New Zealand and Fiji sit on both sides of the antimeridian, so the
box that holds a set of places is the shortest arc of the circle that covers them (the
circle minus its largest empty gap), not the span from the smallest to the largest
longitude. Deck.gl and MapLibre (plotly's ``map``) both draw the world 512 px wide at zoom 0.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from catalogue.geography import world_countries

TILE = 512
#: A set of places spread over more degrees of longitude than this is shown on the whole world.
WHOLE_WORLD = 200.0
MAX_LAT = 85.0


@dataclass(frozen=True)
class Box:
    """West, south, east, north in degrees; east may exceed 180 when the box crosses the antimeridian."""

    west: float
    south: float
    east: float
    north: float

    def widened(self, lon: float, lat: float) -> Box:
        """At least ``lon`` by ``lat`` degrees around the same centre (enough context around one place).

        The centre is kept on the Web Mercator map, where north and south are not stretched alike,
        so a single place stays in the middle of the view."""
        grow_lon = max(0.0, lon - (self.east - self.west)) / 2
        if self.north - self.south >= lat:
            return Box(self.west - grow_lon, self.south, self.east + grow_lon, self.north)
        middle = (_mercator_y(self.south) + _mercator_y(self.north)) / 2
        low, high = 0.0, 4.0  # half the height in Mercator units, found by halving
        for _ in range(40):
            half = (low + high) / 2
            if _latitude(middle + half) - _latitude(middle - half) < lat:
                low = half
            else:
                high = half
        return Box(self.west - grow_lon, _latitude(middle - high), self.east + grow_lon, _latitude(middle + high))


@dataclass(frozen=True)
class View:
    """Centre and zoom of a map."""

    lon: float
    lat: float
    zoom: float


def covering_arc(intervals: Iterable[tuple[float, float]]) -> tuple[float, float]:
    """The shortest (west, east) arc covering every (west, east) longitude interval; east may exceed 180."""
    spans = []
    for west, east in intervals:
        if east - west >= 360:
            return -180.0, 180.0
        start = (west + 180) % 360 - 180
        spans.append((start, start + (east - west)))
    if not spans:
        return -180.0, 180.0
    spans.sort()
    merged = [list(spans[0])]
    for west, east in spans[1:]:
        if west <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], east)
        else:
            merged.append([west, east])
    # The empty gaps between merged arcs, the last one wrapping round to the first.
    gaps = [(merged[i + 1][0] - merged[i][1], i) for i in range(len(merged) - 1)]
    gaps.append((merged[0][0] + 360 - merged[-1][1], len(merged) - 1))
    size, after = max(gaps)
    if size <= 0:
        return -180.0, 180.0
    if after == len(merged) - 1:
        return merged[0][0], merged[-1][1]
    return merged[after + 1][0], merged[after][1] + 360


def box_of_points(points: Sequence[tuple[float, float]]) -> Box | None:
    """The box around (lon, lat) points, None when there are none."""
    if not points:
        return None
    west, east = covering_arc((lon, lon) for lon, _ in points)
    lats = [lat for _, lat in points]
    return Box(west, min(lats), east, max(lats))


@lru_cache(maxsize=1)
def _country_parts() -> dict[str, tuple[tuple[float, float, float, float], ...]]:
    """Each country's polygons as (west, south, east, north) boxes, from the bundled outlines."""
    parts: dict[str, tuple[tuple[float, float, float, float], ...]] = {}
    for feature in world_countries()["features"]:
        code = feature["properties"]["iso_a2"]
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        boxes = []
        for polygon in polygons:
            lons = [point[0] for point in polygon[0]]
            lats = [point[1] for point in polygon[0]]
            boxes.append((min(lons), min(lats), max(lons), max(lats)))
        if code:
            parts[code] = parts.get(code, ()) + tuple(boxes)
    return parts


#: Latitudes beyond which a country's outline (Canada's Arctic islands, Antarctica's coast) is not fitted:
#: they would shrink the rest of the world for land where no case is placed.
FIT_NORTH, FIT_SOUTH = 72.0, -56.0


def country_outlined(code: str) -> bool:
    """Whether the bundled outlines draw this country (Samoa, for one, is too small for 1:110m)."""
    return code in _country_parts()


def box_of_countries(codes: Iterable[str], points: Iterable[tuple[float, float]] = ()) -> Box | None:
    """The box around the outlines of some countries (codes without an outline are left out) and
    any (lon, lat) ``points``."""
    parts = [part for code in codes for part in _country_parts().get(code, ())]
    parts += [(lon, lat, lon, lat) for lon, lat in points]
    if not parts:
        return None
    west, east = covering_arc((part[0], part[2]) for part in parts)
    south = max(FIT_SOUTH, min(part[1] for part in parts))
    north = min(FIT_NORTH, max(part[3] for part in parts))
    return Box(west, min(south, north), east, max(south, north))


def _mercator_y(lat: float) -> float:
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _latitude(y: float) -> float:
    """The latitude at a Web Mercator height (the inverse of ``_mercator_y``), within the map's limits."""
    return max(-MAX_LAT, min(MAX_LAT, math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)))


def fit(box: Box | None, width: int, height: int, *, padding: float = 0.15, max_zoom: float = 6.0) -> View:
    """The centre and zoom showing the whole box in a map of ``width`` x ``height`` pixels."""
    if box is None:
        return View(lon=10.0, lat=20.0, zoom=0.0)
    if box.east - box.west > WHOLE_WORLD:
        box = Box(-180.0, box.south, 180.0, box.north)  # the familiar world, Greenwich in the middle
    lon_span = max(box.east - box.west, 0.01) * (1 + 2 * padding)
    top, bottom = _mercator_y(box.north), _mercator_y(box.south)
    y_span = max(top - bottom, 0.0002) * (1 + 2 * padding)
    zoom = min(math.log2(width * 360 / (TILE * lon_span)), math.log2(height * 2 * math.pi / (TILE * y_span)), max_zoom)
    centre_lon = ((box.west + box.east) / 2 + 180) % 360 - 180
    centre_lat = math.degrees(2 * math.atan(math.exp((top + bottom) / 2)) - math.pi / 2)
    return View(lon=round(centre_lon, 4), lat=round(centre_lat, 4), zoom=round(max(0.0, zoom), 2))
