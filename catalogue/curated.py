"""Curated collections: a title, an introduction, a filter and optionally an ordered list of cases.

Files live in ``data/collections/<id>.yaml`` and are read exactly like case files (the
same byte checks and strict reader, through ``catalogue.yamlfile``): unknown fields,
unknown filter keys or values, a year range given backwards and unknown case ids are
errors with lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from catalogue.filters import PASSTHROUGH_KEYS, Filters, apply, parse_query
from catalogue.problems import Problem, problem_at, validation_problems
from catalogue.schema import Case, PlainText, Slug
from catalogue.settings import REPO_ROOT
from catalogue.vocabulary import Vocabulary, nearest
from catalogue.yamlfile import read_yaml_file

DEFAULT_COLLECTIONS_DIR = REPO_ROOT / "data" / "collections"


class CollectionFile(BaseModel):
    """What a collection file holds."""

    model_config = ConfigDict(extra="forbid", strict=True, str_strip_whitespace=True, frozen=True)

    id: Slug = Field(description="Kebab-case identifier, equal to the file name.")
    title: PlainText = Field(description="The collection's title.", max_length=120)
    introduction: PlainText = Field(description="A short introduction in Markdown (no HTML).", max_length=3000)
    filter: dict[str, str | list[str]] = Field(
        default_factory=dict, description="URL filter keys and values, e.g. sector: [mental-health]."
    )
    cases: list[Slug] = Field(default_factory=list, description="Optional: case ids in the order to present them.")


@dataclass(frozen=True)
class Collection:
    """A validated collection with its filter state."""

    id: str
    title: str
    introduction: str
    filters: Filters
    order: tuple[str, ...]

    def select(self, cases: Sequence[Case]) -> list[Case]:
        """Exactly the cases its filter matches, its ordered ids first."""
        matched = apply(cases, self.filters)
        rank = {case_id: i for i, case_id in enumerate(self.order)}
        return sorted(matched, key=lambda case: rank.get(case.id, len(rank)))


def load_collections(
    folder: Path | None, cases: Sequence[Case], vocabulary: Vocabulary
) -> tuple[dict[str, Collection], list[Problem]]:
    """Read every collection file; return the valid ones by id and the problems of the rest."""
    folder = folder or DEFAULT_COLLECTIONS_DIR
    collections: dict[str, Collection] = {}
    problems: list[Problem] = []
    if not folder.is_dir():
        return collections, problems
    ids = {case.id for case in cases}
    for path in sorted(folder.glob("*.yaml")):
        name = str(path)
        document, unread = read_yaml_file(path, kind="collection")
        if document is None:
            problems += unread
            continue
        try:
            raw = CollectionFile.model_validate(document.data)
        except ValidationError as exc:
            problems += validation_problems(name, exc, document, CollectionFile)
            continue
        found: list[Problem] = []
        if raw.id != path.stem:
            found.append(problem_at(name, document, ("id",), f"{raw.id!r} does not match the file name {path.stem}.yaml"))
        parsed = parse_query(raw.filter, vocabulary, cases)
        backwards = _backwards_years(raw.filter)
        if backwards:
            found.append(problem_at(name, document, ("filter", "from"), backwards))
        for ignored in parsed.ignored:
            key = ignored.split("=", 1)[0]
            if backwards and key == "from" and " is after " in ignored:
                continue  # reported above, in the collection's own words
            found.append(problem_at(name, document, ("filter", key), f"{ignored!r} is not a filter this catalogue knows"))
        for key in raw.filter:
            if key in PASSTHROUGH_KEYS:
                found.append(problem_at(name, document, ("filter", key), f"{key!r} is not a filter key"))
        matched = {case.id for case in apply(cases, parsed.filters)}
        for index, case_id in enumerate(raw.cases):
            if case_id not in ids:
                hint = nearest(case_id, sorted(ids))
                suffix = f"; did you mean {hint!r}?" if hint else ""
                found.append(problem_at(name, document, ("cases", index), f"{case_id!r} is not a case in the catalogue{suffix}"))
            elif case_id not in matched:
                found.append(problem_at(name, document, ("cases", index), f"{case_id!r} does not match the collection's filter"))
        if found:
            problems += found
            continue
        collections[raw.id] = Collection(raw.id, raw.title, raw.introduction, parsed.filters, tuple(raw.cases))
    return collections, problems


def _backwards_years(filter_: dict[str, str | list[str]]) -> str | None:
    """Say so when a filter's year range is given backwards (from after to); the URL reader would swap it silently."""
    years = []
    for key in ("from", "to"):
        value = filter_.get(key)
        text = value[-1] if isinstance(value, list) and value else value
        if not isinstance(text, str) or not text.strip().isdigit():
            return None
        years.append(int(text))
    if years[0] <= years[1]:
        return None
    return f"{years[0]} is after to ({years[1]}); swap from and to"
