"""MkDocs hook: the events' iCalendar files, ``events.ics`` (the calendar of the language being built)
and ``events/<id>.ics`` per dated event ("add to calendar"), as generated files of each language's build.
The Events page itself is a generated page (``kakehashi.render.generated``).
"""

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from kakehashi.build.language_build import language_build
from kakehashi.data.events import build_time, load_events
from kakehashi.render.calendar import calendar


# After mkdocs-static-i18n (-100), which sorts the files of each language: ours are added to its result.
@event_priority(-110)
def on_files(files, config):
    """``events.ics`` and ``events/<id>.ics`` in the language being built."""
    build = language_build(config.config_file_path, config.theme["language"])
    events = load_events(build.site.root, build_time())[0]  # findings: reported by the D rules
    _ = build.gettext
    base = build.site.site_url + build.lang.url_prefix
    events_label = _("Events")  # not inside the f-string: the extractor of `make i18n` would not see it
    name = f"{config.site_name} — {events_label}"

    def page_url(event):
        return f"{base}events/#event-{event.id}"

    # static-i18n builds every language with the same site_dir; its files carry the language prefix.
    prefix = build.lang.url_prefix
    files.append(File.generated(config, f"{prefix}events.ics", content=calendar(events, build.code, name, page_url, _)))
    for event in events:
        if event.confirmed:
            files.append(File.generated(config, f"{prefix}events/{event.id}.ics", content=calendar([event], build.code, name, page_url, _)))
    return files
