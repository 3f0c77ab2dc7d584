"""Presentation mode (`?present=1`): the selection in large type, then one case per screen.

No sidebar and no editing controls; the filters come from the URL, and so does the step
(`step=0` is the overview, `step=N` the N-th case), so a presenter can share any slide.
"""

import streamlit as st

from catalogue.filters import describe
from catalogue.maps import map_points
from catalogue.presentation import outcome_lines, slide_facts
from catalogue.text import md_escape
from ui import data, view
from ui.components import case_map, presenter_keys
from ui.urlstate import raw_query

filters = view.filters()
catalogue, vocabulary, index = data.catalogue(), data.vocabulary(), data.index()
query = raw_query()
collection = data.collections().get((query.get("collection") or [""])[-1])
cases = collection.select(catalogue.cases) if collection and filters == collection.filters else index.select(filters)
raw_step = (query.get("step") or ["0"])[-1]
step = min(max(int(raw_step), 0), len(cases)) if raw_step.isdigit() else 0

st.markdown(
    """<style>
    [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"] {display: none;}
    .block-container {max-width: 1200px; padding-top: 2rem;}
    .stMarkdown p, .stMarkdown li {font-size: 1.35rem; line-height: 1.5;}
    h1 {font-size: 2.8rem !important;}
    </style>""",
    unsafe_allow_html=True,  # fixed presentation styles only, no case text
)


def go_to(target: int) -> None:
    """Move to another slide (a button callback); the step lives in the URL."""
    st.query_params["step"] = str(target)


selection = md_escape(describe(filters, vocabulary))
if step == 0:
    st.title(collection.title if collection else "Co-production cases")
    st.markdown(f"### {selection}: {len(cases)} of {len(catalogue.cases)} cases")
    if collection:
        st.markdown(collection.introduction)
    if cases:
        case_map(map_points(cases, vocabulary), key="present-map", height=520)
        st.markdown("\n".join(f"{i}. {md_escape(case.title)}" for i, case in enumerate(cases, start=1)))
else:
    case = cases[step - 1]
    st.caption(f"{selection} · case {step} of {len(cases)}")
    st.title(md_escape(case.title))
    st.markdown(f"**{md_escape(case.summary)}**")
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.markdown("\n".join(f"- **{fact.label}:** {md_escape(fact.value)}" for fact in slide_facts(case, vocabulary)))
        for line in outcome_lines(case):
            figure = f"**{md_escape(line.headline)}**: " if line.headline else ""
            st.markdown(f"- {figure}{md_escape(line.text)}")
    with right:
        case_map(map_points([case], vocabulary), key="present-case-map", height=360)

previous, position, following, leave = st.columns([1, 2, 1, 1])
previous.button("← Previous", on_click=go_to, args=(step - 1,), disabled=step == 0, key="present-previous")
position.markdown(f"<div style='text-align:center'>{step} / {len(cases)}</div>", unsafe_allow_html=True)
following.button("Next →", on_click=go_to, args=(step + 1,), disabled=step >= len(cases), key="present-next")


def leave_presentation() -> None:
    """Back to the page at this address with the same filters: drop only the presentation's keys."""
    kept = {key: st.query_params.get_all(key) for key in st.query_params if key not in ("present", "step")}
    st.query_params.from_dict(kept)  # one change: one entry in the browser's history


leave.button("Exit", on_click=leave_presentation, icon=":material/close:", key="present-exit")
st.caption("Keys: → ↓ Page Down or Space for the next slide, ← ↑ Page Up for the previous one, Esc to exit.")
presenter_keys()
