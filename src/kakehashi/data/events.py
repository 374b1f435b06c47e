"""The events calendar: one YAML file per event in ``data/events/``, loaded into ``Event`` records.

A date that is not public yet is ``date_status: to-be-announced`` with only the year (and month) a
source gives; it is shown as such and never gets an invented day.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo, available_timezones

from babel import Locale

from kakehashi.checks.findings import Finding
from kakehashi.data.records import Record, parse_date, read_folder

KINDS = ("trade-fair", "partnering-convention", "webinar", "business-mission", "co-organised-session")
SIDES = ("eu-alliance", "osaka", "joint")


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class Event:
    id: str
    kind: str
    side: str
    title: dict[str, str]
    summary: dict[str, str]
    confirmed: bool
    start: date | None
    end: date | None
    expected_year: int | None
    expected_month: int | None
    timezone: str
    online: bool
    venue: dict[str, str]
    city: dict[str, str]
    country: str | None
    url: str | None
    tags: tuple[str, ...]
    sources: tuple[Source, ...]
    last_verified: date
    products: tuple[str, ...] = ()  # product types it is for, as the guides' products
    topics: tuple[str, ...] = ()  # topics it covers, as the guides' categories

    @property
    def joint(self) -> bool:
        """Organised together by the alliance and Osaka: shown so that it stands out."""
        return self.side == "joint" or self.kind == "co-organised-session"

    @property
    def period_end(self) -> date:
        """Last day of the event, or of the period a to-be-announced date falls in."""
        if self.confirmed:
            return self.end
        if self.expected_month:
            following = date(self.expected_year + self.expected_month // 12, self.expected_month % 12 + 1, 1)
            return date.fromordinal(following.toordinal() - 1)
        return date(self.expected_year, 12, 31)

    def is_past(self, now: datetime) -> bool:
        """Over in the event's own time zone (a Tokyo event ends before a Paris one on the same day)."""
        return self.period_end < now.astimezone(ZoneInfo(self.timezone)).date()


def localized(texts: dict[str, str], language: str, default: str = "en") -> tuple[str, str]:
    """The text in ``language``, else in ``default``: (text, language of the text)."""
    if texts.get(language):
        return texts[language], language
    if texts.get(default):
        return texts[default], default
    code = next(iter(texts))
    return texts[code], code


def build_time() -> datetime:
    """Now, or ``SOURCE_DATE_EPOCH`` for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return datetime.now(UTC)


@lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())


@lru_cache(maxsize=1)
def _territories() -> frozenset[str]:
    return frozenset(code for code in Locale.parse("en").territories if code.isalpha() and len(code) == 2)


def load_events(root: Path, now: datetime | None = None) -> tuple[list[Event], list[Finding]]:
    """All valid events of ``root/data/events`` and the findings on every file (nothing is written)."""
    records, findings = read_folder(root / "data" / "events", root, "event")
    events = []
    for record in records:
        event = _event(record, findings, now or build_time())
        if event is not None:
            events.append(event)
    return events, findings


def _event(record: Record, findings: list[Finding], now: datetime) -> Event | None:
    data = record.data
    before = len(findings)
    start = parse_date(record, findings, "start") if "start" in data else None
    end = parse_date(record, findings, "end") if "end" in data else None
    verified = parse_date(record, findings, "last_verified")
    if start and end and end < start:
        findings.append(record.finding("D006", f"end ({end}) is before start ({start}): swap them or fix the day", "end"))
    if data["timezone"] not in _zones():
        findings.append(record.finding("D009", f"timezone: '{data['timezone']}' is not an IANA time zone; write e.g. Europe/Paris, Europe/Berlin or Asia/Tokyo", "timezone"))
    if "country" in data and data["country"] not in _territories():
        findings.append(record.finding("D011", f"country: '{data['country']}' is not an ISO 3166-1 country code (FR, DE, JP…)", "country"))
    if len(findings) > before:
        return None
    expected = data.get("expected") or {}
    event = Event(
        id=data["id"], kind=data["kind"], side=data["organiser_side"],
        title=dict(data["title"]), summary=dict(data["summary"]),
        confirmed=data["date_status"] == "confirmed", start=start, end=end,
        expected_year=expected.get("year"), expected_month=expected.get("month"),
        timezone=data["timezone"], online=bool(data.get("online")),
        venue=dict(data.get("venue") or {}), city=dict(data.get("city") or {}), country=data.get("country"),
        url=data.get("url"), tags=tuple(data.get("tags") or ()),
        sources=tuple(Source(s["title"], s["url"]) for s in data["sources"]), last_verified=verified,
        products=tuple(data.get("products") or ()), topics=tuple(data.get("topics") or ()),
    )
    if not event.confirmed and event.is_past(now):
        findings.append(record.finding(
            "D013", "the date was never confirmed and the expected period is over: give the real dates (date_status: confirmed) or delete the file", "date_status"))
    return event


def split_upcoming(events: list[Event], now: datetime) -> tuple[list[Event], list[Event]]:
    """(upcoming soonest first, past most recent first); an undated event sorts at the end of its period."""
    upcoming = sorted((e for e in events if not e.is_past(now)), key=lambda e: (e.start or e.period_end, not e.confirmed, e.id))
    past = sorted((e for e in events if e.is_past(now)), key=lambda e: (e.start or e.period_end, e.id), reverse=True)
    return upcoming, past
