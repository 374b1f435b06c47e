"""Content fingerprints in the names of the portal's own stylesheets and scripts.

``assets/kakehashi.css`` is published as ``assets/kakehashi.<8 hex digits>.css``, the digits being the
start of the SHA-256 of its content: a changed file gets a new name, so a server can let browsers keep
every fingerprinted file for a year without asking again (``Cache-Control: immutable``), as it does for
the theme's own ``bundle.<hash>.min.js``.
"""

from __future__ import annotations

import hashlib
import posixpath
import re

# A file name whose stem ends in a content fingerprint: ours (8 hex digits) and the theme's (8 hex
# digits), Pagefind's fragments and chunks (a longer hash).
FINGERPRINTED = re.compile(r"(?:^|/)[^/]*[.\-_][0-9a-f]{8,}(?:\.min)?\.[a-z0-9]+$")


def fingerprinted_name(path: str, content: bytes) -> str:
    """``assets/kakehashi.css`` -> ``assets/kakehashi.1a2b3c4d.css`` for this content."""
    stem, extension = posixpath.splitext(path)
    return f"{stem}.{hashlib.sha256(content).hexdigest()[:8]}{extension}"


def is_fingerprinted(path: str) -> bool:
    """True for a file whose name changes with its content (so it may be cached for good)."""
    return FINGERPRINTED.search(path) is not None
