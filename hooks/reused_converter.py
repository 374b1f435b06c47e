"""MkDocs hook: one Python-Markdown converter per build, reset between pages.

MkDocs makes a new ``markdown.Markdown`` for every page, which loads and configures every extension
again (pymdownx.highlight alone deep-copies its settings twice): about a third of the time a guide
takes to convert. Python-Markdown supports reusing a converter: ``Markdown.reset()`` clears its state
and that of its extensions. So the ``markdown`` module that MkDocs' page renderer sees hands back the
same converter, reset, for as long as the Markdown configuration is the same; MkDocs then registers
its per-page processors on it as usual (a processor registered under a taken name replaces it).
As the converter's inline patterns no longer change, its inline processor gets them as a tuple: it
fetched each one from a registry that checks its sort order on every access (about 900 times per
guide; 9 % of the conversion). And it leaves alone a text in which none of its patterns can start
(no backtick, backslash, bracket, angle bracket, ampersand, asterisk, underscore or hard line break):
trying its 15 patterns one by one on such a text, most of a page's, would find nothing either (a
third of the conversion). ``tests/test_reused_converter.py`` checks that every page of the portal,
and generated Markdown, convert to the same HTML.
"""

import re

import markdown
from markdown.treeprocessors import InlineProcessor
from markdown.util import AtomicString
from mkdocs.structure import pages

# What a text must contain for each of Python-Markdown's inline patterns (and those of the portal's
# extensions) to match in it. A converter with any other pattern does not skip texts.
PATTERN_NEEDS = {
    "backtick": ("`", "\\"), "escape": ("\\",), "entity": ("&",), "linebreak": ("  \n",),
    "reference": ("[",), "link": ("[",), "short_reference": ("[",), "footnote": ("[",),
    "image_link": ("[",), "image_reference": ("[",), "short_image_ref": ("[",),
    "autolink": ("<",), "automail": ("<",), "html": ("<",), "em_strong": ("*", "_"),
}


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
            converter = markdown.Markdown(extensions=extensions, extension_configs=extension_configs)
            patterns = tuple(converter.inlinePatterns)
            trigger = _trigger(converter.inlinePatterns)
            for processor in converter.treeprocessors:
                if isinstance(processor, InlineProcessor):
                    processor.inlinePatterns = patterns
                    if trigger is not None:
                        _skip_texts_without(trigger, processor)
            last = self._last = (extensions, extension_configs, converter)
        return last[2].reset()


def _trigger(registry) -> re.Pattern | None:
    """What any of the registered inline patterns needs to match; None if one of them is unknown."""
    known = [name for name in PATTERN_NEEDS if name in registry]
    if len(known) != len(registry):
        return None
    needs = sorted({need for name in known for need in PATTERN_NEEDS[name]})
    return re.compile("|".join(map(re.escape, needs)))


def _skip_texts_without(trigger: re.Pattern, processor: InlineProcessor) -> None:
    """Make the processor return a text in which no pattern can match as it is, without trying them."""
    handle_inline = processor._InlineProcessor__handleInline

    def handle_inline_if_needed(data, patternIndex=0):  # noqa: N803 (Python-Markdown's name)
        if isinstance(data, AtomicString) or trigger.search(data) is None:
            return data
        return handle_inline(data, patternIndex)

    processor._InlineProcessor__handleInline = handle_inline_if_needed


def on_config(config):
    """Install the reusing module (again on each build: a new configuration gets a new converter)."""
    pages.markdown = ReusingMarkdownModule()
    return config
