"""Putting untrusted case text into Markdown safely."""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

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


def count_of(n: int, one: str, many: str | None = None) -> str:
    """'1 case', '3 cases' ('many' when the plural is not one + 's')."""
    return f"{n} {one if n == 1 else (many or one + 's')}"
