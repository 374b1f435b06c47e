"""Terminology: translations use the termbase's approved terms; forbidden variants are flagged."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..findings import Severity
from ..termbase import LATIN, term_pattern
from .registry import CheckContext, rule


class PageText:
    """A page's prose (blocks and headings) as one string, with a way back to file lines."""

    def __init__(self, variant):
        pieces = sorted([(b.line, b.text) for b in variant.structure.blocks] + [(h.line, h.text) for h in variant.structure.headings])
        self.starts, self.lines, parts, offset = [], [], [], 0
        for line, text in pieces:
            self.starts.append(offset)
            self.lines.append(line)
            parts.append(text)
            offset += len(text) + 1
        self.text = "\n".join(parts)

    def line_at(self, position: int) -> int:
        return self.lines[bisect_right(self.starts, position) - 1] if self.lines else 1


def _forms(termbase, language: str) -> tuple[tuple[str, str, bool], ...]:
    """(form, approved term, forbidden?) for every accepted and forbidden form of a language."""
    return tuple(
        (form, concept.terms[language].term, forbidden)
        for concept in termbase
        if language in concept.terms
        for forbidden, forms in ((False, concept.terms[language].accepted), (True, concept.terms[language].forbidden))
        for form in forms
    )


def _key(text: str) -> str:
    return text.lower().replace("’", "'")


WORD = re.compile(r"[a-z0-9à-ÿ]+")


@dataclass(frozen=True)
class _Form:
    text: str
    term: str  # the approved term of the concept this form belongs to
    forbidden: bool
    words: frozenset[str] | None  # Latin forms: words that must all be in a text for it to match
    pattern: re.Pattern


@lru_cache(maxsize=32)
def _index(forms: tuple[tuple[str, str, bool], ...]) -> tuple[_Form, ...]:
    """Forms prepared for fast lookup: a word-set prefilter for Latin ones, a substring test for others."""
    prepared = []
    for form, term, forbidden in forms:
        words = frozenset(WORD.findall(_key(form)))
        prepared.append(_Form(_key(form), term, forbidden, words if LATIN.search(form) else None, term_pattern(form)))
    return tuple(prepared)


def _matches(text: str, forms: tuple[tuple[str, str, bool], ...]) -> list[tuple[re.Match, _Form]]:
    """Every occurrence of the forms in a text; an occurrence inside a longer one (évaluation clinique
    in évaluation clinique commune, 販売業者 in 製造販売業者) does not count."""
    lowered = _key(text)
    words = set(WORD.findall(lowered))
    found = []
    for form in _index(forms):
        if (form.words is not None and not form.words <= words) or (form.words is None and form.text not in lowered):
            continue
        found.extend((match, form) for match in form.pattern.finditer(text))
    found.sort(key=lambda item: (item[0].start(), -len(item[0][0])))
    kept, end = [], -1
    for match, form in found:
        if match.start() >= end:
            kept.append((match, form))
            end = match.end()
    return kept


def concepts_used(text: str, termbase, language: str) -> dict[str, re.Match]:
    """The approved term of every concept a text uses, with its first occurrence."""
    used: dict[str, re.Match] = {}
    for match, form in _matches(text, _forms(termbase, language)):
        if not form.forbidden:
            used.setdefault(form.term, match)
    return used


@rule("T001", Severity.WARNING, "the translation does not use the approved term of a concept the source uses")
def check_approved_terms(ctx: CheckContext):
    """Where the source uses a concept of the termbase (``data/termbase.yaml``), each translation uses
    that concept's approved term in its language (or an accepted variant). Use the term shown in the
    Glossary, or propose a change to the termbase in the same pull request."""
    if not ctx.termbase:
        return
    concept_of = {(lang, concept.terms[lang].term): concept for concept in ctx.termbase for lang in concept.terms}
    for group in ctx.groups:
        for reference, variant in group.pairs(ctx.root):
            source = PageText(reference)
            ours = concepts_used(PageText(variant).text, ctx.termbase, variant.language)
            for term, hit in concepts_used(source.text, ctx.termbase, reference.language).items():
                concept = concept_of[(reference.language, term)]
                wanted = concept.terms[variant.language].term
                if wanted not in ours:
                    yield check_approved_terms.rule.finding(
                        variant.display, variant.doc.body_line,
                        f"source line {source.line_at(hit.start())} uses '{hit[0]}' ({concept.id}); use the approved term '{wanted}'")


@rule("T002", Severity.WARNING, "a forbidden variant of a term is used")
def check_forbidden_terms(ctx: CheckContext):
    """The termbase lists discouraged forms (wrong legal term, US spelling where British is the rule,
    an anglicism in French). Replace the form with the approved term named in the message."""
    if not ctx.termbase:
        return
    for group in ctx.groups:
        for variant in group.variants.values():
            if variant.structure is None:
                continue
            page = PageText(variant)
            for match, form in _matches(page.text, _forms(ctx.termbase, variant.language)):
                if form.forbidden:
                    yield check_forbidden_terms.rule.finding(
                        variant.display, page.line_at(match.start()), f"'{match[0]}' is discouraged: use '{form.term}'")
