"""Entry point of the dashboard: `streamlit run app.py` (or `make run`)."""

import streamlit as st

from catalogue import load_catalogue

st.set_page_config(page_title="Co-production case catalogue", page_icon="🤝", layout="wide")
catalogue = load_catalogue()
st.title("Co-production case catalogue")
st.write(f"{len(catalogue.cases)} cases loaded.")
