"""MkDocs hook: fill the ``<!-- kakehashi:NAME -->`` markers of generated pages.

glossary (termbase), guide-list (Guides page), translation-status (chart and table), rules (rule
reference), benchmark (Performance page), pathway (pathway finder). The content comes from the core,
rendered in the language being built.
Under ``make serve``, the pages made from data files are rebuilt on every reload.
"""

from pathlib import Path

from mkdocs.plugins import event_priority

from kakehashi.bench.report import render_benchmark
from kakehashi.build.portal import current_portal
from kakehashi.build.roles import serving
from kakehashi.content.status import render_status_section
from kakehashi.render.glossary import render_glossary
from kakehashi.render.guide_list import render_guide_list
from kakehashi.render.markup import fill_markers
from kakehashi.render.pathway_page import render_pathway
from kakehashi.render.rule_reference import render_rule_reference
from kakehashi.render.ui_text import translations
from kakehashi.site_config import load_site_config

# Markers filled from data/ (watched by make serve). The others (guide list, translation status) follow
# the pages, and a live reload leaves them as they were, like MkDocs' navigation: rebuilding them all
# on every reload made an edit take 0.7 s longer to show at 400 pages per language.
FROM_DATA = ("events", "partners", "glossary", "pathway")


# After mkdocs-static-i18n's on_files (-100), which replaces every file with its copy for the language.
@event_priority(-110)
def on_files(files, config):
    """Under ``make serve`` (``mkdocs serve --dirty``), a page made from data files is rebuilt on every
    reload, even if its own file did not change: the data may have."""
    if serving():
        generated = current_portal(load_site_config(Path(config.config_file_path))).pages_with_markers(FROM_DATA)
        for file in files.documentation_pages():
            if file.src_uri in generated:
                file.is_modified = lambda: True
    return files


def on_page_markdown(markdown, page, config, files):
    """Replace the markers of this page, if it has any."""
    if "<!-- kakehashi:" not in markdown:
        return markdown
    site = load_site_config(Path(config.config_file_path))
    code = config.theme["language"]
    _ = translations(site.root / "locales", code).gettext
    portal = current_portal(site)
    lang = site.language(code)
    return fill_markers(markdown, {
        "glossary": lambda: render_glossary(portal.result.termbase, site, code, _),
        "guide-list": lambda: render_guide_list(portal.result.groups, code, site.default_language.code, lang.formatting_locale, _),
        "translation-status": lambda: render_status_section(portal.states, site, code, _),
        "rules": lambda: render_rule_reference(_),
        "benchmark": lambda: render_benchmark(site.root / "data" / "benchmark.json", _, lang.formatting_locale),
        "pathway": lambda: render_pathway(site.root, portal.result.groups, code, site.default_language.code, lang.formatting_locale, _),
    })
