"""One presentation of a case: the facts and sentences every view shows, as plain text.

The case page, presentation mode, the printable brief, side-by-side comparison and the
static site all read a case through these functions, so a year range or an outcome
reads the same everywhere. Everything returned is *plain text*: each view escapes it
for its own medium (Markdown, HTML, XML), and never builds these sentences itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from catalogue.geography import country_name
from catalogue.schema import Case, Organisation, Outcome, Source
from catalogue.vocabulary import Vocabulary


@dataclass(frozen=True)
class Fact:
    """One labelled fact about a case, e.g. ('Years', 'since 2008')."""

    label: str
    value: str


@dataclass(frozen=True)
class OutcomeLine:
    """An outcome as a view shows it: the figure, what it is compared with, the sentence and its source."""

    figure: str
    comparison: str
    text: str
    source: Source

    @property
    def headline(self) -> str:
        """'39% against 22% for users of traditional services', or '' when the source gives no figure."""
        return f"{self.figure} against {self.comparison}" if self.comparison else self.figure


def years_label(case: Case) -> str:
    """When the case ran, honest about what the sources do not say.

    '1990 to 2004'; 'since 2008' (active); 'from 2008, end unknown' (status unknown or
    ended without a year); 'ended 2004'; 'dates not given'.
    """
    if case.started is None:
        return f"ended {case.ended}" if case.ended is not None else "dates not given"
    if case.ended is not None:
        return f"{case.started} to {case.ended}"
    if case.status == "active":
        return f"since {case.started}"
    return f"from {case.started}, end unknown"


def figure_text(value: float, unit: str | None) -> str:
    """'39%' or '1227 people referred': a space before a unit that starts with a letter or digit."""
    unit = unit or ""
    return f"{value:g}{' ' if unit[:1].isalnum() else ''}{unit}"


def outcome_line(case: Case, outcome: Outcome) -> OutcomeLine:
    """One outcome of a case, with its figure and comparison where the source gives them."""
    figure = comparison = ""
    if outcome.value is not None:
        figure = figure_text(outcome.value, outcome.unit)
        if outcome.comparison_value is not None:
            against = outcome.comparison_label or "the comparison"
            comparison = f"{figure_text(outcome.comparison_value, outcome.unit)} for {against}"
    source = next(s for s in case.sources if s.id == outcome.source)
    return OutcomeLine(figure, comparison, outcome.text, source)


def outcome_lines(case: Case) -> list[OutcomeLine]:
    """Every outcome of a case, in file order."""
    return [outcome_line(case, outcome) for outcome in case.outcomes]


def countries_label(case: Case) -> str:
    """'Italy' or 'Namibia, South Africa'."""
    return ", ".join(country_name(code) for code in case.countries)


def places_label(case: Case, vocabulary: Vocabulary) -> str:
    """'Latiano, Apulia (city)': each place with how precisely the sources place it."""
    return "; ".join(f"{loc.name} ({vocabulary.label('precisions', loc.precision).lower()})" for loc in case.locations)


def where_label(case: Case) -> str:
    """Countries, then the places not already named by a country: 'Italy: Latiano, Apulia'."""
    countries = countries_label(case)
    places = [loc.name for loc in case.locations if loc.name not in {country_name(c) for c in case.countries}]
    return f"{countries}: {'; '.join(places)}" if places else countries


def labels(vocabulary: Vocabulary, facet: str, keys: Sequence[str]) -> str:
    """Vocabulary labels joined: 'Co-management, Co-delivery'."""
    return ", ".join(vocabulary.label(facet, key) for key in keys)


def source_details(source: Source) -> str:
    """'International Journal of Mental Health Nursing, 2019': what follows a source's title."""
    return ", ".join(str(part) for part in (source.publisher, source.year) if part)


def case_facts(case: Case, vocabulary: Vocabulary) -> list[Fact]:
    """The facts every full view of a case lists, in this order."""
    evidence = vocabulary.terms("evidence")[case.evidence]
    return [
        Fact("Countries", f"{countries_label(case)} ({', '.join(case.regions)})"),
        Fact("Places", places_label(case, vocabulary)),
        Fact("Years", years_label(case)),
        Fact("Status", vocabulary.label("statuses", case.status)),
        Fact("Scale", vocabulary.label("scales", case.scale) if case.scale else "not stated"),
        Fact("Level", vocabulary.label("levels", case.level) if case.level else "not stated"),
        Fact("Co-production types", labels(vocabulary, "types", case.types)),
        Fact("Sectors", labels(vocabulary, "sectors", case.sectors)),
        Fact("Evidence", f"{evidence.label}: {evidence.definition}"),
    ]


def slide_facts(case: Case, vocabulary: Vocabulary) -> list[Fact]:
    """The few facts a slide has room for."""
    return [
        Fact("Where", where_label(case)),
        Fact("When", years_label(case)),
        Fact("Types", labels(vocabulary, "types", case.types)),
        Fact("Evidence", vocabulary.label("evidence", case.evidence)),
    ]


def organisation_line(organisation: Organisation, vocabulary: Vocabulary) -> str:
    """'180amici Puglia (third sector): co-manages the centre'."""
    line = f"{organisation.name} ({vocabulary.label('organisation_kinds', organisation.kind).lower()})"
    return f"{line}: {organisation.role}" if organisation.role else line
