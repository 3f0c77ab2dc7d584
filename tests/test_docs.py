"""Every setting and every command-line command and option is documented in the README."""

import argparse
from pathlib import Path

from catalogue.cli import build_parser
from catalogue.settings import SETTINGS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented():
    for setting in SETTINGS:
        assert f"`{setting.env}`" in README, setting.env


def test_every_command_and_option_is_documented():
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, sub in commands.choices.items():
        assert f"python -m catalogue {name}" in README, name
        for action in sub._actions:
            for flag in action.option_strings:
                if flag not in ("-h", "--help"):
                    assert flag in README, f"{name} {flag}"


def test_readme_gives_the_two_commands_first():
    first_commands = README.index("make run"), README.index("make test")
    assert max(first_commands) < README.index("## Layout")
