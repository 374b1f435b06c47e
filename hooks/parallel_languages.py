"""MkDocs hook: build the extra languages in parallel processes, not one after another.

mkdocs-static-i18n builds the default language, then every other language in turn, in the same
process, from its ``on_post_build``. Here, as soon as the main build starts, one worker process per
extra language builds that language into a temporary folder; the main build builds the default
language meanwhile, then waits for the workers and moves their ``<lang>/`` folders into ``site_dir``.
Both cores are busy, and a worker's warnings fail a strict build like the main build's own. The
workers do not read the pages to learn the portal's state: the main build hands it to them
(``kakehashi.handoff``, sent by ``hooks/translations.py``).
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from kakehashi import handoff
from kakehashi.build_roles import WORKER_ENV, serving, worker_language
from kakehashi.search_index import BUNDLE_DIR

log = get_plugin_logger(__name__)
_workers = []  # (language, process, output folder)


def _i18n(config):
    return config.plugins["i18n"]


# Before mkdocs-static-i18n's on_config (-100), which starts from its current language.
@event_priority(10)
def on_config(config):
    """A worker builds its own language; the main build starts the workers."""
    i18n = _i18n(config)
    language = worker_language()
    if language:
        i18n.current_language = language
        return config
    if serving():
        return config  # one long-lived process: static-i18n's own loop, with --dirty rebuilds
    if _workers:  # a live-reload rebuild: the previous run's workers were collected already
        _workers.clear()
    parent = Path(config.site_dir).resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    environment = {**os.environ, **handoff.open_outbox(parent)}
    for code in i18n.build_languages:
        if code == i18n.default_language:
            continue
        output = Path(tempfile.mkdtemp(prefix=f".kakehashi-{code}-", dir=parent))
        command = [sys.executable, "-m", "mkdocs", "build", "-f", config.config_file_path, "-d", str(output)]
        if config.strict:
            command.append("--strict")
        process = subprocess.Popen(command, env={**environment, WORKER_ENV: code}, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, text=True)
        _workers.append((code, process, output))
    return config


# Before mkdocs-static-i18n's on_post_build (-100), which would build the other languages itself.
@event_priority(-90)
def on_post_build(config):
    """Leave static-i18n nothing more to build; in the main build, collect the workers' languages."""
    if serving():
        return
    i18n = _i18n(config)
    for language in i18n.config.languages:
        language.build = language.locale == i18n.current_language
    if worker_language():
        return
    failures = []
    for code, process, output in _workers:
        log_text, _ = process.communicate()
        for line in log_text.splitlines():
            if line.startswith(("WARNING", "ERROR")):
                log.warning(f"[{code}] {line}")
        if process.returncode != 0:
            failures.append(f"the '{code}' build failed:\n{log_text.strip()}")
        else:
            for part in (Path(code), Path(BUNDLE_DIR) / code):  # the pages and their search index
                target = Path(config.site_dir) / part
                shutil.rmtree(target, ignore_errors=True)
                if (output / part).exists():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(output / part, target)
        shutil.rmtree(output, ignore_errors=True)
    _workers.clear()
    handoff.close_outbox()
    if failures:
        raise PluginError("\n".join(failures))


def on_build_error(error):
    """The main build failed: stop the workers and remove their folders."""
    for _, process, output in _workers:
        process.kill()
        process.communicate()
        shutil.rmtree(output, ignore_errors=True)
    _workers.clear()
    handoff.close_outbox()
