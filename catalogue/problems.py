"""Problems found in a file: where each is, which field, and what to do about it.

The one place problems are built: at a line and column (``problem``), at a field of
a read document (``problem_at``), or from pydantic's errors against any model
(``validation_problems``, with plain messages and the model's own field names as
suggestions).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from catalogue.reader import Document, field_path
from catalogue.vocabulary import nearest

if TYPE_CHECKING:  # pydantic loads with the schema, when a file is checked, not when cached problems are read
    from pydantic import BaseModel, ValidationError

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One finding in one file; errors block a case, warnings never do."""

    path: str
    line: int
    column: int
    key: str
    message: str
    severity: Severity = "error"

    def format(self) -> str:
        """Render as ``path:line:col: severity: key: message`` (the compiler convention)."""
        field = f"{self.key}: " if self.key else ""
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {field}{self.message}"

    def format_github(self) -> str:
        """Render as a GitHub Actions workflow command, so CI annotates the line."""
        command = "error" if self.severity == "error" else "warning"
        text = f"{self.key}: {self.message}" if self.key else self.message
        return f"::{command} file={_gh(self.path)},line={self.line},col={self.column}::{_gh(text)}"


def _gh(text: str) -> str:
    """Escape the characters GitHub workflow commands treat specially."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def problem(path: str, line: int, column: int, key: str, message: str, severity: Severity = "error") -> Problem:
    """A problem at a line and column."""
    return Problem(path=path, line=line, column=column, key=key, message=message, severity=severity)


def problem_at(path: str, document: Document, loc: Sequence[str | int], message: str, severity: Severity = "error") -> Problem:
    """A problem positioned at the field ``loc`` of a document (or its nearest enclosing field)."""
    line, column = document.position(tuple(loc))
    return Problem(path, line, column, field_path(tuple(loc)), message, severity)


def validation_problems(path: str, exc: ValidationError, document: Document, model: type[BaseModel]) -> list[Problem]:
    """Pydantic's errors against ``model`` as problems with lines and plain messages, in file order."""
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        problems.append(problem_at(path, document, loc, plain_message(error, loc, model)))
    return sorted(problems, key=lambda p: (p.line, p.column))


_TYPE_NAMES = {str: "text", int: "a whole number", float: "a number", bool: "true/false", list: "a list", dict: "a mapping"}


def _got(value: object) -> str:
    """What a wrong value is, in words."""
    if value is None:
        return "nothing"
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def plain_message(error: Any, loc: tuple[str | int, ...], model: type[BaseModel]) -> str:
    """Rewrite one pydantic error (an ``ErrorDetails``) so a contributor knows what to change."""
    kind, value = error["type"], error.get("input")
    if kind == "missing":
        return f"is required but missing; add {loc[-1]}: to the file"
    if kind == "extra_forbidden":
        known = known_fields(model, loc[:-1])
        suggestion = nearest(str(loc[-1]), known)
        hint = f"did you mean {suggestion!r}?" if suggestion else f"known fields here: {', '.join(known)}"
        return f"unknown field {loc[-1]!r}; {hint}"
    if kind == "string_type":
        return f"expected text, got {_got(value)}; put the value in quotes"
    if kind in ("int_type", "int_from_float"):
        return f"expected a whole number (such as a year), got {_got(value)}"
    if kind == "float_type":
        return f"expected a number, got {_got(value)}"
    if kind == "list_type":
        return f"expected a list (one '- item' per line), got {_got(value)}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"expected a mapping of fields (key: value), got {_got(value)}"
    if kind in ("date_type", "date_from_datetime_inexact", "date_parsing"):
        return f"expected a date written YYYY-MM-DD, got {value!r}"
    if kind == "too_short":
        return "needs at least one item"
    if kind == "string_too_long":
        limit = error.get("ctx", {}).get("max_length")
        return f"is {len(value)} characters; keep it to at most {limit}"
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"{value!r} is out of range: {error['msg'].lower()}"
    return str(error["msg"])


def known_fields(model: type[BaseModel], loc: Sequence[str | int]) -> list[str]:
    """The field names allowed at a location inside ``model``, for suggestions."""
    from pydantic import BaseModel
    current: type[BaseModel] = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return []
        inner = getattr(info.annotation, "__args__", (info.annotation,))
        nested = [a for a in inner if isinstance(a, type) and issubclass(a, BaseModel)]
        if not nested:
            return []
        current = nested[0]
    return list(current.model_fields)
