"""Run every rule over the portal (or some paths) and return sorted findings."""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from kakehashi.build.stamps import StampCache, file_stamp
from kakehashi.checks.findings import Finding, Severity
from kakehashi.checks.rules import REGISTRY, CheckContext
from kakehashi.content.groups import Group, page_files, read_group
from kakehashi.content.markdown_model import parse_structure
from kakehashi.data.termbase import load_termbase
from kakehashi.site_config import SiteConfig


@dataclass
class CheckResult:
    findings: list[Finding]
    groups: list[Group]
    termbase: list

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]


PARALLEL_FROM = 400  # pages; below this, starting worker processes costs more than it saves
_group_cache: StampCache[tuple[Group, list[Finding]]] = StampCache()  # by (root, stem)


def _group_rules():
    return [rule for rule in REGISTRY.values() if rule.check is not None and rule.scope == "group"]


def check_group(site: SiteConfig, group: Group, termbase: list, whole_site: bool) -> list[Finding]:
    """Parse the Markdown of one page's variants, run every group rule on them and return the findings.

    The parsed structures are dropped afterwards: nothing after the checks needs them, and they are
    the bulk of the memory (and of what a worker process would send back)."""
    for variant in group.variants.values():
        if variant.doc is not None:
            variant.structure = parse_structure(variant.doc.body, variant.doc.body_line)
    ctx = CheckContext(site=site, groups=[group], termbase=termbase, whole_site=whole_site)
    findings = [f for variant in group.variants.values() for f in variant.read_findings]
    for rule in _group_rules():
        findings.extend(rule.check(ctx))
    for variant in group.variants.values():
        variant.structure = None
    return findings


_worker_setting: tuple = ()  # (site, termbase, whole_site) in a check worker process


def _start_worker(site: SiteConfig, termbase: list, whole_site: bool, niceness: int) -> None:
    """Receive what every group's check shares once per worker process, not once per task; end with
    the process that started it, were it killed before it could stop its workers (`mkdocs serve`
    stopped by SIGTERM in the middle of a build), instead of waiting for tasks for ever."""
    global _worker_setting
    _worker_setting = (site, termbase, whole_site)
    os.nice(niceness)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_end_with, args=(parent,), daemon=True).start()


def _end_with(parent: multiprocessing.process.BaseProcess) -> None:
    parent.join()  # returns when the parent process has ended
    os._exit(1)


Task = tuple[str, list[tuple[str, str]], Group | None]  # stem, its files, the group if read already


def _check_task(setting: tuple, task: Task) -> tuple[Group | None, list[Finding]]:
    """Check one group; the group is returned only if it had to be read here."""
    site, termbase, whole_site = setting
    stem, files, group = task
    read_here = group is None
    group = read_group(site, stem, files) if read_here else group
    return (group if read_here else None), check_group(site, group, termbase, whole_site)


def _check_task_in_worker(task: Task) -> tuple[Group | None, list[Finding]]:
    return _check_task(_worker_setting, task)


def run_checks(site: SiteConfig, paths: list[Path] | None = None, language: str | None = None, jobs: int | None = None,
               read: list[Group] | None = None) -> CheckResult:
    """Check all pages (``paths=None``) or the given files with their language siblings.

    Pages are checked group by group, in worker processes when there are many; a group whose files
    have not changed since the last call in this process reuses its findings (live reload). ``read``:
    groups the caller has read already (``load_pageset``), checked without reading them again."""
    return start_checks(site, paths, language, jobs, read)()


def start_checks(site: SiteConfig, paths: list[Path] | None = None, language: str | None = None, jobs: int | None = None,
                 read: list[Group] | None = None, niceness: int = 0) -> Callable[[], CheckResult]:
    """``run_checks`` in the background: the worker processes start checking at once (at ``niceness``,
    so that other work of this machine goes first); the returned function waits for their result."""
    termbase_path = site.root / "data" / "termbase.yaml"
    termbase, findings = load_termbase(termbase_path, site.settled_codes)
    findings = [_relative(f, site.root) for f in findings]
    termbase_stamp = file_stamp(termbase_path) or (0, 0)  # (0, 0): no termbase
    whole_site = paths is None
    groups, todo = [], []
    for stem, files in page_files(site, paths).items():
        stamps = (termbase_stamp, whole_site, *((rel, file_stamp(site.docs_dir / rel)) for rel, _ in files))
        cached = _group_cache.lookup((site.root, stem), stamps)
        if cached is not None:
            groups.append(cached[0])
            findings.extend(cached[1])
        else:
            todo.append(((stem, files), stamps))
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    setting = (site, termbase, whole_site)
    read_by_stem = {group.stem: group for group in read or ()}
    tasks = [(stem, files, read_by_stem.get(stem)) for (stem, files), _ in todo]
    if len(todo) * 3 >= PARALLEL_FROM and workers > 1:
        # Fresh interpreters, not copies of this process: a copy of a build process counts its whole
        # memory again, for as long as the checks run alongside the build.
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_start_worker, initargs=(*setting, niceness))
        running = pool.map(_check_task_in_worker, tasks, chunksize=16)
    else:
        pool, running = None, [_check_task(setting, task) for task in tasks]

    def finish() -> CheckResult:
        done = list(running)
        if pool is not None:
            pool.shutdown()
        for ((stem, _), stamps), (group, found) in zip(todo, done, strict=True):
            group = group or read_by_stem[stem]
            _group_cache.keep((site.root, stem), stamps, (group, found))
            groups.append(group)
            findings.extend(found)
        ctx = CheckContext(site=site, groups=groups, termbase=termbase, whole_site=whole_site, paths=list(paths or []))
        for rule in REGISTRY.values():
            if rule.check is not None and rule.scope == "site":
                findings.extend(rule.check(ctx))
        kept = [f for f in findings if _language_of(f.path, site) in (language, None)] if language else findings
        return CheckResult(sorted(set(kept)), sorted(groups, key=lambda g: g.stem), termbase)

    return finish


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
