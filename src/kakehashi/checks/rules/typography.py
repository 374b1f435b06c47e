"""Typography rules; ``kakehashi fix`` applies the same fixes (see ``kakehashi.content.typography``)."""

from __future__ import annotations

from kakehashi.checks.findings import Severity
from kakehashi.checks.registry import CheckContext, rule
from kakehashi.content.typography import NBSP, NNBSP, first_difference, fix_body
from kakehashi.languages import profile


def _changes(variant, language: str):
    """(line number, original, fixed) for every body line the safe fixes would change."""
    lines = variant.doc.body.split("\n")
    for index, (before, after) in enumerate(zip(lines, fix_body(lines, language), strict=True)):
        if before != after:
            yield variant.doc.body_line + index, before, after


def _variants(ctx: CheckContext, typography: str):
    """The pages of every language whose profile applies these typography rules."""
    for group in ctx.groups:
        for language, variant in group.variants.items():
            if profile(language).typography == typography and variant.doc is not None:
                yield variant


@rule("Y001", Severity.ERROR, "Japanese text with half-width punctuation or half-width katakana")
def check_japanese_typography(ctx: CheckContext):
    """Japanese sentences use full-width punctuation (、。！？：；（）) and full-width katakana.
    ``kakehashi fix`` corrects this safely (never inside code, URLs or link targets)."""
    for variant in _variants(ctx, "ja"):
        for line, before, after in _changes(variant, variant.language):
            yield check_japanese_typography.rule.finding(variant.display, line, "half-width punctuation or katakana in Japanese text: run `kakehashi fix`", first_difference(before, after))


@rule("Y002", Severity.ERROR, "French punctuation without its no-break space")
def check_french_typography(ctx: CheckContext):
    """French typography puts a no-break space (U+00A0) before « : » and inside « », and a narrow
    no-break space (U+202F) before ; ! ? and ». ``kakehashi fix`` inserts them safely."""
    for variant in _variants(ctx, "fr"):
        for line, before, after in _changes(variant, variant.language):
            column = first_difference(before, after)
            inserted = after[column - 1]
            what = "no-break space" if inserted == NBSP else "narrow no-break space" if inserted == NNBSP else "space"
            yield check_french_typography.rule.finding(variant.display, line, f"missing {what} (French typography): run `kakehashi fix`", column)
