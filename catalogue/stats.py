"""The catalogue's shape: coverage by type, region, country, sector and evidence, against its goals.

``python -m catalogue stats`` prints it and writes ``docs/coverage.md``; the About page
shows the same figures. The goals are declared once here, so the "wanted" list tells
contributors where the catalogue is thinnest.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from catalogue.facets import COUNTRIES, EVIDENCE, REGIONS_FACET, SECTORS, TYPES, Facet
from catalogue.geography import REGIONS
from catalogue.schema import Case
from catalogue.text import count_of
from catalogue.vocabulary import Vocabulary

#: The world regions the catalogue aims to cover (every inhabited continent).
GOAL_REGIONS: tuple[str, ...] = tuple(region for region in REGIONS if region != "Antarctica")
#: An inline citation marker in case text: [@source-id] or [@a; @b].
MARKER = re.compile(r"\[@[a-z0-9-]+(?:;\s*@[a-z0-9-]+)*\]")


@dataclass(frozen=True)
class KeyFigures:
    """What a selection of cases covers, as Explore states it under its headline."""

    countries: int
    types: int
    evaluated: int


def key_figures(cases: Sequence[Case]) -> KeyFigures:
    """How many countries and co-production types the cases cover, and how many have evaluated evidence."""
    return KeyFigures(
        countries=len({country for case in cases for country in case.countries}),
        types=len({key for case in cases for key in case.types}),
        evaluated=sum(case.evidence == "evaluated" for case in cases),
    )


@dataclass(frozen=True)
class Goal:
    """A coverage goal: what is counted, the target, and whether the target is a floor or a ceiling."""

    name: str
    target: float
    unit: str = "cases"
    ceiling: bool = False
    #: The unit for one ("1 more country"), when it is not the unit without its final "s".
    one: str = ""

    def met(self, value: float) -> bool:
        """Whether a value reaches the goal."""
        return value <= self.target if self.ceiling else value >= self.target


CASES_GOAL = Goal("cases in the catalogue", 120)
PER_TYPE_GOAL = Goal("cases of each co-production type", 15)
PER_REGION_GOAL = Goal("cases in each world region", 8)
COUNTRIES_GOAL = Goal("countries", 35, "countries", one="country")
ONE_COUNTRY_GOAL = Goal("share of cases in one country", 40, "%", ceiling=True)
QUANTIFIED_GOAL = Goal("cases with a quantified outcome", 40)
EVALUATED_GOAL = Goal("cases with evaluated evidence", 20)
PUBLISHERS_GOAL = Goal("share of cases with two or more sources from different publishers", 70, "%")
CITED_GOAL = Goal("share of claims cited where they are made", 100, "%")


@dataclass(frozen=True)
class Row:
    """One line of a coverage table: a label and its count."""

    label: str
    count: int


@dataclass(frozen=True)
class Coverage:
    """Every figure ``stats`` reports."""

    cases: int
    by_type: tuple[Row, ...]
    by_region: tuple[Row, ...]
    by_country: tuple[Row, ...]
    by_sector: tuple[Row, ...]
    by_evidence: tuple[Row, ...]
    sources_per_case: tuple[Row, ...]
    quantified: int
    evaluated: int
    multi_publisher_share: float
    cited_claim_share: float
    largest_country_share: float
    wanted: tuple[str, ...]


def _rows(facet: Facet, cases: Sequence[Case], vocabulary: Vocabulary, values: Sequence[str]) -> tuple[Row, ...]:
    """Counts per value of a facet, in the given order."""
    counts = Counter(value for case in cases for value in set(facet.values(case)))
    return tuple(Row(facet.label_of(value, vocabulary), counts.get(value, 0)) for value in values)


def _publishers(case: Case) -> int:
    """How many different publishers a case's sources come from (a source without one counts as its own)."""
    return len({(source.publisher or source.url).casefold() for source in case.sources})


def claims(case: Case) -> list[str]:
    """The claims a reader should be able to trace to a source: description paragraphs, principles, challenges."""
    paragraphs = [p for p in (case.description or "").split("\n\n") if p.strip()]
    return [*paragraphs, *case.principles, *case.challenges]


def _share(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def coverage(cases: Sequence[Case], vocabulary: Vocabulary) -> Coverage:
    """The catalogue's coverage and what is wanted to reach the goals."""
    n = len(cases)
    by_type = _rows(TYPES, cases, vocabulary, vocabulary.keys("types"))
    by_region = _rows(REGIONS_FACET, cases, vocabulary, GOAL_REGIONS)
    country_counts = Counter(code for case in cases for code in case.countries)
    by_country = tuple(
        Row(COUNTRIES.label_of(code, vocabulary), k) for code, k in sorted(country_counts.items(), key=lambda i: (-i[1], i[0]))
    )
    sources = Counter(min(len(case.sources), 4) for case in cases)
    all_claims = [claim for case in cases for claim in claims(case)]
    cited = sum(bool(MARKER.search(claim)) for claim in all_claims)
    largest = max(country_counts.values(), default=0)
    result = dict(
        cases=n,
        by_type=by_type,
        by_region=by_region,
        by_country=by_country,
        by_sector=_rows(SECTORS, cases, vocabulary, vocabulary.keys("sectors")),
        by_evidence=_rows(EVIDENCE, cases, vocabulary, vocabulary.keys("evidence")),
        sources_per_case=tuple(Row("4 or more" if k == 4 else str(k), sources.get(k, 0)) for k in (1, 2, 3, 4)),
        quantified=sum(any(o.value is not None for o in case.outcomes) for case in cases),
        evaluated=sum(case.evidence == "evaluated" for case in cases),
        multi_publisher_share=_share(sum(_publishers(case) >= 2 for case in cases), n),
        cited_claim_share=_share(cited, len(all_claims)),
        largest_country_share=_share(largest, n),
    )
    return Coverage(**result, wanted=tuple(_wanted(result)))  # type: ignore[arg-type]


def _wanted(figures: dict) -> list[str]:
    """The goals not met yet, thinnest first within each kind, as sentences for contributors."""
    wanted = []

    def gap(goal: Goal, value: float, what: str) -> None:
        if not goal.met(value):
            more = goal.target - value
            unit = goal.unit
            if goal.ceiling:
                wanted.append(f"{what}: {value:g}{unit} (at most {goal.target:g}{unit}): more cases from elsewhere")
            elif unit == "%":
                wanted.append(f"{what}: {value:g}% (goal {goal.target:g}%)")
            else:
                noun = (goal.one or unit.removesuffix("s")) if more == 1 else unit
                wanted.append(f"{what}: {value:g} (goal {goal.target:g}): {more:g} more {noun}")

    gap(CASES_GOAL, figures["cases"], "Cases in the catalogue")
    for row in sorted(figures["by_type"], key=lambda r: r.count):
        gap(PER_TYPE_GOAL, row.count, f"{row.label} cases")
    for row in sorted(figures["by_region"], key=lambda r: r.count):
        gap(PER_REGION_GOAL, row.count, f"Cases in {row.label}")
    gap(COUNTRIES_GOAL, len(figures["by_country"]), "Countries")
    gap(ONE_COUNTRY_GOAL, figures["largest_country_share"], "Share of cases in the largest country")
    gap(QUANTIFIED_GOAL, figures["quantified"], "Cases with a quantified outcome")
    gap(EVALUATED_GOAL, figures["evaluated"], "Cases with evaluated evidence")
    gap(PUBLISHERS_GOAL, figures["multi_publisher_share"], "Cases with sources from two or more publishers")
    gap(CITED_GOAL, figures["cited_claim_share"], "Claims cited where they are made")
    return wanted


def _table(title: str, rows: Sequence[Row], total: int) -> list[str]:
    lines = [f"### {title}", "", "| | cases | share |", "| --- | ---: | ---: |"]
    lines += [f"| {row.label} | {row.count} | {_share(row.count, total):g}% |" for row in rows]
    return [*lines, ""]


def summary(result: Coverage) -> str:
    """One line: the headline figures."""
    return (
        f"{result.cases} cases, {len(result.by_country)} countries, {result.quantified} with a quantified outcome, "
        f"{result.evaluated} evaluated, {result.cited_claim_share:g}% of claims cited where made; "
        f"{count_of(len(result.wanted), 'coverage goal')} not met"
    )


def coverage_markdown(result: Coverage) -> str:
    """The coverage report as Markdown (``docs/coverage.md`` and the About page)."""
    n = result.cases
    lines = [
        "# Coverage of the catalogue",
        "",
        "Generated by `python -m catalogue stats --write` from the case files; a test keeps it in step.",
        "",
        f"**{summary(result)}.**",
        "",
        *_table("Cases per co-production type", result.by_type, n),
        *_table("Cases per world region", result.by_region, n),
        *_table("Cases per country", result.by_country, n),
        *_table("Cases per sector", result.by_sector, n),
        *_table("Cases per evidence level", result.by_evidence, n),
        *_table("Sources per case", result.sources_per_case, n),
        "### Other figures",
        "",
        f"- Cases with a quantified outcome: {result.quantified}",
        f"- Cases with evaluated evidence: {result.evaluated}",
        f"- Cases with sources from two or more publishers: {result.multi_publisher_share:g}%",
        f"- Share of cases in the largest country: {result.largest_country_share:g}%",
        f"- Claims (description paragraphs, principles, challenges) cited where they are made: {result.cited_claim_share:g}%",
        "",
        "## Wanted",
        "",
        "Where the catalogue is thinnest, against its goals: add cases here first (see CONTRIBUTING.md).",
        "",
        *([f"- {line}" for line in result.wanted] or ["- Every coverage goal is met."]),
        "",
    ]
    return "\n".join(lines)
