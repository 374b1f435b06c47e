"""Which part of a parallel build this process is.

A build starts one process per extra language (see ``hooks/parallel_languages.py``); each gets the
language it builds in this environment variable. Framework-free so the core can ask too.
"""

from __future__ import annotations

import os

WORKER_ENV = "KAKEHASHI_BUILD_LANGUAGE"


def worker_language() -> str | None:
    """The language this process builds as a worker, or None in the main build."""
    return os.environ.get(WORKER_ENV) or None
