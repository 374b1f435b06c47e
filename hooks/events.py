"""MkDocs hook: the events calendar.

- Checks ``data/events/`` once per build (errors fail ``--strict``, with file and line).
- Fills the ``<!-- kakehashi:events -->`` marker of the Events page: upcoming events, then the archive,
  each with the guides relevant to it.
- Writes ``events.ics`` (the calendar of the language being built) and ``events/<id>.ics`` per dated
  event ("add to calendar"), as generated files of each language's build.
"""

from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File

from kakehashi.build.portal import current_portal
from kakehashi.content.paths import page_url, relative_url
from kakehashi.data.crosslinks import guide_tags, guides_for_event
from kakehashi.data.events import build_time, load_events
from kakehashi.render.calendar import calendar
from kakehashi.render.crosslinks import render_related_guides
from kakehashi.render.events_page import render_events
from kakehashi.render.ui_text import translations
from kakehashi.site_config import load_site_config

log = get_plugin_logger(__name__)
MARKER = "<!-- kakehashi:events -->"
_state = {}


def on_pre_build(config):
    """Load the events once per language build (their findings are reported with all checks by
    hooks/translations.py, through the D rules)."""
    site = load_site_config(Path(config.config_file_path))
    now = build_time()
    events, _ = load_events(site.root, now)
    _state.update(site=site, now=now, events=events)


def _language(config):
    site = _state["site"]
    code = config.theme["language"]
    return site, code, site.language(code), translations(site.root / "locales", code).gettext


# After mkdocs-static-i18n (-100), which sorts the files of each language: ours are added to its result.
@event_priority(-110)
def on_files(files, config):
    """``events.ics`` and ``events/<id>.ics`` in the language being built."""
    site, code, lang, _ = _language(config)
    base = site.site_url + lang.url_prefix

    def page_url(event):
        return f"{base}events/#event-{event.id}"

    events_label = _("Events")
    name = f"{config.site_name} — {events_label}"
    events = _state["events"]
    # static-i18n builds every language with the same site_dir; its files carry the language prefix.
    prefix = lang.url_prefix
    files.append(File.generated(config, f"{prefix}events.ics", content=calendar(events, code, name, page_url, _)))
    for event in events:
        if event.confirmed:
            files.append(File.generated(config, f"{prefix}events/{event.id}.ics", content=calendar([event], code, name, page_url, _)))
    return files


def on_page_content(html, page, config, files):
    """Replace the marker of the Events page with the rendered list."""
    if getattr(page.file, "norm_src_uri", page.file.src_uri) not in ("events/index.md",):
        return html
    if MARKER not in html:
        log.warning(f"{page.file.src_uri}: no {MARKER} marker, so the events list is not shown: add the marker below the introduction")
        return html
    site, code, lang, _ = _language(config)
    guides = guide_tags(current_portal(site).groups.values(), site.default_language.code)
    here = page_url("events/index", lang.url_prefix)

    def related(event):
        return render_related_guides(guides_for_event(event, guides, code), code, _,
                                     lambda target: relative_url(lang.url_prefix + target, here))

    rendered = render_events(
        _state["events"], code, lang.formatting_locale, _, _state["now"],
        ics_href=lambda event: f"{event.id}.ics", calendar_href="../events.ics", feed_href="../atom.xml", related=related,
    )
    return html.replace(MARKER, rendered, 1)
