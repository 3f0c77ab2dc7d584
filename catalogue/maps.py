"""Map figures: pydeck decks of case locations, coloured by type, sized by precision.

Tooltip values come from case files and are untrusted. Streamlit 1.60 and later
HTML-escape the values substituted into a pydeck ``html`` tooltip exactly once (see
the browser test), so values are passed as written; ``escape=True`` escapes them here
instead, for a renderer that does not. Escaping in both places would show ``&amp;``.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence

import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from catalogue.geography import country_name, world_countries
from catalogue.presentation import years_label
from catalogue.schema import Case
from catalogue.vocabulary import Vocabulary

LAYER_ID = "cases"
#: Carto's basemap needs no token; offline it is missing, so country outlines are drawn from a bundled file.
BASEMAP = "light"
TOOLTIP_HTML = "<b>{title}</b><br/>{place}<br/>{types_label}<br/>{years}"


class CompactDeck(pdk.Deck):
    """A pydeck Deck whose JSON is compact: pydeck indents and sorts keys, which for
    10,000 points makes 5.6 MB and takes ~0.2 s on every rerun."""

    def to_json(self) -> str:
        """The same JSON pydeck produces, without indentation or key sorting."""
        return json.dumps(self, default=default_serialize, separators=(",", ":"))


def hex_to_rgb(colour: str, alpha: int = 210) -> list[int]:
    """'#0072B2' -> [0, 114, 178, alpha], the colour format deck.gl reads."""
    colour = colour.lstrip("#")
    return [int(colour[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]


def map_points(cases: Sequence[Case], vocabulary: Vocabulary, *, escape: bool = False) -> list[dict]:
    """One point per location, with only the columns the map needs."""
    clean = html.escape if escape else (lambda text: text)
    precisions = vocabulary.terms("precisions")
    points = []
    for case in cases:
        colour = hex_to_rgb(vocabulary.type_colour(case.primary_type))
        types_label = ", ".join(vocabulary.label("types", t) for t in case.types)
        countries = ", ".join(country_name(c) for c in case.countries)
        for location in case.locations:
            term = precisions[location.precision]
            points.append(
                {
                    "id": case.id,
                    "lon": round(location.lon, 4),
                    "lat": round(location.lat, 4),
                    "colour": colour,
                    "radius": int(term.extra.get("radius_m", 5000)),
                    "title": clean(case.title),
                    "place": clean(f"{location.name}, {countries} (located to: {term.label.lower()})"),
                    "types_label": clean(types_label),
                    "years": clean(years_label(case)),
                }
            )
    return points


def view_state(points: Sequence[dict]) -> pdk.ViewState:
    """A view that fits the points (the world when they are spread out)."""
    if not points:
        return pdk.ViewState(latitude=20, longitude=10, zoom=0.8)
    lats = [p["lat"] for p in points]
    lons = [p["lon"] for p in points]
    span = max(max(lats) - min(lats), max(lons) - min(lons))
    zoom = 0.8 if span > 90 else 1.5 if span > 40 else 2.5 if span > 15 else 4 if span > 5 else 5
    return pdk.ViewState(latitude=(max(lats) + min(lats)) / 2, longitude=(max(lons) + min(lons)) / 2, zoom=zoom)


def case_deck(points: Sequence[dict], *, view: pdk.ViewState | None = None) -> pdk.Deck:
    """The deck: filled points, radius in metres by precision, with a readable minimum size."""
    layer = pdk.Layer(
        "ScatterplotLayer",
        data=list(points),
        id=LAYER_ID,
        get_position=["lon", "lat"],
        get_fill_color="colour",
        get_radius="radius",
        radius_min_pixels=6,
        radius_max_pixels=60,
        stroked=True,
        get_line_color=[255, 255, 255, 230],
        line_width_min_pixels=1,
        pickable=True,
        auto_highlight=True,
    )
    countries = pdk.Layer(
        "GeoJsonLayer",
        data=world_countries(),
        id="countries",
        stroked=True,
        filled=True,
        get_fill_color=[236, 239, 242, 255],
        get_line_color=[190, 197, 205, 255],
        line_width_min_pixels=0.5,
        pickable=False,
    )
    return CompactDeck(
        layers=[countries, layer],
        initial_view_state=view or view_state(points),
        map_style=BASEMAP,
        tooltip={"html": TOOLTIP_HTML, "style": {"fontSize": "13px", "maxWidth": "320px"}},
    )
