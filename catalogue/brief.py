"""A one-page printable brief of a case: self-contained HTML that prints cleanly to PDF.

Every piece of case text is HTML-escaped here; links are only to validated http(s)
addresses. The locator map is an inline SVG drawn from the bundled country outlines,
so the brief needs no network.
"""

from __future__ import annotations

import html
from urllib.parse import urlsplit

from catalogue.locator import locator_svg
from catalogue.presentation import labels, outcome_lines, source_details, where_label, years_label
from catalogue.schema import Case
from catalogue.vocabulary import Vocabulary


def _link(title: str, url: str) -> str:
    """An escaped link to an http(s) address, or the escaped title alone."""
    if urlsplit(url).scheme not in ("http", "https"):
        return html.escape(title)
    return f'<a href="{html.escape(url, quote=True)}">{html.escape(title)}</a>'


def render_brief(case: Case, vocabulary: Vocabulary) -> str:
    """The brief's HTML text."""
    e = html.escape
    evidence = vocabulary.terms("evidence")[case.evidence]
    facts = [
        ("Where", where_label(case)),
        ("When", years_label(case)),
        ("Status", vocabulary.label("statuses", case.status)),
        ("Co-production types", labels(vocabulary, "types", case.types)),
        ("Sectors", labels(vocabulary, "sectors", case.sectors)),
        ("Evidence", f"{evidence.label}: {evidence.definition}"),
    ]
    if case.organisations:
        facts.append(("Organisations", "; ".join(o.name for o in case.organisations)))
    outcomes = [
        f"<li><strong>{e(line.headline)}</strong>: {e(line.text)}</li>" if line.headline else f"<li>{e(line.text)}</li>"
        for line in outcome_lines(case)
    ]
    sources = "".join(
        f"<li>{_link(s.title, s.url)}{', ' + e(source_details(s)) if source_details(s) else ''}</li>" for s in case.sources
    )
    facts_html = "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in facts)
    outcomes_html = f"<h2>Outcomes</h2><ul>{''.join(outcomes)}</ul>" if outcomes else ""
    colour = vocabulary.type_colour(case.primary_type)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{e(case.title)}: case brief</title>
<style>
@page {{ size: A4; margin: 14mm; }}
body {{ font-family: "Source Sans Pro", Arial, sans-serif; color: #1F2933; font-size: 10.5pt; line-height: 1.4;
       max-width: 180mm; margin: auto; }}
h1 {{ font-size: 20pt; margin: 0 0 4pt; }} h2 {{ font-size: 12pt; margin: 12pt 0 4pt; border-bottom: 1px solid #D0D7DE; }}
.summary {{ font-size: 11.5pt; font-weight: 600; }} .grid {{ display: grid; grid-template-columns: 3fr 2fr; gap: 12pt; }}
dl {{ display: grid; grid-template-columns: auto 1fr; gap: 2pt 8pt; margin: 0; }} dt {{ font-weight: 700; }} dd {{ margin: 0; }}
footer {{ margin-top: 14pt; font-size: 8.5pt; color: #52606D; }} a {{ color: #0B5394; }}
</style></head><body>
<h1>{e(case.title)}</h1>
<p class="summary">{e(case.summary)}</p>
<div class="grid"><dl>{facts_html}</dl><div>{locator_svg(case, colour)}</div></div>
{outcomes_html}
<h2>Sources</h2><ol>{sources}</ol>
<footer>Co-production case catalogue · case <code>{e(case.id)}</code> · last reviewed {case.last_reviewed.isoformat()}.
Figures are as reported by the sources listed; cite them when reusing a figure.</footer>
</body></html>
"""
