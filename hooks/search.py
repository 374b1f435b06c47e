"""MkDocs hook: Pagefind search per language, built once every language is in ``site_dir``.

Gives the templates ``kk_search_bundles`` (each language's bundle, relative to the language root)
and, in the outermost build, runs :func:`kakehashi.search_index.build_search_index`.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from kakehashi.build_roles import finishing_build, serving
from kakehashi.search_index import BUNDLE_DIR, SearchIndexError, build_search_index, bundle_paths
from kakehashi.site_config import load_site_config

log = get_plugin_logger(__name__)


def on_env(env, config, files):
    """Where the search partial finds the bundles, from the language being built."""
    site = load_site_config(Path(config.config_file_path))
    prefix = site.language(config.theme["language"]).url_prefix
    env.globals["kk_search_bundles"] = bundle_paths(prefix, site.codes)
    return env


# After the language workers are collected (-90): every language is in site_dir by then.
@event_priority(-110)
def on_post_build(config):
    """Index the whole site once, one bundle per language."""
    if not finishing_build(getattr(config.plugins["i18n"], "building", False)):
        return
    if serving() and (Path(config.site_dir) / BUNDLE_DIR).is_dir():
        return  # live reload: keep the index of the first build (a full build re-indexes)
    site = load_site_config(Path(config.config_file_path))
    try:
        indexes = build_search_index(Path(config.site_dir), site.codes)
    except SearchIndexError as error:
        raise PluginError(str(error)) from None
    for index in indexes:
        log.info(f"search: {index.pages} pages in '{index.language}' ({index.bytes // 1024} KiB)")
