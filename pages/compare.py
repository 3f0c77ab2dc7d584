"""Compare: cases side by side (charts of the filtered set come with the Compare issue)."""

import streamlit as st

from catalogue.compare import MAX_CASES, MIN_CASES, side_by_side
from catalogue.filters import describe
from ui import data
from ui.components import ignored_notice, share_control
from ui.entry import through_app
from ui.urlstate import UrlState

through_app()

catalogue, vocabulary = data.catalogue(), data.vocabulary()
filters = st.session_state["filters"]
cases = data.index().select(filters)
titles = {case.id: case.title for case in catalogue.cases}
url = UrlState("compare", ["case"])


def _seed(query: dict[str, list[str]]) -> None:
    """Choose the URL's cases, keeping known ids only."""
    wanted = [i for v in query.get("case", []) for i in v.split(",") if i.strip()]
    st.session_state["compare_case"] = [i for i in dict.fromkeys(wanted) if i in titles][:MAX_CASES]
    st.session_state["compare_ignored"] = [f"case={i[:40]}" for i in wanted if i not in titles]


url.seed("compare", _seed)
st.title("Compare cases")
ignored_notice(st.session_state.get("compare_ignored", []))
st.caption(f"{describe(filters, vocabulary)}: {len(cases)} cases")

st.subheader("Side by side")
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
    table = side_by_side([catalogue.by_id[i] for i in chosen], vocabulary)
    st.dataframe(
        table.style.apply(lambda row: ["background-color: #FFF4D6" if row["Differs"] else "" for _ in row], axis=1),
        hide_index=True,
        width="stretch",
        column_config={"Differs": st.column_config.CheckboxColumn("Differs", help="The cases differ on this attribute")},
    )
share_control(filters, {"case": list(chosen)})
