"""Field rules of the schema, each with its own examples."""

import pytest
from pydantic import ValidationError

from catalogue.reader import read_yaml
from catalogue.schema import Case
from tests.conftest import VALID_CASE_TEXT

BASE = read_yaml(VALID_CASE_TEXT)[0].data


def with_title(title: str) -> dict:
    return {**BASE, "title": title}


@pytest.mark.parametrize("title", ["A < B > C & D", "Tom & Jerry <3", "5 > 3", "a <= b"])
def test_text_with_angle_brackets_that_is_not_markup_is_allowed(title):
    assert Case.model_validate(with_title(title)).title == title


@pytest.mark.parametrize(
    "title", ["<img src=x onerror=alert(1)>", "a <b>bold</b>", "</div>", "<!-- c -->", "<?php ?>", "<script>x</script>"]
)
def test_markup_is_refused(title):
    with pytest.raises(ValidationError, match="contains HTML markup"):
        Case.model_validate(with_title(title))


@pytest.mark.parametrize("title", ["a\u202eb", "zero\u200bwidth", "bell\x07"])
def test_invisible_and_direction_characters_are_refused(title):
    with pytest.raises(ValidationError, match="invisible control or direction"):
        Case.model_validate(with_title(title))


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/a?b=1&c=2", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        ("data:text/html,<b>", False),
        ("https://user:pw@example.org", False),
        ("https:///nohost", False),
        ("ftp://example.org", False),
        ("https://exa mple.org", False),
    ],
)
def test_source_urls_must_be_public_http(url, ok):
    data = {**BASE, "sources": [{**BASE["sources"][0], "url": url}]}
    if ok:
        Case.model_validate(data)
    else:
        with pytest.raises(ValidationError):
            Case.model_validate(data)


def test_strict_types_do_not_coerce():
    with pytest.raises(ValidationError):
        Case.model_validate({**BASE, "started": "2015"})
    with pytest.raises(ValidationError):
        Case.model_validate({**BASE, "title": 1984})
