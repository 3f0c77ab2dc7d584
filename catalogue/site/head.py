"""What goes in a page's head besides the title: schema.org JSON-LD, safely embedded in HTML."""

from __future__ import annotations

import json
from collections.abc import Sequence

from markupsafe import Markup

from catalogue.presentation import countries_label
from catalogue.schema import Case
from catalogue.vocabulary import Vocabulary

CATALOGUE_NAME = "Co-production case catalogue"
_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(data: object) -> Markup:
    """JSON for a <script> element: '<', '>' and '&' escaped, so case text can never close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in _UNSAFE.items():
        text = text.replace(char, escaped)
    return Markup(text)


def _drop_none(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, [], "")}


def case_ld(case: Case, vocabulary: Vocabulary, url: str | None, licence_url: str) -> dict:
    """A case as a schema.org Article about the service, with its places and cited sources."""
    return _drop_none(
        {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": case.title,
            "name": case.title,
            "description": case.summary,
            "url": url,
            "dateModified": case.last_reviewed.isoformat(),
            "inLanguage": "en",
            "license": licence_url,
            "keywords": [
                *(vocabulary.label("types", key) for key in case.types),
                *(vocabulary.label("sectors", key) for key in case.sectors),
                *case.tags,
            ],
            "about": {"@type": "Thing", "name": case.title, "description": case.summary},
            "contentLocation": [
                {
                    "@type": "Place",
                    "name": location.name,
                    "geo": {"@type": "GeoCoordinates", "latitude": location.lat, "longitude": location.lon},
                }
                for location in case.locations
            ],
            "spatialCoverage": countries_label(case),
            "temporalCoverage": f"{case.started}/{case.ended or '..'}" if case.started else None,
            "citation": [
                _drop_none(
                    {"@type": "CreativeWork", "name": s.title, "url": s.url, "publisher": s.publisher, "datePublished": s.year}
                )
                for s in case.sources
            ],
            "isPartOf": {"@type": "Dataset", "name": CATALOGUE_NAME},
        }
    )


def listing_ld(name: str, description: str, url: str | None, parts: Sequence[tuple[str, str | None]]) -> dict:
    """A page listing cases (a collection or a type) as a schema.org CollectionPage."""
    return _drop_none(
        {
            "@context": "https://schema.org",
            "@type": "CollectionPage",
            "name": name,
            "description": description,
            "url": url,
            "isPartOf": {"@type": "Dataset", "name": CATALOGUE_NAME},
            "hasPart": [_drop_none({"@type": "Article", "name": title, "url": address}) for title, address in parts],
        }
    )


def catalogue_ld(description: str, url: str | None, licence_url: str, api_url: str | None, count: int) -> dict:
    """The catalogue itself as a schema.org Dataset, with its JSON API as a download."""
    return _drop_none(
        {
            "@context": "https://schema.org",
            "@type": "Dataset",
            "name": CATALOGUE_NAME,
            "description": description,
            "url": url,
            "license": licence_url,
            "size": f"{count} cases",
            "distribution": [
                _drop_none({"@type": "DataDownload", "encodingFormat": "application/json", "contentUrl": api_url})
            ]
            if api_url
            else [],
        }
    )


def page_ld(name: str, description: str) -> dict:
    """Any other page (the 404 page) as a schema.org WebPage."""
    return {"@context": "https://schema.org", "@type": "WebPage", "name": name, "description": description}
