"""Load test: many visitors at once, each speaking Streamlit's own protocol (no browsers).

A visitor does what the browser does (checked by recording a real Chromium's websocket frames):
``GET`` the page, ``GET /_stcore/health`` (which sets the ``_streamlit_xsrf`` cookie) and
``/_stcore/host-config``, opens the websocket ``/_stcore/stream`` with the subprotocols
``streamlit`` and the XSRF token, sends a ``BackMsg.rerun_script`` (a ``ClientState`` with the
query string, page name and widget states) and reads ``ForwardMsg``s until ``script_finished``.

Journey (``--journey full``): open a shared Explore link (``/?type=co-delivery``) and wait for the
headline ("Showing N of M cases"); change a filter (open the sidebar's closed Sector section, then choose its first
toggle, each sent with the other widgets' states exactly as the browser sends them after a click); open a case
(``/case?id=...``); open Compare.
``--journey link`` stops after the headline; ``--journey browse`` leaves out Compare.
The client itself costs little, so the figures describe the server: errors, time to the
headline (median, 95th percentile), time to a finished first run, server CPU per visitor and
server memory (from /proc of the server's processes).

Bounded: at most ``MAX_VISITORS`` visitors, every step times out, the whole run stops after
``--seconds``; only 127.0.0.1 is ever contacted.

    python benchmarks/load_test.py [--visitors 100 200] [--cases 1000] [--journey full|link]
    python benchmarks/load_test.py --soak 2000 [--cases 1000]       # sequential sessions, memory
    python benchmarks/load_test.py --browser                        # one real cold browser visit
    python benchmarks/load_test.py --proxy --replicas 2             # through nginx (deploy/)
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402
from websockets.asyncio.client import connect  # noqa: E402

MAX_VISITORS = 1000
STEP_TIMEOUT = 90.0
HEADLINE = re.compile(r"Showing (\d+) of (\d+) cases")
SHARED_LINK = "type=co-delivery"
CASE_ID = "synthetic-case-00001"


class LoadError(Exception):
    """A visitor's step went wrong (an error for the report)."""


def _loopback(base: str) -> tuple[str, int]:
    parts = urllib.parse.urlsplit(base)
    if parts.hostname != "127.0.0.1":
        raise ValueError(f"the load client only talks to 127.0.0.1, not {parts.hostname}")
    return parts.hostname, parts.port or 80


async def http_get(base: str, path: str, cookies: dict[str, str], gzip: bool = True) -> tuple[int, dict[str, str], bytes]:
    """A minimal HTTP/1.1 GET to 127.0.0.1; records the cookies the response sets."""
    host, port = _loopback(base)
    reader, writer = await asyncio.open_connection(host, port)
    try:
        cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
        request = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n"
        if gzip:
            request += "Accept-Encoding: gzip\r\n"
        if cookie:
            request += f"Cookie: {cookie}\r\n"
        writer.write((request + "\r\n").encode())
        await writer.drain()
        raw = await reader.read()
    finally:
        writer.close()
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
        if name.lower() == "set-cookie":
            key, _, rest = value.strip().partition("=")
            cookies[key] = rest.split(";", 1)[0]
    return status, headers, body


@dataclass
class Run:
    """What one script run sent back."""

    seconds: float
    headline: tuple[int, int] | None = None
    headline_at: float | None = None
    texts: list[str] = field(default_factory=list)
    #: Checkboxes by widget key: (widget id, whether it is ticked).
    #: Sets of toggles (st.pills) by widget key: (widget id, option labels, chosen labels).
    toggles: dict[str, tuple[str, list[str], list[str]]] = field(default_factory=dict)
    #: The sidebar's sections (expanders that draw their widgets only while open) by label: widget id.
    sections: dict[str, str] = field(default_factory=dict)
    charts: int = 0
    page_hash: str = ""


class Visitor:
    """One browser tab's worth of protocol: a page load, then reruns over one websocket."""

    def __init__(self, base: str):
        self.base = base.rstrip("/")
        self.cookies: dict[str, str] = {}
        self.ws = None
        self.start = 0.0

    async def open(self, path: str) -> None:
        """Load the page as the browser does and open the websocket."""
        self.start = time.perf_counter()
        for step in (path, "/_stcore/health", "/_stcore/host-config"):
            status, _, _ = await http_get(self.base, step, self.cookies)
            if status != 200:
                raise LoadError(f"GET {step}: HTTP {status}")
        xsrf = self.cookies.get("_streamlit_xsrf")
        if not xsrf:
            raise LoadError("no _streamlit_xsrf cookie")
        host, port = _loopback(self.base)
        self.ws = await connect(
            f"ws://{host}:{port}/_stcore/stream",
            subprotocols=["streamlit", xsrf],
            origin=f"http://{host}:{port}",
            additional_headers={"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())},
            max_size=None,
            open_timeout=STEP_TIMEOUT,
            compression=None,
            ping_interval=None,  # a browser sends no websocket pings; Streamlit's frontend relies on the server's
        )

    async def rerun(self, query: str = "", page: str = "", page_hash: str = "", widgets: list | None = None) -> Run:
        """Send a rerun like the browser does and read until the run has finished."""
        message = BackMsg()
        state = message.rerun_script
        state.query_string = query
        state.page_name = page
        state.page_script_hash = page_hash
        state.widget_states.SetInParent()
        for widget_id, value in widgets or []:
            widget = state.widget_states.widgets.add()
            widget.id = widget_id
            if isinstance(value, bool):
                widget.bool_value = value
            else:
                widget.string_array_value.data.extend(value)
        info = state.context_info
        info.timezone, info.timezone_offset, info.locale = "UTC", 0, "en-US"
        info.url = f"{self.base}/{page}"
        info.is_embedded, info.color_scheme = False, "light"
        sent = time.perf_counter()
        await self.ws.send(message.SerializeToString())
        run = Run(seconds=0.0)
        async with asyncio.timeout(STEP_TIMEOUT):
            async for raw in self.ws:
                msg = ForwardMsg()
                msg.ParseFromString(raw)
                kind = msg.WhichOneof("type")
                if kind == "delta":
                    self._read_delta(msg, run)
                elif kind == "page_not_found":
                    raise LoadError(f"page not found: {page}")
                elif kind == "script_finished":
                    status = ForwardMsg.ScriptFinishedStatus.Name(msg.script_finished)
                    if status == "FINISHED_EARLY_FOR_RERUN":
                        continue
                    if status != "FINISHED_SUCCESSFULLY":
                        raise LoadError(status)
                    run.page_hash = msg.metadata.active_script_hash
                    run.seconds = time.perf_counter() - sent
                    return run
        raise LoadError("websocket closed before the run finished")

    def _read_delta(self, msg: ForwardMsg, run: Run) -> None:
        delta = msg.delta
        if delta.WhichOneof("type") == "add_block":
            block = delta.add_block
            if block.WhichOneof("type") == "expandable" and block.id:
                run.sections[block.expandable.label.split(" (")[0]] = block.id
            return
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        if kind == "exception":
            raise LoadError(f"exception shown: {element.exception.type}")
        if kind == "markdown":
            run.texts.append(element.markdown.body)
            found = HEADLINE.search(element.markdown.body)
            if found and run.headline is None:
                run.headline = (int(found[1]), int(found[2]))
                run.headline_at = time.perf_counter()
        elif kind == "heading":
            run.texts.append(element.heading.body)
        elif kind == "button_group":
            group = element.button_group
            labels = [option.content for option in group.options]
            chosen = list(group.raw_values) if group.set_value else [labels[i] for i in group.default]
            run.toggles[group.id.rsplit("-", 1)[-1]] = (group.id, labels, chosen)
        elif kind == "plotly_chart":
            run.charts += 1

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()


@dataclass
class Outcome:
    headline: float | None = None
    first_run: float | None = None
    journey: float | None = None
    error: str | None = None


async def journey(base: str, kind: str = "full", case_id: str = CASE_ID) -> Outcome:
    """One visitor: shared link, filter change, a case, Compare. Every failure becomes ``error``."""
    outcome = Outcome()
    visitor = Visitor(base)
    try:
        await visitor.open(f"/?{SHARED_LINK}")
        first = await visitor.rerun(query=SHARED_LINK)
        if first.headline is None:
            raise LoadError("no headline on Explore")
        outcome.headline = first.headline_at - visitor.start
        outcome.first_run = time.perf_counter() - visitor.start
        if kind in ("browse", "full"):
            # A browser sends every widget's state: here the link's chosen type among the types' toggles.
            chosen_types = [(widget_id, chosen) for widget_id, _, chosen in first.toggles.values() if chosen]
            if not chosen_types or "Sector" not in first.sections:
                raise LoadError("no filter widgets in the sidebar")
            # The Sector section is closed on the link: the visitor opens it (a rerun), then picks a sector.
            opened = [*chosen_types, (first.sections["Sector"], True)]
            shown = await visitor.rerun(query=SHARED_LINK, page_hash=first.page_hash, widgets=opened)
            sector = shown.toggles.get("filter_sector")
            if sector is None:
                raise LoadError("the Sector section opened without its toggles")
            widget_id, labels, _ = sector
            chosen = (widget_id, labels[:1])  # a browser sends the chosen toggles' labels
            changed = await visitor.rerun(query=SHARED_LINK, page_hash=first.page_hash, widgets=[*opened, chosen])
            if changed.headline is None or changed.headline[0] > first.headline[0]:
                raise LoadError(f"filter change did not narrow the headline: {first.headline} -> {changed.headline}")
            case = await visitor.rerun(query=f"id={case_id}", page="case")
            if not any(text.startswith("Synthetic case") or case_id in text for text in case.texts):
                raise LoadError("case page without its title")
        if kind == "full":
            compare = await visitor.rerun(page="compare")
            if "Compare" not in compare.texts:
                raise LoadError("Compare page without its title")
        outcome.journey = time.perf_counter() - visitor.start
    except (LoadError, OSError, TimeoutError, Exception) as exc:  # noqa: BLE001 - every failure is counted
        outcome.error = f"{type(exc).__name__}: {exc}"[:120]
    finally:
        try:
            await visitor.close()
        except Exception:  # noqa: BLE001
            pass
    return outcome


async def crowd(base: str, visitors: int, kind: str, seconds: float) -> tuple[list[Outcome], float]:
    """``visitors`` journeys started at the same moment; unfinished ones count as errors after ``seconds``."""
    if not 0 < visitors <= MAX_VISITORS:
        raise ValueError(f"visitors must be between 1 and {MAX_VISITORS}")
    start = time.perf_counter()
    tasks = [asyncio.create_task(journey(base, kind)) for _ in range(visitors)]
    done, pending = await asyncio.wait(tasks, timeout=seconds)
    for task in pending:
        task.cancel()
    outcomes = [t.result() for t in done] + [Outcome(error="run time limit") for _ in pending]
    return outcomes, time.perf_counter() - start


# --- the server's side, from /proc -------------------------------------------------------


def _tree(pid: int) -> list[int]:
    pids, queue = [], [pid]
    while queue:
        p = queue.pop()
        pids.append(p)
        try:
            for task in Path(f"/proc/{p}/task").iterdir():
                queue += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return pids


def rss_mb(pids: list[int]) -> float:
    """Resident memory of processes and their children, in MB."""
    total = 0
    for p in {c for pid in pids for c in _tree(pid)}:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def cpu_seconds(pids: list[int]) -> float:
    """User plus system CPU time used by processes and their children, in seconds."""
    total = 0
    for p in {c for pid in pids for c in _tree(pid)}:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


class PeakMemory(threading.Thread):
    """Samples memory every 0.2 s until stopped; keeps the peak."""

    def __init__(self, pids: list[int]):
        super().__init__(daemon=True)
        self.pids, self.peak, self.running = pids, 0.0, True

    def run(self) -> None:
        while self.running:
            self.peak = max(self.peak, rss_mb(self.pids))
            time.sleep(0.2)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(round(q * len(ordered))) - 1)] if ordered else float("nan")


def summarise(outcomes: list[Outcome]) -> dict:
    headlines = [o.headline for o in outcomes if o.headline is not None]
    firsts = [o.first_run for o in outcomes if o.first_run is not None]
    journeys = [o.journey for o in outcomes if o.journey is not None]
    errors = [o.error for o in outcomes if o.error]
    return {
        "errors": len(errors),
        "kinds": sorted({e.split(":")[0] for e in errors}),
        "first_error": errors[0] if errors else "",
        "median": statistics.median(headlines) if headlines else float("nan"),
        "p95": percentile(headlines, 0.95),
        "first_run_p95": percentile(firsts, 0.95),
        "journey_p95": percentile(journeys, 0.95),
    }


def measure(base: str, pids: list[int], visitors: int, kind: str, seconds: float, warm: Sequence[str] = ()) -> dict:
    """One crowd against a running server (``pids``: the processes whose CPU and memory count).

    One visit first to each address in ``warm`` (default: ``base``) builds the shared caches; behind
    the proxy that is every replica, since one visit through nginx reaches only one of them."""
    for address in warm or [base]:
        asyncio.run(crowd(address, 1, "link", seconds))
    time.sleep(1)
    idle = rss_mb(pids)
    monitor = PeakMemory(pids)
    monitor.start()
    cpu_before = cpu_seconds(pids)
    outcomes, elapsed = asyncio.run(crowd(base, visitors, kind, seconds))
    cpu = cpu_seconds(pids) - cpu_before
    monitor.running = False
    peak = max(monitor.peak, rss_mb(pids))
    return {"visitors": visitors, "idle_mb": idle, "load": os.getloadavg()[0], "peak_mb": peak, "elapsed": elapsed,
            "cpu_per_visitor": cpu / visitors, **summarise(outcomes)}


HEADER = (
    "| visitors at once | journey | errors | headline median (s) | headline p95 (s) | first run finished p95 (s) "
    "| journey p95 (s) | server CPU per visitor (s) | server memory idle → peak (MB) | wall time (s) "
    "| machine load after (1 min) |\n| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
)


def row(r: dict, kind: str) -> str:
    kinds = f" ({', '.join(r['kinds'])})" if r["kinds"] else ""
    return (
        f"| {r['visitors']} | {kind} | {r['errors']}{kinds} | {r['median']:.2f} | {r['p95']:.2f} | {r['first_run_p95']:.2f} "
        f"| {r['journey_p95']:.2f} | {r['cpu_per_visitor']:.3f} | {r['idle_mb']:.0f} → {r['peak_mb']:.0f} "
        f"| {r['elapsed']:.1f} | {r['load']:.1f} |"
    )


def soak(base: str, pids: list[int], sessions: int, seconds: float, kind: str) -> None:
    """Sequential sessions (connect, journey, leave); memory after the first 100 and at the end."""

    async def run() -> None:
        errors, start = 0, time.perf_counter()
        after_100 = None
        for i in range(1, sessions + 1):
            outcome = await journey(base, kind)
            errors += outcome.error is not None
            if i == min(100, sessions):
                after_100 = rss_mb(pids)
            if i % 500 == 0 or i == sessions:
                print(f"| {i:,} | {errors} | {rss_mb(pids):.0f} | {time.perf_counter() - start:.0f} |", flush=True)
            if time.perf_counter() - start > seconds:
                print(f"stopped at the time limit after {i:,} sessions", flush=True)
                break
        await asyncio.sleep(5)
        end = rss_mb(pids)
        _, _, body = await http_get(base, "/_stcore/metrics", {}, gzip=False)
        counts = dict(re.findall(r'^(active_sessions|session_events_total\{type="\w+"\}) (\d+)$', body.decode(), re.M))
        print(f"\nserver's own count (/_stcore/metrics): {counts}")
        print(f"journey: {kind}; after 100 sessions: {after_100:.0f} MB; after all: {end:.0f} MB; "
              f"growth {end - after_100:+.0f} MB (goal: within 100 MB); errors: {errors}")

    print("| sessions so far | errors | server memory (MB) | elapsed (s) |\n| ---: | ---: | ---: | ---: |", flush=True)
    asyncio.run(run())


def browser_visit(base: str, pids: list[int]) -> None:
    """One real Chromium visitor, cold (empty cache): time to the headline and bytes transferred."""
    from playwright.sync_api import sync_playwright

    from tests.conftest import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        client = page.context.new_cdp_session(page)
        client.send("Network.enable")
        transferred = []
        client.on("Network.loadingFinished", lambda e: transferred.append(e["encodedDataLength"]))
        cpu_before = cpu_seconds(pids)
        start = time.perf_counter()
        page.goto(f"{base}/?{SHARED_LINK}")
        page.get_by_text(HEADLINE).first.wait_for(timeout=STEP_TIMEOUT * 1000)
        took = time.perf_counter() - start
        # Everything the first view loads: the map's code is fetched after the headline shows.
        page.wait_for_selector('[data-testid="stDeckGlJsonChart"]', timeout=STEP_TIMEOUT * 1000)
        page.wait_for_timeout(5000)
        cpu = cpu_seconds(pids) - cpu_before
        cold = sum(transferred)
        page.goto(f"{base}/?{SHARED_LINK}")  # the same visitor comes back: its browser cache holds the frontend
        page.get_by_text(HEADLINE).first.wait_for(timeout=STEP_TIMEOUT * 1000)
        page.wait_for_selector('[data-testid="stDeckGlJsonChart"]', timeout=STEP_TIMEOUT * 1000)
        page.wait_for_timeout(5000)
        again = sum(transferred) - cold
        browser.close()
    print(f"one cold browser visitor: headline after {took:.2f} s; {cold / 1e6:.2f} MB transferred "
          f"(websocket frames not included); app server CPU {cpu:.2f} s; the same visitor again: {again / 1e3:.0f} kB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visitors", type=int, nargs="+", default=[100, 200])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--journey", choices=["full", "browse", "link"], default="full")
    parser.add_argument("--seconds", type=float, default=300, help="time limit per crowd (and for the soak)")
    parser.add_argument("--soak", type=int, default=0, help="run this many sequential sessions instead")
    parser.add_argument("--browser", action="store_true", help="also time one real cold browser visitor")
    parser.add_argument("--proxy", action="store_true", help="through nginx in front of --replicas replicas")
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--dev", action="store_true", help="with `make dev`'s settings (watcher and GC on)")
    args = parser.parse_args()

    from benchmarks.synthetic import write_cases
    from deploy.serve import Deployment, Replica

    with tempfile.TemporaryDirectory() as tmp:
        folder, cache = Path(tmp) / "cases", Path(tmp) / "cache"
        write_cases(folder, args.cases)
        env = {"CATALOGUE_DIR": str(folder), "CATALOGUE_CACHE_DIR": str(cache)}
        if args.proxy:
            target = Deployment(args.replicas, env=env)
            pids = [r.pid for r in target.replicas]
            where = f"{args.replicas} replicas behind nginx"
        else:
            extra = ["--server.fileWatcherType=auto", "--runner.postScriptGC=true"] if args.dev else []
            target = Replica(env=env, extra_args=extra)
            pids = [target.pid]
            where = "one server process" + (" (dev settings)" if args.dev else "")
        try:
            print(f"cases: {args.cases:,}, cores: {os.cpu_count()}, {where}, all traffic to 127.0.0.1", flush=True)
            if args.soak:
                soak(target.url, pids, args.soak, args.seconds, args.journey)
            else:
                print(HEADER, flush=True)
                for n in args.visitors:
                    warm = [replica.url for replica in target.replicas] if args.proxy else [target.url]
                    print(row(measure(target.url, pids, n, args.journey, args.seconds, warm), args.journey), flush=True)
            if args.browser:
                browser_visit(target.url, pids)
        finally:
            target.stop()


if __name__ == "__main__":
    main()
