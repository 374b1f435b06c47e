"""Safety: contributed Markdown is untrusted; its rendered HTML must stay inside the allow-list.

Each page is rendered as the build renders it and parsed as a browser parses it
(``kakehashi.html_allowlist``); what falls outside the allow-list is reported on the source line that
brings it (found by rendering growing prefixes of the page, so a reference definition, an attribute
list or an HTML block is blamed on its own line).
"""

from __future__ import annotations

import re

from kakehashi.checks.findings import Severity
from kakehashi.checks.html_allowlist import ALLOWED_ELEMENTS, DOCUMENT, Violation, audit_html, element_violation
from kakehashi.checks.markdown_render import render_markdown
from kakehashi.checks.registry import REGISTRY, CheckContext, describe, rule

describe("H002", Severity.ERROR, "attribute outside the allow-list (event handler, style that loads)", """
    Attributes such as ``onclick=`` or ``onerror=`` run code, whether written in raw HTML or in a Markdown
    attribute list (``[text](address){ onclick="…" }``); ``data-*`` attributes drive the theme's scripts;
    a ``style`` with ``url()`` or another function loads or computes something. Each element may carry
    ``id``, ``class``, ``title``, ``lang``, ``dir``, ``role``, ``aria-*`` and a few attributes of its own
    (``href`` on links, ``src``, ``srcset``, ``alt``, ``width``, ``height`` on images, ``colspan`` on
    table cells…). Remove the attribute.""")
describe("H003", Severity.ERROR, "URL scheme not allowed (javascript:, vbscript:, data:…)", """
    Links may point to pages of the portal (relative addresses) or to ``http:``, ``https:``,
    ``mailto:`` and ``tel:`` addresses; images, audio and video to files of the portal only.
    ``javascript:`` and ``vbscript:`` run code and ``data:`` smuggles content, however they are spelt
    (mixed case, character references, spaces or control characters inside the scheme). ``data:``
    images are refused too: save the image in ``docs/assets/`` and use its relative path.""")
describe("H004", Severity.ERROR, "resource loaded from another host", """
    An image, video, audio, subtitle track or ``srcset`` candidate on another host (``https://…`` or
    ``//host/…``) would make every reader's browser contact that host, which the portal promises not to
    do; the Content-Security-Policy blocks it anyway. Copy the file into ``docs/assets/`` and use a
    relative path, or make it a link (``[text](https://…)``): links to other hosts are fine.""")


def _pages(ctx: CheckContext):
    for group in ctx.groups:
        for variant in group.variants.values():
            if variant.doc is not None:
                yield variant


# What Markdown needs to make anything outside the allow-list: raw HTML (a "<"), an attribute list that
# sets more than ids and classes (attr_list reads a bare word as an attribute), or a link or image
# address. A body without these, whose addresses are plain, renders inside the allow-list, so most pages
# skip the render (most of the check's time). Anything unusual goes to the render.
ATTRIBUTE_LIST = re.compile(r"\{([^{}\n]*)\}")
IDS_AND_CLASSES = re.compile(r":?\s*(?:[#.][\w-]+\s*)*")
INLINE_ADDRESS = re.compile(r"\]\(([^()]*)\)")  # from each "](" (an address may wrap to the next line)
REFERENCE_ADDRESS = re.compile(r"\[(?!\^)[^\]\n]*\]:(.*)$", re.MULTILINE)  # anywhere in a line: lists, quotes
TITLE = r'(?:\s+"[^"\n]*")?\s*'
RELATIVE_PATH = r"(?!//)[\w\-./#%~+]+"
RELATIVE = re.compile(r"\s*" + RELATIVE_PATH + TITLE)
PLAIN_LINK = re.compile(r"\s*(?:https?://[\w.-]+(?:[/?#][\w\-./?#=%~+@!*,;]*)?|mailto:[\w.+-]+@[\w.-]+|" + RELATIVE_PATH + ")" + TITLE)
ALARMS = re.compile(r"<|&#|script\s*:|data\s*:", re.IGNORECASE)


def renders_inside_allowlist(body: str) -> bool:
    """True when Python-Markdown cannot make anything outside the allow-list from ``body``: no raw HTML,
    attribute lists with ids and classes only, and every address a relative path or (outside images) an
    http(s) or mailto link. False means "render and see", not "unsafe"."""
    if ALARMS.search(body):
        return False
    if any(not IDS_AND_CLASSES.fullmatch(match[1]) for match in ATTRIBUTE_LIST.finditer(body)):
        return False
    plain = RELATIVE if "![" in body else PLAIN_LINK  # images load: only the portal's own files
    inline = [INLINE_ADDRESS.match(body, at.start()) for at in re.finditer(r"\]\(", body)]
    addresses = [m[1] if m else None for m in inline] + [m[1] for m in REFERENCE_ADDRESS.finditer(body)]
    return all(address is not None and plain.fullmatch(address) for address in addresses)


def page_violations(body: str, mkdocs_yml) -> list[tuple[Violation, int]]:
    """Each violation of the allow-list in a Markdown body, with the body line (1-based) that brings it:
    the first line whose prefix of the body renders one more violation of its kind."""
    if renders_inside_allowlist(body):
        return []
    found = audit_html(render_markdown(body, mkdocs_yml))
    if not found:
        return []
    lines = body.split("\n")
    rendered: dict[int, list[tuple]] = {}

    def keys_up_to(count: int) -> list[tuple]:
        if count not in rendered:
            rendered[count] = [v.key for v in audit_html(render_markdown("\n".join(lines[:count]), mkdocs_yml))]
        return rendered[count]

    seen: dict[tuple, int] = {}
    out = []
    for violation in found:
        nth = seen[violation.key] = seen.get(violation.key, 0) + 1
        low, high = 1, len(lines)
        if keys_up_to(high).count(violation.key) < nth:
            out.append((violation, 1))
            continue
        while low < high:
            middle = (low + high) // 2
            if keys_up_to(middle).count(violation.key) >= nth:
                high = middle
            else:
                low = middle + 1
        out.append((violation, low))
    return out


@rule("H001", Severity.ERROR, "HTML element outside the allow-list (script, style, meta, form, iframe, svg…)")
def check_allowlist(ctx: CheckContext):
    """Pages are contributed by many people and published as they are: their HTML reaches every
    reader's browser. A page may produce text structure, lists, tables, quotations, figures, ruby,
    details, images, audio and video, and nothing else: ``<script>``, ``<style>``, ``<link>``,
    ``<meta>`` (a refresh sends readers elsewhere), ``<base>``, forms and their controls, ``<object>``,
    ``<embed>``, ``<iframe>``, ``<frame>``, ``<template>``, inline SVG and MathML are refused. Use
    Markdown; show a drawing as an image file (``![text](drawing.svg)``); link to forms, videos and
    other sites instead of embedding them. This rule also reports H002, H003 and H004 (attributes,
    URL schemes, resources from other hosts), checked on the same rendered HTML."""
    mkdocs_yml = ctx.root / "mkdocs.yml"
    for variant in _pages(ctx):
        reported = set()
        for violation, line in page_violations(variant.doc.body, mkdocs_yml):
            code = REGISTRY[violation.code]
            reported.add((violation.element, variant.doc.body_line + line - 1))
            yield code.finding(variant.display, variant.doc.body_line + line - 1, violation.describe())
        for tag, line in _raw_tags(variant):
            if tag not in ALLOWED_ELEMENTS and tag not in DOCUMENT and (tag, line) not in reported:
                yield REGISTRY["H001"].finding(variant.display, line, element_violation(tag).describe())


RAW_TAG = re.compile(r"<\s*([A-Za-z][^\s/>]*)")


def _raw_tags(variant):
    """The tag names of the raw HTML a page holds, with their lines: an element the HTML parser drops where
    it stands (``<frame>`` outside a frameset) never reaches the rendered page, but is refused all the same."""
    for block in variant.structure.html if variant.structure is not None else ():
        for match in RAW_TAG.finditer(block.text):
            yield match[1].lower(), block.line + block.text.count("\n", 0, match.start())
