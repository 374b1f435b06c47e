"""Reading aids in a real browser, in the three languages: cross-links between guides, directory and
events; term cards; side-by-side reading (?with=)."""

from __future__ import annotations

import pytest
from conftest import ROOT, foreign_requests, requests_made, serious_accessibility_violations

from kakehashi.build.portal import portal_state
from kakehashi.data.crosslinks import events_for, guide_tags, guides_for_event, guides_for_partner, partners_for
from kakehashi.data.events import build_time, load_events
from kakehashi.data.partners import load_partners
from kakehashi.site_config import load_site_config

pytestmark = pytest.mark.browser

PREFIX = {"en": "", "fr": "fr/", "ja": "ja/"}
RELATED_TITLE = {"en": "Organisations and events for this guide", "fr": "Organisations et événements liés à ce guide",
                 "ja": "このガイドに関連する組織とイベント"}
OTHER_NAMES = {"en": ("French", "Japanese"), "fr": ("Anglais", "Japonais"), "ja": ("英語", "フランス語")}
GUIDE = "guides/eu-japan-trade"  # one with organisations and upcoming events in the real data
PAIRS = [("en", "fr"), ("fr", "ja"), ("ja", "en")]


@pytest.fixture(scope="module")
def links():
    """What the core says the cross-links of the real data are."""
    site = load_site_config(ROOT / "mkdocs.yml")
    guides = {g.stem: g for g in guide_tags(portal_state(site)[0].groups.values(), "en")}
    return guides, load_partners(ROOT).partners, load_events(ROOT, build_time())[0]


def open_page(page, url):
    response = page.goto(url)
    assert response is not None and response.ok, url
    return page


@pytest.mark.parametrize("lang", ["en", "fr", "ja"])
def test_a_guide_shows_the_organisations_and_events_relevant_to_it(page, base_url, links, lang):
    guides, partners, events = links
    expected_partners = [p.id for p in partners_for(guides[GUIDE], partners, lang)]
    expected_events = [e.id for e in events_for(guides[GUIDE], events, build_time())]
    assert expected_partners and expected_events  # the real data has some (data/partners, data/events)
    open_page(page, f"{base_url}{PREFIX[lang]}{GUIDE}/")
    section = page.locator("section.kk-related")
    assert section.locator("h2").inner_text() == RELATED_TITLE[lang]
    assert section.locator(".kk-related__partners [data-kk-related]").evaluate_all("els => els.map(e => e.dataset.kkRelated)") == expected_partners
    assert section.locator(".kk-related__events [data-kk-related]").evaluate_all("els => els.map(e => e.dataset.kkRelated)") == expected_events
    section.locator(".kk-related__partners a").first.click()
    page.wait_for_url(f"{base_url}{PREFIX[lang]}partners/#partner-{expected_partners[0]}")
    assert page.locator(f"#partner-{expected_partners[0]}").is_visible()
    page.go_back()
    section.locator(".kk-related__events a").first.click()
    page.wait_for_url(f"{base_url}{PREFIX[lang]}events/#event-{expected_events[0]}")
    assert page.locator(f"#event-{expected_events[0]}").is_visible()


@pytest.mark.parametrize("lang", ["en", "fr", "ja"])
def test_directory_entries_and_events_show_their_guides(page, base_url, links, lang):
    guides, partners, events = links
    catalogue = list(guides.values())
    partner = next(p for p in partners if guides_for_partner(p, catalogue, lang))
    expected = [g.stem for g in guides_for_partner(partner, catalogue, lang)]
    open_page(page, f"{base_url}{PREFIX[lang]}partners/")
    listed = page.locator(f"#partner-{partner.id} .kk-related-guides [data-kk-related]")
    assert listed.evaluate_all("els => els.map(e => e.dataset.kkRelated)") == expected
    title = guides[expected[0]].title(lang)[0]
    assert listed.first.inner_text() == title
    listed.first.locator("a").click()
    page.wait_for_url(f"{base_url}{PREFIX[lang]}{expected[0]}/")
    assert page.locator("h1").inner_text() == title

    event = next(e for e in events if guides_for_event(e, catalogue, lang))
    open_page(page, f"{base_url}{PREFIX[lang]}events/")
    listed = page.locator(f"#event-{event.id} .kk-related-guides [data-kk-related]")
    assert listed.evaluate_all("els => els.map(e => e.dataset.kkRelated)") == [g.stem for g in guides_for_event(event, catalogue, lang)]
    assert serious_accessibility_violations(page) == []


def card_is_open(page, term) -> bool:
    box = page.locator("#" + term.get_attribute("aria-describedby")).bounding_box()
    return box is not None and box["width"] > 50 and box["height"] > 20


@pytest.mark.parametrize("lang", ["en", "fr", "ja"])
def test_term_cards_open_on_focus_and_hover_close_on_escape_without_moving_the_page(page, base_url, lang):
    open_page(page, f"{base_url}{PREFIX[lang]}guides/jp-device-classes/")
    term = page.locator(".kk-term").first
    card = page.locator("#" + term.get_attribute("aria-describedby"))
    assert card.get_attribute("role") == "tooltip"
    others = card.locator(".kk-term-card__other").all_inner_texts()
    assert [text.split("\u00a0:" if lang == "fr" else ("：" if lang == "ja" else ":"))[0] for text in others] == list(OTHER_NAMES[lang])
    assert card.locator(".kk-term-card__definition").inner_text().strip()
    assert not card_is_open(page, term)
    layout = page.evaluate("() => [document.documentElement.scrollHeight, document.querySelector('h2#routes').getBoundingClientRect().top]")
    page.keyboard.press("Tab")
    for _ in range(80):  # by keyboard, as a reader would
        if page.evaluate("document.activeElement.classList.contains('kk-term')"):
            break
        page.keyboard.press("Tab")
    focused = page.locator(":focus")
    assert focused.evaluate("e => e.classList.contains('kk-term')") and card_is_open(page, focused)
    assert page.evaluate("() => [document.documentElement.scrollHeight, document.querySelector('h2#routes').getBoundingClientRect().top]") == layout
    assert serious_accessibility_violations(page) == []
    page.keyboard.press("Escape")
    assert not card_is_open(page, focused)
    page.mouse.move(0, 0)
    term.hover()
    assert card_is_open(page, term)
    page.keyboard.press("Escape")
    assert not card_is_open(page, term)


def test_a_tap_opens_a_term_card_on_the_screen_and_a_second_tap_closes_it(browser, base_url):
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 390, "height": 800}, locale="ja-JP")
    page = context.new_page()
    try:
        open_page(page, f"{base_url}ja/guides/jp-device-classes/")
        for index in range(6):
            term = page.locator(".kk-term").nth(index)
            term.scroll_into_view_if_needed()
            term.tap()
            assert card_is_open(page, term)
            box = page.locator("#" + term.get_attribute("aria-describedby")).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # moved back onto the screen if needed
            page.locator("h1").tap()  # a tap elsewhere closes it
            assert not card_is_open(page, term)
        term.tap()
        assert card_is_open(page, term)
        term.tap()
        assert not card_is_open(page, term)
    finally:
        context.close()


def test_without_javascript_cards_are_text_and_the_offer_links_to_the_other_language(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        open_page(page, f"{base_url}fr/guides/jp-device-classes/")
        wrap = page.locator("[data-kk-term]").first
        assert "Anglais" in wrap.text_content() and "Japonais" in wrap.text_content()
        offer = page.locator("[data-kk-parallel-offer] a[data-kk-with=ja]")
        offer.click()
        page.wait_for_url(f"{base_url}ja/guides/jp-device-classes/")
    finally:
        context.close()


def rows(page):
    return page.eval_on_selector_all(".kk-parallel__row", """rows => rows.map(row => ({
        key: row.dataset.kkSection,
        mine: [...row.children[0].querySelectorAll('h2[id], h3[id]')].map(h => h.id),
        theirs: [...row.children[1].querySelectorAll('h2[id], h3[id]')].map(h => h.id),
        lang: row.children[1].lang}))""")


@pytest.mark.parametrize(("lang", "other"), PAIRS)
def test_side_by_side_reading_aligns_sections_in_two_columns(page, base_url, lang, other):
    open_page(page, f"{base_url}{PREFIX[lang]}guides/jp-device-classes/")
    offer = page.locator(f"[data-kk-parallel-offer] a[data-kk-with={other}]")
    assert offer.get_attribute("href") == f"/{PREFIX[lang]}guides/jp-device-classes/?with={other}"
    offer.click()
    page.wait_for_selector(f"[data-kk-parallel={other}]")
    found = rows(page)
    assert len(found) > 5 and all(row["lang"] == other for row in found)
    for row in found[1:]:
        assert row["mine"] and row["theirs"] == [f"kk-with-{other}-{heading}" for heading in row["mine"]], row
    assert "overview" in [row["key"] for row in found] and found[-1]["key"] in ("sources", "change-log")
    left, right = (page.locator(f'[data-kk-section="overview"] > div').nth(i).bounding_box() for i in (0, 1))
    assert right["x"] > left["x"] + left["width"] - 1 and abs(right["y"] - left["y"]) < 2  # side by side
    assert page.locator("[data-kk-parallel-offer] a[aria-current]").get_attribute("data-kk-with") == other
    assert page.locator("html").get_attribute("lang") == lang
    assert serious_accessibility_violations(page) == []
    page.locator(".kk-parallel-offer__single").click()
    page.wait_for_url(f"{base_url}{PREFIX[lang]}guides/jp-device-classes/")
    assert page.locator("[data-kk-parallel]").count() == 0


def test_side_by_side_is_stacked_on_phones_and_fetches_from_this_site_only(browser, base_url):
    def visit(page):
        page.set_viewport_size({"width": 390, "height": 800})
        open_page(page, f"{base_url}ja/guides/jp-device-classes/?with=en")
        page.wait_for_selector("[data-kk-parallel=en]")
        left, right = (page.locator('[data-kk-section="overview"] > div').nth(i).bounding_box() for i in (0, 1))
        assert abs(right["x"] - left["x"]) < 2 and right["y"] >= left["y"] + left["height"] - 1
    requests = requests_made(browser, visit)
    assert f"{base_url}guides/jp-device-classes/" in requests
    assert foreign_requests(requests) == []


def test_an_unknown_or_untranslated_language_leaves_the_page_as_it_is(page, base_url):
    open_page(page, f"{base_url}guides/jp-device-classes/?with=de")
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-kk-parallel]").count() == 0
    open_page(page, f"{base_url}guides/jp-device-classes/?with=en")  # its own language: nothing to add
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-kk-parallel]").count() == 0


@pytest.mark.parametrize(("path", "other"), [("", "fr"), ("fr/glossary/", "ja"), ("ja/partners/", "en"), ("fr/contribute/translate/", "en")])
def test_side_by_side_reading_of_other_pages_is_accessible(page, base_url, path, other):
    open_page(page, f"{base_url}{path}?with={other}")
    page.wait_for_selector(f"[data-kk-parallel={other}]")
    assert page.locator(".kk-parallel__cell--other").first.inner_text().strip()
    assert serious_accessibility_violations(page) == []  # wide tables and code in half columns stay reachable
