"""Navigation order: configured stems first, in the configured order, then the rest by path."""

from __future__ import annotations


def nav_sort_key(stem: str, order: list[str]) -> tuple[int, str]:
    """Sort key of a page or section stem (``guides``, ``guides/start-eu-to-japan``).

    Index pages come first; stems listed in ``order`` follow in that order; the rest by path.
    """
    if stem.rsplit("/", 1)[-1] == "index":
        return (-1, stem)
    return (order.index(stem) if stem in order else len(order), stem)
