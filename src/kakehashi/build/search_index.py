"""Per-language full-text search index of the built site, made with Pagefind.

One Pagefind bundle per language, ``<site>/pagefind/<lang>/``, so a reader searching in French gets
French pages only (and French stemming), and "search all languages" can query the other bundles with
their own analysers. Only pages that carry ``data-pagefind-body`` are indexed (the template puts it on
the content of real pages: 404 pages and English fallbacks shown in another language have none).

Pagefind reads a *normalised copy* of each page; the published HTML is untouched. The copy holds the
page's title and indexed article without the parts that are not content (``EXCLUDE_SELECTORS``), so
that Pagefind neither reads them nor records their ids as headings. The rules on its text, which
``docs/assets/kakehashi-search.js`` applies to queries in the same way:

1. Width folding. Full-width Latin letters and digits (ＰＭＤＡ, ２０２５), half-width katakana (ｸﾗｽ) and
   Roman-numeral signs (Ⅲ) are replaced by their NFKC form (PMDA, 2025, クラス, III); Japanese
   punctuation (、。「」（）) is kept so excerpts read naturally. Queries get full NFKC.
2. Soft line breaks between Japanese characters (Markdown wraps lines; Japanese has no spaces)
   are removed, so a term split by a wrapped line is still one run of text.
3. Japanese index only: every kana or kanji is its own word, set apart by spaces (Pagefind's own
   segmenter splits the same word differently in different sentences: 医療機器 is 医療|機器 in one and
   医|療|機|器 in another, so a query segmented in the browser misses it). The query is split the same
   way and the page must contain the characters of each run *contiguously* (checked on word
   positions, then on the text), which finds a term anywhere, in the middle of a sentence too. A query
   that is one such run is sent as a Pagefind exact phrase (``"医 療 機 器"``), which is also much faster
   to score. Voiced marks count (``exactDiacritics``): ガイド is not カイト. As the text comes already
   segmented, Pagefind indexes it as language ``und`` (no segmenter of its own: its Japanese
   dictionary alone is the bulk of its memory and time; see the Performance page); the browser removes the spaces next to
   kana and kanji again when it shows an excerpt.
4. English and French use Pagefind's Snowball stemmers (approvals -> approval, dispositifs ->
   dispositif); diacritics are folded at query time (reglementation -> réglementation).

Nothing here imports MkDocs: ``hooks/search.py`` feeds a :class:`LanguageIndexer` with each page the
build writes, in the process that builds the page's language; Pagefind runs once that language's
pages are all written, one language at a time.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zlib
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser

from kakehashi.build.search_vocabulary import VOCABULARY_FILE, WORDS_FILE, page_words, word_list, write_packed

BUNDLE_DIR = "pagefind"
BODY_MARKER = "data-pagefind-body"

#: Kana and kanji: each is one word in the Japanese index. Kept identical in kakehashi-search.js
#: (``CJK_CLASS``); a test compares the two.
CJK_CLASS = "\u3005-\u3007\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: Full-width letters and digits, half-width katakana and punctuation, Roman numerals.
WIDTH_CLASS = "\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff61-\uff9f\u2160-\u2188"
#: Japanese punctuation that may end a wrapped line before more Japanese text.
_CJK_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"

WORD_GAP = " "  # between a kana or kanji and its neighbours in the Japanese copy (rule 3)
FRAGMENT_HEAD = b"pagefind_dcd"  # what Pagefind writes before the JSON of each (gzipped) fragment
UNSEGMENTED = "und"  # the language Pagefind is told a pre-segmented copy is in (rule 3)

#: Parts of the page that are not content, left out of its search copy: heading permalinks, the
#: "Sources" and "last verified" furniture, language notices, the source-file dates; term cards,
#: cross-links and the side-by-side offer.
EXCLUDE_SELECTORS = (
    ".headerlink",
    ".md-source-file",
    ".kk-furniture",
    ".kk-banner",
    ".kk-chooser",
    ".kk-suggest",
    ".md-path",
    ".kk-term-card",
    ".kk-related",
    ".kk-related-guides",
    ".kk-parallel-offer",
)
#: Inline wrappers left out of the search copy, their text kept: the marks of term cards. They are a
#: quarter of a copy's bytes, which Pagefind would read through (its bundle is the same without them).
UNWRAP_SELECTORS = (".kk-term-wrap", ".kk-term")

#: Files of a Pagefind bundle that the portal does not use (Pagefind's own UIs).
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
           "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")

_MARKUP = re.compile(r"(<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->|<[^>]*>)", re.S | re.I)
_WIDTH_RUN = re.compile(f"[{WIDTH_CLASS}]+")
_SOFT_BREAK = re.compile(f"(?<=[{CJK_CLASS}{_CJK_PUNCT}])[ \t]*\n\\s*(?=[{CJK_CLASS}])")
_CJK_CHAR = re.compile(f"[{CJK_CLASS}]")
_CJK_OR_BETWEEN = re.compile(f"[{CJK_CLASS}]|[^{CJK_CLASS}]+")  # in a run without spaces: each kana or kanji, and what lies between
_NON_SPACE = re.compile(r"\S+")
_TITLE = re.compile(r"<title>.*?</title>", re.S)
_CHANGEABLE = re.compile(f"[{WIDTH_CLASS}{CJK_CLASS}]")
_HTML_LANG = re.compile(r"<html\b[^>]*\blang=[\"']?([A-Za-z-]+)", re.I)
_EXCLUDED = ", ".join(EXCLUDE_SELECTORS)
_UNWRAPPED = ", ".join(UNWRAP_SELECTORS)
_EXCLUDED_CLASS = re.compile("|".join(re.escape(selector.lstrip(".")) for selector in EXCLUDE_SELECTORS))


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message says for which language and why."""


@dataclass(frozen=True)
class LanguageIndex:
    """What was indexed for one language."""

    language: str
    pages: int
    bundle: Path
    bytes: int


def fold_width(text: str) -> str:
    """Rule 1: NFKC for full-width alphanumerics, half-width kana and Roman numerals only."""
    return _WIDTH_RUN.sub(lambda match: unicodedata.normalize("NFKC", match.group()), text)


def index_text(text: str, segment_cjk: bool) -> str:
    """Rules 1–3 on a run of page text (not markup)."""
    text = _SOFT_BREAK.sub("", fold_width(text))
    return _NON_SPACE.sub(_segmented, text) if segment_cjk else text


def _segmented(run: re.Match) -> str:
    """Rule 3 on a run of text without spaces: a gap on each side of a kana or kanji, inside the run."""
    return WORD_GAP.join(_CJK_OR_BETWEEN.findall(run[0])) if _CJK_CHAR.search(run[0]) else run[0]


def index_html(html: str, segment_cjk: bool, tree: LexborHTMLParser | None = None) -> str:
    """The copy of a page that Pagefind reads: the page's ``<title>`` and its indexed article (the
    ``data-pagefind-body`` element, to the last ``</article>``) without its excluded parts, its text
    normalised. Navigation, header and footer are left out: Pagefind would skip them anyway, and
    reading them cost it a quarter of its time. Without the marker, the whole page. ``tree``: the
    page parsed already, if it was (its excluded parts are removed from it)."""
    marker = html.find(BODY_MARKER)
    if marker < 0:
        return _normalised(_without_excluded(html, whole=True), segment_cjk)
    start = html.rfind("<", 0, marker)
    end = html.rfind("</article>")
    end = end + len("</article>") if end > marker else len(html)
    title = _TITLE.search(html)
    body = _normalised(_without_excluded(html[start:end], whole=False, tree=tree), segment_cjk)
    return (f'<!doctype html><html lang="{page_language(html) or ""}"><head><meta charset="utf-8">'
            f'{title[0] if title else ""}</head><body>{body}</body></html>')


def _without_excluded(html: str, whole: bool, tree: LexborHTMLParser | None = None) -> str:
    """A page (``whole``) or its indexed article without the elements of ``EXCLUDE_SELECTORS`` and the
    wrappers of ``UNWRAP_SELECTORS`` (as it was when it has none). Removed before the text rules, so
    that the words around a removed element are set apart as they read. ``tree``: the whole page
    parsed, whose indexed article is used instead of parsing the article again."""
    if not _EXCLUDED_CLASS.search(html):
        return html
    article = tree.css_first(f"[{BODY_MARKER}]") if tree is not None and not whole else None
    if article is not None:
        _strip(article)
        return article.html
    tree = LexborHTMLParser(html)
    _strip(tree.root)
    return tree.html if whole else tree.body.inner_html


def _strip(node) -> None:
    """Remove the excluded elements under ``node`` and unwrap the wrappers, in place."""
    for excluded in node.css(_EXCLUDED):
        excluded.decompose()
    for wrapper in node.css(_UNWRAPPED):
        wrapper.unwrap()


def _normalised(fragment: str, segment_cjk: bool) -> str:
    """Rules 1–3 on the text of some HTML, markup untouched (returned as it is when nothing changes)."""
    if not _CHANGEABLE.search(fragment):
        return fragment
    parts = _MARKUP.split(fragment)
    # Every rule needs a character outside ASCII: most runs (the spaces between tags) have none.
    parts[::2] = [text if text.isascii() else index_text(text, segment_cjk) for text in parts[::2]]
    if segment_cjk:
        _separate_across_markup(parts)
    return "".join(parts)


def _separate_across_markup(parts: list[str]) -> None:
    """Rule 3 across inline markup: Pagefind joins the texts of inline elements, so a kana or kanji
    that touches text in the next element (の<a>承認</a>, a marked term) is set apart there too."""
    texts = [index for index in range(0, len(parts), 2) if parts[index]]
    for before, after in zip(texts, texts[1:], strict=False):
        left, right = parts[before][-1], parts[after][0]
        if not left.isspace() and not right.isspace() and (_CJK_CHAR.match(left) or _CJK_CHAR.match(right)):
            parts[before] += WORD_GAP


def query_terms(query: str, segment_cjk: bool) -> str:
    """The query as the browser sends it to Pagefind (Python twin of the JS, for tests and tools)."""
    query = unicodedata.normalize("NFKC", query).strip()
    if not segment_cjk:
        return " ".join(query.split())
    terms = " ".join(re.sub(f"([{CJK_CLASS}])", r" \1 ", query).split())
    if re.search(f"[{CJK_CLASS}]", query) and not re.search(r'[\s"]', query) and " " in terms:
        terms = f'"{terms}"'  # one run of Japanese: an exact phrase
    return terms


def page_language(html: str) -> str | None:
    """The ``<html lang>`` of a page (primary subtag, lower case)."""
    match = _HTML_LANG.search(html[:4096])
    return match.group(1).split("-")[0].lower() if match else None


#: Where the search copies go when it exists with room to spare: a memory file system. Creating a folder
#: and a file for every page there costs less than on a disk (no journal), and the copies live only
#: until Pagefind has read them.
MEMORY_FOLDER = Path("/dev/shm")
COPIES_ROOM = 1 << 30  # bytes free that it must have (one language's copies take ~25 MB at 1,600 pages)


def copies_folder(code: str) -> Path:
    """A new folder for one language's search copies: on the memory file system if it has room, else in
    the system's temporary folder."""
    try:
        memory = os.access(MEMORY_FOLDER, os.W_OK) and shutil.disk_usage(MEMORY_FOLDER).free >= COPIES_ROOM
    except OSError:
        memory = False
    return Path(tempfile.mkdtemp(prefix=f"kk-search-{code}-", dir=MEMORY_FOLDER if memory else None))


#: Pagefind holds a whole language's index in memory (the build's largest process): the languages
#: take turns to run it (the main build indexes its own and its workers' languages in threads, and
#: other builds may run on the same machine), so that a build stays under 1 GB.
PAGEFIND_LOCK = Path(tempfile.gettempdir()) / "kakehashi-pagefind.lock"


@contextmanager
def _pagefind_turn():
    """Wait until no other process on this machine runs Pagefind for Kakehashi."""
    with open(PAGEFIND_LOCK, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


class LanguageIndexer:
    """One language's search index, fed page by page as the build writes them, so that the pages are
    never read back. ``work``: where the normalised copies go (a new temporary folder by default); a
    language worker leaves its copies there for the main build to index (the parallel_languages speed-up)."""

    def __init__(self, code: str, segment_cjk: bool, work: Path | None = None):
        self.code, self.segment_cjk = code, segment_cjk
        self.work = work or copies_folder(code)
        self.words: Counter[str] = Counter()  # the words of the copies kept (search_vocabulary.page_words)

    #: In the copies folder: the termbase vocabulary and the word counts of this language (written by
    #: the process that builds the language, packed into the bundle by the one that runs Pagefind).
    VOCABULARY_SOURCE = ".kk-vocabulary.json"
    WORDS_SOURCE = ".kk-words.json"

    def hand_over(self, vocabulary: dict) -> None:
        """Write what the bundle publishes besides the index: the vocabulary
        (:func:`kakehashi.build.search_vocabulary.vocabulary`) and the words of the copies kept."""
        self.work.mkdir(parents=True, exist_ok=True)
        for name, data in ((self.VOCABULARY_SOURCE, vocabulary), (self.WORDS_SOURCE, self.words)):
            (self.work / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    def add(self, rel_path: str, html: str, tree: LexborHTMLParser | None = None) -> None:
        """Keep a normalised copy of a page, if it is searchable and in this language, and count its
        words. ``tree``: the page parsed already, if it was (its excluded parts are removed from it)."""
        if BODY_MARKER not in html or page_language(html) != self.code:
            return
        target = self.work / rel_path
        target.parent.mkdir(parents=True, exist_ok=True)
        copy = index_html(html, self.segment_cjk, tree)
        target.write_text(copy, encoding="utf-8")
        self.words.update(page_words(copy, self.segment_cjk))

    def write_bundle(self, site_dir: Path) -> LanguageIndex | None:
        """Run Pagefind over the copies kept, then remove them; write ``<site_dir>/pagefind/<code>/``."""
        try:
            pages = sum(1 for _ in self.work.rglob("*.html"))
            if not pages:
                return None
            bundle = site_dir / BUNDLE_DIR / self.code
            shutil.rmtree(bundle, ignore_errors=True)
            language = UNSEGMENTED if self.segment_cjk else self.code
            command = [
                sys.executable, "-m", "pagefind", "--site", str(self.work), "--output-path", str(bundle),
                "--force-language", language, "--quiet",
            ]
            with _pagefind_turn():
                done = subprocess.run(command, capture_output=True, text=True)
            if done.returncode != 0:
                raise SearchIndexError(f"Pagefind failed for '{self.code}' (exit {done.returncode}):\n{done.stdout}{done.stderr}")
            for name in _UNUSED:
                (bundle / name).unlink(missing_ok=True)
            words = self.work / self.WORDS_SOURCE
            counts = Counter(json.loads(words.read_text(encoding="utf-8"))) if words.is_file() else Counter()
            write_packed(bundle / WORDS_FILE, word_list(counts))
            source = self.work / self.VOCABULARY_SOURCE
            if source.is_file():
                data = json.loads(source.read_text(encoding="utf-8"))
                glossary = data.get("glossary") and urljoin(f"/{BUNDLE_DIR}/{self.code}/", data["glossary"])
                data["glossaryPage"] = glossary and page_id(bundle, glossary)
                write_packed(bundle / VOCABULARY_FILE, data)
            entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
            if all(index.get("wasm") for index in entry["languages"].values()):
                (bundle / "wasm.unknown.pagefind").unlink(missing_ok=True)  # only for languages without a stemmer
            size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file())
            return LanguageIndex(self.code, pages, bundle, size)
        finally:
            shutil.rmtree(self.work, ignore_errors=True)


def page_id(bundle: Path, url: str) -> str | None:
    """The Pagefind id of the page at ``url`` in a bundle (the name of its fragment file), or None.
    Only the start of each fragment is inflated: it begins with the page's URL."""
    wanted = json.dumps(url, ensure_ascii=False)[1:-1].encode()
    for fragment in sorted((bundle / "fragment").glob("*.pf_fragment")):
        head = zlib.decompressobj(wbits=31).decompress(fragment.read_bytes(), len(FRAGMENT_HEAD) + len(wanted) + 16)
        if head.startswith(FRAGMENT_HEAD) and head[len(FRAGMENT_HEAD):].startswith(b'{"url":"' + wanted + b'"'):
            return fragment.stem
    return None


def bundle_paths(language_prefix: str, languages: tuple[str, ...]) -> dict[str, str]:
    """Path of each language's bundle relative to the root of the language being built.

    ``fr/`` pages live one folder below the site root, so their bundles are ``../pagefind/<lang>/``.
    """
    up = "../" * len([part for part in language_prefix.split("/") if part])
    return {code: f"{up}{BUNDLE_DIR}/{code}/" for code in languages}
