"""Generated parts of pages: glossary, guide list, translation status chart, rule reference."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from conftest import ROOT
from markdown import Markdown
from project import make_project

from kakehashi.checks.engine import run_checks
from kakehashi.checks.rules import REGISTRY
from kakehashi.content.status import chart_svg, render_status_section, state_labels, status_table
from kakehashi.data.termbase import Concept, Term
from kakehashi.render.glossary import render_glossary
from kakehashi.render.guide_list import render_guide_list
from kakehashi.render.markdown_text import fill_markers
from kakehashi.render.rule_reference import render_rule_reference
from kakehashi.render.ui_text import translations
from kakehashi.site_config import load_site_config


def identity(text):
    return text


def test_glossary_is_in_the_readers_language_and_escaped(tmp_path):
    site = load_site_config(make_project(tmp_path).joinpath("mkdocs.yml"))
    evil = Concept("evil", {
        "en": Term("<script>alert(1)</script>"), "fr": Term("organisme & co"), "ja": Term("審査")},
        {"ja": "<img src=x onerror=alert(1)>の定義です。"})
    html = render_glossary([evil], site, "ja", identity)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html and "organisme &amp; co" in html
    assert html.index("審査") < html.index("organisme")  # the reader's term comes first
    assert '<tr id="evil">' in html and "英語" in html  # column named in the reader's language
    variants = Concept("pmda", {"en": Term("PMDA"), "fr": Term("PMDA"), "ja": Term("PMDA", ("医薬品医療機器総合機構", "機構"))}, {"ja": "定義です。"})
    assert "<small>医薬品医療機器総合機構、機構</small>" in render_glossary([variants], site, "ja", identity)


def test_guide_list_uses_the_readers_language_and_falls_back(tmp_path):
    project = make_project(tmp_path)
    other = project / "docs/guides/other.md"
    other.write_text(other.read_text(encoding="utf-8").replace(
        "title: Notified bodies in practice", "title: Other *guide* [x](javascript:y) <script>alert(1)</script>"), encoding="utf-8")
    site = load_site_config(project / "mkdocs.yml")
    groups = run_checks(site).groups
    markdown = render_guide_list(groups, "fr", "en", "fr_FR", identity)
    assert "## Regulation {#regulation}" in markdown
    assert '<a href="guide/">Les organismes notifiés en pratique</a>' in markdown
    assert "26 novembre 2026" in markdown
    # English fallback, as text: Markdown is not read inside the HTML block, and markup is escaped
    assert '<a href="other/">Other *guide* [x](javascript:y) &lt;script&gt;alert(1)&lt;/script&gt;</a>' in markdown
    assert "最終確認日：2026年11月26日" in render_guide_list(groups, "ja", "en", "ja_JP", translations(ROOT / "locales", "ja").gettext)


def test_guide_list_stays_one_html_list_per_category(tmp_path):
    """A description written on several lines, with a blank one, must not end the list's HTML block:
    Python-Markdown would then read the rest as Markdown."""
    project = make_project(tmp_path)
    guide = project / "docs/guides/guide.md"
    text = guide.read_text(encoding="utf-8")
    description = next(line for line in text.splitlines() if line.startswith("description:"))
    guide.write_text(text.replace(description, 'description: "First line\n\n  *second*\u00a0line"'), encoding="utf-8")
    site = load_site_config(project / "mkdocs.yml")
    markdown = render_guide_list(run_checks(site).groups, "en", "en", "en_GB", identity)
    html = Markdown().convert(markdown)
    assert html.count("<ul>") == markdown.count("## ") and "<p>" not in html
    assert "First line *second*\u00a0line" in html  # one line, its non-breaking space kept


def test_status_chart_is_valid_svg_with_one_bar_per_language(tmp_path):
    project = make_project(tmp_path)
    (project / "docs/guides/guide.ja.md").unlink()
    site = load_site_config(project / "mkdocs.yml")
    table = status_table(run_checks(site).groups, site)
    svg = chart_svg(table, site.codes, names={"en": "English", "fr": "français", "ja": "日本語"})
    root = ET.fromstring(svg)
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert texts[:2] == ["English", "100%"] and "日本語" in texts
    assert texts[2:6] == ["français", "33%", "日本語", "0%"]  # 1 of 3 pages in French, none in Japanese
    section = render_status_section(table, site, "fr", identity)
    assert "| `guides/guide` | source | up to date | missing |" in section
    french = ET.fromstring(chart_svg(table, site.codes, state_labels(translations(ROOT / "locales", "fr").gettext), locale="fr_FR"))
    assert "33\u00a0%" in [t.text for t in french.iter("{http://www.w3.org/2000/svg}text")]
    assert "à jour\u00a0: 1" in [t.text for t in french.iter("{http://www.w3.org/2000/svg}title")]
    japanese = ET.fromstring(chart_svg(table, site.codes, state_labels(translations(ROOT / "locales", "ja").gettext)))
    assert "最新：1" in [t.text for t in japanese.iter("{http://www.w3.org/2000/svg}title")]


def test_rule_reference_lists_every_rule():
    markdown = render_rule_reference(identity)
    for code in REGISTRY:
        assert f"{{#{code.lower()}}}" in markdown


def test_unknown_markers_are_left_alone():
    assert fill_markers("a <!-- kakehashi:nope --> b <!-- kakehashi:x -->", {"x": lambda: "X"}) == "a <!-- kakehashi:nope --> b X"
