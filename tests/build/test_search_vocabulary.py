"""The search vocabulary (termbase) and word list published with each language's bundle (no browser)."""

from __future__ import annotations

import gzip
import re
from collections import Counter

import pytest
from conftest import ROOT

from kakehashi.build.search_index import LanguageIndexer, index_html
from kakehashi.build.search_vocabulary import (
    VOCABULARY_FILE,
    WORDS_FILE,
    fold,
    glossary_link,
    page_words,
    read_packed,
    vocabulary,
    word_list,
    write_packed,
)
from kakehashi.data.termbase import load_termbase

LANGS = ("en", "fr", "ja")


@pytest.fixture(scope="module")
def concepts():
    found, findings = load_termbase(ROOT / "data" / "termbase.yaml", LANGS)
    assert not findings
    return found


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Organisme  Notifié", "organisme notifie"), ("ＰＭＤＡ", "pmda"), ("titulaire de l’autorisation", "titulaire de l'autorisation"),
     ("ｸﾗｽⅢ", "クラスiii"), ("ガイド", "ガイド")],  # voiced marks stay (ガ is not カ)
)
def test_fold_is_the_query_folding(text, folded):
    assert fold(text) == folded


def test_every_form_of_a_concept_in_any_language_leads_to_it(concepts):
    vocab = vocabulary(concepts, "ja", "../../ja/glossary/")
    mah = next(c for c in vocab["concepts"] if c["id"] == "marketing-authorisation-holder")
    assert {"mah", "marketing authorisation holder", "titulaire de la licence de mise sur le marche", "製造販売業者"} <= set(mah["forms"])
    assert mah["terms"] == {"en": "marketing authorisation holder", "fr": "titulaire de la licence de mise sur le marché", "ja": "製造販売業者"}
    assert mah["search"][0] == "製造販売業者", "the reader's term is searched first"
    assert mah["definition"].startswith("薬機法"), "the definition is the reader's"
    assert vocab["glossary"] == "../../ja/glossary/"


def test_page_words_keep_accents_split_elisions_and_skip_markup():
    html = ('<article><h2>Réglementation<a class="headerlink" href="#x">¶</a></h2><script>var hidden = 1;</script>'
            '<p>L’autorisation de mise sur le marché, ＰＭＤＡ.</p></article>')
    words = page_words(index_html(html, segment_cjk=False), cjk=False)  # counted: their order does not matter
    assert Counter(words) == Counter(["réglementation", "autorisation", "mise", "marché", "pmda"])


def test_japanese_page_words_are_katakana_runs_and_latin_words():
    html = "<p>ノ ー テ ィ フ ァ イ ド ボ デ ィ と 医 療 機 器 、 Notified body ・ ク ラ ス</p>"
    assert Counter(page_words(html, cjk=True)) == Counter(["ノーティファイドボディ", "notified", "body"])


def test_word_list_most_frequent_first_one_spelling_per_folded_form():
    counts = Counter()
    for text in ["<p>règlement règlement reglement dossier</p>", "<p>dossier dossier règlement</p>"]:
        counts.update(page_words(text, cjk=False))
    assert word_list(counts) == ["règlement", "dossier"]


def test_packed_files_are_gzip_json_and_reproducible(tmp_path):
    data = {"glossary": None, "concepts": [{"id": "x", "terms": {"ja": "薬機法"}}]}
    size = write_packed(tmp_path / "a.kk", data)
    write_packed(tmp_path / "b.kk", data)
    assert (tmp_path / "a.kk").read_bytes() == (tmp_path / "b.kk").read_bytes()
    assert size == (tmp_path / "a.kk").stat().st_size and gzip.decompress((tmp_path / "a.kk").read_bytes())
    assert read_packed(tmp_path / "a.kk") == data


def test_indexer_publishes_vocabulary_and_words_with_the_bundle(tmp_path):
    indexer = LanguageIndexer("fr", False, tmp_path / "copies")
    html = ('<html lang="fr"><head><title>T</title></head><body><article data-pagefind-body>'
            '<h1>Remboursement</h1><p>Le remboursement des dispositifs.</p></article></body></html>')
    indexer.add("guide/index.html", html)
    indexer.add("fr/glossary/index.html", html.replace("Remboursement", "Glossaire"))
    indexer.hand_over({"glossary": "../../fr/glossary/", "concepts": []})
    index = indexer.write_bundle(tmp_path / "site")
    assert index is not None and index.pages == 2
    vocabulary_data = read_packed(index.bundle / VOCABULARY_FILE)
    assert vocabulary_data["glossary"] == "../../fr/glossary/"
    # The glossary page's Pagefind id: the name of its fragment, which holds its URL.
    fragment = index.bundle / "fragment" / f"{vocabulary_data['glossaryPage']}.pf_fragment"
    assert b'"url":"/fr/glossary/"' in gzip.decompress(fragment.read_bytes())
    assert read_packed(index.bundle / WORDS_FILE)[0] == "remboursement"
    assert not (tmp_path / "copies").exists()


@pytest.mark.parametrize("lang", LANGS)
def test_real_bundles_carry_a_small_vocabulary_whose_glossary_links_resolve(built_site, concepts, lang):
    bundle = built_site / "pagefind" / lang
    vocab_file, words_file = bundle / VOCABULARY_FILE, bundle / WORDS_FILE
    assert vocab_file.stat().st_size < 40_000 and words_file.stat().st_size < 60_000  # gzip'd
    vocab = read_packed(vocab_file)
    assert len(vocab["concepts"]) == len(concepts)
    glossary = (bundle / vocab["glossary"]).resolve() / "index.html"
    assert glossary.is_file()
    assert (bundle / "fragment" / f"{vocab['glossaryPage']}.pf_fragment").is_file()
    ids = set(re.findall(r'<tr id="([^"]+)"', glossary.read_text(encoding="utf-8")))
    assert {c["id"] for c in vocab["concepts"]} <= ids
    words = read_packed(words_file)
    assert len(words) == len(set(map(fold, words))) > 500


def test_the_glossary_link_is_relative_to_the_bundle_and_only_for_a_language_that_has_one():
    assert glossary_link("fr/", {"fr/glossary/index.html", "fr/index.html"}) == "../../fr/glossary/"
    assert glossary_link("", {"glossary/index.html"}) == "../../glossary/"
    assert glossary_link("ja/", {"glossary/index.html", "ja/index.html"}) is None
