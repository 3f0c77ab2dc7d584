"""Time `python -m catalogue site` on the bundled catalogue and on N synthetic cases; weigh the case pages.

Run: ``python benchmarks/bench_site.py [N]`` (default 10000). Prints Markdown.
Goals (issue 13): the bundled catalogue builds in at most 2 s; 10,000 cases in at most 30 s on 2 cores;
a case page weighs at most 60 KB.
Each build is the whole command in a fresh process (start-up, imports, loading, git history, writing).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import write_cases  # noqa: E402


def build(out: Path, cases: Path | None, env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one `python -m catalogue site` run."""
    command = [sys.executable, "-m", "catalogue", "site", "--out", str(out), "--base-url", "https://example.org/catalogue/"]
    command += ["--dashboard-url", "https://dashboard.example.org/"]
    if cases:
        command += ["--cases", str(cases)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr}")
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def weights(out: Path) -> tuple[float, float, int]:
    """Median and largest case page (KB), and how many pages."""
    sizes = [path.stat().st_size / 1024 for path in (out / "cases").glob("*/index.html")]
    return statistics.median(sizes), max(sizes), len(sizes)


def main(argv: list[str]) -> None:
    count = int(argv[0]) if argv else 10000
    print(f"cores: {os.cpu_count()}, python {sys.version.split()[0]}")
    print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())} (other work on the machine slows wall times)")
    print(
        "| catalogue | cases | cold cache: wall (s) | CPU (s) | warm cache: wall (s) | CPU (s) | pages "
        "| case page median (KB) | largest (KB) |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        env = {**os.environ, "CATALOGUE_CACHE_DIR": str(tmp_path / "cache")}
        env.pop("CATALOGUE_DIR", None)
        runs = [("bundled (in its git checkout)", None, None)]
        if count:
            folder = tmp_path / "cases"
            write_cases(folder, count)
            runs.append(("synthetic (no git history)", folder, count))
        for label, cases, n in runs:
            out = tmp_path / "site"
            cold = build(out, cases, env)
            warm = min(build(out, cases, env) for _ in range(2))
            median, largest, pages = weights(out)
            total = sum(1 for _ in out.rglob("*.html"))
            n = n or pages
            print(
                f"| {label} | {n:,} | {cold[0]:.2f} | {cold[1]:.2f} | {warm[0]:.2f} | {warm[1]:.2f} | {total:,} "
                f"| {median:.1f} | {largest:.1f} |"
            )
        shared = sum((out / "assets" / name).stat().st_size for name in ("site.css", "world.svg")) / 1024
        print(f"\nshared assets, fetched once per visitor and cached: {shared:.0f} KB (site.css, world.svg)")


if __name__ == "__main__":
    main(sys.argv[1:])
