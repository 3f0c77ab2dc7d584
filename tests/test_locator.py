"""The offline locator map: self-contained for the brief, an overlay on one shared world file for the site."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from catalogue.locator import locator_overlay_svg, locator_svg, world_svg

SVG = "{http://www.w3.org/2000/svg}"


def test_the_self_contained_locator_draws_every_country_and_the_places(bundled):
    marco = bundled.by_id["marco-cavallo-centre"]
    svg = ET.fromstring(locator_svg(marco, "#D55E00"))
    paths = svg.findall(f"{SVG}path")
    assert len(paths) > 150
    assert {p.get("fill") for p in paths} == {"#E8ECF0", "#C7DDF0"}
    (dot,) = svg.findall(f"{SVG}circle")
    assert dot.get("fill") == "#D55E00"


def test_the_overlay_draws_only_the_cases_countries_over_the_shared_world(bundled):
    marco = bundled.by_id["marco-cavallo-centre"]
    full = locator_svg(marco, "#D55E00")
    overlay = locator_overlay_svg(marco, "#D55E00", "../../assets/world.svg", 'Map: "Latiano" <Apulia>')
    svg = ET.fromstring(overlay)
    assert svg.get("aria-label") == 'Map: "Latiano" <Apulia>'
    assert svg.find(f"{SVG}image").get("href") == "../../assets/world.svg"
    highlighted = [p.get("d") for p in svg.findall(f"{SVG}path")]
    assert highlighted and all(p.get("fill") == "#C7DDF0" for p in svg.findall(f"{SVG}path"))
    assert all(d in full for d in highlighted)  # the same outlines as the self-contained map
    assert len(svg.findall(f"{SVG}circle")) == len(marco.locations)
    assert len(overlay) < len(full) / 5


def test_the_world_file_is_a_standalone_svg_with_every_country():
    world = ET.fromstring(world_svg().encode("utf-8"))
    assert world.tag == f"{SVG}svg"
    assert len(world.findall(f"{SVG}path")) > 150
