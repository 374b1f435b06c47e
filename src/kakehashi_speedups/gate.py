"""Which speed-ups may run: the versions (and Markdown extensions) each was verified with.

A speed-up patches a library's internals, so a routine upgrade could make it produce wrong output
silently. Each is verified against exact versions, by the portal's own equality tests and by the
library's own test suite (``make test`` runs Python-Markdown's and mkdocs-static-i18n's with the
speed-ups applied); any other version gets the stock path and one warning.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

OFF_ENV = "KAKEHASHI_SPEEDUPS"

# The Markdown extensions of mkdocs.yml that the reused converter was verified with (any other
# extension may bring inline processors or patterns it does not know).
VERIFIED_EXTENSIONS = frozenset({
    "toc", "tables", "fenced_code", "attr_list", "admonition", "def_list", "footnotes",
    "pymdownx.details", "pymdownx.superfences", "pymdownx.highlight",
})


@dataclass(frozen=True)
class SpeedUp:
    """A speed-up: what it patches and the versions of each library it touches that it was verified with."""

    name: str
    patches: str
    verified: dict[str, str]


VERIFIED = {s.name: s for s in (
    SpeedUp("parallel_languages", "mkdocs-static-i18n's per-language build loop (its languages' build flags)",
            {"mkdocs": "1.6.1", "mkdocs-static-i18n": "1.3.1"}),
    SpeedUp("i18n_files", "mkdocs_static_i18n.suffix.create_i18n_file (and File._get_url)",
            {"mkdocs": "1.6.1", "mkdocs-static-i18n": "1.3.1"}),
    SpeedUp("reused_converter", "mkdocs.structure.pages.markdown; InlineProcessor's patterns and private __handleInline; TocTreeprocessor.replace_marker; "
            "the regular expressions of nine block processors; TableProcessor._split",
            {"mkdocs": "1.6.1", "markdown": "3.11.3", "pymdown-extensions": "12.3"}),
    SpeedUp("front_matter", "mkdocs.structure.pages.meta (front matter parsing)",
            {"mkdocs": "1.6.1"}),
    SpeedUp("template_cache", "the Jinja environment's bytecode cache",
            {"mkdocs": "1.6.1", "jinja2": "3.1.6"}),
    SpeedUp("shared_fragments", "Material's tabs, sidebar, search dialog, config and script blocks (overrides/main.html)",
            {"mkdocs": "1.6.1", "mkdocs-material": "9.8.2"}),
    SpeedUp("collector", "the thresholds of Python's cycle collector", {}),
    SpeedUp("quick_exit", "the end of `mkdocs build`: the process exits without Python freeing every object first",
            {"mkdocs": "1.6.1"}),
)}


def installed(package: str) -> str | None:
    try:
        return version(package)
    except PackageNotFoundError:
        return None


def switched_off() -> set[str]:
    """The speed-ups the environment turns off: all of them for ``off`` (or ``0``, ``false``, ``no``),
    the named ones for ``-name,-name`` (to find which one a problem or a gain comes from)."""
    value = os.environ.get(OFF_ENV, "").strip().lower()
    if value in ("off", "0", "false", "no"):
        return set(VERIFIED)
    return {part.strip().removeprefix("-") for part in value.split(",") if part.strip().startswith("-")}


def mismatch(speed_up: SpeedUp, extensions: list[str] | None = None) -> str | None:
    """Why this speed-up may not run here (a version or extension it was not verified with), or None."""
    for package, wanted in speed_up.verified.items():
        found = installed(package)
        if found != wanted:
            return f"{package} {found or 'missing'} installed, verified with {wanted}"
    if speed_up.name == "reused_converter" and extensions is not None and set(extensions) != VERIFIED_EXTENSIONS:
        unknown = sorted(set(extensions) ^ VERIFIED_EXTENSIONS)
        return f"Markdown extensions {unknown} added or removed since it was verified"
    return None


def allowed(extensions: list[str]) -> tuple[set[str], list[str]]:
    """The speed-ups that may run, and a warning for each one held back by a mismatch (or named in
    the environment without being one)."""
    off = switched_off()
    active, warnings = set(), [f"{OFF_ENV}: no speed-up is called '{name}'" for name in sorted(off - set(VERIFIED))]
    for name, speed_up in VERIFIED.items():
        if name in off:
            continue
        reason = mismatch(speed_up, extensions)
        if reason:
            warnings.append(f"speed-up '{name}' not applied ({reason}); the stock path runs")
        else:
            active.add(name)
    return active, warnings
