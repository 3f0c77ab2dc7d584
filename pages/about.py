"""About: what co-production is, the typology and evidence levels (from the vocabulary), and how to take part."""

import streamlit as st

from catalogue.stats import coverage, coverage_markdown, summary
from catalogue.text import md_escape
from ui import data, view

view.filters()  # every page starts from the view app.py set (see ui/view.py)
vocabulary = data.vocabulary()
catalogue = data.catalogue()

st.title("About the catalogue")
st.markdown(
    """
**Co-production** is a way of providing public services in which the people who use
them, their families and communities work with paid professionals to plan, design,
deliver, govern and assess them, sharing power and responsibility. Citizens are not
only consulted: they contribute their own time, knowledge and effort. The term was
coined in the late 1970s by Elinor Ostrom and colleagues at Indiana University.

This catalogue collects **real cases** of co-produced public services from published
sources, so that policymakers and practitioners can see where and how co-production is
used, and how strong the evidence about it is.
"""
)

st.header("The typology")
st.markdown("Each case is coded with one or more types, in two groups.")
for group, group_term in vocabulary.type_groups.items():
    st.subheader(group_term.label)
    st.caption(group_term.definition)
    for key in vocabulary.types_in_group(group):
        term = vocabulary.terms("types")[key]
        count = sum(key in case.types for case in catalogue.cases)
        st.markdown(
            f"**{term.label}** ({count} cases): {md_escape(term.definition)}  \n"
            f"<small>Source of the definition: {md_escape(str(term.extra.get('source', '')))}</small>",
            unsafe_allow_html=True,  # vocabulary text only, escaped
        )

st.header("Strength of evidence")
st.markdown(
    "\n".join(
        f"{term.extra.get('rank')}. **{term.label}**: {md_escape(term.definition)}"
        for term in vocabulary.terms("evidence").values()
    )
)

st.header("How cases are chosen and coded")
st.markdown(
    """
- A case is a **public service**, or a service of public value, in which **citizens or
  service users contribute** to its commissioning, design, delivery, governance or
  assessment alongside professionals.
- Every fact comes from a **public source cited in the case**. A field the sources do
  not support is left empty: the catalogue never guesses a date, figure or place.
- **Locations carry a precision** (exact place, city, region or country), and the map
  draws imprecise places as larger circles.
- The **world region** is derived from the country codes, never typed by hand.
- Each case records when it was **last reviewed** against its sources.
"""
)

st.header("Coverage")
result = coverage(catalogue.cases, vocabulary)
st.markdown(f"**{summary(result)}.** The same figures as `python -m catalogue stats` and `docs/coverage.md`.")
with st.expander("Cases per type, region, country, sector and evidence level, and what is wanted"):
    # Generated from vocabulary labels, country names and counts only: no case text.
    st.markdown(coverage_markdown(result).split("\n", 4)[4])

st.header("How to cite")
st.markdown(
    "Co-production case catalogue (2026). *An open catalogue of co-produced public services.* "
    "Cite the case's own sources for any figure you reuse; each case page lists them."
)

st.header("How to contribute")
st.markdown(
    "Cases are YAML files in `data/cases/`, one per case, checked automatically. See the **Contribute** page for the steps."
)
