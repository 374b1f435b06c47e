"""Cross-links between guides, directory entries and events, computed at build time from controlled tags.

The relevance rule (documented for contributors in docs/contribute/events-and-partners):

- topic: the entry's ``topics`` include the guide's ``category`` (an entry without topics links to no guide);
- product types: when both the guide and the entry list ``products``, they share at least one; a guide
  or an entry without products is general and matches every product type;
- side (directory entries only): a JP guide links Japanese organisations (a JP-xx region), an EU guide
  European ones, an FR guide French ones, an EU-JP guide both;
- events: a guide lists upcoming events only.

Lists are short (``LIMITS``): shared product types first (a specific match before a general one), then
by name, date or title.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from kakehashi.content.groups import Group
from kakehashi.data.events import Event, split_upcoming
from kakehashi.data.partners import Partner

LIMITS = {"partners": 5, "events": 3, "guides": 6}


@dataclass(frozen=True)
class GuideTags:
    """A guide's controlled tags and its title in each language it is published in."""

    stem: str
    category: str
    jurisdiction: str
    products: tuple[str, ...]
    titles: dict[str, str] = field(default_factory=dict)
    default: str = "en"

    def title(self, language: str) -> tuple[str, str]:
        """(title, language of the title): the default language's when the guide is not translated."""
        if language in self.titles:
            return self.titles[language], language
        return self.titles.get(self.default, self.stem), self.default


def guide_tags(groups: Iterable[Group], default: str) -> list[GuideTags]:
    """The tags of every guide (``guides/*`` but the index), read from its source's front matter."""
    guides = []
    for group in groups:
        if not group.stem.startswith("guides/") or group.stem.endswith("/index"):
            continue
        source = group.source or group.variants.get(default)
        if source is None or source.doc is None:
            continue
        meta = source.doc.meta
        titles = {code: str(v.doc.meta["title"]) for code, v in group.variants.items()
                  if v.doc is not None and not v.is_stub and v.doc.meta.get("title")}
        guides.append(GuideTags(group.stem, str(meta.get("category", "")), str(meta.get("jurisdiction", "")),
                                tuple(meta.get("products") or ()), titles, default))
    return guides


def _shared_products(guide: GuideTags, products: tuple[str, ...]) -> int | None:
    """How many product types are shared (0 for a general guide or entry), None if they exclude each other."""
    if not guide.products or not products:
        return 0
    shared = len(set(guide.products) & set(products))
    return shared or None


def on_side(jurisdiction: str, region: str) -> bool:
    """A directory entry's region is on the side of the guide's jurisdiction."""
    japanese = region.startswith("JP-")
    return {"JP": japanese, "EU": not japanese, "FR": region == "FR"}.get(jurisdiction, True)


def _partner_score(guide: GuideTags, partner: Partner) -> int | None:
    if guide.category not in partner.topics or not on_side(guide.jurisdiction, partner.region):
        return None
    return _shared_products(guide, partner.products)


def _event_score(guide: GuideTags, event: Event) -> int | None:
    if guide.category not in event.topics:
        return None
    return _shared_products(guide, event.products)


def partners_for(guide: GuideTags, partners: list[Partner], language: str) -> list[Partner]:
    """Directory entries relevant to a guide: most shared product types first, then by name."""
    scored = [(score, p) for p in partners if (score := _partner_score(guide, p)) is not None]
    scored.sort(key=lambda item: (-item[0], item[1].display_name(language).casefold()))
    return [p for _, p in scored[:LIMITS["partners"]]]


def events_for(guide: GuideTags, events: list[Event], now: datetime) -> list[Event]:
    """Upcoming events relevant to a guide: most shared product types first, then soonest."""
    upcoming, _ = split_upcoming(events, now)
    scored = [(score, index, e) for index, e in enumerate(upcoming) if (score := _event_score(guide, e)) is not None]
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [e for _, _, e in scored[:LIMITS["events"]]]


def _guides_by(score, guides: list[GuideTags], language: str) -> list[GuideTags]:
    scored = [(s, g) for g in guides if (s := score(g)) is not None]
    scored.sort(key=lambda item: (-item[0], item[1].title(language)[0].casefold()))
    return [g for _, g in scored[:LIMITS["guides"]]]


def guides_for_partner(partner: Partner, guides: list[GuideTags], language: str) -> list[GuideTags]:
    """Guides relevant to a directory entry (the same rule as ``partners_for``), by title."""
    return _guides_by(lambda g: _partner_score(g, partner), guides, language)


def guides_for_event(event: Event, guides: list[GuideTags], language: str) -> list[GuideTags]:
    """Guides relevant to an event (the same rule as ``events_for``), by title."""
    return _guides_by(lambda g: _event_score(g, event), guides, language)
