"""iCalendar files of the events: a feed per language and one "add to calendar" file per event.

Events are all-day: DTSTART and DTEND are DATE values and DTEND is the day *after* the last day
(RFC 5545 3.6.1), which is what Google Calendar, Outlook and Apple Calendar expect. Undated
(to-be-announced) events are left out: a calendar entry needs a day.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from urllib.parse import urlsplit

from icalendar import Calendar
from icalendar import Event as VEvent

from kakehashi.data.events import Event, localized
from kakehashi.render.events_page import where_text

PRODID = "-//Kakehashi//EU-Japan biotech and medtech events//EN"


def _stamp(event: Event) -> datetime:
    """DTSTAMP/LAST-MODIFIED from the last verification, so a rebuild gives identical files."""
    return datetime.combine(event.last_verified, time(0, 0), tzinfo=UTC)


def vevent(event: Event, language: str, page_url: str, _: Callable[[str], str]) -> VEvent:
    """One all-day VEVENT in ``language`` (title and summary fall back to English)."""
    host = urlsplit(page_url).hostname or "kakehashi.invalid"
    item = VEvent()
    item.add("uid", f"{event.id}@{host}")
    item.add("dtstamp", _stamp(event))
    item.add("last-modified", _stamp(event))
    item.add("dtstart", event.start)
    item.add("dtend", event.end + timedelta(days=1))
    item.add("summary", localized(event.title, language)[0])
    description = [localized(event.summary, language)[0]]
    if event.url:
        description.append(event.url)
    description.extend(_("Source: %(url)s") % {"url": source.url} for source in event.sources)
    item.add("description", "\n\n".join(description))
    location = where_text(event, language, _)
    if location:
        item.add("location", location)
    item.add("url", event.url or page_url)
    item.add("status", "CONFIRMED")
    item.add("transp", "TRANSPARENT")
    if event.tags:
        item.add("categories", list(event.tags))
    return item


def calendar(events: list[Event], language: str, name: str, page_url: Callable[[Event], str], _: Callable[[str], str]) -> bytes:
    """A VCALENDAR with every dated event, sorted by start day."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    for event in sorted((e for e in events if e.confirmed), key=lambda e: (e.start, e.id)):
        cal.add_component(vevent(event, language, page_url(event), _))
    return cal.to_ical()
