"""When each case file was added and last changed, from git history: one `git log` for all files.

Outside a git checkout, or without git, there is no history and the site falls back on
each case's `last_reviewed` date.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

SEPARATOR = "\x1e"


@dataclass(frozen=True)
class History:
    """A file's first and latest commit times."""

    added: dt.datetime
    changed: dt.datetime


def git_history(folder: Path) -> dict[str, History]:
    """First and latest commit time of each file in a folder, by file name; {} without git history."""
    try:
        result = subprocess.run(
            ["git", "log", f"--format={SEPARATOR}%cI", "--name-only", "--no-renames", "--relative", "--", "."],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=120,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    history: dict[str, History] = {}
    for block in result.stdout.split(SEPARATOR)[1:]:  # newest commit first
        lines = block.strip().splitlines()
        if not lines:
            continue
        when = dt.datetime.fromisoformat(lines[0].strip())
        for name in lines[1:]:
            name = name.strip()
            if not name or "/" in name:
                continue
            known = history.get(name)
            history[name] = History(added=when, changed=known.changed if known else when)
    return history
