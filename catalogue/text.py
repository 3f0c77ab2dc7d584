"""Putting untrusted case text into Markdown safely."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

if TYPE_CHECKING:
    from catalogue.schema import Outcome

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def md_escape(text: str) -> str:
    """Text shown literally in Markdown: every character Markdown (or HTML) could act on is escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def md_link(label: str, url: str) -> str:
    """A Markdown link to an http(s) address; anything else becomes plain text."""
    if urlsplit(url).scheme not in ("http", "https"):
        return md_escape(label)
    safe_url = quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")
    return f"[{md_escape(label)}](<{safe_url}>)"


def _figure(value: float, unit: str | None) -> str:
    """'39%' or '1227 households': a space only before a word unit."""
    unit = unit or ""
    return f"{value:g}{' ' if unit[:1].isalnum() else ''}{unit}"


def outcome_figures(outcome: Outcome) -> tuple[str, str | None]:
    """An outcome's figure and its comparison as plain text: ('39%', '22% for users of ...'); ('', None) without a figure."""
    if outcome.value is None:
        return "", None
    comparison = None
    if outcome.comparison_value is not None:
        comparison = f"{_figure(outcome.comparison_value, outcome.unit)} for {outcome.comparison_label or 'the comparison'}"
    return _figure(outcome.value, outcome.unit), comparison
