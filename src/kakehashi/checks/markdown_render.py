"""Render a page body to HTML as the build does (Python-Markdown with the extensions of ``mkdocs.yml``).

The checks that look at what readers get (the HTML allow-list) need the HTML a page becomes, not its
Markdown: attribute lists, raw HTML and references only show their effect once rendered. MkDocs is not
needed for that: it hands its ``markdown_extensions`` to Python-Markdown, after its own defaults.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import markdown
import yaml

from kakehashi.site_config import tolerant_loader

MKDOCS_DEFAULT_EXTENSIONS = ("toc", "tables", "fenced_code")
# What a check leaves out because it only decorates the HTML (anchors, syntax colours) and costs most of
# the time: code is escaped the same with or without Pygments.
FOR_CHECKS_ONLY = {"exclude": {"toc"}, "options": {"pymdownx.highlight": {"use_pygments": False}}}


def extensions_of(mkdocs_yml: Path) -> tuple[list[str], dict[str, dict]]:
    """The Markdown extensions and their options as ``mkdocs.yml`` lists them (options whose YAML tag only
    MkDocs can construct, such as a slugify function, are left to their defaults)."""
    raw = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=tolerant_loader()) or {}
    names, options = list(MKDOCS_DEFAULT_EXTENSIONS), {}
    for entry in raw.get("markdown_extensions") or []:
        name, config = (next(iter(entry.items())) if isinstance(entry, dict) else (entry, None))
        if name not in names:
            names.append(name)
        if isinstance(config, dict):
            options[name] = {key: value for key, value in config.items() if value is not None}
    return names, options


@lru_cache(maxsize=4)
def _converter(mkdocs_yml: Path, mtime_ns: int, for_checks: bool) -> markdown.Markdown:
    names, options = extensions_of(mkdocs_yml)
    if for_checks:
        names = [name for name in names if name not in FOR_CHECKS_ONLY["exclude"]]
        for name, extra in FOR_CHECKS_ONLY["options"].items():
            if name in names:
                options[name] = {**options.get(name, {}), **extra}
    try:
        return markdown.Markdown(extensions=names, extension_configs=options)
    except Exception:  # noqa: BLE001 - an extension that is missing or misconfigured: the build reports it
        usable = []
        for name in names:
            try:
                markdown.Markdown(extensions=[name], extension_configs={name: options[name]} if name in options else {})
                usable.append(name)
            except Exception:  # noqa: BLE001
                continue
        return markdown.Markdown(extensions=usable, extension_configs={n: options[n] for n in usable if n in options})


def render_markdown(body: str, mkdocs_yml: Path, for_checks: bool = True) -> str:
    """The HTML of a Markdown body, with the site's extensions (one converter per process, reset).
    ``for_checks``: without heading anchors and syntax colours (the same elements otherwise, five times
    faster)."""
    converter = _converter(mkdocs_yml.resolve(), mkdocs_yml.stat().st_mtime_ns, for_checks)
    return converter.reset().convert(body)
