"""The app's pages, declared once; ``app.py`` hands them to ``st.navigation``.

Presentation mode is decided here, by what the navigation holds: with ``?present=1``
every address runs the presentation script, so a presenter can start from any page
and no address is "not found".
"""

from __future__ import annotations

import streamlit as st

EXPLORE = "pages/explore.py"
CASE = "pages/case.py"
COMPARE = "pages/compare.py"
CONTRIBUTE = "pages/contribute.py"
ABOUT = "pages/about.py"
PRESENT = "pages/present.py"

#: (script, title, icon, address, shown in the top navigation)
ROUTES: tuple[tuple[str, str, str, str, bool], ...] = (
    (EXPLORE, "Explore", ":material/travel_explore:", "explore", True),
    (CASE, "Case", ":material/description:", "case", False),
    (COMPARE, "Compare", ":material/compare_arrows:", "compare", True),
    (CONTRIBUTE, "Contribute", ":material/edit_note:", "contribute", True),
    (ABOUT, "About", ":material/info:", "about", True),
)


_LINKS = "_routes_links"


def link_target(script: str) -> st.Page:
    """The page a link to ``script`` names, made once per session (a link only reads its address).

    Given a script's path, ``st.page_link`` resolves it on disk for every link (two ``realpath``
    calls); given a page, it looks the page up. Explore draws twenty links per visit."""
    made: dict[str, st.Page] = st.session_state.setdefault(_LINKS, {})
    if script not in made:
        made[script] = st.Page(script, title=_route(script)[1], url_path=url_path(script))
    return made[script]


def url_path(script: str) -> str:
    """The address of a page of the app, without the server's base path ('case')."""
    return _route(script)[3]


def path_of(script: str) -> str:
    """Where a page is served, below the server's base path: '' for Explore (the default page), else its ``url_path``."""
    return "" if script == EXPLORE else url_path(script)


def _route(script: str) -> tuple[str, str, str, str, bool]:
    return next(route for route in ROUTES if route[0] == script)


def is_presenting() -> bool:
    """Whether the address asks for presentation mode."""
    return st.query_params.get("present") == "1"


def pages(presenting: bool) -> list[st.Page]:
    """The pages for ``st.navigation``: the app's pages, or the presentation at every address."""
    if presenting:
        return [
            st.Page(PRESENT, title="Presentation", url_path=url_path, default=url_path == "explore")
            for _, _, _, url_path, _ in ROUTES
        ]
    return [
        st.Page(
            script,
            title=title,
            icon=icon,
            url_path=url_path,
            default=script == EXPLORE,
            visibility="visible" if shown else "hidden",
        )
        for script, title, icon, url_path, shown in ROUTES
    ]
