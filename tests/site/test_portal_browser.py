"""The portal in a real browser: languages, switcher, SEO signals, 404s, privacy and accessibility."""

from __future__ import annotations

import json
import re
from itertools import permutations
from urllib.parse import urlsplit

import pytest
from conftest import foreign_requests, requests_made, serious_accessibility_violations

pytestmark = pytest.mark.browser

LANGS = ("en", "fr", "ja")
PREFIX = {"en": "", "fr": "fr/", "ja": "ja/"}


def open_page(page, url):
    response = page.goto(url)
    assert response is not None and response.ok, f"{url}: HTTP {response.status if response else '?'}"
    return page


@pytest.mark.parametrize("lang", LANGS)
def test_html_lang_is_the_page_language(page, base_url, lang):
    for path in ("", "guides/", "events/", "glossary/"):
        open_page(page, base_url + PREFIX[lang] + path)
        assert page.locator("html").get_attribute("lang") == lang, path


@pytest.mark.parametrize(("source", "target"), list(permutations(LANGS, 2)))
def test_switcher_keeps_the_page(page, base_url, source, target):
    open_page(page, base_url + PREFIX[source] + "events/")
    page.hover(".md-header__option .md-select")
    page.click(f".md-select__link[hreflang={target}]")
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/" + PREFIX[target] + "events/"
    assert page.locator("html").get_attribute("lang") == target


@pytest.mark.parametrize("lang", LANGS)
def test_hreflang_alternates_are_absolute_and_truthful(page, base_url, site_config, lang):
    """Every advertised alternate is absolute (from site_url), x-default is English, and the target
    page really is in the advertised language (a fallback page would be in English)."""
    open_page(page, base_url + PREFIX[lang] + "partners/")
    links = page.eval_on_selector_all(
        'link[rel~=alternate][hreflang]', "els => els.map(e => [e.hreflang, e.getAttribute('href')])"
    )
    advertised = dict(links)
    assert set(advertised) == {"en", "fr", "ja", "x-default"}
    assert advertised["x-default"] == advertised["en"]
    for hreflang, href in links:
        assert href.startswith(site_config.site_url), href
        if hreflang == "x-default":
            continue
        local = base_url + href[len(site_config.site_url):]
        open_page(page, local)
        assert page.locator("html").get_attribute("lang") == hreflang, href


def test_sitemap_lists_each_language_with_alternates(built_site, site_config):
    index = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<sitemap><loc>{site_config.site_url}sitemap-pages.xml</loc></sitemap>" in index
    assert "<url>" not in index and len(index) < 400  # what Material's script fetches on every page view
    sitemap = (built_site / "sitemap-pages.xml").read_text(encoding="utf-8")
    for lang in LANGS:
        assert f"<loc>{site_config.site_url}{PREFIX[lang]}events/</loc>" in sitemap
    assert 'hreflang="x-default"' in sitemap
    # No language 404 page and no search page is advertised.
    assert "404" not in sitemap


@pytest.mark.parametrize(
    ("lang", "heading"), [("en", "Page not found"), ("fr", "Page introuvable"), ("ja", "ページが見つかりません")]
)
def test_404_page_in_each_language(page, base_url, lang, heading):
    response = page.goto(base_url + PREFIX[lang] + "no-such-page/")
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").first.inner_text() == heading
    page.click("article a")
    assert urlsplit(page.url).path == "/" + PREFIX[lang]


def test_home_offers_a_language_chooser_and_remembers_the_choice(browser, base_url):
    context = browser.new_context(locale="en-GB")  # one reader: the same localStorage throughout
    page = context.new_page()
    open_page(page, base_url)
    assert page.locator(".kk-chooser a").count() == 3
    with page.expect_navigation(url=re.compile(r"/ja/$")):
        page.click('.kk-chooser a[hreflang="ja"]')
    page.wait_for_load_state("networkidle")
    page.close()
    # Coming back to / later: the remembered choice wins, once, without a loop.
    page = context.new_page()
    with page.expect_navigation(url=re.compile(r"/ja/$")):
        page.goto(base_url)
    page.wait_for_load_state("networkidle")
    with page.expect_navigation(url=re.compile(r"127\.0\.0\.1:\d+/$")):
        page.click('.kk-chooser a[hreflang="en"]')
    page.wait_for_load_state("networkidle")
    page.close()
    # English chosen explicitly: / stays English.
    page = context.new_page()
    open_page(page, base_url)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert urlsplit(page.url).path == "/"
    page.close()
    context.close()


@pytest.mark.parametrize(("browser_locale", "offered"), [("fr-FR", "fr"), ("ja-JP", "ja")])
def test_home_suggests_the_browser_language_without_redirecting(browser, base_url, browser_locale, offered):
    context = browser.new_context(locale=browser_locale)
    page = context.new_page()
    open_page(page, base_url)
    suggestion = page.locator(f'[data-kk-suggest="{offered}"]')
    suggestion.wait_for(state="visible")
    assert urlsplit(page.url).path == "/"
    assert page.locator("[data-kk-suggest]:visible").count() == 1
    context.close()


def test_no_suggestion_for_an_english_reader(page, base_url):
    open_page(page, base_url)
    page.wait_for_timeout(200)
    assert page.locator("[data-kk-suggest]:visible").count() == 0


INNER_PAGES = ["", "guides/", "glossary/", "events/", "partners/", "contribute/"]


@pytest.mark.parametrize("lang", LANGS)
def test_no_request_leaves_localhost(browser, base_url, lang):
    def visit(page):
        for path in INNER_PAGES:
            open_page(page, base_url + PREFIX[lang] + path)
            page.wait_for_load_state("networkidle")

    requests = requests_made(browser, visit)
    assert requests, "no request was recorded"
    assert foreign_requests(requests) == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ["", "guides/"])
def test_accessibility_has_no_serious_violation(page, base_url, lang, path):
    open_page(page, base_url + PREFIX[lang] + path)
    serious = serious_accessibility_violations(page)
    assert serious == [], json.dumps(serious, ensure_ascii=False, indent=1)
