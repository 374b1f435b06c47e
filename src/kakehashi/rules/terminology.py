"""Terminology: translations use the termbase's approved terms; forbidden variants are flagged."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ..findings import Severity
from ..termbase import term_pattern, uses
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


def _forbidden_forms(termbase, language: str) -> tuple[tuple[str, str], ...]:
    """(forbidden form, approved term) pairs of a language."""
    return tuple(
        (form, concept.terms[language].term)
        for concept in termbase
        if language in concept.terms
        for form in concept.terms[language].forbidden
    )


@lru_cache(maxsize=16)
def _forbidden_pattern(forms: tuple[tuple[str, str], ...]) -> tuple[re.Pattern | None, dict[str, str]]:
    """One alternation of all forbidden forms, and the approved term for each (by lower-case form)."""
    approved = {form.lower().replace("’", "'"): term for form, term in forms}
    if not approved:
        return None, approved
    pattern = "|".join(term_pattern(form).pattern for form, _ in sorted(forms, key=lambda f: len(f[0]), reverse=True))
    return re.compile(pattern, re.IGNORECASE), approved


@rule("T001", Severity.WARNING, "the translation does not use the approved term of a concept the source uses")
def check_approved_terms(ctx: CheckContext):
    """Where the source uses a concept of the termbase (``data/termbase.yaml``), each translation uses
    that concept's approved term in its language (or an accepted variant). Use the term shown in the
    Glossary, or propose a change to the termbase in the same pull request."""
    if not ctx.termbase:
        return
    for group in ctx.groups:
        for reference, variant in group.pairs(ctx.root):
            source, text = PageText(reference), PageText(variant).text
            for concept in ctx.termbase:
                hit = uses(source.text, concept.terms[reference.language].accepted)
                if hit is not None and not uses(text, concept.terms[variant.language].accepted):
                    yield check_approved_terms.rule.finding(
                        variant.display, variant.doc.body_line,
                        f"source line {source.line_at(hit.start())} uses '{hit[0]}' ({concept.id}); "
                        f"use the approved term '{concept.terms[variant.language].term}'")


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
            pattern, approved = _forbidden_pattern(_forbidden_forms(ctx.termbase, variant.language))
            if pattern is None:
                continue
            page = PageText(variant)
            for match in pattern.finditer(page.text):
                term = approved.get(match[0].lower().replace("’", "'"), "the approved term")
                yield check_forbidden_terms.rule.finding(
                    variant.display, page.line_at(match.start()), f"'{match[0]}' is discouraged: use '{term}'")
