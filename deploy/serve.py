"""Serve the dashboard as N replicas behind nginx, on loopback: ``make serve REPLICAS=2``.

Each replica is ``python -m streamlit run app.py`` with the production settings of
``.streamlit/config.toml`` on its own port; Debian's nginx runs unprivileged from a private
prefix (a temporary folder) rendered from ``deploy/nginx.conf.template``. Stop with Ctrl-C.

    python deploy/serve.py [--replicas 2] [--port 8080] [--first-replica-port 8601] [--site site]

The Dockerfile runs the same replica command (``replica_command``) and renders the same
template (``python deploy/serve.py --render ...``) for compose.yaml.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).resolve().parent / "nginx.conf.template"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
MIME_TYPES = "/etc/nginx/mime.types"
#: Compressible asset types that get a pre-compressed .gz beside them.
COMPRESSIBLE = {".js", ".css", ".json", ".svg", ".map", ".txt", ".html", ".wasm", ".ttf", ".otf"}


def streamlit_static() -> Path:
    """The installed Streamlit package's frontend folder (index.html, static/js, static/css...)."""
    return Path(importlib.util.find_spec("streamlit").origin).resolve().parent / "static"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def replica_command(port: int, address: str = "127.0.0.1", python: str = sys.executable) -> list[str]:
    """One replica. Production settings come from .streamlit/config.toml, so the command stays short."""
    return [python, "-m", "streamlit", "run", "app.py", f"--server.port={port}", f"--server.address={address}"]


def wait_healthy(url: str, seconds: float = 30, process: subprocess.Popen | None = None) -> None:
    """Poll ``url`` until it answers ``ok``; raise if it does not within ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode} before {url} answered")
        try:
            if urllib.request.urlopen(url, timeout=1).read().strip() == b"ok":
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer ok within {seconds:.0f} s")


def stop_group(process: subprocess.Popen) -> None:
    """Stop a process started in its own session, and its children."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


class Replica:
    """One ``streamlit run app.py`` on a loopback port, in its own process group."""

    def __init__(self, port: int | None = None, env: dict | None = None, extra_args: list[str] | None = None):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [*replica_command(self.port), *(extra_args or [])],
            cwd=ROOT,
            env={**os.environ, **(env or {})},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            wait_healthy(f"{self.url}/_stcore/health", process=self.process)
        except RuntimeError:
            self.stop()
            raise

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self) -> None:
        stop_group(self.process)


def precompress(source: Path, target: Path) -> Path:
    """Mirror ``source`` into ``target`` (symlinks) with a gzip copy beside each compressible file."""
    for path in source.rglob("*"):
        if not path.is_file():
            continue
        relative = path.relative_to(source)
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        (target / relative).symlink_to(path)
        if path.suffix in COMPRESSIBLE and path.stat().st_size >= 1024:
            with open(path, "rb") as raw, gzip.open(target / f"{relative}.gz", "wb", compresslevel=6) as packed:
                shutil.copyfileobj(raw, packed)
    return target


def render(prefix: str, listen: str, upstreams: list[str], static: str, site: str, logs: str | None = None) -> str:
    """The nginx configuration for these replicas (``host:port`` each); ``logs``: a folder (default: the prefix)."""
    servers = "\n".join(f"        server {u} max_fails=2 fail_timeout=10s;" for u in upstreams)
    values = {
        "@PREFIX@": prefix,
        "@LISTEN@": listen,
        "@UPSTREAMS@": servers,
        "@STATIC@": static,
        "@SITE@": site,
        "@MIME_TYPES@": MIME_TYPES,
        "@ACCESS_LOG@": f"{logs or prefix}/access.log" if logs != "/dev" else "/dev/stdout",
        "@ERROR_LOG@": f"{logs or prefix}/error.log" if logs != "/dev" else "/dev/stderr",
    }
    text = TEMPLATE.read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(key, value)
    return text


class Proxy:
    """Debian's nginx from a private prefix, listening on 127.0.0.1:``port``, in front of ``replicas``."""

    def __init__(self, replicas: list[str], port: int | None = None, site: Path | None = None):
        if not Path(NGINX).exists():
            raise FileNotFoundError(f"{NGINX} is missing (apt-get install nginx)")
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.prefix = Path(tempfile.mkdtemp(prefix="catalogue-nginx-"))
        (self.prefix / "tmp").mkdir()
        static = precompress(streamlit_static(), self.prefix / "static")
        site = (site or ROOT / "site").resolve()
        self.access_log = self.prefix / "access.log"
        self.config = self.prefix / "nginx.conf"
        self.config.write_text(
            render(str(self.prefix), f"127.0.0.1:{self.port}", replicas, str(static), str(site)), encoding="utf-8"
        )
        if os.geteuid() == 0:  # nginx's workers then run as nobody: they must reach the prefix
            os.chmod(self.prefix, 0o755)
        command = [NGINX, "-p", str(self.prefix), "-e", str(self.prefix / "error.log"), "-c", str(self.config)]
        checked = subprocess.run([*command, "-t"], capture_output=True, text=True)
        if checked.returncode:
            raise RuntimeError(f"nginx -t failed:\n{checked.stderr}")
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        try:
            wait_healthy(f"{self.url}/_stcore/health", process=self.process)
        except RuntimeError:
            self.stop()
            raise

    def stop(self) -> None:
        stop_group(self.process)
        shutil.rmtree(self.prefix, ignore_errors=True)


class Deployment:
    """N replicas plus nginx, all on loopback."""

    def __init__(self, replicas: int = 2, port: int | None = None, first_replica_port: int | None = None,
                 env: dict | None = None, site: Path | None = None):
        self.replicas: list[Replica] = []
        self.proxy: Proxy | None = None
        try:
            for i in range(replicas):
                self.replicas.append(Replica(first_replica_port + i if first_replica_port else None, env=env))
            self.proxy = Proxy([f"127.0.0.1:{r.port}" for r in self.replicas], port=port, site=site)
        except BaseException:
            self.stop()
            raise

    @property
    def url(self) -> str:
        return self.proxy.url

    def stop(self) -> None:
        if self.proxy:
            self.proxy.stop()
        for replica in self.replicas:
            replica.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--port", type=int, default=8080, help="where nginx listens on 127.0.0.1")
    parser.add_argument("--first-replica-port", type=int, default=8601)
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="static site served at /site/ (if present)")
    parser.add_argument("--render", action="store_true", help="only print the nginx configuration (for images)")
    parser.add_argument("--upstream", action="append", default=[], help="with --render: a replica host:port")
    parser.add_argument("--prefix", default="/tmp/nginx", help="with --render: nginx's writable folder")
    parser.add_argument("--static", default=None, help="with --render: the frontend folder nginx serves")
    parser.add_argument("--listen", default="8080", help="with --render: nginx's listen address")
    args = parser.parse_args()
    if args.render:
        static = args.static or str(streamlit_static())
        print(render(args.prefix, args.listen, args.upstream or ["app:8501"], static, str(args.site), logs="/dev"))
        return
    deployment = Deployment(args.replicas, args.port, args.first_replica_port, site=args.site)
    print(f"{args.replicas} replicas behind nginx: {deployment.url}  (Ctrl-C stops)", flush=True)
    try:
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        signal.signal(signal.SIGINT, signal.default_int_handler)  # Ctrl-C, even when started in the background
        while all(r.process.poll() is None for r in deployment.replicas) and deployment.proxy.process.poll() is None:
            time.sleep(1)
        print("a replica or nginx exited; stopping", file=sys.stderr)
    except KeyboardInterrupt:
        pass
    finally:
        deployment.stop()


if __name__ == "__main__":
    main()
