"""How fresh a guide is: its change log (``changes``), ``last_verified`` and when its facts are due for review.

``last_verified`` moves only when a guide's facts were checked against the sources that day; the
review interval (``review_interval_months``, 12 by default) says how long such a check holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

DEFAULT_REVIEW_MONTHS = 12


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


@dataclass(frozen=True)
class Change:
    """One entry of a guide's change log."""

    date: date
    summary: str


def changes(meta: dict) -> list[Change]:
    """The well-formed entries of ``changes``, newest first (malformed ones are flagged by the schema rule)."""
    entries = []
    for entry in meta.get("changes") or []:
        if not isinstance(entry, dict):
            continue
        day, summary = as_date(entry.get("date")), str(entry.get("summary") or "").strip()
        if day and summary:
            entries.append(Change(day, summary))
    return sorted(entries, key=lambda change: change.date, reverse=True)


def newest_change(meta: dict) -> Change | None:
    found = changes(meta)
    return found[0] if found else None


def review_due(meta: dict) -> date | None:
    """The day the facts fall due for review: ``last_verified`` plus the review interval."""
    verified = as_date(meta.get("last_verified"))
    if verified is None:
        return None
    months = meta.get("review_interval_months")
    months = months if isinstance(months, int) and not isinstance(months, bool) and months > 0 else DEFAULT_REVIEW_MONTHS
    return verified + relativedelta(months=months)


def is_overdue(meta: dict, today: date) -> bool:
    """True once the review interval after ``last_verified`` has passed."""
    due = review_due(meta)
    return due is not None and today >= due


@dataclass(frozen=True)
class Overdue:
    """A guide whose facts are due for review."""

    stem: str
    titles: dict[str, str]  # by language, for the readable (non-stub) variants; the source's first
    last_verified: date
    due: date

    def title(self, language: str) -> str:
        """The title in ``language``, or in the source language when the guide is not translated into it."""
        return self.titles.get(language) or next(iter(self.titles.values()), self.stem)


def overdue_guides(groups, today: date) -> list[Overdue]:
    """The guides past their review date on ``today``, longest overdue first (dates from the source page)."""
    found = []
    for group in groups:
        if not group.stem.startswith("guides/") or group.stem.endswith("/index"):
            continue
        source = group.source
        if source is None or source.doc is None or not is_overdue(source.doc.meta, today):
            continue
        readable = [source] + [v for v in group.variants.values() if v is not source and v.doc and not v.is_stub]
        titles = {v.language: str(v.doc.meta["title"]) for v in readable if v.doc.meta.get("title")}
        meta = source.doc.meta
        found.append(Overdue(group.stem, titles, as_date(meta["last_verified"]), review_due(meta)))
    return sorted(found, key=lambda item: (item.due, item.stem))
