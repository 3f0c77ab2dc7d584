"""The dashboard's entry point and router: `streamlit run app.py` (or `make run`).

It declares the pages (``ui.routes``), draws the filter sidebar shared by all of them,
and runs the page ``st.navigation`` chose with the filters as its view (``ui.view``).
With ``?present=1`` it runs presentation mode instead: no navigation, no sidebar, the
filters read from the address, one slide per screen.
"""

import streamlit as st

from ui import data, routes, urlstate, view
from ui.components import app_style, present_control
from ui.sidebar import render_sidebar, url_filters

urlstate.new_run()
data.take_run_snapshot()
presenting = routes.is_presenting()
st.set_page_config(
    page_title="Co-production case catalogue",
    page_icon=":material/diversity_3:",
    layout="wide",
    initial_sidebar_state="collapsed" if presenting else "auto",
)

page = st.navigation(routes.pages(presenting), position="hidden" if presenting else "top")
if presenting:
    filters = url_filters(data.index(), data.collections())
else:
    app_style()
    filters = render_sidebar(data.index(), page.url_path, data.collections())
    with st.sidebar:
        present_control()  # on every page, below the filters
view.run(page, filters)
