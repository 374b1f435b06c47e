"""Search in a real browser, on the real portal: language isolation, Japanese, French and English
matching, excerpts, keyboard, landing on the right section, privacy and accessibility.

Expectations are computed from the built pages themselves (which pages contain a term), so the rules
hold for whatever the guides say and for queries that are not in this file.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import foreign_requests, requests_made, serious_accessibility_violations

from kakehashi.build.search_index import CJK_CLASS, EXCLUDE_SELECTORS, fold_width

pytestmark = pytest.mark.browser

LANGS = ("en", "fr", "ja")
PREFIX = {"en": "", "fr": "fr/", "ja": "ja/"}
_SKIPPED = {sel.lstrip(".") for sel in EXCLUDE_SELECTORS}
_CJK_GAP = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff])")


class _Body(HTMLParser):
    """Text of the indexed part of a page (article[data-pagefind-body] minus the excluded parts)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0      # inside the body when > 0
        self.skip = 0       # inside an excluded element when > 0
        self.parts: list[str] = []
        self.sections: list[tuple[str, list[str]]] = [("", [])]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth:
            self.depth += 1
            classes = set((attrs.get("class") or "").split())
            if self.skip or classes & _SKIPPED or tag in ("script", "style"):
                self.skip += 1
            elif re.fullmatch(r"h[1-6]", tag) and attrs.get("id"):
                self.sections.append((attrs["id"], []))
        elif tag == "article" and "data-pagefind-body" in attrs:
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
            if self.skip:
                self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)
            self.sections[-1][1].append(data)


def _normal(text: str) -> str:
    return _CJK_GAP.sub("", fold_width(text))


@cache
def _site_pages(site: Path, lang: str) -> dict[str, tuple[str, dict[str, str]]]:
    """URL path -> (body text, {section id: section text}) for every indexed page of a language."""
    pages = {}
    for html_file in site.rglob("index.html"):
        rel = html_file.relative_to(site).parent.as_posix()
        url = "/" if rel == "." else f"/{rel}/"
        if lang == "en" and url.startswith(("/fr/", "/ja/", "/pagefind/")) or lang != "en" and not url.startswith(f"/{lang}/"):
            continue
        parser = _Body()
        parser.feed(html_file.read_text(encoding="utf-8"))
        if parser.parts:
            pages[url] = (_normal(" ".join(parser.parts)), {k: _normal(" ".join(v)) for k, v in parser.sections})
    return pages


def pages_containing(site: Path, lang: str, term: str) -> set[str]:
    term = unicodedata.normalize("NFKC", term).lower()
    return {url for url, (text, _) in _site_pages(site, lang).items() if term in text.lower()}


def open_search(page, base_url, lang, path=""):
    response = page.goto(base_url + PREFIX[lang] + path)
    assert response is not None and response.ok
    page.keyboard.press("/")
    page.wait_for_selector(".md-search__input:focus")


def search(page, base_url, lang, query, all_languages=False):
    """Type a query in language ``lang``'s search; returns the first batch of results."""
    open_search(page, base_url, lang)
    if all_languages:
        page.check("[data-kk-search-all]")
    page.keyboard.type(query)
    page.wait_for_function("q => document.querySelector('[data-kk-search]').dataset.kkDone === q", arg=query)
    return page.eval_on_selector_all(
        ".md-search-result__item",
        """items => items.map(item => ({
             href: item.querySelector('a').getAttribute('href'),
             lang: item.closest('[lang]') === document.documentElement ? document.documentElement.lang
                   : item.closest('[lang]').lang,
             marks: [...item.querySelectorAll('.md-search-result__teaser mark')].map(m => m.textContent),
             group: item.closest('[data-kk-group]') ? item.closest('[data-kk-group]').dataset.kkGroup : null,
           }))""",
    )


def path_of(href: str) -> str:
    return unquote(urlsplit(href).path)


def language_of(path: str) -> str:
    first = path.strip("/").split("/", 1)[0]
    return first if first in ("fr", "ja") else "en"


# --- language isolation ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_results_come_from_the_page_language_only(page, base_url, built_site, lang):
    results = search(page, base_url, lang, "PMDA")
    assert results, "PMDA is in every language's guides"
    assert {language_of(path_of(r["href"])) for r in results} == {lang}
    assert all(r["group"] is None for r in results)


def test_other_languages_only_behind_the_toggle(page, base_url):
    results = search(page, base_url, "fr", "PMDA", all_languages=True)
    groups = {}
    for r in results:
        groups.setdefault(r["group"], set()).add(language_of(path_of(r["href"])))
    assert groups[None] == {"fr"}, "the reader's language comes first, alone"
    assert groups.get("en") == {"en"} and groups.get("ja") == {"ja"}
    assert all(r["lang"] == r["group"] for r in results if r["group"])
    # Unticked again: back to French only.
    page.uncheck("[data-kk-search-all]")
    page.wait_for_function("() => !document.querySelector('[data-kk-group]')")
    assert {language_of(path_of(h)) for h in page.eval_on_selector_all(
        ".md-search-result__link", "links => links.map(a => a.getAttribute('href'))")} == {"fr"}


# --- Japanese -----------------------------------------------------------------------------------

def _assert_finds_exactly(page, base_url, built_site, lang, query, term=None):
    expected = pages_containing(built_site, lang, term or query)
    assert expected, f"no {lang} page contains {term or query!r}: pick another term"
    results = search(page, base_url, lang, query)
    found = {path_of(r["href"]) for r in results}
    assert found <= expected, f"{query!r}: pages without the term: {found - expected}"
    assert len(found) == min(len(expected), 10), f"{query!r}: missed {sorted(expected - found)[:5]}"
    return results


@pytest.mark.parametrize("term", ["医療機器", "製造販売業者", "承認", "薬機法"])
def test_japanese_kanji_terms_find_every_page_that_contains_them(page, base_url, built_site, term):
    _assert_finds_exactly(page, base_url, built_site, "ja", term)


@pytest.mark.parametrize("term", ["パートナー", "クラスIII", "CEマーキング", "ノーティファイドボディ"])
def test_japanese_kana_and_mixed_terms(page, base_url, built_site, term):
    _assert_finds_exactly(page, base_url, built_site, "ja", term)


def test_japanese_term_in_the_middle_of_a_long_sentence(page, base_url, built_site):
    """Six characters cut from the middle of the longest sentence of a Japanese guide list page."""
    text, _ = _site_pages(built_site, "ja")["/ja/"]
    sentence = max(re.split(r"[。！？\n]", text), key=len)
    middle = len(sentence) // 2
    window = next(
        sentence[i:i + 6] for i in sorted(range(len(sentence) - 5), key=lambda i: abs(i - middle))
        if re.fullmatch(r"[\u3040-\u30ff\u4e00-\u9fff]{6}", sentence[i:i + 6])
    )
    results = _assert_finds_exactly(page, base_url, built_site, "ja", window)
    assert "/ja/" in {path_of(r["href"]) for r in results}


@pytest.mark.parametrize(("wide", "narrow"), [("ＰＭＤＡ", "PMDA"), ("ｸﾗｽⅢ", "クラスIII")])
def test_full_width_and_half_width_forms_match(page, base_url, built_site, wide, narrow):
    expected = _assert_finds_exactly(page, base_url, built_site, "ja", narrow)
    assert [r["href"] for r in search(page, base_url, "ja", wide)] == [r["href"] for r in expected]


# --- French and English -------------------------------------------------------------------------

def result_count(page) -> int:
    digits = re.search(r"\d+", page.inner_text(".md-search-result__meta"))
    return int(digits.group()) if digits else 0


def assert_same_pages(page, base_url, lang, one, other):
    """Both queries find the same pages (ranking may differ: an exact form ranks a little higher)."""
    first = {path_of(r["href"]) for r in search(page, base_url, lang, one)}
    count = result_count(page)
    second = {path_of(r["href"]) for r in search(page, base_url, lang, other)}
    assert first, f"{one!r} found nothing"
    assert result_count(page) == count, f"{one!r} and {other!r} find different numbers of pages"
    if count <= len(first):
        assert first == second
    else:
        assert len(first & second) >= len(first) // 2


@pytest.mark.parametrize(
    ("written", "plain"),
    [("réglementation", "reglementation"), ("dispositifs médicaux", "dispositifs medicaux"), ("évaluation", "evaluation")],
)
def test_french_without_accents(page, base_url, written, plain):
    assert_same_pages(page, base_url, "fr", written, plain)


@pytest.mark.parametrize(("singular", "plural"), [("dispositif", "dispositifs"), ("organisme notifié", "organismes notifiés")])
def test_french_singular_and_plural(page, base_url, singular, plural):
    assert_same_pages(page, base_url, "fr", singular, plural)


@pytest.mark.parametrize(("word", "inflected"), [("approval", "approvals"), ("requirement", "requirements")])
def test_english_stemming(page, base_url, word, inflected):
    assert_same_pages(page, base_url, "en", word, inflected)
    marks = [m for r in search(page, base_url, "en", inflected) for m in r["marks"]]
    assert any(m.lower().startswith(word[:6]) for m in marks), marks


# --- what a result shows and where it leads -------------------------------------------------------

@pytest.mark.parametrize(("lang", "query", "stem"), [("en", "notified body", "notified"), ("fr", "mandataire", "mandataire"), ("ja", "製造販売業者", "製造販売業者")])
def test_result_has_title_and_highlighted_excerpt(page, base_url, lang, query, stem):
    results = search(page, base_url, lang, query)
    assert results
    first = page.locator(".md-search-result__item").first
    assert first.locator("article h1").inner_text().strip()
    marks = first.locator(".md-search-result__teaser mark").all_inner_texts()
    assert any(stem in unicodedata.normalize("NFKC", m).lower() for m in marks), marks
    # Material's look: its classes, its result icon.
    assert first.locator("a.md-search-result__link article.md-search-result__article .md-search-result__icon").count() == 1


def test_japanese_titles_and_excerpts_read_as_written(page, base_url):
    """The Japanese index sets every kana and kanji apart; what the reader sees is glued back."""
    assert search(page, base_url, "ja", "製造販売業者")
    shown = page.locator(".md-search-result__item article").all_inner_texts()
    gap = re.compile(f"[{CJK_CLASS}]\\s+[{CJK_CLASS}]")
    assert shown and not [text for text in shown if gap.search(text)], shown


@pytest.mark.parametrize(("lang", "query", "stem"), [("en", "approvals", "approv"), ("fr", "mandataire", "mandataire"), ("ja", "登録認証機関", "登録認証機関")])
def test_first_result_opens_the_section_that_matches(page, base_url, built_site, lang, query, stem):
    results = search(page, base_url, lang, query)
    assert results
    href = results[0]["href"]
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(urlsplit(href).path)))
    assert page.locator("[data-md-toggle=search]").is_checked() is False
    fragment = unquote(urlsplit(page.url).fragment)
    text, sections = _site_pages(built_site, lang)[path_of(page.url)]
    if fragment:
        assert page.locator(f"[id='{fragment}']").count() == 1
        assert stem in sections[fragment].lower(), f"section #{fragment} does not mention {stem!r}"
    else:
        assert stem in text.lower()


# --- keyboard -------------------------------------------------------------------------------------

@pytest.mark.parametrize("key", ["/", "s", "f"])
def test_shortcut_opens_search_and_arrows_walk_the_results(page, base_url, key):
    page.goto(base_url + "guides/")
    page.keyboard.press(key)
    assert page.locator("[data-md-toggle=search]").is_checked()
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("PMDA")
    page.wait_for_selector(".md-search-result__item")
    page.wait_for_timeout(200)
    page.keyboard.press("ArrowDown")
    first = page.locator(".md-search-result__link").first
    assert first.evaluate("el => el === document.activeElement")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.press("Escape")
    assert not page.locator("[data-md-toggle=search]").is_checked()


def test_shortcut_is_ignored_while_typing_elsewhere(page, base_url):
    page.goto(base_url)
    page.evaluate("document.body.insertAdjacentHTML('afterbegin', '<input id=kk-other>')")
    page.focus("#kk-other")
    page.keyboard.type("sf/")
    assert page.input_value("#kk-other") == "sf/"
    assert not page.locator("[data-md-toggle=search]").is_checked()


# --- privacy and accessibility --------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_search_requests_stay_on_the_site(browser, base_url, lang):
    def visit(page):
        search(page, base_url, lang, "PMDA", all_languages=True)
        page.wait_for_load_state("networkidle")

    requests = requests_made(browser, visit)
    assert any("/pagefind/" in url for url in requests), "Pagefind was not used"
    assert foreign_requests(requests) == []
    assert not any("search_index.json" in url for url in requests), "the lunr index is still downloaded"


@pytest.mark.parametrize("lang", LANGS)
def test_accessibility_with_the_search_dialog_open(page, base_url, lang):
    search(page, base_url, lang, "PMDA", all_languages=True)
    serious = serious_accessibility_violations(page)
    assert serious == [], json.dumps(serious, ensure_ascii=False, indent=1)


# --- phrases, vocabulary, typos, numerals ---------------------------------------------------------

def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not "\u0300" <= c <= "\u036f")
    return " ".join(unicodedata.normalize("NFC", text).split())


def page_has(built_site, lang: str, path: str, pattern: str) -> bool:
    text, _ = _site_pages(built_site, lang)[path]
    return re.search(pattern, _fold(text)) is not None


@pytest.mark.parametrize(("lang", "query", "phrase"), [
    ("fr", "organisme notifié", "organisme notifie"),
    ("fr", "fabricant étranger", "fabricant etranger"),
    ("en", "foreign manufacturer", "foreign manufacturer"),
    ("en", "quality management system", "quality management system"),
    ("ja", "品質マネジメントシステム", "品質マネジメントシステム"),
])
def test_phrases_rank_pages_with_the_words_together_first(page, base_url, built_site, lang, query, phrase):
    results = search(page, base_url, lang, query)
    paths = [path_of(r["href"]) for r in results]
    assert paths and page_has(built_site, lang, paths[0], re.escape(phrase)), f"{query!r}: first result {paths[:1]}"
    if answer_card(page) is None:
        # Not a term (a term's own results are followed by its variants'): the pages with the phrase
        # come before those with the words apart.
        exact = [page_has(built_site, lang, p, re.escape(phrase)) for p in paths]
        assert exact == sorted(exact, reverse=True), list(zip(paths, exact, strict=True))


def test_french_notified_body_never_ranks_first_a_page_without_the_phrase(page, base_url, built_site):
    """The issue's case: a page with « organisme » and « notification » but not the phrase came first."""
    for query in ("organisme notifié", "organisme notifie", "organismes notifiés"):
        results = search(page, base_url, "fr", query)
        assert page_has(built_site, "fr", path_of(results[0]["href"]), r"organismes? notifies?"), query


def answer_card(page) -> dict | None:
    cards = page.eval_on_selector_all("[data-kk-answer]", """cards => cards.map(c => ({
        id: c.dataset.kkAnswer,
        terms: Object.fromEntries([...c.querySelectorAll('dd')].map(d => [d.lang, d.textContent])),
        definition: (c.querySelector('.kk-answer__definition') || {}).textContent,
        href: c.querySelector('a') && c.querySelector('a').href,
        label: c.querySelector('.kk-answer__label').textContent }))""")
    return cards[0] if cards else None


# A term typed in another language: (reader's language, query, concept, what the first result must have).
CROSS = [
    ("en", "organisme notifié", "notified-body", r"notified bod"),
    ("en", "薬機法", "pmd-act", r"pmd act"),
    ("fr", "製造販売業者", "marketing-authorisation-holder", r"titulaires? de l'autorisation de mise sur le marche|\bmah\b"),
    ("fr", "notified body", "notified-body", r"organismes? notifies?"),
    ("ja", "notified body", "notified-body", r"ノーティファイドボディ"),
    ("ja", "MAH", "marketing-authorisation-holder", r"製造販売業者"),
    ("ja", "mandataire", "authorised-representative", r"欧州代理人"),
]
GLOSSARY_LABEL = {"en": "Glossary", "fr": "Glossaire", "ja": "用語集"}


@pytest.mark.parametrize(("lang", "query", "concept", "expected"), CROSS)
def test_a_term_typed_in_another_language_finds_the_readers_term(page, base_url, built_site, lang, query, concept, expected):
    results = search(page, base_url, lang, query)
    assert results and {language_of(path_of(r["href"])) for r in results} == {lang}
    assert page_has(built_site, lang, path_of(results[0]["href"]), expected), results[0]["href"]
    card = answer_card(page)
    assert card and card["id"] == concept and card["label"] == GLOSSARY_LABEL[lang]
    assert set(card["terms"]) == set(LANGS) and card["definition"]
    # The card links to the concept's row in the reader's glossary; the glossary page is not a result too.
    assert urlsplit(card["href"]).path == f"/{PREFIX[lang]}glossary/" and urlsplit(card["href"]).fragment == concept
    assert f"/{PREFIX[lang]}glossary/" not in {path_of(r["href"]) for r in results}
    page.click("[data-kk-answer] a")
    page.wait_for_url(re.compile("glossary"))
    assert page.locator(f"tr[id='{concept}']").count() == 1


def test_no_answer_card_for_a_query_that_is_not_a_term(page, base_url):
    assert search(page, base_url, "en", "shipment")
    assert answer_card(page) is None


CORRECTED = {"en": "Showing results for", "fr": "Résultats pour", "ja": "検索結果"}


@pytest.mark.parametrize(("lang", "query", "word"), [
    ("en", "regulaton", "regulation"),
    ("en", "notifed bodies", "notified"),
    ("fr", "remboursment", "remboursement"),
    ("fr", "organisme notife", "notifié"),
    ("ja", "ノーティファイドボデイ", "ノーティファイドボディ"),
])
def test_a_misspelt_word_is_replaced_by_the_closest_word_and_the_reader_is_told(page, base_url, built_site, lang, query, word):
    results = search(page, base_url, lang, query)
    note = page.locator(".kk-search-correction")
    assert note.count() == 1, "no 'showing results for'"
    assert CORRECTED[lang] in note.inner_text() and word in note.locator("strong").inner_text()
    assert results and page_has(built_site, lang, path_of(results[0]["href"]), re.escape(_fold(word)))


@pytest.mark.parametrize(("lang", "query"), [("en", "approvals"), ("fr", "dispositifs médicaux"), ("ja", "製造販売業者"), ("en", "PMDA")])
def test_words_of_the_pages_are_not_corrected(page, base_url, lang, query):
    assert search(page, base_url, lang, query)
    assert page.locator(".kk-search-correction").count() == 0


@pytest.mark.parametrize(("query", "written"), [("クラス３", "クラスIII"), ("クラス2", "クラスII"), ("第百四十五号", "第145号"), ("二〇一四年", "2014年")])
def test_japanese_numeral_variants(page, base_url, built_site, query, written):
    results = search(page, base_url, "ja", query)
    assert results, query
    assert page_has(built_site, "ja", path_of(results[0]["href"]), re.escape(_fold(written)))


# --- the opened page and the remembered choice ---------------------------------------------------

@pytest.mark.parametrize(("lang", "query", "shown"), [("en", "notified body", "notified bod"), ("fr", "organisme notifié", "organisme notifi"), ("ja", "製造販売業者", "製造販売業者")])
def test_opened_page_highlights_the_query_and_scrolls_to_it(page, base_url, lang, query, shown):
    assert search(page, base_url, lang, query)
    page.keyboard.press("Enter")
    page.wait_for_selector("mark.kk-highlight")
    marks = page.locator("article mark.kk-highlight").all_inner_texts()
    assert marks and all(shown in _fold(m) for m in marks[:3]), (page.url, marks[:5])
    first = page.locator("mark.kk-highlight--first")
    assert first.count() == 1
    page.wait_for_function("() => { const r = document.querySelector('mark.kk-highlight--first').getBoundingClientRect();"
                           " return r.top >= 0 && r.bottom <= window.innerHeight; }")


def test_highlight_needs_no_inline_script_and_ignores_an_empty_parameter(page, base_url):
    page.goto(base_url + "guides/?highlight=")
    assert page.locator("mark.kk-highlight").count() == 0
    html = page.content()
    assert not re.search(r"<script>(?!\s*</script>)[^<]*highlight", html)


def test_search_all_languages_is_remembered(page, base_url):
    search(page, base_url, "fr", "PMDA", all_languages=True)
    open_search(page, base_url, "ja")
    assert page.is_checked("[data-kk-search-all]")
    page.keyboard.type("PMDA")
    page.wait_for_function("() => document.querySelector('[data-kk-search]').dataset.kkDone === 'PMDA'")
    assert page.locator("[data-kk-group=en]").count() == 1
    page.uncheck("[data-kk-search-all]")
    open_search(page, base_url, "en")
    assert not page.is_checked("[data-kk-search-all]")


@pytest.mark.parametrize(("lang", "query", "searched", "expected"), [
    # a word no page holds beside the term (the Japanese guides now use MAH and certificate as written)
    ("ja", "MAH xyzzy", "製造販売業者", r"製造販売業者"),
    ("ja", "notified body xyzzy", "ノーティファイドボディ", r"ノーティファイドボディ"),
    ("en", "notified body xyzzy", "notified body", r"notified bod"),
])
def test_a_query_that_finds_nothing_but_holds_a_term_searches_the_readers_term(page, base_url, built_site, lang, query, searched, expected):
    results = search(page, base_url, lang, query)
    assert results and page_has(built_site, lang, path_of(results[0]["href"]), expected)
    assert page.locator(".kk-search-correction strong").inner_text() == searched
    assert answer_card(page) is not None
