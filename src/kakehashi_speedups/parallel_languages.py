"""Build the extra languages in parallel processes, not one after another.

mkdocs-static-i18n builds the default language, then every other language in turn, in the same
process, from its ``on_post_build``. Here, as soon as the main build starts, one worker process per
extra language builds that language into a temporary folder; the main build builds the default
language meanwhile, then waits for the workers and moves their ``<lang>/`` folders into ``site_dir``.
Both cores are busy, and a worker's warnings fail a strict build like the main build's own. The
workers do not read the pages to learn the portal's state: the main build hands it to them
(``kakehashi.build.handoff``, sent by ``hooks/translations.py``). A worker leaves the search copies of its
pages behind and exits; a thread of the main build then runs Pagefind on them, so the worker's memory
is free while Pagefind (the build's largest process) runs.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from kakehashi.build import handoff
from kakehashi.build.roles import SEARCH_COPIES_ENV, WORKER_ENV, serving, worker_language
from kakehashi.build.search_index import BUNDLE_DIR, LanguageIndex, LanguageIndexer, SearchIndexError, copies_folder
from kakehashi.languages import profile

log = get_plugin_logger(__name__)


@dataclass
class _Worker:
    """One extra language being built in its own process, then indexed by a thread of the main build."""

    code: str
    process: subprocess.Popen
    output: Path  # the worker's site folder
    copies: Path  # its pages' search copies
    log_text: str = ""
    index: LanguageIndex | None = None
    index_error: str | None = None
    thread: threading.Thread = field(init=False)

    def start_finishing(self) -> None:
        self.thread = threading.Thread(target=self._finish, name=f"kakehashi-{self.code}", daemon=True)
        self.thread.start()

    def _finish(self) -> None:
        """Wait for the worker's exit, then index its language into its site folder."""
        self.log_text, _ = self.process.communicate()
        try:
            if self.process.returncode == 0:
                indexer = LanguageIndexer(self.code, profile(self.code).segmented_search, self.copies)
                self.index = indexer.write_bundle(self.output)
        except SearchIndexError as error:
            self.index_error = str(error)
        finally:
            shutil.rmtree(self.copies, ignore_errors=True)

    def discard(self) -> None:
        for folder in (self.output, self.copies):
            shutil.rmtree(folder, ignore_errors=True)


_workers: list[_Worker] = []


def _i18n(config):
    return config.plugins["i18n"]


def start(config) -> None:
    """A worker builds its own language; the main build starts the workers."""
    i18n = _i18n(config)
    language = worker_language()
    if language:
        i18n.current_language = language
        return
    if serving():
        return  # one long-lived process: static-i18n's own loop, with --dirty rebuilds
    if _workers:  # a live-reload rebuild: the previous run's workers were collected already
        _workers.clear()
    parent = Path(config.site_dir).resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    environment = {**os.environ, **handoff.open_outbox(parent)}
    for code in i18n.build_languages:
        if code == i18n.default_language:
            continue
        output = Path(tempfile.mkdtemp(prefix=f".kakehashi-{code}-", dir=parent))
        copies = copies_folder(code)
        command = [sys.executable, "-m", "mkdocs", "build", "-f", config.config_file_path, "-d", str(output)]
        if config.strict:
            command.append("--strict")
        process = subprocess.Popen(command, env={**environment, WORKER_ENV: code, SEARCH_COPIES_ENV: str(copies)},
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        worker = _Worker(code, process, output, copies)
        worker.start_finishing()
        _workers.append(worker)


def collect(config) -> None:
    """Leave static-i18n nothing more to build; in the main build, collect the workers' languages."""
    if serving():
        return
    i18n = _i18n(config)
    for language in i18n.config.languages:
        language.build = language.locale == i18n.current_language
    if worker_language():
        return
    failures = []
    for worker in _workers:
        worker.thread.join()
        for line in worker.log_text.splitlines():
            if line.startswith(("WARNING", "ERROR")):
                log.warning(f"[{worker.code}] {line}")
        if worker.process.returncode != 0:
            failures.append(f"the '{worker.code}' build failed:\n{worker.log_text.strip()}")
        elif worker.index_error:
            failures.append(worker.index_error)
        else:
            if worker.index is not None:
                log.info(f"search: {worker.index.pages} pages in '{worker.code}' ({worker.index.bytes // 1024} KiB)")
            for part in (Path(worker.code), Path(BUNDLE_DIR) / worker.code):  # the pages and their search index
                target = Path(config.site_dir) / part
                shutil.rmtree(target, ignore_errors=True)
                if (worker.output / part).exists():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(worker.output / part, target)
        worker.discard()
    _workers.clear()
    handoff.close_outbox()
    if failures:
        raise PluginError("\n".join(failures))


def stop() -> None:
    """The main build failed: stop the workers and remove their folders."""
    for worker in _workers:
        worker.process.kill()
        worker.thread.join()
        worker.discard()
    _workers.clear()
    handoff.close_outbox()
