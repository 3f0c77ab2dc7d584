"""Regions are derived from ISO countries, for every country pycountry knows."""

import pycountry

from catalogue.geography import REGIONS, country_name, region_of, unknown_country_message


def test_every_iso_country_has_a_region():
    assert all(region_of(c.alpha_2) in REGIONS for c in pycountry.countries)


def test_examples():
    assert (region_of("NA"), region_of("NZ"), region_of("BR"), region_of("CA")) == (
        "Africa",
        "Oceania",
        "South America",
        "North America",
    )
    assert country_name("GB") == "United Kingdom"


def test_unknown_country_suggestions():
    assert "did you mean 'GB'?" in unknown_country_message("UK")
    assert "did you mean 'NZ'?" in unknown_country_message("New Zealand")
    assert "did you mean 'IT'?" in unknown_country_message("it")
