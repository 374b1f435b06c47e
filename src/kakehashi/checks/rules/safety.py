"""Safety: contributed Markdown is untrusted; no scripts, handlers, frames or script URLs."""

from __future__ import annotations

import html
import re

from kakehashi.checks.findings import Severity
from kakehashi.checks.registry import CheckContext, rule

SCRIPT_TAG = re.compile(r"<\s*script\b", re.IGNORECASE)
FRAME_TAG = re.compile(r"<\s*(iframe|frame|object|embed)\b", re.IGNORECASE)
HANDLER = re.compile(r"<[^>]*\s(on[a-z]+)\s*=", re.IGNORECASE | re.DOTALL)
CONTROL = re.compile(r"[\x00-\x20\u00a0\u200b-\u200d\ufeff]")
# Where a URL may stand: inline link/image targets, reference definitions, autolinks, HTML attributes.
URL_SLOTS = re.compile(
    r"\]\(\s*<?(?P<inline>[^)\s>]+)"
    r"|^\s{0,3}\[[^\]]+\]:\s*<?(?P<reference>\S+?)>?(?:\s|$)"
    r"|<(?P<auto>[a-z][a-z0-9+.\-]{1,31}:[^>\s]*)>"
    r"|\b(?:href|src|action|formaction|xlink:href|data)\s*=\s*[\"']?(?P<attribute>[^\"'\s>]+)",
    re.IGNORECASE | re.MULTILINE,
)
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:")


def dangerous_url(url: str) -> bool:
    """True for javascript:, vbscript: and data: URLs, however they are disguised (case, entities,
    control characters)."""
    cleaned = CONTROL.sub("", html.unescape(html.unescape(url))).lower()
    return cleaned.startswith(DANGEROUS_SCHEMES)


def _line_of(text: str, position: int, first_line: int) -> int:
    return first_line + text.count("\n", 0, position)


def _markup(variant) -> tuple[str, int]:
    """The page's Markdown body outside fenced and inline code, with its first line."""
    structure = variant.structure
    body = variant.doc.body
    lines = body.split("\n")
    for block in structure.code:
        start = block.line - variant.doc.body_line
        for index in range(start, min(len(lines), start + block.content.count("\n") + 2)):
            lines[index] = ""
    text = re.sub(r"`[^`\n]*`", lambda m: " " * len(m[0]), "\n".join(lines))
    return text, variant.doc.body_line


def _pages(ctx: CheckContext):
    for group in ctx.groups:
        for variant in group.variants.values():
            if variant.doc is not None and variant.structure is not None:
                yield variant


@rule("H001", Severity.ERROR, "<script> in a page")
def check_scripts(ctx: CheckContext):
    """Pages are contributed by many people and rendered as they are: a ``<script>`` would run in every
    reader's browser. Remove it; ask the maintainers if a page needs interactive behaviour."""
    for variant in _pages(ctx):
        text, first = _markup(variant)
        for match in SCRIPT_TAG.finditer(text):
            yield check_scripts.rule.finding(variant.display, _line_of(text, match.start(), first), "raw <script> is not allowed in contributed pages")


@rule("H002", Severity.ERROR, "inline event handler in HTML")
def check_handlers(ctx: CheckContext):
    """HTML attributes such as ``onclick=`` or ``onerror=`` run code. Remove them; use Markdown."""
    for variant in _pages(ctx):
        text, first = _markup(variant)
        for match in HANDLER.finditer(text):
            yield check_handlers.rule.finding(variant.display, _line_of(text, match.start(1), first), f"event handler attribute '{match[1]}' is not allowed")


@rule("H003", Severity.ERROR, "javascript:, vbscript: or data: URL")
def check_script_urls(ctx: CheckContext):
    """Links and images may point only to pages of the portal or to http(s) and mailto addresses.
    ``javascript:`` and ``data:`` URLs run code or smuggle content, however they are spelt."""
    for variant in _pages(ctx):
        text, first = _markup(variant)
        for match in URL_SLOTS.finditer(text):
            name = match.lastgroup
            url = match[name]
            if dangerous_url(url):
                yield check_script_urls.rule.finding(variant.display, _line_of(text, match.start(name), first), f"'{url[:40]}' URL is not allowed")


@rule("H004", Severity.ERROR, "<iframe>, <object> or <embed> in a page")
def check_frames(ctx: CheckContext):
    """Embedded frames load third-party content (and trackers) into the portal. Link to the content
    instead."""
    for variant in _pages(ctx):
        text, first = _markup(variant)
        for match in FRAME_TAG.finditer(text):
            yield check_frames.rule.finding(variant.display, _line_of(text, match.start(), first), f"<{match[1].lower()}> is not allowed in contributed pages")
