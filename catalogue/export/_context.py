"""What an export says beyond its cases: the view it came from, the day, and where each case's page is."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from catalogue import clock, metadata
from catalogue.filters import Filters, describe
from catalogue.settings import DASHBOARD_URL, http_address, permalink, web_address
from catalogue.vocabulary import Vocabulary


@dataclass(frozen=True)
class Context:
    """The view an export was made from, the day it was made, and the dashboard's address.

    The dashboard's address is, in this order: ``dashboard`` (the command line's
    ``--base-url``), the ``CATALOGUE_DASHBOARD_URL`` setting, then ``reached_at`` (the
    address the browser used to reach the app, which passes it).
    """

    filters: Filters = Filters()
    generated: dt.date = field(default_factory=clock.today)
    dashboard: str | None = None
    reached_at: str | None = None

    def page(self, case_id: str) -> str:
        """The address of a case's page: the static site's if it is set, else the dashboard's, else ''."""
        base = http_address(self.dashboard) or web_address(DASHBOARD_URL) or http_address(self.reached_at)
        return permalink(case_id) or (f"{base}/case?{urlencode({'id': case_id})}" if base else "")

    def metadata(self, count: int, vocabulary: Vocabulary) -> dict[str, object]:
        """What a JSON export states about itself: the catalogue, its version and licence, the day, the view, the count."""
        return {
            "title": metadata.NAME,
            "version": metadata.version(),
            "license": metadata.LICENCE,
            "generated": self.generated.isoformat(),
            "count": count,
            "view": describe(self.filters, vocabulary),
            "filters": self.filters.to_query(),
        }
