"""Random and malformed URL queries on every page: a notice and a working page, never an exception."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from tests.test_app import APP, has_title

KEYS = [
    "type",
    "level",
    "sector",
    "region",
    "country",
    "status",
    "evidence",
    "q",
    "from",
    "to",
    "match",
    "id",
    "case",
    "collection",
    "present",
    "step",
    "b_type",
    "b_region",
    "zz",
    "",
    "type[]",
    "%00",
]
VALUES = st.one_of(
    st.sampled_from(
        [
            "co-design",
            "co-nothing",
            "1990",
            "-1",
            "99999999999999999999",
            "",
            ",",
            ",,,",
            "all",
            "any",
            "<script>alert(1)</script>",
            "javascript:alert(1)",
            "../../etc/passwd",
            "1",
            "0",
            "Europe",
            "GB",
        ]
    ),
    st.text(max_size=40),
)
QUERIES = st.dictionaries(st.sampled_from(KEYS), st.lists(VALUES, min_size=1, max_size=3), max_size=5)
PAGES = [None, "pages/case.py", "pages/compare.py", "pages/contribute.py", "pages/about.py"]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p or "explore")
# 8 random queries per page on each run (a new draw every run): with 127 cases a Compare run costs about 0.3 s.
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(query=QUERIES)
def test_any_query_gives_a_working_page(page, query):
    at = AppTest.from_file(APP, default_timeout=60)
    for key, values in query.items():
        at.query_params[key] = [v.replace("\x00", "") for v in values]
    at.run()
    if page:
        at.switch_page(page)
        for key, values in query.items():
            at.query_params[key] = [v.replace("\x00", "") for v in values]
        at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert has_title(at), "every page shows its title"
