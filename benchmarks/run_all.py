"""Run every benchmark and write benchmarks/RESULTS.md: machine, date, figures, goals and ratios.

Run: ``make bench`` (about 30 minutes on 2 cores). Each benchmark is its own script and can run alone.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "RESULTS.md"

RUNS = [
    (
        "Loading and validation (issue 2)",
        ["benchmarks/bench_loader.py", "1000", "10000"],
        "Goal: 10,000 files loaded and validated cold in at most 2 s; reloaded in at most 0.3 s when no file changed. "
        "Baseline: the same files through pure-Python `yaml.safe_load`, no validation.",
    ),
    (
        "Command line on 10,000 files (issue 14)",
        ["benchmarks/bench_cli.py", "10000"],
        "Goal: `python -m catalogue validate FOLDER` on 10,000 files in at most 2 s cold (empty cache) and 1 s warm, "
        "for clones of the bundled cases (their real shape) and the synthetic cases.",
    ),
    (
        "Dashboard (issue 3)",
        ["benchmarks/bench_app.py", "10000"],
        "Goal at 10,000 cases: a filter change reruns Explore in at most 200 ms (median); "
        "a browser shows the headline within 4 s.",
    ),
    (
        "Audience at once, 1,000 cases, one server process (issue 12)",
        ["benchmarks/load_test.py", "--visitors", "100", "200", "--cases", "1000", "--journey", "link", "--browser"],
        "Goals: 100 visitors opening a shared link at once: 0 errors, headline p95 <= 3 s; 200 at once: 0 errors, "
        "p95 <= 6 s; server CPU per visitor <= 0.06 s. Protocol-level visitors (benchmarks/load_test.py), "
        "then one real cold browser visitor.",
    ),
    (
        "Audience at once, 10,000 cases, one server process (issue 12)",
        ["benchmarks/load_test.py", "--visitors", "100", "200", "--cases", "10000", "--journey", "link"],
        "The same run at 10,000 cases (reported, no goal).",
    ),
    (
        "Whole journeys, 1,000 cases (issue 12)",
        ["benchmarks/load_test.py", "--visitors", "30", "--cases", "1000", "--journey", "full"],
        "Each visitor opens the shared link, changes a filter, opens a case and opens Compare.",
    ),
    (
        "Through nginx, 2 replicas, 1,000 cases (issue 12)",
        ["benchmarks/load_test.py", "--proxy", "--replicas", "2", "--visitors", "100", "200", "--cases", "1000",
         "--journey", "link", "--browser"],
        "deploy/serve.py: 2 replicas behind Debian's nginx on loopback. Goal for a cold visitor: at most 1 MB transferred.",
    ),
    (
        "Memory over 2,000 sequential sessions (issue 12)",
        ["benchmarks/load_test.py", "--soak", "2000", "--cases", "1000", "--journey", "browse", "--seconds", "1800"],
        "Goal: resident memory after 2,000 sessions within 100 MB of after the first 100; sessions that leave are freed.",
    ),
    (
        "Search",
        ["benchmarks/bench_search.py", "10000"],
        "Goal: free-text search (mask + scores, warm index) in at most 50 ms per query at 10,000 cases; "
        "the index build time is reported.",
    ),
    (
        "Static site (issue 13)",
        ["benchmarks/bench_site.py", "10000"],
        "Goal: the bundled catalogue builds in at most 2 s, 10,000 cases in at most 30 s; a case page weighs at most 60 KB.",
    ),
]


def machine() -> str:
    """The machine the figures were measured on."""
    memory = ""
    try:
        kb = int(next(line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")).split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GiB memory"
    except (OSError, StopIteration, ValueError):
        pass
    return f"{os.cpu_count()} cores{memory}, {platform.system()} {platform.machine()}, Python {platform.python_version()}"


def main() -> None:
    sections = []
    for title, command, goal in RUNS:
        start = time.perf_counter()
        result = subprocess.run([sys.executable, *command], cwd=ROOT, capture_output=True, text=True, timeout=1800)
        lines = [line for line in result.stdout.splitlines() if "ScriptRunContext" not in line]
        took = time.perf_counter() - start
        sections.append(f"## {title}\n\n{goal}\n\n`python {' '.join(command)}` ({took:.0f} s):\n\n" + "\n".join(lines) + "\n")
        print(f"done: {title} ({took:.0f} s)", file=sys.stderr)
    RESULTS.write_text(
        "# Benchmark results\n\n"
        f"Measured {dt.date.today().isoformat()} on {machine()} by `make bench` (`benchmarks/run_all.py`).\n"
        "Figures vary by a few per cent from run to run; the analysis below is in each issue's closing note.\n\n"
        + "\n".join(sections),
        encoding="utf-8",
    )
    print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
