"""Fitting a map to places: the shortest arc of longitudes, across the antimeridian when shorter."""

from catalogue.viewport import Box, box_of_countries, box_of_points, covering_arc, fit


def test_covering_arc_crosses_the_antimeridian():
    assert covering_arc([(170, 175), (-178, -175)]) == (170, 185)
    assert covering_arc([(-10, 0), (100, 110)]) == (-10, 110)
    assert covering_arc([(-180, 180)]) == (-180, 180)
    assert covering_arc([]) == (-180, 180)


def test_new_zealand_and_fiji_fit_in_one_view():
    box = box_of_countries(["NZ", "FJ"])
    assert box.east - box.west < 30
    view = fit(box, 600, 400)
    assert 160 < view.lon <= 180 or view.lon < -170
    assert view.zoom > 2


def test_one_point_is_widened_to_show_its_surroundings():
    box = box_of_points([(-2.0, 54.0)]).widened(40, 24)
    assert (box.west, box.east) == (-22.0, 18.0) and abs(box.north - box.south - 24) < 0.01
    view = fit(box, 480, 320)
    assert 480 * 360 / (512 * 2**view.zoom) >= 40
    assert (view.lon, round(view.lat, 3)) == (-2.0, 54.0), "the place stays in the middle of the map"
    assert box_of_points([(-2.0, 54.0), (10, 50)]).widened(40, 0) == Box(-16.0, 50.0, 24.0, 54.0)
