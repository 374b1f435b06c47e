"""Freshness pins: a translation records the git blob id of the source it was made from.

The blob id is git's own content hash, so it is computed without git, and ``git cat-file`` can show
the pinned version later to say how far a translation has fallen behind.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kakehashi.content.markdown_model import EXPLICIT_ANCHOR


def blob_id(data: bytes) -> str:
    """The id git gives these bytes as a blob (``git hash-object``)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


@lru_cache(maxsize=256)
def pinned_text(repo: Path, blob: str) -> str | None:
    """The pinned source version from the git object store, or None if git does not know it."""
    try:
        result = subprocess.run(["git", "cat-file", "blob", blob], cwd=repo, capture_output=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout.decode("utf-8", "replace") if result.returncode == 0 else None


@dataclass(frozen=True)
class Drift:
    """How far a source moved since a pin: changed lines and the sections they are in."""

    changed_lines: int
    sections: tuple[str, ...]

    def describe(self) -> str:
        where = f" in {len(self.sections)} section(s): {', '.join(self.sections)}" if self.sections else ""
        return f"{self.changed_lines} changed line(s){where}"


def drift(old: str, new: str) -> Drift:
    """Compare the pinned and current source texts line by line."""
    old_lines, new_lines = old.split("\n"), new.split("\n")
    section_of = _sections(new_lines)
    changed, sections = 0, []
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        changed += max(i2 - i1, j2 - j1)
        name = section_of[min(j1, len(new_lines) - 1)]
        if name not in sections:
            sections.append(name)
    return Drift(changed, tuple(sections))


def _sections(lines: list[str]) -> list[str]:
    """For each line, the heading it belongs to (its explicit anchor when it has one)."""
    current, out = "(top)", []
    for line in lines:
        if line.startswith("#"):
            match = EXPLICIT_ANCHOR.search(line)
            current = f"#{match['id']}" if match else line.lstrip("#").strip()
        out.append(current)
    return out


class PinError(Exception):
    """A translation cannot be pinned; the message says why and what to do."""


SOURCE_HASH_LINE = re.compile(r"^(?P<indent>\s+)source_hash:\s*(?P<value>\S*)\s*$", re.MULTILINE)


def pin_text(text: str, new_hash: str) -> str:
    """The page text with its ``translation.source_hash`` set; nothing else changes."""
    head_end = text.find("\n---", 3)
    if not text.startswith("---") or head_end < 0:
        raise PinError("no front matter: a translation starts with a '---' block holding 'translation:'")
    head = text[:head_end]
    match = SOURCE_HASH_LINE.search(head)
    if match is None or "translation:" not in head:
        raise PinError("no 'translation:' block with a 'source_hash:' line: this page is not a translation")
    return text[: match.start("value")] + new_hash + text[match.end("value") :]
