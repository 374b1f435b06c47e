"""The events list of the Events page in the reader's language: upcoming first, then the archive."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from babel import Locale
from babel.dates import format_skeleton

from kakehashi.data.events import Event, localized, split_upcoming
from kakehashi.languages import profile
from kakehashi.render.html import Markup, el
from kakehashi.render.ui_text import date_range


def N_(message: str) -> str:  # noqa: N802 (gettext's name for a deferred translation)
    """Mark a string for extraction; it is translated where it is shown."""
    return message


KIND_LABELS = {
    "trade-fair": N_("Trade fair"),
    "partnering-convention": N_("Partnering convention"),
    "webinar": N_("Webinar"),
    "business-mission": N_("Business mission"),
    "co-organised-session": N_("Co-organised session"),
}
SIDE_LABELS = {
    "eu-alliance": N_("European cluster alliance"),
    "osaka": N_("Osaka Bio Headquarters"),
    "joint": N_("European cluster alliance and Osaka Bio Headquarters"),
}


def when_text(event: Event, locale: str, _: Callable[[str], str]) -> str:
    """8–10 October 2025, or "Date to be announced (expected 2027)" without an invented day."""
    if event.confirmed:
        return date_range(event.start, event.end, locale)
    if event.expected_month:
        period = format_skeleton("yMMMM", date(event.expected_year, event.expected_month, 1), locale=locale)
    else:
        period = format_skeleton("y", date(event.expected_year, 1, 1), locale=locale)
    return _("Date to be announced (expected %(period)s)") % {"period": period}


def where_text(event: Event, language: str, _: Callable[[str], str]) -> str:
    parts = []
    if event.venue:
        parts.append(localized(event.venue, language)[0])
    if event.city:
        parts.append(localized(event.city, language)[0])
    if event.country:
        parts.append(Locale.parse(language).territories.get(event.country, event.country))
    if event.online:
        parts.append(_("Online"))
    return profile(language).list_separator.join(parts)


def _localized_el(tag: str, attrs: dict, texts: dict[str, str], language: str) -> Markup:
    value, shown = localized(texts, language)
    return el(tag, {**attrs, "lang": shown if shown != language else None}, value)


def render_event(event: Event, language: str, locale: str, _: Callable[[str], str], ics_href: str | None,
                 related: Markup | None = None) -> Markup:
    classes = "kk-event" + (" kk-event--joint" if event.joint else "") + ("" if event.confirmed else " kk-event--tba")
    title = _localized_el("span", {}, event.title, language)
    badges = [el("span", {"class": "kk-badge"}, _(KIND_LABELS[event.kind]))]
    if event.joint:
        badges.insert(0, el("span", {"class": "kk-badge kk-badge--joint"}, _("Co-organised")))
    actions = []
    if ics_href and event.confirmed:
        actions.append(el("a", {"class": "kk-event__ics", "href": ics_href, "download": f"{event.id}.ics", "type": "text/calendar"}, _("Add to calendar")))
    if event.url:
        actions.append(el("a", {"href": event.url, "rel": "noopener"}, _("Official website")))
    for source in event.sources:
        actions.append(el("a", {"class": "kk-event__source", "href": source.url, "rel": "noopener", "title": source.title}, _("Source")))
    return el(
        "li", {"class": classes, "id": f"event-{event.id}", "data-kind": event.kind, "data-side": event.side,
               "data-start": event.start.isoformat() if event.start else None, "data-end": event.end.isoformat() if event.end else None},
        el("h3", {"class": "kk-event__title"}, title),
        el("p", {"class": "kk-event__badges"}, badges),
        el("p", {"class": "kk-event__when"},
           el("time", {"datetime": event.start.isoformat()}, when_text(event, locale, _)) if event.confirmed else when_text(event, locale, _)),
        el("p", {"class": "kk-event__where"}, where_text(event, language, _)) if (event.venue or event.city or event.online) else None,
        el("p", {"class": "kk-event__side"}, _(SIDE_LABELS[event.side])),
        _localized_el("p", {"class": "kk-event__summary"}, event.summary, language),
        related,
        el("p", {"class": "kk-event__actions"}, [[action, " "] for action in actions]),
    )


def render_events(
    events: list[Event], language: str, locale: str, _: Callable[[str], str], now: datetime,
    ics_href: Callable[[Event], str] | None = None, calendar_href: str | None = None, feed_href: str | None = None,
    related: Callable[[Event], Markup | None] = lambda event: None,
) -> Markup:
    """HTML for the Events page: feed links, upcoming events (soonest first), then past events, each
    with what ``related`` gives (the relevant guides)."""
    upcoming, past = split_upcoming(events, now)
    links = []
    if calendar_href:
        links.append(el("a", {"href": calendar_href, "type": "text/calendar", "class": "kk-feed-link"}, _("Subscribe to the calendar (iCalendar)")))
    if feed_href:
        links.append(el("a", {"href": feed_href, "type": "application/atom+xml", "class": "kk-feed-link"}, _("News feed of guides and events (Atom)")))

    def section(key: str, heading: str, items: list[Event], empty: str) -> Markup:
        body = (el("ol", {"class": "kk-event-list"}, [render_event(e, language, locale, _, ics_href(e) if ics_href else None, related(e)) for e in items])
                if items else el("p", {"class": "kk-empty"}, empty))
        return el("section", {"class": f"kk-events__{key}", "aria-labelledby": key}, el("h2", {"id": key}, heading), body)

    return el(
        "div", {"class": "kk-events"},
        el("p", {"class": "kk-feeds"}, [[link, " "] for link in links]) if links else None,
        section("upcoming", _("Upcoming events"), upcoming, _("No upcoming event is listed yet.")),
        section("past", _("Past events"), past, _("No past event is listed.")),
    )
