"""Explore: the filtered cases as a headline, key figures, a map and a list of links, with downloads."""

import streamlit as st

from catalogue.filters import describe
from catalogue.listing import PAGE_KEY, page_number, paginate
from catalogue.widening import widenings
from ui import data, view
from ui.components import (
    case_map,
    collections_list,
    downloads,
    headline,
    ignored_notice,
    invalid_files_notice,
    open_case,
    share_control,
    type_legend,
    view_of,
)
from ui.results import RESULTS_ANCHOR, no_results, results_list
from ui.sidebar import active_collection, ignored_values

catalogue, vocabulary, index = data.catalogue(), data.vocabulary(), data.index()
filters = view.filters()
cases = index.ranked(filters)

ignored_notice(ignored_values(filters))
invalid_files_notice(catalogue)
headline(len(cases), len(catalogue.cases), describe(filters, vocabulary), index.key_figures(filters))
collections_list(data.collections(), index, active_collection(filters))


if not cases:
    suggestions = index.search.suggest(filters.q) if filters.q else []
    no_results(filters, suggestions, widenings(filters, vocabulary, index.count), index.count)
else:
    points = index.points_for(filters)
    clicked = case_map(points, key="explore-map", shared_as=view_of(filters.to_query()), legend=type_legend(vocabulary))
    if clicked:
        open_case(clicked)

    listing = paginate(cases, page_number(st.query_params.get(PAGE_KEY)))
    order = "most relevant first" if filters.q else "in catalogue order"
    st.subheader(listing.label, anchor=RESULTS_ANCHOR)
    matched = (lambda case: index.matched_words(case, filters.q)) if filters.q else None
    results_list(listing, vocabulary, f"Each title opens its case; {order}.", matched)
    downloads(cases, filters, vocabulary)
share_control(filters)
