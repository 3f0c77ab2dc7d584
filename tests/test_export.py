"""Exports: exactly the given cases, in each format, deterministic bytes."""

import csv
import datetime as dt
import io
import json
import zipfile

import pytest

from catalogue import metadata
from catalogue.export import FORMATS, Context, filename, render
from catalogue.filters import Filters, apply, describe
from catalogue.loader import load_catalogue
from catalogue.vocabulary import load_vocabulary

VOCABULARY = load_vocabulary()


def test_csv_has_one_row_per_case(valid_dir):
    cases = load_catalogue(valid_dir).cases
    rows = list(csv.DictReader(io.StringIO(render("csv", cases, VOCABULARY).decode("utf-8-sig"))))
    assert [r["Id"] for r in rows] == [c.id for c in cases]
    harbour = next(r for r in rows if r["Id"] == "harbour-time-bank")
    assert harbour["Types"] == "Co-delivery; Co-design" and harbour["Countries"] == "United Kingdom"
    assert next(r for r in rows if r["Id"] == "river-watch")["Started"] == ""


def test_json_holds_full_records_with_regions(valid_dir):
    cases = load_catalogue(valid_dir).cases
    records = json.loads(render("json", cases, VOCABULARY))["cases"]
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


def test_csv_opens_as_utf8_in_excel_and_keeps_every_character(bundled):
    data = render("csv", bundled.cases, VOCABULARY)
    assert data.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel on Windows needs to read UTF-8
    text = data.decode("utf-8-sig")
    titles = [row["Title"] for row in csv.DictReader(io.StringIO(text))]
    assert titles == [case.title for case in bundled.cases]


def test_csv_carries_each_case_page_and_its_source_addresses(valid_dir, monkeypatch):
    monkeypatch.delenv("CATALOGUE_SITE_URL", raising=False)
    monkeypatch.delenv("CATALOGUE_DASHBOARD_URL", raising=False)
    cases = load_catalogue(valid_dir).cases
    context = Context(dashboard="https://dash.example.org/cat/")
    rows = list(csv.DictReader(io.StringIO(render("csv", cases, VOCABULARY, context).decode("utf-8-sig"))))
    for case, row in zip(cases, rows, strict=True):
        assert row["Page"] == f"https://dash.example.org/cat/case?id={case.id}"
        assert row["Sources"].split("; ") == [str(source.url) for source in case.sources if source.url]


@pytest.mark.parametrize(
    ("site", "dashboard", "page"),
    [
        ("https://site.example.org/", "https://dash.example.org", "https://site.example.org/cases/{id}/"),
        ("", "https://dash.example.org", "https://dash.example.org/case?id={id}"),
        ("", "", ""),
        ("javascript:alert(1)", "ftp://x", ""),
    ],
)
def test_a_case_page_is_the_static_site_s_else_the_dashboard_s(valid_dir, monkeypatch, site, dashboard, page):
    monkeypatch.setenv("CATALOGUE_SITE_URL", site)
    monkeypatch.setenv("CATALOGUE_DASHBOARD_URL", dashboard)
    case = load_catalogue(valid_dir).cases[0]
    assert Context().page(case.id) == page.format(id=case.id)


def test_the_address_the_app_was_reached_at_comes_after_the_configured_one(valid_dir, monkeypatch):
    case = load_catalogue(valid_dir).cases[0]
    monkeypatch.setenv("CATALOGUE_SITE_URL", "")
    monkeypatch.setenv("CATALOGUE_DASHBOARD_URL", "")
    assert Context(reached_at="http://127.0.0.1:8501").page(case.id) == f"http://127.0.0.1:8501/case?id={case.id}"
    monkeypatch.setenv("CATALOGUE_DASHBOARD_URL", "https://dash.example.org")
    assert Context(reached_at="http://127.0.0.1:8501").page(case.id) == f"https://dash.example.org/case?id={case.id}"
    assert Context(dashboard="https://cli.example.org", reached_at="http://x").page(case.id).startswith("https://cli.")


def test_json_states_what_it_is_the_view_the_day_the_version_the_licence_and_the_count(bundled):
    filters = Filters(regions=("Europe",))
    cases = apply(bundled.cases, filters)
    context = Context(filters, generated=dt.date(2026, 11, 30))
    document = json.loads(render("json", cases, VOCABULARY, context))
    assert document["metadata"] == {
        "title": metadata.NAME,
        "version": metadata.version(),
        "license": metadata.LICENCE,
        "generated": "2026-11-30",
        "count": len(cases),
        "view": describe(filters, VOCABULARY),
        "filters": {"region": ["Europe"]},
    }
    assert [record["id"] for record in document["cases"]] == [case.id for case in cases]


def test_the_data_package_csv_is_plain_utf8_as_its_descriptor_declares(bundled):
    archive = zipfile.ZipFile(io.BytesIO(render("datapackage", bundled.cases, VOCABULARY)))
    descriptor = json.loads(archive.read("datapackage.json"))
    table = archive.read("cases.csv")
    assert not table.startswith(b"\xef\xbb\xbf")
    header = next(csv.reader(io.StringIO(table.decode("utf-8"))))
    assert header == [field["name"] for field in descriptor["resources"][0]["schema"]["fields"]]
