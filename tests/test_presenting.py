"""Collections, presentation mode, printable briefs and data releases."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from catalogue.brief import render_brief
from catalogue.curated import DEFAULT_COLLECTIONS_DIR, load_collections
from catalogue.export import Context, render
from catalogue.filters import Filters, apply
from catalogue.text import md_escape
from catalogue.vocabulary import load_vocabulary
from tests.conftest import REPO
from tests.test_app import headline, run

VOCABULARY = load_vocabulary()


def test_bundled_collections_are_valid_and_apply_exactly_their_filter(bundled):
    collections, problems = load_collections(DEFAULT_COLLECTIONS_DIR, bundled.cases, VOCABULARY)
    assert problems == [] and len(collections) >= 3
    for collection in collections.values():
        chosen = collection.select(bundled.cases)
        assert {c.id for c in chosen} == {c.id for c in apply(bundled.cases, collection.filters)}
        assert [c.id for c in chosen[: len(collection.order)]] == list(collection.order)
    mental = collections["mental-health"]
    assert len(mental.select(bundled.cases)) == sum("mental-health" in c.sectors for c in bundled.cases)


@pytest.mark.parametrize(
    ("body", "line", "fragment"),
    [
        ("filter:\n  sector: [mental-helth]\n", 5, "'sector=mental-helth' is not a filter"),
        ("filter:\n  colour: [red]\n", 5, "'colour' is not a filter"),
        (
            "filter:\n  sector: [housing]\ncases: [keyrng]\n",
            6,
            "'keyrng' is not a case in the catalogue; did you mean 'keyring'?",
        ),
        ("filter:\n  sector: [housing]\ncases: [keyring]\n", 6, "'keyring' does not match the collection's filter"),
        ("filter: {}\nextra: 1\n", 5, "unknown field 'extra'"),
    ],
)
def test_bad_collections_are_named_with_lines(bundled, tmp_path: Path, body: str, line: int, fragment: str):
    (tmp_path / "bad.yaml").write_text(f"id: bad\ntitle: Bad\nintroduction: An introduction.\n{body}")
    collections, problems = load_collections(tmp_path, bundled.cases, VOCABULARY)
    assert collections == {}
    assert problems[0].line == line and fragment in problems[0].format()


def test_collection_link_applies_it_and_shows_its_introduction(bundled):
    at = run({"collection": "housing-water-and-urban-services"})
    expected = apply(bundled.cases, Filters(sectors=("housing", "water-and-sanitation", "urban-services")))
    assert headline(at)[0] == len(expected)
    assert any("Collection: Housing, water and urban services" in m.value for m in at.markdown)


def test_presentation_mode_hides_controls_and_steps_through_cases():
    at = run({"present": "1", "collection": "mental-health"})
    assert len(at.sidebar) == 0 or not at.sidebar.multiselect
    assert not at.get("download_button") and not at.text_input
    assert at.title[0].value == "Co-production in mental health"
    at.button(key="present-next").click().run()
    assert at.title[0].value == "Marco Cavallo Centre"
    assert at.query_params["step"] in ("1", ["1"])
    at.button(key="present-next").click().run()
    assert at.title[0].value == "South West London Recovery College"
    at.button(key="present-previous").click().run()
    assert at.title[0].value == "Marco Cavallo Centre"


def test_presentation_step_from_the_url_and_out_of_range_steps(bundled):
    at = run({"present": "1", "sector": "environment", "step": "1"})
    # The title is Markdown-escaped as written (a bracket in a case's title stays a bracket on screen).
    assert at.title[0].value == md_escape(apply(bundled.cases, Filters(sectors=("environment",)))[0].title)
    assert run({"present": "1", "step": "999"}).title  # clamped to the last case, never an exception
    assert run({"present": "1", "step": "-3"}).title


def test_brief_contains_facts_outcomes_and_sources(bundled):
    case = bundled.by_id["marco-cavallo-centre"]
    brief = render_brief(case, VOCABULARY)
    for source in case.sources:
        assert f'href="{source.url}"' in brief.replace("&amp;", "&")
        assert source.title.replace("'", "&#x27;") in brief
    assert "<strong>39% against 22% for users of traditional mental health services</strong>" in brief and "<svg" in brief


def test_brief_escapes_case_text(bundled):
    case = bundled.by_id["keyring"].model_copy(update={"title": 'Tom & "Jerry" <3'})
    brief = render_brief(case, VOCABULARY)
    assert "<h1>Tom &amp; &quot;Jerry&quot; &lt;3</h1>" in brief


def cli_export(*args: str) -> bytes:
    result = subprocess.run(
        [sys.executable, "-m", "catalogue", "export", *args, "--output", "-"],
        capture_output=True,
        cwd=REPO,
        timeout=60,
        check=True,
    )
    return result.stdout


@pytest.mark.parametrize("fmt", ["csv", "json", "geojson", "datapackage"])
def test_cli_export_is_the_apps_render_for_the_same_filter(bundled, fmt):
    filters = Filters(regions=("Europe",), types=("co-delivery",))
    expected = render(fmt, apply(bundled.cases, filters), VOCABULARY, Context(filters))
    assert cli_export("--format", fmt, "--region", "Europe", "--type", "co-delivery") == expected


def test_data_package_describes_every_column(bundled):
    archive = zipfile.ZipFile(io.BytesIO(render("datapackage", bundled.cases, VOCABULARY)))
    descriptor = json.loads(archive.read("datapackage.json"))
    header = archive.read("cases.csv").decode().splitlines()[0].split(",")
    fields = [f["name"] for f in descriptor["resources"][0]["schema"]["fields"]]
    assert fields == header
    assert all(f["description"] for f in descriptor["resources"][0]["schema"]["fields"])
    assert {r["path"] for r in descriptor["resources"]} == set(archive.namelist()) - {"datapackage.json"}
