"""MkDocs hook: an Atom feed per language (``atom.xml``, ``fr/atom.xml``…) of guides and events.

Why a hook and not a plugin: mkdocs-rss-plugin, the maintained feed plugin, writes RSS 2.0 and JSON Feed
but no Atom (its Atom request, issue #363, is still open), only knows pages, not the events of
``data/events/``, and dates entries from git or ``date`` front matter, not ``last_verified``; the only
Atom plugin (mkdocs-atom-plugin 0.0.5, 2022) is unmaintained. The feed itself is built by
``kakehashi.render.feeds`` (standard library XML), here only handed to each language's build.
"""

from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from kakehashi.build.portal import current_portal
from kakehashi.data.events import load_events
from kakehashi.render.feeds import atom_feed, event_entries, guide_entries
from kakehashi.render.ui_text import translations
from kakehashi.site_config import load_site_config

FEED = "atom.xml"


def _feed_title(config, _):
    what = _("New and updated guides and events")
    return f"{config.site_name} — {what}"


# After mkdocs-static-i18n (-100), which sorts the files of each language: ours are added to its result.
@event_priority(-110)
def on_files(files, config):
    """``atom.xml`` in the language being built."""
    site = load_site_config(Path(config.config_file_path))
    code = config.theme["language"]
    lang = site.language(code)
    _ = translations(site.root / "locales", code).gettext
    base = site.site_url + lang.url_prefix
    groups = current_portal(site).result.groups
    events = load_events(site.root)[0]
    entries = guide_entries(groups, code, base, _) + event_entries(events, code, lang.formatting_locale, base, _)
    content = atom_feed(
        entries, title=_feed_title(config, _), subtitle=config.site_description or "", self_url=base + FEED,
        home_url=base, language=code, author=config.copyright or config.site_name,
    )
    # static-i18n builds every language with the same site_dir; its files carry the language prefix.
    files.append(File.generated(config, lang.url_prefix + FEED, content=content))
    return files


def on_page_context(context, page, config, nav):
    """``kk_feed`` for the ``<link rel="alternate" type="application/atom+xml">`` of every page."""
    site = load_site_config(Path(config.config_file_path))
    code = config.theme["language"]
    _ = translations(site.root / "locales", code).gettext
    context["kk_feed"] = {"href": site.language(code).url_prefix + FEED, "title": _feed_title(config, _)}
    return context
