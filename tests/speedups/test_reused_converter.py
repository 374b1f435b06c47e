"""The reused_converter speed-up (src/kakehashi_speedups/): one Python-Markdown converter, reset between pages, gives MkDocs the same
HTML, table of contents and anchors as a new converter for every page."""

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from project import ROOT

from kakehashi_speedups import reused_converter

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
    reused = _render_pages(config, reused_converter.ReusingMarkdownModule())
    assert len(fresh) > 90
    assert reused == fresh


def test_stateful_extensions_are_reset_between_pages(config):
    module = reused_converter.ReusingMarkdownModule()
    kwargs = {"extensions": config.markdown_extensions, "extension_configs": config.mdx_configs}
    expected = markdown.Markdown(**kwargs).convert(STATEFUL)
    first = module.Markdown(**kwargs).convert(STATEFUL)
    second = module.Markdown(**kwargs).convert(STATEFUL)
    assert 'id="fn:note"' in expected and 'id="repeated_1"' in expected and "highlight" in expected
    assert first == second == expected
    assert module.Markdown(**kwargs) is module.Markdown(**kwargs)
    assert module.Markdown(extensions=list(config.markdown_extensions), extension_configs=config.mdx_configs) is not module.Markdown(**kwargs)


@pytest.fixture(scope="module")
def converters(config):
    kwargs = {"extensions": config.markdown_extensions, "extension_configs": config.mdx_configs}
    return (lambda: markdown.Markdown(**kwargs)), reused_converter.ReusingMarkdownModule().Markdown(**kwargs)


# What inline patterns need, and near misses: bare !, ], ^, @, :, ;, #, single spaces before line ends, kana.
TEXT = st.lists(st.sampled_from(list("ab xyz9!]^@:;#/.-+=\"'\n\t()*_`\\[<&") + ["&amp;", "&#42;", "ノーティファイド", "évaluée", "  \n"]), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_no_inline_pattern_matches_a_text_without_what_it_needs(converters, text):
    registry = converters[0]().inlinePatterns
    trigger = reused_converter.trigger([(item.name, registry[item.name]) for item in registry._priority])
    assert trigger is not None  # every pattern of the portal's converter is known
    if trigger.search(text) is None:
        assert [name for name in reused_converter.PATTERN_NEEDS if name in registry and registry[name].compiled_re.search(text)] == []


FRAGMENTS = st.sampled_from([
    "word", "語", " ", "  \n", "\n", "\n\n", "*", "**", "_", "__", "`", "``", "\\", "\\*", "[", "]", "(", ")",
    "[link](other.md)", "![img](a.png)", "[^1]", "\n\n[^1]: Note.\n", "<b>", "</b>", "<https://example.org>",
    "<a@b.eu>", "&amp;", "&#42;", "&", "<", "# ", "- ", "1. ", "| a | b |\n|---|---|\n| 1 | 2 |\n", "!!! note\n    ",
    "[TOC]", "\\[TOC\\]", "[TO", "C]",
    "\n===\n", "\n---\n", "\n-", "#", "> ", ">", "***", "* * *", "___", ":", ":   ", "Term\n:   Definition\n", "|",
    "| `a|b` | c\\|d |\n|---|---|\n| 1 | `|` |\n", "| a | b |\n|:--|--:|\n| x \\| y | z |\n",
    "??? note \"S\"\n    Body\n", "???+ tip\n    Open\n", "[x]: https://example.org \"T\"\n", "[x]", "]: ",
])


# A few kinds of fragment per text, so that some paragraphs hold only one kind of markup.
@settings(max_examples=300, deadline=None)
@given(st.lists(FRAGMENTS, min_size=1, max_size=4).flatmap(lambda kinds: st.lists(st.sampled_from(kinds), max_size=30)).map("".join))
def test_generated_markdown_converts_as_with_a_new_converter(converters, text):
    fresh, reused = converters
    assert reused.reset().convert(text) == fresh().convert(text)


BLOCK = st.lists(st.sampled_from(list("ab 9!=-_*#>:|`\\.\n\t") + ["   ", "語", "Term", "===", "\n-", "\n=", "\n:", "\n>", "\n#", "!!!", "???", "[^", "]:", "[x]:", "[x]: /u", "[^1]: n", "[^1]:n"]), max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(BLOCK)
def test_no_block_expression_matches_a_text_without_what_it_needs(converters, text):
    """What the pretested expressions rest on: each known one finds nothing in a text without one of
    its needs, and a table row without backticks or backslashes splits at every pipe."""
    blocks = converters[0]().parser.blockprocessors
    for name, (_, attribute, needs) in reused_converter.BLOCK_NEEDS.items():
        if not any(need in text for need in needs):
            expression = getattr(blocks[name], attribute)
            assert expression.search(text) is None and expression.match(text) is None, name
    if "`" not in text and "\\" not in text:
        assert blocks["table"]._split(text) == text.split("|")


def test_only_known_block_processors_are_pretested(converters):
    """A processor whose class is not the one recorded (here, a heading of its own) keeps its expression."""
    fresh = converters[0]
    reused = reused_converter.speed_up(fresh())
    reused.convert("")
    blocks = reused.parser.blockprocessors
    assert all(attribute in vars(blocks[name]) for name, (_, attribute, _) in reused_converter.BLOCK_NEEDS.items())
    assert "_split" in vars(blocks["table"])

    class Heading(type(blocks["hashheader"])):
        RE = type(blocks["hashheader"]).RE

    stock = fresh()
    for converter in (stock, reused):
        converter.parser.blockprocessors.register(Heading(converter.parser), "hashheader", 70)
    assert reused.reset().convert("# A\n\nText\n") == stock.convert("# A\n\nText\n")
    assert "RE" not in vars(reused.parser.blockprocessors["hashheader"])


def test_the_block_level_test_answers_as_markdown_and_follows_its_list():
    fast, stock = reused_converter.speed_up(markdown.Markdown()), markdown.Markdown()
    for tag in [*stock.block_level_elements, "span", "P", "hr/", "custom", None]:
        assert fast.is_block_level(tag) == stock.is_block_level(tag), tag
    for converter in (fast, stock):
        converter.block_level_elements.append("custom")  # as an extension may do, before converting
    assert fast.convert("<custom>\n*x*\n</custom>") == stock.convert("<custom>\n*x*\n</custom>")
    assert fast.is_block_level("custom")


@pytest.mark.parametrize("source", ["# A\n\n[TOC]\n\n## B\n", "# A\n\n[TOC] and more\n\n## B\n", "# A\n\n\\[TOC\\]\n",
                                    "# A\n\n&#91;TOC&#93;\n", "# A\n\n- [TOC]\n", "# A\n\n`[TOC]`\n"])
def test_the_toc_marker_is_replaced_as_by_a_new_converter(converters, source):
    """The marker search is skipped only for a source without the marker; one with it gets its table."""
    fresh, reused = converters
    for _ in range(2):  # and the converter searches again on the next page
        assert reused.reset().convert(source) == fresh().convert(source)
        assert reused.reset().convert("# Plain\n\nNo marker.\n") == fresh().convert("# Plain\n\nNo marker.\n")
    assert '<div class="toc">' in reused.reset().convert("# A\n\n[TOC]\n\n## B\n")
