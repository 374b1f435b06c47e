"""UI string catalogs (``locales/*/LC_MESSAGES/messages.po``): complete, not fuzzy, placeholders kept, compiled."""

from __future__ import annotations

import re

from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from kakehashi.checks.findings import Severity
from kakehashi.checks.registry import CheckContext, rule

PLACEHOLDER = re.compile(r"%\([\w]+\)[sdif]|%[sdif]|\{[\w]*\}")


def _catalogs(ctx: CheckContext):
    if not ctx.whole_site:
        return
    for lang in ctx.site.languages:
        if lang.default:
            continue
        po = ctx.root / "locales" / lang.code / "LC_MESSAGES" / "messages.po"
        if not po.is_file():
            continue
        try:
            with po.open("rb") as handle:
                catalog = read_po(handle, locale=lang.code)
        except Exception as error:  # Babel raises several types on a malformed catalog
            yield po, None, error
            continue
        yield po, catalog, None


def _translations(catalog) -> dict:
    """What a compiled catalog serves: translated, non-fuzzy messages (as ``pybabel compile`` keeps them)."""
    return {message.id: message.string for message in catalog if message.id and message.string and not message.fuzzy}


def _display(ctx, path) -> str:
    return str(path.relative_to(ctx.root))


@rule("C001", Severity.ERROR, "UI string not translated", scope="site")
def check_untranslated(ctx: CheckContext):
    """Every UI string of the templates has a translation in each catalog. Run ``make i18n`` after
    adding a string, then fill in its ``msgstr`` in each ``locales/<language>``. A language listed in
    ``extra.kakehashi.languages_in_progress`` of ``mkdocs.yml`` is not checked yet (its readers see
    the English strings) until it is taken off that list."""
    for po, catalog, error in _catalogs(ctx):
        if error is not None:
            yield check_untranslated.rule.finding(_display(ctx, po), 1, f"catalog cannot be read: {error}")
            continue
        if catalog.locale_identifier in ctx.site.in_progress:
            continue  # a language being added: its missing strings are shown in English meanwhile
        for message in catalog:
            if message.id and not message.string:
                yield check_untranslated.rule.finding(_display(ctx, po), message.lineno or 1, f"no translation for {message.id!r}")


@rule("C002", Severity.ERROR, "fuzzy UI string", scope="site")
def check_fuzzy(ctx: CheckContext):
    """A ``#, fuzzy`` entry is a guess made by ``pybabel update``: review it, then remove the flag."""
    for po, catalog, _error in _catalogs(ctx):
        for message in catalog or []:
            if message.id and message.fuzzy:
                yield check_fuzzy.rule.finding(_display(ctx, po), message.lineno or 1, f"fuzzy translation of {message.id!r}: review it and remove the flag")


@rule("C003", Severity.ERROR, "placeholder changed in a UI string", scope="site")
def check_placeholders(ctx: CheckContext):
    """Placeholders such as ``%(count)s`` or ``{date}`` are filled in by the code: keep each one
    unchanged in the translation (their order may change)."""
    for po, catalog, _error in _catalogs(ctx):
        for message in catalog or []:
            if (message.id and message.string and not isinstance(message.id, tuple)
                    and sorted(PLACEHOLDER.findall(message.id)) != sorted(PLACEHOLDER.findall(message.string))):
                    yield check_placeholders.rule.finding(_display(ctx, po), message.lineno or 1, f"placeholders of {message.id!r} differ in the translation")


@rule("C004", Severity.ERROR, "compiled catalog (.mo) missing or out of date", scope="site")
def check_compiled(ctx: CheckContext):
    """The build reads compiled ``.mo`` files. Run ``make i18n`` (or ``make build``) after editing a ``.po``."""
    for po, catalog, _error in _catalogs(ctx):
        if catalog is None:
            continue
        mo = po.with_suffix(".mo")
        try:
            with mo.open("rb") as handle:
                compiled = _translations(read_mo(handle))
        except (OSError, ValueError, IndexError):
            compiled = None
        if compiled != _translations(catalog):
            yield check_compiled.rule.finding(_display(ctx, po), 1, f"{mo.name} is missing or older than the .po: run `make i18n`")
