"""Reader-side speed: Lighthouse (npm, 12.2.3) in its mobile mode on the portal served by nginx as in
production (``deploy/``), on six page types in each language.

``make bench-web`` (``python -m kakehashi.bench.web``) builds the site strictly with ``site_url`` set
to the address it serves it on (canonical and hreflang URLs then point to the server itself),
pre-compresses it, runs Debian's nginx with the configuration of ``deploy/nginx/`` on a free port of
127.0.0.1, and runs Lighthouse (Chromium of Debian, ``CHROME_PATH``, headless, no sandbox) on each
page: performance (simulated slow 4G and a 4x slower CPU), accessibility, best practices, SEO, and the
cumulative layout shift. Prints a table and, last, one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from kakehashi.build.web_server import free_port, running_nginx

ROOT = Path(__file__).resolve().parents[3]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("KAKEHASHI_CHROMIUM", "/usr/bin/chromium")
PREFIX = {"en": "", "fr": "fr/", "ja": "ja/"}
PAGES = {"home": "", "guide": "guides/eu-mdr-ivdr/", "guides": "guides/", "events": "events/", "partners": "partners/",
         "glossary": "glossary/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


@dataclass
class Scores:
    page: str
    language: str
    url: str
    performance: int
    accessibility: int
    best_practices: int
    seo: int
    cls: float
    lcp_ms: int
    failed_audits: list[str]


def build(site_dir: Path, base_url: str) -> None:
    """Strict build of the portal into ``site_dir`` with ``site_url`` = ``base_url``."""
    env = {**os.environ, "KAKEHASHI_SITE_URL": base_url, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site_dir)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"strict build failed:\n{result.stdout}\n{result.stderr}")


def lighthouse(url: str, page: str, language: str) -> Scores:
    """Lighthouse's mobile run on one URL."""
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"{LIGHTHOUSE} is missing: `make bench-web` installs it with npm ci")
    command = [str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
               f"--only-categories={','.join(CATEGORIES)}",
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"]
    for _attempt in range(3):  # Lighthouse asks for another run when Chromium's trace was not recorded
        result = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=300)
        if result.returncode == 0 or "Please run Lighthouse again" not in result.stderr:
            break
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    categories = report["categories"]
    audits = report["audits"]
    failed = sorted(
        audit_id
        for category in ("accessibility", "best-practices", "seo")
        for ref in categories[category]["auditRefs"]
        if ref["weight"] > 0 and (audit_id := ref["id"]) and audits[audit_id]["score"] is not None and audits[audit_id]["score"] < 1
    )
    return Scores(
        page, language, url,
        *(round(100 * (categories[name]["score"] or 0)) for name in CATEGORIES),
        cls=round(audits["cumulative-layout-shift"]["numericValue"], 3),
        lcp_ms=round(audits["largest-contentful-paint"]["numericValue"]),
        failed_audits=failed,
    )


def measure(pages: dict[str, str] | None = None, languages: tuple[str, ...] = ("en", "fr", "ja")) -> list[Scores]:
    """Build, serve with nginx and run Lighthouse on each page type of each language."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="kakehashi-web-") as scratch:
        site_dir, conf_dir = Path(scratch) / "site", Path(scratch) / "nginx"
        build(site_dir, f"http://127.0.0.1:{port}/")
        with running_nginx(site_dir, conf_dir, port) as base_url:
            return [lighthouse(base_url + PREFIX[language] + path, name, language)
                    for language in languages for name, path in (pages or PAGES).items()]


def table(scores: list[Scores]) -> str:
    lines = [f"{'page':<10} {'lang':<4} {'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4} {'CLS':>6} {'LCP ms':>7}  failed audits"]
    for s in scores:
        lines.append(f"{s.page:<10} {s.language:<4} {s.performance:>4} {s.accessibility:>4} {s.best_practices:>4} {s.seo:>4} "
                     f"{s.cls:>6.3f} {s.lcp_ms:>7}  {', '.join(s.failed_audits) or '-'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kakehashi.bench.web", description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", nargs="*", choices=sorted(PAGES), help="page types (default: all six)")
    parser.add_argument("--languages", nargs="*", choices=sorted(PREFIX), help="languages (default: all three)")
    args = parser.parse_args(argv)
    pages = {name: PAGES[name] for name in args.pages} if args.pages else PAGES
    scores = measure(pages, tuple(args.languages or PREFIX))
    print(table(scores))
    print(json.dumps([asdict(s) for s in scores], ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
