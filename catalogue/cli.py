"""The command line: ``python -m catalogue validate|schema ...``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from catalogue.loader import REPO_ROOT, default_cases_dir, load_catalogue
from catalogue.schema import case_json_schema

SCHEMA_PATH = REPO_ROOT / "catalogue" / "case.schema.json"


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate case files and folders; exit 1 if any file is invalid."""
    paths = args.paths or [default_cases_dir()]
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        print(f"error: no such file or folder: {missing[0]}", file=sys.stderr)
        return 2
    catalogue = load_catalogue(paths, cache=not args.no_cache)
    shown = catalogue.problems if args.warnings else catalogue.errors
    for problem in sorted(shown, key=lambda p: (p.path, p.line, p.column)):
        problem = replace(problem, path=_display(problem.path))
        print(problem.format_github() if args.format == "github" else problem.format())
    invalid = len(catalogue.invalid_files)
    files = len(catalogue.files)
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
    return json.dumps(case_json_schema(), indent=2, ensure_ascii=False) + "\n"


def cmd_schema(args: argparse.Namespace) -> int:
    """Write the case JSON Schema (for editors) generated from the models."""
    text = render_schema()
    if args.check:
        current = SCHEMA_PATH.read_text(encoding="utf-8") if SCHEMA_PATH.exists() else ""
        if current != text:
            print(f"{SCHEMA_PATH.relative_to(REPO_ROOT)} is stale; run: python -m catalogue schema", file=sys.stderr)
            return 1
        return 0
    SCHEMA_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {SCHEMA_PATH.relative_to(REPO_ROOT)}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """All commands and their options, declared once (the docs test reads this too)."""
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; exit 0 on success, 1 on invalid data, 2 on a usage error."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    return int(args.handler(args))
