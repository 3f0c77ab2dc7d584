"""Make every page run through app.py, even on a fresh server's first request.

Streamlit decides once per process whether an app uses the old automatic ``pages/``
folder (``PagesManager.uses_pages_directory``) and only switches that off when
``st.navigation`` is first called. A fresh server whose first request is ``/case?id=...``
would therefore run ``pages/case.py`` alone, without app.py's navigation and filters.
Each page calls ``through_app()`` first: in that situation it switches the flag off and
reruns, so app.py handles the same URL. (AppTest resets the flag before every run, so
tests go through this path on each run.)
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def through_app() -> None:
    """Rerun through app.py if this page was started by the automatic pages/ folder mode."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
