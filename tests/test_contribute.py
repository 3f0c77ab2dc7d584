"""Contributing: the form builds valid YAML, the upload box reports lines, `new` and `docs`, CI and hook files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10, which the project supports: the same parser from PyPI
    import tomli as tomllib

from catalogue.builder import build_case, slugify
from catalogue.cli import DOCS_PATH
from catalogue.docs import render_docs
from catalogue.loader import load_catalogue
from catalogue.schema import Case
from tests.conftest import INVALID, REPO
from tests.test_app import run

FORM = {
    "builder_title": "Harbour Time Bank",
    "builder_locations_0_name": "Harbourtown",
    "builder_locations_0_lat": "50.1",
    "builder_locations_0_lon": "-5.0",
    "builder_sources_0_id": "annual-report",
    "builder_sources_0_title": "Harbour Time Bank annual report",
    "builder_sources_0_url": "https://example.org/harbour-time-bank/report",
    "builder_sources_0_year": "2016",
}


def fill_form():
    at = run(page="pages/contribute.py")
    for key, value in FORM.items():
        at.text_input(key=key).input(value)
    at.text_area(key="builder_summary").input("Residents and the health centre exchange hours of help, recorded in a time bank.")
    at.multiselect(key="builder_countries").set_value(["GB"])
    at.multiselect(key="builder_types").set_value(["co-delivery", "co-design"]).run()
    for key, why in [("co-delivery", "Residents give hours of help."), ("co-design", "Residents and nurses plan the bank.")]:
        at.text_input(key=f"builder_evidence_{key}_source").input("annual-report")
        at.text_input(key=f"builder_evidence_{key}_why").input(why)
    at.multiselect(key="builder_sectors").set_value(["health"])
    at.selectbox(key="builder_evidence").set_value("monitored")
    at.selectbox(key="builder_locations_0_precision").set_value("city")
    at.run()
    return at


def test_the_form_builds_yaml_that_validates_and_loads_back_equal(tmp_path: Path):
    at = fill_form()
    assert not at.exception
    assert "This case is valid." in [s.value for s in at.success]
    text = at.code[0].value
    (tmp_path / "harbour-time-bank.yaml").write_text(text, encoding="utf-8")
    loaded = load_catalogue(tmp_path)
    assert loaded.errors == []
    case = loaded.by_id["harbour-time-bank"]
    assert case.types == ["co-delivery", "co-design"] and case.locations[0].lat == 50.1
    assert case.sources[0].year == 2016 and case.countries == ["GB"]
    assert case.type_evidence["co-design"].why == "Residents and nurses plan the bank."


def test_the_form_names_what_is_missing():
    at = run(page="pages/contribute.py")
    at.text_input(key="builder_title").input("Only a title").run()
    listed = " ".join(m.value for m in at.markdown)
    assert "`summary`: is required but missing" in listed and "`types`: is required but missing" in listed


def test_typed_values_survive_a_page_switch():
    at = fill_form()
    at.switch_page("pages/about.py").run()
    at.switch_page("pages/contribute.py").run()
    assert at.text_input(key="builder_title").value == "Harbour Time Bank"
    assert at.multiselect(key="builder_types").value == ["co-delivery", "co-design"]


def test_upload_reports_a_bad_files_errors_with_lines():
    at = run(page="pages/contribute.py")
    content = (INVALID / "unknown-type.yaml").read_bytes()
    at.get("file_uploader")[0].upload("unknown-type.yaml", content, "application/x-yaml").run()
    assert "1 problem(s) to fix" in at.error[0].value
    lines = [t.value for t in at.text]
    assert any(line.startswith("unknown-type.yaml:13:5: error: types[1]: 'co-delivry'") for line in lines)


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"id: x\ntitle: \xff\xfe", "x.yaml:2:1: error: the file is not UTF-8 text; save it as UTF-8"),
        (b"id: x\ntitle: a\x00b", "x.yaml:2:1: error: the file contains a NUL byte; it is not a text file"),
    ],
    ids=["not-utf8", "nul-byte"],
)
def test_upload_gets_the_validators_byte_checks_with_a_line(raw, problem):
    at = run(page="pages/contribute.py")
    at.get("file_uploader")[0].upload("x.yaml", raw, "application/x-yaml").run()
    assert "x.yaml: 1 problem(s) to fix." in at.error[0].value
    assert problem in [t.value for t in at.text]


def test_build_case_drops_empty_fields_and_rows():
    data = build_case({"title": "A B", "summary": " ", "types": ["co-design", ""], "locations": [{"name": "", "lat": ""}]})
    assert data == {"id": "a-b", "title": "A B", "types": ["co-design"]}
    assert slugify("Café Société: Porto Alegre!") == "cafe-societe-porto-alegre"


def cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "catalogue", *args], capture_output=True, text=True, cwd=cwd, timeout=60)


def test_new_writes_a_template_that_validates_once_filled(tmp_path: Path):
    result = cli("new", "Rushey Green Time Bank", "--country", "gb", "--dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    path = tmp_path / "rushey-green-time-bank.yaml"
    assert cli("validate", str(path)).returncode == 1, "placeholders must fail validation"
    text = path.read_text()
    for placeholder, value in [
        (
            "FILL IN: one or two plain sentences: what the service is, who co-produces it and how.",
            "Neighbours exchange hours of help.",
        ),
        ("FILL IN the place named by the source", "Lewisham"),
        ("lat: 0.0", "lat: 51.44"),
        ("lon: 0.0", "lon: -0.01"),
        ("FILL IN one plain sentence saying what citizens do in this phase", "Neighbours give hours of help."),
        ("fill-in-source-id", "report"),
        ("FILL IN the document's title", "A report"),
        ("https://FILL-IN.example", "https://example.org/report"),
    ]:
        text = text.replace(placeholder, value)
    path.write_text(text)
    assert cli("validate", str(path)).returncode == 0
    assert Case  # the file now loads as a Case through the same loader


def test_new_refuses_to_overwrite_and_warns_about_similar_titles(tmp_path: Path):
    assert cli("new", "Harbour Time Bank", "--country", "GB", "--dir", str(tmp_path)).returncode == 0
    again = cli("new", "Harbour Time Bank", "--country", "GB", "--dir", str(tmp_path))
    assert again.returncode == 1 and "already exists" in again.stderr
    for name in ("harbour-time-bank.yaml", "river-watch.yaml"):
        (tmp_path / name).write_text((REPO / "tests/fixtures/valid" / name).read_text())
    similar = cli("new", "Harbour Time Banks", "--country", "GB", "--dir", str(tmp_path))
    assert "a similar case exists: harbour-time-bank" in similar.stderr


def test_new_refuses_unknown_countries(tmp_path: Path):
    result = cli("new", "X", "--country", "UK", "--dir", str(tmp_path))
    assert result.returncode == 2 and "did you mean 'GB'?" in result.stderr


def test_field_reference_is_current_and_complete():
    assert DOCS_PATH.read_text(encoding="utf-8") == render_docs(), "run: python -m catalogue docs"
    text = render_docs()
    for field in Case.model_fields:
        assert f"| `{field}` |" in text
    assert "`co-delivery` | Co-delivery |" in text


def test_workflow_and_hooks_run_the_validator():
    workflow = yaml.safe_load((REPO / ".github/workflows/validate.yml").read_text())
    steps = " ".join(step.get("run", "") for step in workflow["jobs"]["validate"]["steps"])
    assert "python -m catalogue validate --format github" in steps and "pytest" in steps
    assert "ruff check" in steps and "python -m mypy" in steps
    checked = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["mypy"]["files"]
    assert set(checked) == {"catalogue", "ui", "app.py", "pages"}  # what `python -m mypy` checks
    for trigger in ("pull_request", "push"):  # YAML 1.1 reads the key `on` as True
        assert {"data/**", "catalogue/**", "ui/**", "pages/**", "app.py", "tests/**"} <= set(workflow[True][trigger]["paths"])
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert hooks[0]["entry"] == "catalogue validate"  # the installed command; tests/test_packaging.py runs it
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text())
    assert config["repos"][0]["hooks"][0]["entry"] == "python -m catalogue validate"
    form = yaml.safe_load((REPO / ".github/ISSUE_TEMPLATE/suggest-a-case.yml").read_text())
    assert {item.get("id") for item in form["body"]} >= {"title", "where", "what", "sources"}
