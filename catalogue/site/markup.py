"""Case text as HTML for the static site: escaped paragraphs with numbered citation links.

No Markdown renderer is installed with the project, so a description is shown as
escaped paragraphs (blank lines separate them); citation markers become numbered
superscript links to the sources list. Everything from a case file is escaped here.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from catalogue.citations import Citations, Marker, split

BLANK_LINES = re.compile(r"\n\s*\n")


def anchor(source_id: str) -> str:
    """The id of a source's item in the sources list."""
    return f"source-{source_id}"


def _marker_html(marker: Marker, citations: Citations) -> Markup:
    known = [source_id for source_id in marker.ids if source_id in citations.numbers]
    if len(known) != len(marker.ids):  # an unknown id: show the marker as written (the build reports it)
        return escape(marker.text)
    links = Markup(", ").join(
        Markup('<a href="#{}" aria-label="source {}">{}</a>').format(anchor(i), citations.numbers[i], citations.numbers[i])
        for i in known
    )
    return Markup('<sup class="cite">[{}]</sup>').format(links)


def cited_html(text: str, citations: Citations) -> Markup:
    """One piece of text, escaped, with its citation markers as numbered links."""
    return Markup("").join(
        _marker_html(segment, citations) if isinstance(segment, Marker) else escape(segment) for segment in split(text)
    )


def paragraphs_html(text: str, citations: Citations) -> Markup:
    """Text as escaped paragraphs, one per blank-line-separated block, citations linked."""
    blocks = [block.strip() for block in BLANK_LINES.split(text.strip())]
    return Markup("\n").join(Markup("<p>{}</p>").format(cited_html(block, citations)) for block in blocks if block)
