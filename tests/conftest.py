"""Shared fixtures: one strict build of the real site per session, served on 127.0.0.1, and Chromium."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from kakehashi.build.static_server import serve_site
from kakehashi.site_config import load_site_config

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("KAKEHASHI_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def build_site(config_file: Path, site_dir: Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run ``mkdocs build --strict`` as a contributor would; returns the finished process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file), "-d", str(site_dir)],
        cwd=cwd or config_file.parent, env=env, capture_output=True, text=True, timeout=900,
    )


@pytest.fixture
def project(tmp_path):
    """A throw-away copy of the project with the fixture guide (see tests/project.py)."""
    from project import make_project
    return make_project(tmp_path)


@pytest.fixture(scope="session")
def site_config():
    return load_site_config(ROOT / "mkdocs.yml")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real portal, built strictly once for the whole session."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(ROOT / "mkdocs.yml", site_dir)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return site_dir


@pytest.fixture(scope="session")
def base_url(built_site, site_config) -> str:
    server = serve_site(built_site, site_config.codes)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()  # the listening socket too: an unclosed one is a ResourceWarning, an error here


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh browser context (no stored language choice) and page."""
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def serious_accessibility_violations(page) -> list[dict]:
    """Run axe-core (from npm, injected into the page) and return its serious and critical violations."""
    if not AXE.is_file():
        pytest.fail("axe-core is missing: `make test` installs it with npm ci")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def requests_made(browser, visit) -> list[str]:
    """The URL of every request a fresh browser context makes while ``visit(page)`` runs."""
    context = browser.new_context()
    page = context.new_page()
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    try:
        visit(page)
    finally:
        context.close()
    return urls


def foreign_requests(urls: list[str]) -> list[str]:
    """The requests that went to another host than this machine (data: URLs go nowhere)."""
    return [url for url in urls if not url.startswith("data:") and urlsplit(url).hostname != "127.0.0.1"]
