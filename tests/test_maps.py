"""Map points: one per location, coloured by type, sized by precision; tooltip text as written."""

import json

from catalogue.loader import load_catalogue
from catalogue.maps import LAYER_ID, case_deck, hex_to_rgb, map_points, world_countries
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
