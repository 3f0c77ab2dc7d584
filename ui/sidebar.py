"""The sidebar of filters shared by every page, kept in step with the URL query.

Each facet (``catalogue.facets``) is drawn from what it says about itself. The value a
widget holds is always a vocabulary key, never a label. The short lists, the types among
them, are one set of toggles (``st.pills``) per facet, whose labels show live counts
("Mental health (5)") and whose help says what each value means: one widget per facet
instead of one per value keeps each visit cheap for the server (issue 12). Countries use a
picker whose labels are country names only. Each facet's section (and the
period's) draws its widgets only while open, and every widget keeps its value while closed
(see ``_section``). The URL is read through
``catalogue.filters.parse_query`` (unknown values dropped and listed in a notice) and
written through ``Filters.to_query``; ``ui.urlstate`` decides when each direction applies.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import streamlit as st

from catalogue.curated import Collection
from catalogue.facets import BY_NAME, COUNTRIES, FACETS, TYPES, Facet
from catalogue.filters import QUERY_KEYS, Filters, parse_query
from catalogue.index import CaseIndex
from catalogue.listing import PAGE_KEY
from catalogue.schema import MAX_YEAR, MIN_YEAR
from catalogue.vocabulary import Vocabulary
from ui.urlstate import UrlState, raw_query

if TYPE_CHECKING:  # what st.expander returns (for its .open)
    from streamlit.elements.lib.mutable_expander_container import ExpanderContainer

IGNORED = "_filters_ignored"
COLLECTION = "_filters_collection"
URL = UrlState("filters", (*QUERY_KEYS, "collection"), resets=(PAGE_KEY,))
#: Widget keys start with this prefix, so widget state and URL never mix.
W = "filter_"
#: The sidebar's sections (one per facet, and the period) are expanders keyed by this prefix and a name.
SECTION = "section_"
#: Facets drawn as a picker (long lists); every other facet is a set of toggles.
PICKERS: tuple[Facet, ...] = (COUNTRIES,)
#: What the types' toggles ask, in the words of the sources' definitions.
TYPES_QUESTION = "What citizens do with professionals"


def state_from_filters(filters: Filters, index: CaseIndex) -> dict[str, object]:
    """Widget values (by widget key) for a filter state."""
    state: dict[str, object] = {}
    for facet in FACETS:
        chosen = getattr(filters, facet.name)
        if facet in PICKERS:
            state[W + facet.key] = list(chosen)
            state[W + facet.key + "_mode"] = "exclude" if filters.excludes(facet) else "include"
        else:
            state[W + facet.key] = [value for value in index.options(facet) if value in chosen]
    state.update(
        {
            W + "match": filters.match,
            W + "q": filters.q,
            W + "from": filters.year_from,
            W + "to": filters.year_to,
            W + "undated": filters.undated,
        }
    )
    return state


def current_filters(index: CaseIndex) -> Filters:
    """The filter state from the widgets' values."""
    state = st.session_state

    def year(key: str) -> int | None:
        value = state.get(W + key)
        return int(value) if value is not None else None

    chosen: dict[str, tuple[str, ...]] = {}
    exclude: list[str] = []
    for facet in FACETS:
        if facet in PICKERS:
            chosen[facet.name] = tuple(state.get(W + facet.key) or ())
            if chosen[facet.name] and state.get(W + facet.key + "_mode") == "exclude":
                exclude.append(facet.name)
        else:
            picked = state.get(W + facet.key) or ()
            chosen[facet.name] = tuple(v for v in index.options(facet) if v in picked)
    return Filters(
        exclude=tuple(exclude),
        match=state.get(W + "match") or "any",
        q=(state.get(W + "q") or "").strip(),
        year_from=year("from"),
        year_to=year("to"),
        undated=bool(state.get(W + "undated")),
        **chosen,
    )


def view_from_query(
    query: Mapping[str, Sequence[str]], index: CaseIndex, collections: Mapping
) -> tuple[Filters, Collection | None, list[str]]:
    """The filters a URL asks for (or the collection it names), the collection, and what was not understood."""
    query = dict(query)
    named = query.pop("collection", None)
    wanted = named[-1] if named else None
    parsed = parse_query(query, index.vocabulary, index.cases, index.options)
    collection = collections.get(wanted) if wanted else None
    if wanted and collection is None:
        parsed.ignored.append(f"collection={wanted[:40]}")
    filters = collection.filters if collection and parsed.filters.is_empty else parsed.filters
    return filters, collection, parsed.ignored


def _seed(query: dict[str, list[str]], index: CaseIndex, collections: Mapping) -> None:
    """Set the widgets from a URL query, keeping only valid values and noting the rest."""
    filters, collection, ignored = view_from_query(query, index, collections)
    st.session_state.update(state_from_filters(filters, index))
    st.session_state[IGNORED] = (ignored, filters)
    st.session_state[COLLECTION] = collection


def narrow(index: CaseIndex, **values: Sequence[str]) -> None:
    """Set some facets to exactly these values (e.g. from a chart click); other filters stay."""
    narrowed = current_filters(index)
    for name, chosen in values.items():
        narrowed = narrowed.choosing(BY_NAME[name], chosen)
    st.session_state.update(state_from_filters(narrowed, index))


def clear_filters(index: CaseIndex) -> None:
    """Reset every filter widget to its default (a button callback)."""
    st.session_state.update(state_from_filters(Filters(), index))
    st.session_state[IGNORED] = None
    st.session_state[COLLECTION] = None


def _section(title: str, name: str, expanded: bool) -> ExpanderContainer:
    """A facet's section of the sidebar, whose widgets are drawn only while it is open.

    Opening a section reruns the page; a closed one sends nothing, so a visit to a shared
    link costs the server only the sections the view has chosen values in (issue 12). Every
    filter widget keeps its value while its section is closed (``persist_state``), so
    closing a section never drops a chosen filter.

    ``expanded`` is where a section starts. Streamlit makes a new expander when its title
    changes ("Sector" becomes "Sector (1 chosen)"), and a new one starts from ``expanded``:
    so the section's last state is written back under its key first, and a section stays as
    the person left it (removing its last choice does not close it under their pointer)."""
    key = SECTION + name
    if key in st.session_state:
        st.session_state[key] = st.session_state[key]
    return st.expander(title, expanded=expanded, key=key, on_change="rerun")


def _help(facet: Facet, options: Sequence[str], vocabulary: Vocabulary) -> str | None:
    """What each of a facet's values means: the types by their group (modes of governance, phases of a service)."""
    if facet is not TYPES:
        return _definitions(facet, options, vocabulary)
    return "\n\n".join(  # blank lines: each group's title a paragraph of its own, not part of the list above it
        f"**{term.label}**\n\n{_definitions(facet, vocabulary.types_in_group(group), vocabulary)}"
        for group, term in vocabulary.type_groups.items()
    )


def _toggles(facet: Facet, index: CaseIndex, filters: Filters) -> None:
    """One toggle per value, in one widget, each labelled with how many cases it would give."""
    vocabulary = index.vocabulary
    counts = index.facet_counts(filters, facet.name)
    options = index.options(facet)
    st.pills(
        TYPES_QUESTION if facet is TYPES else f"Cases with any chosen {facet.label.lower()}",
        options,
        selection_mode="multi",
        format_func=lambda value: f"{facet.label_of(value, vocabulary)} ({counts.get(value, 0)})",
        key=W + facet.key,
        help=_help(facet, options, vocabulary),
        persist_state="session",
    )


def _definitions(facet: Facet, values: Sequence[str], vocabulary: Vocabulary) -> str | None:
    """What each value means (a list for the facet's help), where the vocabulary defines it."""
    lines = [
        f"- *{facet.label_of(value, vocabulary)}*: {meaning}"
        for value in values
        if (meaning := facet.definition(value, vocabulary))
    ]
    return "\n".join(lines) or None


def _picker(facet: Facet, index: CaseIndex, filters: Filters) -> None:
    """A searchable picker whose labels are names only; counts are listed in its help."""
    vocabulary = index.vocabulary
    counts = index.facet_counts(filters, facet.name)
    st.radio(
        f"{facet.label}: include or exclude",
        ["include", "exclude"],
        key=W + facet.key + "_mode",
        horizontal=True,
        format_func=lambda mode: "Only these" if mode == "include" else "All but these",
        label_visibility="collapsed",
        persist_state="session",
    )
    st.multiselect(
        facet.label,
        index.options(facet),
        key=W + facet.key,
        format_func=lambda value: facet.label_of(value, vocabulary),
        placeholder="Type a country",
        label_visibility="collapsed",
        persist_state="session",
        help="Cases per country with the other filters: "
        + ", ".join(f"{facet.label_of(v, vocabulary)} {counts[v]}" for v in index.options(facet) if counts.get(v)),
    )


def render_sidebar(index: CaseIndex, page: str, collections: Mapping) -> Filters:
    """Draw the filters with their facet counts, keep the URL in step, and return the filter state."""
    URL.seed(page, lambda query: _seed(dict(query), index, collections))
    filters = current_filters(index)
    with st.sidebar:
        st.header("Filter cases")
        st.text_input(
            "Search",
            key=W + "q",
            placeholder="e.g. water, elderly, time bank",
            max_chars=200,
            help="Searches every text of a case, its places, organisations and types.",
        )
        for facet in FACETS:
            chosen = getattr(filters, facet.name)
            title = f"{facet.label} ({len(chosen)} chosen)" if chosen else facet.label
            section = _section(title, facet.key, expanded=bool(chosen) or facet is TYPES)
            if section.open:
                with section:
                    (_picker if facet in PICKERS else _toggles)(facet, index, filters)
                    if facet is TYPES and (len(filters.types) > 1 or filters.match == "all"):
                        # Any or all only means something between two types or more (or once set).
                        st.radio(
                            "Cases must have",
                            ["any", "all"],
                            key=W + "match",
                            horizontal=True,
                            format_func=lambda value: "any chosen type" if value == "any" else "all chosen types",
                            persist_state="session",
                        )
        period = _section("Period", "period", expanded=filters.has_period)
        if period.open:
            with period:
                st.caption("Cases running at any time in these years; active cases run to today.")
                left, right = st.columns(2)
                for column, label, key in ((left, "From", "from"), (right, "To", "to")):
                    column.number_input(
                        label,
                        min_value=MIN_YEAR,
                        max_value=MAX_YEAR,
                        step=1,
                        value=None,
                        key=W + key,
                        placeholder="year",
                        persist_state="session",
                    )
                st.checkbox(
                    "Include cases whose dates are unknown",
                    key=W + "undated",
                    help="Cases without a start year, or whose end is not known, cannot be placed in a period for sure.",
                    persist_state="session",
                )
        st.button("Clear filters", on_click=clear_filters, args=(index,), disabled=filters.is_empty, width="stretch")
    URL.publish(page, view_query(filters, active_collection(filters)))
    return filters


def view_query(filters: Filters, collection: Collection | None) -> dict[str, list[str]]:
    """The address's query for a view: its filters, then the collection it was opened with.

    Every link and button that changes the view uses this one shape, so the address it
    sets is already the one this sidebar would write: nothing is rewritten, and one click
    is one entry in the browser's history (one press of Back)."""
    return {**filters.to_query(), **({"collection": [collection.id]} if collection else {})}


def url_filters(index: CaseIndex, collections: Mapping) -> Filters:
    """The filters in the address, without drawing widgets (presentation mode)."""
    return view_from_query(raw_query(), index, collections)[0]


def active_collection(filters: Filters) -> Collection | None:
    """The collection the view was opened with, while its filters are unchanged."""
    collection = st.session_state.get(COLLECTION)
    return collection if collection is not None and collection.filters == filters else None


def ignored_values(filters: Filters) -> list[str]:
    """What the URL asked for that was not understood, while the view is still the one it opened."""
    ignored, seeded = st.session_state.get(IGNORED) or ([], None)
    return list(ignored) if seeded == filters else []
