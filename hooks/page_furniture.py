"""MkDocs hook: furniture of each page from its front matter.

Adds to the template context: ``kk_last_verified`` (and ``kk_label_gap``, what follows a label's colon
in the page's language), ``kk_changes`` (the change log), ``kk_review_due``
(a notice when the review interval has passed on the build day: ``SOURCE_DATE_EPOCH`` for a
reproducible build), ``kk_sources`` and, on home pages
(``kk_is_home``), ``kk_suggestions`` (a notice offering each other language, written in that language).
"""

from kakehashi.build.language_build import language_build
from kakehashi.content.paths import page_url
from kakehashi.data.events import build_time
from kakehashi.languages import profile
from kakehashi.render.furniture import change_log, last_verified_text, review_notice, source_links


def on_page_context(context, page, config, nav):
    """Put the page's furniture into the template context."""
    build = language_build(config.config_file_path, config.theme["language"])
    site, code, lang = build.site, build.code, build.lang
    stem = getattr(page.file, "norm_src_uri", page.file.src_uri).removesuffix(".md")
    context["kk_last_verified"] = last_verified_text(page.meta, lang.formatting_locale)
    context["kk_label_gap"] = profile(code).label_gap
    context["kk_changes"] = change_log(page.meta, lang.formatting_locale)
    context["kk_review_due"] = review_notice(page.meta, lang.formatting_locale, build_time().date())
    context["kk_sources"] = source_links(page.meta)
    context["kk_is_home"] = stem == "index"
    context["kk_language_in_progress"] = code in site.in_progress
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
                "text": language_build(config.config_file_path, other.code).gettext("Read this portal in English"),
            }
            for other in site.languages
            if other.code != code
        ]
    return context
