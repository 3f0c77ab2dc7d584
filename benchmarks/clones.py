"""Clones of the bundled cases for benchmarks: the real files' shape, with new ids and titles.

Each clone is a bundled case file (``data/cases``) with its ``id`` and ``title`` lines
rewritten and its ``related`` ids pointed at the clones of the first round, so the folder
validates exactly as the bundled one does. Run: ``python benchmarks/clones.py FOLDER N``.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

BUNDLED = Path(__file__).resolve().parent.parent / "data" / "cases"
_ID = re.compile(r"^id: (.+)$", re.MULTILINE)
_TITLE = re.compile(r"^title: (.+)$", re.MULTILINE)
_RELATED = re.compile(r"^related: \[(.*)\]$", re.MULTILINE)


def bundled_texts() -> list[tuple[str, str]]:
    """(id, text) of every bundled case file, in file order."""
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(BUNDLED.glob("*.yaml")) if not p.name.startswith("_")]


def clone_text(text: str, round_: int) -> tuple[str, str]:
    """One clone of a case file for a round: (new id, new text)."""
    original = _ID.search(text)
    assert original, "every bundled case has an id line"
    new_id = f"{original.group(1).strip()}-{round_:04d}"
    text = _ID.sub(f"id: {new_id}", text, count=1)
    text = _TITLE.sub(lambda m: "title: " + json.dumps(f"{yaml.safe_load(m.group(1))} (copy {round_})"), text, count=1)
    text = _RELATED.sub(
        lambda m: "related: [" + ", ".join(f"{r.strip()}-0000" for r in m.group(1).split(",") if r.strip()) + "]",
        text,
        count=1,
    )
    return new_id, text


def write_clones(folder: Path, count: int) -> list[Path]:
    """Write ``count`` clones of the bundled cases into ``folder`` (whole rounds of every case, then a part)."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = bundled_texts()
    paths: list[Path] = []
    round_ = 0
    while len(paths) < count:
        for _, text in sources:
            if len(paths) >= count:
                break
            new_id, cloned = clone_text(text, round_)
            path = folder / f"{new_id}.yaml"
            path.write_text(cloned, encoding="utf-8")
            paths.append(path)
        round_ += 1
    return paths


if __name__ == "__main__":
    write_clones(Path(sys.argv[1]), int(sys.argv[2]))
