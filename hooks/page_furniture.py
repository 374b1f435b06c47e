"""MkDocs hook: furniture of each page from its front matter and its language variants.

Adds to the template context: ``kk_last_verified``, ``kk_sources``, ``kk_alternates`` (hreflang),
``kk_fallback`` (page shown in the default language because the reader's is missing) and, on home
pages (``kk_is_home``), ``kk_suggestions`` (a notice offering each other language, written in that language).
"""

from pathlib import Path

from mkdocs.plugins import event_priority

from kakehashi.page_meta import last_verified_text, source_links
from kakehashi.pages import page_url, scan_docs
from kakehashi.seo import alternates
from kakehashi.site_config import load_site_config
from kakehashi.ui_text import translations

_state = {}


def on_pre_build(config):
    """Read the site's languages and page variants once per language build (cheap: a directory walk)."""
    site = load_site_config(Path(config.config_file_path))
    _state["site"] = site
    _state["groups"] = scan_docs(site.docs_dir, site.codes, site.default_language.code)


# After mkdocs-static-i18n's page context (50), which sets the switcher links.
@event_priority(40)
def on_page_context(context, page, config, nav):
    """Put the page's furniture into the template context."""
    site, groups = _state["site"], _state["groups"]
    code = config.theme["language"]
    lang = site.language(code)
    stem = getattr(page.file, "norm_src_uri", page.file.src_uri).removesuffix(".md")
    group = groups.get(stem)
    context["kk_last_verified"] = last_verified_text(page.meta, lang.formatting_locale)
    context["kk_sources"] = source_links(page.meta)
    context["kk_alternates"] = alternates(group, site) if group else []
    context["kk_fallback"] = bool(group) and code not in group.variants
    context["kk_is_home"] = stem == "index"
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
