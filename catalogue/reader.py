"""Strict YAML reading: plain data only, with the line and column of every field.

PyYAML's own loaders keep the last of two duplicate keys, expand aliases (the
"billion laughs" bomb), resolve ``no`` to ``False`` (Norway's code!) and build
objects from tags. Case files need none of that, so this module builds the data
itself from the parser's events: mappings, lists and scalars, nothing else.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # libyaml's parser is about ten times faster than the pure-Python one; only its events are used.
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - the PyPI wheels ship libyaml
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

MAX_DEPTH = 32

Path = tuple[str | int, ...]
Position = tuple[int, int]

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass
class Document:
    """A case file's data with where each field stands in the file."""

    data: Any
    positions: dict[Path, Position] = field(default_factory=dict)

    def position(self, path: Path) -> Position:
        """The line and column of a field, or of its nearest enclosing field."""
        path = tuple(path)
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))


@dataclass(frozen=True)
class YamlError:
    """A problem that stops the file from being read as plain data."""

    line: int
    column: int
    message: str
    key: str = ""


class _Stop(Exception):
    """Raised inside the builder to abandon a file at its first fatal problem."""

    def __init__(self, error: YamlError):
        super().__init__(error.message)
        self.error = error


def read_yaml(text: str) -> tuple[Document | None, list[YamlError]]:
    """Parse one YAML document of plain data; on failure return no document and the reasons."""
    parser = _Parser(text)
    errors: list[YamlError] = []
    try:
        document = _read_stream(parser, errors)
    except _Stop as stop:
        return None, [*errors, stop.error]
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_error(exc, text)]
    except yaml.YAMLError as exc:  # e.g. a reader error without a mark
        return None, [YamlError(1, 1, f"not readable as YAML: {exc}")]
    if errors:
        return None, errors
    return document, []


def _syntax_error(exc: yaml.MarkedYAMLError, text: str) -> YamlError:
    """Turn PyYAML's multi-line syntax error into one line with a position and a hint."""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if "maximum nesting depth" in (exc.problem or ""):  # PyYAML 6.0.4+ stops deep flow nesting itself
        return YamlError(line, column, f"nesting deeper than {MAX_DEPTH} levels; case files are shallow")
    what = " ".join(part for part in (exc.context, exc.problem) if part)
    lines = text.splitlines()
    at = lines[line - 1][column - 1 : column] if 0 < line <= len(lines) else ""
    hint = ""
    if at == "\t" or "tab" in (exc.problem or ""):
        hint = "; indent with spaces, not tabs"
    elif "mapping values are not allowed" in (exc.problem or ""):
        hint = "; put text containing ': ' in quotes"
    return YamlError(line, column, f"YAML syntax error: {what}{hint}")


def _pos(event: Any) -> Position:
    """A 1-based (line, column) from a parser event (the parser marks every event it emits)."""
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _read_stream(parser: Any, errors: list[YamlError]) -> Document:
    """Read the stream: exactly one document whose root is a mapping."""
    get = parser.get_event
    get()  # StreamStartEvent
    event = get()
    if type(event) is yaml.StreamEndEvent:
        raise _Stop(YamlError(1, 1, "the file is empty; a case file is a mapping of fields"))
    positions: dict[Path, Position] = {(): (1, 1)}
    root_event = get()  # after the DocumentStartEvent
    data = _read_node(get, root_event, (), positions, errors, 0)
    get()  # DocumentEndEvent
    event = get()
    if type(event) is not yaml.StreamEndEvent:
        line, column = _pos(event)
        raise _Stop(YamlError(line, column, "a second YAML document ('---') starts here; keep one case per file"))
    if data is None:
        raise _Stop(YamlError(1, 1, "the file has no content; a case file is a mapping of fields"))
    if not isinstance(data, dict):
        line, column = _pos(root_event)
        kind = "a list" if isinstance(data, list) else "a single value"
        raise _Stop(YamlError(line, column, f"the file holds {kind}; a case file is a mapping of fields (key: value)"))
    return Document(data=data, positions=positions)


_ScalarEvent = yaml.ScalarEvent
_MappingStart, _MappingEnd = yaml.MappingStartEvent, yaml.MappingEndEvent
_SequenceStart, _SequenceEnd = yaml.SequenceStartEvent, yaml.SequenceEndEvent
_PLAIN_TAGS = (None, "!")


def _refuse(event: Any, path: Path) -> None:
    """Stop at an alias, an anchor or a tag: case files hold plain data only."""
    line, column = _pos(event)
    if type(event) is yaml.AliasEvent:
        raise _Stop(YamlError(line, column, f"YAML alias '*{event.anchor}' is not allowed; write the value out", _key(path)))
    if getattr(event, "anchor", None):
        raise _Stop(YamlError(line, column, f"YAML anchor '&{event.anchor}' is not allowed; write the value out", _key(path)))
    tag = getattr(event, "tag", None)
    raise _Stop(
        YamlError(line, column, f"YAML tag {tag!r} is not allowed; case files hold plain text, numbers and lists", _key(path))
    )


def _read_node(get: Any, event: Any, path: Path, positions: dict[Path, Position], errors: list[YamlError], depth: int) -> Any:
    """Read one node (mapping, list or scalar) that starts with ``event``, recording positions below it."""
    if depth > MAX_DEPTH:
        line, column = _pos(event)
        raise _Stop(YamlError(line, column, f"nesting deeper than {MAX_DEPTH} levels; case files are shallow"))
    kind = type(event)
    if kind is _ScalarEvent:
        if event.anchor is not None or (event.tag not in _PLAIN_TAGS and event.tag != "tag:yaml.org,2002:str"):
            _refuse(event, path)
        return _scalar(event)
    if kind is _MappingStart:
        if event.anchor is not None or event.tag not in _PLAIN_TAGS:
            _refuse(event, path)
        return _read_mapping(get, path, positions, errors, depth)
    if kind is _SequenceStart:
        if event.anchor is not None or event.tag not in _PLAIN_TAGS:
            _refuse(event, path)
        items: list[Any] = []
        item = get()
        while type(item) is not _SequenceEnd:
            mark = item.start_mark
            item_path = (*path, len(items))
            positions[item_path] = (mark.line + 1, mark.column + 1)
            items.append(_read_node(get, item, item_path, positions, errors, depth + 1))
            item = get()
        return items
    if kind is yaml.AliasEvent:
        _refuse(event, path)
    line, column = _pos(event)  # pragma: no cover - the parser emits nothing else here
    raise _Stop(YamlError(line, column, f"unexpected YAML event {kind.__name__}"))


def _read_mapping(get: Any, path: Path, positions: dict[Path, Position], errors: list[YamlError], depth: int) -> dict[str, Any]:
    """Read a mapping's entries up to its end, refusing non-text and duplicate keys."""
    mapping: dict[str, Any] = {}
    key_event = get()
    while type(key_event) is not _MappingEnd:
        mark = key_event.start_mark
        line, column = mark.line + 1, mark.column + 1
        if type(key_event) is not _ScalarEvent:
            raise _Stop(YamlError(line, column, "a key must be plain text, not a list or mapping", _key(path)))
        key = key_event.value
        key_path = (*path, key)
        if key in mapping:
            first_line = positions[key_path][0]
            message = f"duplicate key {key!r} (first at line {first_line}); keep one"
            errors.append(YamlError(line, column, message, _key(key_path)))
            _read_node(get, get(), (*path, f"{key}#duplicate"), {}, errors, depth + 1)
        else:
            positions[key_path] = (line, column)
            mapping[key] = _read_node(get, get(), key_path, positions, errors, depth + 1)
        key_event = get()
    return mapping


#: The first characters a plain scalar needs to be anything but text (a number, a date, null or a boolean).
_MAYBE_NOT_TEXT = frozenset("0123456789+-.~nNtTfF")


def _scalar(event: Any) -> Any:
    """Resolve a scalar the YAML 1.2 way: quoted text stays text; only true/false are booleans."""
    value = event.value
    if event.style or not event.implicit[0]:
        return value
    if not value:
        return None
    if value[0] not in _MAYBE_NOT_TEXT:
        return value
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value) and any(ch.isdigit() for ch in value):
        return float(value)
    if _DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _key(path: Path) -> str:
    """A field path as people write it: ``locations[0].lat``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


field_path = _key
