"""The view a page renders: the filters ``app.py`` set for this run, read through one function.

``app.py`` calls :func:`run` with the filters and the page ``st.navigation`` chose; pages
call :func:`filters`, which always returns a ``Filters`` (never ``None``).

The one workaround in the app lives here. Streamlit decides once per server process
whether an app uses the legacy automatic ``pages/`` folder (a ``pages/`` folder next to
the entry point turns that on) and only turns it off when ``st.navigation`` is first
called. So on a fresh server whose *first* request is ``/case?id=...``, Streamlit runs
``pages/case.py`` alone, without ``app.py``'s navigation and sidebar (checked on
Streamlit 1.67; no setting changes it). A page run that way finds no view set by
``app.py`` for this run; :func:`filters` then calls the public ``st.navigation`` (which
switches the legacy mode off for the process) and reruns, so ``app.py`` handles the same
address. ``tests/test_routing.py`` starts a fresh server on ``/case?id=...`` and fails
the day Streamlit behaves differently, so this can be removed then.
"""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from catalogue.filters import Filters
from ui import routes

_FILTERS = "_view_filters"
_ROUTED = "_view_routed"


def run(page: StreamlitPage, filters: Filters) -> None:
    """Run the chosen page with these filters as its view (called once per run, by app.py)."""
    st.session_state[_FILTERS] = filters
    st.session_state[_ROUTED] = True
    try:
        page.run()
    finally:
        st.session_state[_ROUTED] = False


def filters() -> Filters:
    """The filters of the view being rendered; reroutes through app.py when it did not run (see above)."""
    if not st.session_state.get(_ROUTED):
        st.navigation(routes.pages(routes.is_presenting()), position="hidden")
        st.rerun()
    current = st.session_state.get(_FILTERS)
    return current if isinstance(current, Filters) else Filters()
