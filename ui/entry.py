"""Make every page run through app.py, even on a fresh server's first request.

Streamlit decides once per process whether an app uses the old automatic ``pages/``
folder (``PagesManager.uses_pages_directory``) and only switches that off when
``st.navigation`` is first called. A fresh server whose first request is ``/case?id=...``
would therefore run ``pages/case.py`` alone, without app.py's navigation and filters.
Each page calls ``through_app()`` first: in that situation it switches the flag off and
reruns, so app.py handles the same URL.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

ENTERED = "filters"  # set by app.py on every run before the page runs


def through_app() -> None:
    """Rerun through app.py if this page was started without it."""
    if ENTERED not in st.session_state:
        PagesManager.uses_pages_directory = False
        st.rerun()
