"""Cross-links in the reader's language: on a guide, the directory entries and upcoming events relevant to
it; on a directory entry or an event, the relevant guides (the rule is in ``kakehashi.data.crosslinks``)."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from datetime import datetime

from kakehashi.data.crosslinks import GuideTags, events_for, partners_for
from kakehashi.data.events import Event, localized
from kakehashi.data.partners import Partner, Vocabulary
from kakehashi.languages import profile
from kakehashi.render.events_page import when_text
from kakehashi.render.html import Markup, el
from kakehashi.render.partners_page import TYPE_LABELS, _name_el


def _partner_item(partner: Partner, language: str, vocabulary: Vocabulary | None, _: Callable[[str], str],
                  url: Callable[[str], str]) -> Markup:
    facts = [_(TYPE_LABELS[partner.type])]
    if vocabulary is not None:
        facts.append(vocabulary.region_label(partner.region, language))
    return el("li", {"data-kk-related": partner.id},
              el("a", {"href": url(f"partners/#partner-{partner.id}")}, _name_el(partner.display_name(language))),
              " — ", profile(language).list_separator.join(facts))


def _event_item(event: Event, language: str, locale: str, _: Callable[[str], str], url: Callable[[str], str]) -> Markup:
    title, shown = localized(event.title, language)
    return el("li", {"data-kk-related": event.id},
              el("a", {"href": url(f"events/#event-{event.id}"), "lang": shown if shown != language else None}, title),
              " — ", when_text(event, locale, _))


def render_guide_related(
    guide: GuideTags, partners: list[Partner], vocabulary: Vocabulary | None, events: list[Event], now: datetime,
    language: str, locale: str, _: Callable[[str], str], url: Callable[[str], str],
) -> Markup | None:
    """The section closing a guide: who can help (directory) and where to meet (upcoming events);
    None when nothing is relevant. ``url`` turns a site-root URL of this language into a link."""
    helpers = partners_for(guide, partners, language)
    meetings = events_for(guide, events, now)
    if not helpers and not meetings:
        return None
    parts = []
    if helpers:
        parts.append(el("h3", {"id": "kk-related-partners"}, _("Organisations that can help")))
        parts.append(el("ul", {"class": "kk-related__partners"}, [_partner_item(p, language, vocabulary, _, url) for p in helpers]))
    if meetings:
        parts.append(el("h3", {"id": "kk-related-events"}, _("Upcoming events")))
        parts.append(el("ul", {"class": "kk-related__events"}, [_event_item(e, language, locale, _, url) for e in meetings]))
    return el("section", {"class": "kk-related", "aria-labelledby": "kk-related"},
              el("h2", {"id": "kk-related"}, _("Organisations and events for this guide")), parts)


def related_key(guide: GuideTags, here: str) -> tuple:
    """What a guide's closing section depends on besides the language and the build's data: its tags, and
    the folder of its URL ``here`` (the links are relative). Guides with the same key get the same
    section, so a language build renders it once per key (a few dozen for 1,600 guides)."""
    return guide.category, guide.jurisdiction, guide.products, posixpath.dirname(here.rstrip("/"))


def render_related_guides(guides: list[GuideTags], language: str, _: Callable[[str], str], url: Callable[[str], str]) -> Markup | None:
    """The guides relevant to a directory entry or an event, as a short list; None when there are none."""
    if not guides:
        return None
    items = []
    for guide in guides:
        title, shown = guide.title(language)
        items.append(el("li", {"data-kk-related": guide.stem},
                        el("a", {"href": url(f"{guide.stem}/"), "lang": shown if shown != language else None}, title)))
    return el("div", {"class": "kk-related-guides"},
              el("p", {"class": "kk-related-guides__title"}, el("strong", {}, _("Related guides"))),
              el("ul", {}, items))
