"""Every request goes through app.py, even a fresh server's first one (see ui/view.py)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.conftest import VALID, Server, open_app

pytestmark = pytest.mark.browser


@pytest.fixture
def fresh_server(browser_cases: Path, tmp_path: Path):
    """A new server process that has served nothing yet."""
    running = Server(browser_cases, tmp_path / "cache")
    yield running
    running.stop()


def test_first_request_to_a_case_goes_through_the_app(browser, fresh_server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    open_app(page, fresh_server, "case?id=harbour-time-bank&type=co-delivery")
    assert page.locator("h1").first.inner_text() == "Harbour Time Bank"
    # app.py ran: its sidebar of filters and its top navigation are there, seeded from the address
    assert page.get_by_test_id("stSidebar").get_by_text("Filter cases").is_visible()
    assert page.get_by_role("link", name="Compare").count() >= 1
    assert "type=co-delivery" in page.url and "id=harbour-time-bank" in page.url
    assert page.get_by_test_id("stException").count() == 0
    context.close()


TINY_APP = """
import streamlit as st

st.session_state["entry_ran"] = True
st.navigation([st.Page("pages/home.py", default=True), st.Page("pages/other.py", url_path="other")]).run()
"""
TINY_PAGE = """
import streamlit as st

if not st.session_state.pop("entry_ran", False):
    st.title("page ran without the entry point")
else:
    st.title("page ran through the entry point")
"""


def test_streamlit_still_runs_a_pages_folder_script_alone_on_a_first_request(browser, tmp_path):
    """The reason for the shim in ui/view.py. If this fails, Streamlit has changed: remove the shim."""
    app = tmp_path / "tiny"
    (app / "pages").mkdir(parents=True)
    (app / "app.py").write_text(textwrap.dedent(TINY_APP), encoding="utf-8")
    for name in ("home.py", "other.py"):
        (app / "pages" / name).write_text(textwrap.dedent(TINY_PAGE), encoding="utf-8")
    running = Server(VALID, tmp_path / "cache", app_dir=app)
    try:
        context = browser.new_context()
        page = context.new_page()
        open_app(page, running, "other")
        assert page.locator("h1").first.inner_text() == "page ran without the entry point"
        context.close()
    finally:
        running.stop()
