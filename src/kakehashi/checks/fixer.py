"""``kakehashi fix``: apply the safe typography fixes to French and Japanese page bodies only."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kakehashi.content.documents import load_document
from kakehashi.content.typography import fix_body


def write_atomically(path: Path, text: str) -> None:
    """Replace a file's content in one step, so a crash never leaves it half-written."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def fixed_text(path: Path, language: str) -> str | None:
    """The page with typography fixed, or None when nothing changes or the file is unreadable."""
    doc, findings = load_document(path, str(path))
    if doc is None or findings:
        return None
    head = doc.text[: len(doc.text) - len(doc.body)]
    body = "\n".join(fix_body(doc.body.split("\n"), language))
    return head + body if body != doc.body else None
