"""The static catalogue site: indexable pages, previews, a feed and a JSON API, built from the case files.

``python -m catalogue site`` calls :func:`catalogue.site.build.build_site`.
"""
