"""Terminology: translations use the termbase's approved terms; forbidden variants are flagged."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from kakehashi.checks.findings import Severity
from kakehashi.checks.registry import CheckContext, rule
from kakehashi.data.termbase import LATIN, Concept, term_pattern


class PageText:
    """A page's prose (blocks and headings) as one string, with a way back to file lines.

    Inside a paragraph a line break is read as what it joins: a space between words, nothing between
    two Japanese characters, so that a term wrapped over two lines ("marketing authorisation\nholder",
    "製造販売\n業者") is still found; blocks stay apart."""

    def __init__(self, variant):
        pieces = sorted([(b.line, b.text) for b in variant.structure.blocks] + [(h.line, h.text) for h in variant.structure.headings])
        self.starts, self.lines, self.breaks, parts, offset = [], [], [], [], 0
        for line, text in pieces:
            joined, breaks = _join_lines(text)
            self.starts.append(offset)
            self.lines.append(line)
            self.breaks.append(breaks)
            parts.append(joined)
            offset += len(joined) + 1
        self.text = "\n".join(parts)

    def line_at(self, position: int) -> int:
        """The file line of a position: its block's first line plus the line breaks before it."""
        if not self.lines:
            return 1
        block = bisect_right(self.starts, position) - 1
        return self.lines[block] + bisect_right(self.breaks[block], position - self.starts[block])


_texts: dict[int, tuple[object, PageText]] = {}  # the last pages' texts, by their structure: T001 and T002 read the same


def page_text(variant) -> PageText:
    """The :class:`PageText` of a variant, made once for the rules that read it."""
    structure = variant.structure
    cached = _texts.get(id(structure))
    if cached is None or cached[0] is not structure:
        if len(_texts) >= 32:
            _texts.clear()
        cached = _texts[id(structure)] = (structure, PageText(variant))
    return cached[1]


CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")


def _join_lines(text: str) -> tuple[str, list[int]]:
    """A block's lines joined as they read, and the offsets in the result where each new line starts."""
    lines = text.split("\n")
    joined, breaks = lines[0], []
    for line in lines[1:]:
        cjk = joined and line and CJK.match(joined[-1]) and CJK.match(line[0])
        joined += "" if cjk else " "
        breaks.append(len(joined))
        joined += line
    return joined, breaks


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
    written: str  # as the termbase writes it

    @property
    def pattern(self) -> re.Pattern:
        """Case-insensitive pattern, compiled only for the rare text that lower() lengthens."""
        return term_pattern(self.written)


@dataclass
class _FormIndex:
    """Forms found by what a text contains: Latin forms by one of their words, others by their first
    two characters, so each page costs what its own vocabulary costs, not what the termbase holds."""

    by_word: dict[str, list[_Form]]
    by_start: dict[str, list[_Form]]
    concepts: dict[str, Concept]  # approved term -> its concept


_indexes: dict[tuple[int, str], tuple[list, _FormIndex]] = {}


def _index(termbase, language: str) -> _FormIndex:
    cached = _indexes.get((id(termbase), language))
    if cached and cached[0] is termbase:
        return cached[1]
    index = _FormIndex({}, {}, {concept.terms[language].term: concept for concept in termbase if language in concept.terms})
    for form, term, forbidden in _forms(termbase, language):
        words = frozenset(WORD.findall(_key(form)))
        prepared = _Form(_key(form), term, forbidden, words if LATIN.search(form) else None, form)
        if prepared.words:
            index.by_word.setdefault(max(prepared.words, key=len), []).append(prepared)
        else:
            index.by_start.setdefault(prepared.text[:2], []).append(prepared)
    if len(_indexes) >= 8:  # the termbases of earlier live reloads
        _indexes.clear()
    _indexes[(id(termbase), language)] = (termbase, index)
    return index


_recent: dict[tuple[int, str, str], list] = {}  # the last texts matched: T001 and T002 read the same pages


def _matches(text: str, termbase, language: str) -> list[Hit]:
    """Every occurrence of the termbase's forms in a text; an occurrence inside a longer one
    (évaluation clinique in évaluation clinique commune, 販売業者 in 製造販売業者) does not count."""
    key = (id(termbase), language, text)
    if key not in _recent:
        if len(_recent) >= 32:
            _recent.clear()
        _recent[key] = _find(text, termbase, language)
    return _recent[key]


def _find(text: str, termbase, language: str) -> list[Hit]:
    index = _index(termbase, language)
    lowered = _key(text)
    words = set(WORD.findall(lowered))
    candidates = {form for word in words & index.by_word.keys() for form in index.by_word[word] if form.words <= words}
    if index.by_start:
        starts = [start for start in index.by_start if start in lowered]
        candidates.update(form for start in starts for form in index.by_start[start] if form.text in lowered)
    same_length = len(lowered) == len(text)  # lower() can lengthen a few rare letters (İ)
    found = [hit for form in candidates for hit in (_occurrences(form, lowered, text) if same_length else
                                                     (Hit(m.start(), m[0], form) for m in form.pattern.finditer(text)))]
    # Leftmost, then longest; an equal span (a form two concepts share: D104) is settled the same way each run.
    found.sort(key=lambda hit: (hit.start, -len(hit.text), hit.form.forbidden, hit.form.term, hit.form.written))
    kept, end = [], -1
    for hit in found:
        if hit.start >= end:
            kept.append(hit)
            end = hit.start + len(hit.text)
    return kept


@dataclass(frozen=True)
class Hit:
    start: int
    text: str  # as written in the page
    form: _Form


BOUNDARY = re.compile(r"[A-Za-z0-9À-ÿ-]")


def _occurrences(form: _Form, lowered: str, text: str):
    """Where a form stands in the text (plain substring search, then the whole-word test for Latin forms)."""
    start = lowered.find(form.text)
    while start >= 0:
        end = start + len(form.text)
        whole = form.words is None or not (
            (start and BOUNDARY.match(lowered[start - 1])) or (end < len(lowered) and BOUNDARY.match(lowered[end])))
        if whole:
            yield Hit(start, text[start:end], form)
        start = lowered.find(form.text, start + 1)


def concepts_used(text: str, termbase, language: str) -> dict[str, Hit]:
    """The approved term of every concept a text uses, with its first occurrence."""
    used: dict[str, Hit] = {}
    for hit in _matches(text, termbase, language):
        if not hit.form.forbidden:
            used.setdefault(hit.form.term, hit)
    return used


@rule("T001", Severity.WARNING, "the translation does not use the approved term of a concept the source uses")
def check_approved_terms(ctx: CheckContext):
    """Where the source uses a concept of the termbase (``data/termbase.yaml``), each translation uses
    that concept's approved term in its language (or an accepted variant). Use the term shown in the
    Glossary, or propose a change to the termbase in the same pull request."""
    if not ctx.termbase:
        return
    for group in ctx.groups:
        for reference, variant in group.pairs(ctx.root):
            source = page_text(reference)
            ours = concepts_used(page_text(variant).text, ctx.termbase, variant.language)
            for term, hit in concepts_used(source.text, ctx.termbase, reference.language).items():
                concept = _index(ctx.termbase, reference.language).concepts[term]
                wanted = concept.terms[variant.language].term
                if wanted not in ours:
                    yield check_approved_terms.rule.finding(
                        variant.display, variant.doc.body_line,
                        f"source line {source.line_at(hit.start)} uses '{hit.text}' ({concept.id}); use the approved term '{wanted}'")


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
            page = page_text(variant)
            for hit in _matches(page.text, ctx.termbase, variant.language):
                if hit.form.forbidden:
                    yield check_forbidden_terms.rule.finding(
                        variant.display, page.line_at(hit.start), f"'{hit.text}' is discouraged: use '{hit.form.term}'")
