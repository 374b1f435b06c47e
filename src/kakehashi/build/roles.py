"""Which part of a build this process is.

A build starts one worker process per extra language (the parallel_languages speed-up, ``kakehashi_speedups``); each gets
the language it builds in an environment variable. Under ``mkdocs serve`` the languages are instead
built one after another in one long-lived process, so that caches survive live reloads.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

WORKER_ENV = "KAKEHASHI_BUILD_LANGUAGE"
SEARCH_COPIES_ENV = "KAKEHASHI_SEARCH_COPIES"


def worker_language() -> str | None:
    """The language this process builds as a worker, or None in the main build."""
    return os.environ.get(WORKER_ENV) or None


def search_copies() -> Path | None:
    """In a language worker: the folder for its pages' search copies, which the main build indexes
    once the worker has exited (so that the worker's memory is free while Pagefind runs)."""
    folder = os.environ.get(SEARCH_COPIES_ENV)
    return Path(folder) if folder else None


def serving() -> bool:
    """True under ``mkdocs serve`` (live reload)."""
    return sys.argv[1:2] == ["serve"]


def finishing_build(nested: bool) -> bool:
    """True in the one build that ends once every language is in the site folder: not a language
    worker, and not one of the nested per-language builds that ``mkdocs serve`` runs (``nested``)."""
    return worker_language() is None and not nested
