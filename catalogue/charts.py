"""Charts of a set of cases: pure functions from cases to a table and from the table to a figure.

Each chart has a ``*_table`` function (the numbers, also shown as the accessible
alternative) and a ``*_figure`` function that draws exactly that table. Types always
use the vocabulary's colours, the same as the map.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from catalogue.facets import Facet
from catalogue.filters import Filters, describe, span
from catalogue.geography import REGIONS, country_name, world_countries
from catalogue.presentation import years_label
from catalogue.schema import Case
from catalogue.viewport import View, box_of_countries, country_outlined, fit
from catalogue.vocabulary import Vocabulary, load_vocabulary

FONT = dict(family="Source Sans Pro, sans-serif", size=13)
#: Heatmap cells carry their count as text; the colour only repeats it.
SEQUENTIAL = [[0.0, "#F3F6F9"], [1.0, "#005B8F"]]
# Colours that carry data: each keeps at least 3:1 contrast against white and against the
# map's land colour (WCAG 1.4.11, checked in tests/test_colours.py), and they stay apart
# for colour-blind readers (Okabe-Ito hues, darkened; evidence a light-to-dark ramp).
BAR_COLOUR = "#005B8F"
#: Evidence colours live in the vocabulary, light to dark, one per level.
EVIDENCE_COLOURS = [term.colour for term in load_vocabulary().terms("evidence").values()]
GROUP_COLOURS = ["#005B8F", "#AA7600"]
CASE_COLOUR = "#008A64"
COMPARISON_COLOUR = "#62798F"
#: A country without cases, and the lightest and darkest fill of a country with cases.
NO_CASES, FEW_CASES, MANY_CASES = "#F3F6F9", "#3D85C6", "#08306B"
DATA_COLOURS = [BAR_COLOUR, *EVIDENCE_COLOURS, *GROUP_COLOURS, CASE_COLOUR, COMPARISON_COLOUR, FEW_CASES, MANY_CASES]


def _layout(fig: go.Figure, title: str, height: int = 420, left: int = 20, bottom: int = 20) -> go.Figure:
    """Shared look: a title that says what and for which selection, margins wide enough for the labels."""
    fig.update_layout(
        title=dict(text=title, x=0, xanchor="left"),
        font=FONT,
        height=height,
        margin=dict(l=left, r=20, t=80, b=bottom),
        plot_bgcolor="white",
        paper_bgcolor="white",
    )
    return fig


def _label_width(labels: Sequence[str]) -> int:
    """Pixels needed for the longest of some axis labels."""
    return 20 + 7 * max((len(str(label)) for label in labels), default=0)


def _short(text: str, limit: int = 45) -> str:
    """A label cut to fit an axis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def chart_title(what: str, filters: Filters, vocabulary: Vocabulary, count: int) -> str:
    """'What the chart shows, for <selection> (N cases)'."""
    return f"{what}<br><sup>{describe(filters, vocabulary)} ({count} cases)</sup>"


def _count_table(counts: Mapping[tuple[str, str], int], rows: Sequence[str], columns: Sequence[str]) -> pd.DataFrame:
    """A table of counts, one row and one column per key given (zero where nothing was counted).

    Counting first and building the table once: adding to a table cell by cell costs
    pandas a lookup per cell, about 0.6 s a chart at 1,000 cases."""
    data = [[counts.get((row, column), 0) for column in columns] for row in rows]
    return pd.DataFrame(data, index=list(rows), columns=list(columns), dtype=int)


# 1. Type x sector matrix ------------------------------------------------------------


def type_sector_table(cases: Sequence[Case], vocabulary: Vocabulary) -> pd.DataFrame:
    """Case counts for every (type, sector) pair: rows types, columns sectors present."""
    counts = Counter((t, s) for case in cases for t in case.types for s in case.sectors)
    present = {s for _, s in counts}
    sectors = [s for s in vocabulary.keys("sectors") if s in present]
    return _count_table(counts, vocabulary.keys("types"), sectors)


def type_sector_figure(table: pd.DataFrame, vocabulary: Vocabulary, title: str) -> go.Figure:
    """A heatmap of the type x sector counts, with the count written in each cell."""
    fig = go.Figure(
        go.Heatmap(
            z=table.values,
            x=[vocabulary.label("sectors", s) for s in table.columns],
            y=[vocabulary.label("types", t) for t in table.index],
            customdata=[[[t, s] for s in table.columns] for t in table.index],
            text=table.values,
            texttemplate="%{text}",
            colorscale=SEQUENTIAL,
            showscale=False,
            hovertemplate="%{y} in %{x}: %{z} cases<extra></extra>",
            xgap=2,
            ygap=2,
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(tickangle=-30)
    rows = [vocabulary.label("types", t) for t in table.index]
    columns = [vocabulary.label("sectors", s) for s in table.columns]
    return _layout(fig, title, height=420, left=_label_width(rows), bottom=_label_width(columns) // 2 + 20)


# 2. Where ---------------------------------------------------------------------------


def country_table(cases: Sequence[Case]) -> pd.DataFrame:
    """Cases per country (a case in two countries counts in both)."""
    counts: dict[str, int] = {}
    for case in cases:
        for code in case.countries:
            counts[code] = counts.get(code, 0) + 1
    rows = [{"code": code, "country": country_name(code), "cases": n} for code, n in counts.items()]
    return pd.DataFrame(rows, columns=["code", "country", "cases"]).sort_values(
        ["cases", "country"], ascending=[False, True], ignore_index=True
    )


def country_places(cases: Sequence[Case]) -> dict[str, tuple[float, float]]:
    """Where to mark each country that has a case but no outline in the bundled 1:110m map (Samoa):
    (lon, lat) of a location of a case in that country alone, a country-wide one first."""
    places: dict[str, tuple[float, float]] = {}
    for case in cases:
        if len(case.countries) != 1 or country_outlined(case.countries[0]) or not case.locations:
            continue
        location = min(case.locations, key=lambda loc: loc.precision != "country")
        code = case.countries[0]
        if code not in places or location.precision == "country":
            places[code] = (location.lon, location.lat)
    return places


def country_figure(table: pd.DataFrame, title: str, places: Mapping[str, tuple[float, float]] | None = None) -> go.Figure:
    """A world choropleth of cases per country, from the bundled outlines on a blank style (works offline).

    One trace holds every country (those without cases at zero, drawn pale). A country too small
    for the bundled outlines is a marker in the same colours at its place from ``places``
    (``country_places``), so no country with a case is missing from the map.
    """
    counts = dict(zip(table["code"], table["cases"], strict=True))
    names = {f["properties"]["iso_a2"]: f["properties"]["name"] for f in world_countries()["features"]}
    codes = [code for code in names if code] + [code for code in counts if code not in names]
    top = max([2, *counts.values()])
    colours = [[0.0, NO_CASES], [0.5 / top, NO_CASES], [0.5 / top, FEW_CASES], [1.0, MANY_CASES]]
    trace = dict(
        type="choroplethmap",
        featureidkey="properties.iso_a2",
        locations=codes,
        z=[counts.get(code, 0) for code in codes],
        text=[country_name(code) for code in codes],
        zmin=0,
        zmax=top,
        colorscale=colours,
        marker=dict(line=dict(color="#9AA5B1", width=0.4)),
        colorbar=dict(title=dict(text="Cases"), thickness=12, tick0=0, dtick=max(1, top // 5)),
        hovertemplate="%{text}: %{z} cases<extra></extra>",
    )
    places = places or {}
    marked = [code for code in counts if code not in names and code in places]
    markers = dict(
        type="scattermap",
        lon=[places[code][0] for code in marked],
        lat=[places[code][1] for code in marked],
        text=[country_name(code) for code in marked],
        customdata=[counts[code] for code in marked],
        mode="markers",
        marker=dict(size=14, color=[counts[code] for code in marked], cmin=0, cmax=top, colorscale=colours),
        hovertemplate="%{text}: %{customdata} cases<extra></extra>",
        showlegend=False,
    )
    fig = go.Figure(dict(data=[trace, markers] if marked else [trace]))
    # The shared, read-only outlines are attached without plotly's deep copy (~70 ms a chart).
    fig.data[0]._props["geojson"] = world_countries()
    view = country_view(table["code"], [places[code] for code in marked])
    fig.update_layout(map=dict(style="white-bg", center=dict(lat=view.lat, lon=view.lon), zoom=view.zoom))
    return _layout(fig, title, height=COUNTRY_MAP_HEIGHT)


COUNTRY_MAP_HEIGHT = 500


def country_view(
    codes: Iterable[str],
    points: Sequence[tuple[float, float]] = (),
    width: int = 880,
    height: int = COUNTRY_MAP_HEIGHT - 100,
) -> View:
    """Centre and zoom showing every country that has a case (New Zealand included) and the (lon, lat)
    ``points`` marking countries without an outline, whatever side of the antimeridian; ``width`` x
    ``height`` is the plot area the chart gets on the Compare page."""
    return fit(box_of_countries(codes, points), width, height, padding=0.05, max_zoom=4)


def region_table(cases: Sequence[Case]) -> pd.DataFrame:
    """Cases per world region (a case spanning two regions counts in both)."""
    rows = [{"region": r, "cases": sum(r in c.regions for c in cases)} for r in REGIONS if r != "Antarctica"]
    return pd.DataFrame(rows, columns=["region", "cases"])


def region_figure(table: pd.DataFrame, title: str) -> go.Figure:
    """A bar per world region."""
    fig = go.Figure(
        go.Bar(
            x=table["cases"],
            y=table["region"],
            orientation="h",
            marker_color=BAR_COLOUR,
            text=table["cases"],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x} cases<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")
    top = max([1, *table["cases"]])
    fig.update_xaxes(title="Cases", range=[0, top * 1.2 + 0.5])
    return _layout(fig, title, height=320, left=_label_width(list(table["region"])), bottom=50)


# 3. When ----------------------------------------------------------------------------


def timeline_table(cases: Sequence[Case], vocabulary: Vocabulary, today: int | None = None) -> pd.DataFrame:
    """Start and end year of each dated case, earliest first.

    An active case runs to this year; a case whose end the sources do not give has no
    end (``end`` empty, ``end_known`` false): it is never drawn as running to today.
    """
    today = today or dt.date.today().year
    rows = []
    for case in cases:
        known = span(case, today)
        if known is None:
            continue
        start, end = known
        rows.append(
            {
                "case": case.title,
                "id": case.id,
                "type": vocabulary.label("types", case.primary_type),
                "type_key": case.primary_type,
                "start": start,
                "end": end,
                "end_known": end is not None,
                "years": years_label(case),
            }
        )
    table = pd.DataFrame(rows, columns=["case", "id", "type", "type_key", "start", "end", "end_known", "years"])
    table["end"] = table["end"].astype("Int64")
    return table.sort_values(["start", "case"], ignore_index=True)


#: How a case whose end is unknown is drawn: its start year only, hatched, labelled "end unknown".
UNKNOWN_END_PATTERN = "/"


def timeline_figure(table: pd.DataFrame, vocabulary: Vocabulary, title: str) -> go.Figure:
    """A bar per case from start to end, coloured by its first type, labelled with its years.

    A case whose end is unknown gets a hatched bar over its start year only and the words
    "end unknown"; it never reaches today."""
    fig = go.Figure()
    for key, term in vocabulary.terms("types").items():
        part = table[table["type_key"] == key]
        if part.empty:
            continue
        known = part["end_known"].to_numpy(dtype=bool)
        ends = [int(e) if k else int(s) + 1 for s, e, k in zip(part["start"], part["end"], known, strict=True)]
        fig.add_trace(
            go.Bar(
                x=[max(0.6, end - start) for start, end in zip(part["start"], ends, strict=True)],
                base=list(part["start"]),
                y=[_short(c) for c in part["case"]],
                orientation="h",
                name=term.label,
                marker=dict(
                    color=term.colour,
                    line=dict(color=term.colour, width=1),
                    pattern=dict(
                        shape=["" if k else UNKNOWN_END_PATTERN for k in known],
                        fillmode="replace",
                        bgcolor="white",
                        fgcolor=term.colour,
                        solidity=0.45,
                    ),
                ),
                text=list(part["years"]),
                textposition="outside",
                cliponaxis=False,
                customdata=part[["years"]].values,
                hovertemplate="%{y}<br>%{customdata[0]}<extra>" + term.label + "</extra>",
            )
        )
    if not table.empty and not table["end_known"].all():
        fig.add_trace(
            go.Bar(
                x=[None],
                y=[None],
                orientation="h",
                name="Hatched: end unknown (start year shown)",
                marker=dict(
                    color="#52606D",
                    pattern=dict(shape=UNKNOWN_END_PATTERN, fillmode="replace", bgcolor="white", fgcolor="#52606D"),
                ),
                hoverinfo="skip",
            )
        )
    labels = [_short(c) for c in table["case"]]
    fig.update_yaxes(categoryorder="array", categoryarray=labels[::-1])
    if not table.empty:
        first = int(table["start"].min())
        last = max(int(table["end"].max()) if table["end"].notna().any() else first, int(table["start"].max()) + 1)
        room = max(6, (last - first) * 0.3)  # room on the right for the years written after each bar
        fig.update_xaxes(range=[first - 1, last + room])
    fig.update_xaxes(title=dict(text="Year", standoff=4))
    fig.update_layout(
        barmode="overlay",
        legend=dict(orientation="h", yref="container", y=0, yanchor="bottom", x=0, xanchor="left"),
    )
    height = max(340, 28 * len(table) + 250)
    return _layout(fig, title, height=height, left=_label_width(labels), bottom=140)


# 4. Evidence by type ----------------------------------------------------------------


def evidence_table(cases: Sequence[Case], vocabulary: Vocabulary) -> pd.DataFrame:
    """Cases per (type, evidence level): rows types, columns evidence levels from weakest to strongest."""
    counts = Counter((t, case.evidence) for case in cases for t in case.types)
    return _count_table(counts, vocabulary.keys("types"), vocabulary.keys("evidence"))


def evidence_figure(table: pd.DataFrame, vocabulary: Vocabulary, title: str) -> go.Figure:
    """Stacked bars: for each type, how many cases have each level of evidence."""
    fig = go.Figure()
    for level in table.columns:
        colour = vocabulary.terms("evidence")[level].colour
        fig.add_trace(
            go.Bar(
                x=[vocabulary.label("types", t) for t in table.index],
                y=table[level],
                name=vocabulary.label("evidence", level),
                marker=dict(color=colour, line=dict(color="white", width=1)),
                hovertemplate="%{x}: %{y} cases<extra>" + vocabulary.label("evidence", level) + "</extra>",
            )
        )
    fig.update_layout(barmode="stack", legend=dict(orientation="h", y=-0.3, title="Evidence"))
    fig.update_yaxes(title="Cases")
    fig.update_xaxes(tickangle=-30)
    return _layout(fig, title, height=420, left=60, bottom=130)


# 5. Outcomes against their comparison -------------------------------------------------


def outcomes_table(cases: Sequence[Case]) -> pd.DataFrame:
    """Every outcome with both a value and a comparison value, with its case, unit and source."""
    rows = []
    for case in cases:
        sources = {s.id: s for s in case.sources}
        for outcome in case.outcomes:
            if outcome.value is None or outcome.comparison_value is None:
                continue
            rows.append(
                {
                    "case": case.title,
                    "outcome": outcome.text,
                    "value": outcome.value,
                    "comparison": outcome.comparison_value,
                    "comparison_label": outcome.comparison_label or "comparison",
                    "unit": outcome.unit or "",
                    "source": sources[outcome.source].title,
                }
            )
    return pd.DataFrame(rows, columns=["case", "outcome", "value", "comparison", "comparison_label", "unit", "source"])


def outcomes_figure(table: pd.DataFrame, title: str) -> go.Figure:
    """A dumbbell per outcome: the case's figure against its comparison, joined by a line."""
    labels = [_short(f"{row.case}: {row.outcome}", 60) for row in table.itertuples()]
    fig = go.Figure()
    # Every joining line in one trace, broken by gaps (None): a trace per outcome made the figure
    # cost a third of a second at a few hundred outcomes.
    joins_x: list[float | None] = []
    joins_y: list[str | None] = []
    for label, comparison, value in zip(labels, table["comparison"], table["value"], strict=True):
        joins_x += [comparison, value, None]
        joins_y += [label, label, None]
    fig.add_trace(
        go.Scatter(
            x=joins_x,
            y=joins_y,
            mode="lines",
            line=dict(color="#9FB3C8", width=4),  # joins the two markers; the markers carry the data
            showlegend=False,
            hoverinfo="skip",
            connectgaps=False,
        )
    )
    fig.add_trace(
        go.Scatter(
            x=table["comparison"],
            y=labels,
            mode="markers",
            name="Comparison",
            marker=dict(color=COMPARISON_COLOUR, size=13),
            customdata=table[["comparison_label", "unit", "source"]].values,
            hovertemplate="%{customdata[0]}: %{x}%{customdata[1]}<br>Source: %{customdata[2]}<extra></extra>",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=table["value"],
            y=labels,
            mode="markers+text",
            name="Co-produced case",
            marker=dict(color=CASE_COLOUR, size=13),
            text=[f"{v:g}{u}" for v, u in zip(table["value"], table["unit"], strict=True)],
            textposition="top center",
            customdata=table[["unit", "source"]].values,
            hovertemplate="Case: %{x}%{customdata[0]}<br>Source: %{customdata[1]}<extra></extra>",
        )
    )
    fig.update_layout(legend=dict(orientation="h", y=-0.15))
    fig.update_xaxes(title="Figure reported by the source (see unit)")
    return _layout(fig, title, height=max(280, 70 * len(table) + 190), left=_label_width(labels), bottom=80)


# 6. Which types occur together ---------------------------------------------------------


def cooccurrence_table(cases: Sequence[Case], vocabulary: Vocabulary) -> pd.DataFrame:
    """How many cases have each pair of types (the diagonal: cases with that type at all)."""
    counts = Counter((a, b) for case in cases for a in case.types for b in case.types)
    keys = vocabulary.keys("types")
    return _count_table(counts, keys, keys)


def cooccurrence_figure(table: pd.DataFrame, vocabulary: Vocabulary, title: str) -> go.Figure:
    """A heatmap of type pairs; the diagonal counts cases with each type."""
    labels = [vocabulary.label("types", t) for t in table.index]
    fig = go.Figure(
        go.Heatmap(
            z=table.values,
            x=labels,
            y=labels,
            text=table.values,
            texttemplate="%{text}",
            colorscale=SEQUENTIAL,
            showscale=False,
            xgap=2,
            ygap=2,
            hovertemplate="%{y} with %{x}: %{z} cases<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(tickangle=-30)
    return _layout(fig, title, height=420, left=_label_width(labels), bottom=_label_width(labels) // 2 + 20)


# Side by side: type profiles of a few cases ---------------------------------------------


def type_profile_figure(cases: Sequence[Case], vocabulary: Vocabulary) -> go.Figure:
    """Which types each chosen case has: a marker in the type's colour where it has it."""
    fig = go.Figure()
    for key, term in vocabulary.terms("types").items():
        having = [c.title for c in cases if key in c.types]
        fig.add_trace(
            go.Scatter(
                x=[term.label] * len(having),
                y=having,
                mode="markers",
                name=term.label,
                marker=dict(color=term.colour, size=18, symbol="square"),
                showlegend=False,
                hovertemplate="%{y}: " + term.label + "<extra></extra>",
            )
        )
    fig.update_xaxes(categoryorder="array", categoryarray=[t.label for t in vocabulary.terms("types").values()])
    fig.update_yaxes(categoryorder="array", categoryarray=[c.title for c in cases][::-1])
    return _layout(
        fig,
        "Type profiles of the chosen cases",
        height=160 + 45 * len(cases),
        left=_label_width([c.title for c in cases]),
        bottom=40,
    )


# The charts of a selection, together ----------------------------------------------------


@dataclass(frozen=True)
class Chart:
    """A figure, the table it draws (its accessible alternative) and a note for reading it."""

    figure: go.Figure
    table: pd.DataFrame
    caption: str | None = None


def overview(cases: Sequence[Case], filters: Filters, vocabulary: Vocabulary, today: int | None = None) -> dict[str, Chart]:
    """Every chart of a selection of at least two cases, by key, in the order Compare shows them.

    The outcomes chart is left out when no case reports an outcome with a comparison figure."""
    n = len(cases)

    def title(what: str) -> str:
        return chart_title(what, filters, vocabulary, n)

    charts: dict[str, Chart] = {}
    table = type_sector_table(cases, vocabulary)
    charts["chart-type-sector"] = Chart(type_sector_figure(table, vocabulary, title("Co-production types by sector")), table)
    table = country_table(cases)
    figure = country_figure(table, title("Where: cases per country"), country_places(cases))
    charts["chart-countries"] = Chart(figure, table)
    table = region_table(cases)
    charts["chart-regions"] = Chart(region_figure(table, title("Cases per world region")), table)
    table = timeline_table(cases, vocabulary, today)
    undated = n - len(table)
    notes = ["Active cases run to this year. A hatched bar marks a case whose sources give its start but not its end."]
    if undated:
        notes.append(f"{undated} cases without a start year in their sources are not shown.")
    figure = timeline_figure(table, vocabulary, title("When: from start to end as far as the sources say"))
    charts["chart-timeline"] = Chart(figure, table.drop(columns=["type_key"]), " ".join(notes))
    table = evidence_table(cases, vocabulary)
    charts["chart-evidence"] = Chart(evidence_figure(table, vocabulary, title("Evidence by type")), table)
    table = cooccurrence_table(cases, vocabulary)
    charts["chart-combinations"] = Chart(cooccurrence_figure(table, vocabulary, title("Which types occur together")), table)
    table = outcomes_table(cases)
    if not table.empty:
        charts["chart-outcomes"] = Chart(outcomes_figure(table, title("Outcomes against their comparison")), table)
    return charts


# Group against group --------------------------------------------------------------------

def group_name(filters: Filters, vocabulary: Vocabulary, count: int) -> str:
    """A group named by what it holds: 'Co-delivery cases in Europe (5 cases)'."""
    return f"{describe(filters, vocabulary)} ({count} case{'' if count == 1 else 's'})"


def shares_table(groups: Mapping[str, Sequence[Case]], facet: Facet, vocabulary: Vocabulary) -> pd.DataFrame:
    """For each group, count and share of its cases with each value of a facet."""
    rows = []
    everyone = [case for cases in groups.values() for case in cases]
    for value in facet.options(vocabulary, everyone):
        row: dict[str, object] = {"value": facet.label_of(value, vocabulary)}
        for name, cases in groups.items():
            n = sum(value in facet.values(c) for c in cases)
            row[f"{name} cases"] = n
            row[f"{name} share"] = round(100 * n / len(cases), 1) if cases else 0.0
        rows.append(row)
    return pd.DataFrame(rows)


def shares_figure(table: pd.DataFrame, groups: Sequence[str], title: str) -> go.Figure:
    """Grouped bars of each group's share of cases per value, each bar labelled with its share and count."""
    fig = go.Figure()
    for colour, name in zip(GROUP_COLOURS, groups, strict=False):
        counts = table[f"{name} cases"]
        fig.add_trace(
            go.Bar(
                x=table["value"],
                y=table[f"{name} share"],
                name=_short(name, 70),
                marker_color=colour,
                customdata=counts,
                text=[f"{share:g}%<br>n={n}" for share, n in zip(table[f"{name} share"], counts, strict=True)],
                textposition="outside",
                cliponaxis=False,
                constraintext="none",
                hovertemplate="%{x}: %{y}% (%{customdata} cases)<extra>" + _short(name, 70) + "</extra>",
            )
        )
    fig.update_layout(
        barmode="group",
        legend=dict(orientation="v", yref="container", y=0, yanchor="bottom", x=0, xanchor="left"),
    )
    top = max([10.0, *table.filter(like=" share").to_numpy().ravel()]) if not table.empty else 100
    fig.update_yaxes(title="% of the group's cases", range=[0, min(100, top) * 1.25])
    fig.update_xaxes(tickangle=-30)
    return _layout(fig, title, height=460, left=60, bottom=190)
