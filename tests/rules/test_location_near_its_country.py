"""location_near_its_country: each location lies in or near one of the case's countries (a swapped lat/lon shows up here)."""

import pytest

from catalogue.rules import location_near_its_country
from tests.rules import BASE, edit, reported

PASSING = [
    ("in-the-country", BASE),
    ("near-the-coast", edit(("    lat: 50.1\n    lon: -5.0", "    lat: 49.0\n    lon: -7.5"))),
    (
        "in-one-of-two-countries",
        edit(("countries: [GB]", "countries: [GB, FR]"), ("    lat: 50.1\n    lon: -5.0", "    lat: 48.9\n    lon: 2.35")),
    ),
]

FAILING = [
    (
        "swapped-lat-lon",
        edit(("    lat: 50.1\n    lon: -5.0", "    lat: -5.0\n    lon: 50.1")),
        [(8, 5, "locations[0]", "warning", "-5.0, 50.1 is far from United Kingdom; check the coordinates (lat, lon order?)")],
    ),
]


@pytest.mark.parametrize("text", [text for _, text in PASSING], ids=[name for name, _ in PASSING])
def test_passes(text: str):
    assert reported(location_near_its_country, text) == []


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in FAILING], ids=[name for name, _, _ in FAILING])
def test_fails(text: str, expected: list):
    assert reported(location_near_its_country, text) == expected
