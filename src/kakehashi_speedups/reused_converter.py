"""One Python-Markdown converter per build, reset between pages, with a faster inline processor.

MkDocs makes a new ``markdown.Markdown`` for every page, which loads and configures every extension
again: a large part of the time a guide takes to convert (figures on the Performance page). Python-Markdown supports reusing a
converter (``Markdown.reset()`` clears its state and its extensions'), so the ``markdown`` module that
MkDocs' page renderer sees hands back the same converter, reset, while the configuration is the same.

Before each conversion, every inline processor of the converter gets the patterns of its *own*
registry as a tuple (a registry re-checks its sort order on every fetch, hundreds per guide), taken
anew so that patterns registered after the converter was built count. It also leaves alone a text in
which none of its patterns can start, instead of trying each: allowed only when every pattern is one
whose needs ``PATTERN_NEEDS`` records, recognised by name, class and regular expression (a changed
pattern, such as a delimiter added to ``em_strong``, turns the skipping off for that processor).

The converter also tells block-level tags from a set of its ``block_level_elements`` (a list, read
hundreds of times per page), taken anew before each conversion. Its table of contents looks for its
marker (``[TOC]``) through every element of a page only when the page's source holds the marker: a
paragraph can be the marker only if its text is written so in the source.

Block processors are tried one after another on every block of a page, most of them with a regular
expression that looks for their start anywhere in the block. Those of ``BLOCK_NEEDS`` (recognised by
name and by the source of their class) first look for what their expression needs (a ``#`` for a
heading), which is much faster than the expression; and the tables split a row without a backtick or
a backslash at each pipe, which is what their parse of code spans and escapes comes to for such a row.
"""

from __future__ import annotations

import hashlib
import inspect
import re
from functools import cache

import markdown
from markdown.extensions.toc import TocTreeprocessor
from markdown.treeprocessors import InlineProcessor
from markdown.util import AtomicString

# For each inline pattern of Python-Markdown 3.11.3 and the portal's extensions: the fingerprint of
# its class and regular expression, and what a text must contain for it to match.
PATTERN_NEEDS = {
    "backtick": ("301e290e5a85", ("`", "\\")),
    "escape": ("5c549187c064", ("\\",)),
    "footnote": ("97a0fe12631c", ("[",)),
    "reference": ("d4ad9bfc7585", ("[",)),
    "link": ("fa3d7c7fb9ee", ("[",)),
    "image_link": ("6aa93876ef90", ("[",)),
    "image_reference": ("ae8417e7e10c", ("[",)),
    "short_reference": ("ae5718497855", ("[",)),
    "short_image_ref": ("6a80f040ad22", ("[",)),
    "autolink": ("624ff2da27da", ("<",)),
    "automail": ("83f1dc788c78", ("<",)),
    "linebreak": ("00d5cf151ca8", ("  \n",)),
    "html": ("0ec17990369c", ("<",)),
    "entity": ("71e28c47c0b2", ("&",)),
    "em_strong": ("eb212e88578a", ("*", "_")),
}


# Block processors of Python-Markdown 3.11.3 and pymdown-extensions 12.3, by name: the fingerprint of
# the class's source, the regular expression that tells their blocks, and what a text must contain
# for it to match (its literal characters).
BLOCK_NEEDS = {
    "hashheader": ("2a8d34a0ba48", "RE", ("#",)),
    "setextheader": ("a495508bbfae", "RE", ("\n=", "\n-")),
    "quote": ("a53ba8bd75bb", "RE", (">",)),
    "hr": ("727861d02416", "SEARCH_RE", ("-", "_", "*")),
    "deflist": ("e2a466c6555f", "RE", (":",)),
    "admonition": ("78a2276cb6ce", "RE", ("!!!",)),
    "details": ("d4653aadda03", "START", ("???",)),
    "reference": ("894c2a0a20f9", "RE", ("]:",)),
    "footnote": ("713e4f763857", "RE", ("[^",)),
}
TABLE_SOURCE = "6b10c1a5c422"  # fingerprint of the tables' processor, whose plain rows are split at once


@cache
def class_fingerprint(kind: type) -> str | None:
    """The source of a class (its regular expressions and methods), hashed; None without a source."""
    try:
        source = inspect.getsource(kind)
    except (OSError, TypeError):
        return None
    return hashlib.sha1(f"{kind.__module__}.{kind.__qualname__}\n{source}".encode()).hexdigest()[:12]


def fingerprint(pattern) -> str:
    """Class and regular expression of an inline pattern, hashed."""
    kind = type(pattern)
    text = f"{kind.__module__}.{kind.__qualname__} {pattern.compiled_re.pattern}"
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def trigger(patterns: list[tuple[str, object]]) -> re.Pattern | None:
    """What any of these (name, pattern) pairs needs to match; None if one of them is not known."""
    needs = set()
    for name, pattern in patterns:
        known = PATTERN_NEEDS.get(name)
        if known is None or not hasattr(pattern, "compiled_re") or fingerprint(pattern) != known[0]:
            return None
        needs.update(known[1])
    return re.compile("|".join(map(re.escape, sorted(needs)))) if needs else None


class FastInline:
    """The state that makes one inline processor fast: its registry, and the trigger of its patterns."""

    def __init__(self, processor: InlineProcessor):
        self.processor = processor
        self.registry = processor.inlinePatterns
        self.signature = None
        self.trigger = None
        handle_inline = processor._InlineProcessor__handleInline

        def handle_inline_if_needed(data, patternIndex=0):  # noqa: N803 (Python-Markdown's name)
            if self.trigger is not None and (isinstance(data, AtomicString) or self.trigger.search(data) is None):
                return data
            return handle_inline(data, patternIndex)

        processor._InlineProcessor__handleInline = handle_inline_if_needed

    def refresh(self) -> None:
        """Take the registry's current patterns (a tuple), and their trigger if they changed."""
        self.registry._sort()
        entries = [(item.name, self.registry._data[item.name]) for item in self.registry._priority]
        signature = tuple((name, id(pattern), getattr(pattern, "compiled_re", None)) for name, pattern in entries)
        if signature != self.signature:
            self.signature, self.trigger = signature, trigger(entries)
        self.processor.inlinePatterns = tuple(pattern for _, pattern in entries)


class PretestedExpression:
    """A block processor's regular expression whose ``search`` and ``match`` first look for one of
    ``needs`` in the text (and find nothing without it); anything else is the expression's own."""

    def __init__(self, expression: re.Pattern, needs: tuple[str, ...]):
        self.expression = expression
        self.holds_need = re.compile("|".join(map(re.escape, needs))).search

    def search(self, text: str, *bounds, **named_bounds):
        return self.expression.search(text, *bounds, **named_bounds) if self.holds_need(text) else None

    def match(self, text: str, *bounds, **named_bounds):
        return self.expression.match(text, *bounds, **named_bounds) if self.holds_need(text) else None

    def __getattr__(self, name):
        return getattr(self.expression, name)


def _plain_split(split):
    """``TableProcessor._split``, a plain split for a row without code spans or escapes."""
    def split_row(row: str) -> list[str]:
        return row.split("|") if "`" not in row and "\\" not in row else split(row)

    return split_row


def fast_blocks(parser) -> None:
    """Give the known block processors their pretested expression, and the tables the plain split
    (processors registered since the last conversion included; an unknown class is left as it is)."""
    for name, (known, attribute, needs) in BLOCK_NEEDS.items():
        processor = _registered(parser.blockprocessors, name)
        if processor is not None and attribute not in vars(processor) and class_fingerprint(type(processor)) == known:
            setattr(processor, attribute, PretestedExpression(getattr(processor, attribute), needs))
    table = _registered(parser.blockprocessors, "table")
    if table is not None and "_split" not in vars(table) and class_fingerprint(type(table)) == TABLE_SOURCE:
        table._split = _plain_split(table._split)


def _registered(registry, name: str):
    """The item registered as ``name``, or None (a Registry has no ``get``)."""
    try:
        return registry[name]
    except KeyError:
        return None


def _no_marker(root, elem) -> None:
    """``TocTreeprocessor.replace_marker`` for a page whose source does not hold the marker."""


def speed_up(converter: markdown.Markdown) -> markdown.Markdown:
    """Make ``converter``'s inline processors, block tests, block-level test and table-of-contents
    marker search fast before each of its conversions."""
    fast: dict[int, FastInline] = {}
    convert = converter.convert
    block_level = [frozenset(converter.block_level_elements)]

    def is_block_level(tag) -> bool:  # Markdown.is_block_level, on a set
        return isinstance(tag, str) and tag.lower().rstrip("/") in block_level[0]

    def convert_fast(source: str) -> str:
        block_level[0] = frozenset(converter.block_level_elements)
        fast_blocks(converter.parser)
        tocs = []
        for processor in converter.treeprocessors:
            if isinstance(processor, InlineProcessor):
                state = fast.get(id(processor))
                if state is None or state.processor is not processor:
                    state = fast[id(processor)] = FastInline(processor)
                state.refresh()
            elif isinstance(processor, TocTreeprocessor) and processor.marker and processor.marker not in source:
                processor.replace_marker = _no_marker
                tocs.append(processor)
        try:
            return convert(source)
        finally:
            for state in fast.values():
                state.processor.inlinePatterns = state.registry
            for processor in tocs:
                del processor.replace_marker

    converter.convert = convert_fast
    converter.is_block_level = is_block_level
    return converter


class ReusingMarkdownModule:
    """Stands for the ``markdown`` module in ``mkdocs.structure.pages``."""

    def __init__(self):
        self._last = None  # (extensions, extension_configs, converter)

    def __getattr__(self, name):
        return getattr(markdown, name)

    def Markdown(self, *, extensions, extension_configs):  # noqa: N802 (the name MkDocs calls)
        """The converter of this configuration, reset; a new one when the configuration changed."""
        last = self._last
        if last is None or last[0] is not extensions or last[1] != extension_configs:
            converter = speed_up(markdown.Markdown(extensions=extensions, extension_configs=extension_configs))
            last = self._last = (extensions, extension_configs, converter)
        return last[2].reset()


def install() -> None:
    """Give MkDocs' page renderer the reusing module (a new one per build: a new configuration)."""
    from mkdocs.structure import pages

    pages.markdown = ReusingMarkdownModule()
