"""Content-Security-Policy of the portal's pages: everything from the portal itself, scripts by hash.

Each page gets its policy as a ``<meta http-equiv="Content-Security-Policy">`` (static hosts such as
GitHub Pages cannot send headers); the production server sends the same policy as a header, with
``frame-ancestors 'none'`` (which a ``<meta>`` cannot carry) and the hashes of every page.

- ``script-src``: the portal's files, and the theme's inline scripts by their SHA-256 hash (computed
  here, on the page as built), never ``'unsafe-inline'``. ``'wasm-unsafe-eval'`` lets Pagefind
  compile its WebAssembly search engine (it evaluates no JavaScript).
- ``style-src``: the portal's stylesheets, and the ``style`` attributes of the page by hash
  (``'unsafe-hashes'``: the column alignment of Markdown tables is a ``style`` attribute).
- ``img-src 'self' data:``: the theme's icons are SVG ``data:`` URLs inside its own stylesheet (they go
  nowhere); contributed content cannot use ``data:`` (the HTML allow-list refuses it).
- ``object-src 'none'``, ``base-uri 'self'``, ``form-action 'self'``, ``frame-src 'none'``, and
  ``default-src 'self'`` for the rest (fonts, fetches, media, workers).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

# Script types a browser does not run (the theme's configuration is JSON in a <script> element).
DATA_SCRIPT_TYPES = frozenset({"application/json", "application/ld+json", "text/template"})
META_NAME = "Content-Security-Policy"
CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)
EXISTING_META = re.compile(r"<meta http-equiv=\"Content-Security-Policy\"[^>]*>\s*", re.IGNORECASE)


def source_hash(text: str) -> str:
    """``'sha256-…'`` of a script or style as CSP hashes it (UTF-8 bytes of the exact text)."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_sources(page: str | LexborHTMLParser) -> tuple[list[str], list[str]]:
    """The inline scripts a browser would run, and the ``style`` attribute values, of a page (its HTML or its parse)."""
    tree = LexborHTMLParser(page) if isinstance(page, str) else page
    scripts, styles = [], []
    for node in tree.css("script"):
        attributes = node.attributes
        if "src" in attributes or (attributes.get("type") or "").strip().lower() in DATA_SCRIPT_TYPES:
            continue
        scripts.append(node.text(deep=True) or "")
    for node in tree.css("[style]"):
        styles.append(node.attributes.get("style") or "")
    return scripts, styles


def policy(script_hashes: Iterable[str], style_hashes: Iterable[str], header: bool = False) -> str:
    """The policy for these hashes; ``header``: with the directives a ``<meta>`` cannot carry."""
    scripts = sorted(set(script_hashes))
    styles = sorted(set(style_hashes))
    directives = [
        "default-src 'self'",
        " ".join(["script-src 'self' 'wasm-unsafe-eval'", *scripts]),
        " ".join(["style-src 'self'", *(["'unsafe-hashes'", *styles] if styles else [])]),
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "media-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "frame-src 'none'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    if header:
        directives.append("frame-ancestors 'none'")
    return "; ".join(directives)


def page_hashes(page: str | LexborHTMLParser) -> tuple[set[str], set[str]]:
    """The hashes of a page's inline scripts and style attributes."""
    scripts, styles = inline_sources(page)
    return {source_hash(s) for s in scripts}, {source_hash(s) for s in styles}


@dataclass(frozen=True)
class SecuredPage:
    """A page with its policy, and the parse of the page it was computed from."""

    html: str
    tree: LexborHTMLParser  # the page without its policy (the audit and the search copy read it)
    has_policy: bool  # False only for a page without <meta charset> or <head>


def secure(html: str) -> SecuredPage:
    """The page with its policy as the first element after ``<meta charset>`` (a ``<meta>`` policy only
    governs what follows it). A page that has one already gets it anew."""
    html = EXISTING_META.sub("", html)
    tree = LexborHTMLParser(html)
    scripts, styles = page_hashes(tree)
    tag = f'<meta http-equiv="{META_NAME}" content="{policy(scripts, styles)}">'
    place = CHARSET.search(html) or re.search(r"<head[^>]*>", html, re.IGNORECASE)
    if place is None:
        return SecuredPage(html, tree, False)
    return SecuredPage(html[: place.end()] + tag + html[place.end():], tree, True)


def with_policy(html: str) -> str:
    """The page with its policy (:func:`secure`)."""
    return secure(html).html


def meta_policy(html: str) -> str | None:
    """The policy a page carries in its ``<meta>``, or None."""
    tree = LexborHTMLParser(html)
    for node in tree.css("meta[http-equiv]"):
        if (node.attributes.get("http-equiv") or "").lower() == META_NAME.lower():
            return node.attributes.get("content")
    return None


def header_policy(pages: Iterable[str]) -> str:
    """The server's header policy: the hashes of all these pages, and ``frame-ancestors 'none'``."""
    scripts, styles = set(), set()
    for html in pages:
        more_scripts, more_styles = page_hashes(html)
        scripts |= more_scripts
        styles |= more_styles
    return policy(scripts, styles, header=True)
