"""The allow-list check skips the render of a page that cannot produce anything outside the allow-list;
these tests hold the shortcut to the render it replaces."""

from __future__ import annotations

from pathlib import Path

import pytest

from kakehashi.checks.html_allowlist import audit_html
from kakehashi.checks.markdown_render import render_markdown
from kakehashi.checks.rules.safety import renders_inside_allowlist
from kakehashi.content.documents import parse_document

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted((ROOT / "docs").rglob("*.md"))


def test_every_page_the_shortcut_passes_renders_inside_the_allowlist():
    skipped = 0
    for path in PAGES:
        doc, _ = parse_document(path.read_text(encoding="utf-8"), str(path))
        if doc is not None and renders_inside_allowlist(doc.body):
            skipped += 1
            assert audit_html(render_markdown(doc.body, ROOT / "mkdocs.yml")) == [], path
    assert skipped > len(PAGES) / 2  # the shortcut is taken by most pages, or it saves nothing


@pytest.mark.parametrize("body", [
    "Plain text with [a guide](other.md#steps), [EUR-Lex](https://eur-lex.europa.eu/eli/reg/2017/745/oj) and a table.\n",
    "## Steps {#steps}\n\n![Plan](../assets/plan.svg)\n\n[ref]: other.md \"Title\"\n",
])
def test_plain_markdown_takes_the_shortcut(body):
    assert renders_inside_allowlist(body)


@pytest.mark.parametrize("body", [
    "text <b>bold</b>",  # raw HTML
    "[x](other.md){ onclick }",  # attr_list reads a bare word as an attribute
    "[x](other.md){ target=_blank }",
    "![x](https://cdn.example/p.png)",  # an image from another host
    "[x](https://example.org/a) and ![y](//cdn.example/p.png)",
    "[x](file:///etc/passwd)",
    "[x](ftp:\n//files.example/a)",  # an address wrapped to the next line
    "[x](a.md\nfile:///etc)",
    "[x][r]\n\n[r]:\n    ftp://files.example/a",  # a reference address on the next line
    "- item\n\n    [r]: ftp://files.example/a",
    "> [r]: ftp://files.example/a",
    "[x](JaVa&#115;cript:alert(1))",
    "[x](vbscript:msgbox)",
    "[x](data:text/html,hi)",
    "[x](java\tscript:alert(1))",
    "[x](other(1).md)",  # nested parentheses: left to the render
])
def test_anything_unusual_goes_to_the_render(body):
    assert not renders_inside_allowlist(body)
