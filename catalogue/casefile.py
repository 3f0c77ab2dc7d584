"""Validating one case file: its bytes or text, the schema, then the cross-field rules.

Never raises on bad input: everything wrong becomes a problem naming its line.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from catalogue.problems import problem, problem_at, validation_problems
from catalogue.reader import Document
from catalogue.results import FileResult
from catalogue.rules import ERROR_RULES, WARNING_RULES, run_rules
from catalogue.schema import Case
from catalogue.vocabulary import Vocabulary
from catalogue.yamlfile import read_yaml_bytes, read_yaml_file, read_yaml_text

SUFFIX = ".yaml"


def check_document(path: str, document: Document, vocabulary: Vocabulary, expected_id: str | None = None) -> FileResult:
    """Validate a read case document: the schema, then the cross-field rules."""
    try:
        case = Case.model_validate(document.data, context={"vocabulary": vocabulary})
    except ValidationError as exc:
        return FileResult(path, None, tuple(validation_problems(path, exc, document, Case)))
    problems = [problem_at(path, document, loc, message) for loc, message in run_rules(case, ERROR_RULES)]
    if expected_id is not None and case.id != expected_id:
        message = f"{case.id!r} does not match the file name; rename the file to {case.id}.yaml or set id: {expected_id}"
        problems.append(problem_at(path, document, ("id",), message))
    warnings = [problem_at(path, document, loc, message, "warning") for loc, message in run_rules(case, WARNING_RULES)]
    if problems:
        return FileResult(path, None, tuple(problems + warnings))
    related = tuple((other, *document.position(("related", index))) for index, other in enumerate(case.related))
    return FileResult(path, case, tuple(warnings), case.id, related)


def check_text(path: str, text: str, vocabulary: Vocabulary, expected_id: str | None = None) -> FileResult:
    """Validate the text of one case file: YAML, schema, then the cross-field rules."""
    document, problems = read_yaml_text(path, text)
    if document is None:
        return FileResult(path, None, tuple(problems))
    return check_document(path, document, vocabulary, expected_id)


def check_bytes(path: str, raw: bytes, vocabulary: Vocabulary, expected_id: str | None = None) -> FileResult:
    """Validate the bytes of one case file (an upload, say), refusing what is not a small UTF-8 text file."""
    document, problems = read_yaml_bytes(path, raw)
    if document is None:
        return FileResult(path, None, tuple(problems))
    return check_document(path, document, vocabulary, expected_id)


def check_file(path: Path, vocabulary: Vocabulary) -> FileResult:
    """Validate one case file on disk, refusing what is not a small UTF-8 text file."""
    name = str(path)
    if path.suffix != SUFFIX:
        return FileResult(name, None, (problem(name, 1, 1, "", f"case files end in {SUFFIX}; rename to {path.stem}{SUFFIX}"),))
    document, problems = read_yaml_file(path)
    if document is None:
        return FileResult(name, None, tuple(problems))
    return check_document(name, document, vocabulary, expected_id=path.stem)
