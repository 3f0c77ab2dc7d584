"""Exports: exactly the given cases, in each format, deterministic bytes."""

import csv
import io
import json

from catalogue.export import FORMATS, filename, render
from catalogue.filters import Filters
from catalogue.loader import load_catalogue
from catalogue.vocabulary import load_vocabulary

VOCABULARY = load_vocabulary()


def test_csv_has_one_row_per_case(valid_dir):
    cases = load_catalogue(valid_dir).cases
    rows = list(csv.DictReader(io.StringIO(render("csv", cases, VOCABULARY).decode())))
    assert [r["Id"] for r in rows] == [c.id for c in cases]
    harbour = next(r for r in rows if r["Id"] == "harbour-time-bank")
    assert harbour["Types"] == "Co-delivery; Co-design" and harbour["Countries"] == "United Kingdom"
    assert next(r for r in rows if r["Id"] == "river-watch")["Started"] == ""


def test_json_holds_full_records_with_regions(valid_dir):
    cases = load_catalogue(valid_dir).cases
    records = json.loads(render("json", cases, VOCABULARY))
    assert records[0]["id"] == cases[0].id and records[0]["regions"] == cases[0].regions
    assert records[0]["sources"][0]["url"].startswith("https://")


def test_geojson_has_one_point_per_location_lon_first(valid_dir):
    cases = load_catalogue(valid_dir).cases
    collection = json.loads(render("geojson", cases, VOCABULARY))
    assert len(collection["features"]) == sum(len(c.locations) for c in cases)
    first = collection["features"][0]
    assert first["geometry"]["coordinates"] == [cases[0].locations[0].lon, cases[0].locations[0].lat]


def test_exports_are_deterministic(bundled):
    for fmt in FORMATS:
        assert render(fmt, bundled.cases, VOCABULARY) == render(fmt, bundled.cases, VOCABULARY)


def test_file_names_follow_the_view():
    assert filename(Filters(), VOCABULARY, "csv") == "coproduction-cases-all.csv"
    named = filename(Filters(types=("co-governance",), regions=("Europe",)), VOCABULARY, "geojson")
    assert named == "coproduction-cases-co-governance-cases-in-europe.geojson"
