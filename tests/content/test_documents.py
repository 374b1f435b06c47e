"""Bad input gives a finding with file and line, never a traceback, and nothing is written."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from project import make_project

from kakehashi.checks.engine import run_checks
from kakehashi.content.documents import load_document, parse_document
from kakehashi.content.facts import extract_facts
from kakehashi.content.markdown_model import parse_structure
from kakehashi.content.typography import fix_line
from kakehashi.site_config import load_site_config

GOOD = "---\ntitle: A page\ndescription: A page about something, long enough.\n---\n\nBody.\n"

BAD_FILES = [
    ("invalid-yaml", GOOD.replace("title: A page", "title: [A page").encode(), "M001", 2),
    ("bom", b"\xef\xbb\xbf" + GOOD.encode(), "F002", 1),
    ("crlf", GOOD.replace("\n", "\r\n").encode(), "F004", 1),
    ("latin-1", GOOD.replace("Body.", "Caf\xe9 cr\xe8me.").encode("latin-1"), "F001", 6),
    ("empty", b"", "F005", 1),
    ("huge", GOOD.encode() + b"word " * 1_000_000, "F003", 1),
    ("unclosed", b"---\ntitle: x\n\nBody\n", "M001", 1),
    ("not-a-mapping", b"---\n- a\n- b\n---\nBody\n", "M001", 2),
    ("unreadable-tag", GOOD.replace("description:", "description: !!int").encode(), "M001", 3),
    ("nul", GOOD.encode() + b"\x00\x01", "F001", 7),
]


@pytest.mark.parametrize(("name", "data", "code", "line"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_is_a_finding_and_is_left_untouched(tmp_path, name, data, code, line):
    project = make_project(tmp_path, guide=False)
    page = project / "docs" / "bad.md"
    page.write_bytes(data)
    before = hashlib.sha256(data).hexdigest()
    findings = run_checks(load_site_config(project / "mkdocs.yml")).findings
    assert (code, line) in {(f.code, f.line) for f in findings if f.path == "docs/bad.md"}, findings
    assert hashlib.sha256(page.read_bytes()).hexdigest() == before


def test_yaml_error_line_points_into_the_file(tmp_path):
    doc, findings = parse_document("---\ntitle: ok\ndescription: x\nbroken: [unclosed\n---\nbody\n", "p.md")
    assert findings[0].code == "M001" and findings[0].line in (4, 5)


text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400)
markdownish = st.lists(st.sampled_from([
    "---", "title: x", "## T {#a}", "!!! note \"n\"", "    body", "| a | b |", "|---|---|", "```", "[l](x.md)",
    "<script>", "weight: !!float x", "2021年5月26日", "26 mai 2021", "1 000", "ＰＭＤＡ", "«\u00a0x\u00a0»", "\t", "", "- item", ": def",
]) | text, max_size=30).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdownish)
def test_parsing_never_raises(source):
    doc, _ = parse_document(source, "fuzz.md")
    parse_structure(doc.body, doc.body_line)
    extract_facts(source)
    for language in ("fr", "ja", "en"):
        fix_line(source.split("\n")[0], language)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_loading_arbitrary_bytes_never_raises(tmp_path, data):
    path = tmp_path / "fuzz.md"
    path.write_bytes(data)
    load_document(path, "fuzz.md")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdownish)
def test_structure_takes_from_inline_parsing_what_a_full_parse_gives(source):
    """Inline Markdown is parsed only where a link, image or HTML can start: same structure as a full parse."""
    from markdown_it import MarkdownIt

    from kakehashi.content import markdown_model

    quick = parse_structure(source)
    saved, markdown_model._MD = markdown_model._MD, MarkdownIt("commonmark", {"html": True}).enable("table")
    try:
        assert parse_structure(source) == quick
    finally:
        markdown_model._MD = saved
