"""The checked state of the whole portal, computed once and reused until a file changes.

Every part of a build that needs all pages (checks, banners, status page, guide index) asks for
``portal_state(site)``: the first call reads and checks everything, later calls in the same process
(the other languages' builds) get the same object back unless a file changed. Within one build,
``current_portal(site)`` returns the state without looking at the files again.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .check import CheckResult, light_result, run_checks
from .pages import PageGroup, scan_docs
from .pageset import Group
from .site_config import SiteConfig
from .status import Cell, status_table

WATCHED = ("docs", "data", "locales")


@dataclass
class PortalState:
    result: CheckResult
    published: dict[str, PageGroup]  # real (non-stub) variants per stem
    states: dict[str, dict[str, Cell]]  # translation state per stem and language

    groups: dict[str, Group]  # every page by stem

    def source_language(self, stem: str) -> str | None:
        group = self.groups.get(stem)
        return group.source.language if group and group.source else None


_cache: dict[Path, tuple[tuple, PortalState]] = {}


def _fingerprint(site: SiteConfig) -> tuple:
    """Name, size and modification time of every watched file (a few ms for thousands of files)."""
    entries = []
    for folder in WATCHED:
        for directory, _, names in os.walk(site.root / folder):
            for name in names:
                stat = os.stat(os.path.join(directory, name))
                entries.append((directory, name, stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(entries))


def portal_state(site: SiteConfig, checks: bool = True) -> tuple[PortalState, bool]:
    """The portal's state and whether it was (re)computed by this call. With ``checks=False`` no rule
    runs and no Markdown is parsed (a language worker of a parallel build needs the states only)."""
    fingerprint = _fingerprint(site)
    cached = _cache.get(site.root)
    if cached and cached[0] == fingerprint:
        return cached[1], False
    result = run_checks(site) if checks else light_result(site)
    state = PortalState(
        result=result,
        published=scan_docs(site.docs_dir, site.codes, site.default_language.code),
        states=status_table(result.groups, site),
        groups={group.stem: group for group in result.groups},
    )
    _cache[site.root] = (fingerprint, state)
    return state, True


def current_portal(site: SiteConfig) -> PortalState:
    """The state computed last for this site (by ``portal_state`` at the start of the build)."""
    cached = _cache.get(site.root)
    return cached[1] if cached else portal_state(site)[0]
