"""The sidebar of filters shared by every page, kept in step with the URL query.

The URL is read through ``catalogue.filters.parse_query`` (comma lists expanded,
unknown values dropped and listed in a notice) and written through
``Filters.to_query``; ``ui.urlstate`` decides when each direction applies.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from catalogue.filters import MULTI_FIELDS, QUERY_KEYS, FilterField, Filters, parse_query
from catalogue.geography import country_name
from catalogue.index import CaseIndex
from catalogue.schema import Case
from catalogue.vocabulary import Vocabulary
from ui.urlstate import UrlState

IGNORED = "_filters_ignored"
COLLECTION = "_filters_collection"
URL = UrlState("filters", (*QUERY_KEYS, "collection"))
#: Widget keys are the query keys with a prefix, so widget state and URL never mix.
W = "filter_"


def state_from_filters(filters: Filters) -> dict[str, object]:
    """Widget values (by widget key) for a filter state."""
    state: dict[str, object] = {W + spec.key: list(getattr(filters, spec.name)) for spec in MULTI_FIELDS}
    state.update({W + "match": filters.match, W + "q": filters.q, W + "from": filters.year_from, W + "to": filters.year_to})
    return state


def _seed(query: dict[str, list[str]], cases: Sequence[Case], vocabulary: Vocabulary, collections: dict) -> None:
    """Set the widgets from a URL query (or the collection it names), keeping only valid values and noting the rest."""
    wanted = (query.pop("collection", None) or [None])[-1]
    parsed = parse_query(query, vocabulary, cases)
    collection = collections.get(wanted) if wanted else None
    if wanted and collection is None:
        parsed.ignored.append(f"collection={wanted[:40]}")
    filters = collection.filters if collection and not parsed.filters.to_query() else parsed.filters
    st.session_state.update(state_from_filters(filters))
    st.session_state[IGNORED] = (parsed.ignored, filters)
    st.session_state[COLLECTION] = collection


def current_filters() -> Filters:
    """The filter state from the widgets' values."""

    def year(key: str) -> int | None:
        value = st.session_state.get(W + key)
        return int(value) if value is not None else None

    chosen = {spec.name: tuple(st.session_state.get(W + spec.key) or ()) for spec in MULTI_FIELDS}
    match = st.session_state.get(W + "match") or "any"
    q = (st.session_state.get(W + "q") or "").strip()
    return Filters(match=match, q=q, year_from=year("from"), year_to=year("to"), **chosen)


def clear_filters() -> None:
    """Reset every filter widget to its default (a button callback)."""
    st.session_state.update(state_from_filters(Filters()))
    st.session_state[IGNORED] = None
    st.session_state[COLLECTION] = None


def _label(spec: FilterField, value: str, vocabulary: Vocabulary) -> str:
    """How a filter value reads to people."""
    if spec.facet:
        return vocabulary.label(spec.facet, value)
    if spec.name == "countries":
        return country_name(value)
    return value


def _help(spec: FilterField, vocabulary: Vocabulary) -> str | None:
    """Definitions of a facet's terms, shown as the widget's help."""
    if spec.name == "types":
        lines = []
        for group, term in vocabulary.type_groups.items():
            lines.append(f"**{term.label}**")
            lines += [
                f"- *{vocabulary.label('types', t)}*: {vocabulary.terms('types')[t].definition}"
                for t in vocabulary.types_in_group(group)
            ]
        return "\n".join(lines)
    if spec.facet:
        return "\n".join(f"- *{t.label}*: {t.definition}" for t in vocabulary.terms(spec.facet).values())
    return None


def render_sidebar(index: CaseIndex, page: str, collections: dict) -> Filters:
    """Draw the filters with their facet counts, keep the URL in step, and return the filter state."""
    cases, vocabulary = index.cases, index.vocabulary
    URL.seed(page, lambda query: _seed(dict(query), cases, vocabulary, collections))
    filters = current_filters()
    with st.sidebar:
        st.header("Filter cases")
        for spec in MULTI_FIELDS:
            options = index.allowed(spec)
            counts = index.facet_counts(filters, spec.name)
            st.multiselect(
                spec.label,
                options,
                key=W + spec.key,
                format_func=lambda value, spec=spec, counts=counts: f"{_label(spec, value, vocabulary)} ({counts.get(value, 0)})",
                help=_help(spec, vocabulary),
                placeholder="Any",
            )
            if spec.name == "types":
                st.radio(
                    "Cases must have",
                    ["any", "all"],
                    key=W + "match",
                    horizontal=True,
                    format_func=lambda value: "any chosen type" if value == "any" else "all chosen types",
                    label_visibility="collapsed",
                )
        st.markdown("**Active between**", help="Cases running at any time in this period; ongoing cases run to today.")
        left, right = st.columns(2)
        left.number_input("From", min_value=1800, max_value=2100, step=1, value=None, key=W + "from", placeholder="year")
        right.number_input("To", min_value=1800, max_value=2100, step=1, value=None, key=W + "to", placeholder="year")
        st.text_input("Search", key=W + "q", placeholder="Words in title, summary, organisations, tags", max_chars=200)
        st.button("Clear filters", on_click=clear_filters, disabled=filters.is_empty, width="stretch")
    collection = active_collection(filters)
    URL.publish(page, {**filters.to_query(), **({"collection": [collection.id]} if collection else {})})
    return filters


def active_collection(filters: Filters):
    """The collection the view was opened with, while its filters are unchanged."""
    collection = st.session_state.get(COLLECTION)
    return collection if collection is not None and collection.filters == filters else None


def ignored_values() -> list[str]:
    """What the URL asked for that was not understood, while the view is still the one it opened."""
    ignored, seeded = st.session_state.get(IGNORED) or ([], None)
    return list(ignored) if seeded == current_filters() else []
