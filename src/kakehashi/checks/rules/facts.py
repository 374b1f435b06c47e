"""Facts parity: numbers, dates, identifiers, URLs and e-mails of the source are in each translation."""

from __future__ import annotations

from urllib.parse import urlsplit

from kakehashi.checks.findings import Severity
from kakehashi.checks.registry import CheckContext, rule
from kakehashi.content.facts import Fact, extract_facts

SEPARATOR = "\n¶\n"  # between pieces: no fact pattern spans it


def _pieces(variant) -> list[tuple[str, int]]:
    """The page's text where facts stand (blocks, headings, external link targets), with lines."""
    structure = variant.structure
    pieces = [(b.text, b.line) for b in structure.blocks] + [(h.text, h.line) for h in structure.headings]
    pieces += [(link.url.removeprefix("mailto:"), link.line) for link in structure.links
               if urlsplit(link.url).scheme in ("http", "https", "mailto")]
    return pieces


def page_facts(variant, languages) -> set[Fact]:
    """Every fact of a page (one pass over all its text)."""
    return extract_facts(SEPARATOR.join(text for text, _ in _pieces(variant)), languages)


def first_line(variant, fact: Fact, languages) -> int:
    """The line where a fact first appears (only asked for the few facts a translation misses)."""
    return next((line for text, line in _pieces(variant) if fact in extract_facts(text, languages)), variant.doc.body_line)


@rule("X001", Severity.ERROR, "a fact of the source is missing from the translation")
def check_facts(ctx: CheckContext):
    """Every number, date, regulation identifier (2017/745, Act No. 145, ISO 13485:2016), URL and e-mail
    of the source appears in each translation. Dates may be written the local way (26 May 2021,
    26 mai 2021, 2021年5月26日 are equal), numbers with local separators (1,000 / 1 000) and full-width
    digits; amounts in Japanese units or scale words are equal to the same figure written out (5万 and
    50,000; 935億 and 93.5 billion; 5,000万 and 50 millions), Japanese era years to Western years (令和7年
    and 2025) and a Roman numeral after a class word to its digit (Class I, classe I, クラスI and 第1種).
    Write digits, not words. A missing fact is usually a dropped sentence or a typo in a figure."""
    languages = ctx.site.codes
    for group in ctx.groups:
        facts_of = {}
        for reference, variant in group.pairs(ctx.root):
            if id(reference) not in facts_of:
                facts_of[id(reference)] = page_facts(reference, languages)
            ours = page_facts(variant, languages)
            missing = [(first_line(reference, fact, languages), fact) for fact in facts_of[id(reference)] - ours]
            for line, fact in sorted(missing, key=lambda item: (item[0], item[1].value)):
                yield check_facts.rule.finding(
                    variant.display, variant.doc.body_line,
                    f"{fact.kind} '{fact.value}' (source line {line}) is not in this translation")
