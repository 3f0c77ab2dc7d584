"""Dashboard speed at N synthetic cases: server-side rerun after a filter change, and browser time to headline.

Run: ``python benchmarks/bench_app.py [N]`` (default 10000). Goals (issue 3): rerun median at most 200 ms;
a browser opening / shows 'Showing N of M cases' within 4 s.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import write_cases  # noqa: E402

SECTOR_CHANGES = [["housing"], ["housing", "health"], [], ["mental-health"], ["education"], [], ["housing"], [], ["health"], []]


def rerun_times(folder: Path, cache: Path) -> list[float]:
    """Seconds per AppTest rerun after each filter change (the app's script, end to end)."""
    os.environ["CATALOGUE_DIR"], os.environ["CATALOGUE_CACHE_DIR"] = str(folder), str(cache)
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.run()
    times = []
    for sectors in SECTOR_CHANGES:
        at.sidebar.button_group(key="filter_sector").set_value(sectors)
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
    return times


def browser_times(folder: Path, cache: Path, visits: int = 3) -> list[float]:
    """Seconds from navigation to the headline, on a fresh server: first visit, then later visits."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT))
    from tests.conftest import CHROMIUM, CHROMIUM_ARGS, Server

    server = Server(folder, cache)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            times = []
            for _ in range(visits):
                page = browser.new_page()
                start = time.perf_counter()
                page.goto(server.url + "/")
                page.get_by_text("Showing").first.wait_for(timeout=60_000)
                times.append(time.perf_counter() - start)
                page.close()
            browser.close()
    finally:
        server.stop()
    return times


def main(argv: list[str]) -> None:
    count = int(argv[0]) if argv else 10000
    with tempfile.TemporaryDirectory() as tmp:
        folder, cache = Path(tmp) / "cases", Path(tmp) / "cache"
        write_cases(folder, count)
        reruns = rerun_times(folder, cache)
        visits = browser_times(folder, cache)
    print(f"cases: {count:,}, cores: {os.cpu_count()}")
    print(
        f"rerun after a filter change: median {statistics.median(reruns) * 1000:.0f} ms, "
        f"max {max(reruns) * 1000:.0f} ms over {len(reruns)} changes (goal: median <= 200 ms)"
    )
    print(
        f"browser to headline: first visit {visits[0]:.2f} s (fresh server, warm disk cache), "
        f"later visits {', '.join(f'{v:.2f}' for v in visits[1:])} s (goal: <= 4 s)"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
