"""Compare: charts of the filtered cases, cases side by side, and one group against another."""

import streamlit as st

from catalogue import charts, facets
from catalogue.compare import MAX_CASES, MIN_CASES, side_by_side
from catalogue.filters import describe
from ui import data, view
from ui.charts import chart_block
from ui.components import ignored_notice, share_control
from ui.groups import group_b_filters, group_b_query
from ui.sidebar import narrow
from ui.urlstate import UrlState

catalogue, vocabulary, index = data.catalogue(), data.vocabulary(), data.index()
filters = view.filters()
cases = index.select(filters)
titles = {case.id: case.title for case in catalogue.cases}
url = UrlState("compare", ["case"])


def _seed(query: dict[str, list[str]]) -> None:
    """Choose the URL's cases, keeping known ids only."""
    wanted = [i for v in query.get("case", []) for i in v.split(",") if i.strip()]
    st.session_state["compare_case"] = [i for i in dict.fromkeys(wanted) if i in titles][:MAX_CASES]
    st.session_state["compare_ignored"] = [f"case={i[:40]}" for i in wanted if i not in titles]


def _narrow_to_cell() -> None:
    """A click on a type x sector cell narrows the sidebar filters to that type and sector."""
    points = st.session_state["chart-type-sector"].selection.get("points", [])
    if points and points[0].get("customdata"):
        type_key, sector_key = points[0]["customdata"][:2]
        narrow(index, types=[type_key], sectors=[sector_key])


url.seed("compare", _seed)
st.title("Compare")
ignored_notice(st.session_state.get("compare_ignored", []))
st.caption(f"{describe(filters, vocabulary)}: {len(cases)} cases. Charts follow the sidebar filters.")
overview, side, groups = st.tabs(["Charts of the selection", "Side by side", "Group against group"])

with overview:
    if len(cases) < 2:
        st.info("Charts need at least two cases. Widen the filters in the sidebar.")
    else:
        n = len(cases)
        title = lambda what: charts.chart_title(what, filters, vocabulary, n)  # noqa: E731
        table = charts.type_sector_table(cases, vocabulary)
        chart_block(
            charts.type_sector_figure(table, vocabulary, title("Co-production types by sector")),
            table,
            key="chart-type-sector",
            on_select=_narrow_to_cell,
            caption="Click a cell to narrow the filters to that type and sector.",
        )
        left, right = st.columns([3, 2])
        with left:
            table = charts.country_table(cases)
            chart_block(charts.country_figure(table, title("Where: cases per country")), table, key="chart-countries")
        with right:
            table = charts.region_table(cases)
            chart_block(charts.region_figure(table, title("Cases per world region")), table, key="chart-regions")
        table = charts.timeline_table(cases, vocabulary)
        undated = n - len(table)
        chart_block(
            charts.timeline_figure(table, vocabulary, title("When: from start to end (ongoing cases to today)")),
            table.drop(columns=["type_key"]),
            key="chart-timeline",
            caption=f"{undated} cases without a start year in their sources are not shown." if undated else None,
        )
        left, right = st.columns(2)
        with left:
            table = charts.evidence_table(cases, vocabulary)
            chart_block(charts.evidence_figure(table, vocabulary, title("Evidence by type")), table, key="chart-evidence")
        with right:
            table = charts.cooccurrence_table(cases, vocabulary)
            chart_block(
                charts.cooccurrence_figure(table, vocabulary, title("Which types occur together")),
                table,
                key="chart-combinations",
            )
        table = charts.outcomes_table(cases)
        if table.empty:
            st.info("No case in this selection reports an outcome with a comparison figure.")
        else:
            chart_block(charts.outcomes_figure(table, title("Outcomes against their comparison")), table, key="chart-outcomes")

with side:
    chosen = st.multiselect(
        f"Choose {MIN_CASES} to {MAX_CASES} cases",
        list(titles),
        key="compare_case",
        max_selections=MAX_CASES,
        format_func=lambda case_id: titles.get(case_id, case_id),
    )
    url.publish("compare", {"case": chosen})
    if len(chosen) < MIN_CASES:
        st.info(f"Choose at least {MIN_CASES} cases to compare them side by side.")
    else:
        chosen_cases = [catalogue.by_id[i] for i in chosen]
        table = side_by_side(chosen_cases, vocabulary)
        st.dataframe(
            table.style.apply(lambda row: ["background-color: #FFF4D6" if row["Differs"] else "" for _ in row], axis=1),
            hide_index=True,
            width="stretch",
            column_config={"Differs": st.column_config.CheckboxColumn("Differs", help="The cases differ on this attribute")},
        )
        st.plotly_chart(charts.type_profile_figure(chosen_cases, vocabulary), theme=None, key="chart-profiles")

with groups:
    st.markdown("**Group A** is the selection in the sidebar. Choose **group B** below; both stay in the link.")
    group_b = group_b_filters(index)
    cases_b = index.select(group_b)
    names = {f"A: {describe(filters, vocabulary)}": cases, f"B: {describe(group_b, vocabulary)}": cases_b}
    counts = st.columns(2)
    for column, (name, group) in zip(counts, names.items(), strict=True):
        column.metric(name, f"{len(group)} cases")
    if not cases or not cases_b:
        st.info("Each group needs at least one case to compare shares.")
    else:
        short = {"Group A": cases, "Group B": cases_b}
        for facet in (facets.TYPES, facets.SECTORS, facets.EVIDENCE, facets.SCALES):
            table = charts.shares_table(short, facet, vocabulary)
            chart_block(
                charts.shares_figure(table, list(short), f"{facet.label}: share of each group's cases"),
                table,
                key=f"chart-group-{facet.name}",
            )

share_control(filters, {"case": list(st.session_state.get("compare_case", [])), **group_b_query()})
