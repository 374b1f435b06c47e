"""All pages of the portal (or a selection with their language siblings), read and parsed once."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kakehashi.build.stamps import StampCache, file_stamp
from kakehashi.checks.findings import Finding
from kakehashi.content.documents import Document, load_document, parse_document
from kakehashi.content.markdown_model import Structure, parse_structure
from kakehashi.content.paths import split_variant
from kakehashi.content.pins import blob_id, pinned_text
from kakehashi.site_config import SiteConfig


@dataclass
class Variant:
    """One language version of a page."""

    rel: str  # path relative to docs_dir
    display: str  # path relative to the repository, as findings show it
    language: str
    blob: str
    doc: Document | None
    structure: Structure | None
    read_findings: list[Finding]

    @property
    def translation(self) -> dict | None:
        """The ``translation`` block of a translation, None for a source page."""
        if self.doc is None:
            return None
        block = self.doc.meta.get("translation")
        return block if isinstance(block, dict) else ({} if "translation" in self.doc.meta else None)

    @property
    def is_source(self) -> bool:
        return self.doc is not None and self.translation is None

    @property
    def is_stub(self) -> bool:
        return bool(self.translation) and self.translation.get("state") == "stub"


@dataclass
class Group:
    """The language variants of one page."""

    stem: str
    variants: dict[str, Variant] = field(default_factory=dict)

    @property
    def sources(self) -> list[Variant]:
        return [v for v in self.variants.values() if v.is_source]

    @property
    def source(self) -> Variant | None:
        """The source variant when exactly one claims it; else None (a rule reports why)."""
        sources = self.sources
        return sources[0] if len(sources) == 1 else None

    def translations(self) -> list[Variant]:
        """Readable, non-stub translations with a source to compare against."""
        source = self.source
        return [v for v in self.variants.values() if source and v is not source and v.doc and not v.is_stub]

    def pairs(self, root: Path) -> list[tuple[Variant, Variant]]:
        """(reference, translation) for each translation. The reference is the source as it was when the
        translation was pinned (from git), so an outdated translation is compared with what it translated;
        the current source when the pin is current or unknown."""
        source = self.source
        out = []
        for variant in self.translations():
            pin = str((variant.translation or {}).get("source_hash") or "")
            reference = source
            if pin != source.blob and len(pin) == 40:
                reference = pinned_variant(root, pin, source) or source
            out.append((reference, variant))
        return out


@lru_cache(maxsize=512)
def _pinned_document(root: Path, blob: str, display: str):
    text = pinned_text(root, blob)
    if text is None:
        return None
    doc, findings = parse_document(text, display)
    return None if findings else (doc, parse_structure(doc.body, doc.body_line))


def pinned_variant(root: Path, blob: str, source: Variant) -> Variant | None:
    """The source page as it was at ``blob``, or None when git does not have it."""
    parsed = _pinned_document(root, blob, source.display)
    if parsed is None:
        return None
    return Variant(source.rel, source.display, source.language, blob, parsed[0], parsed[1], [])


_variants: StampCache[Variant] = StampCache()  # read already, by (root, file, language)


def load_variant(docs_dir: Path, root: Path, rel: str, language: str) -> Variant:
    """Read and hash one page file and parse its front matter (the Markdown is parsed by the checks
    that need it); bad input becomes findings, never an exception. A file whose size and modification
    time have not changed since it was last read in this process is not read again (live reload)."""
    path = docs_dir / rel
    return _variants.get((root, path, language), (file_stamp(path),), lambda: _read_variant(path, root, rel, language))


def _read_variant(path: Path, root: Path, rel: str, language: str) -> Variant:
    display = os.path.relpath(path, root)
    try:
        data = path.read_bytes()
    except OSError:
        data = None
    doc, findings = load_document(path, display, data)
    blob = blob_id(data) if data is not None else ""
    return Variant(rel, display, language, blob, doc, None, findings)


def read_group(site: SiteConfig, stem: str, files: list[tuple[str, str]]) -> Group:
    """Read the variants ``[(path relative to docs_dir, language)]`` of one page."""
    group = Group(stem)
    for rel, language in files:
        group.variants[language] = load_variant(site.docs_dir, site.root, rel, language)
    return group


def page_files(site: SiteConfig, selection: list[Path] | None = None) -> dict[str, list[tuple[str, str]]]:
    """{stem: [(path relative to docs_dir, language)]} for every page, or for the selected files and
    all their language siblings."""
    default = site.default_language.code
    docs = site.docs_dir.resolve()
    wanted = None
    if selection is not None:
        wanted = {
            split_variant(p.resolve().relative_to(docs).as_posix(), site.codes, default)[0]
            for p in selection
            if p.suffix == ".md" and p.resolve().is_relative_to(docs)
        }
    stems: dict[str, list[tuple[str, str]]] = {}
    for file in sorted(site.docs_dir.rglob("*.md")):
        rel = file.relative_to(site.docs_dir).as_posix()
        stem, language = split_variant(rel, site.codes, default)
        if wanted is None or stem in wanted:
            stems.setdefault(stem, []).append((rel, language))
    return stems


def load_pageset(site: SiteConfig, selection: list[Path] | None = None) -> list[Group]:
    """Every page (or the selected ones with their siblings), read in this process, grouped by stem:
    front matter and hashes, enough for translation states."""
    return [read_group(site, stem, files) for stem, files in page_files(site, selection).items()]
