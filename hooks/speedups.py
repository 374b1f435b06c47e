"""MkDocs hook: the speed-ups of ``kakehashi_speedups``, each applied only where its gate allows it.

They replace or wrap internals of MkDocs, Python-Markdown, mkdocs-static-i18n and Material, so each
runs only on the library versions (and Markdown extensions) it was verified with; otherwise the stock
path runs after one warning (logged outside MkDocs' loggers, so that ``--strict`` still builds).
``KAKEHASHI_SPEEDUPS=off`` turns them all off.
"""

import logging

from mkdocs.plugins import event_priority

from kakehashi.build.language_build import language_build
from kakehashi.build.portal import current_portal
from kakehashi_speedups import (
    collector,
    front_matter,
    i18n_files,
    parallel_languages,
    quick_exit,
    reused_converter,
    shared_fragments,
    template_cache,
)
from kakehashi_speedups.gate import allowed

log = logging.getLogger("kakehashi_speedups")
_active: set[str] = set()
_warned: set[str] = set()


def on_startup(command, dirty):
    quick_exit.remember(command)


# Before mkdocs-static-i18n's on_config (-100), which starts from its current language.
@event_priority(10)
def on_config(config):
    """Decide once per build which speed-ups run; install those that patch modules."""
    active, warnings = allowed(config.markdown_extensions)
    for warning in set(warnings) - _warned:
        log.warning(warning)
        _warned.add(warning)
    _active.clear()
    _active.update(active)
    if "collector" in active:
        collector.install()
    if "i18n_files" in active:
        i18n_files.install()
    if "reused_converter" in active:
        reused_converter.install()
    if "parallel_languages" in active:
        parallel_languages.start(config)
    return config


# After hooks/translations.py (0), which reads the portal or expects it from the main build.
@event_priority(-10)
def on_pre_build(config):
    if "front_matter" in _active:
        site = language_build(config.config_file_path, config.theme["language"]).site
        front_matter.install(lambda: current_portal(site).front_matters())


def on_env(env, config, files):
    if "template_cache" in _active:
        template_cache.install(env)
    if "shared_fragments" in _active:
        shared_fragments.install(env)
    return env


def on_nav(nav, config, files):
    if "shared_fragments" in _active:
        shared_fragments.remember_navigation(nav)
    return nav


def on_page_context(context, page, config, nav):
    if "shared_fragments" in _active:
        shared_fragments.add_keys(context, page)
    return context


# Before mkdocs-static-i18n's on_post_build (-100), which would build the other languages itself.
@event_priority(-90)
def on_post_build(config):
    if "parallel_languages" in _active:
        parallel_languages.collect(config)


def on_build_error(error):
    if "parallel_languages" in _active:
        parallel_languages.stop()


# The last handler of all: nothing may run after it.
@event_priority(-1000)
def on_shutdown():
    if "quick_exit" in _active:
        quick_exit.exit_if_finished()
