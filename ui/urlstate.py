"""Keeping widget state and the URL query in step, in both directions.

Streamlit's own binding (``bind="query-params"``) writes a widget's *formatted*
labels to the URL, so it cannot be used where labels carry counts or names
(``Co-governance (3)``) but the URL must carry stable keys (``type=co-governance``).
So the app syncs by hand, through ``catalogue.filters``' one round trip:

- on a session's first run, when the URL changed outside the app (a pasted link,
  the back button), or when the previous run did not draw the widgets (so Streamlit
  dropped their state: after presentation mode, say), the widgets are seeded from the URL;
- on every run, the state is written back to the URL, all keys in one change (one
  entry in the browser's history).

An in-app page switch drops query keys Streamlit does not own; that is recognised
(a new page with no such keys) and the state is kept and written back.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import streamlit as st

Query = dict[str, list[str]]


def raw_query() -> Query:
    """The URL query as lists of values (repeated keys kept)."""
    return {key: st.query_params.get_all(key) for key in st.query_params}


def _part(query: Mapping[str, Sequence[str]], keys: Sequence[str]) -> Query:
    """The part of a query that uses the given keys, normalised for comparison."""
    return {k: list(query[k]) for k in keys if query.get(k)}


def _same(a: Query, b: Query) -> bool:
    """Whether two query parts hold the same values, in whatever order (``a=1&a=2`` is ``a=2&a=1``)."""
    return a.keys() == b.keys() and all(sorted(a[k]) == sorted(b[k]) for k in a)


_RUN = "_url_run"


def new_run() -> None:
    """Count the session's runs (app.py calls this first on each run); see ``UrlState.needs_seed``."""
    st.session_state[_RUN] = st.session_state.get(_RUN, 0) + 1


class UrlState:
    """The URL sync of one group of query keys (the filters, or one page's own keys)."""

    def __init__(self, name: str, keys: Sequence[str], resets: Sequence[str] = ()):
        self.name = name
        self.keys = tuple(keys)
        #: Keys that lose their meaning when these change (the results' page number when the filters do).
        self.resets = tuple(resets)
        self._written = f"_url_{name}_written"
        self._page = f"_url_{name}_page"
        self._run = f"_url_{name}_run"

    def needs_seed(self, page: str) -> bool:
        """Whether widgets should be (re)set from the URL on this run."""
        if self._written not in st.session_state:
            return True
        url_part = _part(raw_query(), self.keys)
        if url_part and st.session_state.get(self._run, 0) < st.session_state.get(_RUN, 0) - 1:
            # The last run did not draw these widgets (presentation mode, another page), so
            # Streamlit dropped their state: the address is the only record of the view.
            return True
        if _same(url_part, st.session_state[self._written]):
            return False
        page_switched = st.session_state.get(self._page) != page
        return not (page_switched and not url_part)

    def seed(self, page: str, apply: Callable[[Query], None]) -> None:
        """Call ``apply`` with the URL's part when it should drive the widgets."""
        if self.needs_seed(page):
            apply(_part(raw_query(), self.keys))

    def publish(self, page: str, query: Mapping[str, Sequence[str]]) -> None:
        """Write the state's query keys to the URL in one change, leaving other keys alone.

        Each change of ``st.query_params`` that alters the address pushes one entry into
        the browser's history, so the keys are written together (``from_dict``), never
        one by one: one change of the view is one press of Back. An address that already
        says the same in another order (a link from the static site, a hand-written one)
        is left as it is: rewriting it would push an entry that Back then shows again."""
        wanted = _part(query, self.keys)
        raw = raw_query()
        if not _same(wanted, _part(raw, self.keys)):
            kept = {key: values for key, values in raw.items() if key not in (*self.keys, *self.resets)}
            st.query_params.from_dict({**kept, **wanted})
        st.session_state[self._written] = wanted
        st.session_state[self._page] = page
        st.session_state[self._run] = st.session_state.get(_RUN, 0)
