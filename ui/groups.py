"""Group B of the Compare page: a second filter state, kept in the URL under ``b_`` keys."""

from __future__ import annotations

import streamlit as st

from catalogue.filters import MULTI_FIELDS, QUERY_KEYS, Filters, parse_query
from catalogue.geography import country_name
from catalogue.index import CaseIndex
from ui.urlstate import UrlState

PREFIX = "b_"
GROUP_B_KEYS = tuple(PREFIX + key for key in QUERY_KEYS)
FIELDS = [spec for spec in MULTI_FIELDS if spec.name in ("types", "sectors", "regions", "countries", "evidence")]
URL = UrlState("groupb", GROUP_B_KEYS)
W = "groupb_"


def _seed(query: dict[str, list[str]], index: CaseIndex) -> None:
    """Set group B's widgets from the URL's ``b_`` keys."""
    parsed = parse_query({k.removeprefix(PREFIX): v for k, v in query.items()}, index.vocabulary, index.cases)
    for spec in FIELDS:
        st.session_state[W + spec.key] = list(getattr(parsed.filters, spec.name))


def group_b_filters(index: CaseIndex) -> Filters:
    """Draw group B's filters and return them; the URL keeps them as b_type, b_sector..."""
    URL.seed("compare", lambda query: _seed(query, index))
    columns = st.columns(len(FIELDS))
    chosen = {}
    for column, spec in zip(columns, FIELDS, strict=True):
        options = index.allowed(spec)
        label = (
            (lambda v: country_name(v))
            if spec.name == "countries"
            else ((lambda v, f=spec.facet: index.vocabulary.label(f, v)) if spec.facet else (lambda v: v))
        )
        chosen[spec.name] = tuple(column.multiselect(f"B: {spec.label.lower()}", options, key=W + spec.key, format_func=label))
    filters = Filters(**chosen)
    URL.publish("compare", {PREFIX + k: v for k, v in filters.to_query().items()})
    return filters


def group_b_query() -> dict[str, list[str]]:
    """Group B's part of the current URL, for share links."""
    return {key: st.query_params.get_all(key) for key in GROUP_B_KEYS if key in st.query_params}
