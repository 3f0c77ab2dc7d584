"""One chart with its accessible alternative: the figure, an optional caption, its data as a table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from catalogue.charts import Chart, overview
from catalogue.filters import Filters
from catalogue.schema import Case
from catalogue.vocabulary import Vocabulary
from ui.components import view_of


def chart_block(
    fig: go.Figure,
    table: pd.DataFrame,
    *,
    key: str,
    on_select: Callable[[], None] | None = None,
    caption: str | None = None,
) -> None:
    """Draw a plotly figure in its own colours (PNG download is in its toolbar) and its data below."""
    st.plotly_chart(
        fig,
        theme=None,
        key=key,
        on_select=on_select or "ignore",
        selection_mode="points",
        config={"displaylogo": False, "toImageButtonOptions": {"format": "png", "filename": key, "scale": 2}},
    )
    if caption:
        st.caption(caption)
    # The table is built only while its expander is open (opening it reruns the page): most
    # visitors never open it, and a crowd on one link would otherwise each be sent every table.
    box = st.expander("Data as a table", key=f"{key}-table", on_change="rerun")
    if box.open:
        with box:
            st.dataframe(table, width="stretch")


def selection_charts(cases: Sequence[Case], filters: Filters, vocabulary: Vocabulary) -> Mapping[str, Chart]:
    """The charts of a selection (``catalogue.charts.overview``), built once per view and shared.

    A presenter's audience opens the same link at once: the figures are built once for the
    loaded catalogue, the filters and today's date (active cases run to this year), and every
    visitor's page draws those same figures, which are treated as read-only."""
    return _shared_overview(f"{view_of(filters.to_query())}&on={dt.date.today().isoformat()}", cases, filters, vocabulary)


@st.cache_resource(max_entries=32, show_spinner=False)
def _shared_overview(shared_as: str, _cases: Sequence[Case], _filters: Filters, _vocabulary: Vocabulary) -> Mapping[str, Chart]:
    return overview(_cases, _filters, _vocabulary)
