"""Every rule the loader runs has its own test module here, named after it."""

from pathlib import Path

from catalogue.rules import ERROR_RULES, WARNING_RULES


def test_each_rule_has_its_module():
    here = Path(__file__).parent
    missing = [rule.__name__ for rule in ERROR_RULES + WARNING_RULES if not (here / f"test_{rule.__name__}.py").is_file()]
    assert missing == []


def test_each_rule_says_what_it_checks():
    assert all(rule.__doc__ and rule.__doc__.strip() for rule in ERROR_RULES + WARNING_RULES)
