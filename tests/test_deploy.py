"""Serving: production settings still see new case files, and 2 replicas behind nginx serve visitors.

The replicas and nginx are the real ones `make serve` starts (deploy/serve.py); visitors are a real
Chromium and the protocol-level load client of benchmarks/load_test.py. Only 127.0.0.1 is used.
"""

from __future__ import annotations

import asyncio
import gzip
import os
import re
import shutil
import subprocess
import time
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from benchmarks.load_test import CASE_ID, HEADLINE, SHARED_LINK, Visitor, crowd
from benchmarks.synthetic import write_cases
from deploy.serve import NGINX, Deployment, Replica, render, streamlit_static
from tests.conftest import VALID, screenshot, tick, wait_ready


def run_async(coroutine):
    """Run a coroutine in its own thread (Playwright's sync API keeps an event loop in this one)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def headline(url: str) -> tuple[int, int]:
    """(shown, total) on Explore without filters, as a fresh visitor sees it."""

    async def visit():
        visitor = Visitor(url)
        await visitor.open("/")
        try:
            return (await visitor.rerun()).headline
        finally:
            await visitor.close()

    return run_async(visit())


@pytest.mark.slow  # starts two real servers and waits for their reloads: in make test-all, not the fast loop
@pytest.mark.parametrize(
    "settings",
    [
        pytest.param([], id="production"),
        pytest.param(
            ["--server.fileWatcherType=auto", "--server.runOnSave=true", "--runner.postScriptGC=true"], id="make-dev"
        ),
    ],
)
def test_case_files_added_or_removed_on_disk_appear_without_a_restart(settings, case_dir, tmp_path):
    for path in VALID.glob("*.yaml"):
        shutil.copy(path, case_dir / path.name)
    count = len(list(case_dir.glob("*.yaml")))
    replica = Replica(env={"CATALOGUE_DIR": str(case_dir), "CATALOGUE_CACHE_DIR": str(tmp_path / "cache")}, extra_args=settings)
    try:
        assert headline(replica.url)[1] == count
        source = (VALID / "harbour-time-bank.yaml").read_text(encoding="utf-8")
        (case_dir / "harbour-time-bank-copy.yaml").write_text(
            source.replace("id: harbour-time-bank", "id: harbour-time-bank-copy"), encoding="utf-8"
        )
        deadline = time.monotonic() + 20
        while headline(replica.url)[1] != count + 1 and time.monotonic() < deadline:
            time.sleep(0.5)
        assert headline(replica.url)[1] == count + 1
        (case_dir / "harbour-time-bank-copy.yaml").unlink()
        deadline = time.monotonic() + 20
        while headline(replica.url)[1] != count and time.monotonic() < deadline:
            time.sleep(0.5)
        assert headline(replica.url)[1] == count
    finally:
        replica.stop()


def test_rendered_nginx_config_names_every_replica_and_the_frontend(tmp_path):
    text = render("/tmp/p", "127.0.0.1:9000", ["127.0.0.1:1", "127.0.0.1:2"], "/static-root", "/site-root")
    assert "@" not in re.sub(r"#.*", "", text)  # every placeholder filled
    assert text.count("max_fails=2 fail_timeout=10s") == 2
    assert "alias /static-root/static/;" in text and "alias /site-root/;" in text
    assert (streamlit_static() / "index.html").exists()


@pytest.mark.nginx
def test_the_images_nginx_config_passes_nginx_t(tmp_path):
    """The configuration the Dockerfile renders (logs to the container's output) is valid for Debian's nginx."""
    if not Path(NGINX).exists():
        pytest.skip(f"{NGINX} is not installed (apt-get install nginx)")
    (tmp_path / "tmp").mkdir()
    config = tmp_path / "nginx.conf"
    config.write_text(render(str(tmp_path), "127.0.0.1:9", ["127.0.0.1:9"], str(streamlit_static()), str(tmp_path), logs="/dev"))
    checked = subprocess.run([NGINX, "-t", "-p", str(tmp_path), "-e", "/dev/stderr", "-c", str(config)],
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    assert "access_log /dev/stdout" in config.read_text()


# --- two replicas behind nginx -------------------------------------------------------------

@pytest.fixture(scope="module")
def deployment(tmp_path_factory):
    if not Path(NGINX).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{NGINX} is missing: .ci/run should have installed Debian's nginx")
        pytest.skip(f"{NGINX} is not installed (apt-get install nginx)")
    folder = tmp_path_factory.mktemp("deploy-cases")
    write_cases(folder, 60)
    env = {"CATALOGUE_DIR": str(folder), "CATALOGUE_CACHE_DIR": str(tmp_path_factory.mktemp("deploy-cache"))}
    running = Deployment(2, env=env)
    yield running
    running.stop()


def access_log(deployment) -> list[dict]:
    pattern = re.compile(r'"(\w+) (\S+) [^"]*" (\d+) (\d+) upstream=(\S+) visitor=(\w+)')
    rows = []
    for line in deployment.proxy.access_log.read_text().splitlines():
        found = pattern.search(line)
        if found:
            method, path, status, sent, upstream, visitor = found.groups()
            rows.append({"path": path, "status": int(status), "bytes": int(sent), "upstream": upstream, "visitor": visitor})
    return rows


@pytest.mark.nginx
def test_static_assets_come_from_nginx_compressed_and_cached(deployment):
    page = urllib.request.urlopen(f"{deployment.url}/").read().decode()
    script = re.search(r'src="\./(static/js/index\.[^"]+\.js)"', page)[1]
    request = urllib.request.Request(f"{deployment.url}/{script}", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        body = response.read()
        assert response.headers["Content-Encoding"] == "gzip"
        assert "immutable" in response.headers["Cache-Control"]
    assert gzip.decompress(body) == (streamlit_static() / script).read_bytes()
    assert access_log(deployment)[-1]["upstream"] == "-"  # served by nginx, not a replica
    assert urllib.request.urlopen(f"{deployment.url}/_stcore/health").read() == b"ok"


@pytest.mark.nginx
@pytest.mark.browser
def test_a_visitor_filters_and_opens_a_case_through_the_proxy(deployment, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    try:
        page.goto(f"{deployment.url}/?{SHARED_LINK}")
        wait_ready(page)
        shown, total = map(int, HEADLINE.search(page.get_by_text(HEADLINE).first.inner_text()).groups())
        assert total == 60 and 0 < shown < total
        tick(page, "Sector", "Housing", "sector=housing")
        screenshot(page, "deploy-explore-filtered")
        narrowed = int(HEADLINE.search(page.get_by_text(HEADLINE).first.inner_text())[1])
        assert narrowed < shown
        page.goto(f"{deployment.url}/case?id={CASE_ID}")
        wait_ready(page)
        assert page.get_by_role("heading", name="Synthetic case 1", exact=True).count() == 1
        assert page.locator('[data-testid="stException"]').count() == 0
        screenshot(page, "deploy-case")
    finally:
        context.close()
    deadline = time.monotonic() + 10  # nginx logs a websocket when it closes
    while True:
        rows = [r for r in access_log(deployment) if r["upstream"] != "-"]
        streams = [r for r in rows if r["path"] == "/_stcore/stream"]
        if len(streams) >= 2 or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert len(streams) == 2  # the two page loads; the filter change reran over the open websocket
    assert streams[0]["visitor"] == streams[1]["visitor"]
    assert len({r["upstream"] for r in rows if r["visitor"] == streams[0]["visitor"]}) == 1  # one replica throughout


@pytest.mark.nginx
def test_visitors_spread_over_both_replicas_and_stay_on_theirs(deployment):
    before = len(access_log(deployment))
    outcomes, _ = run_async(crowd(deployment.url, 30, "full", 240))
    assert [o.error for o in outcomes if o.error] == []
    time.sleep(1)  # nginx logs a websocket when it closes
    rows = [r for r in access_log(deployment)[before:] if r["upstream"] != "-"]
    upstreams_of = defaultdict(set)
    for r in rows:
        upstreams_of[r["visitor"]].add(r["upstream"])
    streams = [r for r in rows if r["path"] == "/_stcore/stream"]
    assert len(streams) == 30
    assert all(len(upstreams_of[r["visitor"]]) == 1 for r in streams), "a visitor changed replica"
    per_replica = defaultdict(int)
    for r in streams:
        per_replica[r["upstream"]] += 1
    assert sorted(per_replica) == sorted(f"127.0.0.1:{r.port}" for r in deployment.replicas)
    assert min(per_replica.values()) >= 5, per_replica
