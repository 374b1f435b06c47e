"""MkDocs hook: term cards in guides. The first occurrence of each termbase term in a guide's HTML is
marked with its definition and the term in the other languages (``kakehashi.render.term_cards``)."""

from pathlib import Path

from kakehashi.build.portal import current_portal
from kakehashi.render.term_cards import TermMarker
from kakehashi.site_config import load_site_config

_state = {}


def on_pre_build(config):
    _state["site"] = load_site_config(Path(config.config_file_path))
    _state["markers"] = {}  # one per language, for this build's termbase


def _marker(language: str, termbase) -> TermMarker:
    if language not in _state["markers"]:
        site = _state["site"]

        def name(other: str) -> str:
            label = site.language(other).name_in(language)
            return label[:1].upper() + label[1:]

        _state["markers"][language] = TermMarker(termbase, language, name)
    return _state["markers"][language]


def on_page_content(html, page, config, files):
    """Mark the terms of a guide (not of the Guides index)."""
    stem = getattr(page.file, "norm_src_uri", page.file.src_uri).removesuffix(".md")
    if not stem.startswith("guides/") or stem.endswith("/index"):
        return html
    site, portal = _state["site"], current_portal(_state["site"])
    # A page missing in this language shows its fallback's text: its terms are that language's.
    group, code = portal.published.get(stem), config.theme["language"]
    language = code if group is None or code in group.variants else site.default_language.code
    return _marker(language, portal.result.termbase).mark(html)
