"""The dashboard's entry point: `streamlit run app.py` (or `make run`).

Declares the pages and draws the filter sidebar shared by all of them; each page
then reads the filters, calls `catalogue` and renders. With `?present=1` the app runs
in presentation mode: no navigation, no sidebar, one slide per screen.
"""

import streamlit as st

from ui import data
from ui.sidebar import render_sidebar

PRESENTING = st.query_params.get("present") == "1"
st.set_page_config(
    page_title="Co-production case catalogue",
    page_icon=":material/diversity_3:",
    layout="wide",
    initial_sidebar_state="collapsed" if PRESENTING else "auto",
)

PAGES = [
    st.Page("pages/explore.py", title="Explore", icon=":material/travel_explore:", url_path="explore", default=not PRESENTING),
    st.Page("pages/case.py", title="Case", icon=":material/description:", url_path="case", visibility="hidden"),
    st.Page("pages/compare.py", title="Compare", icon=":material/compare_arrows:", url_path="compare"),
    st.Page("pages/contribute.py", title="Contribute", icon=":material/edit_note:", url_path="contribute"),
    st.Page("pages/about.py", title="About", icon=":material/info:", url_path="about"),
    st.Page("pages/present.py", title="Presentation", url_path="present", visibility="hidden", default=PRESENTING),
]

if PRESENTING:  # one slide per screen: no navigation, no sidebar, no editing controls
    st.session_state["filters"] = None
    st.navigation(PAGES, position="hidden").run()
else:
    page = st.navigation(PAGES, position="top")
    st.session_state["filters"] = render_sidebar(data.index(), page.url_path, data.collections())
    page.run()
