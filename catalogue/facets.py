"""The facets a catalogue is filtered and counted by, each owning how it reads and labels values.

A facet knows which values a case has (``values``), which values it offers for a set
of cases (``options``), and how a value reads to people (``label``). Filters, the
index, charts, comparison and the dashboard's widgets all go through these objects,
so a new facet is one declaration here (as datasette's facet classes own theirs).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from catalogue.geography import REGIONS, country_name

if TYPE_CHECKING:
    from catalogue.schema import Case
    from catalogue.vocabulary import Vocabulary


@dataclass(frozen=True)
class Facet:
    """A multi-valued filter over one attribute of a case.

    ``name`` is the attribute of ``Filters`` that holds the chosen values, ``key`` the
    URL query key, ``label`` the control's name for people.
    """

    name: str
    key: str
    label: str

    def values(self, case: Case) -> Sequence[str]:
        """The values this case has (a list attribute of the case of the same name)."""
        return getattr(case, self.name)

    def options(self, vocabulary: Vocabulary, cases: Sequence[Case]) -> list[str]:
        """The values people can choose, in display order."""
        raise NotImplementedError

    def label_of(self, value: str, vocabulary: Vocabulary) -> str:
        """How one value reads to people."""
        return value

    def definition(self, value: str, vocabulary: Vocabulary) -> str | None:
        """What a value means, where the vocabulary defines it."""
        return None


@dataclass(frozen=True)
class VocabularyFacet(Facet):
    """Values are the keys of one vocabulary (``catalogue/data/vocabulary.yaml``), offered in its order.

    ``single`` names a case attribute holding one value (or none) instead of a list.
    """

    vocabulary_facet: str = ""
    single: str | None = None

    def values(self, case: Case) -> Sequence[str]:
        if self.single is None:
            return getattr(case, self.name)
        value = getattr(case, self.single)
        return [value] if value else []

    def options(self, vocabulary: Vocabulary, cases: Sequence[Case]) -> list[str]:
        return vocabulary.keys(self.vocabulary_facet)

    def label_of(self, value: str, vocabulary: Vocabulary) -> str:
        return vocabulary.label(self.vocabulary_facet, value)

    def definition(self, value: str, vocabulary: Vocabulary) -> str | None:
        return vocabulary.terms(self.vocabulary_facet)[value].definition


@dataclass(frozen=True)
class RegionFacet(Facet):
    """World regions, derived from a case's countries; offered in a fixed order, only those present."""

    def values(self, case: Case) -> Sequence[str]:
        return case.regions

    def options(self, vocabulary: Vocabulary, cases: Sequence[Case]) -> list[str]:
        present = {region for case in cases for region in case.regions}
        return [region for region in REGIONS if region in present]


@dataclass(frozen=True)
class CountryFacet(Facet):
    """ISO 3166-1 alpha-2 codes, offered by country name, only those present."""

    def options(self, vocabulary: Vocabulary, cases: Sequence[Case]) -> list[str]:
        return sorted({code for case in cases for code in case.countries}, key=country_name)

    def label_of(self, value: str, vocabulary: Vocabulary) -> str:
        return country_name(value)


TYPES = VocabularyFacet("types", "type", "Co-production type", vocabulary_facet="types")
LEVELS = VocabularyFacet("levels", "level", "Level", vocabulary_facet="levels", single="level")
SECTORS = VocabularyFacet("sectors", "sector", "Sector", vocabulary_facet="sectors")
REGIONS_FACET = RegionFacet("regions", "region", "World region")
COUNTRIES = CountryFacet("countries", "country", "Country")
STATUSES = VocabularyFacet("statuses", "status", "Status", vocabulary_facet="statuses", single="status")
EVIDENCE = VocabularyFacet("evidence", "evidence", "Evidence", vocabulary_facet="evidence", single="evidence")

#: Described and compared, though not a filter.
SCALES = VocabularyFacet("scales", "scale", "Scale", vocabulary_facet="scales", single="scale")

#: Every filter facet, in the order the dashboard shows them.
FACETS: tuple[Facet, ...] = (TYPES, SECTORS, REGIONS_FACET, COUNTRIES, LEVELS, STATUSES, EVIDENCE)
BY_NAME: dict[str, Facet] = {facet.name: facet for facet in FACETS}
