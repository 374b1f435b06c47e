"""MkDocs hook: an Atom feed per language (``atom.xml``, ``fr/atom.xml``…) of guides and events.

Why a hook and not a plugin: mkdocs-rss-plugin, the maintained feed plugin, writes RSS 2.0 and JSON Feed
but no Atom (its Atom request, issue #363, is still open), only knows pages, not the events of
``data/events/``, and dates entries from git or ``date`` front matter, not a guide's change log; the only
Atom plugin (mkdocs-atom-plugin 0.0.5, 2022) is unmaintained. The feed itself is built by
``kakehashi.render.feeds`` (standard library XML), here only handed to each language's build.
"""

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from kakehashi.build.language_build import language_build
from kakehashi.build.portal import current_portal
from kakehashi.data.events import load_events
from kakehashi.render.feeds import atom_feed, event_entries, guide_entries

FEED = "atom.xml"


def _feed_title(config, _):
    what = _("New and updated guides and events")
    return f"{config.site_name} — {what}"


# After mkdocs-static-i18n (-100), which sorts the files of each language: ours are added to its result.
@event_priority(-110)
def on_files(files, config):
    """``atom.xml`` in the language being built."""
    build = language_build(config.config_file_path, config.theme["language"])
    _ = build.gettext
    base = build.site.site_url + build.lang.url_prefix
    groups = current_portal(build.site).result.groups
    events = load_events(build.site.root)[0]
    entries = guide_entries(groups, build.code, base, _) + event_entries(events, build.code, build.locale, base, _)
    content = atom_feed(
        entries, title=_feed_title(config, _), subtitle=config.site_description or "", self_url=base + FEED,
        home_url=base, language=build.code, author=config.copyright or config.site_name,
    )
    # static-i18n builds every language with the same site_dir; its files carry the language prefix.
    files.append(File.generated(config, build.lang.url_prefix + FEED, content=content))
    return files


def on_page_context(context, page, config, nav):
    """``kk_feed`` for the ``<link rel="alternate" type="application/atom+xml">`` of every page."""
    build = language_build(config.config_file_path, config.theme["language"])
    context["kk_feed"] = {"href": build.lang.url_prefix + FEED, "title": _feed_title(config, build.gettext)}
    return context
