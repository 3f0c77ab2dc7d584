"""Case: everything the catalogue knows about one case, from `/case?id=<id>`."""

from functools import partial

import streamlit as st

from catalogue import citations
from catalogue.brief import render_brief
from catalogue.maps import map_points
from catalogue.presentation import case_facts, organisation_line, outcome_lines, source_details
from catalogue.settings import case_file, edit_url, permalink
from catalogue.similar import similar_cases
from catalogue.text import md_escape, md_link
from ui import data, routes, view
from ui.components import case_map, page_link, share_control

filters = view.filters()
catalogue, vocabulary = data.catalogue(), data.vocabulary()
# The address alone says which case is shown: every way in (a link, a map click, Back
# and Forward) carries `id`, and the page never writes to the address itself.
case_id = st.query_params.get("id", "")
case = catalogue.by_id.get(case_id)

if case is None:
    st.title("Case not found")
    shown = md_escape(case_id[:80]) if case_id else "no case id"
    st.warning(f"There is no case with the id {shown} in the catalogue. It may have been renamed or removed.")
    page_link(routes.EXPLORE, "Back to all cases", icon=":material/arrow_back:")
    st.stop()

numbered = citations.case_citations(case)  # sources numbered in the order the text cites them


def cited(text: str) -> str:
    """Plain case text, escaped, with its citation markers as numbers linking to the sources."""
    return citations.markdown(text, numbered, escape=md_escape)


page_link(routes.EXPLORE, "All cases", icon=":material/arrow_back:")
st.title(md_escape(case.title))
st.markdown(f"##### {md_escape(case.summary)}")

facts, where = st.columns([3, 2], gap="large")
with facts:
    facts_shown = [fact for fact in case_facts(case, vocabulary) if fact.label != "Co-production types"]
    st.markdown("\n".join(f"- **{fact.label}:** {md_escape(fact.value)}" for fact in facts_shown))
    st.markdown("**Co-production types**")
    for key in case.types:
        term = vocabulary.terms("types")[key]
        evidence = case.type_evidence.get(key)
        shown = f"  \nIn this case: {cited(f'{evidence.why} [@{evidence.source}]')}" if evidence else ""
        st.markdown(
            f'<span style="display:inline-block;width:10px;height:10px;border-radius:50%;background:{term.colour}"></span> '
            f"**{term.label}**: {md_escape(term.definition)}{shown}",
            unsafe_allow_html=True,  # the swatch colour comes from the vocabulary, the text is escaped
        )
with where:
    case_map(map_points([case], vocabulary), key="case-map", height=320, width=480)
    st.caption("Circle size shows how precisely the sources place the case.")

if case.description:
    st.subheader("About this case")
    # Markdown from a validated file (HTML is refused by the validator and not rendered); markers become numbers
    st.markdown(citations.markdown(case.description, numbered))

if case.outcomes:
    st.subheader("Outcomes")
    for line in outcome_lines(case):
        figure = f"**{md_escape(line.headline)}** · " if line.headline else ""
        st.markdown(f"- {figure}{md_escape(line.text)} *(source: {md_escape(line.source.title)})*")

left, right = st.columns(2, gap="large")
with left:
    if case.milestones:
        st.subheader("Timeline")
        st.markdown("\n".join(f"- **{m.year}** {md_escape(m.event)}" for m in sorted(case.milestones, key=lambda m: m.year)))
    if case.organisations or case.participants:
        st.subheader("Who takes part")
        lines = [f"- {md_escape(organisation_line(o, vocabulary))}" for o in case.organisations]
        if case.participants:
            lines.append("- Participants: " + md_escape(", ".join(case.participants)))
        st.markdown("\n".join(lines))
with right:
    if case.principles:
        st.subheader("Principles")
        st.markdown("\n".join(f"- {cited(p)}" for p in case.principles))
    if case.challenges:
        st.subheader("Challenges")
        st.markdown("\n".join(f"- {cited(c)}" for c in case.challenges))

st.subheader("Sources", anchor="sources")
st.markdown(
    "\n".join(
        f"{n}. {md_link(s.title, s.url)}" + (f", {md_escape(source_details(s))}" if source_details(s) else "")
        for n, s in enumerate(numbered.ordered(case.sources), start=1)
    )
)

if case.external_ids:
    st.markdown("Elsewhere: " + ", ".join(md_link(name, url) for name, url in case.external_ids.items()))

related = [catalogue.by_id[r] for r in case.related if r in catalogue.by_id]
similar = [c for c in similar_cases(case, catalogue.cases) if c not in related]
if related or similar:
    st.subheader("Related and similar cases")
    for other in related:
        page_link(routes.CASE, f"{md_escape(other.title)} (related)", {"id": [other.id]})
    for other in similar:
        page_link(routes.CASE, f"{md_escape(other.title)} (shares types and sectors)", {"id": [other.id]})

st.divider()
url = edit_url(case.id)
edit = md_link("Edit this case", url) if url else f"To correct it, edit `{case_file(case.id)}` in the project's repository"
permanent = permalink(case.id)
links = f"{edit}." + (f" {md_link('Permalink', permanent)}." if permanent else "")
st.caption(f"Last reviewed {case.last_reviewed:%d %B %Y}. {links}")
left, right = st.columns([1, 4])
with left:
    share_control(filters, {"id": [case.id]}, permanent=permanent)
with right:
    st.download_button(
        "Printable brief (HTML, print to PDF)",
        data=partial(render_brief, case, vocabulary),  # built on click
        file_name=f"{case.id}-brief.html",
        mime="text/html",
        icon=":material/print:",
    )
