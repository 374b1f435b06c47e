"""The portal's languages and URLs, read from ``mkdocs.yml`` (their single source of truth).

``mkdocs.yml`` is read as plain YAML, tolerating MkDocs' custom tags, so the core never needs MkDocs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import yaml
from babel import Locale


class _TolerantLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader that reads ``!ENV [NAME, default]`` and ignores other custom tags."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node):
    value = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    for name in value[:-1] if len(value) > 1 else value:
        if name in os.environ:
            return os.environ[name]
    return value[-1] if len(value) > 1 else None


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node):
    return None


_TolerantLoader.add_constructor("!ENV", _env_tag)
_TolerantLoader.add_multi_constructor("!", _ignore_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


def tolerant_loader() -> type[yaml.SafeLoader]:
    """The loader that reads ``mkdocs.yml`` (MkDocs' custom tags tolerated)."""
    return _TolerantLoader


@dataclass(frozen=True)
class Language:
    """A language the portal is published in."""

    code: str
    default: bool
    formatting_locale: str

    @property
    def url_prefix(self) -> str:
        """Path prefix of this language's pages: ``""`` for the default language, ``"fr/"`` otherwise."""
        return "" if self.default else f"{self.code}/"

    @cached_property
    def display_name(self) -> str:
        """The language's name in its own language (Babel), e.g. ``français``, ``日本語``."""
        return Locale.parse(self.code).get_display_name(self.code)

    def name_in(self, reader: str) -> str:
        """The language's name in the reader's language: ``anglais`` for ``en`` read in ``fr``."""
        return Locale.parse(self.code).get_display_name(reader)


@dataclass(frozen=True)
class SiteConfig:
    """What the core needs to know of the site."""

    root: Path
    docs_dir: Path
    site_dir: Path
    site_url: str
    languages: tuple[Language, ...]
    # Languages still being added (``extra.kakehashi.languages_in_progress``): their UI catalog may
    # lack strings (shown in English) and the termbase their terms, without failing the checks.
    in_progress: tuple[str, ...] = ()

    @property
    def default_language(self) -> Language:
        return next(lang for lang in self.languages if lang.default)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.languages)

    @property
    def settled_codes(self) -> tuple[str, ...]:
        """The languages whose catalog and terms must be complete."""
        return tuple(code for code in self.codes if code not in self.in_progress)

    def language(self, code: str) -> Language:
        """The language with that code; KeyError if the portal has none."""
        for lang in self.languages:
            if lang.code == code:
                return lang
        raise KeyError(code)


def load_site_config(mkdocs_yml: Path) -> SiteConfig:
    """Read languages, directories and ``site_url`` from ``mkdocs.yml`` (re-read only when it changed)."""
    stat = mkdocs_yml.stat()
    return _load_site_config(mkdocs_yml.resolve(), stat.st_mtime_ns, stat.st_size, os.environ.get("KAKEHASHI_SITE_URL"))


@lru_cache(maxsize=16)
def _load_site_config(mkdocs_yml: Path, mtime_ns: int, size: int, site_url_env: str | None) -> SiteConfig:
    raw = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    root = mkdocs_yml.resolve().parent
    i18n = next(
        (p["i18n"] for p in raw.get("plugins", []) if isinstance(p, dict) and "i18n" in p),
        None,
    )
    if not i18n:
        raise ValueError(f"{mkdocs_yml}: no 'i18n' plugin block with languages")
    settings = (raw.get("extra") or {}).get("kakehashi", {})
    formatting = settings.get("formatting_locales", {})
    languages = tuple(
        Language(code=entry["locale"], default=bool(entry.get("default")), formatting_locale=formatting.get(entry["locale"], entry["locale"]))
        for entry in i18n["languages"]
    )
    site_url = raw.get("site_url") or "http://127.0.0.1:8000/"
    return SiteConfig(
        root=root,
        docs_dir=root / raw.get("docs_dir", "docs"),
        site_dir=root / raw.get("site_dir", "site"),
        site_url=site_url if site_url.endswith("/") else site_url + "/",
        languages=languages,
        in_progress=tuple(settings.get("languages_in_progress") or ()),
    )


def find_mkdocs_yml(start: Path | None = None) -> Path:
    """The nearest ``mkdocs.yml`` at or above ``start`` (default: the working directory)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "mkdocs.yml"
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("no mkdocs.yml here or in any parent folder")
