"""Search benchmark: stock Material search (one lunr index for all languages) against the portal's
Pagefind integration, on the same synthetic corpus, in headless Chromium.

``make bench-search`` (``python -m kakehashi.bench.search``) generates ``--pages`` guides per language
(:func:`kakehashi.bench.corpus.generate_corpus`), builds the site twice (Pagefind, the portal's
configuration; stock, Material's ``search`` plugin with static-i18n's merged index), serves each as in
production (:func:`kakehashi.build.web_server.running_nginx`: Debian's nginx, the search files
pre-compressed, the rest compressed by nginx as it sends them) and, per language, opens the home page in a fresh browser and types
the representative queries one after another. For each query it records the bytes of search
resources transferred since the previous query (the first query of a language pays for the engine
and the index), the time from the input event to the first result on screen, and whether the
result is right: results exist, all are in the page's language, and the first one contains the term.

The queries cover Japanese segmentation, width and accents, stemming, phrases, termbase terms typed
in another language, typos and Japanese numeral variants (the ``kind`` column). Prints a table and,
last, one JSON line. Progress goes to stderr unless CI=true.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from kakehashi.bench.corpus import LANGUAGES, generate_corpus
from kakehashi.build.search_index import BUNDLE_DIR
from kakehashi.build.web_server import free_port, running_nginx

CHROMIUM = os.environ.get("KAKEHASHI_CHROMIUM", "/usr/bin/chromium")
HOME = {"en": "", "fr": "fr/", "ja": "ja/"}


@dataclass(frozen=True)
class Query:
    lang: str
    text: str
    kind: str
    expect: str  # the first result's page must contain this (after folding), as a regular expression


QUERIES = (
    Query("ja", "医療機器", "ja kanji", "医療機器"),
    Query("ja", "製造販売業者", "ja kanji compound", "製造販売業者"),
    Query("ja", "承認", "ja kanji, 2 characters", "承認"),
    Query("ja", "ノーティファイドボディ", "ja katakana", "ノーティファイドボディ"),
    Query("ja", "クラスIII", "ja kana + Latin", "クラスiii"),
    Query("ja", "品質記録", "ja mid-sentence", "品質記録"),
    Query("ja", "ＰＭＤＡ", "ja full-width", "pmda"),
    Query("ja", "ｸﾗｽⅡb", "ja half-width kana", "クラスiib"),
    Query("fr", "reglementation", "fr without accents", "reglementation"),
    Query("fr", "dispositifs medicaux", "fr plural, no accents", "dispositifs? medica"),
    Query("fr", "organisme notifie", "fr without accents", "organismes? notifies?"),
    Query("fr", "mandataires", "fr plural", "mandataire"),
    Query("en", "approvals", "en stemming", "approv"),
    Query("en", "notified bodies", "en plural", "notified bod"),
    Query("en", "marketing authorisation holder", "en phrase", "marketing authori[sz]ation holder"),
    Query("en", "harmonised standards", "en stemming", "harmoni[sz]ed standard"),
    Query("en", "PMDA", "en, word in every language", "pmda"),
    Query("fr", "MDR", "fr, word in every language", "mdr"),
    # Phrases: the words together and in order first (the page must have the phrase, not the stems apart).
    Query("fr", "organisme notifié", "fr phrase", "organismes? notifies?"),
    Query("en", "quality management system", "en phrase", "quality management system"),
    Query("ja", "品質マネジメントシステム", "ja phrase", "品質マネジメントシステム"),
    # Cross-language: a termbase term typed in another language finds the reader's term.
    Query("ja", "notified body", "cross-language en -> ja", "ノーティファイドボディ"),
    Query("fr", "製造販売業者", "cross-language ja -> fr", "titulaires? de l.autorisation de mise sur le marche|mah"),
    Query("en", "mandataire", "cross-language fr -> en", "authori[sz]ed representative"),
    # Typos: a misspelt word of five letters or more is replaced by the closest word of the pages.
    Query("en", "regulaton", "en typo", "regulation"),
    Query("fr", "remboursment", "fr typo", "remboursement"),
    Query("ja", "ノーティファイドボデイ", "ja typo", "ノーティファイドボディ"),
    # Japanese numerals: Arabic or kanji digits for the pages' Roman class numbers and Arabic dates.
    Query("ja", "クラス３", "ja numeral variant", "クラスiii"),
)


@dataclass
class Measure:
    road: str
    lang: str
    query: str
    kind: str
    bytes: int
    ms: float | None
    results: int
    own_language: bool
    relevant: bool
    ok: bool
    first: str = ""


@dataclass
class Road:
    name: str
    site: Path
    build_s: float
    index_bytes: int
    index_files: int
    measures: list[Measure] = field(default_factory=list)


def progress(message: str) -> None:
    if os.environ.get("CI", "").lower() != "true":
        print(message, file=sys.stderr, flush=True)


# --- building the two roads -----------------------------------------------------------------------

def stock_config(corpus: Path) -> Path:
    """mkdocs.stock.yml: the same site with Material's search plugin and static-i18n's merged index."""
    text = (corpus / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^  - hooks/search\.py\n", "", text, flags=re.M)
    # Language workers would write one index per language: stock is static-i18n's sequential build
    # (without the portal's speed-ups).
    text = re.sub(r"^  - hooks/speedups\.py\n", "", text, flags=re.M)
    text = re.sub(r"^plugins:\n", "plugins:\n  - search\n", text, count=1, flags=re.M)
    text = text.replace("custom_dir: overrides", "custom_dir: overrides-stock")
    stock_overrides = corpus / "overrides-stock"
    shutil.copytree(corpus / "overrides", stock_overrides, dirs_exist_ok=True)
    for partial in ("header.html", "search.html"):  # Material's own search dialog
        (stock_overrides / "partials" / partial).unlink(missing_ok=True)
    path = corpus / "mkdocs.stock.yml"
    path.write_text(text, encoding="utf-8")
    return path


def build(config: Path, site: Path) -> float:
    start = time.perf_counter()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # --no-strict: the validator's findings on generated prose are not what is measured here.
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--no-strict", "-q", "-f", str(config), "-d", str(site)],
                          cwd=config.parent, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"build failed ({config.name}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return time.perf_counter() - start


def index_size(site: Path, road: str) -> tuple[int, int]:
    if road == "pagefind":
        files = [f for f in (site / BUNDLE_DIR).rglob("*") if f.is_file()]
    else:
        files = [f for f in (site / "search").rglob("*") if f.is_file()]
    return sum(f.stat().st_size for f in files), len(files)


# --- checking results -----------------------------------------------------------------------------

_TAGS = re.compile(r"<[^>]+>")
_ARTICLE = re.compile(r"<article\b[^>]*>(.*?)</article>", re.S)
_CJK_GAP = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff])")


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not "\u0300" <= c <= "\u036f")  # Latin accents only
    return unicodedata.normalize("NFC", _CJK_GAP.sub("", text))


def page_text(site: Path, path: str) -> str:
    file = site / unquote(path).lstrip("/")
    file = file / "index.html" if not file.suffix else file
    if not file.is_file():
        return ""
    html = file.read_text(encoding="utf-8")
    match = _ARTICLE.search(html)
    return fold(_TAGS.sub(" ", match.group(1) if match else html))


def language_of(path: str) -> str:
    first = path.strip("/").split("/", 1)[0]
    return first if first in HOME and first != "en" else "en"


# --- the browser ----------------------------------------------------------------------------------

OBSERVE = """() => {
  window.__kk = {t0: null, t1: null};
  document.addEventListener('input', () => { if (window.__kk.t0 === null) window.__kk.t0 = performance.now(); }, true);
  new MutationObserver(() => {
    const k = window.__kk;
    if (k.t0 !== null && k.t1 === null && document.querySelector('.md-search-result__item')) k.t1 = performance.now();
  }).observe(document.querySelector('.md-search-result'), {childList: true, subtree: true});
}"""

SEARCH_RESOURCE = re.compile(r"/(pagefind|search)/|/workers/search|/lunr/")


def _recorder(requests: list):
    """A handler that appends to ``requests`` (Playwright cannot take ``list.append``: it tags handlers)."""
    def record(request) -> None:
        requests.append(request)
    return record


def run_road(browser, road: Road, queries, timeout_s: float) -> None:
    bundle = road.site / (BUNDLE_DIR if road.name == "pagefind" else "search")
    with tempfile.TemporaryDirectory(prefix="kk-bench-nginx-") as conf_dir, \
            running_nginx(road.site, Path(conf_dir), free_port(), precompressed=bundle) as base:
        for lang in LANGUAGES:
            context = browser.new_context(locale="en-GB")
            page = context.new_page()
            transferred = []
            # A function, not a bound builtin (Playwright tags its handlers), bound to this language's list.
            context.on("requestfinished", _recorder(transferred))
            page.goto(base + HOME[lang], wait_until="load")
            page.evaluate(OBSERVE)
            none_text = page.evaluate("JSON.parse(document.getElementById('__config').textContent).translations['search.result.none']")
            counted = 0
            for query in [q for q in queries if q.lang == lang]:
                page.fill(".md-search__input", "")
                page.wait_for_timeout(150)
                page.evaluate("window.__kk.t0 = null; window.__kk.t1 = null")
                page.focus(".md-search__input")
                page.fill(".md-search__input", query.text)  # like a paste: one input event
                page.keyboard.press("End")  # Material's lunr search listens to keyup
                deadline = time.monotonic() + timeout_s
                while time.monotonic() < deadline:
                    state = page.evaluate(
                        """([q, none]) => {
                             const done = document.querySelector('[data-kk-search]');
                             const meta = document.querySelector('.md-search-result__meta');
                             return {t1: window.__kk.t1, t0: window.__kk.t0,
                                     done: done ? done.dataset.kkDone === q : null,
                                     none: !!meta && meta.textContent.trim() === none};
                           }""", [query.text, none_text])
                    if state["done"] or (state["done"] is None and (state["t1"] is not None or state["none"])):
                        break
                    page.wait_for_timeout(20)
                page.wait_for_timeout(300)  # requests of the rendered results (fragments) finish
                hrefs = page.eval_on_selector_all(
                    ".md-search-result__item", "items => items.map(i => i.querySelector('a').href)")
                paths = [urlsplit(h).path for h in hrefs]
                requests = transferred[counted:]
                counted = len(transferred)
                size = 0
                for request in requests:
                    if SEARCH_RESOURCE.search(urlsplit(request.url).path):
                        sizes = request.sizes()
                        size += sizes["responseBodySize"] + sizes["responseHeadersSize"]
                t0, t1 = state["t0"], state["t1"]
                own = bool(paths) and all(language_of(p) == lang for p in paths)
                relevant = bool(paths) and re.search(query.expect, page_text(road.site, paths[0])) is not None
                road.measures.append(Measure(
                    road.name, lang, query.text, query.kind, size,
                    round(t1 - t0, 1) if t0 is not None and t1 is not None else None,
                    len(paths), own, relevant, own and relevant, paths[0] if paths else ""))
                m = road.measures[-1]
                progress(f"  {road.name:8} {lang} {query.text:32} {m.bytes / 1024:9.1f} KB  {m.ms if m.ms is not None else '—':>8} ms  {'ok' if m.ok else 'FAIL'}")
            context.close()


# --- report ---------------------------------------------------------------------------------------

def summary(road: Road) -> dict:
    firsts = [m for m in road.measures if m is next(x for x in road.measures if x.lang == m.lang)]
    rest = [m for m in road.measures if m not in firsts]
    ms = [m.ms for m in road.measures if m.ms is not None]
    return {
        "road": road.name,
        "build_s": round(road.build_s, 1),
        "index_bytes": road.index_bytes,
        "index_files": road.index_files,
        "queries_ok": sum(m.ok for m in road.measures),
        "queries": len(road.measures),
        "first_query_kb": [round(m.bytes / 1024, 1) for m in firsts],
        "later_query_kb_median": round(statistics.median([m.bytes for m in rest]) / 1024, 1) if rest else None,
        "later_query_kb_max": round(max([m.bytes for m in rest]) / 1024, 1) if rest else None,
        "max_query_kb": round(max(m.bytes for m in road.measures) / 1024, 1),
        "first_query_ms": [m.ms for m in firsts],
        "ms_median": statistics.median(ms) if ms else None,
        "ms_max": max(ms) if ms else None,
    }


def table(roads: list[Road]) -> str:
    lines = [f"{'query':34} {'kind':24} " + " ".join(f"{r.name + ' KB':>12} {r.name + ' ms':>12} {'ok':>4}" for r in roads)]
    for i, first in enumerate(roads[0].measures):
        cells = []
        for road in roads:
            m = road.measures[i]
            cells.append(f"{m.bytes / 1024:12.1f} {m.ms if m.ms is not None else '—':>12} {'yes' if m.ok else 'NO':>4}")
        lines.append(f"{first.lang + ' ' + first.query:34} {first.kind:24} " + " ".join(cells))
    lines.append("")
    for road in roads:
        s = summary(road)
        lines.append(
            f"{road.name}: index {s['index_bytes'] / 1024 / 1024:.1f} MB in {s['index_files']} files, build {s['build_s']} s; "
            f"{s['queries_ok']}/{s['queries']} queries right; first query per language {s['first_query_kb']} KB, "
            f"{s['first_query_ms']} ms; later queries median {s['later_query_kb_median']} KB (max {s['later_query_kb_max']}); "
            f"time to first results median {s['ms_median']} ms, max {s['ms_max']} ms")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1600, help="generated guides per language (default 1600)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--roads", default="pagefind,stock", help="pagefind, stock or both (default)")
    parser.add_argument("--workdir", type=Path, help="keep the corpus and sites here (default: a temporary folder)")
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds to wait for one query's results")
    parser.add_argument("--project", type=Path, help="the project copied into the corpus (default: this repository)")
    parser.add_argument("--reuse", action="store_true", help="with --workdir: keep a corpus and sites built by an earlier run")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    work = args.workdir or Path(tempfile.mkdtemp(prefix="kk-bench-search-"))
    try:
        corpus = work / "corpus"
        if not (args.reuse and (corpus / "mkdocs.yml").is_file()):
            progress(f"corpus: {args.pages} guides per language in {corpus}")
            generate_corpus(corpus, args.pages, seed=args.seed, project=args.project)
        roads = []
        for name in args.roads.split(","):
            config = corpus / "mkdocs.yml" if name == "pagefind" else stock_config(corpus)
            site = work / f"site-{name}"
            marker = site / ".kk-bench-built"  # written after a complete build: holds its seconds
            if args.reuse and marker.is_file():
                progress(f"build ({name}): reusing {site}")
                seconds = float(marker.read_text(encoding="utf-8"))
            else:
                progress(f"build ({name}) …")
                seconds = build(config, site)
                marker.write_text(f"{seconds:.1f}", encoding="utf-8")
            size, files = index_size(site, name)
            roads.append(Road(name, site, seconds, size, files))
            progress(f"build ({name}): {seconds:.0f} s, search index {size / 1024 / 1024:.1f} MB in {files} files")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                 args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            for road in roads:
                progress(f"queries ({road.name}) …")
                run_road(browser, road, QUERIES, args.timeout)
            browser.close()
        print(table(roads))
        print(json.dumps({"pages_per_language": args.pages, "seed": args.seed,
                          "summary": [summary(r) for r in roads],
                          "measures": [asdict(m) for r in roads for m in r.measures]}, ensure_ascii=False))
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
