"""hooks/reused_converter.py: one Python-Markdown converter, reset between pages, gives MkDocs the same
HTML, table of contents and anchors as a new converter for every page."""

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from project import ROOT, load_hook

# Every extension that keeps state between conversions has something here: footnotes, a table of
# contents with a repeated title, highlighted code, details, admonitions, attributes.
STATEFUL = """# Title

Text with a note[^1] and another[^note].

[^1]: First note.
[^note]: Second note.

## Repeated

```python
def f():
    return 1
```

## Repeated {: #custom }

??? note "Details"
    Hidden text.

!!! warning
    A warning.

Term
:   Definition.

| a | b |
|---|---|
| 1 | 2 |

## Repeated
"""


@pytest.fixture(scope="module")
def config():
    return load_config(str(ROOT / "mkdocs.yml"))


def _render_pages(config, module):
    """Render every page of the portal through MkDocs with ``module`` as its ``markdown`` module."""
    files = Files([File(path.relative_to(config.docs_dir).as_posix(), config.docs_dir, config.site_dir, config.use_directory_urls)
                   for path in sorted((ROOT / "docs").rglob("*.md"))])
    saved, mkdocs_pages.markdown = mkdocs_pages.markdown, module
    try:
        rendered = []
        for file in files.documentation_pages():
            page = Page(None, file, config)
            page.read_source(config)
            page.render(config, files)
            rendered.append((file.src_uri, page.content, [(item.id, item.title) for item in page.toc], sorted(page.present_anchor_ids)))
        return rendered
    finally:
        mkdocs_pages.markdown = saved


def test_every_page_of_the_portal_renders_the_same_with_one_reused_converter(config):
    fresh = _render_pages(config, markdown)
    reused = _render_pages(config, load_hook("reused_converter").ReusingMarkdownModule())
    assert len(fresh) > 90
    assert reused == fresh


def test_stateful_extensions_are_reset_between_pages(config):
    module = load_hook("reused_converter").ReusingMarkdownModule()
    kwargs = {"extensions": config.markdown_extensions, "extension_configs": config.mdx_configs}
    expected = markdown.Markdown(**kwargs).convert(STATEFUL)
    first = module.Markdown(**kwargs).convert(STATEFUL)
    second = module.Markdown(**kwargs).convert(STATEFUL)
    assert 'id="fn:note"' in expected and 'id="repeated_1"' in expected and "highlight" in expected
    assert first == second == expected
    assert module.Markdown(**kwargs) is module.Markdown(**kwargs)
    assert module.Markdown(extensions=list(config.markdown_extensions), extension_configs=config.mdx_configs) is not module.Markdown(**kwargs)
