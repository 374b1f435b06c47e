"""MkDocs hook: a 404 page per language and one sitemap with hreflang alternates (behind an index).

mkdocs-static-i18n writes every language's 404.html to the same place (the last one built wins)
and advertises fallback pages as translations in its sitemap; this hook mends both.
"""

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

from kakehashi.build_roles import finishing_build
from kakehashi.portal import current_portal
from kakehashi.seo import PAGES_SITEMAP, sitemap_index_xml, sitemap_xml
from kakehashi.site_config import load_site_config


def on_template_context(context, template_name, config):
    """Give the 404 page a link to its language's home page."""
    if template_name == "404.html":
        site = load_site_config(Path(config.config_file_path))
        prefix = site.language(config.theme["language"]).url_prefix
        context["kk_home"] = urlsplit(site.site_url).path + prefix
    return context


def on_post_template(output, template_name, config):
    """Every language build writes its 404 page into its own folder (``fr/404.html``)."""
    if template_name == "404.html":
        site = load_site_config(Path(config.config_file_path))
        target = Path(config.site_dir) / site.language(config.theme["language"]).url_prefix / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")
    return output


# After mkdocs-static-i18n (-100) and the collection of the language workers (-90).
@event_priority(-110)
def on_post_build(config):
    """Write the multilingual sitemap once all languages are in ``site_dir`` (main build only)."""
    if not finishing_build(getattr(config.plugins["i18n"], "building", False)):
        return
    site = load_site_config(Path(config.config_file_path))
    site_dir = Path(config.site_dir)
    published = current_portal(site).published
    (site_dir / PAGES_SITEMAP).write_text(sitemap_xml(list(published.values()), site), encoding="utf-8")
    # Also in each language folder: Material's script fetches sitemap.xml next to the page's Atom feed link.
    for language in site.languages:
        (site_dir / language.url_prefix / "sitemap.xml").write_text(sitemap_index_xml(site), encoding="utf-8")
    (site_dir / "sitemap.xml.gz").unlink(missing_ok=True)
