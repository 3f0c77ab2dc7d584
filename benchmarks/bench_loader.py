"""Time loading and validating N synthetic case files, cold and warm, against a pure-Python baseline.

Run: ``python benchmarks/bench_loader.py [N ...]`` (default 1000 10000). Prints a Markdown table.
Goal (issue 2): 10,000 files cold in at most 2 s, warm in at most 0.3 s, on 2 cores.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml  # noqa: E402

from benchmarks.synthetic import write_cases  # noqa: E402
from catalogue.loader import load_catalogue  # noqa: E402


def baseline(paths: list[Path]) -> float:
    """Pure-Python ``yaml.safe_load`` of every file, no validation: the reference loop."""
    start = time.perf_counter()
    for path in paths:
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    return time.perf_counter() - start


def measure(count: int) -> dict[str, float]:
    """Cold (empty cache), warm (cache hit) and baseline times for ``count`` files."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "cases"
        paths = write_cases(folder, count)
        os.environ["CATALOGUE_CACHE_DIR"] = str(Path(tmp) / "cache")
        start = time.perf_counter()
        cold = load_catalogue(folder)
        cold_s = time.perf_counter() - start
        assert len(cold.cases) == count, cold.errors[:3]
        disk_runs = [_fresh_process_load(folder) for _ in range(3)]
        memo_runs = []
        for _ in range(3):
            start = time.perf_counter()
            warm = load_catalogue(folder)
            memo_runs.append(time.perf_counter() - start)
        assert len(warm.cases) == count
        start = time.perf_counter()
        load_catalogue(folder, cache=False)
        nocache_s = time.perf_counter() - start
        base_s = baseline(paths)
    return {"cold": cold_s, "disk": min(disk_runs), "memo": min(memo_runs), "nocache": nocache_s, "baseline": base_s}


def _fresh_process_load(folder: Path) -> float:
    """Load time in a new process, so only the on-disk cache can help (imports not counted)."""
    code = (
        "import time; from catalogue.loader import load_catalogue; t = time.perf_counter(); "
        f"c = load_catalogue({str(folder)!r}); print(time.perf_counter() - t, len(c.cases))"
    )
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root, env=os.environ)
    return float(out.stdout.split()[0])


def main(argv: list[str]) -> None:
    counts = [int(a) for a in argv] or [1000, 10000]
    print(f"cores: {os.cpu_count()}, python {sys.version.split()[0]}")
    print(
        "| files | cold (s) | warm, new process (s) | warm, same process (s) | no cache (s) "
        "| pure-Python safe_load, no validation (s) | cold vs baseline |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for count in counts:
        r = measure(count)
        print(
            f"| {count:,} | {r['cold']:.2f} | {r['disk']:.2f} | {r['memo']:.3f} | {r['nocache']:.2f} "
            f"| {r['baseline']:.1f} | {r['baseline'] / r['cold']:.1f}x faster |"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
