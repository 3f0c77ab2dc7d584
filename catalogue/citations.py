"""Numbered citations in case text: ``[@source-id]`` or ``[@a; @b]`` markers.

Pure functions: split text into plain segments and markers, number the cited sources in
the order they are first cited, and report ids that name no source (never raise).
Text without markers comes back as one plain segment, unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
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


def strip(text: str) -> str:
    """The text without its citation markers (for views that show no sources list, and for search)."""
    return re.sub(r"\s+([.,;:!?])", r"\1", MARKER.sub("", text)).replace("  ", " ").strip()


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
    """The citations of a case: its description, principles and challenges, then its type evidence, in that order."""
    cited = [case.description or "", *case.principles, *case.challenges]
    cited += [f"[@{evidence.source}]" for evidence in case.type_evidence.values()]
    return number(cited, case.sources)


def markdown(text: str, citations: Citations, *, escape: Callable[[str], str] | None = None, target: str = "#sources") -> str:
    """Text for a Markdown view, each marker as numbered links to the sources list: '[1, 3]'.

    ``escape`` is applied to the plain parts (for text that is not itself Markdown); an
    unknown id shows the marker as written (the validator reports it)."""

    def plain(part: str) -> str:
        if escape is None:
            return part
        lead, trail = part[: len(part) - len(part.lstrip())], part[len(part.rstrip()) :]
        return lead + escape(part) + trail if part.strip() else part

    parts: list[str] = []
    for segment in split(text):
        if not isinstance(segment, Marker):
            parts.append(plain(segment))
        elif all(source_id in citations.numbers for source_id in segment.ids):
            links = ", ".join(f"[{citations.numbers[i]}]({target})" for i in segment.ids)
            parts.append(f"\\[{links}\\]")
        else:
            parts.append(plain(segment.text))
    return "".join(parts)
