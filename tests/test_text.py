"""Case text in Markdown is shown literally; links only to http(s)."""

import pytest

from catalogue.text import count_of, md_escape, md_link


@pytest.mark.parametrize("text", ["*bold* _it_ [x](javascript:alert(1)) <b>", "# heading", "a | b ` c"])
def test_markdown_specials_are_escaped(text):
    escaped = md_escape(text)
    for char in "*_[]()<>#|`":
        assert f"\\{char}" in escaped or char not in text


def test_links_only_to_http():
    assert md_link("Report", "https://example.org/a_(b)") == "[Report](<https://example.org/a_(b)>)"
    assert md_link("Bad", "javascript:alert(1)") == "Bad"
    assert md_link("Bad", "data:text/html,hi") == "Bad"


def test_counts_read_as_people_say_them():
    assert [count_of(n, "case") for n in (0, 1, 2)] == ["0 cases", "1 case", "2 cases"]
    assert count_of(3, "country", "countries") == "3 countries"
