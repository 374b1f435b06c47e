"""Term cards: the first occurrence of each termbase term in a guide's HTML, marked with its card."""

from __future__ import annotations

import re

from kakehashi.data.termbase import Concept, Term
from kakehashi.render.term_cards import TermMarker, _plain_runs, _TextFinder, text_runs

NAMES = {"en": "English", "fr": "French", "ja": "Japanese"}


def concept(id, en, fr, ja, definition=None, en_variants=()):
    return Concept(id, {"en": Term(en, tuple(en_variants)), "fr": Term(fr), "ja": Term(ja)},
                   definition if definition is not None else {"en": f"Definition of {en}.", "fr": f"Définition : {fr}."})


MAH = concept("mah", "marketing authorisation holder", "titulaire de l’autorisation", "製造販売業者", en_variants=["MAH"])
FOREIGN_MAH = concept("foreign-mah", "foreign MAH", "titulaire étranger", "外国製造販売業者")
PMDA = concept("pmda", "PMDA", "PMDA", "PMDA", {"en": "The <agency> & its reviews."})


def mark_terms(html, concepts, language, names):
    """One page marked by a marker of its own (a build keeps one per language)."""
    return TermMarker(concepts, language, names).mark(html)


def marked(html):
    return re.findall(r'<span class="kk-term" tabindex="0" aria-describedby="kk-term-([a-z-]+)">([^<]*)</span>', html)


def test_first_occurrence_of_each_term_only_and_every_other_byte_kept():
    html = '<h2 id="mah">MAH</h2>\n<p>A MAH &amp; its <a href="x">PMDA</a> file.</p>\n<p>The PMDA and the MAH again.</p>'
    out = mark_terms(html, [MAH, PMDA], "en", NAMES.get)
    assert marked(out) == [("mah", "MAH"), ("pmda", "PMDA")]  # not in the heading, not in the link
    assert re.sub(r'<span class="kk-term-wrap".*?</span></span></span>', "", out, flags=re.S).count("MAH") == 2
    stripped = re.sub(r'<span class="kk-term-wrap" data-kk-term="[a-z-]+"><span class="kk-term"[^>]*>([^<]*)</span>'
                      r'<span class="kk-term-card".*?</span></span>(?=[ .,])', r"\1", out, flags=re.S)
    assert stripped.replace("</span>", "") == html.replace("</span>", "")


def test_the_earliest_form_wins_and_a_longer_term_is_not_split():
    html = "<p>The foreign MAH appoints a marketing authorisation holder.</p>"
    out = mark_terms(html, [MAH, FOREIGN_MAH], "en", NAMES.get)
    assert marked(out) == [("foreign-mah", "foreign MAH"), ("mah", "marketing authorisation holder")]


def test_code_links_headings_and_admonition_titles_are_left_alone():
    html = ('<pre><code>PMDA</code></pre><p><code>PMDA</code> <a href="#">PMDA</a></p><h3>PMDA</h3>'
            '<div class="admonition"><p class="admonition-title">PMDA</p><p>Ask PMDA.</p></div>')
    out = mark_terms(html, [PMDA], "en", NAMES.get)
    assert out.count('class="kk-term"') == 1 and "<p>Ask <span" in out


def test_the_card_holds_the_definition_and_the_other_two_languages_escaped():
    out = mark_terms("<p>Ask PMDA.</p>", [PMDA], "en", NAMES.get)
    card = re.search(r'<span class="kk-term-card" role="tooltip" id="kk-term-pmda">(.*)</span></span>', out).group(1)
    assert "The &lt;agency&gt; &amp; its reviews." in card
    assert 'French: <span lang="fr">PMDA</span>' in card and 'Japanese: <span lang="ja">PMDA</span>' in card
    assert "English:" not in card


def test_in_french_and_japanese_with_their_punctuation_and_fallback_definition():
    french = mark_terms("<p>Le titulaire de l’autorisation signe.</p>", [MAH], "fr", {"en": "anglais", "ja": "japonais"}.get)
    assert "Définition : titulaire de l’autorisation." in french and 'anglais\u00a0: <span lang="en">marketing authorisation holder</span>' in french
    japanese = mark_terms("<p>製造販売業者が申請します。</p>", [MAH], "ja", {"en": "英語", "fr": "フランス語"}.get)
    assert marked(japanese) == [("mah", "製造販売業者")]
    assert '<span class="kk-term-card__definition" lang="en">Definition of marketing authorisation holder.</span>' in japanese
    assert '英語：<span lang="en">' in japanese and "（" in japanese
    assert '<span class="kk-term-card__paren">\u202f; </span><span class="kk-term-card__other">anglais' in french
    assert '<span class="kk-term-card__paren">；</span><span class="kk-term-card__other">英語' in japanese


def test_a_page_without_terms_is_unchanged():
    html = "<p>Nothing to see &mdash; here.</p><!-- note --><script>var PMDA = 1;</script>"
    assert mark_terms(html, [MAH, PMDA], "en", NAMES.get) == html


def test_a_term_inside_a_later_occurrence_of_a_longer_one_stays_unmarked():
    html = "<p>A foreign MAH.</p><p>Another foreign MAH, then a MAH.</p>"
    out = mark_terms(html, [MAH, FOREIGN_MAH], "en", NAMES.get)
    assert marked(out) == [("foreign-mah", "foreign MAH"), ("mah", "MAH")]
    assert out.index('data-kk-term="mah"') > out.index("then a")


def test_one_marker_serves_every_page_of_a_language_and_reuses_its_cards():
    marker = TermMarker([MAH, FOREIGN_MAH, PMDA], "en", NAMES.get)
    pages = ["<p>The MAH asks PMDA.</p>", "<p>No term.</p>", "<p>A foreign MAH and a MAH; the mah.</p>", "<p>PMDA, PMDA.</p>"]
    assert [marker.mark(html) for html in pages] == [mark_terms(html, [MAH, FOREIGN_MAH, PMDA], "en", NAMES.get) for html in pages]
    assert [marked(marker.mark(html)) for html in pages] == [
        [("mah", "MAH"), ("pmda", "PMDA")], [], [("foreign-mah", "foreign MAH"), ("mah", "MAH")], [("pmda", "PMDA")]]


def test_terms_are_found_where_lower_case_changes_the_length_of_the_text():
    # "İ" lower-cases to two characters: the offsets of the folded text move, the terms are still found.
    html = "<p>İstanbul: a MAH files with PMDA; the MAH again.</p>"
    assert marked(mark_terms(html, [MAH, PMDA], "en", NAMES.get)) == [("mah", "MAH"), ("pmda", "PMDA")]



PLAIN = [
    '<p>A &amp; B <b class="x">bold</b> &#233; &#x41;c</p>', '<p>R&amp;D<br/>x<br>y <span/>z</span></p>',
    "<p title='a>b'>x</p>", '<P CLASS="headerlink">x</P>y', '<p class=a class="headerlink">x</p>y',
    '<p data-class="code">x</p>', '<span class="kk-term-card">x<span>y</span>z</span>w', '<a href="?a=1&amp;b=2">x</a> y',
    '<p>\n text\n</p>\n', '<p data-x = "1" hidden>t</p>', '<ul><li>a<li>b</ul>', '</p>stray end<p>',
]
NOT_PLAIN = ['<p>a < b</p>', '<p>a & b</p>', '<p>x<!-- c --></p>', '<script>var a = "<p>";</script>', '<p class="a&amp;b">x</p>']


def test_plain_markup_is_read_as_the_standard_parser_reads_it():
    for html in PLAIN:
        assert _plain_runs(html) == _TextFinder(html).runs, html
    for html in NOT_PLAIN:
        assert _plain_runs(html) is None, html
        assert text_runs(html) == _TextFinder(html).runs


def test_every_built_page_is_read_as_the_standard_parser_reads_it(built_site):
    """The articles of the real site (their scripts left out): the regular expressions read most of
    them and find the same runs as the standard parser."""
    plain = 0
    for page in sorted(built_site.rglob("*.html")):
        article = re.search(r"<article\b.*</article>", page.read_text(encoding="utf-8"), re.S)
        if article:
            html = re.sub(r"<script\b.*?</script>", "", article[0], flags=re.S)
            runs = _plain_runs(html)
            assert runs is None or runs == _TextFinder(html).runs, page
            plain += runs is not None
    assert plain > 100
