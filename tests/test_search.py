"""Free-text search finds what people type: labels, places, countries, synonyms, typos and joined words.

The cases are the made-up files in tests/fixtures/search; each expectation says which
line of which file makes a case match.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from catalogue import search
from catalogue.filters import Filters, apply
from catalogue.index import CaseIndex
from catalogue.loader import load_catalogue
from catalogue.search import SearchIndex, SynonymsError, load_synonyms, parse
from catalogue.vocabulary import load_vocabulary

from .conftest import FIXTURES

VOCABULARY = load_vocabulary()
CASES = load_catalogue(FIXTURES / "search", cache=False).cases
INDEX = SearchIndex(CASES, VOCABULARY)


def found(query: str) -> list[str]:
    return [CASES[row].id for row in np.flatnonzero(INDEX.mask(query))]


def test_the_fixtures_load():
    assert [case.id for case in CASES] == [
        "beat-meetings",
        "community-recovery-centre",
        "eastfield-time-bank",
        "neighbourhood-sewer-committees",
        "riverside-timebank",
        "ward-peer-support",
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # sectors: [water-and-sanitation], labelled "Water and sanitation"; no case text says water
        ("water", ["neighbourhood-sewer-committees"]),
        # countries: [IT]: the country's name, nowhere in the text
        ("Italy", ["community-recovery-centre"]),
        # synonyms: Eastfield says "elderly residents", Riverside "older people"
        ("elderly", ["eastfield-time-bank", "riverside-timebank"]),
        ("older people", ["eastfield-time-bank", "riverside-timebank"]),
        # "Eastfield Time Bank" and "Riverside Timebank", whichever way the query writes it
        ("timebank", ["eastfield-time-bank", "riverside-timebank"]),
        ("time bank", ["eastfield-time-bank", "riverside-timebank"]),
        ("time-bank", ["eastfield-time-bank", "riverside-timebank"]),
        # a typo: only the recovery centre says both mental and health
        ("mental helth", ["community-recovery-centre"]),
        # the phrase is a synonym group: "psychiatric wards" (Ward peer support) counts too
        ("MENTAL HEALTH", ["community-recovery-centre", "ward-peer-support"]),
        # locations: São Paulo, typed without accents
        ("Sao Paulo", ["neighbourhood-sewer-committees"]),
        ("saneamento basico", ["neighbourhood-sewer-committees"]),
        # types: [co-delivery] (label "Co-delivery"); Eastfield is co-design, Beat meetings co-governance
        ("co-delivery", ["community-recovery-centre", "riverside-timebank"]),
        # sectors: [public-safety] (label "Public safety")
        ("public safety", ["beat-meetings"]),
        # level: collective; status: ended (labels)
        ("collective", ["beat-meetings", "community-recovery-centre"]),
        ("ended", ["beat-meetings"]),
        # organisations, participants, principles, challenges, outcomes
        ("engineers", ["neighbourhood-sewer-committees"]),
        ("open doors", ["community-recovery-centre"]),
        ("attendance", ["beat-meetings"]),
        ("readmissions", ["ward-peer-support"]),
        # a prefix of a word, and every word must match
        ("neighbour", ["neighbourhood-sewer-committees", "riverside-timebank"]),
        ("neighbour sewers", ["neighbourhood-sewer-committees"]),
        ("xylophone", []),
    ],
)
def test_reported_queries_find_the_cases_that_say_so(query, expected):
    assert found(query) == expected
    assert [c.id for c in apply(CASES, Filters(q=query))] == expected


@pytest.mark.parametrize("query", ["", "   ", "&<>"])
def test_a_query_without_words_is_no_filter(query):
    assert INDEX.mask(query).all()
    assert not INDEX.scores(query).any()


def test_title_matches_rank_first_and_ties_keep_catalogue_order():
    # "peer" is in Ward peer support's title, and only in Beat meetings' principles
    ranked = CaseIndex(CASES, VOCABULARY).ranked(Filters(q="peer"))
    assert [c.id for c in ranked] == ["ward-peer-support", "beat-meetings"]
    # both titles say time bank: equal scores, catalogue order
    assert [c.id for c in CaseIndex(CASES, VOCABULARY).ranked(Filters(q="timebank"))] == [
        "eastfield-time-bank",
        "riverside-timebank",
    ]
    assert CaseIndex(CASES, VOCABULARY).ranked(Filters()) == list(CASES)


def test_exact_beats_prefix_beats_fuzzy():
    row = [c.id for c in CASES].index("neighbourhood-sewer-committees")  # title: "Neighbourhood sewer committees"
    exact, prefix, fuzzy = (float(INDEX.scores(q)[row]) for q in ("sewer", "sew", "sewar"))
    assert exact > prefix > fuzzy > 0


def test_matched_words_are_written_as_in_the_case():
    def words(case_id: str, query: str) -> list[str]:
        return INDEX.matched_words([c.id for c in CASES].index(case_id), query)

    assert words("neighbourhood-sewer-committees", "sao paulo") == ["São Paulo"]
    assert words("riverside-timebank", "elderly") == ["older people"]
    assert words("eastfield-time-bank", "timebank") == ["Time Bank"]
    assert words("community-recovery-centre", "mental helth") == ["mental", "health"]
    assert words("community-recovery-centre", "co-delivery") == ["Co-delivery"]
    assert len(INDEX.matched_words(0, "a e i o u s t r n")) <= search.MAX_MATCHED_WORDS


def test_suggest_offers_the_nearest_terms_that_find_cases():
    assert INDEX.suggest("mental helht")[0] == "mental health"
    assert "sewer" in INDEX.suggest("sewre")
    assert INDEX.suggest("xylophone") == []
    assert len(INDEX.suggest("mental helht", limit=1)) == 1


def test_the_bundled_synonyms_load():
    groups = load_synonyms()
    assert (("elderly",), ("older", "people"), ("older", "adults"), ("older", "persons"), ("seniors",)) in groups
    assert [unit.alternatives for unit in parse("Older People", groups)] == [groups[0]]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("groups:\n  - [elderly, seniors]\n  - [youth]\n", 3, "at least two terms"),
        ("groups:\n  - [elderly, seniors]\n  - [youth, seniors]\n", 3, "already in group 1"),
        ("groups:\n  - [elderly, seniors\n", 3, None),
        ("- [elderly, seniors]\n", 1, "mapping"),
        ("terms:\n  - [elderly, seniors]\n", 1, "groups"),
        ("groups:\n  - [elderly, 42]\n", 2, "not a word or phrase"),
    ],
)
def test_a_malformed_synonyms_file_says_where(tmp_path: Path, text: str, line: int, message: str | None):
    path = tmp_path / "synonyms.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SynonymsError, match=message) as raised:
        load_synonyms(path)
    assert str(raised.value).startswith(f"{path}:{line}:")


def test_the_synonyms_file_ships_with_the_package():
    pyproject = (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert 'catalogue = ["case.schema.json", "data/*.yaml"' in pyproject
    assert search.SYNONYMS_PATH.parent == Path(search.__file__).parent / "data"


QUERIES = ["water", "Italy", "elderly", "timebank", "time bank", "mental helth", "co-delivery", "sao", "peer", "wards"]


@pytest.mark.parametrize(("query", "held", "not_this"), [("police", "police", "policy"), ("care", "care", "case")])
def test_a_word_the_catalogue_holds_is_taken_as_written(bundled, query, held, not_this):
    """Corrections are for typos: a real word is not also read as its neighbours."""
    index = SearchIndex(bundled.cases, VOCABULARY)
    texts = [" ".join(text for _, text in index.case_fields(row)).casefold() for row in range(len(bundled.cases))]
    assert any(not_this in text for text in texts), f"the bundled cases mention {not_this!r}"
    found = index.mask(query)
    assert found.any()
    assert all(held in text for text, hit in zip(texts, found, strict=True) if hit)


def test_a_word_no_case_holds_is_corrected_within_its_distance(bundled):
    index = SearchIndex(bundled.cases, VOCABULARY)
    assert index.mask("mental helth").tolist() == index.mask("mental health").tolist()
    assert not index.mask("qqqqqqq").any()


@pytest.mark.parametrize("query", QUERIES)
def test_the_index_and_the_reference_agree_on_the_bundled_cases(bundled, query):
    filters = Filters(q=query)
    assert CaseIndex(bundled.cases, VOCABULARY).select(filters) == apply(bundled.cases, filters)


def test_an_empty_catalogue_finds_nothing_and_suggests_nothing():
    index = SearchIndex([], VOCABULARY)
    assert index.mask("water").shape == (0,) and index.scores("water").shape == (0,)
    assert index.suggest("water") == []
