"""Extract, then compare: a page body parsed once (markdown-it-py) into the structure the rules compare.

Material's admonitions (``!!! kind "Title"`` with an indented body) are not CommonMark: they are
recorded and unwrapped first, line for line, so their bodies parse as ordinary Markdown and every
line number still points into the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt

_MD = MarkdownIt("commonmark", {"html": True}).enable("table")
_MAY_HOLD_LINKS = ("[", "<")  # every link, image, autolink and inline HTML starts with one of these


def _inline_where_needed(state) -> None:
    """markdown-it's ``inline`` core rule, for the text that can hold a link, image or inline HTML only:
    those (and the line breaks before them) are all the structure takes from inline parsing, and most
    paragraphs have none. The other inline tokens keep their text, with no children."""
    for token in state.tokens:
        if token.type == "inline":
            token.children = []
            if any(mark in token.content for mark in _MAY_HOLD_LINKS):
                state.md.inline.parse(token.content, state.md, state.env, token.children)


_MD.core.ruler.at("inline", _inline_where_needed)
ADMONITION = re.compile(r'^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]*(?P<kind>[\w-]+)(?:[ \t]+"(?P<title>[^"]*)")?[ \t]*$')
EXPLICIT_ANCHOR = re.compile(r"\s*\{:?\s*#(?P<id>[^\s}]+)[^}]*\}\s*$")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str | None
    line: int


@dataclass(frozen=True)
class Link:
    url: str
    line: int


@dataclass(frozen=True)
class Table:
    rows: int
    columns: int
    line: int


@dataclass(frozen=True)
class TextBlock:
    """A paragraph, list item, table cell run or admonition title, as written (inline Markdown)."""

    text: str
    line: int


@dataclass(frozen=True)
class CodeBlock:
    info: str
    content: str
    line: int


@dataclass
class Structure:
    """What a page is made of, with the file line of each element."""

    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    images: list[Link] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    admonitions: list[tuple[str, int]] = field(default_factory=list)
    code: list[CodeBlock] = field(default_factory=list)
    blocks: list[TextBlock] = field(default_factory=list)
    html: list[TextBlock] = field(default_factory=list)


def unwrap_admonitions(body: str) -> tuple[str, list[tuple[str, str | None, int]]]:
    """Blank each admonition marker line and dedent its body; returns (text, [(kind, title, index)])."""
    lines = body.split("\n")
    found = []
    for i, line in enumerate(lines):
        match = ADMONITION.match(line)
        if not match:
            continue
        found.append((match["kind"].split()[0].lower(), match["title"], i))
        base = len(match["indent"].expandtabs(4))
        lines[i] = ""
        for j in range(i + 1, len(lines)):
            current = lines[j].expandtabs(4)
            if current.strip() and len(current) - len(current.lstrip()) < base + 4:
                break
            lines[j] = current[:base] + current[base + 4 :] if current.strip() else ""
    return "\n".join(lines), found


def parse_structure(body: str, first_line: int = 1) -> Structure:
    """Parse a Markdown body; ``first_line`` is the file line where the body starts."""
    text, admonitions = unwrap_admonitions(body)
    out = Structure()
    for kind, title, index in admonitions:
        out.admonitions.append((kind, first_line + index))
        if title:
            out.blocks.append(TextBlock(title, first_line + index))
    tokens = _MD.parse(text)
    table_stack: list[list[int]] = []  # [line, rows, columns]
    for position, token in enumerate(tokens):
        line = first_line + token.map[0] if token.map else 0
        if token.type == "heading_open":
            inline = tokens[position + 1]
            match = EXPLICIT_ANCHOR.search(inline.content)
            title = inline.content[: match.start()] if match else inline.content
            out.headings.append(Heading(int(token.tag[1]), title.strip(), match["id"] if match else None, line))
        elif token.type == "table_open":
            table_stack.append([line, 0, 0])
        elif token.type == "tr_open" and table_stack:
            table_stack[-1][1] += 1
        elif token.type in ("th_open", "td_open") and table_stack and table_stack[-1][1] == 1:
            table_stack[-1][2] += 1
        elif token.type == "table_close" and table_stack:
            start, rows, columns = table_stack.pop()
            out.tables.append(Table(rows, columns, start))
        elif token.type in ("fence", "code_block"):
            out.code.append(CodeBlock(token.info.strip(), token.content, line))
        elif token.type == "html_block":
            out.html.append(TextBlock(token.content, line))
        elif token.type == "inline":
            _inline(token, line, out, in_heading=tokens[position - 1].type == "heading_open")
    out.blocks.sort(key=lambda block: block.line)
    return out


def _inline(token, line: int, out: Structure, in_heading: bool) -> None:
    if not in_heading:
        out.blocks.append(TextBlock(token.content, line))
    offset = 0
    for child in token.children or []:
        if child.type in ("softbreak", "hardbreak"):
            offset += 1
        if child.type == "link_open":
            out.links.append(Link(str(child.attrs.get("href", "")), line + offset))
        elif child.type == "image":
            out.images.append(Link(str(child.attrs.get("src", "")), line + offset))
        elif child.type == "html_inline":
            out.html.append(TextBlock(child.content, line + offset))
