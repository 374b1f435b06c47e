"""An Atom feed (RFC 4287) per language of new and updated guides and of events.

A guide's entry is dated and summarised by the newest entry of its change log (``changes``): a feed
reader hears of what changed, not of a check that changed nothing (a guide without a change log falls
back on ``last_verified`` and its description). An event's entry is dated by its ``last_verified`` field. Only real pages in the feed's language are listed (a fallback to English is not a French page).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from xml.etree import ElementTree as ET

from kakehashi.content.freshness import as_date, newest_change
from kakehashi.content.paths import page_url
from kakehashi.data.events import Event, localized
from kakehashi.render.events_page import when_text, where_text

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class FeedEntry:
    id: str
    title: str
    url: str
    updated: date
    summary: str
    category: str
    category_label: str
    language: str


def guide_entries(groups, language: str, base_url: str, _: Callable[[str], str]) -> list[FeedEntry]:
    """Guides that exist in ``language`` (not stubs) and carry a change log or a ``last_verified`` date."""
    entries = []
    for group in groups:
        if not group.stem.startswith("guides/") or group.stem.endswith("/index"):
            continue
        variant = group.variants.get(language)
        if variant is None or variant.doc is None or variant.is_stub:
            continue
        meta = variant.doc.meta
        change = newest_change(meta)
        updated = change.date if change else as_date(meta.get("last_verified"))
        if updated is None or not meta.get("title"):
            continue
        summary = change.summary if change else str(meta.get("description", ""))
        url = base_url + page_url(group.stem)
        entries.append(FeedEntry(url, str(meta["title"]), url, updated, summary, "guide", _("Guide"), language))
    return entries


def event_entries(events: list[Event], language: str, locale: str, base_url: str, _: Callable[[str], str]) -> list[FeedEntry]:
    entries = []
    for event in events:
        title, shown = localized(event.title, language)
        summary = localized(event.summary, language)[0]
        where = where_text(event, language, _)
        url = f"{base_url}events/#event-{event.id}"
        entries.append(FeedEntry(
            url, title, url, event.last_verified, " · ".join(p for p in (when_text(event, locale, _), where, summary) if p),
            "event", _("Event"), shown,
        ))
    return entries


def _stamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def atom_feed(entries: list[FeedEntry], *, title: str, subtitle: str, self_url: str, home_url: str, language: str, author: str, limit: int = 100) -> bytes:
    """The feed document, newest entries first (then by title)."""
    ET.register_namespace("", ATOM)
    ordered = sorted(entries, key=lambda e: (-e.updated.toordinal(), e.title))[:limit]
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: language})

    def sub(parent, tag, text=None, **attrs):
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    sub(feed, "id", self_url)
    sub(feed, "title", title)
    sub(feed, "subtitle", subtitle)
    sub(feed, "updated", _stamp(max((e.updated for e in ordered), default=date(2000, 1, 1))))
    sub(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    sub(feed, "link", rel="alternate", type="text/html", href=home_url)
    sub(sub(feed, "author"), "name", author)
    sub(feed, "generator", "Kakehashi")
    for entry in ordered:
        item = sub(feed, "entry", **({XML_LANG: entry.language} if entry.language != language else {}))
        sub(item, "id", entry.id)
        sub(item, "title", entry.title)
        sub(item, "link", rel="alternate", type="text/html", href=entry.url)
        sub(item, "updated", _stamp(entry.updated))
        sub(item, "category", term=entry.category, label=entry.category_label)
        sub(item, "summary", entry.summary)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8", xml_declaration=False) + b"\n"
