"""What readers see of translation state, in a real build of a small project with the real hooks."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading

import pytest
from conftest import build_site
from project import ROOT, make_project


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("project"))
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run(["git", "add", "docs"], cwd=project, check=True)
    subprocess.run(["git", "-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "x"], cwd=project, check=True)
    guides = project / "docs" / "guides"
    # The English source gains a row after the Japanese translation was pinned…
    source = guides / "guide.md"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "| Audit | the notified body |", "| Audit | the notified body |\n| Certificate | the notified body |"), encoding="utf-8")
    fr = guides / "guide.fr.md"
    fr.write_text(fr.read_text(encoding="utf-8").replace("| Audit | l’organisme notifié |", "| Audit | l’organisme notifié |\n| Certificat | l’organisme notifié |"), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "kakehashi.cli", "pin", "docs/guides/guide.fr.md"], cwd=project, check=True, capture_output=True)
    # …and the French home page is a stub.
    (project / "docs" / "index.fr.md").write_text(
        "---\ntitle: Accueil\ndescription: La page d’accueil du portail de test.\ntranslation:\n  from: en\n"
        "  source_hash: '0000000000000000000000000000000000000000'\n  state: stub\n---\n", encoding="utf-8")
    site = project / "site"
    result = build_site(project / "mkdocs.yml", site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def read(site, path):
    return (site / path).read_text(encoding="utf-8")


def test_outdated_translation_has_a_banner_linking_the_source(built):
    html = read(built, "ja/guides/guide/index.html")
    assert "kk-banner--outdated" in html
    assert "1行" in html and "#steps" in html
    assert 'href="../../../guides/guide/"' in html
    assert "kk-banner" not in read(built, "fr/guides/guide/index.html")


def test_stub_shows_the_fallback_text_with_a_banner(built):
    html = read(built, "fr/index.html")
    assert "kk-banner--fallback" in html and "anglais" in html
    assert "Welcome." in html


def test_missing_translation_shows_english_with_a_banner_in_the_readers_language(built):
    html = read(built, "ja/guides/other/index.html")
    assert "kk-banner--fallback" in html and "英語で表示しています" in html


def test_stubs_and_fallbacks_are_not_advertised(built):
    home = read(built, "index.html")
    assert 'hreflang="fr"' not in home.split("</head>")[0]
    guide = read(built, "guides/guide/index.html").split("</head>")[0]
    assert 'hreflang="fr"' in guide and 'hreflang="ja"' in guide
    sitemap = read(built, "sitemap-pages.xml")
    assert "/fr/guides/guide/" in sitemap and "<loc>http://127.0.0.1:8000/fr/</loc>" not in sitemap


def test_last_verified_and_sources_are_localized(built):
    assert "26 November 2026" in read(built, "guides/guide/index.html")
    fr = read(built, "fr/guides/guide/index.html")
    assert "26 novembre 2026" in fr and "Dernière vérification" in fr
    ja = read(built, "ja/guides/guide/index.html")
    assert "2026年11月26日" in ja and "出典" in ja and "https://eur-lex.europa.eu/eli/reg/2017/745/oj" in ja
    assert "<strong>最終確認日：</strong><time" in ja  # no space after a full-width colon
    assert "<strong>Dernière vérification\u00a0:</strong> <time" in fr


def _break_front_matter(project):
    """Make the fixture guide's front matter invalid YAML (M001 on its line 5)."""
    page = project / "docs/guides/guide.md"
    page.write_text(page.read_text(encoding="utf-8").replace("jurisdiction: EU", "jurisdiction: [EU"), encoding="utf-8")


@pytest.mark.parametrize("speedups", ["on", "off"])
def test_invalid_front_matter_fails_the_strict_build(tmp_path, monkeypatch, speedups):
    """With the speed-ups off too, where mkdocs-static-i18n builds every language in the main process."""
    if speedups == "off":
        monkeypatch.setenv("KAKEHASHI_SPEEDUPS", "off")
    else:
        monkeypatch.delenv("KAKEHASHI_SPEEDUPS", raising=False)
    project = make_project(tmp_path)
    _break_front_matter(project)
    result = build_site(project / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert "docs/guides/guide.md:5:" in result.stderr and "M001" in result.stderr


def test_broken_link_and_anchor_fail_the_strict_build(tmp_path):
    project = make_project(tmp_path)
    page = project / "docs/guides/guide.md"
    page.write_text(page.read_text(encoding="utf-8").replace("(other.md)", "(other.md#nowhere)"), encoding="utf-8")
    result = build_site(project / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0 and "nowhere" in result.stderr


def test_a_broken_link_in_a_translation_fails_the_strict_build(tmp_path):
    """The French pages are built by a worker process: its warnings still fail the build."""
    project = make_project(tmp_path)
    page = project / "docs/guides/guide.fr.md"
    page.write_text(page.read_text(encoding="utf-8").replace("(other.md)", "(missing-page.md)"), encoding="utf-8")
    result = build_site(project / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert "the 'fr' build failed" in result.stderr and "missing-page.md" in result.stderr


def test_make_serve_shows_an_edit(tmp_path):
    """`mkdocs serve --dirty` as `make serve` runs it: an edited page is served again, changed."""
    from kakehashi.bench.build import measure_serve_edit
    project = make_project(tmp_path)
    seconds = measure_serve_edit(project, "guides/guide", timeout=120)
    assert seconds < 120


def test_make_serve_reports_the_findings_of_the_checks(tmp_path):
    """`mkdocs serve` builds every language in one process: the checks' findings are logged all the same."""
    project = make_project(tmp_path)
    _break_front_matter(project)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = []
    with subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "-a", f"127.0.0.1:{port}"],
                          cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, text=True,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) as server:
        deadline = threading.Timer(120, server.kill)  # a server that never says it is serving ends the test
        deadline.start()
        try:
            for line in server.stderr:
                log.append(line)
                if "Serving on" in line:
                    break
        finally:
            deadline.cancel()
            server.terminate()
    assert any("docs/guides/guide.md:5:" in line and "M001" in line for line in log), "".join(log)


def test_make_serve_shows_an_edit_of_a_data_file(tmp_path):
    """`make serve` watches data/ too: an event edited in its YAML file is shown changed on the events page."""
    from kakehashi.bench.build import measure_serve_edit
    project = make_project(tmp_path, pages={"events/index.md": (ROOT / "docs/events/index.md").read_text(encoding="utf-8")})
    event = project / "data/events/bio-europe-spring-2027.yaml"
    event.parent.mkdir()
    shutil.copy(ROOT / "data/events" / event.name, event)

    def retitle(token):
        event.write_text(event.read_text(encoding="utf-8").replace("BIO-Europe Spring 2027 in Lyon", token, 1), encoding="utf-8")

    assert measure_serve_edit(project, "events", timeout=120, edit=retitle) < 120
