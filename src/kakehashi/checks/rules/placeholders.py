"""Placeholders: what ``kakehashi new`` marks ``TODO`` must be written before a page, an event or a partner
profile is published."""

from __future__ import annotations

import re

from kakehashi.checks.findings import Severity
from kakehashi.checks.registry import CheckContext, rule

PLACEHOLDER = re.compile(r"(?<![A-Za-z])TODO(?![A-Za-z])")
INLINE_CODE = re.compile(r"`[^`]*`")


def _strings(value):
    """Every string in a front-matter value, however deeply nested."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@rule("N001", Severity.ERROR, "TODO placeholder left from kakehashi new")
def check_placeholders(ctx: CheckContext):
    """``kakehashi new`` writes ``TODO`` wherever you have to write something: the title, the
    description, the sources and each section of the outline. Replace each one with real content
    (a section you do not need can be deleted, in the source and its translations alike). A stub
    translation keeps its outline until it is translated, but its title and description are shown
    in menus and search results at once: write them in the stub's language straight away. To
    mention the word itself in a page, put it in code: ``TODO``."""
    for group in ctx.groups:
        for variant in group.variants.values():
            if variant.doc is None:
                continue
            for key, value in variant.doc.meta.items():
                if any(PLACEHOLDER.search(text) for text in _strings(value)):
                    yield check_placeholders.rule.finding(variant.display, variant.doc.meta_line(str(key)),
                                                          f"'{key}' still holds a TODO placeholder: write it in this page's language")
            if variant.is_stub or variant.structure is None:
                continue  # a stub's body is replaced by its fallback's text until it is translated
            for block in [*variant.structure.headings, *variant.structure.blocks]:
                if "TODO" in block.text and PLACEHOLDER.search(INLINE_CODE.sub("", block.text)):
                    yield check_placeholders.rule.finding(variant.display, block.line, "TODO placeholder in the text: replace it with the content it asks for")


DATA_FOLDERS = ("events", "partners")


@rule("N002", Severity.ERROR, "TODO placeholder left in an event or partner file", scope="site")
def check_data_placeholders(ctx: CheckContext):
    """``kakehashi new event`` and ``kakehashi new partner`` write ``TODO`` in the values you have to
    give and in comments next to values you have to check (dates, time zone, country, vocabulary terms).
    Replace each value, and delete each ``TODO`` comment once you have checked its line."""
    for folder in DATA_FOLDERS:
        for path in sorted((ctx.root / "data" / folder).glob("*.yaml")):
            try:
                lines = path.read_text(encoding="utf-8").split("\n")
            except (OSError, UnicodeDecodeError):
                continue  # D001 reports unreadable data files
            display = path.relative_to(ctx.root).as_posix()
            for number, line in enumerate(lines, start=1):
                match = PLACEHOLDER.search(line)
                if match:
                    yield check_data_placeholders.rule.finding(display, number, "TODO placeholder: give the value it asks for, then delete the TODO", match.start() + 1)
