"""File-level problems, found while reading a page (see ``kakehashi.content.documents``)."""

from kakehashi.checks.findings import Severity
from kakehashi.checks.registry import describe

describe("F001", Severity.ERROR, "file cannot be read as UTF-8 text", """
    The file is not valid UTF-8, contains NUL bytes, or cannot be opened. Save it from your editor as
    "UTF-8" (not "UTF-16", "Shift_JIS" or "Windows-1252").""")
describe("F002", Severity.ERROR, "file starts with a byte-order mark", """
    Some Windows editors add an invisible BOM at the start of UTF-8 files; it breaks the front matter.
    Save as "UTF-8 without BOM".""")
describe("F003", Severity.ERROR, "file is too large", """
    Pages over 1 MB are refused: they are usually a pasted PDF or image. Link the document instead,
    or split the page.""")
describe("F004", Severity.ERROR, "Windows (CRLF) line ends", """
    Save the file with Unix (LF) line ends; `git config core.autocrlf input` does it for you.""")
describe("F005", Severity.ERROR, "file is empty", """
    An empty page would be published as a blank page. Write the page, or delete the file if it was
    created by mistake.""")
describe("M001", Severity.ERROR, "front matter is not valid YAML", """
    The block between the two `---` lines must be YAML: `key: value` lines, lists as `- item`,
    and quotes around values that contain `:` or start with a special character. The message
    names the line and the problem.""")
