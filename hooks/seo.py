"""MkDocs hook: a 404 page per language and one sitemap with hreflang alternates (behind an index).

mkdocs-static-i18n writes every language's 404.html to the same place (the last one built wins)
and advertises fallback pages as translations in its sitemap; this hook mends both.
"""

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

from kakehashi.build.language_build import language_build
from kakehashi.build.portal import current_portal
from kakehashi.build.roles import finishing_build
from kakehashi.render.seo import PAGES_SITEMAP, sitemap_index_xml, sitemap_xml


def on_template_context(context, template_name, config):
    """Give the 404 page a link to its language's home page, and a language switcher that leads to
    each language's home (static-i18n leaves it pointing at the last page it rendered)."""
    if template_name == "404.html":
        site = language_build(config.config_file_path, config.theme["language"]).site
        root = urlsplit(site.site_url).path
        context["kk_home"] = root + site.language(config.theme["language"]).url_prefix
        # static-i18n sets the attribute (which Jinja reads before the key): set it the same way.
        config.extra.alternate = [
            {**entry, "link": root + site.language(entry["lang"]).url_prefix}
            for entry in getattr(config.extra, "alternate", None) or config.extra.get("alternate", [])
            if entry.get("lang") in site.codes
        ]
    return context


def on_post_template(output, template_name, config):
    """Every language build writes its 404 page into its own folder (``fr/404.html``); only the default
    language's is written at the site root (an empty output tells MkDocs not to write it)."""
    if template_name == "404.html":
        lang = language_build(config.config_file_path, config.theme["language"]).lang
        target = Path(config.site_dir) / lang.url_prefix / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")
        if not lang.default:
            return ""
    return output


# After mkdocs-static-i18n (-100) and the collection of the language workers (-90).
@event_priority(-110)
def on_post_build(config):
    """Write the multilingual sitemap once all languages are in ``site_dir`` (main build only)."""
    if not finishing_build(getattr(config.plugins["i18n"], "building", False)):
        return
    site = language_build(config.config_file_path, config.theme["language"]).site
    site_dir = Path(config.site_dir)
    published = current_portal(site).published
    (site_dir / PAGES_SITEMAP).write_text(sitemap_xml(list(published.values()), site), encoding="utf-8")
    # Also in each language folder: Material's script fetches sitemap.xml next to the page's Atom feed link.
    for language in site.languages:
        (site_dir / language.url_prefix / "sitemap.xml").write_text(sitemap_index_xml(site), encoding="utf-8")
    (site_dir / "sitemap.xml.gz").unlink(missing_ok=True)
