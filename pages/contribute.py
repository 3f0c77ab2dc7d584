"""Contribute: build a case in a form (checked as you type), or check a case file you have."""

from collections.abc import Callable
from typing import Any

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from catalogue.builder import ROW_FIELDS, build_case
from catalogue.casefile import check_bytes, check_text
from catalogue.geography import country_codes, country_name
from catalogue.schema import MAX_YEAR, MIN_YEAR
from catalogue.settings import new_case_url
from catalogue.writer import case_yaml
from ui import data, view

view.filters()  # every page starts from the view app.py set (see ui/view.py)
vocabulary = data.vocabulary()
P = "builder_"  # widget key prefix; values persist across page switches within the session
ROW_LIMITS = {"locations": 4, "organisations": 6, "outcomes": 6, "sources": 6}
ROW_HELP = {
    "locations": "Where it happens: the place the source names, its coordinates, and how precise they are.",
    "organisations": "Organisations taking part and their role.",
    "outcomes": "Results as a source reports them; `source` is the id of one of the sources below.",
    "sources": "Public documents supporting every fact. Give each a short id (e.g. `annual-report-2019`).",
}


def terms(facet: str) -> list[str]:
    return vocabulary.keys(facet)


def label(facet: str) -> Callable[[str], str]:
    return lambda key: vocabulary.label(facet, key)


def definitions(facet: str) -> str:
    return "\n".join(f"- **{t.label}**: {t.definition}" for t in vocabulary.terms(facet).values())


def choose_term(container: DeltaGenerator, title: str, facet: str, key: str, **options: Any) -> str | None:
    """A selectbox of one vocabulary's terms, by label, with their definitions as help."""
    return container.selectbox(
        title, terms(facet), format_func=label(facet), key=P + key, persist_state="session", help=definitions(facet), **options
    )


def choose_terms(container: DeltaGenerator, title: str, facet: str, key: str) -> list[str]:
    """A multiselect of one vocabulary's terms, by label, with their definitions as help."""
    return container.multiselect(
        title, terms(facet), format_func=label(facet), key=P + key, persist_state="session", help=definitions(facet)
    )


def type_evidence(types: list[str]) -> dict[str, dict[str, str]]:
    """For each chosen type: the source showing citizens in that phase, and what they do there."""
    if types:
        st.markdown("**Why each type**: the source that shows citizens in that phase, and what they do there.")
    evidence = {}
    for key in types:
        source, why = st.columns([1, 3])
        name = label("types")(key)
        evidence[key] = {
            "source": source.text_input(f"Source id ({name})", key=f"{P}evidence_{key}_source", persist_state="session"),
            "why": why.text_input(f"What citizens do ({name})", key=f"{P}evidence_{key}_why", persist_state="session"),
        }
    return evidence


def rows(part: str) -> list[dict]:
    """Draw a chosen number of rows of fields for a repeated part; return their values."""
    st.markdown(f"**{part.capitalize()}**", help=ROW_HELP[part])
    count = st.number_input(
        f"Number of {part}",
        0,
        ROW_LIMITS[part],
        1 if part in ("locations", "sources") else 0,
        key=f"{P}{part}_n",
        persist_state="session",
    )
    values = []
    for i in range(int(count)):
        columns = st.columns(len(ROW_FIELDS[part]))
        row = {}
        for column, (name, _kind) in zip(columns, ROW_FIELDS[part], strict=True):
            key = f"{P}{part}_{i}_{name}"
            facet = {"precision": "precisions", "kind": "organisation_kinds"}.get(name)
            if facet:
                row[name] = column.selectbox(
                    name, terms(facet), index=None, format_func=label(facet), key=key, persist_state="session"
                )
            else:
                row[name] = column.text_input(name, key=key, persist_state="session")
        values.append(row)
    return values


st.title("Contribute a case")
st.markdown(
    "Cases are YAML files in the project's repository, one per case, checked automatically. "
    "Build one here, checked as you type with the same validator as the command line, "
    "or see **CONTRIBUTING.md** for working with the files directly. "
    "**Cite a public source for every fact, and leave empty anything the sources do not say.**"
)
build, check = st.tabs(["Build a case", "Check a case file"])

with build:
    form, result = st.columns([3, 2], gap="large")
    with form:
        values: dict[str, Any] = {
            "title": st.text_input("Title", key=P + "title", persist_state="session", max_chars=160),
            "summary": st.text_area(
                "Summary (plain text, at most 400 characters)", key=P + "summary", persist_state="session", max_chars=400
            ),
            "description": st.text_area(
                "Description (optional, Markdown; end each paragraph with its sources: [@source-id])",
                key=P + "description",
                persist_state="session",
            ),
            "countries": st.multiselect(
                "Countries",
                sorted(country_codes(), key=country_name),
                format_func=country_name,
                key=P + "countries",
                persist_state="session",
            ),
        }
        values["locations"] = rows("locations")
        left, right = st.columns(2)
        values["types"] = choose_terms(left, "Co-production types", "types", "types")
        values["sectors"] = choose_terms(right, "Sectors", "sectors", "sectors")
        values["type_evidence"] = type_evidence(values["types"])
        columns = st.columns(3)
        values["level"] = choose_term(columns[0], "Level", "levels", "level", index=None)
        values["scale"] = choose_term(columns[1], "Scale", "scales", "scale", index=None)
        values["evidence"] = choose_term(columns[2], "Evidence", "evidence", "evidence", index=None)
        columns = st.columns(3)
        values["started"] = columns[0].number_input(
            "Started (year)", MIN_YEAR, MAX_YEAR, value=None, step=1, key=P + "started", persist_state="session"
        )
        values["ended"] = columns[1].number_input(
            "Ended (year)", MIN_YEAR, MAX_YEAR, value=None, step=1, key=P + "ended", persist_state="session"
        )
        values["status"] = choose_term(columns[2], "Status", "statuses", "status", index=len(terms("statuses")) - 1)
        values["participants"] = st.text_input(
            "Participants (comma-separated)", key=P + "participants", persist_state="session"
        ).split(",")
        values["organisations"] = rows("organisations")
        values["outcomes"] = rows("outcomes")
        values["sources"] = rows("sources")
        values["last_reviewed"] = st.date_input(
            "Last reviewed against the sources", key=P + "last_reviewed", persist_state="session"
        )

    case = build_case(values)
    text = case_yaml(case)
    file_name = f"{case['id'] or 'new-case'}.yaml"
    problems = check_text(file_name, text, vocabulary, expected_id=case["id"] or None).problems
    errors = [p for p in problems if p.severity == "error"]
    with result:
        st.subheader("Your case file")
        if not values["title"]:
            st.info("Start with a title; the file name follows from it.")
        elif errors:
            st.error(f"{len(errors)} thing(s) to fix before this case can be added:")
            st.markdown("\n".join(f"- `{p.key or 'file'}`: {p.message}" for p in errors))
        else:
            st.success("This case is valid.")
        for warning in (p for p in problems if p.severity == "warning"):
            st.markdown(f"Worth a look: `{warning.key}`: {warning.message}")  # not a caption: code in faded text fails contrast
        # Plain text: the YAML highlighter's colours fail WCAG contrast; wrapped: no box to scroll.
        st.code(text, language=None, wrap_lines=True)
        st.download_button("Download the YAML file", text, file_name=file_name, mime="application/x-yaml", disabled=bool(errors))
        proposal = new_case_url(file_name, text)
        if proposal is not None:
            st.link_button("Propose it in the repository", proposal, disabled=bool(errors))
        else:
            st.markdown("Add the file to `data/cases/` in the project's repository and open a pull request.")

with check:
    upload = st.file_uploader("Case file (.yaml, at most 256 KiB)", type=["yaml"], max_upload_size=1, key="contribute_upload")
    if upload is not None:
        # The same checks as the validator: size, UTF-8, NUL bytes, the strict reader, the schema and the rules.
        checked = check_bytes(upload.name, upload.getvalue(), vocabulary, expected_id=upload.name.rsplit(".", 1)[0])
        upload_errors = [p for p in checked.problems if p.severity == "error"]
        if upload_errors:
            st.error(f"{upload.name}: {len(upload_errors)} problem(s) to fix.")
        else:
            st.success(f"{upload.name} is a valid case file.")
        for problem in checked.problems:
            st.text(problem.format())
