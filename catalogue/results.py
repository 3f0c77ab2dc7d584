"""What checking one file gives: its case if valid, its problems, and what the checks across files need.

Kept apart from the checks themselves (``catalogue.casefile``) so cached results can be
read without loading the schema and pydantic.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from catalogue.problems import Problem

if TYPE_CHECKING:
    from catalogue.schema import Case


@dataclass(frozen=True)
class FileResult:
    """What one file gave: its case if valid, and its problems (errors and warnings).

    ``case_id`` and ``related`` (each related id with its line and column) are what the
    checks across files need; they stay when the case itself is dropped (``summary``).
    """

    path: str
    case: Case | None
    problems: tuple[Problem, ...]
    case_id: str | None = None
    related: tuple[tuple[str, int, int], ...] = ()

    def summary(self) -> FileResult:
        """The same result without the case object: cheap to pass between processes and to cache."""
        return replace(self, case=None)
