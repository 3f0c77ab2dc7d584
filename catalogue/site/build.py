"""Build the static site: one page per case, collection and co-production type, an index, and the rest.

Pages are Jinja2 templates with autoescaping on; every link between pages is relative, so
the site works under any base path. Absolute addresses (canonical, Open Graph, sitemap,
feed) need the site's public address, given by ``--base-url`` or ``CATALOGUE_SITE_URL``.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import shutil
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from catalogue.citations import Citations, case_citations
from catalogue.curated import Collection
from catalogue.loader import Catalogue
from catalogue.locator import locator_overlay_svg, world_svg
from catalogue.metadata import LICENCE
from catalogue.presentation import (
    case_facts,
    countries_label,
    labels,
    organisation_line,
    outcome_lines,
    places_label,
    source_details,
    years_label,
)
from catalogue.schema import Case
from catalogue.settings import case_file, edit_url, http_address
from catalogue.similar import similar_by_case
from catalogue.site import api, head
from catalogue.site.dates import History
from catalogue.site.feed import dated_cases, render_feed
from catalogue.site.markup import anchor, cited_html, paragraphs_html
from catalogue.site.sitemap import render_robots, render_sitemap
from catalogue.vocabulary import Vocabulary

HERE = Path(__file__).resolve().parent
#: A file the build leaves in its output folder, so a rebuild may clear that folder and no other.
MARKER = ".catalogue-site"
RECENT = 8
#: Threads writing files: creating thousands of small files waits on the disk, not the interpreter.
WRITERS = 4
#: From this many cases, case pages are rendered by worker processes (one per core, at most MAX_WORKERS).
PARALLEL_THRESHOLD = 1000
MAX_WORKERS = 4


@lru_cache(maxsize=1)
def _environment() -> Environment:
    """The templates, compiled once per process (and inherited by forked workers)."""
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
        auto_reload=False,  # templates do not change during a build: no stat per page
    )
    for name in env.list_templates():
        env.get_template(name)
    return env


def _base(url: str | None) -> str | None:
    """An http(s) address (``settings.http_address``) ending in '/', for joining page paths; or None."""
    base = http_address(url)
    return f"{base}/" if base else None


@dataclass
class Built:
    """What a build wrote: the pages (paths relative to the output folder) and what it noticed."""

    pages: list[str] = field(default_factory=list)
    files: int = 0
    unknown_citations: dict[str, tuple[str, ...]] = field(default_factory=dict)


class SiteBuilder:
    """Renders and writes every file of the site into one folder."""

    def __init__(self, out: Path, vocabulary: Vocabulary, base_url: str | None, dashboard_url: str | None):
        self.out = out
        self.vocabulary = vocabulary
        self.base_url = _base(base_url)
        self.dashboard_url = _base(dashboard_url)
        self.env = _environment()
        self.built = Built()
        self.writers = ThreadPoolExecutor(WRITERS, thread_name_prefix="site-writer")
        self.pending: list = []

    # --- addresses --------------------------------------------------------------------

    def absolute(self, path: str) -> str | None:
        """A page's public address, when the site's address is known."""
        return f"{self.base_url}{path}" if self.base_url else None

    def dashboard(self, page: str, query: Sequence[tuple[str, str]] = ()) -> str | None:
        """An address in the dashboard, when its address is known."""
        if not self.dashboard_url:
            return None
        return f"{self.dashboard_url}{page}" + (f"?{urlencode(list(query))}" if query else "")

    # --- writing ----------------------------------------------------------------------

    def write(self, path: str, data: bytes | str) -> None:
        """Write one file (in a writer thread); :meth:`finish` waits for them all and raises any error."""
        self.pending.append(self.writers.submit(_write, self.out / path, data))
        self.built.files += 1

    def finish(self) -> Built:
        self.writers.shutdown(wait=True)
        for future in self.pending:
            future.result()
        return self.built

    def page(
        self,
        path: str,
        template: str,
        *,
        title: str,
        description: str,
        ld: dict,
        og_type: str = "website",
        root: str | None = None,
        **context: object,
    ) -> None:
        """Render one page at ``path`` ('' for the index, 'cases/x/' for a folder page, '404.html').

        Links are relative to the page (``root`` leads back to the site's top) except where ``root``
        is given: the 404 page is served at any address, so it links from the site's address.
        """
        root = "../" * path.count("/") if root is None else root
        meta = {
            "title": title,
            "full_title": title if title == head.CATALOGUE_NAME else f"{title} · {head.CATALOGUE_NAME}",
            "description": description,
            "url": self.absolute(path) if path != "404.html" else None,
            "og_type": og_type,
            "json_ld": head.script_json(ld),
        }
        html = self.env.get_template(template).render(
            page=meta, root=root, home=root or "./", site_name=head.CATALOGUE_NAME, licence=LICENCE, **context
        )
        self.write(path + "index.html" if path.endswith("/") or path == "" else path, html)
        if path != "404.html":
            self.built.pages.append(path)


def _write(target: Path, data: bytes | str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def _case_rows(cases: Sequence[Case], vocabulary: Vocabulary) -> list[dict]:
    """What a listing shows of each case."""
    return [
        {
            "id": case.id,
            "title": case.title,
            "where": countries_label(case),
            "years": years_label(case),
            "types": labels(vocabulary, "types", case.types),
        }
        for case in cases
    ]


@dataclass(frozen=True)
class _Shared:
    """What every case page needs from the whole catalogue."""

    by_id: dict[str, Case]
    similar: dict[str, list[Case]]
    updated: dict[str, dt.datetime]


#: Set in the parent just before forking the case-page workers, which read it.
_JOB: tuple | None = None


def _case_pages_worker(start: int, stop: int) -> Built:
    """In a forked worker: render and write the case pages cases[start:stop]."""
    assert _JOB is not None, "set by build_site before the workers start"
    out, vocabulary, base_url, dashboard_url, cases, shared = _JOB
    site = SiteBuilder(out, vocabulary, base_url, dashboard_url)
    _case_pages(site, cases[start:stop], shared)
    return site.finish()


def _case_pages(site: SiteBuilder, cases: Sequence[Case], shared: _Shared) -> None:
    """Each case's page and its API document."""
    vocabulary = site.vocabulary
    types = vocabulary.terms("types")
    for case in cases:
        citations = case_citations(case)
        if citations.unknown:
            site.built.unknown_citations[case.id] = citations.unknown
        related = [shared.by_id[r] for r in case.related if r in shared.by_id]
        colour = vocabulary.type_colour(case.primary_type)
        site.page(
            f"cases/{case.id}/",
            "case.html",
            title=case.title,
            description=case.summary,
            og_type="article",
            ld=head.case_ld(case, vocabulary, site.absolute(f"cases/{case.id}/"), LICENCE["path"]),
            case=case,
            facts=[fact for fact in case_facts(case, vocabulary) if fact.label != "Co-production types"],
            types=[types[key] for key in case.types],
            description_html=paragraphs_html(case.description or "", citations),
            cited=partial(cited_html, citations=citations),
            outcomes=outcome_lines(case),
            numbers=citations.numbers,
            anchor=anchor,
            milestones=sorted(case.milestones, key=lambda m: m.year),
            organisations=[organisation_line(o, vocabulary) for o in case.organisations],
            sources=[(s, source_details(s)) for s in citations.ordered(case.sources)],
            locator=Markup(
                locator_overlay_svg(case, colour, "../../assets/world.svg", f"Locator map: {places_label(case, vocabulary)}")
            ),
            places=places_label(case, vocabulary),
            related=related,
            similar=[other for other in shared.similar[case.id] if other not in related],
            explore_similar=site.dashboard("", [("type", t) for t in case.types] + [("sector", s) for s in case.sectors]),
            in_dashboard=site.dashboard("case", [("id", case.id)]),
            edit=edit_url(case.id),
            file=case_file(case.id),
            updated=shared.updated[case.id],
        )
        site.write(f"api/cases/{case.id}.json", api.dumps(api.case_document(case)))


def build_site(
    out: Path,
    catalogue: Catalogue,
    vocabulary: Vocabulary,
    collections: dict[str, Collection],
    *,
    base_url: str | None = None,
    dashboard_url: str | None = None,
    history: dict[str, History] | None = None,
) -> Built:
    """Write the whole site into ``out`` (cleared first if an earlier build made it)."""
    out = Path(out)
    if out.exists():
        if (out / MARKER).exists():
            shutil.rmtree(out)
        elif any(out.iterdir()):
            raise FileExistsError(f"{out} is not empty and was not built by this command; choose another --out")
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("Built by `python -m catalogue site`; the next build clears this folder.\n", encoding="utf-8")

    cases = sorted(catalogue.cases, key=lambda case: case.title.lower())
    types = vocabulary.terms("types")
    dated = dated_cases(cases, history or {})
    shared = _Shared(catalogue.by_id, similar_by_case(catalogue.cases), {item.case.id: item.updated for item in dated})
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    parallel = len(cases) >= PARALLEL_THRESHOLD and workers > 1 and "fork" in multiprocessing.get_all_start_methods()
    world = world_svg()  # projects the outlines once, before any worker is forked
    _environment()
    if parallel:  # fork before this process starts any thread; the workers share everything computed so far
        global _JOB
        _JOB = (out, vocabulary, base_url, dashboard_url, cases, shared)
        size = -(-len(cases) // workers)
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
        futures = [pool.submit(_case_pages_worker, start, start + size) for start in range(0, len(cases), size)]
        _JOB = None

    site = SiteBuilder(out, vocabulary, base_url, dashboard_url)

    site.write("assets/site.css", (HERE / "assets" / "site.css").read_bytes())
    site.write("assets/world.svg", world)

    # the index, the list of all cases, and the 404 page
    type_counts = {key: sum(key in case.types for case in cases) for key in types}
    groups = [
        {"term": group, "types": [types[key] for key in vocabulary.types_in_group(group.key)]}
        for group in vocabulary.type_groups.values()
    ]
    collection_rows = [{"collection": c, "count": len(c.select(cases))} for c in collections.values()]
    description = (
        f"{len(cases)} cases of co-produced public services, where citizens and professionals design, deliver, "
        "govern and assess services together; each fact backed by a cited public source."
    )
    site.page(
        "",
        "index.html",
        title=head.CATALOGUE_NAME,
        description=description,
        ld=head.catalogue_ld(description, site.absolute(""), LICENCE["path"], site.absolute("api/cases.json"), len(cases)),
        count=len(cases),
        countries=len({code for case in cases for code in case.countries}),
        groups=groups,
        type_counts=type_counts,
        collections=collection_rows,
        recent=[item.case for item in dated[:RECENT]],
        explore=site.dashboard(""),
    )
    site.page(
        "cases/",
        "cases.html",
        title="All cases",
        description=f"All {len(cases)} cases in the co-production case catalogue, A to Z.",
        ld=head.listing_ld("All cases", "Every case in the catalogue.", site.absolute("cases/"), []),
        rows=_case_rows(cases, vocabulary),
    )
    site.page(
        "404.html",
        "404.html",
        title="Page not found",
        description="There is no page at this address in the co-production case catalogue.",
        ld=head.page_ld("Page not found", "There is no page at this address."),
        root=site.base_url or "/",
        inline_css=Markup((HERE / "assets" / "site.css").read_text(encoding="utf-8")),
    )

    # one page per co-production type
    for key, term in types.items():
        members = [case for case in cases if key in case.types]
        site.page(
            f"types/{key}/",
            "type.html",
            title=term.label,
            description=f"{term.label}: {term.definition} {len(members)} cases in the catalogue.",
            ld=head.listing_ld(term.label, term.definition, site.absolute(f"types/{key}/"), []),
            term=term,
            group=vocabulary.type_groups.get(str(term.extra.get("group", ""))),
            rows=_case_rows(members, vocabulary),
            explore=site.dashboard("", [("type", key)]),
        )

    # one page per collection
    for collection in collections.values():
        members = collection.select(cases)
        site.page(
            f"collections/{collection.id}/",
            "collection.html",
            title=collection.title,
            description=" ".join(collection.introduction.split())[:300],
            ld=head.listing_ld(
                collection.title,
                collection.introduction,
                site.absolute(f"collections/{collection.id}/"),
                [(c.title, site.absolute(f"cases/{c.id}/")) for c in members],
            ),
            collection=collection,
            introduction=paragraphs_html(collection.introduction, Citations({}, ())),
            members=members,
            explore=site.dashboard("", [("collection", collection.id)]),
        )

    # one page per case, and its API document: in worker processes for a large catalogue
    if parallel:
        for future in futures:
            built = future.result()
            site.built.pages += built.pages
            site.built.files += built.files
            site.built.unknown_citations.update(built.unknown_citations)
        pool.shutdown()
    else:
        _case_pages(site, cases, shared)

    site.write("api/cases.json", api.dumps(api.cases_document(catalogue.cases)))  # the order of the JSON download
    site.write("api/vocabulary.json", api.dumps(api.vocabulary_document(vocabulary)))
    site.write("feed.xml", render_feed(dated, head.CATALOGUE_NAME, site.base_url))
    lastmod = {f"cases/{case_id}/": when for case_id, when in shared.updated.items()}
    site.write("sitemap.xml", render_sitemap(site.built.pages, site.base_url, lastmod))
    site.write("robots.txt", render_robots(site.base_url))
    return site.finish()

