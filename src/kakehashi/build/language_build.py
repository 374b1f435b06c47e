"""What every part of one language's build needs to know: the site, the language, its UI catalog.

The hooks ask ``language_build(config_file, code)`` for it. The configuration is parsed once per process
(again only when ``mkdocs.yml`` changes), each catalog once per compilation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kakehashi.render.ui_text import translations
from kakehashi.site_config import Language, SiteConfig, load_site_config


@dataclass(frozen=True)
class LanguageBuild:
    """One language being built."""

    site: SiteConfig
    code: str

    @property
    def lang(self) -> Language:
        return self.site.language(self.code)

    @property
    def locale(self) -> str:
        """The Babel locale of dates and numbers (``fr_FR``)."""
        return self.lang.formatting_locale

    @property
    def gettext(self) -> Callable[[str], str]:
        """The UI catalog's ``gettext`` (read again when ``make i18n`` compiled it anew)."""
        return translations(self.site.root / "locales", self.code).gettext


_builds: dict[tuple[SiteConfig, str], LanguageBuild] = {}


def language_build(config_file: str | Path, code: str) -> LanguageBuild:
    """The build of ``code`` for the site of ``config_file`` (the same object while the site is unchanged)."""
    site = load_site_config(Path(config_file))
    key = (site, code)
    if key not in _builds:
        _builds[key] = LanguageBuild(site, code)
    return _builds[key]
