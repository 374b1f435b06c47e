"""MkDocs hook: run the checks once per build, and show readers the state of each translation.

- The validator runs once per ``mkdocs build``, in the main build, which reads every page once and
  hands the state to the language workers of ``parallel_languages``. The checks run in background
  processes while the pages are built; their errors fail ``--strict`` at the end of the build.
- Stubs, missing and outdated translations get their banners (``kakehashi.render.banners``).
- hreflang alternates advertise real translations only.
"""

from mkdocs.plugins import event_priority, get_plugin_logger

from kakehashi.build import handoff
from kakehashi.build.language_build import language_build
from kakehashi.build.portal import current_portal, expect_portal, portal_state
from kakehashi.build.roles import worker_language
from kakehashi.checks.findings import Severity
from kakehashi.render.banners import published_body, translation_banners
from kakehashi.render.seo import alternates

log = get_plugin_logger(__name__)
_state = {}


def on_pre_build(config):
    """Read every page once and start the checks; a language worker gets what the main build read."""
    site = language_build(config.config_file_path, config.theme["language"]).site
    if worker_language():
        expect_portal(site, handoff.receive)  # read and checked by the main build, which reports the findings
        _state.update(site=site, report=False)
        return
    _, fresh = portal_state(site, on_read=handoff.send)
    # Reported once per change, not per language. A language that mkdocs-static-i18n builds in this
    # process (under serve, or with the speed-ups off) starts before the main build ends: it must not
    # drop a report still due, which the first build to end then makes.
    _state.update(site=site, report=fresh or _state.get("report", False))


# After all other post-build work (the end audit of hooks/security.py is -120): the checks go on in the
# background until their findings are needed here, while that work runs.
@event_priority(-130)
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


def on_page_markdown(markdown, page, config, files):
    """Publish a stub with the text of its fallback language instead of an empty page."""
    return published_body(_portal(), _state["site"], _stem(page), config.theme["language"]) or markdown


# After mkdocs-static-i18n's page context (50), which sets the switcher links.
@event_priority(40)
def on_page_context(context, page, config, nav):
    """``kk_alternates``, ``kk_fallback`` and ``kk_outdated`` (see ``kakehashi.render.banners``)."""
    site, portal, stem = _state["site"], _portal(), _stem(page)
    group = portal.published.get(stem)
    context["kk_alternates"] = alternates(group, site) if group else []
    context.update(translation_banners(portal, site, stem, config.theme["language"]))
    return context
