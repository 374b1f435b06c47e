"""The page model: Markdown files grouped into language variants sharing a path stem.

``guides/x.md`` (default language), ``guides/x.fr.md`` and ``guides/x.ja.md`` are the variants of the
stem ``guides/x``; this is mkdocs-static-i18n's suffix structure, described here without MkDocs.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePosixPath


@dataclass(frozen=True)
class PageGroup:
    """All language variants of one page: ``{language: path relative to docs_dir}``."""

    stem: str
    variants: dict[str, str] = field(default_factory=dict)


@lru_cache(maxsize=65536)  # asked for every page by several hooks, per page and per language
def split_variant(rel_path: str, codes: tuple[str, ...], default: str) -> tuple[str, str]:
    """``guides/x.fr.md`` -> (``guides/x``, ``fr``); ``guides/x.md`` -> (``guides/x``, default)."""
    path = PurePosixPath(rel_path)
    base = path.with_suffix("")
    if base.suffix and base.suffix[1:] in codes:
        return str(base.with_suffix("")), base.suffix[1:]
    return str(base), default


@lru_cache(maxsize=65536)
def page_url(stem: str, prefix: str = "") -> str:
    """Directory-style URL of a stem, relative to the site root: ``guides/x/``, ``index`` -> ``""``."""
    parts = PurePosixPath(stem).parts
    if parts and parts[-1] in ("index", "README"):
        parts = parts[:-1]
    return prefix + "".join(f"{p}/" for p in parts)


def relative_url(target: str, current: str) -> str:
    """Link from the page at ``current`` to ``target`` (both directory-style URLs relative to the site
    root, ``target`` with an optional ``#fragment``): ``partners/#p`` from ``guides/x/`` -> ``../../partners/#p``."""
    path, _, fragment = target.partition("#")
    relative = posixpath.relpath(path or ".", current or ".")
    relative = "./" if relative == "." else relative + ("/" if path.endswith("/") or not path else "")
    return relative + (f"#{fragment}" if fragment else "")
