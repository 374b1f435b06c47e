"""The search index rules (no browser): normalisation, segmentation, and the bundles of the real build."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from kakehashi.build import search_index
from kakehashi.build.csp import secure
from kakehashi.build.search_index import (
    CJK_CLASS,
    UNSEGMENTED,
    WORD_GAP,
    bundle_paths,
    fold_width,
    index_html,
    page_language,
    query_terms,
)
from kakehashi.languages import profile


def test_width_folding_keeps_japanese_punctuation():
    assert fold_width("ＰＭＤＡの承認（クラスⅢ）、ｸﾗｽ２") == "PMDAの承認（クラスIII）、クラス2"


def test_japanese_copy_has_one_word_per_kana_or_kanji_and_markup_is_untouched():
    html = '<h2 id="承認">承認\nルート</h2><script>var s = "医療";</script><p title="医療">PMDAへ</p>'
    out = index_html(html, segment_cjk=True)
    assert '<h2 id="承認">' in out and '<script>var s = "医療";</script>' in out and 'title="医療"' in out
    assert f"承{WORD_GAP}認{WORD_GAP}ル{WORD_GAP}ー{WORD_GAP}ト" in out  # soft line break between Japanese removed
    assert f"PMDA{WORD_GAP}へ" in out


def test_japanese_words_are_set_apart_across_inline_markup():
    out = index_html('<p>引き続き<span class="kk-term">ノーティファイドボディ</span>を<a href="#">承認</a>。</p>', segment_cjk=True)
    assert out == ('<p>引 き 続 き <span class="kk-term">ノ ー テ ィ フ ァ イ ド ボ デ ィ </span>を <a href="#">承 認 </a>。</p>'
                   )


def test_the_copy_leaves_out_what_is_not_content_before_setting_words_apart():
    html = ('<article data-pagefind-body><h2 id="a">承認<a class="headerlink" href="#a">¶</a></h2>'
            '<p><span class="kk-term-wrap"><span class="kk-term" tabindex="0">LPPR</span>'
            '<span class="kk-term-card" id="kk-term-lppr">（定義）</span></span>に基づく</p></article>')
    body = index_html(html, segment_cjk=True).split("<body>")[1]
    assert body == (f'<article data-pagefind-body=""><h2 id="a">承{WORD_GAP}認{WORD_GAP}</h2>'
                    f'<p>LPPR{WORD_GAP}に{WORD_GAP}基{WORD_GAP}づ{WORD_GAP}く</p></article></body></html>')


def _bundle_files(bundle):
    """Each file of a Pagefind bundle, by name, gzipped files inflated."""
    files = {}
    for path in sorted(p for p in bundle.rglob("*") if p.is_file()):
        data = path.read_bytes()
        files[str(path.relative_to(bundle))] = gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
    return files


@pytest.mark.parametrize("lang", ["fr", "ja"])
def test_pagefind_makes_the_same_bundle_without_the_term_marks(tmp_path, lang):
    """UNWRAP_SELECTORS: the copy leaves out the wrappers of marked terms, and Pagefind's bundle (its
    pages, words, excerpts and their hashes) is the same as from a copy that keeps them."""
    segment_cjk = profile(lang).segmented_search
    mark = ('<span class="kk-term-wrap" data-kk-term="ce"><span class="kk-term" tabindex="0" aria-describedby="kk-term-ce">'
            '{}</span><span class="kk-term-card" role="tooltip" id="kk-term-ce">Conformité européenne</span></span>')
    term = {"fr": "marquage CE", "ja": "CEマーキング"}[lang]
    page = (f'<html lang="{lang}"><head><title>Guide</title></head><body><article data-pagefind-body>'
            f'<h2 id="a">Titre 医療</h2><p>Avant {mark.format(term)} puis <a href="#a">lien</a> 承認。</p>'
            f'<table><tr><td>{mark.format(term)}</td></tr></table></article></body></html>')
    copies = {"kept": page.replace('<span class="kk-term-card" role="tooltip" id="kk-term-ce">Conformité européenne</span>', "")}
    copies["unwrapped"] = page
    bundles = {}
    for name, html in copies.items():
        site = tmp_path / name
        (site / "guide").mkdir(parents=True)
        text = index_html(html, segment_cjk) if name == "unwrapped" else search_index._normalised(html, segment_cjk)
        (site / "guide" / "index.html").write_text(text, encoding="utf-8")
        bundles[name] = tmp_path / f"{name}-bundle"
        language = UNSEGMENTED if segment_cjk else lang
        subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(bundles[name]),
                        "--force-language", language, "--quiet"], check=True)
    assert "kk-term" in (tmp_path / "kept" / "guide" / "index.html").read_text(encoding="utf-8")
    assert "kk-term" not in (tmp_path / "unwrapped" / "guide" / "index.html").read_text(encoding="utf-8")
    assert _bundle_files(bundles["kept"]) == _bundle_files(bundles["unwrapped"])


# Rule 3 as a definition: a gap at every place between two characters that are not spaces, one of them
# a kana or kanji.
BOUNDARY = re.compile(f"(?<=[{CJK_CLASS}])(?=\\S)|(?<=\\S)(?=[{CJK_CLASS}])")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab9 -.(\n\t\u3000、。「」（）ー々〆") + ["医", "療", "ア", "か", "ｸ", "Ⅲ", "Ｐ", "é"]), max_size=30))
def test_segmenting_sets_every_kana_and_kanji_apart_as_defined(text):
    assert search_index.index_text(text, segment_cjk=True) == BOUNDARY.sub(WORD_GAP, search_index.index_text(text, segment_cjk=False))


def test_latin_copy_is_only_folded():
    assert index_html("<p>ＰＭＤＡ 承認</p>", segment_cjk=False) == "<p>PMDA 承認</p>"


def test_the_copy_holds_the_indexed_article_only():
    html = ('<html lang="ja"><head><title>医療 - Site</title></head><body><nav>ＮＡＶ 医療</nav>'
            '<article class="x" data-pagefind-body><p>ＰＭＤＡ 医療</p></article><footer>ＦＯＯＴ</footer></body></html>')
    out = index_html(html, segment_cjk=True)
    assert out == ('<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>医療 - Site</title></head>'
                   f'<body><article class="x" data-pagefind-body><p>PMDA 医{WORD_GAP}療</p></article></body></html>')
    plain = '<html lang="fr"><body><article data-pagefind-body><p>Dispositifs médicaux</p></article></body></html>'
    assert '<article data-pagefind-body><p>Dispositifs médicaux</p></article>' in index_html(plain, segment_cjk=False)


PAGE = ('<html lang="ja"><head><meta charset="utf-8"><title>承認 - Site</title></head><body><nav>ＮＡＶ</nav>'
        '<article class="md-typeset" data-pagefind-body><h2 id="a">承認<a class="headerlink" href="#a">¶</a></h2>'
        '<p>ＰＭＤＡの<span class="kk-term-wrap"><span class="kk-term" tabindex="0">承認</span>'
        '<span class="kk-term-card" id="kk-term-x">（定義）</span></span> &amp; <br>審査</p></article><footer>ＦＯＯＴ</footer></body></html>')


@pytest.mark.parametrize("segment_cjk", [True, False])
def test_the_copy_made_from_the_policy_step_parse_is_the_same_without_a_second_parse(segment_cjk, monkeypatch):
    expected = index_html(PAGE, segment_cjk)
    secured = secure(PAGE)
    monkeypatch.setattr(search_index, "LexborHTMLParser", None)  # any parse here would fail
    assert index_html(secured.html, segment_cjk, secured.tree) == expected
    assert "kk-term-card" not in expected and "headerlink" not in expected and "ＮＡＶ" not in expected


@pytest.mark.parametrize(
    ("query", "cjk", "expected"),
    [("ＰＭＤＡ", True, "PMDA"), ("製造販売業者", True, '"製 造 販 売 業 者"'), ("クラスⅢ", True, '"ク ラ ス III"'),
     ("承認 PMDA", True, "承 認 PMDA"), ("法", True, "法"),
     ("  dispositifs   médicaux ", False, "dispositifs médicaux"), ("医療機器", False, "医療機器")],
)
def test_query_terms(query, cjk, expected):
    assert query_terms(query, cjk) == expected


def test_browser_uses_the_same_characters_as_the_indexer():
    script = (ROOT / "docs" / "assets" / "kakehashi-search.js").read_text(encoding="utf-8")
    literal = re.search(r'var CJK_CLASS = "([^"]+)"', script).group(1)
    assert literal.encode("ascii").decode("unicode_escape") == CJK_CLASS


def test_page_language_and_bundle_paths():
    assert page_language('<!doctype html><html lang="ja" class="no-js">') == "ja"
    assert bundle_paths("", ("en", "fr")) == {"en": "pagefind/en/", "fr": "pagefind/fr/"}
    assert bundle_paths("fr/", ("en", "fr")) == {"en": "../pagefind/en/", "fr": "../pagefind/fr/"}


def _fragments(bundle):
    for path in (bundle / "fragment").glob("*.pf_fragment"):
        yield json.loads(gzip.decompress(path.read_bytes())[len("pagefind_dcd"):])


@pytest.mark.parametrize("lang", ["en", "fr", "ja"])
def test_each_bundle_holds_its_language_only(built_site, lang):
    """One bundle per language: its pages are that language's (no fallback, no 404), nothing else."""
    bundle = built_site / "pagefind" / lang
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == [UNSEGMENTED if profile(lang).segmented_search else lang]  # see search_index rule 3
    urls = [fragment["url"] for fragment in _fragments(bundle)]
    assert urls, f"nothing indexed in {lang}"
    others = [code for code in ("fr", "ja") if code != lang]
    for url in urls:
        assert "404" not in url
        if lang == "en":
            assert not url.startswith(tuple(f"/{code}/" for code in others)), url
        else:
            assert url.startswith(f"/{lang}/"), url
        page = built_site / url.lstrip("/") / "index.html"
        assert page_language(page.read_text(encoding="utf-8")) == lang
        assert "kk-banner--fallback" not in page.read_text(encoding="utf-8"), f"fallback page indexed: {url}"
    # Pagefind's own UIs are not shipped; the lunr index is gone.
    assert not (bundle / "pagefind-ui.js").exists()
    assert not (built_site / "search" / "search_index.json").exists()


def test_copies_go_to_the_memory_file_system_only_when_it_has_room(tmp_path, monkeypatch):
    memory = tmp_path / "shm"
    memory.mkdir()
    monkeypatch.setattr(search_index, "MEMORY_FOLDER", memory)
    folder = search_index.copies_folder("fr")
    assert folder.parent == memory and folder.name.startswith("kk-search-fr-") and folder.is_dir()
    monkeypatch.setattr(search_index, "COPIES_ROOM", 1 << 62)  # more than any disk holds
    full = search_index.copies_folder("fr")
    monkeypatch.setattr(search_index, "MEMORY_FOLDER", tmp_path / "missing")
    monkeypatch.setattr(search_index, "COPIES_ROOM", 0)
    missing = search_index.copies_folder("ja")
    for fallback in (full, missing):
        assert fallback.parent == Path(tempfile.gettempdir())
        fallback.rmdir()
