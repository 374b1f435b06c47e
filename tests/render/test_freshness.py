"""Honest freshness: review dates, the change log as readers see it, and the feed entries it dates."""

from __future__ import annotations

import gettext
from datetime import date
from xml.etree import ElementTree as ET

from project import make_project

from kakehashi.content.freshness import changes, is_overdue, overdue_guides, review_due
from kakehashi.content.groups import load_pageset
from kakehashi.render.feeds import ATOM, atom_feed, guide_entries
from kakehashi.render.furniture import change_log, review_notice
from kakehashi.site_config import load_site_config

_ = gettext.NullTranslations().gettext
META = {
    "last_verified": "2026-01-31",
    "changes": [
        {"date": "2025-06-01", "summary": "First version."},
        {"date": "2026-01-31", "summary": "Fees of 2026."},
        {"date": "not a date", "summary": "Left to the schema rule."},
    ],
}


def test_review_falls_due_after_the_interval_at_the_end_of_a_short_month():
    assert review_due(META) == date(2027, 1, 31)
    assert review_due({**META, "review_interval_months": 1}) == date(2026, 2, 28)
    assert not is_overdue(META, date(2027, 1, 30)) and is_overdue(META, date(2027, 1, 31))
    assert review_due({"title": "no date"}) is None and not is_overdue({}, date(2099, 1, 1))


def test_change_log_is_newest_first_with_dates_in_the_readers_language():
    assert [c.summary for c in changes(META)] == ["Fees of 2026.", "First version."]
    assert [(e.iso, e.shown) for e in change_log(META, "fr_FR")] == [("2026-01-31", "31 janvier 2026"), ("2025-06-01", "1 juin 2025")]
    assert change_log(META, "ja_JP")[0].shown == "2026年1月31日"
    assert change_log({"changes": "not a list"}, "en_GB") == []


def test_review_notice_only_once_due():
    assert review_notice(META, "en_GB", date(2027, 1, 30)) is None
    notice = review_notice(META, "fr_FR", date(2027, 2, 1))
    assert (notice.verified, notice.due) == ("31 janvier 2026", "31 janvier 2027")


def test_feed_entry_is_dated_and_summarised_by_the_newest_change(tmp_path):
    project = make_project(tmp_path)
    page = project / "docs/guides/guide.fr.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "changes: [{date: 2026-11-26, summary: Première version de ce guide de test.}]",
        "changes: [{date: 2026-11-26, summary: Première version de ce guide de test.}, {date: 2026-10-01, summary: Ébauche du guide.}]"),
        encoding="utf-8")
    site = load_site_config(project / "mkdocs.yml")
    entries = guide_entries(load_pageset(site), "fr", "https://k.example/fr/", _)
    guide = next(e for e in entries if e.url.endswith("/guides/guide/"))
    assert (guide.updated, guide.summary) == (date(2026, 11, 26), "Première version de ce guide de test.")
    feed = ET.fromstring(atom_feed(entries, title="t", subtitle="s", self_url="https://k.example/fr/atom.xml",
                                   home_url="https://k.example/fr/", language="fr", author="a"))
    entry = next(e for e in feed.findall(f"{{{ATOM}}}entry") if e.findtext(f"{{{ATOM}}}id").endswith("/guides/guide/"))
    assert entry.findtext(f"{{{ATOM}}}updated") == "2026-11-26T00:00:00Z"
    assert entry.findtext(f"{{{ATOM}}}summary") == "Première version de ce guide de test."


def test_overdue_guides_carry_each_languages_title(tmp_path):
    project = make_project(tmp_path)
    site = load_site_config(project / "mkdocs.yml")
    groups = load_pageset(site)
    assert overdue_guides(groups, date(2027, 11, 25)) == []
    overdue = overdue_guides(groups, date(2027, 11, 26))
    assert [o.stem for o in overdue] == ["guides/guide", "guides/other"]
    assert overdue[0].title("ja") == "ノーティファイドボディの実務"
    assert overdue[1].title("ja") == "Notified bodies in practice"  # not translated: the source's title
