"""The results list on Explore: each case a real link, a page at a time, and help when nothing matches.

Paging, suggestions and widenings change this page's own view, so they are buttons
(``view_button``), not links: see why there."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import streamlit as st

from catalogue import Vocabulary
from catalogue.filters import Filters
from catalogue.listing import PAGE_KEY, Listing, results_html
from catalogue.schema import Case
from catalogue.text import count_of, md_escape
from catalogue.widening import Widening
from ui import routes
from ui.components import address, link_query, view_button


def results_list(listing: Listing, vocabulary: Vocabulary, matched: Callable[[Case], Sequence[str]] | None = None) -> None:
    """One page of results: each title a link to its case (filters kept), its facts, summary and matching words.

    The whole page of results is one element (``catalogue.listing.results_html``): each element
    is a message the server hands to its event loop, and a crowd on one shared link pays for every
    one (issue 12). Its links open the case within the app, as ``st.page_link`` does (``APP_SCRIPT``)."""
    case_page = routes.url_path(routes.CASE)
    st.html(results_html(listing.cases, vocabulary, lambda case: address(case_page, link_query({"id": [case.id]})), matched))


def pager(listing: Listing) -> None:
    """Previous and next page links (the page number in the address), and where this page sits."""
    if listing.pages == 1:
        return
    previous, where, following = st.columns([1, 2, 1], vertical_alignment="center")
    with previous:
        if listing.page > 1:
            _page_link("Previous page", listing.page - 1, ":material/chevron_left:")
    where.markdown(f"Page {listing.page} of {listing.pages}")
    with following:
        if listing.page < listing.pages:
            _page_link("Next page", listing.page + 1, ":material/chevron_right:")


def _page_link(label: str, page: int, icon: str) -> None:
    query = link_query({PAGE_KEY: [str(page)]} if page > 1 else {})
    view_button(label, query, key=f"results-{label.split()[0].lower()}", icon=icon)


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


