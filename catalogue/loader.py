"""Loading and validating folders of case files: valid cases plus a list of problems.

Never raises on bad input: each bad file becomes problems naming its line, and the
other files still load. Unchanged files are reused from a cache kept outside the
repository, keyed on what a result depends on: each file's path, size and
modification time, the vocabulary, the validating code and today's date (rules
such as "last reviewed over two years ago" change their verdict as days pass).
"""

from __future__ import annotations

import hashlib
import itertools
import os
import pickle
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from catalogue import clock
from catalogue.problems import Problem, problem
from catalogue.results import FileResult
from catalogue.settings import CASES_FOLDER, REPO_ROOT, cache_dir, cases_dir
from catalogue.vocabulary import Vocabulary, load_vocabulary, nearest

if TYPE_CHECKING:
    from catalogue.schema import Case

# A file's checks (catalogue.casefile: the schema, the rules, pydantic) are imported only when a file
# needs checking, so a run answered from the cache starts fast.
SUFFIX = ".yaml"

DEFAULT_CASES_DIR = REPO_ROOT / CASES_FOLDER
#: Below this many files to parse, one process is faster than starting workers.
PARALLEL_THRESHOLD = 400
#: Cache files untouched for this many days are removed when the cache is saved.
CACHE_KEEP_DAYS = 7


def default_cases_dir() -> Path:
    """The case folder: ``$CATALOGUE_DIR`` if set, else the bundled ``data/cases``."""
    return cases_dir()


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
        for error in self.errors:
            first.setdefault(error.path, error)
        return first


Stamp = tuple[int, int]


def _stamped_files(paths: Iterable[Path | str]) -> dict[str, Stamp | None]:
    """Case files (absolute paths) with their (size, mtime) stamps, listed and stat'ed in one pass per folder."""
    found: dict[str, Stamp | None] = {}
    for raw in paths:
        path = os.path.abspath(raw)
        if os.path.isdir(path):
            with os.scandir(path) as entries:
                listed = sorted(
                    (e for e in entries if e.name.endswith((SUFFIX, ".yml")) and not e.name.startswith("_")),
                    key=lambda e: e.name,
                )
            for entry in listed:
                try:
                    st = entry.stat()
                    found[entry.path] = (st.st_size, st.st_mtime_ns)
                except OSError:
                    found[entry.path] = None
        else:
            found[path] = _stamp(path)
    return found


def load_catalogue(
    paths: Path | str | Sequence[Path | str] | None = None,
    *,
    vocabulary: Vocabulary | None = None,
    cache: bool = True,
) -> Catalogue:
    """Load and validate case files and folders (default: ``default_cases_dir()``)."""
    return _load(paths, vocabulary, cache, with_cases=True)


def check_catalogue(
    paths: Path | str | Sequence[Path | str] | None = None,
    *,
    vocabulary: Vocabulary | None = None,
    cache: bool = True,
) -> Catalogue:
    """Validate case files and folders exactly as ``load_catalogue`` does, keeping the problems but not the cases.

    What ``validate`` needs: no case objects are built from the cache, passed between
    processes or written to it, so a large folder checks much faster.
    """
    return _load(paths, vocabulary, cache, with_cases=False)


def _load(
    paths: Path | str | Sequence[Path | str] | None, vocabulary: Vocabulary | None, cache: bool, *, with_cases: bool
) -> Catalogue:
    vocabulary = vocabulary or load_vocabulary()
    if paths is None:
        paths = [default_cases_dir()]
    elif isinstance(paths, (str, Path)):
        paths = [paths]
    stamped = _stamped_files(paths)
    files = list(stamped)
    memo_key = (vocabulary.digest, clock.today(), with_cases, tuple(stamped.items())) if cache else None
    if memo_key is not None and _MEMO.catalogue is not None and _MEMO.key == memo_key:
        return _MEMO.catalogue
    results = _check_files(stamped, vocabulary, cache=cache, with_cases=with_cases)
    problems = [p for r in results for p in r.problems]
    problems.extend(_cross_file_problems(results, _known_ids(files)))
    bad = {p.path for p in problems if p.severity == "error"}
    cases = tuple(r.case for r in results if r.case is not None and r.path not in bad)
    folder = str(paths[0]) if len(paths) == 1 else ""
    catalogue = Catalogue(cases=cases, problems=tuple(problems), files=tuple(files), folder=folder, generation=next(_GENERATIONS))
    if memo_key is not None:
        _MEMO.key, _MEMO.catalogue = memo_key, catalogue
    return catalogue


@dataclass
class _Memo:
    """The last catalogue loaded in this process, reused while nothing it depends on has changed."""

    key: object = None
    catalogue: Catalogue | None = None


_MEMO = _Memo()
_GENERATIONS = itertools.count(1)


def _known_ids(files: Sequence[str]) -> set[str]:
    """Ids a case may name in ``related``: every case file in the folders of the files checked."""
    known = {os.path.splitext(os.path.basename(f))[0] for f in files}
    for folder in {os.path.dirname(f) for f in files}:
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        known.update(name[: -len(SUFFIX)] for name in names if name.endswith(SUFFIX) and not name.startswith("_"))
    return known


def _cross_file_problems(results: Sequence[FileResult], known_ids: set[str]) -> list[Problem]:
    """Ids are unique across files, and related cases exist."""
    problems = []
    first_path: dict[str, str] = {}
    for result in results:
        if result.case_id is None:
            continue
        if result.case_id in first_path:
            message = f"{result.case_id!r} is also the id of {first_path[result.case_id]}; ids must be unique"
            problems.append(problem(result.path, 1, 1, "id", message))
        first_path.setdefault(result.case_id, result.path)
    for result in results:
        for index, (other, line, column) in enumerate(result.related):
            if other not in known_ids:
                suggestion = nearest(other, sorted(known_ids))
                hint = f"; did you mean {suggestion!r}?" if suggestion else ""
                problems.append(
                    problem(result.path, line, column, f"related[{index}]", f"{other!r} is not a case in the catalogue{hint}")
                )
    return problems


def _check_files(stamps: dict[str, Stamp | None], vocabulary: Vocabulary, *, cache: bool, with_cases: bool) -> list[FileResult]:
    """Check each file, reusing cached results for files whose size and mtime are unchanged."""
    files = list(stamps)
    store = _CacheStore.open(vocabulary, with_cases=with_cases) if cache else None
    results: dict[str, FileResult] = {}
    todo = []
    for f in files:
        hit = store.get(f, stamps[f]) if store else None
        if hit is not None:
            results[f] = hit
        else:
            todo.append(f)
    for f, result in zip(todo, _check_many(todo, vocabulary, with_cases=with_cases), strict=True):
        results[f] = result
        stamp = stamps[f]
        if store is not None and stamp is not None:
            store.put(f, stamp, result)
    if store is not None:
        store.save()
    return [results[f] for f in files]


def _check_many(files: Sequence[str], vocabulary: Vocabulary, *, with_cases: bool) -> list[FileResult]:
    """Check files, in two processes when there are enough to repay starting them."""
    if not files:
        return []
    workers = min(os.cpu_count() or 1, 4)
    if len(files) < PARALLEL_THRESHOLD or workers < 2:
        return _check_chunk(list(files), vocabulary, with_cases)
    from concurrent.futures import ProcessPoolExecutor

    chunks = [list(files[i::workers]) for i in range(workers)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        parts = list(pool.map(_check_chunk, chunks, [vocabulary] * workers, [with_cases] * workers))
    by_path = {r.path: r for part in parts for r in part}
    return [by_path[f] for f in files]


def _check_chunk(files: list[str], vocabulary: Vocabulary, with_cases: bool) -> list[FileResult]:
    """Check a chunk of files (also the worker processes' entry point); without cases, only their summaries."""
    from catalogue import casefile  # the schema and rules load only when a file needs checking

    if with_cases:
        return [casefile.check_file(Path(f), vocabulary) for f in files]
    return [casefile.check_file(Path(f), vocabulary).summary() for f in files]


def _stamp(path: str) -> Stamp | None:
    """A file's size and modification time, which key the cache."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


@dataclass
class _CacheStore:
    """Cached results, one pickle per code version, vocabulary and day.

    ``summaries``: {path: (stamp, result without its case)}, all ``validate`` needs;
    ``cases``: {path: (stamp, case)} for the valid files, read and written only when cases are wanted.
    """

    folder: Path
    key: str
    with_cases: bool
    summaries: dict[str, tuple[Stamp, FileResult]] = field(default_factory=dict)
    cases: dict[str, tuple[Stamp, Case]] = field(default_factory=dict)
    dirty: set[str] = field(default_factory=set)

    @classmethod
    def open(cls, vocabulary: Vocabulary, *, with_cases: bool) -> _CacheStore:
        key = hashlib.sha256(f"{_code_digest()}:{vocabulary.digest}:{clock.today().isoformat()}".encode()).hexdigest()[:16]
        store = cls(folder=cache_dir(), key=key, with_cases=with_cases)
        store.summaries = store._read("summaries")
        if with_cases:
            store.cases = store._read("cases")
        return store

    def _file(self, kind: str) -> Path:
        return self.folder / f"{kind}-{self.key}.pickle"

    def _read(self, kind: str) -> dict[str, Any]:
        try:
            with self._file(kind).open("rb") as handle:
                entries = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError, IndexError):
            return {}
        return entries if isinstance(entries, dict) else {}

    def get(self, path: str, stamp: Stamp | None) -> FileResult | None:
        entry = self.summaries.get(path)
        if stamp is None or entry is None or entry[0] != stamp:
            return None
        result = entry[1]
        if result.case_id is not None and self.with_cases:
            cached = self.cases.get(path)
            if cached is None or cached[0] != stamp:
                return None
            result = replace(result, case=cached[1])
        return result

    def put(self, path: str, stamp: Stamp, result: FileResult) -> None:
        self.summaries[path] = (stamp, result.summary())
        self.dirty.add("summaries")
        if result.case is not None:
            self.cases[path] = (stamp, result.case)
            self.dirty.add("cases")

    def save(self) -> None:
        """Write what changed atomically, forgetting deleted files; a failure only costs speed next time."""
        for kind in sorted(self.dirty):
            entries: dict[str, Any] = self.summaries if kind == "summaries" else self.cases
            entries = {path: entry for path, entry in entries.items() if os.path.exists(path)}
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
                with os.fdopen(fd, "wb") as handle:
                    pickle.dump(entries, handle, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, self._file(kind))
            except OSError:
                return
        if self.dirty:
            _forget_stale(self.folder, {self._file("summaries"), self._file("cases")})
        self.dirty.clear()


def _forget_stale(folder: Path, current: set[Path]) -> None:
    """Remove other cache files untouched for CACHE_KEEP_DAYS (yesterday's, other code versions')."""
    limit = time.time() - CACHE_KEEP_DAYS * 86400
    for other in folder.glob("*.pickle"):
        try:
            if other not in current and other.stat().st_mtime < limit:
                other.unlink()
        except OSError:
            continue


def _code_digest() -> str:
    """Identify the validating code, so results cached by other code are never reused."""
    package = Path(__file__).resolve().parent
    parts = []
    for module in sorted(package.glob("*.py")):
        stat = module.stat()
        parts.append(f"{module.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()
