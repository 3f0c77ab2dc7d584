"""The Streamlit edge shared by app.py and the pages: loading, sidebar, notices.

Everything here calls ``catalogue`` for data and logic and only renders; nothing
here parses YAML or filters cases by hand.
"""
