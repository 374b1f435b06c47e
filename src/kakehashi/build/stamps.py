"""Work done on a file, reused while the file stays as it was.

A live reload (``mkdocs serve``) rebuilds the portal in the same process after each edit. What was
read or computed from a file whose size, modification time and inode have not changed is reused, so a
rebuild costs what the edit changed, not what the portal holds.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Generic, TypeVar

Stamp = tuple[int, int, int]  # size, modification time (ns), inode (an editor may save by renaming)
T = TypeVar("T")


def file_stamp(path: Path) -> Stamp | None:
    """The file's size, modification time and inode; None when it cannot be read."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns, stat.st_ino


class StampCache(Generic[T]):
    """Values computed from files, each kept under a key with the stamps it was computed from."""

    def __init__(self) -> None:
        self._entries: dict[Hashable, tuple[tuple, T]] = {}

    def get(self, key: Hashable, stamps: tuple, compute: Callable[[], T]) -> T:
        """The value kept under ``key`` if ``stamps`` are the same as when it was computed, else
        ``compute()``, kept for next time."""
        entry = self._entries.get(key)
        if entry is not None and entry[0] == stamps:
            return entry[1]
        value = compute()
        self.keep(key, stamps, value)
        return value

    def lookup(self, key: Hashable, stamps: tuple) -> T | None:
        """The value kept under ``key`` if ``stamps`` are the same as when it was computed."""
        entry = self._entries.get(key)
        return entry[1] if entry is not None and entry[0] == stamps else None

    def keep(self, key: Hashable, stamps: tuple, value: T) -> None:
        """Keep ``value`` under ``key``, unless a stamp is None (a file that could not be read)."""
        if None not in stamps:
            self._entries[key] = (stamps, value)

    def clear(self) -> None:
        """Forget every value."""
        self._entries.clear()


_process_caches: dict[str, StampCache] = {}


def process_cache(name: str) -> StampCache:
    """The StampCache called ``name``, alive as long as this process: for code that is itself
    loaded anew for every build (MkDocs runs its hook files again on each live reload)."""
    return _process_caches.setdefault(name, StampCache())
