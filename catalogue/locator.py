"""A small offline locator map: an SVG world with a case's places marked.

Drawn from the bundled country outlines, so it needs no network; used by the printable
brief (one self-contained SVG) and the static site (one shared world file, and per case
only the highlighted countries and the dots drawn over it).
"""

from __future__ import annotations

import html
from functools import lru_cache

from catalogue.geography import world_countries
from catalogue.schema import Case

WIDTH, HEIGHT = 360, 180
LAND, HIGHLIGHT, BORDER = "#E8ECF0", "#C7DDF0", "#B8C2CC"


def _xy(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular projection onto the locator's box."""
    return (lon + 180) / 360 * WIDTH, (90 - lat) / 180 * HEIGHT


@lru_cache(maxsize=1)
def _outlines() -> tuple[tuple[str, str], ...]:
    """(alpha-2 code, SVG path data) of every country's outer rings, projected once per process."""
    outlines = []
    for feature in world_countries()["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for polygon in polygons:
            d = "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in (_xy(lon, lat) for lon, lat in polygon[0])) + "Z"
            outlines.append((feature["properties"]["iso_a2"], d))
    return tuple(outlines)


@lru_cache(maxsize=1)
def _outlines_by_country() -> dict[str, tuple[str, ...]]:
    """The path data of each country's rings, by alpha-2 code, in drawing order."""
    by_country: dict[str, list[str]] = {}
    for code, d in _outlines():
        by_country.setdefault(code, []).append(d)
    return {code: tuple(paths) for code, paths in by_country.items()}


def _path(d: str, fill: str) -> str:
    return f'<path d="{d}" fill="{fill}" stroke="{BORDER}" stroke-width="0.3"/>'


def _dots(case: Case, colour: str) -> str:
    return "".join(
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{html.escape(colour)}" stroke="white" stroke-width="1"/>'
        for x, y in (_xy(loc.lon, loc.lat) for loc in case.locations)
    )


def _open(label: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
        f'aria-label="{html.escape(label)}">'
    )


def locator_svg(case: Case, colour: str) -> str:
    """A small self-contained world map with the case's locations marked."""
    paths = "".join(_path(d, HIGHLIGHT if code in case.countries else LAND) for code, d in _outlines())
    return f"{_open('Locator map')}{paths}{_dots(case, colour)}</svg>"


def world_svg() -> str:
    """The plain world map as a standalone SVG file, shared by every locator overlay."""
    paths = "".join(_path(d, LAND) for _, d in _outlines())
    head = f'<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}">'
    return f"{head}{paths}</svg>\n"


def locator_overlay_svg(case: Case, colour: str, world_href: str, label: str = "Locator map") -> str:
    """The locator drawn over the shared world file: only the case's countries and places are inline."""
    outlines = _outlines_by_country()
    paths = "".join(_path(d, HIGHLIGHT) for code in case.countries for d in outlines.get(code, ()))
    world = f'<image href="{html.escape(world_href)}" x="0" y="0" width="{WIDTH}" height="{HEIGHT}"/>'
    return f"{_open(label)}{world}{paths}{_dots(case, colour)}</svg>"
