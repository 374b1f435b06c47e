"""MkDocs hook: term cards in guides. The first occurrence of each termbase term in a guide's HTML is
marked with its definition and the term in the other languages (``kakehashi.render.term_cards``)."""

from pathlib import Path

from kakehashi.build.portal import current_portal
from kakehashi.render.term_cards import mark_terms
from kakehashi.site_config import load_site_config

_state = {}


def on_pre_build(config):
    _state["site"] = load_site_config(Path(config.config_file_path))


def on_page_content(html, page, config, files):
    """Mark the terms of a guide (not of the Guides index)."""
    stem = getattr(page.file, "norm_src_uri", page.file.src_uri).removesuffix(".md")
    if not stem.startswith("guides/") or stem.endswith("/index"):
        return html
    site, code = _state["site"], config.theme["language"]

    def name(other: str) -> str:
        label = site.language(other).name_in(code)
        return label[:1].upper() + label[1:]

    return mark_terms(html, current_portal(site).result.termbase, code, name)
