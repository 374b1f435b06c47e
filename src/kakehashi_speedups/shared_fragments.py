"""Render the parts of Material's page that many pages share only once per build.

A page outside the navigation (every guide) shows the same tabs and navigation sidebar as the other
such pages of its folder: Material makes links relative to the page's folder, and no item of the
navigation is active. The templates ask ``kk_fragment(name, key)`` for a fragment rendered already
and hand a fresh rendering to ``kk_keep(name, key, html)``. Keys:

- ``kk_fragment_key`` (tabs, sidebar): the parent folder and the hidden parts of the page; None, and
  nothing is shared, for pages in the navigation (their own item is active, their sections open);
- ``kk_depth_key`` (search dialog, whose only links lead to the site root): the folder depth.
"""

import posixpath

_fragments = {}  # (name, key) -> html, for the build under way
_in_navigation = set()  # source paths of the pages the navigation lists


def install(env) -> None:
    """A new build (or language): forget the previous one's fragments; give the templates the cache.
    Without it, the templates render every fragment (``kk_fragment`` undefined: the stock path)."""
    _fragments.clear()
    env.globals["kk_fragment"] = lambda name, key: _fragments.get((name, key)) if key else None
    env.globals["kk_keep"] = _keep


def _keep(name, key, html):
    if key:
        _fragments[(name, key)] = html
    return html


def remember_navigation(nav) -> None:
    """Remember which pages the navigation lists."""
    _in_navigation.clear()
    _in_navigation.update(page.file.src_uri for page in nav.pages)


def add_keys(context, page) -> None:
    """``kk_fragment_key`` and ``kk_depth_key``: what the shared fragments of this page depend on."""
    shared = page.file.src_uri not in _in_navigation
    folder = posixpath.dirname(page.url.rstrip("/"))
    context["kk_fragment_key"] = (folder, repr(page.meta.get("hide"))) if shared else None
    context["kk_depth_key"] = ("depth", page.url.count("/"))
