"""Map points: one per location, coloured by type, sized by precision; tooltip text as written."""

import json

from catalogue.loader import load_catalogue
from catalogue.maps import LAYER_ID, case_deck, hex_to_rgb, map_points, place_label, world_countries
from catalogue.vocabulary import load_vocabulary

VOCABULARY = load_vocabulary()


def test_points_carry_type_colour_and_precision_radius(valid_dir):
    cases = load_catalogue(valid_dir).cases
    points = map_points(cases, VOCABULARY)
    harbour = next(p for p in points if p["id"] == "harbour-time-bank")
    assert harbour["colour"] == hex_to_rgb(VOCABULARY.type_colour("co-delivery"))
    assert harbour["radius"] == VOCABULARY.terms("precisions")["city"].extra["radius_m"]
    river = next(p for p in points if p["id"] == "river-watch")
    assert river["radius"] > harbour["radius"], "a region is drawn larger than a city"


def test_tooltip_values_are_passed_as_written_unless_asked_to_escape(valid_dir):
    case = load_catalogue(valid_dir).by_id["harbour-time-bank"]
    hostile = case.model_copy(update={"title": 'Tom & Jerry "co-op" <3'})
    assert map_points([hostile], VOCABULARY)[0]["title"] == 'Tom & Jerry "co-op" <3'
    assert map_points([hostile], VOCABULARY, escape=True)[0]["title"] == "Tom &amp; Jerry &quot;co-op&quot; &lt;3"


def test_deck_has_offline_country_outlines_and_pickable_cases(valid_dir):
    deck = json.loads(case_deck(map_points(load_catalogue(valid_dir).cases, VOCABULARY)).to_json())
    layers = {layer["id"]: layer for layer in deck["layers"]}
    assert layers[LAYER_ID]["pickable"] is True
    assert "countries" in layers
    assert len(world_countries()["features"]) > 150
    assert "{title}" in case_deck([])._tooltip["html"]


def test_the_outlines_are_fetched_from_an_address_when_one_is_given(bundled):
    points = map_points(bundled.cases[:3], VOCABULARY)
    served = {layer["id"]: layer for layer in json.loads(case_deck(points, outlines="/app/static/w.json").to_json())["layers"]}
    embedded = {layer["id"]: layer for layer in json.loads(case_deck(points).to_json())["layers"]}
    assert served["countries"]["data"] == "/app/static/w.json"
    assert embedded["countries"]["data"] == world_countries()
    assert served[LAYER_ID] == embedded[LAYER_ID]  # the markers are the same either way


def test_the_app_serves_the_outlines_the_catalogue_reads():
    """``static/`` holds a copy for the browsers (Streamlit serves no file from outside it): kept identical."""
    from catalogue.geography import WORLD_GEOJSON
    from tests.conftest import REPO

    served = REPO / "static" / "world-countries.json"
    assert served.read_bytes() == WORLD_GEOJSON.read_bytes(), f"copy {WORLD_GEOJSON} to {served}"


def test_cases_sharing_a_point_are_one_marker_that_names_them(bundled):
    points = map_points(bundled.cases, VOCABULARY)
    markers = json.loads(case_deck(points).to_json())["layers"][1]["data"]
    at: dict[tuple[float, float], set[str]] = {}
    for case in bundled.cases:
        for location in case.locations:
            at.setdefault((round(location.lon, 4), round(location.lat, 4)), set()).add(case.id)
    assert len(markers) == len(at)
    shared = {key: ids for key, ids in at.items() if len(ids) > 1}
    assert shared, "the bundled cases have places shared by several cases (the UK's centre)"
    for marker in markers:
        ids = at[(marker["lon"], marker["lat"])]
        assert set(marker["ids"]) == ids and marker["count"] == len(ids)
        if len(ids) > 1:
            assert marker["title"] == f"{len(ids)} cases at this point"
            for case_id in ids:
                assert bundled.by_id[case_id].title in marker["detail"]
    counts = json.loads(case_deck(points).to_json())["layers"][2]
    assert sorted(int(t["text"]) for t in counts["data"]) == sorted(len(ids) for ids in shared.values())


def test_a_place_that_is_its_country_is_named_once(bundled):
    national = next(c for c in bundled.cases if c.locations[0].name == "United Kingdom")
    place = map_points([national], VOCABULARY)[0]["place"]
    assert place.startswith("United Kingdom (located to:") and "United Kingdom, United Kingdom" not in place
    assert place_label("Trieste", ["IT"]) == "Trieste, Italy"


def test_markers_have_a_dark_outline_and_the_wheel_scrolls_the_page(valid_dir):
    deck = json.loads(case_deck(map_points(load_catalogue(valid_dir).cases, VOCABULARY)).to_json())
    layer = next(layer for layer in deck["layers"] if layer["id"] == LAYER_ID)
    assert layer["stroked"] and sum(layer["getLineColor"][:3]) < 200
    assert deck["views"][0]["controller"]["scrollZoom"] is False


def test_one_case_is_shown_with_the_countries_around_it(bundled):
    case = bundled.by_id["4pi-national-involvement-standards"]
    view = json.loads(case_deck(map_points([case], VOCABULARY), width=480, height=320).to_json())["initialViewState"]
    degrees_across = 480 * 360 / (512 * 2 ** view["zoom"])
    assert degrees_across >= 30, "enough of Europe around the United Kingdom to know where it is"
    assert abs(view["longitude"] - case.locations[0].lon) < 1



def test_a_decks_json_is_built_once_and_the_memo_never_enters_it(bundled):
    """A deck shared by every visitor to one view is serialised once (ui.components.case_map)."""
    points = map_points(bundled.cases, VOCABULARY)
    deck = case_deck(points)
    first = deck.to_json()
    assert deck.to_json() is first, "the second visitor gets the same string, not a new serialisation"
    assert case_deck(points).to_json() == first, "the same JSON a fresh deck gives"
    assert "compact" not in first.casefold()
    assert {layer["id"] for layer in json.loads(first)["layers"]} >= {LAYER_ID, "countries"}
