"""MkDocs hook: order the navigation as ``extra.kakehashi.nav_order`` says."""

from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Section

from kakehashi.render.navigation import nav_sort_key


def _stem(item, config) -> str:
    if isinstance(item, Section):
        first = _stem(item.children[0], config)
        return first.rsplit("/", 1)[0]
    if item.file is None:
        return item.title or ""
    # mkdocs-static-i18n records the language-neutral source path of every file.
    return getattr(item.file, "norm_src_uri", item.file.src_uri).removesuffix(".md")


def _sort(items, config, order):
    items.sort(key=lambda item: nav_sort_key(_stem(item, config), order))
    for item in items:
        if isinstance(item, Section):
            _sort(item.children, config, order)


# After mkdocs-static-i18n (-100), which rebuilds the navigation of each language.
@event_priority(-110)
def on_nav(nav, config, files):
    """Sort sections and pages, then relink previous/next in the new order."""
    _sort(nav.items, config, config.extra["kakehashi"]["nav_order"])
    pages = nav.pages = list(_walk(nav.items))
    for previous, current in zip([None, *pages], pages, strict=False):
        current.previous_page = previous
        if previous is not None:
            previous.next_page = current
    if pages:
        pages[-1].next_page = None
    return nav


def _walk(items):
    for item in items:
        if isinstance(item, Section):
            yield from _walk(item.children)
        elif getattr(item, "file", None) is not None:
            yield item
