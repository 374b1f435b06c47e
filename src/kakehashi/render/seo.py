"""Signals for browsers and search engines: hreflang alternates and the multilingual sitemap.

The sitemap is in two files: ``sitemap.xml`` is a sitemap *index* that points to ``sitemap-pages.xml``,
which lists the pages. Material's script fetches ``sitemap.xml`` next to every ``<link
rel="alternate">`` of a page, on every page view, for its language switcher (which the portal does not
need: its switcher links to the right page already); the language homes are alternates of one
another, so their readers would download the whole list (megabytes on a large portal) where
they now get a few hundred bytes. Since then the hreflang links say ``rel="alternate "`` (the same
token, which Material's exact-value selector does not match): no lookup at all, hence no 404 and no
connection to ``site_url`` from a copy served elsewhere. The Atom feed link still triggers one, next to
the feed: each language folder has a copy of the index.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from kakehashi.content.paths import PageGroup, page_url
from kakehashi.site_config import SiteConfig

PAGES_SITEMAP = "sitemap-pages.xml"


def alternates(group: PageGroup, site: SiteConfig) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) for each language that really has the page, plus ``x-default``.

    A language that would only show the English fallback is not advertised.
    """
    links = [
        (lang.code, site.site_url + page_url(group.stem, lang.url_prefix))
        for lang in site.languages
        if lang.code in group.variants
    ]
    default = site.default_language
    if default.code in group.variants:
        links.append(("x-default", site.site_url + page_url(group.stem, default.url_prefix)))
    return links


def sitemap_xml(groups: list[PageGroup], site: SiteConfig) -> str:
    """A sitemap listing every real page variant with its ``xhtml:link`` alternates."""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for group in groups:
        links = alternates(group, site)
        for lang in site.languages:
            if lang.code not in group.variants:
                continue
            out.append(f"  <url><loc>{escape(site.site_url + page_url(group.stem, lang.url_prefix))}</loc>")
            out.extend(
                f"    <xhtml:link rel=\"alternate\" hreflang={quoteattr(code)} href={quoteattr(url)}/>"
                for code, url in links
            )
            out.append("  </url>")
    out.append("</urlset>")
    return "\n".join(out) + "\n"


def sitemap_index_xml(site: SiteConfig) -> str:
    """The sitemap index (``sitemap.xml``) pointing to the list of pages."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"  <sitemap><loc>{escape(site.site_url + PAGES_SITEMAP)}</loc></sitemap>\n"
        "</sitemapindex>\n"
    )
