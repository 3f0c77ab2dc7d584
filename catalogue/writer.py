"""Writing a case as YAML in the catalogue's own field order, readable by the strict reader."""

from __future__ import annotations

from typing import Any

import yaml

from catalogue.schema import Case

HEADER = "# yaml-language-server: $schema=../../catalogue/case.schema.json\n"


def case_yaml(data: dict[str, Any]) -> str:
    """YAML text of case data (a dict, as validated or not), fields in schema order, empty ones left out."""
    order = list(Case.model_fields)
    ordered = {k: data[k] for k in order if k in data and data[k] not in (None, [], {}, "")}
    ordered.update({k: v for k, v in data.items() if k not in ordered and k not in order})
    body = yaml.safe_dump(ordered, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
    return HEADER + body
