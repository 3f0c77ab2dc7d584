"""Synthetic, valid case files for benchmarks: realistic size (~65 lines), varied values."""

from __future__ import annotations

import random
from pathlib import Path

from catalogue.vocabulary import load_vocabulary

COUNTRIES = [
    ("GB", 54.0, -2.0),
    ("IT", 42.5, 12.5),
    ("NA", -22.6, 17.1),
    ("NZ", -41.0, 174.0),
    ("BR", -14.2, -51.9),
    ("IN", 21.0, 78.0),
    ("CA", 56.1, -106.3),
    ("AU", -25.3, 133.8),
    ("PK", 30.4, 69.3),
    ("US", 39.8, -98.6),
]


def case_text(index: int, rng: random.Random) -> str:
    """One synthetic case file's YAML text."""
    vocabulary = load_vocabulary()
    code, lat, lon = rng.choice(COUNTRIES)
    types = rng.sample(vocabulary.keys("types"), rng.randint(1, 3))
    sectors = rng.sample(vocabulary.keys("sectors"), rng.randint(1, 2))
    started = rng.randint(1975, 2024)
    case_id = f"synthetic-case-{index:05d}"
    evidence = "\n".join(f"  {key}: {{source: report, why: Generated text on what citizens do in this phase.}}" for key in types)
    return f"""# yaml-language-server: $schema=../../catalogue/case.schema.json
id: {case_id}
title: Synthetic case {index}
summary: >-
  A generated case used to measure loading and filtering speed. It is not real and
  is never bundled with the catalogue; its values are drawn at random.
description: |
  Generated for benchmarks. Paragraph one describes the service in a few sentences
  so that the file has the length of a real case. [@report]

  Paragraph two adds a little more text about who takes part. [@report]
countries: [{code}]
locations:
  - name: Place {index}
    lat: {lat + rng.uniform(-2, 2):.4f}
    lon: {lon + rng.uniform(-2, 2):.4f}
    precision: {rng.choice(vocabulary.keys("precisions"))}
types: [{", ".join(types)}]
type_evidence:
{evidence}
level: {rng.choice(vocabulary.keys("levels"))}
sectors: [{", ".join(sectors)}]
scale: {rng.choice(vocabulary.keys("scales"))}
started: {started}
status: {rng.choice(["active", "unknown", "prototype"])}
organisations:
  - name: Organisation {index}
    role: Runs the service
    kind: {rng.choice(vocabulary.keys("organisation_kinds"))}
  - name: Community group {index}
    role: Takes part
    kind: community
participants: [service users, volunteers, professionals]
outcomes:
  - text: A generated outcome with a comparison.
    value: {rng.randint(10, 90)}
    unit: "%"
    comparison_value: {rng.randint(10, 90)}
    comparison_label: comparison group
    source: report
evidence: {rng.choice(vocabulary.keys("evidence"))}
principles: ['reciprocity [@report]', 'shared power [@report]']
challenges: ['funding [@report]']
milestones:
  - year: {started}
    event: The service starts.
    source: report
tags: [synthetic, benchmark]
sources:
  - id: report
    title: Generated report {index}
    url: https://example.org/reports/{index}
    publisher: Example
    year: {min(started + 1, 2025)}
last_reviewed: 2025-01-01
"""


def write_cases(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """Write ``count`` synthetic case files into ``folder``."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"synthetic-case-{index:05d}.yaml"
        path.write_text(case_text(index, rng), encoding="utf-8")
        paths.append(path)
    return paths
