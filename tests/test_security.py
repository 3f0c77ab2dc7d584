"""Security settings are what SECURITY.md says, and the upload box refuses what it should."""

import sys

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10, which the project supports: the same parser from PyPI
    import tomli as tomllib

from tests.conftest import REPO
from tests.test_app import run


def test_server_settings():
    config = tomllib.loads((REPO / ".streamlit/config.toml").read_text())
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["enableCORS"] is True
    assert config["server"]["maxUploadSize"] == 1
    assert config["client"]["showErrorDetails"] == "none"


def test_the_static_folder_holds_only_the_world_s_outlines():
    """Static serving is on for the maps' outlines alone (SECURITY.md): nothing else may land in static/ unnoticed."""
    config = tomllib.loads((REPO / ".streamlit/config.toml").read_text())
    assert config["server"]["enableStaticServing"] is True
    assert sorted(path.name for path in (REPO / "static").iterdir()) == ["world-countries.json"]


def test_production_settings_make_a_visit_cheap():
    """No source watcher and no full collection after each run (issue 12); `make dev` turns both back on."""
    config = tomllib.loads((REPO / ".streamlit/config.toml").read_text())
    assert config["server"]["fileWatcherType"] == "none"
    assert config["runner"]["postScriptGC"] is False
    makefile = (REPO / "Makefile").read_text()
    dev = makefile[makefile.index("\ndev:") :].split("\n\n")[0]
    assert "--server.fileWatcherType=auto" in dev and "--runner.postScriptGC=true" in dev


def test_requirements_demand_a_streamlit_that_escapes_tooltips():
    assert "streamlit>=1.60" in (REPO / "requirements.txt").read_text()


def test_upload_over_256_kib_is_refused_before_parsing():
    at = run(page="pages/contribute.py")
    at.get("file_uploader")[0].upload("big.yaml", b"#" * (300 * 1024), "application/x-yaml").run()
    assert "big.yaml: 1 problem(s) to fix." in at.error[0].value
    assert "big.yaml:1:1: error: the file is 300 KiB; case files are at most 256 KiB" in [t.value for t in at.text]


def test_upload_of_binary_data_is_refused():
    at = run(page="pages/contribute.py")
    at.get("file_uploader")[0].upload("image.yaml", b"\x89PNG\r\n\x1a\n\x00\x00", "application/x-yaml").run()
    assert at.error and ("not UTF-8" in at.error[0].value or "problem" in at.error[0].value)
