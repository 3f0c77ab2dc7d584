"""Explore: the filtered cases as a headline, key figures, a map, a table and downloads."""

import streamlit as st

from catalogue.filters import describe
from ui import data, routes, view
from ui.components import (
    case_map,
    collections_list,
    downloads,
    ignored_notice,
    invalid_files_notice,
    open_case,
    share_control,
    type_legend,
)
from ui.sidebar import active_collection, ignored_values

catalogue, vocabulary, index = data.catalogue(), data.vocabulary(), data.index()
filters = view.filters()
cases = index.select(filters)

ignored_notice(ignored_values(filters))
invalid_files_notice(catalogue)
st.title("Co-production case catalogue")
st.markdown(f"#### Showing {len(cases)} of {len(catalogue.cases)} cases")
st.caption(describe(filters, vocabulary))
collections_list(data.collections(), index, active_collection(filters))

figures = st.columns(4)
figures[0].metric("Cases", len(cases))
figures[1].metric("Countries", len({c for case in cases for c in case.countries}))
figures[2].metric("Co-production types", len({t for case in cases for t in case.types}))
figures[3].metric("With evaluated evidence", sum(case.evidence == "evaluated" for case in cases))

if not cases:
    st.warning("No case matches these filters. Remove a filter, or use **Clear filters** in the sidebar.")
else:
    clicked = case_map(index.points_for(filters), key="explore-map")
    type_legend(vocabulary)
    if clicked:
        open_case(clicked)

    st.subheader("Cases")
    frame = index.frame_for(filters)
    event = st.dataframe(
        frame[["title", "countries", "types", "sectors", "started", "status", "evidence"]],
        hide_index=True,
        width="stretch",
        on_select="rerun",
        selection_mode="single-row",
        key="explore-table",
        column_config={
            "title": st.column_config.TextColumn("Title", width="large"),
            "countries": st.column_config.ListColumn("Countries"),
            "types": st.column_config.ListColumn("Types"),
            "sectors": st.column_config.ListColumn("Sectors"),
            "started": st.column_config.NumberColumn("Started", format="%d"),
            "status": st.column_config.TextColumn("Status"),
            "evidence": st.column_config.TextColumn("Evidence"),
        },
    )
    st.caption("Select a row to open the case. Sort by clicking a column heading.")
    rows = event.selection.rows if event else []
    if rows:
        open_case(frame.iloc[rows[0]]["id"])

    st.subheader("Download this selection")
    downloads(cases, filters, vocabulary)
left, right = st.columns([1, 4])
with left:
    share_control(filters)
with right:
    collection = active_collection(filters)
    st.page_link(
        routes.EXPLORE,  # with present=1, app.py runs presentation mode at any address
        label="Present this view",
        icon=":material/slideshow:",
        query_params={**filters.to_query(), **({"collection": collection.id} if collection else {}), "present": "1"},
    )
