"""MkDocs takes each page's front matter as the portal read it instead of parsing it again.

Every page's front matter is parsed once per build, when the portal is read (``hooks/translations.py``;
the language workers receive what the main build read). MkDocs would parse it once more for each page
it renders. Here the ``meta`` module that MkDocs' page module sees looks the YAML text up among the
front matters read: the same text gives the same data (both parse it with libyaml's safe loader), and
any other text (a page edited since, a front matter that does not parse) goes to MkDocs' own parser.
``tests/speedups/test_front_matter.py`` checks that MkDocs gets the same body and data for every page.
"""

from mkdocs.structure import pages
from mkdocs.utils import meta


class PortalFrontMatter:
    """Stands for ``mkdocs.utils.meta`` in ``mkdocs.structure.pages``; ``read()`` gives the front
    matters known, ``{YAML text: data}``, and is called when the first page is read."""

    def __init__(self, read):
        self._read, self._known = read, None

    def __getattr__(self, name):
        return getattr(meta, name)

    def get_data(self, doc: str) -> tuple[str, dict]:
        """``meta.get_data``: the Markdown after the front matter, and the front matter's data."""
        match = meta.YAML_RE.match(doc)
        if match:
            if self._known is None:
                self._known = self._read()
            data = self._known.get(match[1])
            if data is not None:
                return doc[match.end() :].lstrip("\n"), _copy(data)
        return meta.get_data(doc)


def _copy(value):
    """A copy of YAML data: each page gets its own, as from MkDocs' parser."""
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


def install(read) -> None:
    """Point MkDocs' page reading at this build's front matters (``read()`` gives them)."""
    pages.meta = PortalFrontMatter(read)
