"""The checked state of the whole portal, computed once and reused until a file changes.

Every part of a build that needs all pages (checks, banners, status page, guide index) asks for
``portal_state(site)``: the first call reads and checks everything, later calls in the same process
(the other languages' builds) get the same object back unless a file changed. Within one build,
``current_portal(site)`` returns the state without looking at the files again.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from kakehashi.checks.engine import CheckResult, start_checks
from kakehashi.content.groups import Group, load_pageset
from kakehashi.content.paths import PageGroup
from kakehashi.content.status import Cell, status_table
from kakehashi.data.termbase import load_termbase
from kakehashi.render.markdown_text import MARKER
from kakehashi.site_config import SiteConfig

WATCHED = ("docs", "data", "locales")
CHECK_NICENESS = 10  # the checks run alongside the page builds and wait for idle CPU time


@dataclass
class PortalState:
    result: CheckResult  # pages and termbase; the findings once ``checked()`` has returned
    published: dict[str, PageGroup]  # real (non-stub) variants per stem
    states: dict[str, dict[str, Cell]]  # translation state per stem and language

    groups: dict[str, Group]  # every page by stem
    checking: Callable[[], CheckResult] | None = field(default=None, repr=False)  # checks still running

    def checked(self) -> CheckResult:
        """The result with the checks' findings, waiting for the checks still running in the background."""
        if self.checking is not None:
            self.result, self.checking = self.checking(), None
        return self.result

    def front_matters(self) -> dict[str, dict]:
        """``{YAML text: data}`` of every front matter read without a problem."""
        return {
            variant.doc.front_matter: variant.doc.meta
            for group in self.groups.values()
            for variant in group.variants.values()
            if variant.doc is not None and variant.doc.front_matter_ok and variant.doc.front_matter
        }

    @cached_property
    def markers(self) -> dict[str, frozenset[str]]:
        """The ``<!-- kakehashi:NAME -->`` marker names of each page that has any, by path relative to
        docs_dir (read once per state, for all the languages built from it)."""
        found = {
            variant.rel: frozenset(match["name"] for match in MARKER.finditer(variant.doc.text))
            for group in self.groups.values()
            for variant in group.variants.values()
            if variant.doc is not None
        }
        return {rel: names for rel, names in found.items() if names}

    def pages_with_markers(self, names: tuple[str, ...]) -> set[str]:
        """The pages with a marker of one of ``names``: their content is made from files that may
        change while they do not."""
        return {rel for rel, found in self.markers.items() if not found.isdisjoint(names)}

    def __getstate__(self) -> dict:
        return {**self.__dict__, "checking": None}  # the running checks stay in this process

    def source_language(self, stem: str) -> str | None:
        group = self.groups.get(stem)
        return group.source.language if group and group.source else None


_cache: dict[Path, tuple[tuple, PortalState]] = {}
_incoming: dict[Path, Callable[[], PortalState]] = {}


def _fingerprint(site: SiteConfig) -> tuple:
    """Name, size and modification time of every watched file (a few ms for thousands of files)."""
    entries = []
    for folder in WATCHED:
        for directory, _, names in os.walk(site.root / folder):
            for name in names:
                stat = os.stat(os.path.join(directory, name))
                entries.append((directory, name, stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(entries))


def portal_state(site: SiteConfig, on_read: Callable[[PortalState], None] | None = None) -> tuple[PortalState, bool]:
    """The portal's state and whether it was (re)computed by this call.

    Every page is read once (front matter and hash); ``on_read`` gets the state as soon as it is
    known. The checks then start on the same pages in background processes that yield the CPU to the
    page builds: ``state.checked()`` waits for their findings."""
    fingerprint = _fingerprint(site)
    cached = _cache.get(site.root)
    if cached and cached[0] == fingerprint:
        return cached[1], False
    termbase, _ = load_termbase(site.root / "data" / "termbase.yaml", site.settled_codes)
    groups = sorted(load_pageset(site), key=lambda g: g.stem)
    state = PortalState(
        result=CheckResult([], groups, termbase),
        published=published_pages(groups),
        states=status_table(groups, site),
        groups={group.stem: group for group in groups},
    )
    if on_read:
        on_read(state)
    state.checking = start_checks(site, read=groups, niceness=CHECK_NICENESS)
    _cache[site.root] = (fingerprint, state)
    return state, True


def expect_portal(site: SiteConfig, receive: Callable[[], PortalState]) -> None:
    """This process gets the state of ``site`` from another process (the main build): ``receive`` is
    called when the state is first needed, so that work not needing it goes on meanwhile."""
    _incoming[site.root] = receive


def published_pages(groups: list[Group]) -> dict[str, PageGroup]:
    """Every published page variant (stubs left out) by stem: ``{language: path relative to docs_dir}``."""
    published = {}
    for group in groups:
        variants = {code: v.rel for code, v in group.variants.items() if not v.is_stub}
        if variants:
            published[group.stem] = PageGroup(group.stem, variants)
    return published


def current_portal(site: SiteConfig) -> PortalState:
    """The state computed last for this site (by ``portal_state`` at the start of the build), or the
    one this process expects from another."""
    if site.root in _incoming:
        # No fingerprint: a received state is never taken as current by a later ``portal_state``.
        _cache[site.root] = ((), _incoming.pop(site.root)())
    cached = _cache.get(site.root)
    return cached[1] if cached else portal_state(site)[0]
