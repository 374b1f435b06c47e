"""Contributed text made inert in the Markdown of generated pages, and the markers those pages carry."""

from __future__ import annotations

import re

from markupsafe import escape

MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}<>|#!~])")
MARKER = re.compile(r"<!--\s*kakehashi:(?P<name>[a-z-]+)\s*-->")


def md_text(text: object) -> str:
    """Plain text made inert in Markdown: HTML-escaped (MarkupSafe, as everywhere) and Markdown syntax
    backslash-escaped."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", str(escape(str(text))))


def fill_markers(markdown: str, renderers: dict) -> str:
    """Replace each ``<!-- kakehashi:NAME -->`` marker with ``renderers[NAME]()``; unknown names stay."""
    def render(match: re.Match) -> str:
        renderer = renderers.get(match["name"])
        return renderer() if renderer else match[0]
    return MARKER.sub(render, markdown)
