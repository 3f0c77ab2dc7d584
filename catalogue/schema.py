"""The case schema: one pydantic model per part of a case file, checked strictly.

Field names are fixed so contributors, docs and tools agree. Every field carries a
description; ``python -m catalogue schema`` turns them into a JSON Schema, and
``python -m catalogue docs`` into the contributors' field reference.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from catalogue import clock
from catalogue.geography import country_codes, region_of, unknown_country_message
from catalogue.vocabulary import Vocabulary, load_vocabulary

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_MARKUP = re.compile(r"<[A-Za-z!?/]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
MIN_YEAR, MAX_YEAR = 1800, 2100  # the years a case may name; the filters and year inputs use the same range


def _fail(kind: str, message: str) -> PydanticCustomError:
    """A validation error whose message is shown to contributors as written."""
    return PydanticCustomError(kind, message)


def _plain_text(value: str) -> str:
    """Text must be readable as written: no HTML markup, no invisible control characters."""
    if not value.strip():
        raise _fail("empty_text", "is empty; write some text or leave the field out")
    markup = _MARKUP.search(value)
    if markup:
        snippet = value[markup.start() : markup.start() + 40]
        raise _fail("markup", f"contains HTML markup ({snippet!r}); write plain text without tags")
    if _CONTROL.search(value):
        raise _fail("control_character", "contains invisible control or direction characters; retype the text")
    return value


def _slug(value: str) -> str:
    """Identifiers are lower-case words joined by hyphens, safe in file names and URLs."""
    if not SLUG.fullmatch(value):
        suggestion = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
        hint = f"; did you mean {suggestion!r}?" if suggestion else ""
        raise _fail("slug", f"{value!r} is not kebab-case (lower-case letters, digits and hyphens){hint}")
    return value


_SPACE = re.compile(r"\s")  # the same characters as str.isspace


def _http_url(value: str) -> str:
    """Only public http(s) addresses, so no link can run script or embed data."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https"):
        raise _fail("url_scheme", f"{value[:60]!r} is not an http(s) address; only http:// and https:// links are allowed")
    if not parts.hostname or _SPACE.search(value) or parts.username or parts.password:
        raise _fail("url", f"{value[:60]!r} is not a valid public web address")
    return value


PlainText = Annotated[str, AfterValidator(_plain_text)]
Slug = Annotated[str, Field(max_length=80), AfterValidator(_slug)]
Url = Annotated[str, Field(max_length=2000), AfterValidator(_http_url)]
Year = Annotated[int, Field(ge=MIN_YEAR, le=MAX_YEAR)]


def _vocabulary(info: ValidationInfo) -> Vocabulary:
    """The vocabulary to check against: the caller's, or the bundled one."""
    context = info.context or {}
    return context.get("vocabulary") or load_vocabulary()


def in_facet(facet: str) -> Callable[[str, ValidationInfo], str]:
    """A validator: the value must be a key of one vocabulary facet."""

    def check(value: str, info: ValidationInfo) -> str:
        vocabulary = _vocabulary(info)
        if value not in vocabulary.terms(facet):
            raise _fail("vocabulary", vocabulary.unknown_term_message(facet, value))
        return value

    return check


def _facet(facet: str) -> Any:
    """The JSON Schema note naming a field's vocabulary, for editors and the docs."""
    return Field(json_schema_extra={"x-vocabulary": facet})


def _country(value: str) -> str:
    """Countries are current ISO 3166-1 alpha-2 codes, so regions can be derived."""
    if value not in country_codes():
        raise _fail("country", unknown_country_message(value))
    return value


def _unique(values: list[Any]) -> list[Any]:
    """A list names each item once."""
    for index, value in enumerate(values):
        if value in values[:index]:
            raise _fail("duplicate", f"lists {value!r} twice; list each once")
    return values


CountryCode = Annotated[str, AfterValidator(_country)]
# Text whose values must be keys of one vocabulary facet (spelled out so type checkers see types).
TypeKey = Annotated[str, AfterValidator(in_facet("types")), _facet("types")]
SectorKey = Annotated[str, AfterValidator(in_facet("sectors")), _facet("sectors")]
LevelKey = Annotated[str, AfterValidator(in_facet("levels")), _facet("levels")]
ScaleKey = Annotated[str, AfterValidator(in_facet("scales")), _facet("scales")]
StatusKey = Annotated[str, AfterValidator(in_facet("statuses")), _facet("statuses")]
EvidenceKey = Annotated[str, AfterValidator(in_facet("evidence")), _facet("evidence")]
PrecisionKey = Annotated[str, AfterValidator(in_facet("precisions")), _facet("precisions")]
OrganisationKindKey = Annotated[str, AfterValidator(in_facet("organisation_kinds")), _facet("organisation_kinds")]


class _Model(BaseModel):
    """Strict, closed models: wrong types and unknown keys are errors, never coerced or ignored."""

    model_config = ConfigDict(extra="forbid", strict=True, str_strip_whitespace=True, frozen=True)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle validated values only (the loader's cache and worker processes move many cases)."""
        return _restore, (type(self), self.__dict__, self.__pydantic_fields_set__)


def _restore(cls: type[_Model], values: dict[str, Any], fields_set: set[str]) -> _Model:
    """Rebuild a model from values it already validated, without validating again."""
    model = cls.__new__(cls)
    object.__setattr__(model, "__dict__", values)
    object.__setattr__(model, "__pydantic_fields_set__", fields_set)
    object.__setattr__(model, "__pydantic_extra__", None)
    object.__setattr__(model, "__pydantic_private__", None)
    return model


class Location(_Model):
    """A place where the case happens, as precise as its sources allow."""

    name: PlainText = Field(description="Place name as the sources give it, e.g. 'Windhoek'.", max_length=160)
    lat: float = Field(description="Latitude in decimal degrees (south is negative).", ge=-90, le=90)
    lon: float = Field(description="Longitude in decimal degrees (west is negative).", ge=-180, le=180)
    precision: PrecisionKey = Field(description="How precise the coordinates are: the map shows this.")

    @field_validator("lat", "lon", mode="before")
    @classmethod
    def _whole_degrees(cls, value: Any) -> Any:
        """Accept whole-number degrees (YAML reads ``17`` as an integer)."""
        return float(value) if isinstance(value, int) and not isinstance(value, bool) else value


class Organisation(_Model):
    """An organisation taking part, and in what role."""

    name: PlainText = Field(description="The organisation's name.", max_length=200)
    role: PlainText | None = Field(default=None, description="What it does in the case.", max_length=300)
    kind: OrganisationKindKey = Field(description="What kind of organisation it is.")
    source: Slug | None = Field(default=None, description="The id of the source (in sources) that names it in this role.")


class Source(_Model):
    """A public document that supports the case's facts."""

    id: Slug = Field(description="Short id, unique in this case, that outcomes refer to (e.g. 'pocobello-2019').")
    title: PlainText = Field(description="Title of the document.", max_length=300)
    url: Url = Field(description="Public http(s) address of the document.")
    publisher: PlainText | None = Field(default=None, description="Publisher, journal or website.", max_length=200)
    year: Year | None = Field(default=None, description="Year of publication.")


class Outcome(_Model):
    """A reported result, with its figure and comparison where the source gives them."""

    text: PlainText = Field(description="The outcome in one sentence, as the source reports it.", max_length=400)
    value: float | None = Field(default=None, description="The figure, if the source gives one.")
    unit: PlainText | None = Field(default=None, description="Unit of the figure, e.g. '%' or 'households'.", max_length=40)
    comparison_value: float | None = Field(default=None, description="The figure it is compared with, if any.")
    comparison_label: PlainText | None = Field(
        default=None, description="What the comparison is, e.g. 'users of traditional services'.", max_length=160
    )
    source: Slug = Field(description="The id of the source (in sources) that reports it.")

    @field_validator("value", "comparison_value", mode="before")
    @classmethod
    def _numbers(cls, value: Any) -> Any:
        """Accept whole numbers as figures."""
        return float(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @model_validator(mode="after")
    def _comparison_needs_value(self) -> Outcome:
        if self.comparison_value is not None and self.value is None:
            raise _fail("comparison", "has a comparison_value but no value; give the figure it is compared with")
        if self.comparison_label is not None and self.comparison_value is None:
            raise _fail("comparison", "has a comparison_label but no comparison_value; add the figure or remove the label")
        return self


class Milestone(_Model):
    """A dated step in the case's history."""

    year: Year = Field(description="Year of the event.")
    event: PlainText = Field(description="What happened, in one sentence.", max_length=300)
    source: Slug | None = Field(default=None, description="The id of the source (in sources) that dates it.")


class TypeEvidence(_Model):
    """Why a co-production type is coded: the source that shows citizens in that phase, and what they do."""

    model_config = ConfigDict(**_Model.model_config, title="Type evidence")

    source: Slug = Field(description="The id of the source (in sources) that shows citizens in this phase.")
    why: PlainText = Field(description="One plain sentence: what citizens do in this phase.", max_length=300)


class Case(_Model):
    """A co-produced public service, described only as far as its cited sources support."""

    id: Slug = Field(description="Kebab-case identifier, equal to the file name without '.yaml'.")
    title: PlainText = Field(description="Name of the case as people know it.", max_length=160)
    summary: PlainText = Field(description="Plain-text summary, at most 400 characters.", max_length=400)
    description: PlainText | None = Field(
        default=None,
        description="Longer account in Markdown (no HTML); each paragraph cites its sources: [@source-id] or [@a; @b].",
        max_length=20000,
    )
    countries: Annotated[list[CountryCode], AfterValidator(_unique)] = Field(
        description="ISO 3166-1 alpha-2 codes of the countries involved, e.g. ['IT'].", min_length=1
    )
    locations: list[Location] = Field(description="Where it happens, with coordinate precision.", min_length=1)
    types: Annotated[list[TypeKey], AfterValidator(_unique)] = Field(
        description="Co-production types present in the case.", min_length=1
    )
    type_evidence: dict[TypeKey, TypeEvidence] = Field(
        default_factory=dict,
        description="For each listed type, the source showing citizens in that phase and what they do there.",
    )
    level: LevelKey | None = Field(default=None, description="Who co-produces: individual, group or collective.")
    sectors: Annotated[list[SectorKey], AfterValidator(_unique)] = Field(
        description="Policy sectors of the service.", min_length=1
    )
    scale: ScaleKey | None = Field(default=None, description="Geographic scale of the service.")
    started: Year | None = Field(default=None, description="Year it started, if the sources say.")
    ended: Year | None = Field(default=None, description="Year it ended, if it has.")
    status: StatusKey = Field(description="Whether it is still running, according to its sources.")
    organisations: list[Organisation] = Field(default_factory=list, description="Organisations taking part.")
    participants: list[PlainText] = Field(
        default_factory=list, description="Who takes part: service users, families, volunteers, professionals..."
    )
    outcomes: list[Outcome] = Field(default_factory=list, description="Reported results, each citing a source.")
    evidence: EvidenceKey = Field(description="Strength of the evidence about the case.")
    principles: list[PlainText] = Field(
        default_factory=list, description="Principles the case follows, short phrases, each ending with [@source-id]."
    )
    challenges: list[PlainText] = Field(
        default_factory=list, description="Difficulties reported, short phrases, each ending with [@source-id]."
    )
    milestones: list[Milestone] = Field(default_factory=list, description="Dated steps in its history.")
    tags: list[Slug] = Field(default_factory=list, description="Free keywords in kebab-case.")
    related: list[Slug] = Field(default_factory=list, description="Ids of related cases in the catalogue.")
    external_ids: dict[Slug, Url] = Field(
        default_factory=dict, description="Addresses of the case in other catalogues, e.g. participedia: https://..."
    )
    sources: list[Source] = Field(description="Public sources supporting the facts above.", min_length=1)
    last_reviewed: dt.date = Field(description="Date (YYYY-MM-DD) the case was last checked against its sources.")

    @field_validator("last_reviewed")
    @classmethod
    def _not_in_future(cls, value: dt.date) -> dt.date:
        if value > clock.today():
            raise _fail("future_date", f"{value.isoformat()} is in the future; use the date you checked the sources")
        return value

    @property
    def regions(self) -> list[str]:
        """World regions of the case's countries, derived (never typed in a file)."""
        return sorted({region_of(code) for code in self.countries})

    @property
    def primary_type(self) -> str:
        """The first listed type, used where a single colour is needed."""
        return self.types[0]


def case_json_schema(vocabulary: Vocabulary | None = None) -> dict[str, Any]:
    """The JSON Schema of a case file, with each vocabulary's terms as an enum for editors."""
    vocabulary = vocabulary or load_vocabulary()
    schema = Case.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Co-production case"

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            facet = node.get("x-vocabulary")
            if facet:
                node["enum"] = vocabulary.keys(facet)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return schema
