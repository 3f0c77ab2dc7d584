"""Each chart's figure holds exactly the numbers computed independently here."""

from __future__ import annotations

import pytest

from catalogue import charts, facets
from catalogue.filters import Filters
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


def test_timeline_spans_and_colours(bundled):
    table = charts.timeline_table(bundled.cases, VOCABULARY, today=2026)
    fig = charts.timeline_figure(table, VOCABULARY, TITLE)
    dated = [c for c in bundled.cases if c.started is not None]
    assert sum(len(trace.y) for trace in fig.data) == len(dated)
    marco = next(t for t in fig.data if "Marco Cavallo Centre" in t.y)
    i = list(marco.y).index("Marco Cavallo Centre")
    assert marco.base[i] == 2008 and marco.base[i] + marco.x[i] == 2026
    assert marco.marker.color == VOCABULARY.type_colour("co-management")


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


def test_titles_name_the_selection():
    title = charts.chart_title("Evidence by type", Filters(regions=("Europe",)), VOCABULARY, 7)
    assert "Evidence by type" in title and "Cases in Europe (7 cases)" in title


def test_empty_inputs_give_empty_tables():
    assert charts.outcomes_table([]).empty and charts.timeline_table([], VOCABULARY).empty
    assert charts.country_table([]).empty
