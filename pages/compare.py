"""Compare: charts of the filtered cases, cases side by side, and one group against another, one tab each.

Only the open tab is built; a link that chooses cases (or a second group) opens on that tab."""

from typing import Any

import streamlit as st

from catalogue import charts, facets
from catalogue.compare import MAX_CASES, MIN_CASES, side_by_side, side_by_side_html
from catalogue.filters import describe
from catalogue.text import md_escape
from ui import data, routes, view
from ui.charts import chart_block, selection_charts
from ui.components import ignored_notice, page_link, share_control
from ui.groups import group_b_filters, group_b_query
from ui.sidebar import narrow
from ui.urlstate import UrlState

catalogue, vocabulary, index = data.catalogue(), data.vocabulary(), data.index()
filters = view.filters()
cases = index.select(filters)
titles = {case.id: case.title for case in catalogue.cases}
url = UrlState("compare", ["case"])
CHARTS, SIDE, GROUPS = "Charts of the selection", "Side by side", "Group against group"


def _seed(query: dict[str, list[str]]) -> None:
    """Choose the URL's cases, keeping known ids only."""
    wanted = [i for v in query.get("case", []) for i in v.split(",") if i.strip()]
    st.session_state["compare_case"] = [i for i in dict.fromkeys(wanted) if i in titles][:MAX_CASES]
    st.session_state["compare_ignored"] = [f"case={i[:40]}" for i in wanted if i not in titles]
    # A link with cases (or a second group) opens on what it shares; decided here, once per link.
    st.session_state["compare_opens_on"] = SIDE if st.session_state["compare_case"] else GROUPS if group_b_query() else None


def _narrow_to_cell() -> None:
    """A click on a type x sector cell narrows the sidebar filters to that type and sector."""
    points = st.session_state["chart-type-sector"].selection.get("points", [])
    if points and points[0].get("customdata"):
        type_key, sector_key = points[0]["customdata"][:2]
        narrow(index, types=[type_key], sectors=[sector_key])


def _charts() -> None:
    """Every chart of the selection, built once per view and shared (``ui.charts.selection_charts``)."""
    if len(cases) < 2:
        st.info("Charts need at least two cases. Widen the filters in the sidebar.")
    else:
        shown = selection_charts(cases, filters, vocabulary)

        def draw(key: str, **options: Any) -> None:
            chart = shown[key]
            chart_block(chart.figure, chart.table, key=key, **{"caption": chart.caption, **options})

        draw(
            "chart-type-sector",
            on_select=_narrow_to_cell,
            caption="Click a cell to narrow the filters to that type and sector.",
        )
        draw("chart-countries")
        draw("chart-regions")
        draw("chart-timeline")
        left, right = st.columns(2)
        with left:
            draw("chart-evidence")
        with right:
            draw("chart-combinations")
        if "chart-outcomes" in shown:
            draw("chart-outcomes")
        else:
            st.info("No case in this selection reports an outcome with a comparison figure.")


def _side_by_side() -> list[str]:
    """Two to four cases chosen by title, side by side; returns the chosen ids."""
    chosen: list[str] = st.multiselect(
        f"Choose {MIN_CASES} to {MAX_CASES} cases",
        list(titles),
        key="compare_case",
        max_selections=MAX_CASES,
        format_func=lambda case_id: titles.get(case_id, case_id),
        placeholder="Type part of a title to find a case",
        persist_state="session",
    )
    if len(chosen) < MIN_CASES:
        st.info(f"Choose at least {MIN_CASES} cases to compare them side by side.")
    else:
        chosen_cases = [catalogue.by_id[i] for i in chosen]
        with st.container(key="side-by-side"):
            # Built by catalogue.compare with every value from a case file HTML-escaped.
            st.markdown(side_by_side_html(chosen_cases, vocabulary), unsafe_allow_html=True)
        links = st.columns(len(chosen_cases))
        for column, case in zip(links, chosen_cases, strict=True):
            with column:
                page_link(routes.CASE, f"Open {md_escape(case.title)}", {"id": [case.id]}, icon=":material/open_in_new:")
        st.plotly_chart(charts.type_profile_figure(chosen_cases, vocabulary), theme=None, key="chart-profiles")
        with st.expander("As a data table"):
            st.dataframe(side_by_side(chosen_cases, vocabulary), hide_index=True, width="stretch")
    return chosen


def _group_against_group() -> None:
    """The selection against a second group chosen here: counts, then shares per facet."""
    st.markdown(
        "The **first group** is the selection in the sidebar. Choose the **second group** below; both stay in the link."
    )
    group_b = group_b_filters(index)
    cases_b = index.select(group_b)
    first = charts.group_name(filters, vocabulary, len(cases))
    second = charts.group_name(group_b, vocabulary, len(cases_b))
    if first == second:
        first, second = f"{first}, from the sidebar", f"{second}, chosen below"
    named = {first: cases, second: cases_b}
    counts = st.columns(2)
    counts[0].metric(f"First group: {md_escape(describe(filters, vocabulary))}", f"{len(cases)} cases")
    counts[1].metric(f"Second group: {md_escape(describe(group_b, vocabulary))}", f"{len(cases_b)} cases")
    if not cases or not cases_b:
        st.info("Each group needs at least one case to compare shares.")
    else:
        for facet in (facets.TYPES, facets.SECTORS, facets.EVIDENCE, facets.SCALES):
            table = charts.shares_table(named, facet, vocabulary)
            chart_block(
                charts.shares_figure(table, list(named), f"{facet.label}: share of each group's cases"),
                table,
                key=f"chart-group-{facet.name}",
                caption="Each bar: the share of its group's cases with that value, and how many cases that is (n).",
            )

url.seed("compare", _seed)
st.title("Compare")
ignored_notice(st.session_state.get("compare_ignored", []))
st.caption(f"{describe(filters, vocabulary)}: {len(cases)} cases. Charts follow the sidebar filters.")
# Only the open tab is built (opening another reruns the page): a crowd on one link is sent one tab,
# not three. The widgets of a closed tab keep their values (persist_state), and its part of the
# address is written on every run all the same.
overview, side, groups = st.tabs(
    [CHARTS, SIDE, GROUPS], key="compare-tab", on_change="rerun", default=st.session_state.get("compare_opens_on")
)

with overview:
    if overview.open:
        _charts()
with side:
    chosen = _side_by_side() if side.open else list(st.session_state.get("compare_case", []))
url.publish("compare", {"case": chosen})
with groups:
    if groups.open:
        _group_against_group()
    else:
        group_b_filters(index, draw=False)  # its part of the address is kept

share_control(filters, {"case": chosen, **group_b_query()})
