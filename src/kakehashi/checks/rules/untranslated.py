"""Untranslated text left in a translation."""

from __future__ import annotations

import re

from kakehashi.checks.findings import Severity
from kakehashi.checks.registry import CheckContext, rule

JAPANESE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
MARKUP = re.compile(r"`[^`]*`|\]\([^)]*\)|<[^>]*>|https?://\S+|[*_#>|\[\]!]")
WORD = re.compile(r"[A-Za-zÀ-ÿ’']+")
FUNCTION_WORDS = {
    "en": {"the", "and", "of", "to", "is", "are", "with", "for", "this", "that", "which", "be", "by", "it", "from", "must", "you", "your", "have", "has"},
    "fr": {"le", "la", "les", "des", "et", "est", "sont", "pour", "dans", "une", "du", "que", "qui", "au", "aux", "doit", "vous", "votre", "sur", "par", "avec"},
}
MIN_WORDS = 6


def _prose(text: str) -> str:
    return MARKUP.sub(" ", text)


def _words(text: str) -> list[str]:
    return list(map(str.lower, WORD.findall(_prose(text))))


@rule("U001", Severity.ERROR, "paragraph identical to the source")
def check_identical(ctx: CheckContext):
    """A paragraph of six words or more is the same in the translation as in the source: it was
    not translated. Proper names, figures and code alone are not counted."""
    for group in ctx.groups:
        for reference, variant in group.pairs(ctx.root):
            source_blocks = {" ".join(b.text.split()) for b in reference.structure.blocks}
            for block in variant.structure.blocks:
                if " ".join(block.text.split()) in source_blocks and len(_words(block.text)) >= MIN_WORDS:
                    yield check_identical.rule.finding(variant.display, block.line, "paragraph is identical to the source: translate it")


@rule("U002", Severity.ERROR, "paragraph without Japanese script in a Japanese page")
def check_japanese_script(ctx: CheckContext):
    """A paragraph of six Latin-script words or more with no kana or kanji in a Japanese page was left
    in the source language. Translate it (proper names and acronyms may stay in Latin script)."""
    for group in ctx.groups:
        for variant in group.variants.values():
            if variant.language != "ja" or variant.structure is None or variant.is_stub:
                continue
            for block in variant.structure.blocks:
                if not JAPANESE_SCRIPT.search(block.text) and len(_words(block.text)) >= MIN_WORDS:
                    yield check_japanese_script.rule.finding(variant.display, block.line, "no Japanese in this paragraph: translate it")


@rule("U003", Severity.ERROR, "paragraph in the wrong Latin-script language")
def check_wrong_language(ctx: CheckContext):
    """A paragraph of a French page reads as English (or of an English page as French), judged by its
    function words (the, and, of… / le, et, des…). Translate it; quotations in another language
    belong in a blockquote with the original's source."""
    for group in ctx.groups:
        for variant in group.variants.values():
            if variant.language not in FUNCTION_WORDS or variant.structure is None or variant.is_stub:
                continue
            other = "en" if variant.language == "fr" else "fr"
            for block in variant.structure.blocks:
                words = _words(block.text)
                if len(words) < MIN_WORDS:
                    continue
                theirs = sum(map(FUNCTION_WORDS[other].__contains__, words))
                ours = sum(map(FUNCTION_WORDS[variant.language].__contains__, words))
                if theirs >= 3 and theirs > 2 * ours:
                    yield check_wrong_language.rule.finding(variant.display, block.line, f"this paragraph reads as '{other}', not '{variant.language}'")
