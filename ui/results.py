"""The results list on Explore: each case a real link, a page at a time, and help when nothing matches.

The results and the links to other pages of them are links that ``APP_SCRIPT`` follows within
the app (address and view change together). Suggestions and widenings are buttons
(``view_button``): see why there."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from html import escape

import streamlit as st

from catalogue import Vocabulary
from catalogue.filters import Filters
from catalogue.listing import PAGE_KEY, Listing, pager_html, results_html
from catalogue.schema import Case
from catalogue.text import count_of, md_escape
from catalogue.widening import Widening
from ui import routes
from ui.components import address, link_query, view_button, view_of

#: The anchor of the results' heading, which the pager's links bring into view with the new page.
RESULTS_ANCHOR = "results"


def results_list(
    listing: Listing, vocabulary: Vocabulary, note: str, matched: Callable[[Case], Sequence[str]] | None = None
) -> None:
    """One page of results under ``note``: each title a link to its case (filters kept), its facts, summary
    and matching words, then the links to the previous and next pages.

    All of it is one element (``catalogue.listing.results_html`` and ``pager_html``): each element is
    a message the server hands to its event loop, and a crowd on one shared link pays for every one
    (issue 12). Its links change the view within the app, as ``st.page_link`` does (``APP_SCRIPT``)."""
    links = link_query()  # what every link carries: the view's filters and collection
    st.html(_page_html(view_of(links), listing.page, note, listing, vocabulary, matched, links))


@st.cache_resource(max_entries=256, show_spinner=False)
def _page_html(
    view: str,
    page: int,
    note: str,
    _listing: Listing,
    _vocabulary: Vocabulary,
    _matched: Callable[[Case], Sequence[str]] | None,
    _links: dict[str, list[str]],
) -> str:
    """A page of results as HTML, once per view and page (``view`` names the catalogue's generation
    and the links' query), shared by every visitor: a crowd on one shared link asks for the same page."""
    case_page, this_page = routes.path_of(routes.CASE), routes.path_of(routes.EXPLORE)

    def page_address(number: int) -> str:
        return address(this_page, {**_links, **({PAGE_KEY: [str(number)]} if number > 1 else {})})

    return (
        f'<p class="results-note">{escape(note)}</p>'
        + results_html(_listing.cases, _vocabulary, lambda case: address(case_page, {**_links, "id": [case.id]}), _matched)
        + pager_html(_listing, page_address, top=RESULTS_ANCHOR)
    )


def no_results(filters: Filters, suggestions: Sequence[str], wider: Sequence[Widening], count: Callable[[Filters], int]) -> None:
    """Say that nothing matches, then offer the nearest search terms and the filters that would match (with counts)."""
    st.warning("No case matches this view.", icon=":material/search_off:")
    if suggestions:
        st.markdown("Did you mean:")
        for term in suggestions:
            view = replace(filters, q=term)
            label = f"{md_escape(term)} ({count_of(count(view), 'case')} with the other filters)"
            view_button(label, link_query(filters=view), key=f"suggest-{term}", icon=":material/search:")
    if wider:
        st.markdown("Cases would match without:")
        for widening in wider:
            view_button(
                f"{md_escape(widening.removes)} ({count_of(widening.count, 'case')})",
                link_query(filters=widening.filters),
                key=f"widen-{widening.removes}",
                icon=":material/filter_alt_off:",
            )
    if not suggestions and not wider:
        st.markdown("Use **Clear filters** in the sidebar to see every case.")
