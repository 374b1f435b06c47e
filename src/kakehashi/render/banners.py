"""What a page tells its reader about its translation: shown in another language, or behind its source.

A stub translation is published with its fallback's text and a "not yet translated" banner; a missing
one gets the same banner on the page static-i18n falls back to; a translation behind its source gets
an "outdated" banner linking to the source.
"""

from __future__ import annotations

from kakehashi.build.portal import PortalState
from kakehashi.content.paths import page_url
from kakehashi.content.status import State
from kakehashi.site_config import SiteConfig


def fallback_language(portal: PortalState, site: SiteConfig, stem: str) -> str | None:
    """The language a reader is shown when theirs is missing: the default if published, else the source."""
    published = portal.published.get(stem)
    if published and site.default_language.code in published.variants:
        return site.default_language.code
    return portal.source_language(stem)


def published_body(portal: PortalState, site: SiteConfig, stem: str, code: str) -> str | None:
    """The Markdown to publish instead of a stub translation (its fallback's), or None for a real page."""
    cell = portal.states.get(stem, {}).get(code)
    if cell is None or cell.state is not State.STUB:
        return None
    fallback = portal.groups[stem].variants.get(fallback_language(portal, site, stem))
    return fallback.doc.body if fallback and fallback.doc else None


def translation_banners(portal: PortalState, site: SiteConfig, stem: str, code: str) -> dict:
    """``kk_fallback`` ({language}) and ``kk_outdated`` ({lines, sections, href, language}) for the templates."""
    cell = portal.states.get(stem, {}).get(code)
    banners = {"kk_fallback": None, "kk_outdated": None}
    if cell is None or cell.state in (State.MISSING, State.STUB):
        fallback = fallback_language(portal, site, stem)
        if fallback and fallback != code:
            banners["kk_fallback"] = {"language": site.language(fallback).name_in(code)}
    elif cell.state is State.OUTDATED:
        source = portal.source_language(stem)
        banners["kk_outdated"] = {
            "lines": cell.drift.changed_lines if cell.drift else None,
            "sections": ", ".join(cell.drift.sections) if cell.drift else "",
            "href": page_url(stem, site.language(source).url_prefix),
            "language": site.language(source).name_in(code),
        }
    return banners
