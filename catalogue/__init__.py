"""The co-production case catalogue: schema, vocabulary, loading, filtering and figures.

Nothing in this package imports Streamlit, so it can be used from scripts and tested
with plain pytest. The app in ``app.py`` and ``pages/`` is a thin layer on top.
"""

from catalogue.loader import Catalogue, load_catalogue
from catalogue.problems import Problem
from catalogue.schema import Case
from catalogue.vocabulary import Vocabulary, load_vocabulary

__all__ = ["Case", "Catalogue", "Problem", "Vocabulary", "load_catalogue", "load_vocabulary"]
