"""Cases side by side: every attribute in full, escaped, differences marked only where they matter."""

from __future__ import annotations

from catalogue.citations import strip
from catalogue.compare import compare_rows, side_by_side_html
from catalogue.geography import country_name
from catalogue.vocabulary import load_vocabulary

VOCABULARY = load_vocabulary()


def test_every_outcome_principle_challenge_and_source_is_shown(bundled):
    cases = [bundled.by_id["keyring"], bundled.by_id["shared-lives"]]
    rows = {row.name: row for row in compare_rows(cases, VOCABULARY)}
    for i, case in enumerate(cases):
        assert len(rows["Outcomes"].values[i]) == len(case.outcomes)
        assert list(rows["Principles"].values[i]) == [strip(text) for text in case.principles]  # no sources list here
        assert list(rows["Challenges"].values[i]) == [strip(text) for text in case.challenges]
        assert [v.split(",")[0] for v in rows["Sources"].values[i]] == [s.title.split(",")[0] for s in case.sources]
        assert rows["Countries"].values[i] == tuple(country_name(c) for c in case.countries)


def test_differs_marks_facet_like_attributes_only(bundled):
    a, b = bundled.by_id["keyring"], bundled.by_id["shared-lives"]
    rows = {row.name: row for row in compare_rows([a, b], VOCABULARY)}
    assert rows["Evidence"].differs == (a.evidence != b.evidence)
    assert rows["Sectors"].differs == (set(a.sectors) != set(b.sectors))
    assert rows["Types"].differs == (set(a.types) != set(b.types))
    for free_text in ("Outcomes", "Sources", "Principles", "Challenges", "Organisations", "Participants"):
        assert not rows[free_text].differs, free_text


def test_the_same_sectors_in_another_order_do_not_differ(bundled):
    a = bundled.by_id["keyring"]
    b = a.model_copy(update={"id": "copy", "sectors": list(reversed(a.sectors))})
    assert len(a.sectors) > 1
    assert not {row.name: row for row in compare_rows([a, b], VOCABULARY)}["Sectors"].differs


def test_case_text_is_escaped_once_in_the_table(bundled):
    a = bundled.by_id["keyring"]
    hostile = a.model_copy(update={"id": "hostile", "title": 'Tom & <b>Jerry</b>', "principles": ["<script>x</script>"]})
    html = side_by_side_html([a, hostile], VOCABULARY)
    assert "Tom &amp; &lt;b&gt;Jerry&lt;/b&gt;" in html and "<b>Jerry" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html and "<script>" not in html
    assert html.count("cmp-differs") - 1 == sum(row.differs for row in compare_rows([a, hostile], VOCABULARY))
