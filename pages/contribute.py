"""Contribute: how to add or correct a case, and a checker for a case file."""

import streamlit as st

from catalogue.loader import check_text
from ui import data
from ui.entry import through_app

through_app()

vocabulary = data.vocabulary()

st.title("Contribute a case")
st.markdown(
    """
Cases live in the project's repository as **one YAML file per case** in `data/cases/`.
To add or correct one:

1. Copy an existing case file, name it after the case's id (`my-case.yaml`), and edit it.
2. Cite a public source for every fact; leave out any field the sources do not support.
3. Check it: `python -m catalogue validate data/cases/my-case.yaml`. Each problem names
   the line and says how to fix it.
4. Open a pull request. The same check runs on it automatically.
"""
)


st.subheader("Check a case file")
upload = st.file_uploader("Case file (.yaml)", type=["yaml"], max_upload_size=1)
if upload is not None:
    name = upload.name
    raw = upload.getvalue()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        st.error(f"{name} is not UTF-8 text; save it as UTF-8 and try again.")
    else:
        result = check_text(name, text, vocabulary, expected_id=name.rsplit(".", 1)[0])
        errors = [p for p in result.problems if p.severity == "error"]
        warnings = [p for p in result.problems if p.severity == "warning"]
        if errors:
            st.error(f"{name}: {len(errors)} problem(s) to fix before it can be merged.")
        else:
            st.success(f"{name} is a valid case file.")
        for problem in [*errors, *warnings]:
            st.text(problem.format())
