"""Events calendar and partner directory in a real browser, on the built site."""

from __future__ import annotations

import gettext
import json
from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT, serious_accessibility_violations
from icalendar import Calendar
from samples import NOW, make_event, make_partner

from kakehashi.data.events import load_events
from kakehashi.data.partners import find_matches, load_partners
from kakehashi.render.events_page import render_events
from kakehashi.render.partners_page import render_directory
from kakehashi.render.ui_text import date_range

pytestmark = pytest.mark.browser

PREFIX = {"en": "", "fr": "fr/", "ja": "ja/"}
LOCALES = {"en": "en_GB", "fr": "fr_FR", "ja": "ja_JP"}


def open_page(page, url):
    response = page.goto(url)
    assert response is not None and response.ok, url
    return page


def visible_ids(page):
    return page.eval_on_selector_all("[data-kk-partner]", "els => els.filter(e => !e.hidden).map(e => e.id.slice(8))")


def test_filters_narrow_the_directory(page, base_url):
    directory = load_partners(ROOT)
    open_page(page, base_url + "partners/")
    assert page.locator("[data-kk-filters]").is_visible()  # shown once the script runs
    assert len(visible_ids(page)) == len(directory.partners)
    page.select_option("#kk-filter-offers", "scientific-advice")
    expected = sorted(p.id for p in directory.partners if "scientific-advice" in p.offers)
    assert sorted(visible_ids(page)) == expected and len(expected) >= 2
    assert page.inner_text("[data-kk-count]") == f"{len(expected)} of {len(directory.partners)} organisations shown"
    page.select_option("#kk-filter-region", "JP-27")  # PMDA's consultations in Osaka
    assert visible_ids(page) == ["pmda-kansai-branch"]
    page.select_option("#kk-filter-languages", "en")
    page.select_option("#kk-filter-region", "")
    assert visible_ids(page) == ["pmda"]
    page.select_option("#kk-filter-seeks", "investment")
    assert visible_ids(page) == [] and page.locator("[data-kk-none]").is_visible()
    page.click("[data-kk-filters] button[type=reset]")
    page.wait_for_function(
        "n => document.querySelectorAll('[data-kk-partner]:not([hidden])').length === n", arg=len(directory.partners))


def test_filter_labels_and_count_are_in_the_page_language(page, base_url):
    open_page(page, base_url + "ja/partners/")
    assert page.inner_text("label[for=kk-filter-offers]") == "提供できること"
    assert page.inner_text("[data-kk-count]").startswith(f"{len(load_partners(ROOT).partners)}件中")
    assert "開発計画への科学的助言" in page.inner_text("#kk-filter-offers")


def test_possible_matches_are_the_build_time_matches(page, base_url):
    directory = load_partners(ROOT)
    open_page(page, base_url + "fr/partners/")
    shown = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('[data-kk-partner]')].map(
        a => [a.id.slice(8), [...a.querySelectorAll('[data-match]')].map(li => li.dataset.match)]))""")
    expected = {pid: [m.partner.id for m in matches] for pid, matches in find_matches(directory.partners).items()}
    assert shown == expected
    # Lyonbiopôle and Osaka Bio Headquarters, partners of the alliance, each offer what the other seeks.
    assert "osaka-bio-headquarters" in shown["lyonbiopole"] and "lyonbiopole" in shown["osaka-bio-headquarters"]
    # Following a match to a profile hidden by the filters shows it.
    page.select_option("#kk-filter-region", "FR")
    page.locator("#partner-lyonbiopole details summary").click()
    page.click('#partner-lyonbiopole [data-match="osaka-bio-headquarters"] a')
    page.wait_for_function("() => !document.getElementById('partner-osaka-bio-headquarters').hidden")


@pytest.mark.parametrize("lang", ["en", "fr", "ja"])
def test_add_to_calendar_downloads_an_ics_that_parses(browser, base_url, lang):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    open_page(page, base_url + PREFIX[lang] + "events/")
    link = page.locator("#event-biojapan-2025 a.kk-event__ics")
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == "biojapan-2025.ics"
    parsed = Calendar.from_ical(Path(download.path()).read_bytes())
    (item,) = parsed.walk("VEVENT")
    assert str(item["UID"]).startswith("biojapan-2025@")
    assert item["DTSTART"].dt == date(2025, 10, 8) and item["DTEND"].dt == date(2025, 10, 11)
    assert str(item["SUMMARY"]) == "BioJapan 2025"
    assert ("横浜" if lang == "ja" else "Yokohama") in str(item["LOCATION"])
    context.close()


def test_the_calendar_feed_of_each_language_parses(page, base_url):
    events = load_events(ROOT)[0]
    for lang in ("en", "fr", "ja"):
        response = page.request.get(base_url + PREFIX[lang] + "events.ics")
        assert response.ok
        parsed = Calendar.from_ical(response.body())
        assert len(parsed.walk("VEVENT")) == sum(e.confirmed for e in events)
    feed = page.request.get(base_url + "ja/atom.xml")
    assert feed.ok and b'xml:lang="ja"' in feed.body()


@pytest.mark.parametrize(("lang", "literal"), [("en", "8–10 Oct 2025"), ("fr", "8–10 oct. 2025"), ("ja", "2025年10月8日～10日")])
def test_dates_are_localized_in_each_language(page, base_url, lang, literal):
    open_page(page, base_url + PREFIX[lang] + "events/")
    when = page.inner_text("#event-biojapan-2025 .kk-event__when")
    assert when == date_range(date(2025, 10, 8), date(2025, 10, 10), LOCALES[lang]) == literal
    assert page.locator("#event-bio-europe-spring-2027 time").count() == 0  # no invented day


def test_upcoming_before_past_and_joint_events_stand_out(page, base_url):
    open_page(page, base_url + "events/")
    upcoming = page.eval_on_selector_all("#upcoming + ol > li", "els => els.map(e => e.id)")
    past = page.eval_on_selector_all(".kk-events__past li", "els => els.map(e => e.id)")
    assert "event-bio-europe-spring-2027" in upcoming and "event-biojapan-2025" in past
    joint = page.locator(".kk-event--joint").first
    plain = page.locator(".kk-event:not(.kk-event--joint)").first
    style = "e => getComputedStyle(e).borderLeftColor + '|' + getComputedStyle(e).backgroundColor"
    assert joint.evaluate(style) != plain.evaluate(style)
    assert joint.locator(".kk-badge--joint").is_visible()


def test_injected_markup_stays_text_in_the_browser(page):
    _ = gettext.NullTranslations().gettext
    evil = "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\">"
    directory = load_partners(ROOT)
    html = render_events([make_event(title={"en": evil}, summary={"en": evil})], "en", "en_GB", _, NOW)
    html += render_directory([make_partner("evil", native=evil, summary={"en": evil})], directory.vocabulary, "en", "en_GB", _)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.set_content(f"<!doctype html><html><body>{html}</body></html>")
    page.wait_for_timeout(200)
    assert page.evaluate("window.pwned") is None and dialogs == []
    assert page.locator("script").count() == 0 and page.locator("img").count() == 0
    assert evil in page.inner_text(".kk-event__title") and evil in page.inner_text(".kk-partner__name")


@pytest.mark.parametrize("lang", ["en", "fr", "ja"])
@pytest.mark.parametrize("path", ["events/", "partners/"])
def test_events_and_partners_pages_have_no_serious_accessibility_violation(page, base_url, lang, path):
    open_page(page, base_url + PREFIX[lang] + path)
    serious = serious_accessibility_violations(page)
    assert serious == [], json.dumps(serious, ensure_ascii=False, indent=1)
