"""MkDocs hook: the partner directory.

- Checks ``data/partners/`` and ``data/vocabulary.yaml`` once per build (errors fail ``--strict``).
- Fills the ``<!-- kakehashi:partners -->`` marker of the Partners page with the filters, the
  profiles, their possible matches and the guides relevant to each (computed here, at build time, by the core).
"""

from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from kakehashi.build.portal import current_portal
from kakehashi.content.paths import page_url, relative_url
from kakehashi.data.crosslinks import guide_tags, guides_for_partner
from kakehashi.data.partners import load_partners
from kakehashi.render.crosslinks import render_related_guides
from kakehashi.render.partners_page import render_directory
from kakehashi.render.ui_text import translations
from kakehashi.site_config import load_site_config

log = get_plugin_logger(__name__)
MARKER = "<!-- kakehashi:partners -->"
_state = {}


def on_pre_build(config):
    """Load the profiles once per language build (their findings are reported with all checks by
    hooks/translations.py, through the D rules)."""
    site = load_site_config(Path(config.config_file_path))
    directory = load_partners(site.root)
    _state.update(site=site, directory=directory)


def on_page_content(html, page, config, files):
    """Replace the marker of the Partners page with the directory."""
    if getattr(page.file, "norm_src_uri", page.file.src_uri) != "partners/index.md":
        return html
    if MARKER not in html:
        log.warning(f"{page.file.src_uri}: no {MARKER} marker, so the directory is not shown: add the marker below the introduction")
        return html
    directory, site = _state["directory"], _state["site"]
    if directory.vocabulary is None:
        return html.replace(MARKER, "", 1)  # the findings already say why
    code = config.theme["language"]
    lang = site.language(code)
    _ = translations(site.root / "locales", code).gettext
    guides = guide_tags(current_portal(site).groups.values(), site.default_language.code)
    here = page_url("partners/index", lang.url_prefix)

    def related(partner):
        return render_related_guides(guides_for_partner(partner, guides, code), code, _,
                                     lambda target: relative_url(lang.url_prefix + target, here))

    rendered = render_directory(directory.partners, directory.vocabulary, code, lang.formatting_locale, _, related)
    return html.replace(MARKER, rendered, 1)
