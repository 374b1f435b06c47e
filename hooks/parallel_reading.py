"""MkDocs hook: side-by-side reading. A page published in several languages offers each other language
(``kk_parallel``: ``{lang, name, href}``); docs/assets/kakehashi-parallel.js turns the offer into
``?with=<lang>``, which shows both versions in two columns aligned section by section. Without
JavaScript each offer is a plain link to the other language's page."""

from pathlib import Path

from mkdocs.plugins import event_priority

from kakehashi.build.portal import current_portal
from kakehashi.content.paths import page_url
from kakehashi.site_config import load_site_config

_state = {}


def on_pre_build(config):
    _state["site"] = load_site_config(Path(config.config_file_path))


# After hooks/translations.py (40), like the other furniture.
@event_priority(30)
def on_page_context(context, page, config, nav):
    """``kk_parallel``: the other languages this page is really published in (fallbacks and stubs left out)."""
    site, code = _state["site"], config.theme["language"]
    stem = getattr(page.file, "norm_src_uri", page.file.src_uri).removesuffix(".md")
    group = current_portal(site).published.get(stem)
    context["kk_parallel"] = [
        {"lang": other.code, "name": other.display_name, "href": page_url(stem, other.url_prefix)}
        for other in site.languages
        if group and code in group.variants and other.code != code and other.code in group.variants
    ]
    return context
