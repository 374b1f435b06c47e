"""The events calendar: upcoming/past split, localized dates, escaping, iCalendar and Atom output."""

from __future__ import annotations

import gettext
from datetime import UTC, date, datetime, timedelta
from xml.etree import ElementTree as ET

import pytest
from conftest import ROOT
from icalendar import Calendar
from samples import NOW, make_event

from kakehashi.build.portal import portal_state
from kakehashi.data.events import load_events, split_upcoming
from kakehashi.render.calendar import calendar
from kakehashi.render.events_page import render_events, when_text
from kakehashi.render.feeds import ATOM, atom_feed, event_entries, guide_entries
from kakehashi.render.ui_text import translations
from kakehashi.site_config import load_site_config

_ = gettext.NullTranslations().gettext
LOCALES = {"en": "en_GB", "fr": "fr_FR", "ja": "ja_JP"}




def test_upcoming_soonest_first_past_most_recent_first():
    events = [make_event("a", date(2027, 5, 1), date(2027, 5, 2)), make_event("b", date(2026, 12, 1), date(2026, 12, 2)),
              make_event("c", date(2025, 1, 1), date(2025, 1, 2)), make_event("d", date(2026, 11, 20), date(2026, 11, 26)),
              make_event("e", date(2026, 1, 1), date(2026, 1, 1)), make_event("tba", expected=(2027, None))]
    upcoming, past = split_upcoming(events, NOW)
    assert [e.id for e in upcoming] == ["d", "b", "a", "tba"]  # an event still running is upcoming
    assert [e.id for e in past] == ["e", "c"]


def test_the_end_day_counts_in_the_events_time_zone():
    tokyo = make_event("t", date(2026, 11, 26), date(2026, 11, 26), tz="Asia/Tokyo")
    late_evening_utc = datetime(2026, 11, 26, 16, tzinfo=UTC)  # already 27 November in Tokyo
    assert tokyo.is_past(late_evening_utc)
    assert not make_event("p", date(2026, 11, 26), date(2026, 11, 26)).is_past(late_evening_utc)


@pytest.mark.parametrize(("lang", "expected"), [("en", "22–24 Mar 2027"), ("fr", "22–24 mars 2027"), ("ja", "2027年3月22日～24日")])
def test_dates_are_localized_intervals(lang, expected):
    assert when_text(make_event(), LOCALES[lang], _) == expected


def test_an_announced_date_never_gets_a_day():
    fr = translations(ROOT / "locales", "fr").gettext
    assert when_text(make_event(expected=(2027, None)), "fr_FR", fr) == "Date à annoncer (prévue en 2027)"
    assert when_text(make_event(expected=(2027, 10)), "ja_JP", translations(ROOT / "locales", "ja").gettext) == "日程未定（2027年10月開催予定）"


def test_joint_events_stand_out_and_only_dated_ones_offer_a_calendar_file():
    html = render_events([make_event("joint", side="joint"), make_event("tba", expected=(2027, None))], "en", "en_GB", _, NOW,
                         ics_href=lambda e: f"{e.id}.ics")
    assert 'class="kk-event kk-event--joint" id="event-joint"' in html
    assert html.count(">Co-organised<") == 1
    assert 'href="joint.ics"' in html and 'href="tba.ics"' not in html


def test_markup_in_data_stays_text():
    evil = make_event(title={"en": "<script>alert(1)</script>"}, summary={"en": '"><img src=x onerror=alert(1)>'})
    html = render_events([evil], "en", "en_GB", _, NOW)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&#34;&gt;&lt;img" in html  # MarkupSafe writes " as &#34;


def test_a_missing_translation_falls_back_with_its_language():
    html = render_events([make_event(title={"en": "Only English"})], "fr", "fr_FR", _, NOW)
    assert '<span lang="en">Only English</span>' in html


def test_ics_round_trip_all_day_with_exclusive_end():
    events = [make_event("a"), make_event("b", date(2027, 6, 1), date(2027, 6, 1)), make_event("tba", expected=(2027, None))]
    data = calendar(events, "en", "Kakehashi events", lambda e: f"https://kakehashi.example/events/#event-{e.id}", _)
    parsed = Calendar.from_ical(data)
    assert parsed["VERSION"] == "2.0" and parsed["PRODID"]
    items = parsed.walk("VEVENT")
    assert [str(i["UID"]) for i in items] == ["a@kakehashi.example", "b@kakehashi.example"]  # undated event left out
    first = items[0]
    assert type(first["DTSTART"].dt) is date and first["DTSTART"].dt == date(2027, 3, 22)
    assert type(first["DTEND"].dt) is date and first["DTEND"].dt == date(2027, 3, 25)  # the day after the last day
    assert items[1]["DTEND"].dt - items[1]["DTSTART"].dt == timedelta(days=1)
    assert first["DTSTAMP"].dt == datetime(2026, 11, 20, tzinfo=UTC)
    assert str(first["SUMMARY"]) == "Fair" and str(first["LOCATION"]) == "Hall 1, Lyon, France"
    assert str(first["URL"]) == "https://kakehashi.example/events/#event-a"
    assert "https://example.com/source" in str(first["DESCRIPTION"])


def test_the_real_events_load_and_every_dated_one_is_in_the_calendar():
    events, findings = load_events(ROOT, NOW)
    assert len(events) >= 10 and not [f for f in findings if f.severity.value == "error"]
    parsed = Calendar.from_ical(calendar(events, "ja", "x", lambda e: "https://k.example/", _))
    assert len(parsed.walk("VEVENT")) == sum(e.confirmed for e in events)
    assert all(e.sources for e in events)


def test_atom_feed_per_language_lists_real_pages_only():
    site = load_site_config(ROOT / "mkdocs.yml")
    groups = portal_state(site)[0].result.groups
    events = load_events(ROOT, NOW)[0]
    for lang in ("en", "fr", "ja"):
        base = site.site_url + site.language(lang).url_prefix
        entries = guide_entries(groups, lang, base, _) + event_entries(events, lang, LOCALES[lang], base, _)
        xml = atom_feed(entries, title="t", subtitle="s", self_url=base + "atom.xml", home_url=base, language=lang, author="a")
        feed = ET.fromstring(xml)
        ids = [e.findtext(f"{{{ATOM}}}id") for e in feed.findall(f"{{{ATOM}}}entry")]
        assert len(ids) == len(set(ids)) == len(entries)
        guides = [i for i in ids if "/guides/" in i]
        real = [g for g in groups if g.stem.startswith("guides/") and not g.stem.endswith("/index")
                and lang in g.variants and g.variants[lang].doc and not g.variants[lang].is_stub]
        assert len(guides) == len(real) and all(i.startswith(base) for i in ids)
        assert feed.findtext(f"{{{ATOM}}}updated").endswith("T00:00:00Z")
