"""Reader-facing furniture made from a page's front matter: last-verified date and sources."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from kakehashi.render.ui_text import long_date

SAFE_SCHEMES = ("https", "http")


@dataclass(frozen=True)
class SourceLink:
    """A cited primary source."""

    title: str
    url: str


def as_date(value: object) -> date | None:
    """A front-matter date (YAML date or ISO string) or None when absent or malformed."""
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def last_verified_text(meta: dict, locale: str) -> str | None:
    """The ``last_verified`` date formatted for the reader's locale, or None."""
    verified = as_date(meta.get("last_verified"))
    return long_date(verified, locale) if verified else None


def source_links(meta: dict) -> list[SourceLink]:
    """The ``sources`` list, keeping only well-formed entries with a web URL (others are flagged by the checks)."""
    links = []
    for entry in meta.get("sources") or []:
        if not isinstance(entry, dict):
            continue
        title, url = str(entry.get("title", "")).strip(), str(entry.get("url", "")).strip()
        if title and urlsplit(url).scheme in SAFE_SCHEMES:
            links.append(SourceLink(title, url))
    return links
