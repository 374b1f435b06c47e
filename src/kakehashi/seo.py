"""Signals for browsers and search engines: hreflang alternates and the multilingual sitemap."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from .pages import PageGroup, page_url
from .site_config import SiteConfig


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
