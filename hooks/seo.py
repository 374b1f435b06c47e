"""MkDocs hook: a 404 page per language and one sitemap with hreflang alternates.

mkdocs-static-i18n writes every language's 404.html to the same place (the last one built wins)
and advertises fallback pages as translations in its sitemap; this hook mends both.
"""

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

from kakehashi.portal import portal_state
from kakehashi.seo import sitemap_xml
from kakehashi.site_config import load_site_config

_not_found_pages = {}


def on_template_context(context, template_name, config):
    """Give the 404 page a link to its language's home page."""
    if template_name == "404.html":
        site = load_site_config(Path(config.config_file_path))
        prefix = site.language(config.theme["language"]).url_prefix
        context["kk_home"] = urlsplit(site.site_url).path + prefix
    return context


def on_post_template(output, template_name, config):
    """Keep each language's rendered 404 page until all languages are built."""
    if template_name == "404.html":
        _not_found_pages[config.theme["language"]] = output
    return output


# After mkdocs-static-i18n (-100): in the outermost build, every language has been built by then.
@event_priority(-110)
def on_post_build(config):
    """Write ``<lang>/404.html`` per language and the multilingual sitemap, once all languages are built."""
    if getattr(config.plugins.get("i18n"), "building", False):
        return
    site = load_site_config(Path(config.config_file_path))
    site_dir = Path(config.site_dir)
    for lang in site.languages:
        if lang.code in _not_found_pages:
            target = site_dir / lang.url_prefix / "404.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(_not_found_pages[lang.code], encoding="utf-8")
    published = portal_state(site)[0].published
    (site_dir / "sitemap.xml").write_text(sitemap_xml(list(published.values()), site), encoding="utf-8")
    (site_dir / "sitemap.xml.gz").unlink(missing_ok=True)
