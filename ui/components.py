"""Small rendering pieces used by several pages: notices, share link, map, legend, downloads."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import partial
from html import escape
from urllib.parse import urlencode, urlsplit

import pydeck as pdk
import streamlit as st

from catalogue import Catalogue, Vocabulary
from catalogue.curated import Collection
from catalogue.export import FORMATS, Context, filename, render
from catalogue.filters import Filters
from catalogue.index import CaseIndex
from catalogue.maps import LAYER_ID, case_deck
from catalogue.schema import Case
from catalogue.stats import KeyFigures
from catalogue.text import count_of, md_escape
from ui import data, routes, view

#: Styles for every page but the presentation. The sidebar's opener says what it opens: on a phone
#: the sidebar starts closed and Streamlit's opener is a bare '»' icon (named only for screen readers).
#: Result titles look like the links they are, each result set off by a rule, its facts line a caption;
#: the links to the other pages of results under them.
APP_STYLE = """<style>
[data-testid="stExpandSidebarButton"]::after {
  content: "Filters"; margin-left: 0.3rem; font-size: 1rem; font-weight: 600; color: #111418;
}
ul.results { list-style: none; margin: 0; padding: 0; }
ul.results li { margin: 0; padding: 0.5rem 0 0.6rem; border-top: 1px solid #d5dae1; }
ul.results a {
  font-size: 1.1rem; font-weight: 600; color: #0062A0; text-decoration: underline; text-underline-offset: 3px;
}
ul.results p { margin: 0.15rem 0 0; font-size: 0.875rem; line-height: 1.6; }
ul.results p.facts, p.results-note, p.view-description { color: rgba(17, 20, 24, 0.6); }
p.view-description, p.results-note { font-size: 0.875rem; }
p.results-note { margin: 0 0 0.5rem; }
nav.pager {
  display: grid; grid-template-columns: 1fr auto 1fr; align-items: center; gap: 1rem;
  padding: 0.75rem 0; border-top: 1px solid #d5dae1;
}
nav.pager a[rel="next"] { justify-self: end; }
nav.pager a { font-weight: 600; color: #0062A0; text-decoration: underline; text-underline-offset: 3px; }
</style>"""


#: How the app goes to one of its own pages, as ``st.page_link`` does: one ``pushState`` and a
#: ``popstate``, which Streamlit's front end handles as a navigation within the app (widget
#: state kept; see ``open_case``). ``catalogueNavigate`` does it for ``open_case``; links marked
#: ``data-app-link`` (Explore's results) use it when clicked, then bring into view the element
#: the attribute names, if any (the pager's links name the list's heading). A click with a modifier key or
#: another button is left to the browser (a new tab), and without script a link is a plain link.
APP_SCRIPT = """<script>
if (!window.catalogueNavigate) {
  window.catalogueNavigate = function (target) {
    if (window.location.pathname + window.location.search === target) return;
    window.history.pushState({}, "", target);
    window.dispatchEvent(new PopStateEvent("popstate"));
  };
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-app-link]") : null;
    if (!link || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    window.catalogueNavigate(link.getAttribute("href"));
    var top = link.getAttribute("data-app-link") && document.getElementById(link.getAttribute("data-app-link"));
    if (top) top.scrollIntoView();
  });
}
</script>"""


def app_style() -> None:
    """Add the app's few styles and its link script to the page (no case text ever goes into them)."""
    st.html(APP_STYLE + APP_SCRIPT, unsafe_allow_javascript=True)


def ignored_notice(ignored: Sequence[str]) -> None:
    """Say which URL values were not understood and were left out."""
    if ignored:
        st.info("Some link parameters were not recognised and were ignored: " + ", ".join(f"`{i}`" for i in ignored), icon="ℹ️")


def invalid_files_notice(catalogue: Catalogue) -> None:
    """Name the case files that failed validation, with their first error; the valid cases still show."""
    invalid = catalogue.invalid_files
    if not invalid:
        return
    noun = "file is" if len(invalid) == 1 else "files are"
    with st.expander(f"⚠️ {len(invalid)} case {noun} invalid and not shown", expanded=False):
        st.markdown("Run `python -m catalogue validate` for every problem. The other cases are shown as usual.")
        for problem in invalid.values():
            name = problem.path.rsplit("/", 1)[-1]
            st.text(f"{name}, line {problem.line}: {problem.key + ': ' if problem.key else ''}{problem.message}")


def share_link(filters: Filters, extra: dict[str, list[str]] | None = None) -> str:
    """The address of the current view: the page's URL plus the encoded filter query."""
    query = {**filters.to_query(), **(extra or {})}
    base = (st.context.url or "").split("?", 1)[0]
    if base and not urlsplit(base).path:
        base += "/"  # 'https://host/?type=…', as a browser writes the address of a site's root
    encoded = urlencode(query, doseq=True)
    return f"{base}?{encoded}" if encoded else base


def share_control(filters: Filters, extra: dict[str, list[str]] | None = None, permanent: str | None = None) -> None:
    """A 'Copy link to this view' control: the link in a code box with a copy button, and a case's
    permanent address on the static site when one is configured.

    Its content is drawn when it is opened: closed, it is one element, where a crowd on one shared
    link would otherwise be sent three per visitor that few of them open (issue 12)."""
    share = st.popover("Copy link to this view", icon=":material/link:", key="share", on_change="rerun")
    if not share.open:
        return
    with share:
        if permanent:
            st.markdown("Permanent address of this case (its page on the catalogue's website):")
            st.code(permanent, language=None, wrap_lines=True)
        st.markdown("Anyone with this link sees the same filters and selection:")
        st.code(share_link(filters, extra), language=None, wrap_lines=True)


def headline(shown: int, total: int, description: str, figures: KeyFigures) -> None:
    """Explore's title, how many cases it shows, what the view is and its key figures, as one element
    (each element is a message every visitor to a shared link is sent; issue 12).

    ``description`` names the filters and the words searched for (``catalogue.filters.describe``),
    so it is escaped; the key figures stay on one line (stacked metrics filled a phone's screen)."""
    parts = [
        (figures.countries, "country", "countries"),
        (figures.types, "co-production type", "co-production types"),
        (figures.evaluated, "with evaluated evidence", "with evaluated evidence"),
    ]
    line = " · ".join(f"**{n}** {one if n == 1 else many}" for n, one, many in parts)
    st.markdown(
        f"# Co-production case catalogue\n\n#### Showing {shown} of {total} cases\n\n"
        f'<p class="view-description">{escape(" ".join(description.split()))}</p>\n\n{line}',
        unsafe_allow_html=True,  # the one HTML line is escaped text (searched words included)
    )


#: How to move a map, said under each one.
MAP_HELP = "Drag to move the map; zoom with its + and − buttons or a double-click. The mouse wheel scrolls the page."


def type_legend(vocabulary: Vocabulary) -> str:
    """The colour of each co-production type, as on the map and charts, what a marker's size and number
    say, and how to move the map: HTML of vocabulary colours and labels, never case text (for ``case_map``)."""
    items = " ".join(
        f'<span style="white-space:nowrap;margin-right:14px"><span style="display:inline-block;width:11px;height:11px;'
        f'border-radius:50%;background:{term.colour};margin-right:5px"></span>{term.label}</span>'
        for term in vocabulary.terms("types").values()
    )
    return (
        f'<div style="font-size:0.85rem">{items}<br/><span style="color:#5f6b7a">Colour: first listed type. '
        "Circle size: how precise the location is (a large circle marks a region or a whole country). "
        f"A number on a circle: that many cases share the place (grey when their types differ). {MAP_HELP}</span></div>"
    )


#: The world's outlines under every map, as the app serves them (``static/``, a copy of
#: ``catalogue/data/world-countries.geojson``): fetched by the browser once and kept, instead of
#: 160 kB in every map the server sends (issue 12).
OUTLINES = "app/static/world-countries.json"


@st.cache_resource(max_entries=64, show_spinner=False)
def _shared_deck(shared_as: str, _points: Sequence[dict], width: int, height: int) -> pdk.Deck:
    """One deck (and one JSON of it) per view, shared by every visitor: a crowd opening the same
    link no longer builds and serialises the same map once each. Treated as read-only."""
    return case_deck(_points, width=width, height=height, outlines=address(OUTLINES, {}))


def view_of(query: Mapping[str, Sequence[str]]) -> str:
    """Names a view for what every visitor of it shares (its map, charts, page of results): the
    loaded catalogue (its generation) and the view's query (``Filters.to_query``, or a link's)."""
    return f"{data.catalogue().generation}?{urlencode(query, doseq=True)}"


def case_map(
    points: Sequence[dict],
    *,
    key: str,
    height: int = 460,
    width: int = 1100,
    shared_as: str | None = None,
    legend: str | None = None,
) -> str | None:
    """Draw a map of case points (``catalogue.maps.map_points``); return the id of a clicked case, if any.

    A click on a marker shared by several cases lists them under the map as links (the
    filters kept), so each can be opened; ``width`` is the map's expected width, for fitting.
    Maps given the same ``shared_as`` (``view_of``) share one deck. Under the map, ``legend``
    (``type_legend``, which says how to move the map) or else just how to move it, as one element."""
    if shared_as:
        deck = _shared_deck(shared_as, points, width, height)
    else:
        deck = case_deck(points, width=width, height=height, outlines=address(OUTLINES, {}))
    event = st.pydeck_chart(deck, height=height, on_select="rerun", selection_mode="single-object", key=key)
    if legend is None:
        st.caption(MAP_HELP)
    else:
        st.markdown(legend, unsafe_allow_html=True)  # only the app's own legend: vocabulary colours and labels
    try:
        objects = event["selection"]["objects"].get(LAYER_ID) or []
    except (KeyError, TypeError, AttributeError):
        return None
    if not objects:
        return None
    ids = [case_id for case_id in objects[0].get("ids") or [] if isinstance(case_id, str)]
    if len(ids) > 1:
        titles = {point["id"]: point["title"] for point in points}
        with st.container(border=True, key=f"{key}-shared"):
            st.markdown(f"**{len(ids)} cases at this point.** Open one:")
            for case_id in ids:
                if case_id in titles:
                    page_link(routes.CASE, md_escape(titles[case_id]), {"id": [case_id]}, icon=":material/place:")
        return None
    return objects[0].get("id") or None


def app_address() -> str:
    """This dashboard's own address (scheme, host and base path), as the browser reached it."""
    parts = urlsplit(st.context.url or "")
    return f"{parts.scheme}://{parts.netloc}{address('', {})}".rstrip("/") if parts.netloc else ""


def downloads(cases: Sequence[Case], filters: Filters, vocabulary: Vocabulary) -> None:
    """Download buttons for exactly the filtered cases, one per format, in a section drawn only while open.

    Closed, the section is one element: a crowd on one shared link seldom downloads, and each
    element is a message the server sends every visitor (issue 12). Case page addresses in the
    files point at this dashboard unless a public address is configured (``CATALOGUE_DASHBOARD_URL``
    or, for permanent pages, ``CATALOGUE_SITE_URL``)."""
    section = st.expander("Download this selection", icon=":material/download:", key="downloads", on_change="rerun")
    if not section.open:
        return
    context = Context(filters, reached_at=app_address())
    with section, st.container(horizontal=True):
        for fmt, module in FORMATS.items():
            st.download_button(
                module.LABEL,
                data=partial(render, fmt, cases, vocabulary, context),  # built on click, not on every rerun
                file_name=filename(filters, vocabulary, fmt),
                mime=module.MEDIA_TYPE,
                width="stretch",
                disabled=not cases,
                key=f"download-{fmt}",
            )


def collections_list(collections: Mapping[str, Collection], index: CaseIndex, active: Collection | None) -> None:
    """The curated collections, each a link that applies it; the active one's introduction."""
    from ui.sidebar import view_query
    if active is not None:
        with st.container(border=True):
            st.markdown(f"**Collection: {md_escape(active.title)}**")
            st.markdown(active.introduction)  # Markdown from a validated file: HTML is refused there
    if not collections:
        return
    # Open on the empty view only. Built only while open: a closed list costs the server nothing
    # (opening it reruns the page). The key names the default, so a new view starts from its own.
    opened = active is None and view.filters().is_empty
    box = st.expander(
        "Curated collections", expanded=opened, key=f"collections-{'open' if opened else 'closed'}", on_change="rerun"
    )
    if box.open:
        with box:
            # Two columns, the first half down the left: the list stays short, and the reading
            # order (down one column, then the other) is the order of the files.
            every = list(collections.values())
            half = (len(every) + 1) // 2
            for column, part in zip(st.columns(2), (every[:half], every[half:]), strict=True):
                with column:
                    for collection in part:
                        count = index.count(collection.filters)  # same cases as collection.select, counted fast
                        view_button(
                            f"{md_escape(collection.title)} ({count_of(count, 'case')})",
                            view_query(collection.filters, collection),
                            key=f"collection-{collection.id}",
                            icon=":material/collections_bookmark:",
                        )


def link_query(extra: dict[str, list[str]] | None = None, filters: Filters | None = None) -> dict[str, list[str]]:
    """The query an in-app link carries: the current filters (and collection) plus the target page's own keys.

    Carrying the filters means the new page need not write them back, which would push an
    extra entry into the browser's history and make Back stop on it."""
    from ui.sidebar import active_collection, view_query

    filters = view.filters() if filters is None else filters
    return {**view_query(filters, active_collection(filters)), **(extra or {})}


def _show(query: dict[str, list[str]]) -> None:
    st.query_params.from_dict(query)


def view_button(label: str, query: dict[str, list[str]], *, key: str, icon: str | None = None) -> None:
    """A button that changes this page's view to ``query`` (one change of the address, one entry in history).

    Not ``st.page_link``: a link to the page already shown runs with the new query but
    leaves the browser's address as it was, so the address (and a shared link) would
    describe the old view. Setting the query in a callback changes both at once, and
    the sidebar's widgets are seeded from it on the run that follows."""
    st.button(label, key=key, icon=icon, on_click=_show, args=(query,), type="tertiary")


def page_link(page: str, label: str, extra: dict[str, list[str]] | None = None, icon: str | None = None) -> None:
    """A link to another page of the app that keeps the filters."""
    st.page_link(routes.link_target(page), label=label, query_params=link_query(extra), icon=icon)


def address(url_path: str, query: dict[str, list[str]]) -> str:
    """The absolute path of an app page with a query (honours ``server.baseUrlPath``)."""
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    path = "/".join(part for part in (base, url_path) if part)
    encoded = urlencode(query, doseq=True)
    return f"/{path}" + (f"?{encoded}" if encoded else "")


def open_case(case_id: str) -> None:
    """Go to a case's page, keeping the filters, as one entry in the browser's history.

    ``st.switch_page`` cannot be used here: it first writes the new query on the *old*
    page's address (a history entry showing the list with a stray ``id=``), then pushes
    the new page (a second entry), and it drops every widget's state, the sidebar's
    filters included. So one Back press landed on the list with ``id=`` in the address,
    and a second on the list without filters. Instead the browser navigates exactly as a
    link or its own Back button does: one ``pushState`` and a ``popstate``, which
    Streamlit's front end handles as a navigation within the app (widget state kept).
    ``tests/test_journeys.py`` fails if that ever stops being true. The navigation itself is
    ``APP_SCRIPT``'s ``catalogueNavigate``, which Explore's result links use too."""
    target = address(routes.path_of(routes.CASE), link_query({"id": [case_id]}))
    run_in_page("open-case", "window.parent.catalogueNavigate(" + json.dumps(target).replace("<", "\\u003c") + ");")


def run_in_page(name: str, script: str) -> None:
    """Run a script of the app's own (never case text) against the app's document, from a hidden
    same-origin frame (``st.iframe``; ``st.components.v1.html`` is deprecated). ``name`` keys its
    container, which its own style hides, so the frame takes no room on any page."""
    with st.container(key=f"page-script-{name}"):
        st.html(f"<style>.st-key-page-script-{name} {{ display: none; }}</style>")
        st.iframe(f"<script>(function () {{{script}}})();</script>", height=1)


#: Keys of a presenter's clicker or keyboard and the presentation button each one presses.
PRESENTER_KEYS = {
    "ArrowRight": "present-next",
    "ArrowDown": "present-next",
    "PageDown": "present-next",
    " ": "present-next",
    "ArrowLeft": "present-previous",
    "ArrowUp": "present-previous",
    "PageUp": "present-previous",
    "Escape": "present-exit",
}


def presenter_keys() -> None:
    """Let the keys in ``PRESENTER_KEYS`` press the presentation's Previous, Next and Exit buttons.

    Streamlit has no key bindings, so a hidden same-origin frame (``run_in_page``) adds one
    ``keydown`` listener to the app's document, replacing the one a previous run added. It
    presses the buttons by their widget keys (``st-key-...`` classes), so it does nothing
    outside presentation mode, and it leaves keys alone while a text field has focus or a
    modifier is held (and Space on a focused button or link, which the browser already presses)."""
    run_in_page(
        "presenter-keys",
        "const doc = window.parent.document; const keys = " + json.dumps(PRESENTER_KEYS) + ";"
        "if (doc.__presenterKeys) doc.removeEventListener('keydown', doc.__presenterKeys);"
        "doc.__presenterKeys = function (event) {"
        "  const key = keys[event.key]; if (!key || event.altKey || event.ctrlKey || event.metaKey) return;"
        "  const target = event.target; const tag = (target && target.tagName || '').toLowerCase();"
        "  if (['input', 'textarea', 'select'].includes(tag) || (target && target.isContentEditable)) return;"
        "  if (event.key === ' ' && ['button', 'a'].includes(tag)) return;"
        "  const button = doc.querySelector('.st-key-' + key + ' button');"
        "  if (!button) return;"
        "  event.preventDefault(); if (!button.disabled) button.click();"
        "};"
        "doc.addEventListener('keydown', doc.__presenterKeys);",
    )


def start_presenting() -> None:
    """Add ``present=1`` to this address (a button callback); app.py then runs presentation mode here."""
    st.query_params["present"] = "1"  # one change of the address: Back (or Exit) returns to this view


def present_control(key: str = "present-this-view") -> None:
    """A 'Present this view' button: this address, its filters and own keys kept, with ``present=1``.

    A button, not ``st.page_link``: a page link to the page already shown does not change
    the browser's address (Streamlit updates it only when the page changes), so from
    ``/explore?...`` the presentation ran without ``present=1`` in the address and the
    first slide change fell back to the page."""
    st.button("Present this view", icon=":material/slideshow:", on_click=start_presenting, key=key, width="stretch")
