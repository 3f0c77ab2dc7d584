"""The catalogue and vocabulary as the app sees them: loaded once per server, refreshed on change."""

from __future__ import annotations

import streamlit as st

from catalogue import Catalogue, Vocabulary, load_catalogue, load_vocabulary
from catalogue.index import CaseIndex
from catalogue.loader import default_cases_dir

#: Seconds between checks of the case folder for changed files.
REFRESH_SECONDS = 2


@st.cache_resource(ttl=REFRESH_SECONDS, show_spinner=False)
def _load(folder: str) -> Catalogue:
    """Shared by every session and treated as read-only; the loader returns the same object until a file changes."""
    return load_catalogue(folder)


def catalogue() -> Catalogue:
    """The current catalogue for the configured folder."""
    return _load(str(default_cases_dir()))


def vocabulary() -> Vocabulary:
    """The vocabulary (read once per process)."""
    return load_vocabulary()


@st.cache_resource(max_entries=4, show_spinner=False)
def _index(_catalogue: Catalogue, generation: int) -> CaseIndex:
    """One index per loaded catalogue (the catalogue is not hashed, only its generation number)."""
    return CaseIndex(_catalogue.cases, load_vocabulary())


def index() -> CaseIndex:
    """The filter index of the current catalogue."""
    current = catalogue()
    return _index(current, current.generation)


@st.cache_resource(max_entries=4, show_spinner=False)
def _collections(_catalogue: Catalogue, generation: int) -> dict:
    """The valid collections for a catalogue object (problems are reported by the validator)."""
    from catalogue.curated import load_collections

    return load_collections(None, _catalogue.cases, load_vocabulary())[0]


def collections() -> dict:
    """Curated collections by id."""
    current = catalogue()
    return _collections(current, current.generation)
