"""One test module per rule in ``catalogue/rules.py``, with passing and failing case files.

Each example is a whole case file (the valid fixture with a few lines changed); the
test checks the file as contributors do (``check_text``) and keeps the problems that
come from the rule under test, each as ``(line, column, field, severity, message)``.
"""

from __future__ import annotations

from catalogue.casefile import check_text
from catalogue.rules import ERROR_RULES, WARNING_RULES, Rule
from catalogue.schema import Case
from catalogue.vocabulary import load_vocabulary
from catalogue.yamlfile import read_yaml_text
from tests.conftest import VALID_CASE_TEXT

VOCABULARY = load_vocabulary()
#: A valid case file that breaks no rule (reviewed recently, every source dated).
BASE = VALID_CASE_TEXT.replace("last_reviewed: 2024-05-01", "last_reviewed: 2025-06-01")


def edit(*changes: tuple[str, str], text: str = BASE) -> str:
    """The base case file with each (old, new) line fragment replaced once; every old fragment must be there."""
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def reported(rule: Rule, text: str) -> list[tuple[int, int, str, str, str]]:
    """The problems the full check of a case file reports that come from ``rule``."""
    result = check_text("harbour-time-bank.yaml", text, VOCABULARY, expected_id="harbour-time-bank")
    document, unread = read_yaml_text("harbour-time-bank.yaml", text)
    assert document is not None, unread
    case = Case.model_validate(document.data, context={"vocabulary": VOCABULARY})
    own = {message for _, message in rule(case)}
    severity = "error" if rule in ERROR_RULES else "warning"
    assert rule in ERROR_RULES + WARNING_RULES, "the rule is not run by the loader"
    return [
        (p.line, p.column, p.key, p.severity, p.message) for p in result.problems if p.message in own and p.severity == severity
    ]
