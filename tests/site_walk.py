"""Helpers to read a built static site as a crawler would: pages, links, ids, JSON-LD."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import html5lib

SVG = "{http://www.w3.org/2000/svg}"


def pages(out: Path) -> list[Path]:
    """Every HTML file of the site."""
    return sorted(out.rglob("*.html"))


def page_url(out: Path, path: Path, base: str) -> str:
    """The address a file is served at ('cases/x/index.html' -> base + 'cases/x/')."""
    relative = path.relative_to(out).as_posix()
    return base + (relative.removesuffix("index.html"))


def parse(path: Path):
    """Parse as HTML5 strictly: raises html5lib's ParseError on the first error.

    A page is parsed once per test process while it is unchanged (several tests walk the same
    built site, and html5lib takes most of their time); callers only read the tree."""
    stat = path.stat()
    return _parse(path, stat.st_mtime_ns, stat.st_size)


@functools.cache
def _parse(path: Path, mtime_ns: int, size: int):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(path.read_bytes())


def links(tree) -> list[str]:
    """Every href and src in a page, SVG's <image href> included."""
    found = []
    for element in tree.iter():
        for name in ("href", "src"):
            if element.get(name) is not None:
                found.append(element.get(name))
    return found


def ids(tree) -> set[str]:
    return {element.get("id") for element in tree.iter() if element.get("id")}


def json_ld(tree) -> list[object]:
    return [json.loads(s.text) for s in tree.iter("script") if s.get("type") == "application/ld+json"]


def local_file(out: Path, base: str, address: str) -> Path | None:
    """The file an address of the site resolves to, or None when it is outside the site."""
    if not address.startswith(base):
        return None
    relative = unquote(urlsplit(address).path)[len(urlsplit(base).path) :]
    target = out / relative
    return target / "index.html" if relative == "" or relative.endswith("/") else target


def resolve(page: str, href: str) -> str:
    return urljoin(page, href)
