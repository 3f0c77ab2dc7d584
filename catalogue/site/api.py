"""The JSON API: every case, each case, and the vocabulary, with the licence and the catalogue's version.

Case records are the dashboard's JSON export records (``catalogue.export._json.record``),
so the API and the dashboard's JSON download agree field for field.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from catalogue.export import case_record as record
from catalogue.metadata import LICENCE, version
from catalogue.schema import Case
from catalogue.vocabulary import Vocabulary


def _envelope(**data: object) -> dict:
    return {"license": LICENCE, "version": version(), **data}


def cases_document(cases: Sequence[Case]) -> dict:
    """api/cases.json: every case record."""
    return _envelope(count=len(cases), cases=[record(case) for case in cases])


def case_document(case: Case) -> dict:
    """api/cases/<id>.json: one case record."""
    return _envelope(case=record(case))


def vocabulary_document(vocabulary: Vocabulary) -> dict:
    """api/vocabulary.json: every term with its label and definition (and colour, group where given)."""
    terms = {
        facet: [{"key": t.key, "label": t.label, "definition": t.definition, **dict(t.extra)} for t in facet_terms.values()]
        for facet, facet_terms in vocabulary.facets.items()
    }
    groups = [{"key": t.key, "label": t.label, "definition": t.definition} for t in vocabulary.type_groups.values()]
    return _envelope(vocabulary=terms, type_groups=groups)


def dumps(document: dict) -> bytes:
    """API bytes: compact UTF-8 JSON, deterministic."""
    return (json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
