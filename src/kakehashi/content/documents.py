"""Reading contributed files safely: encoding, size, line ends, and YAML front matter with line numbers.

Every problem becomes a Finding naming the file and line; nothing here raises on bad input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kakehashi.checks.findings import Finding
from kakehashi.checks.registry import report

MAX_BYTES = 1_000_000  # a guide is ~10 KB; anything near 1 MB is a mistake (a pasted PDF, a binary)
FRONT_MATTER_FENCE = "---"
_CLOSING_FENCE = re.compile(r"^(?:---|\.\.\.)[^\S\n]*$", re.M)  # the line that ends the front matter
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available (much faster)


@dataclass
class Document:
    """A Markdown page: its front matter, body and where things are."""

    path: str
    text: str
    meta: dict = field(default_factory=dict)
    body_start: int = 0  # where the body starts in ``text`` (the body is not kept twice in memory)
    body_line: int = 1  # 1-based line of the file where the body starts
    front_matter: str = ""  # the YAML between the fences, through its last line end
    key_lines: dict[str, int] = field(default_factory=dict)
    front_matter_ok: bool = True  # False when the front matter could not be parsed (M001 says why)

    @property
    def body(self) -> str:
        """The Markdown after the front matter."""
        return self.text[self.body_start :]

    def meta_line(self, key: str) -> int:
        """Line of a top-level front-matter key (or of the front matter when the key is absent)."""
        return self.key_lines.get(key, 1)


def read_text(path: Path, display: str, data: bytes | None = None) -> tuple[str | None, list[Finding]]:
    """Read a contributed text file as UTF-8 (``data``: its bytes, if read already); report BOM, CRLF,
    size, emptiness and bad bytes."""
    def finding(line: int, code: str, message: str) -> Finding:
        return report(code, display, line, message)

    try:
        size = len(data) if data is not None else path.stat().st_size
        if size > MAX_BYTES:
            return None, [finding(1, "F003", f"file is {size:,} bytes, over the {MAX_BYTES:,}-byte limit: split it or remove pasted binary content")]
        data = path.read_bytes() if data is None else data
    except OSError as error:
        return None, [finding(1, "F001", f"cannot read file: {error.strerror}")]
    findings = []
    if data.startswith(b"\xef\xbb\xbf"):
        findings.append(finding(1, "F002", "file starts with a byte-order mark (BOM): save it as UTF-8 without BOM"))
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [finding(line, "F001", f"not valid UTF-8 (byte 0x{data[error.start]:02x}): save the file as UTF-8")]
    if "\r" in text:
        line = text[: text.index("\r")].count("\n") + 1
        findings.append(finding(line, "F004", "Windows (CRLF) or old Mac (CR) line ends: save with Unix (LF) line ends"))
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        findings.append(finding(1, "F005", "file is empty: write the page or delete the file"))
        return None, findings
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return None, [*findings, finding(line, "F001", "file contains NUL bytes: it is not a text file")]
    return text, findings


def parse_document(text: str, display: str) -> tuple[Document, list[Finding]]:
    """Split front matter from body and parse it as YAML, keeping the line of each top-level key."""
    doc = Document(path=display, text=text)
    first_end = text.find("\n")
    if text[: first_end if first_end >= 0 else len(text)].rstrip() != FRONT_MATTER_FENCE:
        return doc, []
    closing = _CLOSING_FENCE.search(text, first_end + 1) if first_end >= 0 else None
    if closing is None:
        doc.front_matter_ok = False
        return doc, [report("M001", display, 1, "front matter opened with '---' is never closed: add a '---' line after it")]
    doc.front_matter = text[first_end + 1 : closing.start()]
    doc.body_start = min(closing.end() + 1, len(text))
    doc.body_line = text.count("\n", 0, closing.start()) + 2
    try:
        loader = SAFE_LOADER(doc.front_matter)
        try:
            node = loader.get_single_node()  # one parse gives the key lines and the values
            meta = loader.construct_document(node) if node is not None else {}
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        # Where the broken construct starts (context) is more telling than where the parser gave up.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        doc.front_matter_ok = False
        return doc, [report("M001", display, line, f"front matter is not valid YAML ({problem}): check indentation and quote values "
                                    "containing ':' or '#'", (mark.column + 1) if mark else 1)]
    except (ValueError, TypeError, RecursionError) as error:  # a value its '!!' tag cannot read, an unhashable key
        doc.front_matter_ok = False
        tagged = next((i for i, line in enumerate(doc.front_matter.split("\n")) if "!!" in line), 0)
        return doc, [report("M001", display, tagged + 2,
                            f"front matter value cannot be read ({error}): remove the '!!' type tag or correct the value")]
    if not isinstance(meta, dict):
        doc.front_matter_ok = False
        return doc, [report("M001", display, 2, "front matter must be a mapping of 'key: value' lines")]
    doc.meta = meta
    if isinstance(node, yaml.MappingNode):
        doc.key_lines = {key.value: key.start_mark.line + 2 for key, _ in node.value if isinstance(key, yaml.ScalarNode)}
    return doc, []


def load_document(path: Path, display: str, data: bytes | None = None) -> tuple[Document | None, list[Finding]]:
    """Read and parse a page (``data``: its bytes, if read already); None when it cannot be read as text."""
    text, findings = read_text(path, display, data)
    if text is None:
        return None, findings
    doc, more = parse_document(text, display)
    return doc, findings + more
