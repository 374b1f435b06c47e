"""Escaping contributor-supplied text for the Markdown and HTML the portal generates."""

from __future__ import annotations

import html
import re

MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}<>|#!~])")
MARKER = re.compile(r"<!--\s*kakehashi:(?P<name>[a-z-]+)\s*-->")


def md_text(text: object) -> str:
    """Plain text made inert in Markdown: HTML-escaped and Markdown syntax backslash-escaped."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=False))


def html_text(text: object) -> str:
    """Plain text for an HTML element or attribute."""
    return html.escape(str(text), quote=True)


def fill_markers(markdown: str, renderers: dict) -> str:
    """Replace each ``<!-- kakehashi:NAME -->`` marker with ``renderers[NAME]()``; unknown names stay."""
    def render(match: re.Match) -> str:
        renderer = renderers.get(match["name"])
        return renderer() if renderer else match[0]
    return MARKER.sub(render, markdown)
