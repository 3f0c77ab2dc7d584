"""The catalogue and vocabulary as the app sees them: loaded once per server, refreshed on change."""

from __future__ import annotations

import streamlit as st

from catalogue import Catalogue, Vocabulary, load_catalogue, load_vocabulary
from catalogue.index import CaseIndex
from catalogue.loader import default_cases_dir

#: Seconds between checks of the case folder for changed files.
REFRESH_SECONDS = 2


@st.cache_resource(ttl=REFRESH_SECONDS, show_spinner=False)
def _load(folder: str) -> tuple[Catalogue, CaseIndex, dict]:
    """The catalogue with its index and collections, shared by every session and treated as read-only.

    The loader returns the same catalogue until a file changes, and the index and collections are
    kept per catalogue, so a check every ``REFRESH_SECONDS`` rebuilds nothing that did not change."""
    current = load_catalogue(folder)
    return current, _index(current, current.generation), _collections(current, current.generation)


#: This run's catalogue, index and collections (``take_run_snapshot``).
_RUN_SNAPSHOT = "_data_run_snapshot"


def take_run_snapshot() -> None:
    """Look up the catalogue, its index and collections for this run (app.py does it first on every run).

    Every part of a run then sees the same catalogue, even if the files change during the run,
    and a run looks each up once instead of about ten times (issue 12)."""
    st.session_state[_RUN_SNAPSHOT] = _load(str(default_cases_dir()))


def _snapshot() -> tuple[Catalogue, CaseIndex, dict]:
    if _RUN_SNAPSHOT not in st.session_state:  # a page run without app.py (see ui.view)
        take_run_snapshot()
    return st.session_state[_RUN_SNAPSHOT]


def catalogue() -> Catalogue:
    """This run's catalogue of the configured folder."""
    return _snapshot()[0]


def vocabulary() -> Vocabulary:
    """The vocabulary (read once per process)."""
    return load_vocabulary()


@st.cache_resource(max_entries=4, show_spinner=False)
def _index(_catalogue: Catalogue, generation: int) -> CaseIndex:
    """One index per loaded catalogue (the catalogue is not hashed, only its generation number)."""
    return CaseIndex(_catalogue.cases, load_vocabulary())


def index() -> CaseIndex:
    """The filter index of this run's catalogue."""
    return _snapshot()[1]


@st.cache_resource(max_entries=4, show_spinner=False)
def _collections(_catalogue: Catalogue, generation: int) -> dict:
    """The valid collections for a catalogue object (problems are reported by the validator)."""
    from catalogue.curated import load_collections

    return load_collections(None, _catalogue.cases, load_vocabulary())[0]


def collections() -> dict:
    """Curated collections of this run's catalogue, by id."""
    return _snapshot()[2]
