"""Streamlit's own floor for a cold visitor through the proxy: what any Streamlit app costs to open.

An app of one Markdown line, served with this project's settings (``.streamlit/config.toml``,
static serving off: the app has no ``static/``) by one ``streamlit run`` behind the same nginx
configuration as ``deploy/`` (``deploy.serve.Proxy``), opened by one cold Chromium. It prints the
bytes transferred and the largest files: the figure the dashboard's cold visit (``load_test.py
--proxy --browser``) is to be read against (issue 12's target of 1 MB).

    python benchmarks/cold_floor.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deploy.serve import Proxy, free_port, stop_group, wait_healthy  # noqa: E402

APP = 'import streamlit as st\n\nst.markdown("#### Showing 1 of 1 cases")\n'


def main() -> None:
    from playwright.sync_api import sync_playwright

    from tests.conftest import CHROMIUM, CHROMIUM_ARGS

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "app.py").write_text(APP, encoding="utf-8")
        shutil.copytree(ROOT / ".streamlit", folder / ".streamlit")
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.enableStaticServing", "false"],
            cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
        try:
            wait_healthy(f"http://127.0.0.1:{port}/_stcore/health", process=server)
            proxy = Proxy([f"127.0.0.1:{port}"])
            try:
                with sync_playwright() as playwright:
                    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                    page = browser.new_page()
                    client = page.context.new_cdp_session(page)
                    client.send("Network.enable")
                    urls: dict[str, str] = {}
                    sizes: list[tuple[int, str]] = []
                    client.on("Network.responseReceived", lambda e: urls.__setitem__(e["requestId"], e["response"]["url"]))
                    client.on(
                        "Network.loadingFinished",
                        lambda e: sizes.append((e["encodedDataLength"], urls.get(e["requestId"], "?"))),
                    )
                    page.goto(f"{proxy.url}/")
                    page.get_by_text("Showing 1 of 1 cases").first.wait_for(timeout=60_000)
                    page.wait_for_timeout(5000)
                    browser.close()
            finally:
                proxy.stop()
        finally:
            stop_group(server)
    print(f"an app of one Markdown line, one cold visitor through nginx: {sum(s for s, _ in sizes) / 1e6:.2f} MB "
          f"in {len(sizes)} files (websocket frames not included); the largest:")
    for size, url in sorted(sizes, reverse=True)[:6]:
        print(f"  {size / 1e3:6.1f} kB  {url.rsplit('/', 1)[-1]}")


if __name__ == "__main__":
    main()
