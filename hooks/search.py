"""MkDocs hook: Pagefind search, one index per language.

Gives the templates ``kk_search_bundles`` (each language's bundle, relative to the language root) and
keeps a search copy of each page as the process that builds its language writes it
(:class:`kakehashi.build.search_index.LanguageIndexer`). The main build runs Pagefind on its own language's
copies; a language worker leaves its copies to the main build (the parallel_languages speed-up).
With its copies goes the language's search vocabulary, made from the termbase
(:mod:`kakehashi.build.search_vocabulary`), which is published next to the bundle.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from kakehashi.build import page_tree
from kakehashi.build.language_build import language_build
from kakehashi.build.portal import current_portal
from kakehashi.build.roles import search_copies, serving
from kakehashi.build.search_index import BUNDLE_DIR, LanguageIndexer, SearchIndexError, bundle_paths
from kakehashi.build.search_vocabulary import glossary_link, vocabulary
from kakehashi.languages import profile

log = get_plugin_logger(__name__)
_indexers = {}  # language being built -> its index in the making
_glossaries = {}  # language being built -> its glossary page, as the vocabulary links to it (or None)


def on_env(env, config, files):
    """Where the search partial finds the bundles, and where this language's vocabulary links to its glossary."""
    build = language_build(config.config_file_path, config.theme["language"])
    prefix = build.lang.url_prefix
    env.globals["kk_search_bundles"] = bundle_paths(prefix, build.site.codes)
    _glossaries[config.theme["language"]] = glossary_link(prefix, {file.dest_uri for file in files.documentation_pages()})
    return env


def on_pre_build(config):
    """Start this language's index (kept as it is on live reloads: a full build re-indexes)."""
    code = config.theme["language"]
    _indexers.pop(code, None)
    if not (serving() and (Path(config.site_dir) / BUNDLE_DIR / code).is_dir()):
        _indexers[code] = LanguageIndexer(code, profile(code).segmented_search, search_copies())


# After hooks/security.py (-100): the page is final, and parsed already.
@event_priority(-110)
def on_post_page(output, page, config):
    """Give each written page to its language's index."""
    indexer = _indexers.get(config.theme["language"])
    if indexer is not None:
        indexer.add(page.file.dest_uri, output, page_tree.take(output))
    return output


# Before the language workers are collected (-90).
@event_priority(-80)
def on_post_build(config):
    """Write this language's bundle into the site folder (a worker leaves its copies to the main build)."""
    indexer = _indexers.pop(config.theme["language"], None)
    if indexer is None:
        return
    site = language_build(config.config_file_path, config.theme["language"]).site
    indexer.hand_over(vocabulary(current_portal(site).result.termbase, indexer.code, _glossaries.get(indexer.code)))
    if search_copies():
        return
    try:
        index = indexer.write_bundle(Path(config.site_dir))
    except SearchIndexError as error:
        raise PluginError(str(error)) from None
    if index is not None:
        log.info(f"search: {index.pages} pages in '{index.language}' ({index.bytes // 1024} KiB)")
