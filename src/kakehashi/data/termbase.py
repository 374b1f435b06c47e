"""The trilingual termbase (``data/termbase.yaml``): approved terms, accepted variants, forbidden forms.

It drives the terminology rules and renders the Glossary page in each language.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

from kakehashi.build.stamps import StampCache, file_stamp
from kakehashi.checks.findings import Finding, Severity
from kakehashi.content.documents import SAFE_LOADER

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
    """Read and validate the termbase; problems become findings with the entry's line. The same
    termbase is returned while the file and its schema are unchanged (live reload)."""
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
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=SAFE_LOADER)
        data = yaml.load(text, Loader=SAFE_LOADER)
    except (OSError, UnicodeDecodeError) as error:
        return [], [Finding(display, 1, 1, "D100", Severity.ERROR, f"cannot read termbase: {error}")]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [], [Finding(display, mark.line + 1 if mark else 1, 1, "D100", Severity.ERROR, f"termbase is not valid YAML: {getattr(error, 'problem', error)}")]
    validator = Draft202012Validator(json.loads(_schema_path(path).read_text(encoding="utf-8")))
    findings, concepts, seen = [], [], set()
    lines = [item.start_mark.line + 1 for item in node.value] if isinstance(node, yaml.SequenceNode) else []
    for error in validator.iter_errors(data):
        index = error.path[0] if error.path and isinstance(error.path[0], int) else None
        line = lines[index] if index is not None and index < len(lines) else 1
        where = ".".join(str(p) for p in error.path) or "termbase"
        findings.append(Finding(display, line, 1, "D101", Severity.ERROR, f"{where}: {error.message}"))
    if findings or not isinstance(data, list):
        return [], findings
    for entry, line in zip(data, lines, strict=True):
        if entry["id"] in seen:
            findings.append(Finding(display, line, 1, "D102", Severity.ERROR, f"duplicate concept id '{entry['id']}'"))
            continue
        seen.add(entry["id"])
        terms = {
            lang: Term(entry[lang]["term"], tuple(entry[lang].get("variants") or ()), tuple(entry[lang].get("forbidden") or ()))
            for lang in languages
        }
        for lang, term in terms.items():
            for bad in term.forbidden:
                if any(term_pattern(bad).search(ok) or term_pattern(ok).search(bad) for ok in term.accepted):
                    findings.append(Finding(display, line, 1, "D103", Severity.ERROR,
                                            f"'{entry['id']}': forbidden {lang} form '{bad}' overlaps an accepted form"))
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
                    findings.append(Finding(display, concept.line, 1, "D104", Severity.ERROR,
                                            f"'{concept.id}': {lang} form '{form}' is also a form of '{first.id}'; "
                                            "keep it in one concept (or make each form more specific)"))
    return findings
