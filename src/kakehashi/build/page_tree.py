"""The parse of the page being written, for the steps after the one that parsed it.

The policy step parses each page once it is final (``hooks/security.py``), and its search copy is made
from that parse (``hooks/search.py``) instead of a second one. One page is kept at a time, with the
HTML text it was handed on with: a step in between that changed the text gets nothing. The parse is
of the page before its policy was added, which only adds a ``<meta>`` to its head.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

_kept: list[tuple[str, LexborHTMLParser]] = []


def keep(html: str, tree: LexborHTMLParser) -> None:
    """Keep the parse of the page about to be handed on as ``html``."""
    _kept[:] = [(html, tree)]


def take(html: str) -> LexborHTMLParser | None:
    """The parse kept for this very text (the same object, not an equal one), once; None otherwise."""
    kept = _kept.pop() if _kept else None
    return kept[1] if kept is not None and kept[0] is html else None
