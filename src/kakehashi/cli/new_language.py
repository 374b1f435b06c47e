"""``kakehashi new language CODE --name NAME``: everything a new language of the portal needs.

It adds the language to ``mkdocs.yml`` (the i18n plugin's list, its date format, and
``languages_in_progress`` so that its missing UI strings and terms do not fail the checks yet), and
creates its gettext catalog from ``locales/messages.pot`` with every string untranslated (readers see
the English strings until translators fill them in). Pages fall back to the default language with a
banner; the 404 page, search index, sitemap and language switcher come from the configuration.
``mkdocs.yml`` keeps its comments and layout: lines are inserted where the YAML tree says, and every
file is checked before the first one is written.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from kakehashi.checks.fixer import write_atomically
from kakehashi.site_config import SiteConfig, tolerant_loader

CODE = re.compile(r"^[a-z]{2,3}$")


class LanguageError(Exception):
    """The language cannot be added; the message says why. Nothing was written."""


@dataclass(frozen=True)
class NewLanguage:
    code: str
    name: str


def check_request(site: SiteConfig, code: str, name: str) -> NewLanguage:
    """The request, once it is known to be one the portal can carry out."""
    if not CODE.match(code):
        raise LanguageError(f"'{code}' is not an ISO 639 language code such as de, it or es")
    if code in site.codes:
        raise LanguageError(f"the portal has '{code}' already (mkdocs.yml, i18n languages)")
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        raise LanguageError(f"Babel knows no language '{code}': dates and language names could not be written") from None
    if not _theme_knows(code):
        raise LanguageError(f"the Material theme has no interface translation for '{code}' (partials/languages/{code}.html)")
    if not name.strip() or "\n" in name:
        raise LanguageError("--name is the language's name in that language, on one line, e.g. Deutsch")
    if (site.root / "locales" / code).exists():
        raise LanguageError(f"locales/{code} exists already; remove it or add the language by hand")
    return NewLanguage(code, name.strip())


def _theme_knows(code: str) -> bool:
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return True  # no theme installed here: the build will tell
    return any((Path(folder) / "templates" / "partials" / "languages" / f"{code}.html").is_file()
               for folder in spec.submodule_search_locations)


def add_language(site: SiteConfig, mkdocs_yml: Path, request: NewLanguage) -> list[Path]:
    """Write the new configuration and catalog; return the files written."""
    text = mkdocs_yml.read_text(encoding="utf-8")
    configured = add_to_config(text, request)
    pot = site.root / "locales" / "messages.pot"
    with pot.open("rb") as handle:
        catalog = read_po(handle)
    catalog.locale = Locale.parse(request.code)
    catalog.revision_date = catalog.creation_date
    po = site.root / "locales" / request.code / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    with po.open("wb") as out:
        write_po(out, catalog, width=100)
    with po.with_suffix(".mo").open("wb") as out:
        write_mo(out, catalog)
    write_atomically(mkdocs_yml, configured)
    return [mkdocs_yml, po]


def add_to_config(text: str, request: NewLanguage) -> str:
    """``mkdocs.yml`` with the language added to the i18n plugin's list, to the date formats and to
    ``languages_in_progress``; the rest of the text is unchanged."""
    root = yaml.compose(text, Loader=tolerant_loader())
    lines = text.split("\n")
    i18n = next((_get(item, "i18n") for item in _get(root, "plugins").value if _get(item, "i18n") is not None), None)
    languages = _get(i18n, "languages") if i18n is not None else None
    if languages is None or not languages.value:
        raise LanguageError("mkdocs.yml has no i18n plugin with a list of languages")
    kakehashi = _get(_get(root, "extra"), "kakehashi")
    if kakehashi is None:
        raise LanguageError("mkdocs.yml has no extra.kakehashi block")
    edits = []  # (line index to insert at, lines)
    item = languages.value[-1]
    indent = " " * item.start_mark.column
    dash = " " * (item.start_mark.column - 2)
    edits.append((_end(lines, languages), [f"{dash}- locale: {request.code}", f"{indent}name: {_quoted(request.name)}", f"{indent}build: true"]))
    formats = _get(kakehashi, "formatting_locales")
    if formats is not None and formats.value:
        edits.append((_end(lines, formats), [f"{' ' * formats.value[-1][0].start_mark.column}{request.code}: {request.code}"]))
    in_progress = _get(kakehashi, "languages_in_progress")
    if in_progress is None:
        key_indent = " " * kakehashi.value[0][0].start_mark.column
        edits.append((_end(lines, kakehashi), [
            f"{key_indent}# Languages still being added: their missing UI strings (shown in English) and terms",
            f"{key_indent}# do not fail the checks. Take a language off the list once it is translated.",
            f"{key_indent}languages_in_progress: [{request.code}]",
        ]))
    elif isinstance(in_progress, yaml.SequenceNode) and in_progress.flow_style:
        line = lines[in_progress.end_mark.line]
        column = in_progress.end_mark.column - 1  # the closing bracket
        separator = ", " if in_progress.value else ""
        lines[in_progress.end_mark.line] = f"{line[:column]}{separator}{request.code}{line[column:]}"
    else:
        raise LanguageError("extra.kakehashi.languages_in_progress must be a [list, like, this]")
    for at, new in sorted(edits, reverse=True):
        lines[at:at] = new
    return "\n".join(lines)


def _get(node, key: str):
    """The value node of ``key`` in a mapping node, or None."""
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((value for name, value in node.value if name.value == key), None)


def _end(lines: list[str], node) -> int:
    """The line index just after a block node's last non-blank, non-comment line."""
    mark = node.end_mark  # where the next token starts: on a later line, or after the node on its last one
    end = mark.line if mark.line >= len(lines) or not lines[mark.line][: mark.column].strip() else mark.line + 1
    while end > node.start_mark.line + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    return end


def _quoted(value: str) -> str:
    """A YAML scalar for a name (quoted when plain YAML would read it otherwise)."""
    return value if re.fullmatch(r"[^\s:#'\"\[\]{},&*!|>%@`-][^:#]*", value) and value.strip() == value else f'"{value}"'
