"""Load test: concurrent browser sessions against the real server on localhost.

Each session opens Explore and waits for the headline, changes a filter, opens a case
page, then Compare. Bounded: every step times out, and the whole run stops after
``--seconds``. Reports errors, median and 95th percentile time to the headline, and the
server's peak memory (resident set of its process, sampled every 0.2 s).

Run: ``python benchmarks/load_test.py [--sessions 25 50] [--cases N]``. Only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import write_cases  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, Server  # noqa: E402

STEP_TIMEOUT_MS = 90_000
#: The clients share the server's two cores; without WebGL the browsers skip drawing maps
#: (the server still builds and sends them), so the figures describe the server, not the clients.
LIGHT_CLIENT_ARGS = [*CHROMIUM_ARGS, "--disable-webgl", "--disable-3d-apis", "--renderer-process-limit=8"]


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB (from /proc)."""
    total = 0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time a process has used, in seconds (from /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class PeakMemory(threading.Thread):
    """Samples a process's memory until stopped; keeps the peak."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.running = pid, 0.0, True

    def run(self) -> None:
        while self.running:
            self.peak = max(self.peak, rss_mb(self.pid))
            time.sleep(0.2)


async def session(browser, base: str, case_id: str, results: list, errors: list) -> None:
    """One visitor's path through the app."""
    context = await browser.new_context()
    page = await context.new_page()
    try:
        start = time.perf_counter()
        await page.goto(base + "/", timeout=STEP_TIMEOUT_MS)
        await page.get_by_text("Showing").first.wait_for(timeout=STEP_TIMEOUT_MS)
        results.append(time.perf_counter() - start)
        await page.goto(base + "/?sector=housing", timeout=STEP_TIMEOUT_MS)
        await page.get_by_text("Showing").first.wait_for(timeout=STEP_TIMEOUT_MS)
        await page.goto(f"{base}/case?id={case_id}", timeout=STEP_TIMEOUT_MS)
        await page.get_by_role("heading", level=1).first.wait_for(timeout=STEP_TIMEOUT_MS)
        await page.goto(base + "/compare?sector=housing", timeout=STEP_TIMEOUT_MS)
        await page.locator('[data-testid="stPlotlyChart"]').first.wait_for(timeout=STEP_TIMEOUT_MS)
        if await page.locator('[data-testid="stException"]').count():
            errors.append("exception shown")
    except Exception as exc:  # noqa: BLE001 - every failure counts as an error in the report
        errors.append(type(exc).__name__)
    finally:
        await context.close()


async def run_load(base: str, sessions: int, case_id: str, seconds: float) -> tuple[list[float], list[str], float]:
    from playwright.async_api import async_playwright

    results: list[float] = []
    errors: list[str] = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=LIGHT_CLIENT_ARGS)
        start = time.perf_counter()
        tasks = [asyncio.create_task(session(browser, base, case_id, results, errors)) for _ in range(sessions)]
        done, pending = await asyncio.wait(tasks, timeout=seconds)
        for task in pending:
            task.cancel()
            errors.append("run time limit")
        elapsed = time.perf_counter() - start
        await browser.close()
    return results, errors, elapsed


def measure(sessions: int, folder: Path, cache: Path, seconds: float) -> dict:
    server = Server(folder, cache)
    monitor = PeakMemory(server.process.pid)
    monitor.start()
    try:
        idle = rss_mb(server.process.pid)
        cpu_before = cpu_seconds(server.process.pid)
        results, errors, elapsed = asyncio.run(run_load(server.url, sessions, "synthetic-case-00001", seconds))
        server_cpu = cpu_seconds(server.process.pid) - cpu_before
    finally:
        monitor.running = False
        server.stop()
    ordered = sorted(results)
    p95 = ordered[max(0, int(round(0.95 * len(ordered))) - 1)] if ordered else float("nan")
    return {
        "sessions": sessions,
        "errors": len(errors),
        "kinds": sorted(set(errors)),
        "median": statistics.median(ordered) if ordered else float("nan"),
        "p95": p95,
        "peak_mb": monitor.peak,
        "idle_mb": idle,
        "elapsed": elapsed,
        "server_cpu": server_cpu,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, nargs="+", default=[25, 50])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder, cache = Path(tmp) / "cases", Path(tmp) / "cache"
        write_cases(folder, args.cases)
        print(f"cases: {args.cases:,}, cores: {os.cpu_count()}, all traffic to 127.0.0.1")
        print(
            "| sessions | errors | time to headline, median (s) | 95th percentile (s) "
            "| server memory idle → peak (MB) | wall time (s) | server CPU per session (s) |"
        )
        print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for n in args.sessions:
            r = measure(n, folder, cache, args.seconds)
            kinds = f" ({', '.join(r['kinds'])})" if r["kinds"] else ""
            print(
                f"| {n} | {r['errors']}{kinds} | {r['median']:.1f} | {r['p95']:.1f} "
                f"| {r['idle_mb']:.0f} → {r['peak_mb']:.0f} | {r['elapsed']:.0f} | {r['server_cpu'] / n:.2f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
