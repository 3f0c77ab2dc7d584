"""Map figures: pydeck decks of case locations, coloured by type, sized by precision.

Cases that share a point (three national cases placed at the centre of the United
Kingdom) are drawn as one marker with their number written on it; its tooltip lists
them and a click on it lists them as links (``ui.components.case_map``).

Tooltip values come from case files and are untrusted. Streamlit 1.60 and later
HTML-escape the values substituted into a pydeck ``html`` tooltip exactly once (see
the browser test), so values are passed as written; ``escape=True`` escapes them here
instead, for a renderer that does not. Escaping in both places would show ``&amp;``.
Line breaks inside a value are shown by the tooltip's ``white-space: pre-line``.
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
from catalogue.viewport import box_of_points, fit
from catalogue.vocabulary import Vocabulary

LAYER_ID = "cases"
COUNT_LAYER_ID = "case-counts"
#: Carto's basemap needs no token; offline it is missing, so country outlines are drawn from a bundled file.
BASEMAP = "light"
TOOLTIP_HTML = "<b>{title}</b><br/>{place}<br/>{detail}"
#: The land colour of the bundled outlines; every data colour keeps 3:1 against it (tests/test_colours.py).
LAND = [236, 239, 242]
#: Fill opacity of a marker (of 255), accounted for in the contrast test.
MARKER_ALPHA = 235
#: A marker's outline, dark enough to stand out on land, sea and a lighter marker.
OUTLINE = [31, 41, 51, 255]
#: A marker holding cases of more than one type.
MIXED_COLOUR = "#3E4C59"
#: Degrees of map around one place or a small set, so a reader sees where it is.
CONTEXT_LON, CONTEXT_LAT = 40.0, 24.0


class CompactDeck(pdk.Deck):
    """A pydeck Deck whose JSON is compact: pydeck indents and sorts keys, which for
    10,000 points makes 5.6 MB and takes ~0.2 s on every rerun.

    The JSON is built once: nothing changes a deck after ``case_deck`` builds it, so a
    deck shared by every visitor to the same view (``ui.components.case_map``) is
    serialised once, not once per visitor."""

    def to_json(self) -> str:
        """The same JSON pydeck produces, without indentation or key sorting."""
        built = self.__dict__.get("_compact_json")
        if built is None:  # serialised before the attribute exists, so it is never part of the JSON
            built = json.dumps(self, default=default_serialize, separators=(",", ":"))
            self.__dict__["_compact_json"] = built
        return built


def hex_to_rgb(colour: str, alpha: int = MARKER_ALPHA) -> list[int]:
    """'#005B8F' -> [0, 91, 143, alpha], the colour format deck.gl reads."""
    colour = colour.lstrip("#")
    return [int(colour[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]


def place_label(name: str, countries: Sequence[str]) -> str:
    """'Trieste, Italy'; a place that is its country is named once ('United Kingdom', not twice)."""
    names = [country_name(code) for code in countries]
    if name.strip().casefold() in {n.casefold() for n in names}:
        return name
    return ", ".join([name, *names]) if names else name


def map_points(cases: Sequence[Case], vocabulary: Vocabulary, *, escape: bool = False) -> list[dict]:
    """One point per location, with only the columns the map needs."""
    clean = html.escape if escape else (lambda text: text)
    precisions = vocabulary.terms("precisions")
    points = []
    for case in cases:
        colour = hex_to_rgb(vocabulary.type_colour(case.primary_type))
        types_label = ", ".join(vocabulary.label("types", t) for t in case.types)
        for location in case.locations:
            term = precisions[location.precision]
            points.append(
                {
                    "id": case.id,
                    "ids": [case.id],
                    "count": 1,
                    "lon": round(location.lon, 4),
                    "lat": round(location.lat, 4),
                    "colour": colour,
                    "radius": int(term.extra.get("radius_m", 5000)),
                    "title": clean(case.title),
                    "place": clean(f"{place_label(location.name, case.countries)} (located to: {term.label.lower()})"),
                    "detail": clean(f"{types_label}\n{years_label(case)}"),
                }
            )
    return points


def group_points(points: Sequence[dict], *, escape: bool = False) -> list[dict]:
    """Points at the same place merged into one marker that holds every case there.

    A marker of one case is returned as it was; a shared one says how many cases it
    holds, lists their titles in its tooltip and keeps their ids (``ids``) for a click.
    """
    clean = html.escape if escape else (lambda text: text)
    at: dict[tuple[float, float], list[dict]] = {}
    for point in points:
        at.setdefault((point["lon"], point["lat"]), []).append(point)
    grouped = []
    for (lon, lat), here in at.items():
        unique = list({p["id"]: p for p in here}.values())
        if len(unique) == 1:
            grouped.append(unique[0])
            continue
        colours = {tuple(p["colour"]) for p in unique}
        place = unique[0]["place"]
        grouped.append(
            {
                "id": "",
                "ids": [p["id"] for p in unique],
                "count": len(unique),
                "lon": lon,
                "lat": lat,
                "colour": unique[0]["colour"] if len(colours) == 1 else hex_to_rgb(MIXED_COLOUR),
                "radius": max(p["radius"] for p in unique),
                "title": clean(f"{len(unique)} cases at this point"),
                "place": place,  # already as the points hold it
                "detail": "\n".join(f"• {p['title']}" for p in unique) + clean("\nClick to list them under the map."),
            }
        )
    # Shared markers last: drawn on top of a nearby single case, so a click at their centre finds them.
    return sorted(grouped, key=lambda marker: marker["count"] > 1)


def view_state(points: Sequence[dict], *, width: int = 1100, height: int = 460) -> pdk.ViewState:
    """A view that fits the points, with at least a few countries around one place or a close group."""
    box = box_of_points([(p["lon"], p["lat"]) for p in points])
    view = fit(box.widened(CONTEXT_LON, CONTEXT_LAT) if box else None, width, height, max_zoom=5)
    return pdk.ViewState(latitude=view.lat, longitude=view.lon, zoom=view.zoom)


def case_deck(
    points: Sequence[dict],
    *,
    view: pdk.ViewState | None = None,
    width: int = 1100,
    height: int = 460,
    outlines: str | None = None,
) -> pdk.Deck:
    """The deck: one outlined marker per place (radius in metres by precision, readable minimum size),
    the number of cases written on shared markers, the world's outlines under them, and the
    mouse wheel left to the page (drag to pan; double-click, or + and - with the map focused, to zoom).

    ``outlines`` is the address the browser fetches the world's outlines from (the app serves them;
    the browser keeps them between maps); without it they are written into the deck (160 kB)."""
    markers = group_points(points)
    layer = pdk.Layer(
        "ScatterplotLayer",
        data=markers,
        id=LAYER_ID,
        get_position=["lon", "lat"],
        get_fill_color="colour",
        get_radius="radius",
        radius_min_pixels=7,
        radius_max_pixels=60,
        stroked=True,
        get_line_color=OUTLINE,
        line_width_min_pixels=1.5,
        pickable=True,
        auto_highlight=True,
    )
    shared = [{"lon": m["lon"], "lat": m["lat"], "text": str(m["count"])} for m in markers if m["count"] > 1]
    counts = pdk.Layer(
        "TextLayer",
        data=shared,
        id=COUNT_LAYER_ID,
        get_position=["lon", "lat"],
        get_text="text",
        get_size=14,
        get_color=[255, 255, 255, 255],
        font_weight=700,
        outline_width=3,
        outline_color=OUTLINE,
        font_settings={"sdf": True},
        pickable=False,
    )
    countries = pdk.Layer(
        "GeoJsonLayer",
        data=outlines or world_countries(),
        id="countries",
        stroked=True,
        filled=True,
        get_fill_color=[*LAND, 255],
        get_line_color=[154, 165, 177, 255],
        line_width_min_pixels=0.6,
        pickable=False,
    )
    controller = {"scrollZoom": False, "doubleClickZoom": True, "keyboard": True, "dragPan": True, "touchZoom": True}
    return CompactDeck(
        layers=[countries, layer, counts],
        initial_view_state=view or view_state(points, width=width, height=height),
        views=[pdk.View(type="MapView", controller=controller)],
        map_style=BASEMAP,
        tooltip={"html": TOOLTIP_HTML, "style": {"fontSize": "13px", "maxWidth": "340px", "whiteSpace": "pre-line"}},
    )
