"""The rule registry: every check has a stable code, a severity, a one-line summary and a documented fix.

A rule is a function from a CheckContext to findings; ``@rule`` registers it, and the reference page
of the contributor guide is generated from this registry.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kakehashi.checks.findings import Finding, Severity
from kakehashi.site_config import SiteConfig


@dataclass
class CheckContext:
    """What the rules look at: the site, the loaded page groups, and shared data."""

    site: SiteConfig
    groups: list
    termbase: list = field(default_factory=list)
    whole_site: bool = True  # False when only some paths were asked for
    paths: list[Path] = field(default_factory=list)  # the paths asked for, when not the whole site

    @property
    def root(self) -> Path:
        return self.site.root

    def touches(self, folder: str) -> bool:
        """True when one of the paths asked for is under ``folder`` of the repository."""
        base = (self.root / folder).resolve()
        return any(path.resolve().is_relative_to(base) for path in self.paths)


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    summary: str
    explanation: str
    check: Callable[[CheckContext], Iterable[Finding]] | None
    scope: str = "group"  # "group": looks at one page's variants at a time; "site": at the whole portal

    def finding(self, path: str, line: int, message: str, column: int = 1) -> Finding:
        """A finding of this rule at a place."""
        return Finding(path, line, column, self.code, self.severity, message)


REGISTRY: dict[str, Rule] = {}


def rule(code: str, severity: Severity, summary: str, scope: str = "group"):
    """Register a checking function; its docstring explains the rule and how to fix a violation.
    A ``group`` rule must only look at the groups it is given (so pages can be checked one by one)."""
    def register(function):
        REGISTRY[code] = Rule(code, severity, summary, inspect.cleandoc(function.__doc__ or ""), function, scope)
        function.rule = REGISTRY[code]
        return function
    return register


def report(code: str, path: str, line: int, message: str, column: int = 1) -> Finding:
    """A finding of a registered rule, for the code that finds problems outside the rules (file
    reading, data files, the termbase): the registry alone decides its severity."""
    if code not in REGISTRY:
        import kakehashi.checks.rules  # noqa: F401 (registers every rule; imported here to avoid an import cycle)
    return REGISTRY[code].finding(path, line, message, column)


def describe(code: str, severity: Severity, summary: str, explanation: str) -> Rule:
    """Register a rule reported by another part of the code (file reading, data files)."""
    REGISTRY[code] = Rule(code, severity, summary, inspect.cleandoc(explanation), None)
    return REGISTRY[code]
