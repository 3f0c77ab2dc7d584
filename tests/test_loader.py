"""Loading and validating folders: valid cases in, bad files named with their line and fix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from catalogue import casefile, loader
from catalogue.loader import load_catalogue
from catalogue.yamlfile import MAX_FILE_BYTES
from tests.conftest import INVALID, VALID, VALID_CASE_TEXT

# Each invalid fixture: the line of its first error and a fragment of the message.
REJECTIONS = [
    ("syntax-error", 4, "YAML syntax error"),
    ("empty", 1, "the file is empty"),
    ("not-a-mapping", 1, "holds a list"),
    ("several-documents", 45, "second YAML document"),
    ("duplicate-key", 17, "duplicate key 'status' (first at line 16)"),
    ("not-utf8", 7, "not UTF-8"),
    ("id-mismatch", 2, "does not match the file name"),
    ("unknown-type", 13, "types[1]: 'co-delivry' is not a co-production type; did you mean 'co-delivery'?"),
    ("unknown-field", 1, "summary: is required but missing"),
    ("unsafe-url", 42, "sources[0].url: 'javascript:alert(1)' is not an http(s) address"),
    ("dangling-related", 36, "related[0]: 'river-wach' is not a case in the catalogue; did you mean 'river-watch'?"),
    ("dangling-outcome-source", 28, "outcomes[0].source: 'anual-report' is not a source id"),
    ("html-in-text", 3, "title: contains HTML markup"),
    ("yaml-alias", 21, "anchor '&people' is not allowed"),
    ("python-tag", 3, "YAML tag"),
    ("unknown-country", 5, "'UK' is not an ISO 3166-1 alpha-2 country code; did you mean 'GB'?"),
    ("ended-before-started", 17, "ended: 2010 is before started (2015)"),
    ("future-review", 44, "is in the future"),
]


@pytest.mark.parametrize(("name", "line", "fragment"), REJECTIONS)
def test_each_rejection_names_file_line_and_fix(valid_dir: Path, name: str, line: int, fragment: str):
    shutil.copy(INVALID / f"{name}.yaml", valid_dir / f"{name}.yaml")
    catalogue = load_catalogue(valid_dir)
    first = catalogue.invalid_files[str(valid_dir / f"{name}.yaml")]
    assert first.line == line
    assert fragment in first.format()
    assert {c.id for c in catalogue.cases} == {"harbour-time-bank", "river-watch"}, "a bad file never hides good ones"


def test_unknown_field_suggests_nearest(valid_dir: Path):
    shutil.copy(INVALID / "unknown-field.yaml", valid_dir)
    messages = [p.format() for p in load_catalogue(valid_dir).errors]
    assert any("sumary: unknown field 'sumary'; did you mean 'summary'?" in m for m in messages)


def test_valid_fixtures_load_completely(valid_dir: Path):
    catalogue = load_catalogue(valid_dir)
    assert catalogue.errors == []
    case = catalogue.by_id["harbour-time-bank"]
    assert case.regions == ["Europe"]
    assert case.outcomes[0].comparison_value == 800.0
    assert case.locations[0].precision == "city"


def test_oversized_file_is_refused_unread(case_dir: Path):
    big = case_dir / "big-case.yaml"
    big.write_text(VALID_CASE_TEXT.replace("id: harbour-time-bank", "id: big-case") + "#" * (MAX_FILE_BYTES + 1))
    problem = load_catalogue(case_dir).invalid_files[str(big)]
    assert "case files are at most 256 KiB" in problem.message


def test_same_id_in_two_folders_is_an_error(tmp_path: Path):
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        folder.mkdir()
        shutil.copy(VALID / "river-watch.yaml", folder)
    catalogue = load_catalogue([first, second])
    assert [c.id for c in catalogue.cases] == ["river-watch"]
    assert "is also the id of" in catalogue.invalid_files[str(second / "river-watch.yaml")].message


def test_template_files_are_skipped(valid_dir: Path):
    (valid_dir / "_template.yaml").write_text("id: <fill me>\n")
    assert len(load_catalogue(valid_dir).files) == 2


def test_yml_suffix_is_named(valid_dir: Path):
    (valid_dir / "other.yml").write_text(VALID_CASE_TEXT)
    assert "rename to other.yaml" in load_catalogue(valid_dir).invalid_files[str(valid_dir / "other.yml")].message


def test_catalogue_dir_environment_variable(valid_dir: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CATALOGUE_DIR", str(valid_dir))
    assert {c.id for c in load_catalogue().cases} == {"harbour-time-bank", "river-watch"}


def test_unchanged_files_come_from_the_cache(valid_dir: Path, monkeypatch: pytest.MonkeyPatch):
    first = load_catalogue(valid_dir)
    calls = []
    monkeypatch.setattr(casefile, "check_file", lambda path, vocabulary: calls.append(path))
    second = load_catalogue(valid_dir)
    assert calls == [] and second.cases == first.cases


def test_changed_file_is_read_again(valid_dir: Path):
    load_catalogue(valid_dir)
    path = valid_dir / "river-watch.yaml"
    path.write_text(path.read_text().replace("title: River Watch", "title: River Watch Again"))
    assert load_catalogue(valid_dir).by_id["river-watch"].title == "River Watch Again"


def test_broken_cache_file_is_ignored(valid_dir: Path, isolated_cache: Path):
    load_catalogue(valid_dir)
    for cached in isolated_cache.glob("*.pickle"):
        cached.write_bytes(b"not a pickle")
    assert len(load_catalogue(valid_dir).cases) == 2


def test_warnings_never_block(valid_dir: Path):
    path = valid_dir / "river-watch.yaml"
    path.write_text(path.read_text().replace("    year: 2020\n", ""))
    catalogue = load_catalogue(valid_dir)
    assert "river-watch" in catalogue.by_id
    assert any("has no year" in w.message and w.severity == "warning" for w in catalogue.warnings)


def test_large_folders_are_checked_in_worker_processes(valid_dir: Path, monkeypatch: pytest.MonkeyPatch):
    shutil.copy(INVALID / "unknown-type.yaml", valid_dir)
    monkeypatch.setattr(loader, "PARALLEL_THRESHOLD", 1)
    catalogue = load_catalogue(valid_dir, cache=False)
    assert {c.id for c in catalogue.cases} == {"harbour-time-bank", "river-watch"}
    assert catalogue.invalid_files[str(valid_dir / "unknown-type.yaml")].line == 13


def test_one_file_is_checked_against_its_folder_for_related_ids(valid_dir: Path):
    catalogue = load_catalogue(valid_dir / "harbour-time-bank.yaml")
    assert catalogue.errors == [], "river-watch sits in the same folder"


def test_cached_results_follow_todays_date(valid_dir: Path, monkeypatch: pytest.MonkeyPatch):
    """A case reviewed on 2024-05-01 is fine on 2026-04-30 and overdue on 2026-05-02, cache or not."""
    import datetime as dt

    from catalogue import clock

    overdue = "last_reviewed: 2024-05-01 is over 2 years ago; check the sources again"
    monkeypatch.setattr(clock, "today", lambda: dt.date(2026, 4, 30))
    assert overdue not in [p.format().split(": warning: ")[-1] for p in load_catalogue(valid_dir).warnings]
    monkeypatch.setattr(clock, "today", lambda: dt.date(2026, 5, 2))
    later = load_catalogue(valid_dir)
    assert [p.line for p in later.warnings if p.format().endswith(overdue)] == [45]


def test_checking_without_cases_reports_exactly_what_loading_reports(valid_dir: Path):
    for name in ("unknown-type", "dangling-related", "duplicate-key", "future-review"):
        shutil.copy(INVALID / f"{name}.yaml", valid_dir)
    checked = loader.check_catalogue(valid_dir)
    loaded = load_catalogue(valid_dir)
    assert checked.problems == loaded.problems and checked.files == loaded.files
    assert checked.cases == () and {c.id for c in loaded.cases} == {"harbour-time-bank", "river-watch"}


def test_a_cache_written_without_cases_still_gives_every_case(valid_dir: Path):
    loader.check_catalogue(valid_dir)
    assert {c.id for c in load_catalogue(valid_dir).cases} == {"harbour-time-bank", "river-watch"}
    assert {c.id for c in load_catalogue(valid_dir, cache=False).cases} == {"harbour-time-bank", "river-watch"}
