"""What the search box knows besides Pagefind's index: the termbase and the words of the pages.

Two small files per language, next to that language's Pagefind bundle, gzip-compressed (the browser
inflates them with ``DecompressionStream``), each loaded only when a query needs it:

``vocabulary.kk`` (loaded with the first query)
    Every concept of ``data/termbase.yaml``: its approved term in each language, the forms that
    designate it in *any* language (term, accepted variants, abbreviations), folded as queries are
    (:func:`fold`), and its definition in this language. A query that is one of these forms also
    searches the concept's terms in this language, and shows an answer card that links to the
    glossary entry (``glossary`` + ``#`` + the concept id, as :mod:`kakehashi.render.glossary` renders it).

``words.kk`` (loaded when a query has a word of five letters or more)
    The words of this language's pages, most frequent first, of four letters or more, in lower case
    with their accents (one spelling per folded form: the most frequent); Japanese: runs of katakana
    and words in Latin script. A query word that is not one of them (folded), nor the start of one,
    is misspelt, and the closest of them replaces it.

Nothing here imports MkDocs: :class:`kakehashi.build.search_index.LanguageIndexer` writes both files
with the bundle, from the search copies of the pages and the termbase the hook hands it.
"""

from __future__ import annotations

import gzip
import html as html_lib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from kakehashi.data.termbase import Concept

VOCABULARY_FILE = "vocabulary.kk"
WORDS_FILE = "words.kk"
MIN_WORD = 4  # shortest word kept for typo replacement (a query word of 5 letters is at distance ≤ 2 of it)
MAX_WORDS = 20000  # per language, most frequent first

_MARKUP = re.compile(r"<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->|<[^>]*>", re.S | re.I)
_APOSTROPHES = re.compile("[’ʼ`]")
_WORD_PART = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")  # letters, hyphenated words included
_KATAKANA_RUN = re.compile("[\u30a1-\u30fa\u30fc-\u30ff]{5,}")
_CJK_GAP = re.compile("(?<=[\u3000-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff\uff00-\uffef])")
_CJK = re.compile("[\u3005-\u3007\u3040-\u30ff\u3400-\u9fff]")


def fold(text: str) -> str:
    """A query or a form as the browser compares them: NFKC, lower case, Latin accents removed,
    one kind of apostrophe, single spaces (the JavaScript twin is ``fold`` in kakehashi-search.js)."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not "\u0300" <= c <= "\u036f")
    text = _APOSTROPHES.sub("'", unicodedata.normalize("NFC", text))
    return " ".join(text.split())


def vocabulary(concepts: Iterable[Concept], language: str, glossary: str | None) -> dict:
    """The vocabulary of one language (see the module docstring). ``glossary``: the glossary page's
    URL relative to the bundle folder, or None when the site has no glossary."""
    entries = []
    for concept in concepts:
        forms = sorted({fold(form) for term in concept.terms.values() for form in term.accepted if fold(form)})
        entries.append({
            "id": concept.id,
            "terms": {code: term.term for code, term in concept.terms.items()},
            "search": list(concept.terms[language].accepted) if language in concept.terms else [],
            "forms": forms,
            "definition": concept.definition.get(language, ""),
        })
    return {"glossary": glossary, "concepts": entries}


GLOSSARY_PAGE = "glossary/index.html"


def glossary_link(language_prefix: str, pages: set[str]) -> str | None:
    """The glossary page of a language as the vocabulary links to it, relative to the language's
    bundle (``<site>/pagefind/<code>/``, two folders below the site root): ``../../fr/glossary/``.
    ``pages``: the site paths of the language's pages; None when they hold no glossary."""
    target = language_prefix.strip("/") + "/" + GLOSSARY_PAGE if language_prefix.strip("/") else GLOSSARY_PAGE
    return "../../" + target.removesuffix("index.html") if target in pages else None


def page_words(html: str, cjk: bool) -> list[str]:
    """The words of a search copy (whose parts that are not content are left out already) that a
    misspelt query word may be replaced with, in no particular order."""
    text = html_lib.unescape(_MARKUP.sub(" ", html))
    if cjk:
        text = _CJK_GAP.sub("", text)
        words = [fold(run) for run in _KATAKANA_RUN.findall(text)]
        text = _CJK.sub(" ", text)
    else:
        words = []
    parts = _WORD_PART.findall(_APOSTROPHES.sub("'", text))  # l'autorisation -> l, autorisation
    words += [part.lower() for part in parts if len(part) >= MIN_WORD and part.isascii()]
    for part in parts:
        if not part.isascii():
            part = unicodedata.normalize("NFKC", part).lower()
            if len(part) >= MIN_WORD and not _CJK.search(part):
                words.append(part)
    return words


def word_list(counts: Counter[str]) -> list[str]:
    """The words of a language's copies (their counts), most frequent first (ties: alphabetical), one
    spelling per folded form (its most frequent), at most ``MAX_WORDS``."""
    totals: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for word, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        key = fold(word)
        totals[key] += n
        spelling.setdefault(key, word)
    ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:MAX_WORDS]
    return [spelling[key] for key, _ in ranked]


def write_packed(path: Path, data) -> int:
    """Write ``data`` as gzip-compressed JSON (fixed timestamp: the same input gives the same bytes)."""
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    packed = gzip.compress(raw, compresslevel=9, mtime=0)
    path.write_bytes(packed)
    return len(packed)


def read_packed(path: Path):
    """The data of a file written by :func:`write_packed`."""
    return json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
