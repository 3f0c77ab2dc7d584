"""Shared fixtures: real files on disk, an isolated cache, the bundled catalogue."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from catalogue.loader import DEFAULT_CASES_DIR, Catalogue, load_catalogue

# Property tests explore the same examples on every run: the suite stays deterministic.
settings.register_profile("deterministic", derandomize=True, print_blob=True)
settings.load_profile("deterministic")

FIXTURES = Path(__file__).resolve().parent / "fixtures"
VALID = FIXTURES / "valid"
INVALID = FIXTURES / "invalid"
VALID_CASE_TEXT = (VALID / "harbour-time-bank.yaml").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own cache folder, so no result leaks between tests."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("CATALOGUE_CACHE_DIR", str(folder))
    monkeypatch.delenv("CATALOGUE_DIR", raising=False)
    return folder


@pytest.fixture
def case_dir(tmp_path: Path) -> Path:
    """An empty case folder to write real files into."""
    folder = tmp_path / "cases"
    folder.mkdir()
    return folder


@pytest.fixture
def valid_dir(case_dir: Path) -> Path:
    """A case folder holding copies of the valid fixture cases."""
    for path in VALID.glob("*.yaml"):
        shutil.copy(path, case_dir / path.name)
    return case_dir


@pytest.fixture(scope="session")
def bundled() -> Catalogue:
    """The catalogue shipped in data/cases, loaded once."""
    return load_catalogue(DEFAULT_CASES_DIR, cache=False)


# --- real browser: `streamlit run` on a free port, driven by Debian's Chromium ------------

import os  # noqa: E402
import re  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import urllib.request  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
#: WebGL (the map) through Mesa's llvmpipe instead of Chromium's own SwiftShader: on this GPU-less
#: machine SwiftShader's GPU process spent 7-10 s of CPU on every page with the map (a few draws and
#: five shader programs: most likely compiling them), llvmpipe about a third of that, which nearly
#: halves the browser journeys' time. Used only when it works (`browser` checks).
LLVMPIPE_ARGS = ["--use-angle=gl-egl", "--ignore-gpu-blocklist"]
SOFTWARE_ARGS = ["--disable-gpu"]
WEBGL_RENDERER = """() => { const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return ''; const info = gl.getExtension('WEBGL_debug_renderer_info');
  return gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER); }"""
REPO = Path(__file__).resolve().parent.parent
SCREENSHOTS = REPO / "screenshots"
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A real `streamlit run app.py` in its own process group, on a free localhost port."""

    def __init__(self, cases_dir: Path, cache_dir: Path, app_dir: Path = REPO):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "CATALOGUE_DIR": str(cases_dir), "CATALOGUE_CACHE_DIR": str(cache_dir)}
        command = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless=true",
            f"--server.port={self.port}",
            "--server.address=127.0.0.1",
            "--browser.gatherUsageStats=false",
            "--server.fileWatcherType=none",
        ]
        self.process = subprocess.Popen(
            command, cwd=app_dir, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1).read() == b"ok":
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("streamlit did not become healthy within 30 s")

    def stop(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(self.process.pid, signal.SIGKILL)


HOSTILE_VALID = """id: tom-and-jerry-co-op
title: Tom & Jerry "co-op" <3 & more
summary: A test case whose text holds characters that HTML treats specially; it must show exactly as written.
countries: [GB]
locations:
  - name: A < B > C & D
    lat: 51.5
    lon: -0.1
    precision: city
types: [co-delivery]
type_evidence:
  co-delivery: {source: s, why: Members repair & "paint" homes <3 together.}
sectors: [housing]
status: active
evidence: anecdotal
sources:
  - id: s
    title: Source & "quotes"
    url: https://example.org/tom?a=1&b=2
    year: 2020
last_reviewed: 2024-01-01
"""

HOSTILE_INVALID = """id: hostile-markup
title: <img src=x onerror=alert(1)>
summary: "[click me](javascript:alert(2)) <script>alert(3)</script>"
countries: [GB]
locations:
  - name: <img src=x onerror=alert(4)>
    lat: 51.5
    lon: -0.1
    precision: city
types: [co-delivery]
sectors: [housing]
status: active
evidence: anecdotal
sources:
  - id: s
    title: t
    url: javascript:alert(5)
last_reviewed: 2024-01-01
"""


@pytest.fixture(scope="session")
def browser_cases(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A case folder for browser tests: the valid fixtures, a valid case with special characters, a hostile invalid file."""
    folder = tmp_path_factory.mktemp("browser-cases")
    for path in VALID.glob("*.yaml"):
        shutil.copy(path, folder / path.name)
    (folder / "tom-and-jerry-co-op.yaml").write_text(HOSTILE_VALID, encoding="utf-8")
    (folder / "hostile-markup.yaml").write_text(HOSTILE_INVALID, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def server(browser_cases: Path, tmp_path_factory: pytest.TempPathFactory):
    """The app served on localhost for the whole session."""
    running = Server(browser_cases, tmp_path_factory.mktemp("server-cache"))
    yield running
    running.stop()


@pytest.fixture(scope="session")
def bundled_server(tmp_path_factory: pytest.TempPathFactory):
    """The app served over the bundled cases (data/cases) for the whole session: the issue's exact journeys."""
    running = Server(REPO / "data" / "cases", tmp_path_factory.mktemp("bundled-cache"))
    yield running
    running.stop()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium through Playwright (never `playwright install`)."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run should have installed Debian's chromium")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + LLVMPIPE_ARGS)
        if "llvmpipe" not in webgl_renderer(launched):  # no Mesa EGL here: Chromium's own software WebGL
            launched.close()
            launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + SOFTWARE_ARGS)
        assert webgl_renderer(launched), "the map needs WebGL 2, and this Chromium offers none"
        yield launched
        launched.close()


def webgl_renderer(browser) -> str:
    """The WebGL 2 renderer a page of ``browser`` gets ('' when it has none)."""
    tab = browser.new_page()
    try:
        return tab.evaluate(WEBGL_RENDERER)
    finally:
        tab.close()


@pytest.fixture
def page(browser, server):
    """A fresh browser page that records dialogs; it fails the test on any Streamlit exception."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    tab.dialogs = []
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    yield tab
    try:
        shown = tab.locator('[data-testid="stException"]').all_inner_texts() if not tab.is_closed() else []
    finally:
        context.close()
    assert not shown, f"Streamlit showed an exception: {shown}"


@pytest.fixture
def bundled_page(browser, bundled_server):
    """Like ``page``, but for the bundled cases' server."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    tab.dialogs = []
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    yield tab
    try:
        shown = tab.locator('[data-testid="stException"]').all_inner_texts() if not tab.is_closed() else []
    finally:
        context.close()
    assert not shown, f"Streamlit showed an exception: {shown}"


HEADLINE = re.compile(r"Showing (\d+) of (\d+) cases")


def headline(page) -> tuple[int, int]:
    """The two numbers of the Explore headline "Showing N of M cases"."""
    text = page.get_by_text(HEADLINE).first.inner_text()
    found = HEADLINE.search(text)
    assert found, text
    return int(found[1]), int(found[2])


def expected_count(folder: Path, query: dict[str, list[str]] | str) -> tuple[int, int]:
    """(matching, total) computed from the case files in ``folder`` for a URL query, as the headline should say."""
    from urllib.parse import parse_qs

    from catalogue.filters import apply, parse_query
    from catalogue.vocabulary import load_vocabulary

    if isinstance(query, str):
        query = parse_qs(query.lstrip("?"))
    catalogue = load_catalogue(folder, cache=False)
    parsed = parse_query(dict(query), load_vocabulary(), catalogue.cases)
    assert not parsed.ignored, f"the test's own query has values the catalogue does not know: {parsed.ignored}"
    return len(apply(catalogue.cases, parsed.filters)), len(catalogue.cases)


def open_app(page, server, path: str = "") -> None:
    """Open a path of the app and wait until the script has finished and nothing is loading."""
    page.goto(f"{server.url}/{path}")
    wait_ready(page)


def wait_ready(page) -> None:
    """Wait for the app to finish running (no skeletons, script not running)."""
    page.wait_for_selector(READY, timeout=30_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=30_000)
    page.wait_for_timeout(300)
    page.wait_for_selector(READY, timeout=30_000)


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot to the ignored screenshots/ folder, for a person to look at."""
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


class StaticServer:
    """A folder served by Python's http.server on a free localhost port, in a thread."""

    def __init__(self, folder: Path):
        import functools
        import http.server
        import threading

        class Quiet(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output clean
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# --- what a person does in the sidebar (shared by the journeys and the deployment test) ---


def settle(page, wanted: str | None = None) -> None:
    """Wait for the app to finish the run a click started (and, if given, for the address to hold ``wanted``)."""
    page.wait_for_timeout(150)
    wait_ready(page)
    if wanted is not None:
        page.wait_for_function("(w) => location.search.includes(w)", arg=wanted, timeout=10_000)
        wait_ready(page)


def sidebar(page):
    return page.locator('[data-testid="stSidebar"]')


def open_facet(page, title: str):
    """Open a facet's section in the sidebar (if closed) and return it."""
    section = sidebar(page).locator('[data-testid="stExpander"]').filter(
        has=page.locator("summary", has_text=re.compile(rf"{re.escape(title)}( \(\d+ chosen\))?$"))
    )
    if not section.evaluate("e => e.querySelector('details').open"):
        section.locator("summary").click()
    return section


def tick(page, facet: str, label: str, wanted: str) -> None:
    """Choose a value (a type's checkbox or another facet's toggle; its label shows a live count) by clicking it."""
    box = open_facet(page, facet).get_by_text(re.compile(rf"^{re.escape(label)} \(\d+\)$"))
    box.click()
    settle(page, wanted)
