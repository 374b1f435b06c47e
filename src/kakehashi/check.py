"""Run every rule over the portal (or some paths) and return sorted findings."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .findings import Finding, Severity
from .pageset import Group, load_pageset, load_variant, page_files
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


PARALLEL_FROM = 400  # pages; below this, starting worker processes costs more than it saves
_group_cache: dict[tuple[Path, str], tuple[tuple, Group, list[Finding]]] = {}


def _group_rules():
    return [rule for rule in REGISTRY.values() if rule.check is not None and rule.scope == "group"]


def check_group(site: SiteConfig, stem: str, files: list[tuple[str, str]], termbase: list, whole_site: bool) -> tuple[Group, list[Finding]]:
    """Read and parse one page's variants and run every group rule on them.

    Returns the group without its parsed structures (nothing after the checks needs them, and they
    are the bulk of what a worker process would send back) and the findings."""
    group = Group(stem)
    for rel, language in files:
        group.variants[language] = load_variant(site.docs_dir, site.root, rel, language)
    ctx = CheckContext(site=site, groups=[group], termbase=termbase, whole_site=whole_site)
    findings = [f for variant in group.variants.values() for f in variant.read_findings]
    for rule in _group_rules():
        findings.extend(rule.check(ctx))
    for variant in group.variants.values():
        variant.structure = None
    return group, findings


_worker_setting: tuple = ()  # (site, termbase, whole_site) in a check worker process


def _start_worker(site: SiteConfig, termbase: list, whole_site: bool) -> None:
    """Receive what every group's check shares once per worker process, not once per task."""
    global _worker_setting
    _worker_setting = (site, termbase, whole_site)


def _check_group_task(task: tuple[str, list[tuple[str, str]]]) -> tuple[Group, list[Finding]]:
    site, termbase, whole_site = _worker_setting
    return check_group(site, *task, termbase, whole_site)


def run_checks(site: SiteConfig, paths: list[Path] | None = None, language: str | None = None, jobs: int | None = None) -> CheckResult:
    """Check all pages (``paths=None``) or the given files with their language siblings.

    Pages are checked group by group, in worker processes when there are many; a group whose files
    have not changed since the last call in this process reuses its findings (live reload)."""
    termbase_path = site.root / "data" / "termbase.yaml"
    termbase, findings = load_termbase(termbase_path, site.codes)
    findings = [_relative(f, site.root) for f in findings]
    termbase_key = termbase_path.stat().st_mtime_ns if termbase_path.is_file() else 0
    whole_site = paths is None
    groups, todo = [], []
    for stem, files in page_files(site, paths).items():
        key = (termbase_key, whole_site, tuple((rel, *_stat(site.docs_dir / rel)) for rel, _ in files))
        cached = _group_cache.get((site.root, stem))
        if cached and cached[0] == key:
            groups.append(cached[1])
            findings.extend(cached[2])
        else:
            todo.append(((stem, files), key))
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    setting = (site, termbase, whole_site)
    if len(todo) * 3 >= PARALLEL_FROM and workers > 1:
        with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=setting) as pool:
            done = list(pool.map(_check_group_task, [task for task, _ in todo], chunksize=16))
    else:
        done = [check_group(site, *task, termbase, whole_site) for task, _ in todo]
    for (task, key), (group, found) in zip(todo, done):
        _group_cache[(site.root, group.stem)] = (key, group, found)
        groups.append(group)
        findings.extend(found)
    ctx = CheckContext(site=site, groups=groups, termbase=termbase, whole_site=whole_site, paths=list(paths or []))
    for rule in REGISTRY.values():
        if rule.check is not None and rule.scope == "site":
            findings.extend(rule.check(ctx))
    if language:
        findings = [f for f in findings if _language_of(f.path, site) in (language, None)]
    return CheckResult(sorted(set(findings)), sorted(groups, key=lambda g: g.stem), termbase)


def _stat(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


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
