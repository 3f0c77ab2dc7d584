"""Time `python -m catalogue validate FOLDER` on 10,000 files, cold (empty cache) and warm, as contributors run it.

Two folders: clones of the bundled cases (``benchmarks/clones.py``, the real files' shape)
and the synthetic cases (``benchmarks/synthetic.py``). Also times the in-process load
without any cache (``load_catalogue(folder, cache=False)``), which the app pays on a cold start.

Run: ``python benchmarks/bench_cli.py [N] [--repo PATH]`` (default 10000; ``--repo`` times another
checkout of this project with the same files, e.g. an older commit). Prints a Markdown table.
Goal (issue 14): 10,000 files in at most 2 s cold and 1 s warm through the command line, on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.clones import write_clones  # noqa: E402
from benchmarks.synthetic import write_cases  # noqa: E402


def timed(command: list[str], repo: Path, cache: Path) -> tuple[float, float, str]:
    """Wall and CPU seconds (this process's children: the command and its workers) and the summary line."""
    env = {**os.environ, "CATALOGUE_CACHE_DIR": str(cache), "PYTHONPATH": str(repo)}
    before = os.times()
    start = time.perf_counter()
    out = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=600)
    wall = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return wall, cpu, out.stdout.strip().splitlines()[-1]


def measure(folder: Path, repo: Path, runs: int = 3) -> dict[str, object]:
    """Cold and warm CLI runs (best of ``runs``), and the in-process load without a cache."""
    validate = [sys.executable, "-m", "catalogue", "validate", str(folder)]
    cold, warm = [], []
    for index in range(runs):
        with tempfile.TemporaryDirectory() as cache:
            cold.append(timed(validate, repo, Path(cache)))
            if index == 0:
                warm = [timed(validate, repo, Path(cache)) for _ in range(runs)]
    code = (
        "import time; from catalogue.loader import load_catalogue; t = time.perf_counter(); "
        f"c = load_catalogue({str(folder)!r}, cache=False); print(round(time.perf_counter() - t, 2), len(c.cases))"
    )
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "CATALOGUE_CACHE_DIR": cache, "PYTHONPATH": str(repo)}
        inproc = subprocess.run([sys.executable, "-c", code], cwd=repo, env=env, capture_output=True, text=True, timeout=600)
    best_cold, best_warm = min(cold), min(warm)
    return {
        "cold": best_cold[0],
        "cold_cpu": best_cold[1],
        "warm": best_warm[0],
        "warm_cpu": best_warm[1],
        "inproc": float(inproc.stdout.split()[0]),
        "summary": best_warm[2],
    }


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("count", nargs="?", type=int, default=10_000)
    parser.add_argument("--repo", type=Path, default=ROOT, help="checkout to time (default: this one)")
    args = parser.parse_args(argv)
    print(f"cores: {os.cpu_count()}, python {sys.version.split()[0]}, load average at start: {os.getloadavg()[0]:.1f}")
    print(
        "| files | shape | CLI cold (s) | cold CPU (s) | CLI warm (s) | warm CPU (s) | in-process, no cache (s) | output |"
    )
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |")
    with tempfile.TemporaryDirectory() as tmp:
        folders = {"clones of the bundled cases": Path(tmp) / "clones", "synthetic": Path(tmp) / "synthetic"}
        write_clones(folders["clones of the bundled cases"], args.count)
        write_cases(folders["synthetic"], args.count)
        for shape, folder in folders.items():
            r = measure(folder, args.repo.resolve())
            print(
                f"| {args.count:,} | {shape} | {r['cold']:.2f} | {r['cold_cpu']:.2f} | {r['warm']:.2f} | {r['warm_cpu']:.2f} "
                f"| {r['inproc']:.2f} | {r['summary']} |"
            )
    print(f"load average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
