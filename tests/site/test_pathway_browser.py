"""The pathway finder in a real browser, on the built site, in the three languages, with and without
JavaScript: a URL reproduces a route and gives the guides of the steps that apply."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import ROOT, foreign_requests, requests_made, serious_accessibility_violations

from kakehashi.data.pathways import load_pathways

pytestmark = pytest.mark.browser

LANGS = ["en", "fr", "ja"]
PREFIX = {"en": "", "fr": "fr/", "ja": "ja/"}
ROUTES = {route.id: route for route in load_pathways(ROOT)[0]}
APPROVAL = {"class": "approval", "novelty": "existing", "reimbursement": "yes"}
QUERY = "product=device&direction=eu-to-jp&class=approval&novelty=existing&reimbursement=yes"


def expected_links(route_id: str, answers: dict[str, str]) -> list[str]:
    """The guide sections of the steps that apply to these answers, in order, as the built pages link them."""
    links = []
    for step in ROUTES[route_id].steps:
        if all(answers.get(q) in options for q, options in step.when.items() if q in answers):
            links += [f"guides/{link.slug}/#{link.anchor}" for link in step.guides]
    return links


def shown_guide_links(page, lang: str) -> list[str]:
    """The guide links of the visible steps, relative to the language's root."""
    hrefs = page.eval_on_selector_all(
        ".kk-route:not([hidden]) tr:not([hidden]) a[href*='guides/']", "links => links.map(a => a.href)")
    root = page.url.split("pathway/")[0]
    assert all(href.startswith(root) for href in hrefs), f"a link leaves the {lang} pages: {hrefs}"
    return [href[len(root):] for href in hrefs]


@pytest.mark.parametrize("lang", LANGS)
def test_a_url_reproduces_a_route_and_gives_its_guides(page, base_url, lang):
    page.goto(f"{base_url}{PREFIX[lang]}pathway/?{QUERY}")
    assert page.locator("[data-kk-finder]").is_visible()
    assert page.input_value("#kk-finder-device-eu-to-jp--class") == "approval"
    assert page.eval_on_selector_all(".kk-route:not([hidden]) h2", "hs => hs.map(h => h.id)") == ["device-eu-to-jp"]
    assert shown_guide_links(page, lang) == expected_links("device-eu-to-jp", APPROVAL)
    assert "guides/jp-device-classes/#approval" in shown_guide_links(page, lang)
    assert "guides/jp-device-classes/#notification" not in shown_guide_links(page, lang)
    assert ROUTES["device-eu-to-jp"].title[lang] in page.inner_text("[data-kk-status]")
    # The picture shows the same steps, numbered again from 1.
    boxes = page.eval_on_selector_all(
        "svg[data-kk-map=device-eu-to-jp] [data-kk-height]",
        "bs => bs.filter(b => b.style.display !== 'none').map(b => b.querySelector('[data-kk-number]').textContent)")
    rows = page.locator(".kk-route:not([hidden]) tbody tr:not([hidden])").count()
    assert boxes == [str(n) for n in range(1, rows + 1)] and page.locator("svg[data-kk-map=device-eu-to-jp]").is_visible()


@pytest.mark.parametrize("lang", LANGS)
def test_answers_change_the_steps_and_the_url(page, base_url, lang):
    page.goto(f"{base_url}{PREFIX[lang]}pathway/")
    assert page.locator(".kk-route:not([hidden]) h2[data-kk-route]").count() == len(ROUTES)  # nothing chosen: all
    page.select_option("#kk-finder-product", "device")
    page.select_option("#kk-finder-direction", "jp-to-eu")
    assert page.locator("[data-kk-questions=device-eu-to-jp]").is_hidden()
    page.select_option("#kk-finder-device-jp-to-eu--class", "class-1")
    page.select_option("#kk-finder-device-jp-to-eu--reimbursement", "no")
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"product": ["device"], "direction": ["jp-to-eu"], "class": ["class-1"], "reimbursement": ["no"]}
    answers = {"class": "class-1", "reimbursement": "no"}
    assert shown_guide_links(page, lang) == expected_links("device-jp-to-eu", answers)
    assert "guides/fr-market-access/#lppr" not in shown_guide_links(page, lang)
    page.reload()  # the link reproduces the route
    assert shown_guide_links(page, lang) == expected_links("device-jp-to-eu", answers)
    page.select_option("#kk-finder-product", "drug")
    assert shown_guide_links(page, lang) == expected_links("drug-jp-to-eu", {})
    assert "class" not in parse_qs(urlsplit(page.url).query)  # another route, other questions


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_every_route_is_in_the_static_table(browser, base_url, lang):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{base_url}{PREFIX[lang]}pathway/?{QUERY}")
        assert page.locator("[data-kk-finder]").is_hidden()
        headings = page.eval_on_selector_all("h2[data-kk-route]", "hs => hs.map(h => h.id)")
        assert sorted(headings) == sorted(ROUTES)
        root = page.url.split("pathway/")[0]
        hrefs = {href[len(root):] for href in page.eval_on_selector_all("table a[href*='guides/']", "ls => ls.map(a => a.href)")}
        for route_id in ROUTES:
            assert set(expected_links(route_id, {})) <= hrefs
        assert page.locator("svg[data-kk-map]").count() == len(ROUTES)
        condition = page.locator("#device-eu-to-jp ~ * .kk-when").first.inner_text()
        assert ROUTES["device-eu-to-jp"].questions[0].label[lang] in condition
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_every_guide_link_leads_to_an_existing_section(page, base_url, lang):
    page.goto(f"{base_url}{PREFIX[lang]}pathway/")
    sections: dict[str, set[str]] = {}
    for href in page.eval_on_selector_all("a[href*='guides/'][href*='#']", "ls => ls.map(a => a.href)"):
        address, _, anchor = href.partition("#")
        sections.setdefault(address, set()).add(anchor)
    for address, anchors in sorted(sections.items()):
        response = page.goto(address)
        assert response is not None and response.ok, address
        for anchor in anchors:
            assert page.locator(f"[id='{anchor}']").count() == 1, f"{address}#{anchor}"


@pytest.mark.parametrize("lang", LANGS)
def test_pathway_page_is_accessible_and_stays_local(browser, page, base_url, lang):
    page.goto(f"{base_url}{PREFIX[lang]}pathway/?{QUERY}")
    serious = serious_accessibility_violations(page)
    assert serious == [], json.dumps(serious, ensure_ascii=False, indent=1)

    def visit(other):
        other.goto(f"{base_url}{PREFIX[lang]}pathway/?{QUERY}")
        other.wait_for_load_state("networkidle")

    assert foreign_requests(requests_made(browser, visit)) == []


@pytest.mark.parametrize("lang", LANGS)
def test_home_guides_and_navigation_lead_to_the_finder(page, base_url, lang):
    for path in ("", "guides/"):
        page.goto(f"{base_url}{PREFIX[lang]}{path}")
        assert page.locator(f"article a[href$='pathway/']").count() >= 1, path
    assert page.locator(".md-tabs a[href$='pathway/']").count() == 1


def test_values_the_form_does_not_offer_are_ignored(page, base_url):
    page.goto(f"{base_url}pathway/?product=%3Cimg%20src%3Dx%3E&direction=eu-to-jp&class=high")
    assert page.input_value("#kk-finder-product") == "" and page.input_value("#kk-finder-direction") == "eu-to-jp"
    assert page.locator(".kk-route:not([hidden]) h2[data-kk-route]").count() == len(ROUTES)
    assert page.inner_text("[data-kk-status]") == page.get_attribute("[data-kk-status]", "data-kk-all")
    assert page.locator("img[src=x]").count() == 0
