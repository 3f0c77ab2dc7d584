"""Countries and world regions: ISO 3166-1 alpha-2 codes checked with pycountry, regions derived."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pycountry

#: World regions (continents, with the Americas split north and south, as the UN
#: geoscheme does), each with its ISO 3166-1 alpha-2 codes.
_REGION_CODES = {
    "Africa": "DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR "
    "LY MG MW ML MR MU YT MA MZ NA NE NG RE RW SH ST SN SC SL SO ZA SS SD TZ TG TN UG EH ZM ZW TF",
    "Asia": "AF AM AZ BH BD BT BN KH CN CY GE HK IN ID IR IQ IL JP JO KZ KW KG LA LB MO MY MV MN MM "
    "NP KP OM PK PS PH QA SA SG KR LK SY TW TJ TH TL TR TM AE UZ VN YE IO",
    "Europe": "AX AL AD AT BY BE BA BG HR CZ DK EE FO FI FR DE GI GR GG HU IS IE IM IT JE LV LI LT "
    "LU MT MD MC ME NL MK NO PL PT RO RU SM RS SK SI ES SJ SE CH UA GB VA",
    "North America": "AI AG AW BS BB BZ BM BQ VG CA KY CR CU CW DM DO SV GL GD GP GT HT HN JM MQ MX "
    "MS NI PA PR BL KN LC MF PM VC SX TT TC US VI UM",
    "South America": "AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE",
    "Oceania": "AS AU CX CC CK FJ PF GU HM KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV VU WF",
    "Antarctica": "AQ",
}
REGIONS: tuple[str, ...] = tuple(_REGION_CODES)
_REGION_OF = {code: region for region, codes in _REGION_CODES.items() for code in codes.split()}


def region_of(code: str) -> str:
    """The world region of an ISO alpha-2 country code."""
    return _REGION_OF[code]


@lru_cache(maxsize=512)
def country_name(code: str) -> str:
    """A country's common English name, for people (not for matching)."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """Every current ISO 3166-1 alpha-2 code."""
    return frozenset(c.alpha_2 for c in pycountry.countries)


def unknown_country_message(code: str) -> str:
    """Explain an unknown code and suggest the country meant, where one can be guessed."""
    guess = None
    if len(code) > 2:
        try:
            guess = pycountry.countries.lookup(code).alpha_2
        except LookupError:
            guess = None
    elif code.upper() in country_codes():
        guess = code.upper()
    elif code.upper() == "UK":
        guess = "GB"
    hint = f"; did you mean {guess!r}?" if guess else "; use an ISO 3166-1 alpha-2 code such as 'GB' or 'NZ'"
    return f"{code!r} is not an ISO 3166-1 alpha-2 country code{hint}"


WORLD_GEOJSON = Path(__file__).resolve().parent / "data" / "world-countries.geojson"
#: Degrees of slack around a country's outline box before a location counts as far from it.
BOUNDS_MARGIN = 2.0


@lru_cache(maxsize=1)
def world_countries() -> dict:
    """Natural Earth 1:110m country outlines (public domain), read once."""
    return json.loads(WORLD_GEOJSON.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def country_bounds() -> dict[str, tuple[float, float, float, float]]:
    """(min lon, min lat, max lon, max lat) of each country's outline, by alpha-2 code."""
    bounds: dict[str, tuple[float, float, float, float]] = {}
    for feature in world_countries()["features"]:
        code = feature["properties"]["iso_a2"]
        if not code:
            continue
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        points = [point for polygon in polygons for ring in polygon for point in ring]
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        bounds[code] = (min(lons), min(lats), max(lons), max(lats))
    return bounds


def near_country(lat: float, lon: float, code: str) -> bool | None:
    """Whether a point lies within a country's outline box (with slack); None if the country has no outline here."""
    box = country_bounds().get(code)
    if box is None:
        return None
    min_lon, min_lat, max_lon, max_lat = box
    lon_ok = any(min_lon - BOUNDS_MARGIN <= candidate <= max_lon + BOUNDS_MARGIN for candidate in (lon, lon + 360, lon - 360))
    return lon_ok and min_lat - BOUNDS_MARGIN <= lat <= max_lat + BOUNDS_MARGIN
