"""The strict YAML reader: plain data only, positions for every field."""

import datetime as dt

import pytest

from catalogue.reader import read_yaml


def test_reads_plain_data_with_positions():
    document, errors = read_yaml("id: a\nlist:\n  - x\n  - 2\nwhen: 2024-01-02\n")
    assert errors == []
    assert document.data == {"id": "a", "list": ["x", 2], "when": dt.date(2024, 1, 2)}
    assert document.position(("list", 1)) == (4, 5)
    assert document.position(("when",)) == (5, 1)


@pytest.mark.parametrize("text", ["countries: [NO, no, on, yes, off]"])
def test_yaml_1_1_booleans_stay_text(text):
    """Norway's code and friends are text, not booleans (YAML 1.2 rules)."""
    document, _ = read_yaml(text)
    assert document.data == {"countries": ["NO", "no", "on", "yes", "off"]}


def test_quoted_numbers_stay_text():
    document, _ = read_yaml('a: "2012"\nb: 2012\nc: 1.5\nd: true\ne: null\n')
    assert document.data == {"a": "2012", "b": 2012, "c": 1.5, "d": True, "e": None}


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("a: 1\na: 2\n", 2, "duplicate key 'a' (first at line 1)"),
        ("a: &x 1\nb: *x\n", 1, "anchor '&x' is not allowed"),
        ("a: !!python/name:os.system x\n", 1, "YAML tag"),
        ("a: 1\n---\nb: 2\n", 2, "second YAML document"),
        ("", 1, "empty"),
        ("just text\n", 1, "a single value"),
        ("a: [1, 2\n", 2, "YAML syntax error"),
        ("a:\n\t- x\n", 2, "tabs"),
        ("a: " + "[" * 40 + "]" * 40 + "\n", 1, "nesting deeper"),
    ],
)
def test_refusals_name_the_line(text, line, fragment):
    document, errors = read_yaml(text)
    assert document is None
    assert errors[0].line == line
    assert fragment in errors[0].message


def test_billion_laughs_is_refused_without_expansion():
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    bomb += "".join(f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n" for i in range(8))
    document, errors = read_yaml(bomb)
    assert document is None and "anchor" in errors[0].message
