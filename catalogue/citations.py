"""Numbered citations in case text: ``[@source-id]`` or ``[@a; @b]`` markers.

Pure functions: split text into plain segments and markers, number the cited sources in
the order they are first cited, and report ids that name no source (never raise).
Text without markers comes back as one plain segment, unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from catalogue.schema import Case, Source

#: A marker: '[@id]' or '[@a; @b]' (ids are kebab-case, like source ids).
MARKER = re.compile(r"\[\s*(@[a-z0-9][a-z0-9-]*(?:\s*;\s*@[a-z0-9][a-z0-9-]*)*)\s*\]")


@dataclass(frozen=True)
class Marker:
    """One citation marker: the ids it cites, in order, and its text as written."""

    ids: tuple[str, ...]
    text: str


Segment = str | Marker


def split(text: str) -> list[Segment]:
    """Text as plain strings and Markers, in order; text without markers is one string (or none if empty)."""
    segments: list[Segment] = []
    position = 0
    for match in MARKER.finditer(text):
        if match.start() > position:
            segments.append(text[position : match.start()])
        ids = tuple(part.strip().lstrip("@") for part in match.group(1).split(";"))
        segments.append(Marker(ids, match.group(0)))
        position = match.end()
    if position < len(text):
        segments.append(text[position:])
    return segments


@dataclass(frozen=True)
class Citations:
    """The numbering of a case's cited sources, and the ids its text cites that name no source."""

    numbers: dict[str, int]
    unknown: tuple[str, ...]

    def ordered(self, sources: Sequence[Source]) -> list[Source]:
        """Sources in citation order first, then the uncited ones in file order."""
        rank = {s.id: (0, self.numbers[s.id]) if s.id in self.numbers else (1, i) for i, s in enumerate(sources)}
        return sorted(sources, key=lambda source: rank[source.id])


def number(texts: Sequence[str], sources: Sequence[Source]) -> Citations:
    """Number the sources the texts cite, 1, 2, ... in order of first citation; collect unknown ids."""
    known = {source.id for source in sources}
    numbers: dict[str, int] = {}
    unknown: list[str] = []
    for text in texts:
        for segment in split(text):
            if isinstance(segment, Marker):
                for source_id in segment.ids:
                    if source_id not in known:
                        if source_id not in unknown:
                            unknown.append(source_id)
                    elif source_id not in numbers:
                        numbers[source_id] = len(numbers) + 1
    return Citations(numbers, tuple(unknown))


def case_citations(case: Case) -> Citations:
    """The citations of a case's description."""
    return number([case.description or ""], case.sources)
