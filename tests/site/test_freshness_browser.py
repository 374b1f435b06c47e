"""Honest freshness in a real browser: each guide shows its change log, and a guide past its review
interval a "review due" notice, in the reader's language."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime

import pytest
from conftest import build_site, foreign_requests, requests_made, serious_accessibility_violations
from project import make_project

from kakehashi.build.static_server import serve_site

pytestmark = pytest.mark.browser

PREFIX = {"en": "", "fr": "fr/", "ja": "ja/"}
BUILD_DAY = datetime(2027, 12, 1, tzinfo=UTC)  # the fixture guide, verified on 26 November 2026, is due since 26 November 2027
NOTICE = {
    "en": ("Review due", "26 November 2026", "26 November 2027"),
    "fr": ("Révision attendue", "26 novembre 2026", "26 novembre 2027"),
    "ja": ("見直しの時期を過ぎています", "2026年11月26日", "2027年11月26日"),
}
SUMMARY = {
    "en": "First version of this test guide, <b>not bold</b> & plain.",  # contributor text is shown as text
    "fr": "Première version de ce guide de test.",
    "ja": "この試験用ガイドの最初の版です。",
}


@pytest.fixture(scope="module")
def overdue_site(tmp_path_factory):
    """The fixture project built on BUILD_DAY (SOURCE_DATE_EPOCH), served on 127.0.0.1; ``other`` reviews
    every 24 months, so it is not due yet."""
    status = "---\ntitle: Translation status\ndescription: The status page of the test portal, long enough.\n---\n\n<!-- kakehashi:translation-status -->\n"
    project = make_project(tmp_path_factory.mktemp("freshness"), {"contribute/translation-status.md": status})
    other = project / "docs/guides/other.md"
    other.write_text(other.read_text(encoding="utf-8").replace("last_verified: 2026-11-26\n", "last_verified: 2026-11-26\nreview_interval_months: 24\n"),
                     encoding="utf-8")
    guide = project / "docs/guides/guide.md"
    guide.write_text(guide.read_text(encoding="utf-8").replace("summary: First version of this test guide.}", f"summary: '{SUMMARY['en']}'}}"),
                     encoding="utf-8")
    site = project / "site"
    epoch = str(int(BUILD_DAY.timestamp()))
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch
    try:
        result = build_site(project / "mkdocs.yml", site)
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
    assert result.returncode == 0, result.stdout + result.stderr
    server = serve_site(site, ("en", "fr", "ja"))
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("lang", ["en", "fr", "ja"])
def test_a_guide_past_its_interval_shows_the_notice_in_the_readers_language(page, overdue_site, lang):
    page.goto(overdue_site + PREFIX[lang] + "guides/guide/")
    notice = page.locator(".kk-banner--review")
    assert notice.is_visible()
    title, verified, due = NOTICE[lang]
    assert notice.locator(".admonition-title").inner_text() == title
    text = notice.inner_text()
    assert verified in text and due in text
    assert page.locator("html").get_attribute("lang") == lang
    assert serious_accessibility_violations(page) == []


@pytest.mark.parametrize("lang", ["en", "fr", "ja"])
def test_a_guide_within_its_interval_has_no_notice(page, overdue_site, lang):
    page.goto(overdue_site + PREFIX[lang] + "guides/other/")
    assert page.locator(".kk-furniture").is_visible()
    assert page.locator(".kk-banner--review").count() == 0


@pytest.mark.parametrize("lang", ["en", "fr", "ja"])
def test_the_change_log_is_shown_with_localized_dates(page, overdue_site, lang):
    page.goto(overdue_site + PREFIX[lang] + "guides/guide/")
    log = page.locator(".kk-changes")
    assert log.locator("time").get_attribute("datetime") == "2026-11-26"
    assert log.locator("dt").inner_text() == NOTICE[lang][1]
    assert log.locator("dd").inner_text() == SUMMARY[lang] and log.locator("dd b").count() == 0


@pytest.mark.parametrize(("lang", "heading"), [("en", "Guides due for review"), ("fr", "Guides à réviser")])
def test_the_status_page_lists_the_overdue_guide(page, overdue_site, lang, heading):
    page.goto(overdue_site + PREFIX[lang] + "contribute/translation-status/")
    assert page.locator("#review-due").inner_text().startswith(heading)
    rows = page.locator("#review-due").locator("xpath=following::table[1]/tbody/tr")
    assert rows.count() == 1 and "guides/guide" in rows.inner_text() and NOTICE[lang][2] in rows.inner_text()


def test_no_request_leaves_the_site(browser, overdue_site):
    assert foreign_requests(requests_made(browser, lambda page: page.goto(overdue_site + "ja/guides/guide/"))) == []


def test_real_guides_show_their_change_log_and_are_not_due(page, base_url):
    for lang in ("en", "fr", "ja"):
        page.goto(base_url + PREFIX[lang] + "guides/jp-ivd/")
        assert page.locator(".kk-changes dt").count() >= 1
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", page.locator(".kk-changes time").first.get_attribute("datetime"))
        assert page.locator(".kk-banner--review").count() == 0
    assert "年" in page.locator(".kk-changes dt").first.inner_text()
