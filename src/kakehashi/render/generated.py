"""Generated pages: a registry from marker to renderer.

A page asks for generated content by carrying a marker, ``<!-- kakehashi:NAME -->``; the build replaces
it with what the renderer of ``NAME`` returns, in the language being built. A new generated page is one
entry in ``REGISTRY`` and one renderer. Markdown renderers run before the page is converted (their
headings join its table of contents); HTML renderers after (what they return is inserted as is, so they
build it with ``render.html``, which escapes by default).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from kakehashi.bench.report import render_benchmark
from kakehashi.build.language_build import LanguageBuild
from kakehashi.build.portal import PortalState, current_portal
from kakehashi.content.freshness import overdue_guides
from kakehashi.content.paths import page_url, relative_url
from kakehashi.content.status import render_status_section
from kakehashi.data.crosslinks import guide_tags, guides_for_event, guides_for_partner
from kakehashi.data.events import Event, load_events
from kakehashi.data.partners import Directory, load_partners
from kakehashi.data.pathways import Route, load_pathways
from kakehashi.render.crosslinks import render_related_guides
from kakehashi.render.events_page import render_events
from kakehashi.render.glossary import render_glossary
from kakehashi.render.guide_list import render_guide_list
from kakehashi.render.markdown_text import fill_markers
from kakehashi.render.partners_page import render_directory
from kakehashi.render.pathway_page import guide_infos, render_pathway_page
from kakehashi.render.rule_reference import render_rule_reference

MARKDOWN, HTML = "markdown", "html"


@dataclass
class Inputs:
    """What renderers read, each part loaded on first use, once per language build."""

    build: LanguageBuild
    now: datetime

    @cached_property
    def portal(self) -> PortalState:
        return current_portal(self.build.site)

    @cached_property
    def events(self) -> list[Event]:
        return load_events(self.build.site.root, self.now)[0]  # findings: reported by the D rules

    @cached_property
    def directory(self) -> Directory:
        return load_partners(self.build.site.root)

    @cached_property
    def pathways(self) -> list[Route]:
        return load_pathways(self.build.site.root)[0]  # findings: reported by the D rules


@dataclass(frozen=True)
class Generated:
    """A generated part of a page."""

    render: Callable[[Inputs], str]
    stage: str  # MARKDOWN or HTML
    from_data: bool = False  # made from data/ (watched by make serve): rebuilt on every live reload


def _related(inputs: Inputs, page: str, find: Callable) -> Callable:
    """For an entry of ``page``: the guides relevant to it, linked relative to that page (cross-links)."""
    build = inputs.build
    prefix = build.lang.url_prefix
    here = page_url(page, prefix)
    guides = guide_tags(inputs.portal.groups.values(), build.site.default_language.code)
    return lambda entry: render_related_guides(find(entry, guides, build.code), build.code, build.gettext,
                                               lambda target: relative_url(prefix + target, here))


def _events(inputs: Inputs) -> str:
    build = inputs.build
    return render_events(inputs.events, build.code, build.locale, build.gettext, inputs.now,
                         ics_href=lambda event: f"{event.id}.ics", calendar_href="../events.ics", feed_href="../atom.xml",
                         related=_related(inputs, "events/index", guides_for_event))


def _pathway(inputs: Inputs) -> str:
    build = inputs.build
    guides = guide_infos(inputs.portal.result.groups, build.code, build.site.default_language.code)
    return render_pathway_page(inputs.pathways, guides, inputs.directory.partners, inputs.events, build.code, build.locale,
                               inputs.now, build.gettext)


def _partners(inputs: Inputs) -> str:
    directory, build = inputs.directory, inputs.build
    if directory.vocabulary is None:
        return ""  # the D rules say why
    return render_directory(directory.partners, directory.vocabulary, build.code, build.locale, build.gettext,
                            _related(inputs, "partners/index", guides_for_partner))


REGISTRY: dict[str, Generated] = {
    "glossary": Generated(lambda i: render_glossary(i.portal.result.termbase, i.build.site, i.build.code, i.build.gettext),
                          MARKDOWN, from_data=True),
    "guide-list": Generated(lambda i: render_guide_list(i.portal.result.groups, i.build.code, i.build.site.default_language.code,
                                                        i.build.locale, i.build.gettext), MARKDOWN),
    "translation-status": Generated(lambda i: render_status_section(i.portal.states, i.build.site, i.build.code, i.build.gettext,
                                                                    overdue_guides(i.portal.groups.values(), i.now.date())), MARKDOWN),
    "rules": Generated(lambda i: render_rule_reference(i.build.gettext), MARKDOWN),
    "benchmark": Generated(lambda i: render_benchmark(i.build.site.root / "data" / "benchmark.json", i.build.gettext, i.build.locale),
                           MARKDOWN),
    "pathway": Generated(_pathway, MARKDOWN, from_data=True),
    "events": Generated(_events, HTML, from_data=True),
    "partners": Generated(_partners, HTML, from_data=True),
}


def fill(text: str, stage: str, inputs: Inputs) -> str:
    """Replace the markers of ``stage`` in a page's Markdown or HTML; other markers stay."""
    if "<!-- kakehashi:" not in text:
        return text
    return fill_markers(text, {name: (lambda g=g: g.render(inputs)) for name, g in REGISTRY.items() if g.stage == stage})


def from_data() -> tuple[str, ...]:
    """The markers whose pages are rebuilt on every live reload."""
    return tuple(name for name, g in REGISTRY.items() if g.from_data)
