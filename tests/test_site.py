"""The static site, built from real case files and read back as browsers, crawlers and feed readers do."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from catalogue.citations import case_citations, split
from catalogue.cli import main
from catalogue.curated import load_collections
from catalogue.export import render
from catalogue.loader import DEFAULT_CASES_DIR, Catalogue, load_catalogue
from catalogue.site.build import build_site
from catalogue.site.feed import FEED_SIZE
from catalogue.site.head import script_json
from catalogue.vocabulary import load_vocabulary
from tests.conftest import VALID
from tests.site_walk import json_ld, links, local_file, page_url, pages, parse, resolve

BASE = "https://example.org/catalogue/"
DASHBOARD = "https://dashboard.example.org/"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    assert main(["site", "--out", str(out), "--base-url", BASE, "--dashboard-url", DASHBOARD]) == 0
    return out


def test_the_bundled_catalogue_gives_a_page_per_case_collection_and_type(site, bundled):
    vocabulary = load_vocabulary()
    collections, _ = load_collections(None, bundled.cases, vocabulary)
    for case in bundled.cases:
        assert (site / "cases" / case.id / "index.html").is_file()
        assert (site / "api" / "cases" / f"{case.id}.json").is_file()
    for collection in collections:
        assert (site / "collections" / collection / "index.html").is_file()
    for key in vocabulary.keys("types"):
        assert (site / "types" / key / "index.html").is_file()
    for name in ("index.html", "404.html", "cases/index.html", "sitemap.xml", "robots.txt", "feed.xml", "api/cases.json"):
        assert (site / name).is_file(), name


def test_every_page_parses_as_html5_without_errors(site):
    for path in pages(site):
        parse(path)  # strict: raises on any parse error


def test_every_internal_link_and_asset_resolves(site):
    checked = 0
    for path in pages(site):
        # the 404 page is served at any address, so it links from the site's address; the others link relatively
        here = page_url(site, path, BASE)
        for href in links(parse(path)):
            address = resolve(here, href)
            target = local_file(site, BASE, address.split("#")[0])
            if target is None:
                assert urlsplit(address).scheme in ("http", "https"), (path, href)
                continue
            assert target.is_file(), f"{path.relative_to(site)}: {href} -> {target.relative_to(site)}"
            if "#" in address and not href.startswith("http"):
                fragment = address.split("#", 1)[1]
                assert f'id="{fragment}"' in target.read_text(encoding="utf-8"), (path, href)
            checked += 1
    assert checked > 500


def test_links_are_relative_so_the_site_works_under_any_base_path(site):
    for path in pages(site):
        if path.name == "404.html":
            continue
        canonical = page_url(site, path, BASE)
        for href in links(parse(path)):
            assert href == canonical or not href.startswith(("/", BASE)), (path, href)


def test_every_page_has_head_metadata_and_json_ld(site, bundled):
    marco = bundled.by_id["marco-cavallo-centre"]
    for path in pages(site):
        tree = parse(path)
        metas = {m.get("property") or m.get("name"): m.get("content") for m in tree.iter("meta") if m.get("content")}
        for key in ("description", "og:title", "og:description", "og:type", "twitter:card", "twitter:title"):
            assert metas.get(key), (path, key)
        assert tree.find(".//title").text
        (ld,) = json_ld(tree)
        assert ld["@context"] == "https://schema.org"
        if path.name != "404.html":
            canonical = next(link.get("href") for link in tree.iter("link") if link.get("rel") == "canonical")
            assert canonical == page_url(site, path, BASE) == metas["og:url"]
    tree = parse(site / "cases" / "marco-cavallo-centre" / "index.html")
    metas = {m.get("property") or m.get("name"): m.get("content") for m in tree.iter("meta")}
    assert metas["og:title"] == marco.title and metas["og:description"] == marco.summary
    (ld,) = json_ld(tree)
    assert ld["@type"] == "Article" and ld["headline"] == marco.title
    assert {c["url"] for c in ld["citation"]} == {s.url for s in marco.sources}


def test_the_case_page_shows_the_cases_text(site, bundled):
    marco = bundled.by_id["marco-cavallo-centre"]
    text = "".join(parse(site / "cases" / marco.id / "index.html").itertext())
    for expected in [
        marco.summary,
        "39% against 22% for users of traditional mental health services",  # presentation.outcome_lines
        "from 2008, end unknown",  # presentation.years_label
        "180amici Puglia (third sector)",  # presentation.organisation_line
        "International Journal of Mental Health Nursing, 2019",  # presentation.source_details
        *(s.url for s in marco.sources),
        *(m.event for m in marco.milestones),
        "data/cases/marco-cavallo-centre.yaml",  # no repository address set: the file to edit is named
        "Explore similar cases in the dashboard",
    ]:
        assert expected in text, expected


def test_dashboard_links_carry_the_cases_filters(site, bundled):
    marco = bundled.by_id["marco-cavallo-centre"]
    tree = parse(site / "cases" / marco.id / "index.html")
    explore = next(a.get("href") for a in tree.iter("a") if a.text == "Explore similar cases in the dashboard")
    assert explore.startswith(DASHBOARD + "?")  # Explore is the dashboard's home page
    query = parse_qs(urlsplit(explore).query)
    assert query == {"type": marco.types, "sector": marco.sectors}
    opened = next(a.get("href") for a in tree.iter("a") if a.text == "Open this case in the dashboard")
    assert opened == f"{DASHBOARD}case?id={marco.id}"


def test_without_a_dashboard_address_there_are_no_dashboard_links(tmp_path):
    out = tmp_path / "site"
    assert main(["site", "--out", str(out), "--cases", str(VALID)]) == 0
    text = (out / "cases" / "harbour-time-bank" / "index.html").read_text(encoding="utf-8")
    assert "dashboard" not in text.lower()
    assert 'rel="canonical"' not in text  # no site address, so no absolute addresses either
    assert "Sitemap:" not in (out / "robots.txt").read_text(encoding="utf-8")


def test_the_sitemap_lists_every_page(site):
    root = ET.parse(site / "sitemap.xml").getroot()
    listed = {loc.text for loc in root.iter(f"{SITEMAP}loc")}
    expected = {page_url(site, path, BASE) for path in pages(site) if path.name != "404.html"}
    assert listed == expected
    assert f"Sitemap: {BASE}sitemap.xml" in (site / "robots.txt").read_text(encoding="utf-8")


def test_the_feed_is_atom_with_the_required_elements(site, bundled):
    root = ET.parse(site / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    for tag in ("title", "id", "updated", "author"):
        assert root.find(f"{ATOM}{tag}") is not None, tag
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == min(FEED_SIZE, len(bundled.cases)), "the newest cases, at most FEED_SIZE of them"
    updated = [entry.find(f"{ATOM}updated").text for entry in entries]
    assert updated == sorted(updated, reverse=True)
    for entry in entries:
        for tag in ("title", "id", "updated", "summary"):
            assert entry.find(f"{ATOM}{tag}").text, tag
        link = entry.find(f"{ATOM}link").get("href")
        assert local_file(site, BASE, link).is_file()


def test_the_api_agrees_with_the_json_download_and_carries_licence_and_version(site, bundled):
    everything = json.loads((site / "api" / "cases.json").read_text(encoding="utf-8"))
    download = json.loads(render("json", bundled.cases, load_vocabulary()))["cases"]
    assert everything["cases"] == download
    assert everything["count"] == len(bundled.cases)
    for document in (everything, json.loads((site / "api" / "vocabulary.json").read_text(encoding="utf-8"))):
        assert document["license"]["name"] == "CC-BY-4.0"
        assert document["version"] == "0.1.0"
    one = json.loads((site / "api" / "cases" / "shared-lives.json").read_text(encoding="utf-8"))
    assert one["case"] == next(record for record in download if record["id"] == "shared-lives")
    vocabulary = json.loads((site / "api" / "vocabulary.json").read_text(encoding="utf-8"))
    assert [t["key"] for t in vocabulary["vocabulary"]["types"]] == load_vocabulary().keys("types")


def test_a_case_page_is_light(site):
    for path in (site / "cases").glob("*/index.html"):
        assert path.stat().st_size < 60_000, path


def test_a_rebuild_clears_its_own_folder_and_refuses_any_other(tmp_path):
    out = tmp_path / "site"
    assert main(["site", "--out", str(out), "--cases", str(VALID)]) == 0
    (out / "cases" / "gone").mkdir()
    assert main(["site", "--out", str(out), "--cases", str(VALID)]) == 0
    assert not (out / "cases" / "gone").exists()
    other = tmp_path / "precious"
    other.mkdir()
    (other / "keep.txt").write_text("mine", encoding="utf-8")
    assert main(["site", "--out", str(other), "--cases", str(VALID)]) == 2
    assert (other / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_a_bad_base_url_is_a_usage_error(tmp_path):
    assert main(["site", "--out", str(tmp_path / "s"), "--base-url", "javascript:alert(1)"]) == 2


# --- numbered citations on the page -----------------------------------------------------


def test_citation_markers_become_numbered_links_to_the_sources(valid_dir, tmp_path, capsys):
    text = (valid_dir / "harbour-time-bank.yaml").read_text(encoding="utf-8")
    description = "First paragraph [@annual-report].\\n\\nSecond & <3 [@annual-report]."
    text = text.replace("principles: [reciprocity]", "principles: ['reciprocity [@annual-report]']")
    (valid_dir / "harbour-time-bank.yaml").write_text(text + f'description: "{description}"\n', encoding="utf-8")
    out = tmp_path / "site"
    assert main(["site", "--out", str(out), "--cases", str(valid_dir)]) == 0
    assert "cites" not in capsys.readouterr().err
    tree = parse(out / "cases" / "harbour-time-bank" / "index.html")
    description_div = next(d for d in tree.iter("div") if d.get("class") == "description")
    paragraphs = description_div.findall("p")
    assert len(paragraphs) == 2
    for paragraph in paragraphs:
        (sup,) = paragraph.iter("sup")
        assert [(a.get("href"), a.text) for a in sup.iter("a")] == [("#source-annual-report", "1")]
    assert "".join(paragraphs[1].itertext()) == "Second & <3 [1]."
    assert any(li.get("id") == "source-annual-report" for li in tree.iter("li"))
    principle = next(li for li in tree.iter("li") if "".join(li.itertext()).startswith("reciprocity"))
    assert "".join(principle.itertext()) == "reciprocity [1]"  # a principle's marker is numbered too
    evidence = next(li for li in tree.iter("li") if "In this case:" in "".join(li.itertext()))
    assert "Residents give hours of help" in "".join(evidence.itertext())  # the type's evidence, cited


def test_a_bundled_description_renders_as_written_with_its_markers_numbered(site, bundled):
    marco = bundled.by_id["marco-cavallo-centre"]
    numbers = case_citations(marco).numbers
    tree = parse(site / "cases" / marco.id / "index.html")
    description_div = next(d for d in tree.iter("div") if d.get("class") == "description")
    shown = ["".join(p.itertext()) for p in description_div.findall("p")]
    expected = [
        "".join(s if isinstance(s, str) else f"[{', '.join(str(numbers[i]) for i in s.ids)}]" for s in split(block.strip()))
        for block in marco.description.strip().split("\n\n")
    ]
    assert shown == expected


# --- hostile text -------------------------------------------------------------------------

HOSTILE_TITLE = "Tom \u2028& Jerry ]]> \"co-op\" '>< /script> &amp;"
HOSTILE_SUMMARY = "\">< x onerror=alert(1)> ' onmouseover='alert(2) ]]> & < /script>"
RAW = "</script><script>alert(1)</script>\"><img src=x onerror=alert(1)>]]>&"


def _hostile_folder(folder: Path) -> Path:
    for path in VALID.glob("*.yaml"):
        shutil.copy(path, folder / path.name)
    target = folder / "harbour-time-bank.yaml"
    lines = [line for line in target.read_text(encoding="utf-8").splitlines() if not line.startswith(("title:", "summary:"))]
    lines += [f"title: {json.dumps(HOSTILE_TITLE)}", f"summary: {json.dumps(HOSTILE_SUMMARY)}"]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _check_escaped(out: Path, case_id: str, title: str, summary: str) -> None:
    path = out / "cases" / case_id / "index.html"
    raw = path.read_text(encoding="utf-8")
    tree = parse(path)
    assert tree.find(".//h1").text == title  # HTML text: shown exactly as written
    assert [s.get("type") for s in tree.iter("script")] == ["application/ld+json"]
    assert not list(tree.iter("img")) and not list(tree.iter("x"))
    metas = {m.get("property") or m.get("name"): m.get("content") for m in tree.iter("meta")}
    assert metas["og:title"] == title and metas["description"] == summary  # attributes
    (ld,) = json_ld(tree)
    assert ld["headline"] == title and ld["description"] == summary  # JSON-LD
    script = raw.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in script and ">" not in script and "&" not in script.replace("\\u0026", "")
    for other in pages(out):
        parse(other)
    feed = ET.parse(out / "feed.xml").getroot()
    entry = next(e for e in feed.iter(f"{ATOM}entry") if e.find(f"{ATOM}title").text == title)  # the feed
    assert entry.find(f"{ATOM}summary").text == summary
    assert json.loads((out / "api" / "cases" / f"{case_id}.json").read_text(encoding="utf-8"))["case"]["title"] == title


def test_hostile_but_valid_text_comes_out_escaped_everywhere(tmp_path, case_dir):
    folder = _hostile_folder(case_dir)
    assert not load_catalogue(folder, cache=False).errors
    out = tmp_path / "site"
    assert main(["site", "--out", str(out), "--cases", str(folder), "--base-url", BASE]) == 0
    _check_escaped(out, "harbour-time-bank", HOSTILE_TITLE, HOSTILE_SUMMARY)
    listing = parse(out / "cases" / "index.html")
    assert HOSTILE_TITLE in [a.text for a in listing.iter("a")]


def test_markup_the_validator_would_refuse_is_still_escaped(tmp_path, valid_dir):
    """Defence in depth: even a case that skipped validation cannot break out of any context."""
    loaded = load_catalogue(valid_dir, cache=False)
    cases = tuple(c.model_copy(update={"title": RAW, "summary": RAW}) if c.id == "river-watch" else c for c in loaded.cases)
    out = tmp_path / "site"
    vocabulary = load_vocabulary()
    build_site(out, Catalogue(cases, ()), vocabulary, {}, base_url=BASE)
    _check_escaped(out, "river-watch", RAW, RAW)


@pytest.mark.parametrize("text", [RAW, "</SCRIPT >", "<!--", "\u2028\u2029", "a & b"])
def test_script_json_never_closes_the_script_element(text):
    embedded = str(script_json({"x": text}))
    assert "<" not in embedded and ">" not in embedded and "&" not in embedded
    assert json.loads(embedded) == {"x": text}


def test_the_bundled_site_needs_no_git(tmp_path, monkeypatch):
    """Without git on the PATH the feed falls back on last_reviewed dates."""
    monkeypatch.setenv("PATH", str(tmp_path))
    out = tmp_path / "site"
    assert main(["site", "--out", str(out), "--cases", str(DEFAULT_CASES_DIR)]) == 0
    root = ET.parse(out / "feed.xml").getroot()
    catalogue = load_catalogue(DEFAULT_CASES_DIR)
    newest = max(case.last_reviewed for case in catalogue.cases)
    assert root.find(f"{ATOM}updated").text == f"{newest.isoformat()}T00:00:00Z"


def test_worker_processes_write_the_same_site_as_one_process(tmp_path, monkeypatch, bundled):
    import catalogue.site.build as build

    vocabulary = load_vocabulary()
    collections, _ = load_collections(None, bundled.cases, vocabulary)
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    build_site(serial, bundled, vocabulary, collections, base_url=BASE)
    monkeypatch.setattr(build, "PARALLEL_THRESHOLD", 2)
    monkeypatch.setattr(build.os, "cpu_count", lambda: 2)
    built = build_site(parallel, bundled, vocabulary, collections, base_url=BASE)
    files = sorted(p.relative_to(serial) for p in serial.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(parallel) for p in parallel.rglob("*") if p.is_file())
    assert all((serial / f).read_bytes() == (parallel / f).read_bytes() for f in files)
    assert built.files == len(files) - 1  # all but the build marker
