"""MkDocs hook: at the end of each guide, the directory entries and upcoming events relevant to it.

The links are computed at build time from controlled tags (guides' ``category``, ``jurisdiction`` and
``products``; entries' ``topics`` and ``products``) by ``kakehashi.data.crosslinks``, never hand lists.
"""

from pathlib import Path

from kakehashi.build.portal import current_portal
from kakehashi.content.paths import page_url, relative_url
from kakehashi.data.crosslinks import guide_tags
from kakehashi.data.events import build_time, load_events
from kakehashi.data.partners import load_partners
from kakehashi.render.crosslinks import related_key, render_guide_related
from kakehashi.render.ui_text import translations
from kakehashi.site_config import load_site_config

_state = {}


def on_pre_build(config):
    """Load the directory and the events once per language build (their findings are reported by
    hooks/translations.py)."""
    site = load_site_config(Path(config.config_file_path))
    now = build_time()
    _state.update(site=site, now=now, directory=load_partners(site.root), events=load_events(site.root, now)[0], guides=None,
                  sections={})


def _guides():
    if _state["guides"] is None:
        site = _state["site"]
        _state["guides"] = {g.stem: g for g in guide_tags(current_portal(site).groups.values(), site.default_language.code)}
    return _state["guides"]


def on_page_content(html, page, config, files):
    """Append the related organisations and events to a guide."""
    stem = getattr(page.file, "norm_src_uri", page.file.src_uri).removesuffix(".md")
    guide = _guides().get(stem)
    if guide is None:
        return html
    site, code = _state["site"], config.theme["language"]
    lang = site.language(code)
    here = page_url(stem, lang.url_prefix)
    key = (code, related_key(guide, here))
    if key not in _state["sections"]:
        section = render_guide_related(
            guide, _state["directory"].partners, _state["directory"].vocabulary, _state["events"], _state["now"],
            code, lang.formatting_locale, translations(site.root / "locales", code).gettext,
            lambda target: relative_url(lang.url_prefix + target, here),
        )
        _state["sections"][key] = str(section) if section else ""  # str(): Markup + would escape the page
    return html + _state["sections"][key]
