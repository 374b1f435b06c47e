"""``make bench``: build time, memory and page weight of the real configuration on a synthetic corpus.

For each size (pages per language) a corpus is generated (``kakehashi.bench.corpus``), checked with
``kakehashi check`` and built strictly with the project's own mkdocs.yml, hooks and search index.
The stock configuration (Material + mkdocs-static-i18n, its merged search index, no hooks) is built on
the same corpora up to 400 pages per language (it is quadratic). Prints a table, then one JSON line.
``--publish`` writes the figures (data/benchmark.json) that the Performance page plots and tabulates.

Every build writes to a folder of its own, and nothing is deleted until all figures are taken: on a
disk without a journal (this machine's ext4), the system looks past every inode freed in the last
minute or so each time it creates a file, so a build that follows the deletion of a site pays for it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from statistics import median

from kakehashi.bench.corpus import PREFIX, generate_corpus, project_root
from kakehashi.bench.measure import run_measured, site_figures
from kakehashi.cli.progress import StatusLine

STOCK_CONFIG = """site_name: Stock configuration
theme:
  name: material
markdown_extensions: [toc, attr_list, admonition, tables, def_list, footnotes, pymdownx.details, pymdownx.superfences]
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
        - {locale: en, name: English, default: true}
        - {locale: fr, name: Français}
        - {locale: ja, name: 日本語}
"""
ENV = {"NO_MKDOCS_2_WARNING": "1", "CI": "true"}


_status = StatusLine()
_say = _status.say


def _mkdocs(config: Path, site: Path, strict: bool) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site), *(["--strict"] if strict else [])]


def ratio_sizes(sizes: list[int]) -> tuple[int | None, int | None]:
    """The two sizes whose build times are compared: 400 and 1,600 pages per language (the target is
    a ratio of at most 4.5 for four times the pages) when both were run, else the smallest and largest."""
    if {400, 1600} <= set(sizes):
        return 400, 1600
    return (min(sizes), max(sizes)) if len(sizes) > 1 else (None, None)


def measure_size(corpus: Path, size: int, runs: int = 1) -> dict:
    """Check and build one corpus with the real configuration, ``runs`` times, each into a new folder:
    the median times and the highest peak memory (this machine's speed varies from one run to the next)."""
    checks, builds = [], []
    for run in range(1, runs + 1):
        _say(f"{size} pages/language, run {run}/{runs}: kakehashi check…")
        checks.append(run_measured([sys.executable, "-m", "kakehashi.cli", "--config", str(corpus / "mkdocs.yml"), "check"], corpus, ENV))
        _say(f"{size} pages/language, run {run}/{runs}: strict build…")
        site = corpus / f"site-{run}"
        build = run_measured(_mkdocs(corpus / "mkdocs.yml", site, strict=True), corpus, ENV)
        if build.returncode != 0:
            problems = [line for line in build.output.splitlines() if line.startswith(("WARNING", "ERROR"))]
            raise SystemExit(f"the build of {size} pages per language failed:\n" + "\n".join(problems[:40] or [build.output[-3000:]]))
        builds.append(build)
    pages, html_per_page, site_mb = site_figures(site)
    return {
        "build_s": round(median(b.seconds for b in builds), 1), "build_cpu_s": round(median(b.cpu_seconds for b in builds), 1),
        "peak_rss_mb": round(max(b.peak_rss_mb for b in builds)),
        "html_bytes_per_page": round(html_per_page), "site_mb": round(site_mb, 1),
        "check_s": round(median(c.seconds for c in checks), 1), "check_exit": max(c.returncode for c in checks), "pages": pages,
    }


def measure_stock(corpus: Path, size: int) -> float:
    """Build time of the stock configuration on the same corpus."""
    _say(f"{size} pages/language: stock configuration…")
    config = corpus / "mkdocs.stock.yml"
    config.write_text(STOCK_CONFIG, encoding="utf-8")
    run = run_measured(_mkdocs(config, corpus / "site-stock", strict=False), corpus, ENV)
    if run.returncode != 0:
        raise SystemExit(f"the stock build of {size} pages per language failed:\n{run.output[-3000:]}")
    return round(run.seconds, 1)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def measure_serve_edit(corpus: Path, stem: str = f"guides/{PREFIX}00001", timeout: float = 300,
                       edit: Callable[[str], None] | None = None) -> float:
    """Seconds from saving an edit to ``mkdocs serve`` serving the English page ``stem`` with the change.
    ``edit(token)`` makes an edit that puts ``token`` in that page; by default, a line added to the page."""
    port = _free_port()
    # As `make serve` runs it.
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "-f", str(corpus / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
                              cwd=corpus, env={**os.environ, **ENV}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/{stem}/"
    try:
        deadline = time.monotonic() + timeout
        while not _fetch(url):
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("mkdocs serve did not start")
            time.sleep(0.2)
        page = corpus / "docs" / f"{stem}.md"
        token = f"edited-{time.time_ns()}"
        _say("serve: waiting for the edited page…")
        if edit is None:
            page.write_text(page.read_text(encoding="utf-8") + f"\n{token}\n", encoding="utf-8")
        else:
            edit(token)
        start = time.monotonic()
        while token not in _fetch(url):
            if time.monotonic() - start > timeout:
                raise SystemExit("the edit never appeared")
            time.sleep(0.05)
        return round(time.monotonic() - start, 1)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[400, 1600], help="pages per language (default 400 1600)")
    parser.add_argument("--stock-sizes", type=int, nargs="*", default=[100, 400], help="sizes for the stock configuration")
    parser.add_argument("--serve", action="store_true", help="also time an edit under `mkdocs serve` at the smallest size")
    parser.add_argument("--publish", action="store_true", help="write data/benchmark.json, shown on the Performance page")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="check and build each size N times and report the median times (default 1)")
    args = parser.parse_args(argv)
    keep = os.environ.get("KAKEHASHI_BENCH_KEEP")
    workdir = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="kakehashi-bench-"))
    results, stock = {}, {}
    try:
        for size in sorted(set(args.sizes) | set(args.stock_sizes)):
            _say(f"{size} pages/language: generating the corpus…")
            corpus = workdir / str(size)
            shutil.rmtree(corpus, ignore_errors=True)
            generate_corpus(corpus, size)
            if size in args.sizes:
                results[size] = measure_size(corpus, size, max(args.repeat, 1))
            if size in args.stock_sizes:
                stock[size] = measure_stock(corpus, size)
        if args.serve:
            # Last: mkdocs serve deletes the site it built when it stops.
            smallest = min(args.sizes)
            results[smallest]["serve_edit_s"] = measure_serve_edit(workdir / str(smallest))
        _status.close()
    finally:
        if not keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print(f"{'pages/lang':>10} {'build s':>8} {'CPU s':>7} {'stock s':>8} {'check s':>8} {'RSS MB':>7} {'HTML/page':>10} {'site MB':>8}")
    for size in sorted(set(results) | set(stock)):
        r = results.get(size, {})
        print(f"{size:>10,} {r.get('build_s', ''):>8} {r.get('build_cpu_s', ''):>7} {stock.get(size, ''):>8} {r.get('check_s', ''):>8} "
              f"{r.get('peak_rss_mb', ''):>7} {r.get('html_bytes_per_page', ''):>10} {r.get('site_mb', ''):>8}")
    sizes = sorted(results)
    small, large = ratio_sizes(sizes)
    ratio = round(results[large]["build_s"] / results[small]["build_s"], 2) if small else None
    summary = {"sizes": {str(s): results[s] for s in sizes}, "stock": {str(s): t for s, t in stock.items()}, "ratio": ratio,
               "ratio_sizes": [small, large] if small else None, "runs": max(args.repeat, 1), "cpus": os.cpu_count(),
               "kept": str(workdir) if keep else None}
    if args.publish:
        root = project_root()
        (root / "data" / "benchmark.json").write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
