"""A problem found in a case file: where it is, which field, and what to do about it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One finding in one file; errors block a case, warnings never do."""

    path: str
    line: int
    column: int
    key: str
    message: str
    severity: Severity = "error"

    def format(self) -> str:
        """Render as ``path:line:col: severity: key: message`` (the compiler convention)."""
        field = f"{self.key}: " if self.key else ""
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {field}{self.message}"

    def format_github(self) -> str:
        """Render as a GitHub Actions workflow command, so CI annotates the line."""
        command = "error" if self.severity == "error" else "warning"
        text = f"{self.key}: {self.message}" if self.key else self.message
        return f"::{command} file={_gh(self.path)},line={self.line},col={self.column}::{_gh(text)}"


def _gh(text: str) -> str:
    """Escape the characters GitHub workflow commands treat specially."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
