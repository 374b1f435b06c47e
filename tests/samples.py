"""Fictitious events and organisations for the tests (the site itself lists real ones only)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from kakehashi.data.events import Event, Source
from kakehashi.data.partners import Partner

NOW = datetime(2026, 11, 26, 12, tzinfo=UTC)


def make_event(id="fair", start=date(2027, 3, 22), end=date(2027, 3, 24), side="eu-alliance", kind="trade-fair",
               title=None, expected=None, tz="Europe/Paris", summary=None):
    return Event(
        id=id, kind=kind, side=side, title=title or {"en": "Fair", "fr": "Salon", "ja": "見本市"},
        summary=summary or {"en": "A fair."}, confirmed=expected is None, start=None if expected else start,
        end=None if expected else end, expected_year=expected[0] if expected else None,
        expected_month=expected[1] if expected else None, timezone=tz, online=False, venue={"en": "Hall 1"},
        city={"en": "Lyon", "ja": "リヨン"}, country="FR", url=None, tags=("partnering",),
        sources=(Source("Organiser", "https://example.com/source"),), last_verified=date(2026, 11, 20),
    )

def make_partner(id, offers=(), seeks=(), region="FR", native=None, romanised=None, summary=None):
    """A fictitious organisation for the tests (the site lists real ones only)."""
    return Partner(
        id=id, native_name=native or id.title(), romanised_name=romanised, type="sme", region=region,
        sectors=("medical-devices",), offers=tuple(offers), seeks=tuple(seeks), languages=("en",),
        website="https://example.com/", contact_email="contact@example.com", contact_url=None,
        summary=summary or {"en": "Sample."},
    )
