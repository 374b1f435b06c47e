"""MkDocs hook: fill the ``<!-- kakehashi:NAME -->`` markers of generated pages.

glossary (termbase), guide-list (Guides page), translation-status (chart and table), rules (rule
reference), benchmark (Performance page). The content comes from the core, rendered in the language being built.
"""

from pathlib import Path

from kakehashi.bench.report import render_benchmark
from kakehashi.glossary import render_glossary
from kakehashi.guide_index import render_guide_list
from kakehashi.markup import fill_markers
from kakehashi.portal import current_portal
from kakehashi.rule_reference import render_rule_reference
from kakehashi.site_config import load_site_config
from kakehashi.status import render_status_section
from kakehashi.ui_text import translations


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
    })
