"""The dashboard's entry point: `streamlit run app.py` (or `make run`).

Declares the pages and draws the filter sidebar shared by all of them; each page
then reads the filters, calls `catalogue` and renders.
"""

import streamlit as st

from ui import data
from ui.sidebar import render_sidebar

st.set_page_config(page_title="Co-production case catalogue", page_icon=":material/diversity_3:", layout="wide")

PAGES = [
    st.Page("pages/explore.py", title="Explore", icon=":material/travel_explore:", url_path="explore", default=True),
    st.Page("pages/case.py", title="Case", icon=":material/description:", url_path="case", visibility="hidden"),
    st.Page("pages/compare.py", title="Compare", icon=":material/compare_arrows:", url_path="compare"),
    st.Page("pages/contribute.py", title="Contribute", icon=":material/edit_note:", url_path="contribute"),
    st.Page("pages/about.py", title="About", icon=":material/info:", url_path="about"),
]
page = st.navigation(PAGES, position="top")
st.session_state["filters"] = render_sidebar(data.index(), page.url_path)
page.run()
