"""The trilingual termbase (``data/termbase.yaml``): approved terms, accepted variants, forbidden forms.

It drives the terminology rules and renders the Glossary page in each language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from kakehashi.build.stamps import StampCache, file_stamp
from kakehashi.checks.findings import Finding
from kakehashi.checks.registry import report
from kakehashi.data.schemas import validator
from kakehashi.data.yaml_loader import YamlReadError, read_yaml_file

LATIN = re.compile(r"[A-Za-zÀ-ÿ]")
APOSTROPHE = re.compile("['’]")


@dataclass(frozen=True)
class Term:
    term: str
    variants: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()

    @property
    def accepted(self) -> tuple[str, ...]:
        return (self.term, *self.variants)


@dataclass(frozen=True)
class Concept:
    id: str
    terms: dict[str, Term]
    definition: dict[str, str] = field(default_factory=dict)
    source: str | None = None
    line: int = 1


@lru_cache(maxsize=4096)
def term_pattern(term: str) -> re.Pattern:
    """Case-insensitive match; Latin-script terms only as whole words (MAH, not inside MAHOGANY)."""
    escaped = APOSTROPHE.sub("['’]", re.escape(term))  # either apostrophe matches either
    if LATIN.search(term):
        # Whole words of Latin script; a neighbouring kana or kanji is a boundary (PMDAや, GDPRに).
        return re.compile(rf"(?<![A-Za-z0-9À-ÿ-]){escaped}(?![A-Za-z0-9À-ÿ-])", re.IGNORECASE)
    return re.compile(escaped)


def uses(text: str, forms: tuple[str, ...]) -> re.Match | None:
    """The first occurrence of any of ``forms`` in ``text``."""
    for form in forms:
        match = term_pattern(form).search(text)
        if match:
            return match
    return None


_termbases: StampCache[tuple[list[Concept], list[Finding]]] = StampCache()


def load_termbase(path: Path, languages: tuple[str, ...]) -> tuple[list[Concept], list[Finding]]:
    """Read and validate the termbase; problems become findings with the entry's line. Every concept
    has a term and a definition in each of ``languages`` (a language still being added may have none
    yet). The same termbase is returned while the file and its schema are unchanged (live reload)."""
    stamps = (file_stamp(path), file_stamp(_schema_path(path)))
    concepts, findings = _termbases.get((path, languages), stamps, lambda: _read_termbase(path, languages))
    return concepts, list(findings)


def _schema_path(path: Path) -> Path:
    return path.parent / "schemas" / "termbase.schema.json"


def _read_termbase(path: Path, languages: tuple[str, ...]) -> tuple[list[Concept], list[Finding]]:
    display = str(path)
    if not path.is_file():
        return [], []
    try:
        doc = read_yaml_file(path)
    except YamlReadError as error:
        return [], [report("D100", display, error.line, f"termbase cannot be read: {error.message}", error.column)]
    data, node = doc.data, doc.node
    check = validator(path.parent / "schemas", "termbase")
    if check is None:
        return [], [report("D101", display, 1, "data/schemas/termbase.schema.json is missing or not valid JSON: restore it from git")]
    findings, concepts, seen = [], [], set()
    lines = [item.start_mark.line + 1 for item in node.value] if isinstance(node, yaml.SequenceNode) else []
    for error in check.iter_errors(data):
        index = error.path[0] if error.path and isinstance(error.path[0], int) else None
        line = lines[index] if index is not None and index < len(lines) else 1
        where = ".".join(str(p) for p in error.path) or "termbase"
        findings.append(report("D101", display, line, f"{where}: {error.message}"))
    if findings or not isinstance(data, list):
        return [], findings
    for entry, line in zip(data, lines, strict=True):
        if entry["id"] in seen:
            findings.append(report("D102", display, line, f"duplicate concept id '{entry['id']}'"))
            continue
        seen.add(entry["id"])
        missing = [lang for lang in languages if lang not in entry or lang not in entry["definition"]]
        if missing:
            findings.append(report("D101", display, line, f"'{entry['id']}': no term or no definition in {', '.join(missing)}"))
            continue
        terms = {
            lang: Term(value["term"], tuple(value.get("variants") or ()), tuple(value.get("forbidden") or ()))
            for lang, value in entry.items() if lang not in ("id", "definition", "source")
        }
        for lang, term in terms.items():
            for bad in term.forbidden:
                if any(term_pattern(bad).search(ok) or term_pattern(ok).search(bad) for ok in term.accepted):
                    findings.append(report("D103", display, line, f"'{entry['id']}': forbidden {lang} form '{bad}' overlaps an accepted form"))
        concepts.append(Concept(entry["id"], terms, dict(entry.get("definition") or {}), entry.get("source"), line))
    return concepts, findings + _shared_forms(display, concepts)


def _shared_forms(display: str, concepts: list[Concept]) -> list[Finding]:
    """D104: a form (accepted or forbidden) that two concepts of a language both claim. The checks
    could not tell which concept a page means by it, so each form belongs to one concept; a longer
    form that contains another concept's form is fine (the longest form found in a text wins)."""
    findings, owner = [], {}
    for concept in concepts:
        for lang, term in concept.terms.items():
            for form in sorted({form.lower().replace("’", "'") for form in (*term.accepted, *term.forbidden)}):
                first = owner.setdefault((lang, form), concept)
                if first is not concept:
                    findings.append(report("D104", display, concept.line, f"'{concept.id}': {lang} form '{form}' is also a form of '{first.id}'; "
                                            "keep it in one concept (or make each form more specific)"))
    return findings
