"""A small offline locator map: an inline SVG world with a case's places marked.

Drawn from the bundled country outlines, so it needs no network; used by the printable
brief and the static site.
"""

from __future__ import annotations

from catalogue.geography import world_countries
from catalogue.schema import Case

WIDTH, HEIGHT = 360, 180


def _xy(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular projection onto the locator's box."""
    return (lon + 180) / 360 * WIDTH, (90 - lat) / 180 * HEIGHT


def locator_svg(case: Case, colour: str) -> str:
    """A small world map with the case's locations marked."""
    paths = []
    for feature in world_countries()["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        highlight = feature["properties"]["iso_a2"] in case.countries
        for polygon in polygons:
            ring = polygon[0]
            d = "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in (_xy(lon, lat) for lon, lat in ring)) + "Z"
            paths.append(f'<path d="{d}" fill="{"#C7DDF0" if highlight else "#E8ECF0"}" stroke="#B8C2CC" stroke-width="0.3"/>')
    dots = "".join(
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}" stroke="white" stroke-width="1"/>'
        for x, y in (_xy(loc.lon, loc.lat) for loc in case.locations)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
        f'aria-label="Locator map">{"".join(paths)}{dots}</svg>'
    )
