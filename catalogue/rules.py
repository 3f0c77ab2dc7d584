"""Checks across the fields of one case, beyond what each field's type can say.

One small function per rule; its docstring is the rule. Each yields
``(field path, message)`` pairs, so a problem points at the line of the field.
Errors block the case; warnings (in ``WARNING_RULES``) never do.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from pydantic import BaseModel

from catalogue import citations, clock
from catalogue.geography import country_name, near_country
from catalogue.schema import Case

Finding = tuple[tuple[str | int, ...], str]
Rule = Callable[[Case], Iterator[Finding]]


def started_not_in_future(case: Case) -> Iterator[Finding]:
    """A case cannot have started after this year."""
    if case.started is not None and case.started > clock.today().year:
        yield ("started",), f"{case.started} is in the future; give the year it started"


def ended_not_before_started(case: Case) -> Iterator[Finding]:
    """A case cannot end before it started."""
    if case.started is not None and case.ended is not None and case.ended < case.started:
        yield ("ended",), f"{case.ended} is before started ({case.started}); check both years"


def ended_means_status_ended(case: Case) -> Iterator[Finding]:
    """A case with an end year has status 'ended'."""
    if case.ended is not None and case.status != "ended":
        yield ("status",), f"is {case.status!r} but ended is {case.ended}; set status: ended or remove ended"


def source_ids_unique(case: Case) -> Iterator[Finding]:
    """Each source has its own id, so outcomes can cite it unambiguously."""
    seen: set[str] = set()
    for index, source in enumerate(case.sources):
        if source.id in seen:
            yield ("sources", index, "id"), f"{source.id!r} is already the id of another source; give each its own"
        seen.add(source.id)


def outcome_sources_exist(case: Case) -> Iterator[Finding]:
    """Every outcome cites a source listed in the case."""
    ids = [source.id for source in case.sources]
    for index, outcome in enumerate(case.outcomes):
        if outcome.source not in ids:
            yield ("outcomes", index, "source"), f"{outcome.source!r} is not a source id; use one of: {', '.join(ids)}"


def citation_markers_name_sources(case: Case) -> Iterator[Finding]:
    """Every citation marker ('[@id]' or '[@a; @b]') in the description, principles and challenges names a listed source."""
    ids = [source.id for source in case.sources]
    texts: list[tuple[tuple[str | int, ...], str]] = [(("description",), case.description or "")]
    texts += [(("principles", i), text) for i, text in enumerate(case.principles)]
    texts += [(("challenges", i), text) for i, text in enumerate(case.challenges)]
    for path, text in texts:
        for unknown in citations.number([text], case.sources).unknown:
            yield path, f"cites [@{unknown}], which is not a source id; use one of: {', '.join(ids)}"


def cited_sources_exist(case: Case) -> Iterator[Finding]:
    """Every milestone, organisation and type evidence that names a source names a listed one."""
    ids = [source.id for source in case.sources]
    named: list[tuple[tuple[str | int, ...], str | None]] = [
        *((("milestones", i, "source"), m.source) for i, m in enumerate(case.milestones)),
        *((("organisations", i, "source"), o.source) for i, o in enumerate(case.organisations)),
        *((("type_evidence", t, "source"), e.source) for t, e in case.type_evidence.items()),
    ]
    for path, source in named:
        if source is not None and source not in ids:
            yield path, f"{source!r} is not a source id; use one of: {', '.join(ids)}"


def type_evidence_for_listed_types(case: Case) -> Iterator[Finding]:
    """Type evidence is given only for types the case lists."""
    for key in case.type_evidence:
        if key not in case.types:
            yield ("type_evidence", key), f"is evidence for {key!r}, which types does not list; add the type or remove this"


def related_not_self(case: Case) -> Iterator[Finding]:
    """A case is not related to itself."""
    for index, other in enumerate(case.related):
        if other == case.id:
            yield ("related", index), "lists the case itself; list other cases"


PLACEHOLDERS = ("FILL IN", "FILL-IN", "fill-in-", "__ID__", "__TITLE__", "__COUNTRY__", "__TODAY__")


_PLACEHOLDER = re.compile("|".join(re.escape(marker) for marker in PLACEHOLDERS))


def no_template_placeholders(case: Case) -> Iterator[Finding]:
    """Nothing is left from the template: every 'FILL IN' is replaced or its field removed."""
    found: list[tuple[str | int, ...]] = []
    if _PLACEHOLDER.search(case.model_dump_json()):  # a quick look at all the text first: most cases hold none
        _find_placeholders(case, (), found)
    for path in found:
        yield path, "still holds a template placeholder; fill it in from a source or remove the field"


def _find_placeholders(value: object, path: tuple[str | int, ...], found: list[tuple[str | int, ...]]) -> None:
    """Collect the paths of text holding a placeholder, through models, mappings and lists, in field order."""
    if isinstance(value, str):
        if _PLACEHOLDER.search(value):
            found.append(path)
    elif isinstance(value, BaseModel):
        for key, item in value.__dict__.items():
            _find_placeholders(item, (*path, key), found)
    elif isinstance(value, dict):
        for key, item in value.items():
            _find_placeholders(item, (*path, key), found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _find_placeholders(item, (*path, index), found)


def description_paragraphs_cited(case: Case) -> Iterator[Finding]:
    """Each paragraph of the description cites its sources with a marker, '[@id]' or '[@a; @b]'."""
    paragraphs = [p for p in (case.description or "").split("\n\n") if p.strip()]
    for number, paragraph in enumerate(paragraphs, start=1):
        if not citations.MARKER.search(paragraph):
            yield ("description",), f"paragraph {number} cites no source; end it with [@source-id]"


def principles_and_challenges_cited(case: Case) -> Iterator[Finding]:
    """Each principle and challenge ends with the source it rests on: '[@id]'."""
    for field in ("principles", "challenges"):
        for index, text in enumerate(getattr(case, field)):
            if not citations.MARKER.search(text):
                yield (field, index), "cites no source; end it with [@source-id]"


def milestones_cite_a_source(case: Case) -> Iterator[Finding]:
    """Each milestone names the source that dates it (source: <id>)."""
    for index, milestone in enumerate(case.milestones):
        if milestone.source is None:
            yield ("milestones", index), "names no source; add source: <id> of the source that dates it"


def every_type_has_evidence(case: Case) -> Iterator[Finding]:
    """Each listed type has its evidence: the source showing citizens in that phase, and what they do."""
    for index, key in enumerate(case.types):
        if key not in case.type_evidence:
            yield ("types", index), f"{key!r} has no type_evidence; give its source and what citizens do in that phase"


ERROR_RULES: tuple[Rule, ...] = (
    no_template_placeholders,
    started_not_in_future,
    ended_not_before_started,
    ended_means_status_ended,
    source_ids_unique,
    outcome_sources_exist,
    citation_markers_name_sources,
    cited_sources_exist,
    type_evidence_for_listed_types,
    description_paragraphs_cited,
    principles_and_challenges_cited,
    milestones_cite_a_source,
    every_type_has_evidence,
    related_not_self,
)


# --- warnings: worth a look, never blocking ---------------------------------------

REVIEW_YEARS = 2


def source_has_year(case: Case) -> Iterator[Finding]:
    """Each source should give its year of publication, so readers can judge its age."""
    for index, source in enumerate(case.sources):
        if source.year is None:
            yield ("sources", index), f"source {source.id!r} has no year; add year: if the document gives one"


def ongoing_case_recently_reviewed(case: Case) -> Iterator[Finding]:
    """An active case should be reviewed against its sources at least every two years."""
    now = clock.today()
    day = 28 if (now.month, now.day) == (2, 29) else now.day  # 29 February has no match two years back
    limit = now.replace(year=now.year - REVIEW_YEARS, day=day)
    if case.status == "active" and case.last_reviewed < limit:
        yield ("last_reviewed",), f"{case.last_reviewed.isoformat()} is over {REVIEW_YEARS} years ago; check the sources again"


def summary_not_title(case: Case) -> Iterator[Finding]:
    """The summary should say more than the title."""
    if case.summary.strip().rstrip(".").casefold() == case.title.strip().casefold():
        yield ("summary",), "repeats the title; say what the service is and who co-produces it"


def location_near_its_country(case: Case) -> Iterator[Finding]:
    """Each location lies in or near one of the case's countries (a swapped lat/lon shows up here)."""
    for index, location in enumerate(case.locations):
        verdicts = [near_country(location.lat, location.lon, code) for code in case.countries]
        if verdicts and all(v is False for v in verdicts):
            names = " or ".join(country_name(c) for c in case.countries)
            yield (
                ("locations", index),
                f"{location.lat}, {location.lon} is far from {names}; check the coordinates (lat, lon order?)",
            )


WARNING_RULES: tuple[Rule, ...] = (
    source_has_year,
    ongoing_case_recently_reviewed,
    summary_not_title,
    location_near_its_country,
)


def run_rules(case: Case, rules: tuple[Rule, ...]) -> list[Finding]:
    """All findings of the given rules for one case, in rule order."""
    return [finding for rule in rules for finding in rule(case)]
