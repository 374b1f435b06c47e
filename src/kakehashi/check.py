"""Run every rule over the portal (or some paths) and return sorted findings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .findings import Finding, Severity
from .pageset import Group, load_pageset
from .rules import REGISTRY, CheckContext
from .site_config import SiteConfig
from .termbase import load_termbase


@dataclass
class CheckResult:
    findings: list[Finding]
    groups: list[Group]
    termbase: list

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]


def run_checks(site: SiteConfig, paths: list[Path] | None = None, language: str | None = None) -> CheckResult:
    """Check all pages (``paths=None``) or the given files with their language siblings."""
    groups = load_pageset(site, paths)
    termbase_path = site.root / "data" / "termbase.yaml"
    termbase, findings = load_termbase(termbase_path, site.codes)
    findings = [_relative(f, site.root) for f in findings]
    ctx = CheckContext(site=site, groups=groups, termbase=termbase, whole_site=paths is None)
    for group in groups:
        for variant in group.variants.values():
            findings.extend(variant.read_findings)
    for rule in REGISTRY.values():
        if rule.check is not None:
            findings.extend(rule.check(ctx))
    if language:
        findings = [f for f in findings if _language_of(f.path, site) in (language, None)]
    return CheckResult(sorted(set(findings)), groups, termbase)


def light_result(site: SiteConfig) -> CheckResult:
    """Pages (front matter only) and termbase without running any rule."""
    termbase, _ = load_termbase(site.root / "data" / "termbase.yaml", site.codes)
    return CheckResult([], load_pageset(site, parse=False), termbase)


def _relative(finding: Finding, root: Path) -> Finding:
    path = Path(finding.path)
    if path.is_absolute() and path.is_relative_to(root):
        return Finding(str(path.relative_to(root)), finding.line, finding.column, finding.code, finding.severity, finding.message)
    return finding


def _language_of(path: str, site: SiteConfig) -> str | None:
    """The language of a page file; None for files that are not pages (catalogs, data)."""
    if not path.endswith(".md"):
        return None
    suffix = Path(path).with_suffix("").suffix.lstrip(".")
    return suffix if suffix in site.codes else site.default_language.code
