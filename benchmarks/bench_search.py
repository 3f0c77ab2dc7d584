"""Time free-text search (``catalogue.search.SearchIndex``) on N cases: index build, then mask + scores per query.

Run: ``python benchmarks/bench_search.py [N]`` (default 10000). Prints a Markdown table for two
catalogues: clones of the bundled cases (real text, so a real vocabulary of words) and the
synthetic cases (short, repetitive text, one distinct title word per case).
Goal: at most 50 ms per query (mask + scores, warm index, first time the query is asked) at 10,000 cases.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.clones import write_clones  # noqa: E402
from benchmarks.synthetic import write_cases  # noqa: E402
from catalogue.loader import load_catalogue  # noqa: E402
from catalogue.search import SearchIndex  # noqa: E402
from catalogue.vocabulary import load_vocabulary  # noqa: E402

#: What people type: single words, labels, places, synonyms, typos, joined and split words, no hits.
QUERIES = [
    "water",
    "Italy",
    "elderly",
    "timebank",
    "time bank",
    "mental helth",
    "co-delivery",
    "Sao Paulo",
    "participatory budgeting",
    "xylophone",
]


def measure(kind: str, count: int) -> tuple[float, int, list[tuple[str, float, float, int]]]:
    """Build time, distinct terms, and per query: first-ask time, repeat time (ms), cases found."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "cases"
        (write_clones if kind == "clones" else write_cases)(folder, count)
        os.environ["CATALOGUE_CACHE_DIR"] = str(Path(tmp) / "cache")
        cases = load_catalogue(folder).cases
        assert len(cases) == count
        vocabulary = load_vocabulary()
        start = time.perf_counter()
        index = SearchIndex(cases, vocabulary)
        build = time.perf_counter() - start
        rows = []
        for query in QUERIES:
            start = time.perf_counter()
            mask, scores = index.mask(query), index.scores(query)
            first = (time.perf_counter() - start) * 1000
            repeats = []
            for _ in range(5):
                start = time.perf_counter()
                index.mask(query), index.scores(query)
                repeats.append((time.perf_counter() - start) * 1000)
            assert scores[mask].min(initial=1) > 0
            rows.append((query, first, statistics.median(repeats), int(mask.sum())))
        return build, len(index._terms), rows


def main(argv: list[str]) -> None:
    count = int(argv[0]) if argv else 10_000
    print(f"cases: {count:,}, cores: {os.cpu_count()}, python {sys.version.split()[0]}")
    for kind in ("clones", "synthetic"):
        build, terms, rows = measure(kind, count)
        print(f"\n{kind} of {count:,} cases: index built in {build:.2f} s ({terms:,} distinct words and word pairs)\n")
        print("| query | first ask (ms) | asked again (ms) | cases found |")
        print("| --- | ---: | ---: | ---: |")
        for query, first, again, found in rows:
            print(f"| {query} | {first:.1f} | {again:.2f} | {found:,} |")
        firsts = [first for _, first, _, _ in rows]
        print(f"\nfirst ask: median {statistics.median(firsts):.1f} ms, max {max(firsts):.1f} ms (goal: <= 50 ms per query)")


if __name__ == "__main__":
    main(sys.argv[1:])
