"""Each chart's figure holds exactly the numbers computed independently here."""

from __future__ import annotations

import math

import pytest

from catalogue import charts, facets
from catalogue.filters import Filters
from catalogue.loader import load_catalogue
from catalogue.vocabulary import load_vocabulary

VOCABULARY = load_vocabulary()
TITLE = "t"


def test_type_sector_heatmap_counts(bundled):
    table = charts.type_sector_table(bundled.cases, VOCABULARY)
    fig = charts.type_sector_figure(table, VOCABULARY, TITLE)
    z = fig.data[0].z
    for i, t in enumerate(table.index):
        for j, s in enumerate(table.columns):
            assert z[i][j] == sum(t in c.types and s in c.sectors for c in bundled.cases)
    assert list(fig.data[0].customdata[0][0]) == [table.index[0], table.columns[0]]


def test_country_choropleth_counts(bundled):
    table = charts.country_table(bundled.cases)
    fig = charts.country_figure(table, TITLE)
    counted = {code: z for code, z in zip(fig.data[0].locations, fig.data[0].z, strict=True) if z}
    assert len(fig.to_plotly_json()["data"][0]["geojson"]["features"]) > 150
    assert counted["GB"] == sum("GB" in c.countries for c in bundled.cases)
    assert sum(counted.values()) == sum(len(c.countries) for c in bundled.cases)


def test_region_bars(bundled):
    fig = charts.region_figure(charts.region_table(bundled.cases), TITLE)
    bars = dict(zip(fig.data[0].y, fig.data[0].x, strict=True))
    assert bars["Africa"] == sum("Africa" in c.regions for c in bundled.cases)


def _timeline_bars(fig):
    """(case label, start, drawn end, hatched, text) of every bar in a timeline figure."""
    bars = []
    for trace in fig.data:
        if trace.y == (None,):
            continue
        shapes = trace.marker.pattern.shape
        for i, label in enumerate(trace.y):
            bars.append((label, trace.base[i], trace.base[i] + trace.x[i], shapes[i] == "/", trace.text[i], trace))
    return bars


def test_timeline_spans_and_colours(bundled):
    table = charts.timeline_table(bundled.cases, VOCABULARY, today=2026)
    fig = charts.timeline_figure(table, VOCABULARY, TITLE)
    dated = [c for c in bundled.cases if c.started is not None]
    bars = {bar[0]: bar for bar in _timeline_bars(fig)}
    assert len(bars) == len(dated)
    # Marco Cavallo's sources give 2008 and no end or status: its bar covers 2008 only, hatched.
    label, start, end, hatched, text, trace = bars["Marco Cavallo Centre"]
    assert (start, end, hatched, text) == (2008, 2009, True, "from 2008, end unknown")
    assert trace.marker.color == VOCABULARY.type_colour("co-management")


def test_timeline_never_runs_a_case_of_unknown_end_to_today(bundled):
    marco = bundled.by_id["marco-cavallo-centre"]
    kinds = {
        "unknown": marco,
        "active": marco.model_copy(update={"title": "Active case", "status": "active"}),
        "ended": marco.model_copy(update={"title": "Ended case", "status": "ended", "ended": 2015}),
        "ended, year not given": marco.model_copy(update={"title": "Ended case, year not given", "status": "ended"}),
    }
    table = charts.timeline_table(list(kinds.values()), VOCABULARY, today=2026)
    fig = charts.timeline_figure(table, VOCABULARY, TITLE)
    bars = {bar[0]: bar[1:5] for bar in _timeline_bars(fig)}
    assert bars["Marco Cavallo Centre"] == (2008, 2009, True, "from 2008, end unknown")
    assert bars["Active case"] == (2008, 2026, False, "since 2008")
    assert bars["Ended case"] == (2008, 2015, False, "2008 to 2015")
    assert bars["Ended case, year not given"] == (2008, 2009, True, "from 2008, end unknown")
    assert [t.name for t in fig.data if "end unknown" in t.name], "the legend explains the hatching"
    assert fig.layout.xaxis.range[1] > 2026, "room after today's bar for its label"


def test_timeline_legend_sits_below_the_axis_title(bundled):
    fig = charts.timeline_figure(charts.timeline_table(bundled.cases, VOCABULARY), VOCABULARY, TITLE)
    legend = fig.layout.legend
    assert legend.yref == "container" and legend.y == 0 and legend.yanchor == "bottom"
    assert fig.layout.margin.b >= 100, "room under the plot for the axis title and, below it, the legend"


def test_region_bar_labels_are_not_clipped(bundled):
    table = charts.region_table(bundled.cases)
    fig = charts.region_figure(table, TITLE)
    assert fig.data[0].cliponaxis is False
    assert fig.layout.xaxis.range[1] > 1.15 * max(table["cases"]), "room beyond the longest bar for its number"


def test_country_map_fits_every_country_with_a_case_across_the_antimeridian():
    from catalogue.viewport import box_of_countries

    view = charts.country_view(["GB", "NZ"])
    box = box_of_countries(["GB", "NZ"])
    # The shortest arc holding Britain and New Zealand: width well under 360 degrees.
    assert box.east - box.west < 200
    lon_span = 880 * 360 / (512 * 2**view.zoom)
    assert lon_span >= box.east - box.west
    pacific = charts.country_view(["NZ", "FJ"])
    assert pacific.zoom > 2 and (pacific.lon > 160 or pacific.lon < -170), "Fiji and New Zealand seen together"


def test_country_map_of_the_bundled_cases_shows_every_country_with_a_case(bundled):
    from catalogue.viewport import _mercator_y, box_of_countries

    table = charts.country_table(bundled.cases)
    assert "NZ" in set(table["code"])
    places = charts.country_places(bundled.cases)
    fig = charts.country_figure(table, TITLE, places)
    centre, zoom = fig.layout.map.center, fig.layout.map.zoom
    width, height = 880, charts.COUNTRY_MAP_HEIGHT - 100  # the plot area country_view fits
    half_lon = width * 360 / (512 * 2**zoom) / 2
    half_y = height * 2 * math.pi / (512 * 2**zoom) / 2
    for code in table["code"]:
        box = box_of_countries([code], [places[code]] if code in places else [])
        assert box is not None, f"{code} is neither outlined nor marked"
        inside = any(
            centre.lon - half_lon <= box.west + shift and box.east + shift <= centre.lon + half_lon for shift in (-360, 0, 360)
        )
        assert inside, f"{code} is cut off"
        assert abs(_mercator_y(min(box.north, 72)) - _mercator_y(centre.lat)) <= half_y
        assert abs(_mercator_y(max(box.south, -56)) - _mercator_y(centre.lat)) <= half_y


def test_evidence_stacks(bundled):
    table = charts.evidence_table(bundled.cases, VOCABULARY)
    fig = charts.evidence_figure(table, VOCABULARY, TITLE)
    evaluated = next(t for t in fig.data if t.name == "Evaluated")
    delivery = list(evaluated.x).index("Co-delivery")
    assert evaluated.y[delivery] == sum("co-delivery" in c.types and c.evidence == "evaluated" for c in bundled.cases)


def test_outcome_dumbbells_include_marco_cavallo(bundled):
    table = charts.outcomes_table(bundled.cases)
    expected = [(o.value, o.comparison_value) for c in bundled.cases for o in c.outcomes if o.comparison_value is not None]
    assert list(zip(table["value"], table["comparison"], strict=True)) == expected
    fig = charts.outcomes_figure(table, TITLE)
    assert 39.0 in list(fig.data[-1].x) and 22.0 in list(fig.data[-2].x)


def test_cooccurrence_is_symmetric_with_type_totals_on_the_diagonal(bundled):
    table = charts.cooccurrence_table(bundled.cases, VOCABULARY)
    assert (table.values == table.values.T).all()
    for t in table.index:
        assert table.loc[t, t] == sum(t in c.types for c in bundled.cases)
    assert table.loc["co-governance", "co-management"] == sum(
        {"co-governance", "co-management"} <= set(c.types) for c in bundled.cases
    )


@pytest.mark.parametrize("facet", [facets.TYPES, facets.SECTORS, facets.EVIDENCE, facets.SCALES], ids=lambda f: f.name)
def test_group_shares(bundled, facet):
    europe = [c for c in bundled.cases if "Europe" in c.regions]
    africa = [c for c in bundled.cases if "Africa" in c.regions]
    table = charts.shares_table({"A": europe, "B": africa}, facet, VOCABULARY)
    first = VOCABULARY.keys(facet.vocabulary_facet)[0]
    n = sum(first == getattr(c, facet.single) if facet.single else first in getattr(c, facet.name) for c in africa)
    assert table.loc[0, "B cases"] == n
    assert table.loc[0, "B share"] == round(100 * n / len(africa), 1)
    fig = charts.shares_figure(table, ["A", "B"], TITLE)
    assert fig.data[1].text[0] == f"{round(100 * n / len(africa), 1):g}%<br>n={n}", "every percentage shows its count"


def test_groups_are_named_by_what_they_hold():
    name = charts.group_name(Filters(types=("co-delivery",), regions=("Europe",)), VOCABULARY, 5)
    assert name == "Co-delivery cases in Europe (5 cases)"


def test_titles_name_the_selection():
    title = charts.chart_title("Evidence by type", Filters(regions=("Europe",)), VOCABULARY, 7)
    assert "Evidence by type" in title and "Cases in Europe (7 cases)" in title


def test_empty_inputs_give_empty_tables():
    assert charts.outcomes_table([]).empty and charts.timeline_table([], VOCABULARY).empty
    assert charts.country_table([]).empty


def test_a_country_too_small_for_the_outlines_is_a_marker_in_the_same_colours(valid_dir):
    """Samoa has no outline in the 1:110m map: its cases show as a marker at the case's country-wide place."""
    from catalogue.viewport import box_of_countries, country_outlined

    text = (valid_dir / "harbour-time-bank.yaml").read_text(encoding="utf-8")
    start = text.index("countries:")
    end = text.index("types:")
    samoa = "countries: [WS]\nlocations:\n  - name: Apia\n    lat: -13.83\n    lon: -171.76\n    precision: city\n" \
        "  - name: Samoa\n    lat: -13.76\n    lon: -172.1\n    precision: country\n"
    (valid_dir / "harbour-time-bank.yaml").write_text(text[:start] + samoa + text[end:], encoding="utf-8")
    cases = load_catalogue(valid_dir, cache=False).cases
    assert not country_outlined("WS") and country_outlined("NZ")
    places = charts.country_places(cases)
    assert places == {"WS": (-172.1, -13.76)}, "the country-wide place, not the city"
    table = charts.country_table(cases)
    fig = charts.country_figure(table, TITLE, places)
    marker = fig.data[1]
    assert marker.type == "scattermap" and list(marker.text) == ["Samoa"] and list(marker.customdata) == [1]
    assert marker.marker.colorscale == fig.data[0].colorscale and marker.marker.cmax == fig.data[0].zmax
    view = charts.country_view(table["code"], [places["WS"]])
    box = box_of_countries(table["code"], [places["WS"]])
    assert any(box.west <= -172.1 + shift <= box.east for shift in (0, 360)), "Samoa inside the view's box"
    assert view.zoom > 0
    assert len(charts.country_figure(table, TITLE).data) == 1, "without places, nothing is invented"


def test_each_outcome_line_joins_its_comparison_to_its_value_and_no_other(bundled):
    table = charts.outcomes_table(bundled.cases)
    joins = charts.outcomes_figure(table, TITLE).data[0]
    segments = [tuple(joins.x[i : i + 2]) for i in range(0, len(joins.x), 3)]
    assert segments == list(zip(table["comparison"], table["value"], strict=True))
    assert list(joins.x[2::3]) == [None] * len(table)  # a gap after each: no line runs between two outcomes


def test_the_overview_draws_every_chart_of_the_selection_in_page_order(bundled):
    cases = [c for c in bundled.cases if "Europe" in c.regions]
    shown = charts.overview(cases, Filters(regions=("Europe",)), VOCABULARY, today=2026)
    keys = ["chart-type-sector", "chart-countries", "chart-regions", "chart-timeline", "chart-evidence"]
    assert list(shown)[:6] == [*keys, "chart-combinations"]
    assert all("Cases in Europe" in chart.figure.layout.title.text for chart in shown.values())
    dated = len(charts.timeline_table(cases, VOCABULARY, 2026))
    timeline = shown["chart-timeline"]
    assert len(timeline.table) == dated and "type_key" not in timeline.table.columns
    assert (f"{len(cases) - dated} cases without a start year" in timeline.caption) is (dated < len(cases))
    with_comparison = any(o.comparison_value is not None for c in cases for o in c.outcomes)
    assert ("chart-outcomes" in shown) is with_comparison


def test_the_overview_leaves_out_the_outcomes_chart_when_no_outcome_has_a_comparison(bundled):
    cases = [c for c in bundled.cases if all(o.comparison_value is None for o in c.outcomes)][:5]
    assert "chart-outcomes" not in charts.overview(cases, Filters(), VOCABULARY)
