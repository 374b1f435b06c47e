"""Reader-facing furniture made from a page's front matter: last-verified date, change log, review notice
and sources."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from kakehashi.content.freshness import as_date, changes, is_overdue, review_due
from kakehashi.render.ui_text import long_date

SAFE_SCHEMES = ("https", "http")


@dataclass(frozen=True)
class SourceLink:
    """A cited primary source."""

    title: str
    url: str


def last_verified_text(meta: dict, locale: str) -> str | None:
    """The ``last_verified`` date formatted for the reader's locale, or None."""
    verified = as_date(meta.get("last_verified"))
    return long_date(verified, locale) if verified else None


@dataclass(frozen=True)
class ChangeEntry:
    """A change-log entry as shown: the ISO date (for ``<time datetime>``), the date as read, the summary."""

    iso: str
    shown: str
    summary: str


def change_log(meta: dict, locale: str) -> list[ChangeEntry]:
    """The ``changes`` list, newest first, dates in the reader's locale."""
    return [ChangeEntry(c.date.isoformat(), long_date(c.date, locale), c.summary) for c in changes(meta)]


@dataclass(frozen=True)
class ReviewNotice:
    """A guide past its review date: when it was last verified and since when a review is due."""

    verified: str
    due: str


def review_notice(meta: dict, locale: str, today: date) -> ReviewNotice | None:
    """The notice for a page whose review interval has passed on ``today`` (the build day), else None."""
    if not is_overdue(meta, today):
        return None
    return ReviewNotice(long_date(as_date(meta["last_verified"]), locale), long_date(review_due(meta), locale))


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
