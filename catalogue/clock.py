"""Today's date, asked for in one place: the rules that depend on it and the cache keyed on it read it here."""

from __future__ import annotations

import datetime as dt


def today() -> dt.date:
    """The local date today."""
    return dt.date.today()
