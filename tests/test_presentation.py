"""One presentation of a case: the facts and sentences every view shares."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogue.brief import render_brief
from catalogue.compare import side_by_side
from catalogue.loader import load_catalogue
from catalogue.presentation import case_facts, figure_text, outcome_lines, slide_facts, where_label, years_label
from catalogue.vocabulary import load_vocabulary
from tests.conftest import VALID_CASE_TEXT


def test_outcome_lines_give_figure_comparison_and_source(bundled):
    marco = bundled.by_id["marco-cavallo-centre"]
    hospital, medication = outcome_lines(marco)
    assert medication.headline == "39% against 22% for users of traditional mental health services"
    assert medication.source.id == "pocobello-2019"
    assert hospital.figure == "63.2% lower hospitalisation rate"
    households = outcome_lines(bundled.by_id["shack-dwellers-federation-of-namibia"])[0]
    assert households.figure == "3200 households" and households.comparison == ""


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [(39, "%", "39%"), (1227, "people referred", "1227 people referred"), (4.5, None, "4.5"), (12, "£", "12£")],
)
def test_a_space_stands_before_word_units_only(value, unit, text):
    assert figure_text(value, unit) == text


def _case(folder: Path, **fields: str):
    """The valid fixture with some top-level fields replaced (or, given '', left out), loaded from a real file."""
    lines = [line for line in VALID_CASE_TEXT.splitlines() if line.split(":", 1)[0] not in fields]
    lines += [f"{key}: {value}" for key, value in fields.items() if value]
    (folder / "harbour-time-bank.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return load_catalogue(folder, cache=False).by_id["harbour-time-bank"]


@pytest.mark.parametrize(
    ("fields", "label"),
    [
        ({"started": "2001", "ended": "2009", "status": "ended"}, "2001 to 2009"),
        ({"started": "2001", "status": "active"}, "since 2001"),
        ({"started": "2001", "status": "unknown"}, "from 2001, end unknown"),
        ({"started": "2001", "status": "ended"}, "from 2001, end unknown"),
        ({"started": "", "status": "unknown"}, "dates not given"),
    ],
)
def test_years_never_claim_a_case_runs_today_without_saying_so(valid_dir, fields, label):
    assert years_label(_case(valid_dir, **fields)) == label


def test_every_view_uses_the_same_sentences(bundled):
    marco = bundled.by_id["marco-cavallo-centre"]
    vocabulary = load_vocabulary()
    years = years_label(marco)
    assert {"Years": years}.items() <= {f.label: f.value for f in case_facts(marco, vocabulary)}.items()
    assert {"When": years}.items() <= {f.label: f.value for f in slide_facts(marco, vocabulary)}.items()
    brief = render_brief(marco, vocabulary)
    assert years in brief and "39% against 22% for users of traditional mental health services" in brief
    table = side_by_side([marco, bundled.by_id["shared-lives"]], vocabulary).set_index("Attribute")
    assert table.loc["Years", marco.title] == years
    assert "39% against 22% for users of traditional mental health services" in table.loc["Outcomes", marco.title]
    assert where_label(marco) == "Italy: Latiano, Apulia"
