"""Vocabularies are data: each term defined, types coloured and sourced."""

import re

import pytest

from catalogue.vocabulary import FACETS, load_vocabulary, nearest, parse_vocabulary


def test_every_facet_has_defined_terms():
    vocabulary = load_vocabulary()
    for facet in FACETS:
        for term in vocabulary.terms(facet).values():
            assert term.label and len(term.definition) >= 10, (facet, term.key)


def test_types_have_group_source_and_distinct_colours():
    vocabulary = load_vocabulary()
    types = vocabulary.terms("types")
    assert set(types) == {"co-governance", "co-management", "co-commissioning", "co-design", "co-delivery", "co-assessment"}
    assert vocabulary.types_in_group("governance") == ["co-governance", "co-management"]
    colours = [t.colour for t in types.values()]
    assert len(set(colours)) == 6 and all(re.fullmatch(r"#[0-9A-F]{6}", c) for c in colours)
    assert all(t.extra.get("source") for t in types.values())


@pytest.mark.parametrize(("typo", "meant"), [("co-delivry", "co-delivery"), ("Co-Design", "co-design"), ("xyz", None)])
def test_nearest_term(typo, meant):
    assert nearest(typo, load_vocabulary().keys("types")) == meant


def test_missing_facet_is_refused():
    with pytest.raises(ValueError, match="no terms for"):
        parse_vocabulary("types: {}\n")
