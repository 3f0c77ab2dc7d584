"""Case dates from git history: one `git log` for the whole folder; no history without git."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess

import pytest

from catalogue.loader import load_catalogue
from catalogue.site.dates import git_history
from catalogue.site.feed import dated_cases
from tests.conftest import VALID


def _git(folder, *args, when: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_added_and_changed_dates_come_from_the_files_history(tmp_path):
    repo = tmp_path / "repo"
    cases = repo / "data" / "cases"
    cases.mkdir(parents=True)
    _git(repo, "init", "-q", when="2030-01-01T00:00:00+00:00")
    for path in VALID.glob("*.yaml"):
        shutil.copy(path, cases / path.name)
    _git(repo, "add", "-A", when="2030-01-01T00:00:00+00:00")
    _git(repo, "commit", "-qm", "add", when="2030-01-02T10:00:00+00:00")
    with (cases / "river-watch.yaml").open("a", encoding="utf-8") as handle:
        handle.write("# a later correction\n")
    _git(repo, "commit", "-qam", "change", when="2030-03-04T12:30:00+01:00")
    history = git_history(cases)
    assert set(history) == {"harbour-time-bank.yaml", "river-watch.yaml"}
    river = history["river-watch.yaml"]
    assert river.added == dt.datetime(2030, 1, 2, 10, tzinfo=dt.timezone.utc)
    assert river.changed == dt.datetime(2030, 3, 4, 11, 30, tzinfo=dt.timezone.utc)
    assert history["harbour-time-bank.yaml"].changed == river.added
    dated = dated_cases(load_catalogue(cases, cache=False).cases, history)
    assert [d.case.id for d in dated] == ["river-watch", "harbour-time-bank"]  # most recently changed first
    assert dated[0].updated == river.changed and dated[0].published == river.added


def test_a_folder_outside_any_git_checkout_has_no_history(tmp_path):
    assert git_history(tmp_path) == {}


def test_without_history_the_dates_are_last_reviewed(bundled):
    dated = dated_cases(bundled.cases, {})
    for item in dated:
        assert item.updated.date() == item.case.last_reviewed == item.published.date()
