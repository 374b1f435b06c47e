"""Markup in data files: their values are plain text, escaped on every page, so HTML written there never
becomes HTML; it is still refused, with the file and line, since it is a mistake or a probe and would
show readers ``<img src=…>`` as text."""

from __future__ import annotations

import re

import yaml

from kakehashi.checks.findings import Severity
from kakehashi.checks.registry import CheckContext, rule
from kakehashi.data.yaml_loader import YamlReadError, read_yaml_file

MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?]|&#?[A-Za-z0-9]+;")
DATA_FILES = ("data/events/*.yaml", "data/partners/*.yaml", "data/termbase.yaml", "data/vocabulary.yaml")


def _scalars(node: yaml.Node):
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            yield current
        elif isinstance(current, yaml.MappingNode):
            stack.extend(value for _, value in current.value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


@rule("H005", Severity.ERROR, "HTML markup or character reference in a data file", scope="site")
def check_data_markup(ctx: CheckContext):
    """Event, partner, termbase and vocabulary values are plain text: the pages escape them, so
    ``<b>``, ``<img …>`` or ``&amp;`` would be shown to readers as written, never run. Write plain text
    (the characters themselves, not references); links go in the fields made for addresses (``url``,
    ``website``), which must be ``https://`` addresses."""
    if not (ctx.whole_site or ctx.touches("data")):
        return
    for pattern in DATA_FILES:
        for path in sorted(ctx.root.glob(pattern)):
            try:
                doc = read_yaml_file(path)
            except YamlReadError:
                continue  # reported as D001/D002 by the data checks
            display = path.relative_to(ctx.root).as_posix()
            for node in _scalars(doc.node):
                if isinstance(node.value, str) and (match := MARKUP.search(node.value)):
                    line = node.start_mark.line + 1
                    if node.style in ("|", ">"):  # a block scalar starts on the line after its indicator
                        line += 1 + node.value.count("\n", 0, match.start())
                    excerpt = node.value[match.start(): match.start() + 40]
                    yield check_data_markup.rule.finding(display, line, f"'{excerpt}' is markup in a plain-text value: "
                                                         "readers would see it as written; write plain text", node.start_mark.column + 1)
