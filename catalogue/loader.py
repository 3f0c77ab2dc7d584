"""Loading and validating a folder of case files: valid cases plus a list of problems.

Never raises on bad input: each bad file becomes problems naming its line, and the
other files still load. Unchanged files are reused from a cache keyed on each
file's path, size and modification time, kept outside the repository.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import pickle
import tempfile
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from pydantic import ValidationError

from catalogue.problems import Problem
from catalogue.reader import Document, field_path, read_yaml
from catalogue.rules import ERROR_RULES, WARNING_RULES, run_rules
from catalogue.schema import Case
from catalogue.vocabulary import Vocabulary, load_vocabulary, nearest

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CASES_DIR = REPO_ROOT / "data" / "cases"
MAX_FILE_BYTES = 256 * 1024
SUFFIX = ".yaml"
#: Below this many files to parse, one process is faster than starting workers.
PARALLEL_THRESHOLD = 400


def default_cases_dir() -> Path:
    """The case folder: ``$CATALOGUE_DIR`` if set, else the bundled ``data/cases``."""
    return Path(os.environ.get("CATALOGUE_DIR") or DEFAULT_CASES_DIR)


@dataclass(frozen=True)
class FileResult:
    """What one file gave: its case if valid, and its problems (errors and warnings)."""

    path: str
    case: Case | None
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class Catalogue:
    """The valid cases of a folder, and every problem found in its files."""

    cases: tuple[Case, ...]
    problems: tuple[Problem, ...]
    files: tuple[str, ...] = ()
    folder: str = ""
    #: A number unique to each catalogue loaded in this process: a cheap cache key for what is derived from it.
    generation: int = 0

    @cached_property
    def by_id(self) -> dict[str, Case]:
        """Cases by id, for case pages and related links."""
        return {case.id: case for case in self.cases}

    @property
    def errors(self) -> list[Problem]:
        """The problems that make a file invalid."""
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """The problems that are worth a look but block nothing."""
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def invalid_files(self) -> dict[str, Problem]:
        """Each invalid file with its first error, in file order."""
        first: dict[str, Problem] = {}
        for problem in self.errors:
            first.setdefault(problem.path, problem)
        return first


def _stamped_files(paths: Iterable[Path | str]) -> dict[Path, tuple[int, int] | None]:
    """Case files with their (size, mtime) stamps, listed and stat'ed in one pass per folder."""
    found: dict[Path, tuple[int, int] | None] = {}
    for raw in paths:
        path = Path(os.path.abspath(raw))
        if path.is_dir():
            with os.scandir(path) as entries:
                listed = sorted(
                    (e for e in entries if e.name.endswith((SUFFIX, ".yml")) and not e.name.startswith("_")),
                    key=lambda e: e.name,
                )
            for entry in listed:
                try:
                    st = entry.stat()
                    found[path / entry.name] = (st.st_size, st.st_mtime_ns)
                except OSError:
                    found[path / entry.name] = None
        else:
            found[path] = _stamp(path)
    return found


def _problem(path: str, line: int, column: int, key: str, message: str, severity: str = "error") -> Problem:
    return Problem(path=path, line=line, column=column, key=key, message=message, severity=severity)  # type: ignore[arg-type]


def check_text(path: str, text: str, vocabulary: Vocabulary, expected_id: str | None = None) -> FileResult:
    """Validate the text of one case file: YAML, schema, then the cross-field rules."""
    document, yaml_errors = read_yaml(text)
    if document is None:
        return FileResult(path, None, tuple(_problem(path, e.line, e.column, e.key, e.message) for e in yaml_errors))
    try:
        case = Case.model_validate(document.data, context={"vocabulary": vocabulary})
    except ValidationError as exc:
        return FileResult(path, None, tuple(validation_problems(path, exc, document)))
    problems = [problem_at(path, document, loc, message) for loc, message in run_rules(case, ERROR_RULES)]
    if expected_id is not None and case.id != expected_id:
        problems.append(
            problem_at(
                path,
                document,
                ("id",),
                f"{case.id!r} does not match the file name; rename the file to {case.id}.yaml or set id: {expected_id}",
            )
        )
    warnings = [problem_at(path, document, loc, message, "warning") for loc, message in run_rules(case, WARNING_RULES)]
    return FileResult(path, None if problems else case, tuple(problems + warnings))


def check_file(path: Path, vocabulary: Vocabulary) -> FileResult:
    """Validate one case file on disk, refusing what is not a small UTF-8 text file."""
    name = str(path)
    if path.suffix != SUFFIX:
        return FileResult(name, None, (_problem(name, 1, 1, "", f"case files end in {SUFFIX}; rename to {path.stem}{SUFFIX}"),))
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            message = f"the file is {size // 1024} KiB; case files are at most {MAX_FILE_BYTES // 1024} KiB"
            return FileResult(name, None, (_problem(name, 1, 1, "", message),))
        raw = path.read_bytes()
    except OSError as exc:
        return FileResult(name, None, (_problem(name, 1, 1, "", f"cannot read the file: {exc.strerror}"),))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return FileResult(name, None, (_problem(name, line, 1, "", "the file is not UTF-8 text; save it as UTF-8"),))
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return FileResult(name, None, (_problem(name, line, 1, "", "the file contains a NUL byte; it is not a text file"),))
    return check_text(name, text, vocabulary, expected_id=path.stem)


def problem_at(path: str, document: Document, loc: Sequence[str | int], message: str, severity: str = "error") -> Problem:
    """A problem positioned at the field ``loc`` of a document."""
    line, column = document.position(tuple(loc))
    return _problem(path, line, column, field_path(tuple(loc)), message, severity)


def validation_problems(path: str, exc: ValidationError, document: Document) -> list[Problem]:
    """Pydantic's errors as problems with lines and plain messages."""
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        problems.append(problem_at(path, document, loc, _plain_message(error, loc)))
    return sorted(problems, key=lambda p: (p.line, p.column))


_TYPE_NAMES = {str: "text", int: "a whole number", float: "a number", bool: "true/false", list: "a list", dict: "a mapping"}


def _got(value: object) -> str:
    """What a wrong value is, in words."""
    if value is None:
        return "nothing"
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def _plain_message(error: dict, loc: tuple) -> str:
    """Rewrite a pydantic error so a contributor knows what to change."""
    kind, value = error["type"], error.get("input")
    if kind == "missing":
        return f"is required but missing; add {loc[-1]}: to the file"
    if kind == "extra_forbidden":
        known = _known_fields(loc[:-1])
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


def _known_fields(loc: tuple) -> list[str]:
    """The field names allowed at a location in a case, for suggestions."""
    from catalogue import schema

    model: type = Case
    for part in loc:
        if isinstance(part, int):
            continue
        annotation = model.model_fields[part].annotation  # type: ignore[attr-defined]
        inner = getattr(annotation, "__args__", (annotation,))
        nested = [a for a in inner if isinstance(a, type) and issubclass(a, schema.BaseModel)]
        if not nested:
            return []
        model = nested[0]
    return list(model.model_fields)  # type: ignore[attr-defined]


# --- folders, cross-file checks and the cache -------------------------------------


def load_catalogue(
    paths: Path | str | Sequence[Path | str] | None = None,
    *,
    vocabulary: Vocabulary | None = None,
    cache: bool = True,
) -> Catalogue:
    """Load and validate case files and folders (default: ``default_cases_dir()``)."""
    vocabulary = vocabulary or load_vocabulary()
    if paths is None:
        paths = [default_cases_dir()]
    elif isinstance(paths, (str, Path)):
        paths = [paths]
    stamped = _stamped_files(paths)
    files = list(stamped)
    memo_key = (vocabulary.digest, tuple(stamped.items())) if cache else None
    if memo_key is not None and _MEMO.get("key") == memo_key:
        return _MEMO["catalogue"]
    results = _check_files(stamped, vocabulary, cache=cache)
    problems = [p for r in results for p in r.problems]
    problems.extend(_cross_file_problems(results, _known_ids(files)))
    bad = {p.path for p in problems if p.severity == "error"}
    cases = tuple(r.case for r in results if r.case is not None and r.path not in bad)
    folder = str(paths[0]) if len(paths) == 1 else ""
    catalogue = Catalogue(
        cases=cases, problems=tuple(problems), files=tuple(str(f) for f in files), folder=folder, generation=next(_GENERATIONS)
    )
    if memo_key is not None:
        _MEMO.update(key=memo_key, catalogue=catalogue)
    return catalogue


#: The last catalogue loaded in this process, reused while no file has changed.
_MEMO: dict[str, object] = {}
_GENERATIONS = itertools.count(1)


def _known_ids(files: Sequence[Path]) -> set[str]:
    """Ids a case may name in ``related``: every case file in the folders of the files checked."""
    folders = {f.parent for f in files}
    return {f.stem for f in files} | {
        p.stem for folder in folders for p in folder.glob(f"*{SUFFIX}") if not p.name.startswith("_")
    }


def _cross_file_problems(results: Sequence[FileResult], known_ids: set[str]) -> list[Problem]:
    """Ids are unique across files, and related cases exist."""
    problems = []
    first_path: dict[str, str] = {}
    for result in results:
        case = result.case
        if case is None:
            continue
        if case.id in first_path:
            problems.append(
                _problem(result.path, 1, 1, "id", f"{case.id!r} is also the id of {first_path[case.id]}; ids must be unique")
            )
        first_path.setdefault(case.id, result.path)
    for result in results:
        case = result.case
        if case is None:
            continue
        for index, other in enumerate(case.related):
            if other not in known_ids:
                suggestion = nearest(other, sorted(known_ids))
                hint = f"; did you mean {suggestion!r}?" if suggestion else ""
                line = _related_line(result.path, index)
                problems.append(
                    _problem(result.path, line, 5, f"related[{index}]", f"{other!r} is not a case in the catalogue{hint}")
                )
    return problems


def _related_line(path: str, index: int) -> int:
    """Find the line of ``related[index]`` again (cross-file checks run after parsing)."""
    try:
        document, _ = read_yaml(Path(path).read_text(encoding="utf-8-sig"))
    except OSError:
        return 1
    return document.position(("related", index))[0] if document else 1


def _check_files(stamps: dict[Path, tuple[int, int] | None], vocabulary: Vocabulary, *, cache: bool) -> list[FileResult]:
    """Check each file, reusing cached results for files whose size and mtime are unchanged."""
    files = list(stamps)
    store = _CacheStore.open(vocabulary) if cache else None
    results: dict[Path, FileResult] = {}
    todo = []
    for f in files:
        hit = store.get(f, stamps[f]) if store else None
        if hit is not None:
            results[f] = hit
        else:
            todo.append(f)
    for f, result in zip(todo, _check_many(todo, vocabulary), strict=False):
        results[f] = result
        if store is not None and stamps[f] is not None:
            store.put(f, stamps[f], result)
    if store is not None and todo:
        store.save()
    return [results[f] for f in files]


def _check_many(files: Sequence[Path], vocabulary: Vocabulary) -> list[FileResult]:
    """Check files, in two processes when there are enough to repay starting them."""
    workers = min(os.cpu_count() or 1, 4)
    if len(files) < PARALLEL_THRESHOLD or workers < 2:
        return [check_file(f, vocabulary) for f in files]
    chunks = [list(files[i::workers]) for i in range(workers)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        parts = list(pool.map(_check_chunk, chunks, [vocabulary] * workers))
    by_path = {r.path: r for part in parts for r in part}
    return [by_path[str(f)] for f in files]


def _check_chunk(files: list[Path], vocabulary: Vocabulary) -> list[FileResult]:
    """Worker entry point: check a chunk of files."""
    return [check_file(f, vocabulary) for f in files]


def _stamp(path: Path) -> tuple[int, int] | None:
    """A file's size and modification time, which key the cache."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def cache_dir() -> Path:
    """Where cached results live: ``$CATALOGUE_CACHE_DIR``, else the user's cache folder."""
    configured = os.environ.get("CATALOGUE_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "coproduction-catalogue"


@dataclass
class _CacheStore:
    """One pickle per vocabulary and code version: {path: (size, mtime, result)}."""

    file: Path
    entries: dict[str, tuple[tuple[int, int], FileResult]] = field(default_factory=dict)
    dirty: bool = False

    @classmethod
    def open(cls, vocabulary: Vocabulary) -> _CacheStore:
        key = hashlib.sha256(f"{_code_digest()}:{vocabulary.digest}".encode()).hexdigest()[:16]
        file = cache_dir() / f"results-{key}.pickle"
        try:
            with file.open("rb") as handle:
                entries = pickle.load(handle)
            if not isinstance(entries, dict):
                entries = {}
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            entries = {}
        return cls(file=file, entries=entries)

    def get(self, path: Path, stamp: tuple[int, int] | None) -> FileResult | None:
        entry = self.entries.get(str(path))
        if stamp is None or entry is None or entry[0] != stamp:
            return None
        result = entry[1]
        return FileResult(str(path), result.case, tuple(_relocate(p, str(path)) for p in result.problems))

    def put(self, path: Path, stamp: tuple[int, int], result: FileResult) -> None:
        self.entries[str(path)] = (stamp, result)
        self.dirty = True

    def save(self) -> None:
        """Write the cache atomically, forgetting deleted files; a failure only costs speed next time."""
        if not self.dirty:
            return
        self.entries = {path: entry for path, entry in self.entries.items() if os.path.exists(path)}
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.file.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(self.entries, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.file)
        except OSError:
            return


def _code_digest() -> str:
    """Identify the validating code, so results cached by other code are never reused."""
    package = Path(__file__).resolve().parent
    parts = []
    for module in sorted(package.glob("*.py")):
        stat = module.stat()
        parts.append(f"{module.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def _relocate(problem: Problem, path: str) -> Problem:
    """The same problem, reported under the path the caller used."""
    if problem.path == path:
        return problem
    return Problem(path, problem.line, problem.column, problem.key, problem.message, problem.severity)
