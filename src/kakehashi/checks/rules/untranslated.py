"""Untranslated text left in a translation."""

from __future__ import annotations

import re

from kakehashi.checks.findings import Severity
from kakehashi.checks.registry import CheckContext, rule
from kakehashi.languages import profile

MARKUP = re.compile(r"`[^`]*`|\]\([^)]*\)|<[^>]*>|https?://\S+|[*_#>|\[\]!]")
WORD = re.compile(r"[A-Za-zÀ-ÿ’']+")
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


@rule("U002", Severity.ERROR, "paragraph without its language's script (no kana or kanji in a Japanese page)")
def check_script(ctx: CheckContext):
    """A paragraph of six Latin-script words or more without the script of its page's language (kana or
    kanji in a Japanese page) was left in the source language. Translate it (proper names and acronyms
    may stay in Latin script)."""
    for group in ctx.groups:
        for variant in group.variants.values():
            script = profile(variant.language).script
            if script is None or variant.structure is None or variant.is_stub:
                continue
            for block in variant.structure.blocks:
                if not script.search(block.text) and len(_words(block.text)) >= MIN_WORDS:
                    yield check_script.rule.finding(variant.display, block.line, "no text in the page's script in this paragraph: translate it")


@rule("U003", Severity.ERROR, "paragraph in the wrong Latin-script language")
def check_wrong_language(ctx: CheckContext):
    """A paragraph of a French page reads as English (or of an English page as French), judged by the
    function words of the portal's languages (the, and, of… / le, et, des…). Translate it; quotations in
    another language belong in a blockquote with the original's source."""
    known = {code: profile(code).function_words for code in ctx.site.codes if profile(code).function_words}
    for group in ctx.groups:
        for variant in group.variants.values():
            ours_words = known.get(variant.language)
            if ours_words is None or variant.structure is None or variant.is_stub:
                continue
            for block in variant.structure.blocks:
                words = _words(block.text)
                if len(words) < MIN_WORDS:
                    continue
                ours = sum(map(ours_words.__contains__, words))
                theirs, other = max((sum(map(function_words.__contains__, words)), code)
                                    for code, function_words in known.items() if code != variant.language)
                if theirs >= 3 and theirs > 2 * ours:
                    yield check_wrong_language.rule.finding(variant.display, block.line, f"this paragraph reads as '{other}', not '{variant.language}'")
