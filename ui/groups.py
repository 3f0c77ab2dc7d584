"""Group B of the Compare page: a second filter state, kept in the URL under ``b_`` keys."""

from __future__ import annotations

from functools import partial

import streamlit as st

from catalogue.facets import COUNTRIES, EVIDENCE, REGIONS_FACET, SECTORS, TYPES
from catalogue.filters import QUERY_KEYS, Filters, parse_query
from catalogue.index import CaseIndex
from ui.urlstate import UrlState

PREFIX = "b_"
GROUP_B_KEYS = tuple(PREFIX + key for key in QUERY_KEYS)
FACETS = (TYPES, SECTORS, REGIONS_FACET, COUNTRIES, EVIDENCE)
URL = UrlState("groupb", GROUP_B_KEYS)
W = "groupb_"


def _seed(query: dict[str, list[str]], index: CaseIndex) -> None:
    """Set group B's widgets from the URL's ``b_`` keys."""
    query = {k.removeprefix(PREFIX): v for k, v in query.items()}
    parsed = parse_query(query, index.vocabulary, index.cases, index.options)
    for facet in FACETS:
        st.session_state[W + facet.key] = list(getattr(parsed.filters, facet.name))


def group_b_filters(index: CaseIndex, draw: bool = True) -> Filters:
    """Group B's filters, drawn (``draw``) or only kept while its tab is closed; the URL keeps them as b_type, b_sector..."""
    URL.seed("compare", lambda query: _seed(query, index))
    if draw:
        for column, facet in zip(st.columns(len(FACETS)), FACETS, strict=True):
            column.multiselect(
                f"Second group: {facet.label.lower()}",
                index.options(facet),
                key=W + facet.key,
                format_func=partial(facet.label_of, vocabulary=index.vocabulary),
                persist_state="session",
            )
    chosen = {facet.name: tuple(st.session_state.get(W + facet.key) or ()) for facet in FACETS}
    filters = Filters(**chosen)  # type: ignore[arg-type]
    URL.publish("compare", {PREFIX + k: v for k, v in filters.to_query().items()})
    return filters


def group_b_query() -> dict[str, list[str]]:
    """Group B's part of the current URL, for share links."""
    return {key: st.query_params.get_all(key) for key in GROUP_B_KEYS if key in st.query_params}
