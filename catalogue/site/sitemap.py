"""sitemap.xml and robots.txt."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"


def render_sitemap(pages: Sequence[str], base_url: str | None, lastmod: Mapping[str, dt.datetime]) -> bytes:
    """Every page's address (absolute when the site's address is known), with case pages' last change."""
    ET.register_namespace("", SITEMAP)
    urlset = ET.Element(f"{{{SITEMAP}}}urlset")
    for path in pages:
        url = ET.SubElement(urlset, f"{{{SITEMAP}}}url")
        ET.SubElement(url, f"{{{SITEMAP}}}loc").text = f"{base_url or ''}{path}" or "./"
        if path in lastmod:
            ET.SubElement(url, f"{{{SITEMAP}}}lastmod").text = lastmod[path].date().isoformat()
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"


def render_robots(base_url: str | None) -> str:
    """Allow every crawler; point at the sitemap when the site's address is known."""
    text = "User-agent: *\nAllow: /\n"
    return text + (f"Sitemap: {base_url}sitemap.xml\n" if base_url else "")
