"""The results list: one page of cases at a time, each as a line a person can scan.

Explore shows the cases that pass the filters as links, a page at a time; the page
number lives in the address (``page=2``) like every other part of the view. Both the
page arithmetic and what one result line says are here, as plain data and text, so
that they are tested without a browser and read the same wherever a list is shown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from catalogue.presentation import labels, where_label, years_label
from catalogue.schema import Case
from catalogue.vocabulary import Vocabulary

_PAGE = re.compile(r"[1-9][0-9]{0,5}")  # ASCII digits only: '٣' is a decimal to Python, not to people
#: Results on one page of the list.
PER_PAGE = 20
#: The query key of the page number.
PAGE_KEY = "page"


def page_number(value: str | None) -> int:
    """The page asked for in the address: a whole number from 1; anything else is page 1."""
    text = (value or "").strip()
    return int(text) if _PAGE.fullmatch(text) else 1


@dataclass(frozen=True)
class Listing:
    """One page of results: its cases, and where it sits in the whole list."""

    cases: tuple[Case, ...]
    page: int
    pages: int
    total: int
    per_page: int

    @property
    def first(self) -> int:
        """The position (from 1) of the page's first case; 0 when there are none."""
        return (self.page - 1) * self.per_page + 1 if self.total else 0

    @property
    def last(self) -> int:
        """The position of the page's last case."""
        return self.first + len(self.cases) - 1 if self.total else 0

    @property
    def label(self) -> str:
        """'Cases 21 to 40 of 57', 'All 12 cases', '1 case' or 'No cases'."""
        if self.total == 0:
            return "No cases"
        if self.pages == 1:
            return "1 case" if self.total == 1 else f"All {self.total} cases"
        return f"Cases {self.first} to {self.last} of {self.total}"


def paginate(cases: Sequence[Case], page: int, per_page: int = PER_PAGE) -> Listing:
    """The given page of ``cases``; a page past the end shows the last page (the list may have shrunk)."""
    pages = max(1, -(-len(cases) // per_page))
    page = min(max(page, 1), pages)
    start = (page - 1) * per_page
    return Listing(tuple(cases[start : start + per_page]), page, pages, len(cases), per_page)


def result_facts(case: Case, vocabulary: Vocabulary) -> str:
    """The line under a result's title.

    'Italy: Latiano · since 2012 · Co-management, Co-delivery · Active · Documented evidence'
    """
    evidence = vocabulary.label("evidence", case.evidence)
    return " · ".join(
        [
            where_label(case),
            years_label(case),
            labels(vocabulary, "types", case.types),
            vocabulary.label("statuses", case.status),
            f"{evidence} evidence",
        ]
    )


def results_html(
    cases: Sequence[Case],
    vocabulary: Vocabulary,
    href: Callable[[Case], str],
    matched: Callable[[Case], Sequence[str]] | None = None,
) -> str:
    """One page of results as one HTML list: each title a link to its case, then its facts
    line, its summary and the words a search matched in it.

    Every text is escaped here (titles and summaries come from case files). ``href`` gives
    a case's address in the app; the link is marked ``data-app-link`` so the app opens it
    in the same session (see ``ui.components.APP_SCRIPT``); without script it is a plain link."""
    items = []
    for case in cases:
        words = matched(case) if matched else ()
        found = f' <span class="matches">Matches: {", ".join(f"<b>{escape(w)}</b>" for w in words)}</span>' if words else ""
        items.append(
            f'<li><a href="{escape(href(case))}" data-app-link>{escape(case.title)}</a>'
            f'<p class="facts">{escape(result_facts(case, vocabulary))}</p>'
            f'<p class="summary">{escape(case.summary)}{found}</p></li>'
        )
    return f'<ul class="results">{"".join(items)}</ul>'


def pager_html(listing: Listing, href: Callable[[int], str], top: str = "") -> str:
    """The previous and next page links and where this page sits, as one line of HTML ('' for one page).

    ``href`` gives the address of a page of the list by its number; the links are marked
    ``data-app-link`` like the results' (see ``results_html``), so they change the view within
    the app, and each is a real address a person can open in a new tab or share. ``top`` names
    the element the app brings into view with the new page (the list's heading)."""
    if listing.pages == 1:
        return ""

    def link(page: int, text: str, rel: str) -> str:
        return f'<a href="{escape(href(page))}" rel="{rel}" data-app-link="{escape(top)}">{text}</a>'

    previous = link(listing.page - 1, "‹ Previous page", "prev") if listing.page > 1 else "<span></span>"
    following = link(listing.page + 1, "Next page ›", "next") if listing.page < listing.pages else "<span></span>"
    where = f"<span>Page {listing.page} of {listing.pages}</span>"
    return f'<nav class="pager" aria-label="Pages of results">{previous}{where}{following}</nav>'
