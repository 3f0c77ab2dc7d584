"""The real Streamlit app through AppTest: pages render, URL sets the widgets, widgets set the counts."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from catalogue.filters import Filters, apply
from tests.conftest import INVALID

APP = str(Path(__file__).resolve().parent.parent / "app.py")
HEADLINE = re.compile(r"Showing (\d+) of (\d+) cases")


def run(query: dict[str, str | list[str]] | None = None, page: str | None = None) -> AppTest:
    """Run the app once (optionally on a page) with a URL query."""
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page)
        for key, value in (query or {}).items():
            at.query_params[key] = value
        at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def headline(at: AppTest) -> tuple[int, int]:
    """The numbers in 'Showing N of M cases'."""
    for element in at.markdown:
        match = HEADLINE.search(element.value)
        if match:
            return int(match[1]), int(match[2])
    raise AssertionError("no headline")


def has_title(at: AppTest) -> bool:
    """Whether the page shows a level-1 heading (``st.title``, or Markdown's ``#`` as Explore's one-element headline)."""
    return bool(at.title) or any(element.value.startswith("# ") for element in at.markdown)


def query(at: AppTest, key: str) -> list[str]:
    """A query parameter's values as a list (AppTest gives a lone value as a string)."""
    value = at.query_params.get(key, [])
    return [value] if isinstance(value, str) else list(value)


def chosen(at: AppTest, facet_key: str) -> list[str]:
    """The values chosen in one facet: the vocabulary keys its toggles hold."""
    return list(toggles(at, facet_key).value)


def toggles(at: AppTest, facet_key: str):
    """The set of toggles of one facet (sector, region, ...): its value is the chosen vocabulary keys.

    A closed section of the sidebar draws nothing, so the facet's section is opened first, as a
    person opens it (its expander's state, keyed ``section_<facet>``, reruns the page)."""
    if not any(group.key == f"filter_{facet_key}" for group in at.sidebar.button_group):
        at.session_state[f"section_{facet_key}"] = True
        at.run()
    return at.sidebar.button_group(key=f"filter_{facet_key}")


@pytest.fixture(autouse=True)
def bundled_dir(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("CATALOGUE_DIR", raising=False)


def test_explore_shows_all_cases(bundled):
    at = run()
    assert headline(at) == (len(bundled.cases), len(bundled.cases))
    assert any("All cases in the catalogue" in m.value for m in at.markdown)


def test_the_view_s_description_shows_searched_words_as_typed():
    at = run({"q": "<b>time</b> **bank**"})
    shown = next(m.value for m in at.markdown if "view-description" in m.value)
    assert "&lt;b&gt;time&lt;/b&gt; **bank**" in shown and "<b>" not in shown


def test_query_parameters_set_the_widgets_and_the_count(bundled):
    at = run({"type": "co-governance", "region": ["Europe", "Oceania"]})
    assert chosen(at, "type") == ["co-governance"]
    assert chosen(at, "region") == ["Europe", "Oceania"]
    expected = apply(bundled.cases, Filters(types=("co-governance",), regions=("Europe", "Oceania")))
    assert headline(at) == (len(expected), len(bundled.cases))


def test_changing_widgets_changes_counts_and_writes_the_query(bundled):
    at = run()
    toggles(at, "sector").select("mental-health").run()
    at.sidebar.text_input(key="filter_q").input("recovery").run()
    expected = apply(bundled.cases, Filters(sectors=("mental-health",), q="recovery"))
    assert headline(at)[0] == len(expected) > 0
    assert query(at, "sector") == ["mental-health"] and query(at, "q") == ["recovery"]
    at.session_state["share"] = True  # the person opens "Copy link to this view"
    at.run()
    link = at.get("code")[0].value
    assert "sector=mental-health" in link and "q=recovery" in link


def test_match_all_narrows_types(bundled):
    at = run({"type": ["co-governance", "co-management"], "match": "all"})
    expected = apply(bundled.cases, Filters(types=("co-governance", "co-management"), match="all"))
    assert headline(at)[0] == len(expected)


def test_any_or_all_types_is_asked_once_two_types_are_chosen(bundled):
    at = run({"type": "co-design"})
    assert not at.sidebar.radio  # with one type, "any" and "all" are the same
    toggles(at, "type").select("co-delivery").run()
    assert [radio.label for radio in at.sidebar.radio] == ["Cases must have"]
    at.sidebar.radio(key="filter_match").set_value("all").run()
    expected = apply(bundled.cases, Filters(types=("co-design", "co-delivery"), match="all"))
    assert headline(at)[0] == len(expected) > 0 and query(at, "match") == ["all"]
    toggles(at, "type").unselect("co-design").run()
    assert at.sidebar.radio(key="filter_match").value == "all"  # still said, while it is set


def test_facet_counts_appear_in_the_labels_not_the_values(bundled):
    at = run({"sector": "mental-health"})
    delivery = sum("co-delivery" in c.types and "mental-health" in c.sectors for c in bundled.cases)
    assert f"Co-delivery ({delivery})" in toggles(at, "type").options
    toggles(at, "type").select("co-delivery").run()  # the counts change under the chosen toggles: the values stay the keys
    health = sum("co-delivery" in c.types and "health" in c.sectors for c in bundled.cases)
    assert f"Health ({health})" in toggles(at, "sector").options  # the label counts cases with the other filters
    toggles(at, "sector").select("health").run()
    expected = apply(bundled.cases, Filters(types=("co-delivery",), sectors=("mental-health", "health")))
    assert headline(at)[0] == len(expected)
    assert query(at, "type") == ["co-delivery"] and query(at, "sector") == ["mental-health", "health"]


def test_the_types_help_defines_each_type_under_its_group():
    from catalogue.vocabulary import load_vocabulary

    vocabulary = load_vocabulary()
    at = run()
    help_text = toggles(at, "type").help
    for group, title in vocabulary.type_groups.items():
        assert f"**{title.label}**\n\n" in help_text  # a paragraph of its own, not a line of the list above it
        for key in vocabulary.types_in_group(group):
            assert vocabulary.terms("types")[key].definition in help_text


def test_clear_filters_resets_everything(bundled):
    at = run({"type": "co-design", "q": "water"})
    at.sidebar.button[0].click().run()
    assert headline(at) == (len(bundled.cases), len(bundled.cases))
    assert chosen(at, "type") == [] and "type" not in at.query_params


def test_a_closed_section_draws_nothing_and_keeps_its_choices(bundled):
    at = run({"sector": "health"})
    drawn = {group.key for group in at.sidebar.button_group}
    assert drawn == {"filter_type", "filter_sector"}  # the types (open at first) and the section with a choice
    at.session_state["section_sector"] = False  # the person closes Sector
    at.run()
    assert [group.key for group in at.sidebar.button_group] == ["filter_type"]
    toggles(at, "type").select("co-delivery").run()
    expected = apply(bundled.cases, Filters(types=("co-delivery",), sectors=("health",)))
    assert headline(at)[0] == len(expected) > 0
    assert query(at, "sector") == ["health"] and query(at, "type") == ["co-delivery"]
    assert chosen(at, "sector") == ["health"]  # opened again, it still shows the choice


def test_a_section_stays_open_when_its_last_choice_is_taken_back(bundled):
    at = run()
    toggles(at, "sector").select("health").run()  # opened by the person, then a choice
    toggles(at, "sector").unselect("health").run()
    assert query(at, "sector") == [] and headline(at)[0] == len(bundled.cases)
    assert [group.key for group in at.sidebar.button_group] == ["filter_type", "filter_sector"]


def test_the_download_section_draws_its_buttons_only_once_opened(bundled):
    at = run({"region": "Europe"})
    assert not at.get("download_button")  # closed, the section is one element
    at.session_state["downloads"] = True  # the person opens "Download this selection"
    at.run()
    labels = [button.proto.label for button in at.get("download_button")]
    assert labels == ["CSV (spreadsheet)", "JSON (full records)", "GeoJSON (map points)", "Data package (zip)"]
    assert headline(at)[0] == len(apply(bundled.cases, Filters(regions=("Europe",))))


def test_unknown_url_values_give_a_notice_not_an_error():
    at = run({"type": ["co-design", "co-nothing"], "from": "19x0", "region": "Narnia"})
    notice = " ".join(i.value for i in at.info)
    for fragment in ("type=co-nothing", "from=19x0", "region=Narnia"):
        assert fragment in notice
    assert chosen(at, "type") == ["co-design"]


def test_invalid_files_are_named_and_valid_cases_still_shown(valid_dir, monkeypatch):
    shutil.copy(INVALID / "unknown-type.yaml", valid_dir)
    monkeypatch.setenv("CATALOGUE_DIR", str(valid_dir))
    at = run()
    assert headline(at) == (2, 2)
    assert "1 case file is invalid" in at.expander[0].label
    assert any("unknown-type.yaml, line 13" in t.value for t in at.text)


def test_case_page_shows_the_case_and_its_sources(bundled):
    at = run({"id": "marco-cavallo-centre"}, page="pages/case.py")
    assert at.title[0].value == "Marco Cavallo Centre"
    text = " ".join(m.value for m in at.markdown)
    assert "39" in text and "22" in text and "users of traditional mental health services" in text
    assert "pmc.ncbi.nlm.nih.gov/articles/PMC7328716" in text


def test_case_page_numbers_citations_and_shows_why_each_type_is_coded(valid_dir, monkeypatch):
    path = valid_dir / "harbour-time-bank.yaml"
    text = path.read_text(encoding="utf-8").replace("principles: [reciprocity]", "principles: ['reciprocity [@annual-report]']")
    path.write_text(text + 'description: "Hours are logged online [@annual-report]."\n', encoding="utf-8")
    monkeypatch.setenv("CATALOGUE_DIR", str(valid_dir))
    at = run({"id": "harbour-time-bank"}, page="pages/case.py")
    shown = [m.value for m in at.markdown]
    assert "Hours are logged online \\[[1](#sources)\\]." in shown
    assert "- reciprocity \\[[1](#sources)\\]" in shown
    assert any("In this case: Residents give hours of help" in m and "[1](#sources)" in m for m in shown)
    assert any(m.startswith("1. [Harbour Time Bank annual report]") for m in shown)


def test_unknown_case_is_a_friendly_message():
    at = run({"id": "no-such-case"}, page="pages/case.py")
    assert at.title[0].value == "Case not found"
    assert "no\\-such\\-case" in at.warning[0].value


@pytest.mark.parametrize("page", ["pages/explore.py", "pages/compare.py", "pages/contribute.py", "pages/about.py"])
def test_every_page_renders(page):
    at = run({"type": "co-delivery"}, page=page)
    assert has_title(at)


def test_compare_side_by_side_from_the_url():
    at = run({"case": ["keyring", "shared-lives", "nope"]}, page="pages/compare.py")
    assert at.multiselect(key="compare_case").value == ["keyring", "shared-lives"]
    table = next(d.value for d in at.dataframe if "Attribute" in getattr(d.value, "columns", []))
    assert list(table.columns)[1:3] == ["KeyRing Living Support Networks", "Shared Lives"]
    assert "case=nope" in " ".join(i.value for i in at.info)


def test_compare_builds_only_the_open_tab_and_keeps_the_others_choices():
    at = run({"case": ["keyring", "shared-lives"], "b_region": "Africa"}, page="pages/compare.py")
    assert at.multiselect(key="compare_case").value == ["keyring", "shared-lives"]  # the link opens on its cases
    assert not [m for m in at.multiselect if m.key.startswith("groupb_")]
    at.session_state["compare-tab"] = "Charts of the selection"  # the person opens the charts
    at.run()
    assert not at.multiselect and len(at.get("plotly_chart")) >= 6
    assert query(at, "case") == ["keyring", "shared-lives"] and query(at, "b_region") == ["Africa"]
    at.session_state["compare-tab"] = "Group against group"
    at.run()
    assert at.multiselect(key="groupb_region").value == ["Africa"]
    at.session_state["compare-tab"] = "Side by side"
    at.run()
    assert at.multiselect(key="compare_case").value == ["keyring", "shared-lives"]


def test_filters_survive_a_page_switch(bundled):
    at = run({"type": "co-design"})
    at.switch_page("pages/about.py").run()
    at.switch_page("pages/explore.py").run()
    assert chosen(at, "type") == ["co-design"]
    assert headline(at)[0] == len(apply(bundled.cases, Filters(types=("co-design",))))


def test_compare_renders_every_chart_for_the_bundled_cases():
    at = run(page="pages/compare.py")
    charts = [e for e in at.get("plotly_chart")]
    assert len(charts) >= 7  # six overview charts (two for "where") plus the group charts' empty state
    titles = " ".join(c.proto.spec for c in charts)
    for what in (
        "Co-production types by sector",
        "Where: cases per country",
        "When:",
        "Evidence by type",
        "Outcomes against their comparison",
        "Which types occur together",
    ):
        assert what in titles


def test_compare_empty_state_with_too_few_cases():
    at = run({"q": "180amici"}, page="pages/compare.py")
    assert "Charts need at least two cases" in " ".join(i.value for i in at.info)


def test_group_against_group_from_the_url(bundled):
    at = run({"region": "Europe", "b_region": "Africa"}, page="pages/compare.py")
    specs = " ".join(c.proto.spec for c in at.get("plotly_chart"))
    assert "share of each group" in specs
    assert at.multiselect(key="groupb_region").value == ["Africa"]


@pytest.mark.parametrize(("site", "shown"), [("https://example.org/catalogue/", True), ("", False)])
def test_case_page_offers_its_static_permalink_when_the_site_is_known(monkeypatch, site, shown):
    monkeypatch.setenv("CATALOGUE_SITE_URL", site)
    at = run({"id": "keyring"}, page="pages/case.py")
    address = "https://example.org/catalogue/cases/keyring/"
    captions = " ".join(c.value for c in at.caption)
    assert ("Permalink" in captions and address in captions) is shown
    assert not at.code  # "Copy link to this view" draws its addresses when opened
    at.session_state["share"] = True  # the person opens it
    at.run()
    codes = [code.value for code in at.code]
    assert (address in codes) is shown
    assert codes[-1].endswith("?id=keyring")  # and the link to this view, always


def test_about_shows_the_same_coverage_as_the_command_line(bundled):
    from catalogue.stats import coverage, summary
    from catalogue.vocabulary import load_vocabulary

    at = run(page="pages/about.py")
    expected = summary(coverage(bundled.cases, load_vocabulary()))
    assert any(expected in m.value for m in at.markdown)
    assert any("## Wanted" in m.value for m in at.markdown)
