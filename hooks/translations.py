"""MkDocs hook: run the checks once per build, and show readers the state of each translation.

- The validator runs once per ``mkdocs build``, in the main build, which reads every page once and
  hands the state to the language workers of ``parallel_languages``. The checks run in background
  processes while the pages are built; their errors fail ``--strict`` at the end of the build.
- A stub translation is published with its fallback's text and a "not yet translated" banner;
  a missing one gets the same banner on the English page static-i18n falls back to.
- A translation behind its source gets an "outdated" banner linking to the source.
- hreflang alternates advertise real translations only.
"""

from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger

from kakehashi.build import handoff
from kakehashi.build.portal import current_portal, expect_portal, portal_state
from kakehashi.build.roles import worker_language
from kakehashi.checks.findings import Severity
from kakehashi.content.paths import page_url
from kakehashi.content.status import State
from kakehashi.render.seo import alternates
from kakehashi.site_config import load_site_config

log = get_plugin_logger(__name__)
_state = {}


def on_pre_build(config):
    """Read every page once and start the checks; a language worker gets what the main build read."""
    site = load_site_config(Path(config.config_file_path))
    if worker_language():
        expect_portal(site, handoff.receive)  # read and checked by the main build, which reports the findings
        _state.update(site=site, report=False)
        return
    _, fresh = portal_state(site, on_read=handoff.send)
    _state.update(site=site, report=fresh)  # reported once per change, not per language


# After the other hooks' post-build work (search index: -80), before parallel_languages collects the workers (-90).
@event_priority(-85)
def on_post_build(config):
    """Log the checks' findings (errors as warnings, so ``--strict`` fails)."""
    if not _state.pop("report", False):
        return
    for finding in _portal().checked().findings:
        if finding.severity is Severity.ERROR:
            log.warning(finding.as_text())
        elif finding.severity is Severity.WARNING:
            log.info(finding.as_text())


def _stem(page) -> str:
    return getattr(page.file, "norm_src_uri", page.file.src_uri).removesuffix(".md")


def _portal():
    return current_portal(_state["site"])


def _fallback_language(stem: str) -> str | None:
    """The language a reader is shown when theirs is missing: the default if published, else the source."""
    default = _state["site"].default_language.code
    published = _portal().published.get(stem)
    if published and default in published.variants:
        return default
    return _portal().source_language(stem)


def on_page_markdown(markdown, page, config, files):
    """Publish a stub with the text of its fallback language instead of an empty page."""
    stem, code = _stem(page), config.theme["language"]
    cell = _portal().states.get(stem, {}).get(code)
    if cell is not None and cell.state is State.STUB:
        fallback = _portal().groups[stem].variants.get(_fallback_language(stem))
        return fallback.doc.body if fallback and fallback.doc else markdown
    return markdown


# After mkdocs-static-i18n's page context (50), which sets the switcher links.
@event_priority(40)
def on_page_context(context, page, config, nav):
    """``kk_alternates``, ``kk_fallback`` ({language, href}) and ``kk_outdated`` ({lines, sections, href})."""
    site, portal, stem, code = _state["site"], _portal(), _stem(page), config.theme["language"]
    group = portal.published.get(stem)
    context["kk_alternates"] = alternates(group, site) if group else []
    cell = portal.states.get(stem, {}).get(code)
    context["kk_fallback"] = None
    context["kk_outdated"] = None
    if cell is None or cell.state in (State.MISSING, State.STUB):
        fallback = _fallback_language(stem)
        if fallback and fallback != code:
            context["kk_fallback"] = {"language": site.language(fallback).name_in(code)}
    elif cell.state is State.OUTDATED:
        source = portal.source_language(stem)
        context["kk_outdated"] = {
            "lines": cell.drift.changed_lines if cell.drift else None,
            "sections": ", ".join(cell.drift.sections) if cell.drift else "",
            "href": page_url(stem, site.language(source).url_prefix),
            "language": site.language(source).name_in(code),
        }
    return context
