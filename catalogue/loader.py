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
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from catalogue import clock
from catalogue.casefile import SUFFIX, FileResult, check_bytes, check_document, check_file, check_text
from catalogue.problems import Problem, problem
from catalogue.reader import read_yaml
from catalogue.schema import Case
from catalogue.settings import CASES_FOLDER, REPO_ROOT, cache_dir, cases_dir
from catalogue.vocabulary import Vocabulary, load_vocabulary, nearest

__all__ = [
    "DEFAULT_CASES_DIR",
    "Catalogue",
    "FileResult",
    "check_bytes",
    "check_document",
    "check_file",
    "check_text",
    "default_cases_dir",
    "load_catalogue",
]

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
    memo_key = (vocabulary.digest, clock.today(), tuple(stamped.items())) if cache else None
    if memo_key is not None and _MEMO.catalogue is not None and _MEMO.key == memo_key:
        return _MEMO.catalogue
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
        _MEMO.key, _MEMO.catalogue = memo_key, catalogue
    return catalogue


@dataclass
class _Memo:
    """The last catalogue loaded in this process, reused while nothing it depends on has changed."""

    key: object = None
    catalogue: Catalogue | None = None


_MEMO = _Memo()
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
                problem(result.path, 1, 1, "id", f"{case.id!r} is also the id of {first_path[case.id]}; ids must be unique")
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
                    problem(result.path, line, 5, f"related[{index}]", f"{other!r} is not a case in the catalogue{hint}")
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
        stamp = stamps[f]
        if store is not None and stamp is not None:
            store.put(f, stamp, result)
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


@dataclass
class _CacheStore:
    """One pickle per code version, vocabulary and day: {path: (size, mtime, result)}."""

    file: Path
    entries: dict[str, tuple[tuple[int, int], FileResult]] = field(default_factory=dict)
    dirty: bool = False

    @classmethod
    def open(cls, vocabulary: Vocabulary) -> _CacheStore:
        key = hashlib.sha256(f"{_code_digest()}:{vocabulary.digest}:{clock.today().isoformat()}".encode()).hexdigest()[:16]
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
        _forget_stale(self.file)


def _forget_stale(current: Path) -> None:
    """Remove other cache files untouched for CACHE_KEEP_DAYS (yesterday's, other code versions')."""
    limit = time.time() - CACHE_KEEP_DAYS * 86400
    for other in current.parent.glob("results-*.pickle"):
        try:
            if other != current and other.stat().st_mtime < limit:
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


def _relocate(found: Problem, path: str) -> Problem:
    """The same problem, reported under the path the caller used."""
    if found.path == path:
        return found
    return Problem(path, found.line, found.column, found.key, found.message, found.severity)
