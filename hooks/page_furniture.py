"""MkDocs hook: furniture of each page from its front matter.

Adds to the template context: ``kk_last_verified``, ``kk_sources`` and, on home pages
(``kk_is_home``), ``kk_suggestions`` (a notice offering each other language, written in that language).
"""

from pathlib import Path

from kakehashi.content.paths import page_url
from kakehashi.render.furniture import last_verified_text, source_links
from kakehashi.render.ui_text import translations
from kakehashi.site_config import load_site_config

_state = {}


def on_pre_build(config):
    """Read the site's languages once per build."""
    _state["site"] = load_site_config(Path(config.config_file_path))


def on_page_context(context, page, config, nav):
    """Put the page's furniture into the template context."""
    site = _state["site"]
    code = config.theme["language"]
    lang = site.language(code)
    stem = getattr(page.file, "norm_src_uri", page.file.src_uri).removesuffix(".md")
    context["kk_last_verified"] = last_verified_text(page.meta, lang.formatting_locale)
    context["kk_sources"] = source_links(page.meta)
    context["kk_is_home"] = stem == "index"
    # Pages kept out of the sidebar (the guides) get a way back to their section's index page.
    section = stem.split("/")[0] if "/" in stem and page.parent is None else None
    context["kk_section"] = {"name": section, "href": page_url(f"{section}/index", lang.url_prefix)} if section else None
    if context["kk_is_home"]:
        context["kk_is_default_language"] = code == site.default_language.code
        context["kk_suggestions"] = [
            {
                "lang": other.code,
                "href": page_url("index", other.url_prefix),
                # Translators: an offer to switch to YOUR language, shown on another language's home page.
                "text": translations(site.root / "locales", other.code).gettext("Read this portal in English"),
            }
            for other in site.languages
            if other.code != code
        ]
    return context
