"""UI strings (gettext catalogs in ``locales/``) and locale-aware formatting with Babel."""

from __future__ import annotations

import gettext
from datetime import date
from functools import cache
from pathlib import Path

from babel.dates import format_date, format_interval

DOMAIN = "messages"


@cache
def translations(locales_dir: Path, language: str) -> gettext.NullTranslations:
    """The compiled catalog for ``language``; English (the msgid language) needs none.

    Raises FileNotFoundError with the command to run when a catalog was not compiled.
    """
    if language == "en":
        return gettext.NullTranslations()
    mo = locales_dir / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if not mo.is_file():
        raise FileNotFoundError(f"{mo}: compiled catalog missing; run `make i18n`")
    with mo.open("rb") as handle:
        return gettext.GNUTranslations(handle)


def long_date(value: date, locale: str) -> str:
    """26 November 2026 / 26 novembre 2026 / 2026年11月26日."""
    return format_date(value, format="long", locale=locale)


def date_range(start: date, end: date, locale: str) -> str:
    """A localized interval from CLDR's interval formats (not concatenation): 8–10 Oct 2027,
    8–10 octobre 2027, 2027年10月8日～10日. CLDR has no full-month interval in English."""
    if start == end:
        return long_date(start, locale)
    return format_interval(start, end, skeleton="yMMMMd", locale=locale)
