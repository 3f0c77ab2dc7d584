"""The Atom feed of cases added or changed, newest first."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from catalogue.schema import Case
from catalogue.site.dates import History

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 50


@dataclass(frozen=True)
class Dated:
    """A case with when it was first published and last updated."""

    case: Case
    published: dt.datetime
    updated: dt.datetime


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def dated_cases(cases: Sequence[Case], history: dict[str, History]) -> list[Dated]:
    """Every case with its dates (git history where known, else last_reviewed), most recently updated first."""
    dated = []
    for case in cases:
        reviewed = _midnight(case.last_reviewed)
        known = history.get(f"{case.id}.yaml")
        published = known.added if known else reviewed
        updated = max(reviewed, known.changed) if known else reviewed
        dated.append(Dated(case, min(published, updated), updated))
    dated.sort(key=lambda item: (item.updated, item.case.id), reverse=True)
    return dated


def _stamp(when: dt.datetime) -> str:
    return when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def render_feed(dated: Sequence[Dated], title: str, base_url: str | None) -> bytes:
    """Atom XML bytes for the newest cases; links are absolute when the site's address is known."""
    ET.register_namespace("", ATOM)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        element.text = text
        return element

    prefix = base_url or ""
    feed = ET.Element(f"{{{ATOM}}}feed")
    sub(feed, "title", title)
    sub(feed, "subtitle", "Cases of co-produced public services added to the catalogue or changed.")
    sub(feed, "id", f"{base_url}feed.xml" if base_url else "urn:x-coproduction-catalogue:feed")
    sub(feed, "link", rel="self", href=f"{prefix}feed.xml", type="application/atom+xml")
    sub(feed, "link", rel="alternate", href=prefix or "./", type="text/html")
    sub(feed, "updated", _stamp(max((d.updated for d in dated), default=_midnight(dt.date(2000, 1, 1)))))
    author = sub(feed, "author")
    sub(author, "name", "Co-production case catalogue contributors")
    sub(feed, "rights", "CC-BY-4.0")
    for item in dated[:FEED_SIZE]:
        case = item.case
        entry = sub(feed, "entry")
        sub(entry, "title", case.title)
        sub(entry, "id", f"{base_url}cases/{case.id}/" if base_url else f"urn:x-coproduction-catalogue:case:{case.id}")
        sub(entry, "link", rel="alternate", href=f"{prefix}cases/{case.id}/", type="text/html")
        sub(entry, "published", _stamp(item.published))
        sub(entry, "updated", _stamp(item.updated))
        sub(entry, "summary", case.summary)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
