"""MkDocs hook: one Python-Markdown converter per build, reset between pages.

MkDocs makes a new ``markdown.Markdown`` for every page, which loads and configures every extension
again (pymdownx.highlight alone deep-copies its settings twice): about a third of the time a guide
takes to convert. Python-Markdown supports reusing a converter: ``Markdown.reset()`` clears its state
and that of its extensions. So the ``markdown`` module that MkDocs' page renderer sees hands back the
same converter, reset, for as long as the Markdown configuration is the same; MkDocs then registers
its per-page processors on it as usual (a processor registered under a taken name replaces it).
As the converter's inline patterns no longer change, its inline processor gets them as a tuple: it
fetched each one from a registry that checks its sort order on every access (about 900 times per
guide; 9 % of the conversion). ``tests/test_reused_converter.py`` checks that every page of the portal
converts to the same HTML.
"""

import markdown
from markdown.treeprocessors import InlineProcessor
from mkdocs.structure import pages


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
            for processor in converter.treeprocessors:
                if isinstance(processor, InlineProcessor):
                    processor.inlinePatterns = patterns
            last = self._last = (extensions, extension_configs, converter)
        return last[2].reset()


def on_config(config):
    """Install the reusing module (again on each build: a new configuration gets a new converter)."""
    pages.markdown = ReusingMarkdownModule()
    return config
