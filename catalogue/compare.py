"""Side-by-side comparison of a few cases: one row per attribute, differences marked where they matter.

Every attribute is shown in full (lists as lists), so nothing hides below a table's own
scroll. Only facet-like attributes (types, level, sectors, countries, scale, years, status,
evidence) are marked when they differ: free text such as outcomes or sources always differs
between two cases and marking it would say nothing.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd

from catalogue import citations
from catalogue.geography import country_name
from catalogue.presentation import OutcomeLine, outcome_lines, source_details, years_label
from catalogue.schema import Case
from catalogue.vocabulary import Vocabulary

MIN_CASES, MAX_CASES = 2, 4


@dataclass(frozen=True)
class Attribute:
    """One compared attribute: its name, a case's items, and whether a difference in it matters."""

    name: str
    items: Callable[[Case], list[str]]
    marks_difference: bool


@dataclass(frozen=True)
class Row:
    """One attribute of the chosen cases: each case's items, and whether they differ where it matters."""

    name: str
    values: tuple[tuple[str, ...], ...]
    marks_difference: bool
    differs: bool


def _one(text: str | None) -> list[str]:
    return [text] if text else []


def _attributes(vocabulary: Vocabulary) -> list[Attribute]:
    """The compared attributes, in order."""

    def term(facet: str) -> Callable[[str | None], list[str]]:
        return lambda key: [vocabulary.label(facet, key)] if key else []

    return [
        Attribute("Types", lambda c: [vocabulary.label("types", t) for t in c.types], True),
        Attribute("Level", lambda c: term("levels")(c.level), True),
        Attribute("Sectors", lambda c: [vocabulary.label("sectors", s) for s in c.sectors], True),
        Attribute("Countries", lambda c: [country_name(code) for code in c.countries], True),
        Attribute("Scale", lambda c: term("scales")(c.scale), True),
        Attribute("Years", lambda c: [years_label(c)], True),
        Attribute("Status", lambda c: term("statuses")(c.status), True),
        Attribute("Evidence", lambda c: term("evidence")(c.evidence), True),
        Attribute("Organisations", lambda c: [o.name for o in c.organisations], False),
        Attribute("Participants", lambda c: list(c.participants), False),
        Attribute("Outcomes", lambda c: [_outcome(line) for line in outcome_lines(c)], False),
        Attribute("Principles", lambda c: [citations.strip(text) for text in c.principles], False),
        Attribute("Challenges", lambda c: [citations.strip(text) for text in c.challenges], False),
        Attribute(
            "Sources",
            lambda c: [s.title + (f", {source_details(s)}" if source_details(s) else "") for s in c.sources],
            False,
        ),
    ]


def _outcome(line: OutcomeLine) -> str:
    """'39% against 22% for ...: users reported ...' or the sentence alone."""
    return f"{line.headline}: {line.text}" if line.headline else line.text


def compare_rows(cases: Sequence[Case], vocabulary: Vocabulary) -> list[Row]:
    """Each attribute of the cases; a facet-like attribute differs when its sets of values differ."""
    rows = []
    for attribute in _attributes(vocabulary):
        values = tuple(tuple(attribute.items(case)) for case in cases)
        differs = attribute.marks_difference and len({frozenset(v) for v in values}) > 1
        rows.append(Row(attribute.name, values, attribute.marks_difference, differs))
    return rows


def side_by_side(cases: Sequence[Case], vocabulary: Vocabulary) -> pd.DataFrame:
    """A table with one row per attribute and one column per case, plus whether the values differ."""
    return pd.DataFrame(
        [
            {
                "Attribute": row.name,
                **{case.title: "; ".join(items) or "—" for case, items in zip(cases, row.values, strict=True)},
                "Differs": row.differs,
            }
            for row in compare_rows(cases, vocabulary)
        ]
    )


DIFFERS_NOTE = "differs"


def side_by_side_html(cases: Sequence[Case], vocabulary: Vocabulary) -> str:
    """The comparison as an HTML table whose cells wrap; every value from a case file is escaped.

    A row whose facet-like values differ is shaded and says "differs" after its name."""
    head = "".join(f'<th scope="col">{html.escape(case.title)}</th>' for case in cases)
    body = []
    for row in compare_rows(cases, vocabulary):
        cells = []
        for items in row.values:
            if not items:
                cells.append('<td><span class="cmp-none">—</span></td>')
            elif len(items) == 1 or row.marks_difference:
                cells.append(f"<td>{html.escape(', '.join(items))}</td>")
            else:
                cells.append("<td><ul>" + "".join(f"<li>{html.escape(item)}</li>" for item in items) + "</ul></td>")
        mark = f' <span class="cmp-differs">{DIFFERS_NOTE}</span>' if row.differs else ""
        shade = ' class="cmp-diff"' if row.differs else ""
        body.append(f'<tr{shade}><th scope="row">{html.escape(row.name)}{mark}</th>{"".join(cells)}</tr>')
    width = max(10, (100 - 14) // max(1, len(cases)))
    style = (
        "<style>"
        ".cmp{width:100%;border-collapse:collapse;table-layout:fixed;font-size:0.92rem}"
        ".cmp th,.cmp td{border:1px solid #D0D7DE;padding:6px 8px;vertical-align:top;text-align:left;"
        "overflow-wrap:anywhere;white-space:normal}"
        f".cmp thead th{{background:#F3F6F9;width:{width}%}}.cmp thead th:first-child{{width:14%}}"
        ".cmp tbody th{background:#F8FAFB;font-weight:600}"
        ".cmp tr.cmp-diff th,.cmp tr.cmp-diff td{background:#FFF4D6}"
        ".cmp-differs{display:block;font-weight:400;font-size:0.8rem;color:#7A4B00}"
        ".cmp ul{margin:0;padding-left:1.1em}.cmp li{margin:0 0 4px}.cmp-none{color:#52606D}"
        "</style>"
    )
    caption = (
        '<caption style="caption-side:top;text-align:left;color:#52606D;padding-bottom:4px">'
        "Shaded rows: the cases differ in that attribute. Free text (outcomes, sources…) is never marked.</caption>"
    )
    return (
        f'{style}<table class="cmp">{caption}<thead><tr><th scope="col">Attribute</th>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )
