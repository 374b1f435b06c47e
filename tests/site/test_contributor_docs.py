"""The contributor guide checks itself: clean pages, every schema field documented in every language,
and only commands, make targets and files that exist."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kakehashi.checks.engine import run_checks
from kakehashi.cli.commands import build_parser
from kakehashi.site_config import load_site_config

ROOT = Path(__file__).resolve().parents[2]
CONTRIBUTE = ROOT / "docs" / "contribute"
PAGES = ["index", "add-a-guide", "translate", "update-a-translation", "events-and-partners", "style", "front-matter"]
SUFFIXES = {"en": ".md", "fr": ".fr.md", "ja": ".ja.md"}


def variants(page: str) -> list[Path]:
    return [CONTRIBUTE / f"{page}{suffix}" for suffix in SUFFIXES.values()]


def test_every_page_exists_in_three_languages():
    for page in PAGES:
        for path in variants(page):
            assert path.is_file(), path


def test_contributor_pages_are_clean():
    site = load_site_config(ROOT / "mkdocs.yml")
    findings = run_checks(site, [p for page in PAGES for p in variants(page)]).findings
    mine = [f for f in findings if f.path.startswith("docs/contribute/")]
    assert [f.as_text() for f in mine if f.severity.value == "error" or f.code in ("T001", "T002", "P005")] == []
    assert not [f for f in mine if f.code == "P001"]  # every page is translated, none is a stub


def _schema_words() -> set[str]:
    words = set()
    for name in ("guide", "page"):
        schema = json.loads((ROOT / "data" / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
        for key, spec in schema["properties"].items():
            words.add(key)
            words.update(spec.get("enum", []))
            words.update(spec.get("items", {}).get("enum", []))
            words.update(spec.get("items", {}).get("properties", {}))
        for key, spec in schema.get("$defs", {}).get("translation", {}).get("properties", {}).items():
            words.add(key)
            words.update(spec.get("enum", []))
    return words


@pytest.mark.parametrize("language", SUFFIXES)
def test_front_matter_reference_documents_every_schema_field_and_value(language):
    text = (CONTRIBUTE / f"front-matter{SUFFIXES[language]}").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([^`\s]+)`", text))
    assert _schema_words() - documented == set()


def _pages_and_contributing() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in [*CONTRIBUTE.glob("*.md"), ROOT / "CONTRIBUTING.md"]]


def _code_block_lines() -> list[str]:
    """Command lines of the bash blocks, without their comments."""
    return [line.split("#")[0].strip()
            for text in _pages_and_contributing()
            for block in re.findall(r"```(?:bash|sh)\n(.*?)```", text, re.DOTALL)
            for line in block.splitlines()]


def test_documented_kakehashi_commands_exist():
    parser = build_parser()
    commands = [line.split("kakehashi ", 1)[1].split() for line in _code_block_lines() if re.match(r"(\.venv/bin/)?kakehashi ", line)]
    assert len(commands) > 10
    for words in commands:
        try:
            parser.parse_args(words)
        except SystemExit:
            pytest.fail(f"documented command does not parse: kakehashi {' '.join(words)}")
    subcommands = set(parser._subparsers._group_actions[0].choices)
    mentioned = {m for text in _pages_and_contributing() for m in re.findall(r"`(?:\.venv/bin/)?kakehashi ([a-z]+)", text)}
    assert mentioned and mentioned <= subcommands


def test_documented_make_targets_exist():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][a-z0-9-]*):", makefile, re.MULTILINE))
    documented = {line.split()[1] for line in _code_block_lines() if line.startswith("make ")}
    documented |= {m for text in _pages_and_contributing() for m in re.findall(r"`make ([a-z-]+)`", text)}
    assert {"install", "hooks", "serve"} <= documented <= targets


def test_contributing_links_resolve():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)#]+)\)", text)
    assert len(links) >= 21
    for link in links:
        assert (ROOT / link).is_file(), link
