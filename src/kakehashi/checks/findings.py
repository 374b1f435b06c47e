"""Typed check results and the reporters that turn them into text, JSON or GitHub annotations."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from enum import Enum


class Severity(str, Enum):
    """How bad a finding is; only errors fail a check or a strict build."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, order=True)
class Finding:
    """One violation: where it is, which rule, how bad, and what to do."""

    path: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str

    def as_text(self) -> str:
        """``path:line:col: CODE message`` as compilers and editors print it."""
        return f"{self.path}:{self.line}:{self.column}: {self.code} {self.message}"


def format_text(findings: list[Finding]) -> str:
    """One finding a line, then a one-line summary."""
    lines = [f.as_text() for f in findings]
    errors = sum(f.severity is Severity.ERROR for f in findings)
    warnings = sum(f.severity is Severity.WARNING for f in findings)
    lines.append(f"{errors} error(s), {warnings} warning(s), {len(findings) - errors - warnings} info")
    return "\n".join(lines)


def format_json(findings: list[Finding]) -> str:
    """A JSON list of objects with path, line, column, code, severity and message."""
    return json.dumps([{**asdict(f), "severity": f.severity.value} for f in findings], ensure_ascii=False, indent=1)


def _escape_annotation(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def format_github(findings: list[Finding]) -> str:
    """GitHub Actions workflow commands, shown as annotations on the pull request."""
    kind = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    return "\n".join(
        f"::{kind[f.severity]} file={f.path},line={f.line},col={f.column},title={f.code}::"
        f"{_escape_annotation(f.message)}"
        for f in findings
    )


FORMATTERS = {"text": format_text, "json": format_json, "github": format_github}
