"""One chart with its accessible alternative: the figure, an optional caption, its data as a table."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st


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
    with st.expander("Data as a table"):
        st.dataframe(table, width="stretch")
