"""The command line: ``python -m catalogue validate|schema ...``."""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from catalogue.settings import REPO_ROOT, cases_dir

# Each command imports what it needs when it runs, so `validate` starts without the export and docs code.

SCHEMA_PATH = REPO_ROOT / "catalogue" / "case.schema.json"
DOCS_PATH = REPO_ROOT / "docs" / "case-format.md"
COVERAGE_PATH = REPO_ROOT / "docs" / "coverage.md"
TEMPLATE_PATH = REPO_ROOT / "data" / "cases" / "_template.yaml"
SIMILAR_TITLE = 0.75


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate case files and folders; exit 1 if any file is invalid."""
    from catalogue.loader import check_catalogue, load_catalogue

    paths = args.paths or [cases_dir()]
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        print(f"error: no such file or folder: {missing[0]}", file=sys.stderr)
        return 2
    # The default check also covers the curated collections, which need the cases; files named need only problems.
    check = check_catalogue if args.paths else load_catalogue
    catalogue = check(paths, cache=not args.no_cache)
    problems = list(catalogue.problems)
    files = len(catalogue.files)
    invalid = len(catalogue.invalid_files)
    if not args.paths:
        from catalogue.curated import DEFAULT_COLLECTIONS_DIR, load_collections
        from catalogue.vocabulary import load_vocabulary

        collections, collection_problems = load_collections(DEFAULT_COLLECTIONS_DIR, catalogue.cases, load_vocabulary())
        problems += collection_problems
        files += len(collections) + len({p.path for p in collection_problems})
        invalid += len({p.path for p in collection_problems if p.severity == "error"})
    shown = problems if args.warnings else [p for p in problems if p.severity == "error"]
    for problem in sorted(shown, key=lambda p: (p.path, p.line, p.column)):
        problem = replace(problem, path=_display(problem.path))
        print(problem.format_github() if args.format == "github" else problem.format())
    summary = f"{files} files: {files - invalid} valid, {invalid} invalid"
    if args.warnings:
        summary += f", {len(catalogue.warnings)} warnings"
    print(summary if args.format == "text" else f"::notice::{summary}")
    return 1 if invalid else 0


def _display(path: str) -> str:
    """A path relative to the working folder when it lies inside it, as editors and CI expect."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def render_schema() -> str:
    """The JSON Schema text exactly as it is checked in."""
    from catalogue.schema import case_json_schema

    return json.dumps(case_json_schema(), indent=2, ensure_ascii=False) + "\n"


def _write_generated(path: Path, text: str, command: str, check: bool) -> int:
    """Write a generated file, or with check, exit 1 if the checked-in copy differs."""
    name = path.relative_to(REPO_ROOT)
    if check:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            print(f"{name} is stale; run: python -m catalogue {command}", file=sys.stderr)
            return 1
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"wrote {name}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    """Write the case JSON Schema (for editors) generated from the models."""
    return _write_generated(SCHEMA_PATH, render_schema(), "schema", args.check)


def cmd_docs(args: argparse.Namespace) -> int:
    """Write docs/case-format.md, the field reference, from the schema and vocabularies."""
    from catalogue.docs import render_docs

    return _write_generated(DOCS_PATH, render_docs(), "docs", args.check)


def cmd_new(args: argparse.Namespace) -> int:
    """Write a new case file from the template; never overwrite; warn about similar titles."""
    from catalogue.builder import slugify
    from catalogue.geography import country_codes, unknown_country_message
    from catalogue.loader import load_catalogue

    case_id = slugify(args.title)
    country = args.country.upper()
    if not case_id:
        print("error: the title gives no usable id; use letters or digits", file=sys.stderr)
        return 2
    if country not in country_codes():
        print(f"error: {unknown_country_message(args.country)}", file=sys.stderr)
        return 2
    folder = Path(args.dir) if args.dir else cases_dir()
    path = folder / f"{case_id}.yaml"
    if path.exists():
        print(f"error: {_display(str(path))} already exists; edit it instead", file=sys.stderr)
        return 1
    existing = load_catalogue(folder).cases if folder.exists() else ()
    for case in existing:
        if difflib.SequenceMatcher(None, case.title.lower(), args.title.lower()).ratio() >= SIMILAR_TITLE:
            print(f"warning: a similar case exists: {case.id} ({case.title}); is this a duplicate?", file=sys.stderr)
    text = (
        TEMPLATE_PATH.read_text(encoding="utf-8")
        .replace("__ID__", case_id)
        .replace("__TITLE__", json.dumps(args.title, ensure_ascii=False))
        .replace("__COUNTRY__", country)
        .replace("__TODAY__", dt.date.today().isoformat())
    )
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"wrote {_display(str(path))}: replace every FILL IN from your sources, then run")
    print(f"  python -m catalogue validate {_display(str(path))}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write exactly the cases a filter selects, in one format: the same bytes as the app's downloads."""
    from catalogue.export import Context, filename, render
    from catalogue.facets import FACETS
    from catalogue.filters import apply, parse_query
    from catalogue.loader import load_catalogue
    from catalogue.vocabulary import load_vocabulary

    catalogue = load_catalogue(args.cases or cases_dir())
    if catalogue.errors:  # like the app: export the valid cases, and say which files were left out
        names = ", ".join(_display(path) for path in catalogue.invalid_files)
        print(f"warning: left out {len(catalogue.invalid_files)} invalid case file(s): {names}", file=sys.stderr)
    vocabulary = load_vocabulary()
    query = {facet.key: getattr(args, facet.key) for facet in FACETS if getattr(args, facet.key)}
    query.update({k: [v] for k, v in (("q", args.q), ("from", args.year_from), ("to", args.year_to), ("match", args.match)) if v})
    parsed = parse_query(query, vocabulary, catalogue.cases)
    if parsed.ignored:
        print(f"error: not understood: {', '.join(parsed.ignored)}", file=sys.stderr)
        return 2
    cases = apply(catalogue.cases, parsed.filters)
    data = render(args.format, cases, vocabulary, Context(parsed.filters, dashboard=args.base_url))
    if args.output == "-":
        sys.stdout.buffer.write(data)
        return 0
    target = Path(args.output or filename(parsed.filters, vocabulary, args.format))
    target.write_bytes(data)
    print(f"wrote {target} ({len(cases)} cases)", file=sys.stderr)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    """Print the catalogue's coverage; write or check docs/coverage.md."""
    from catalogue.loader import load_catalogue
    from catalogue.stats import coverage, coverage_markdown, summary
    from catalogue.vocabulary import load_vocabulary

    catalogue = load_catalogue(args.cases or cases_dir())
    result = coverage(catalogue.cases, load_vocabulary())
    text = coverage_markdown(result)
    if args.check:
        current = COVERAGE_PATH.read_text(encoding="utf-8") if COVERAGE_PATH.exists() else ""
        if current != text:
            print(f"{_display(str(COVERAGE_PATH))} is stale; run python -m catalogue stats --write", file=sys.stderr)
            return 1
    elif args.write:
        COVERAGE_PATH.write_text(text, encoding="utf-8")
        print(f"wrote {_display(str(COVERAGE_PATH))}", file=sys.stderr)
    else:
        for title, rows in [
            ("Co-production type", result.by_type),
            ("World region", result.by_region),
            ("Sector", result.by_sector),
            ("Evidence", result.by_evidence),
            ("Sources per case", result.sources_per_case),
        ]:
            print(f"{title}: " + ", ".join(f"{row.label} {row.count}" for row in rows))
        print("Countries: " + ", ".join(f"{row.label} {row.count}" for row in result.by_country))
        for line in result.wanted:
            print(f"wanted: {line}")
    print(summary(result))
    return 0


def cmd_site(args: argparse.Namespace) -> int:
    """Write the static site: a page per case, collection and type, an index, sitemap, feed and JSON API."""
    import time

    from catalogue.curated import load_collections
    from catalogue.loader import DEFAULT_CASES_DIR, load_catalogue
    from catalogue.settings import DASHBOARD_URL, SITE_URL
    from catalogue.site.build import build_site
    from catalogue.site.dates import git_history
    from catalogue.vocabulary import load_vocabulary

    start = time.perf_counter()
    folder = Path(args.cases) if args.cases else cases_dir()
    if not folder.is_dir():
        print(f"error: no such folder: {folder}", file=sys.stderr)
        return 2
    base_url = args.base_url if args.base_url is not None else SITE_URL.value()
    dashboard_url = args.dashboard_url if args.dashboard_url is not None else DASHBOARD_URL.value()
    for name, url in (("--base-url", base_url), ("--dashboard-url", dashboard_url)):
        if url and not url.startswith(("https://", "http://")):
            print(f"error: {name} must be an http(s) address, not {url!r}", file=sys.stderr)
            return 2
    catalogue = load_catalogue(folder)
    if catalogue.errors:
        names = ", ".join(_display(path) for path in catalogue.invalid_files)
        print(f"warning: left out {len(catalogue.invalid_files)} invalid case file(s): {names}", file=sys.stderr)
    vocabulary = load_vocabulary()
    collections: dict = {}
    problems: list = []
    if folder.resolve() == DEFAULT_CASES_DIR.resolve():  # the curated collections name the bundled cases
        collections, problems = load_collections(None, catalogue.cases, vocabulary)
    if problems:
        print(f"warning: left out invalid collections ({len(problems)} problems; run validate)", file=sys.stderr)
    try:
        built = build_site(
            Path(args.out),
            catalogue,
            vocabulary,
            collections,
            base_url=base_url,
            dashboard_url=dashboard_url,
            history=git_history(folder),
        )
    except FileExistsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for case_id, unknown in sorted(built.unknown_citations.items()):
        print(f"warning: {case_id}: cites {', '.join(unknown)}, which name no source of the case", file=sys.stderr)
    if not base_url:
        print("note: no --base-url (or CATALOGUE_SITE_URL): pages carry no canonical addresses", file=sys.stderr)
    took = time.perf_counter() - start
    print(f"wrote {args.out}: {len(built.pages)} pages, {built.files} files, {len(catalogue.cases)} cases in {took:.1f} s")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """All commands and their options, declared once (the docs test reads this too)."""
    from catalogue.facets import COUNTRIES, FACETS  # light: the facets import no schema or data at import time

    parser = argparse.ArgumentParser(prog="python -m catalogue", description="Co-production case catalogue tools.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help="check case files; exit 1 if any is invalid")
    validate.add_argument("paths", nargs="*", type=Path, help="case files or folders (default: data/cases)")
    validate.add_argument("--format", choices=["text", "github"], default="text", help="output style (github: annotations)")
    validate.add_argument("--warnings", action="store_true", help="also list warnings, which never fail the check")
    validate.add_argument("--no-cache", action="store_true", help="re-read every file instead of reusing cached results")
    validate.set_defaults(handler=cmd_validate)

    schema = commands.add_parser("schema", help="write catalogue/case.schema.json from the models")
    schema.add_argument("--check", action="store_true", help="exit 1 if the checked-in schema is stale")
    schema.set_defaults(handler=cmd_schema)

    docs = commands.add_parser("docs", help="write docs/case-format.md from the schema and vocabularies")
    docs.add_argument("--check", action="store_true", help="exit 1 if the checked-in reference is stale")
    docs.set_defaults(handler=cmd_docs)

    export = commands.add_parser("export", help="write the (filtered) cases as csv, json, geojson or a data package")
    export.add_argument("--format", choices=["csv", "json", "geojson", "datapackage"], default="csv", help="output format")
    export.add_argument("--output", help="file to write ('-' for standard output; default: a name after the filter)")
    export.add_argument("--cases", type=Path, help="case folder (default: data/cases)")
    for facet in FACETS:
        what = "ISO country code" if facet is COUNTRIES else facet.label.lower()
        export.add_argument(f"--{facet.key}", action="append", metavar="VALUE", help=f"keep cases with this {what} (repeatable)")
    export.add_argument("--q", help="keep cases mentioning these words")
    export.add_argument("--from", dest="year_from", metavar="YEAR", help="keep cases active in or after this year")
    export.add_argument("--to", dest="year_to", metavar="YEAR", help="keep cases active in or before this year")
    export.add_argument("--match", choices=["any", "all"], help="with several --type: any (default) or all of them")
    export.add_argument(
        "--base-url",
        metavar="URL",
        help="the dashboard's address, for each case's page address (default: CATALOGUE_DASHBOARD_URL; "
        "CATALOGUE_SITE_URL, when set, gives the static site's pages instead)",
    )
    export.set_defaults(handler=cmd_export)

    stats = commands.add_parser("stats", help="print coverage by type, region, country, sector and evidence, and what is wanted")
    stats.add_argument("--cases", type=Path, help="case folder (default: data/cases)")
    stats.add_argument("--write", action="store_true", help="write docs/coverage.md")
    stats.add_argument("--check", action="store_true", help="exit 1 if docs/coverage.md is stale")
    stats.set_defaults(handler=cmd_stats)


    site = commands.add_parser("site", help="write the static site: case, collection and type pages, feed, sitemap, JSON API")
    site.add_argument("--out", default="site", help="folder to write into (default: site; cleared if an earlier build made it)")
    site.add_argument("--base-url", help="the site's public address, for canonical links (default: CATALOGUE_SITE_URL)")
    site.add_argument("--dashboard-url", help="the dashboard's address, for 'Explore' links (default: CATALOGUE_DASHBOARD_URL)")
    site.add_argument("--cases", type=Path, help="case folder (default: data/cases)")
    site.set_defaults(handler=cmd_site)

    new = commands.add_parser("new", help="start a case file from the template")
    new.add_argument("title", help="the case's title, e.g. 'Rushey Green Time Bank'")
    new.add_argument("--country", required=True, help="ISO 3166-1 alpha-2 code of its country, e.g. GB")
    new.add_argument("--dir", help="folder to write into (default: data/cases)")
    new.set_defaults(handler=cmd_new)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; exit 0 on success, 1 on invalid data, 2 on a usage error."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    return int(args.handler(args))
