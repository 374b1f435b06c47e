"""Presence and freshness: which variant is the source, what is missing, what fell behind."""

from __future__ import annotations

from kakehashi.checks.findings import Severity
from kakehashi.checks.registry import CheckContext, rule
from kakehashi.content.pins import drift, pinned_text


@rule("P001", Severity.INFO, "translation missing or still a stub")
def check_missing(ctx: CheckContext):
    """A page has no variant in one of the portal's languages, or only a stub (``state: stub``).
    Readers of that language see the page in English with a "not yet translated" banner. Create the
    translation from the source (``kakehashi new`` makes pinned stubs), then remove ``state: stub``."""
    for group in ctx.groups:
        source = group.source
        if source is None:
            continue
        for lang in ctx.site.codes:
            variant = group.variants.get(lang)
            if variant is None:
                yield check_missing.rule.finding(source.display, 1, f"no '{lang}' translation of this page")
            elif variant.is_stub:
                yield check_missing.rule.finding(variant.display, 1, f"'{lang}' translation is a stub: not translated yet")


@rule("P002", Severity.ERROR, "translation without a source")
def check_orphans(ctx: CheckContext):
    """Every variant of a page has a ``translation`` block, so none is the source; or the language named
    in ``translation.from`` has no file. Remove the ``translation`` block from the variant that is the
    original, or fix ``from``."""
    for group in ctx.groups:
        if not group.sources and any(v.doc for v in group.variants.values()):
            for variant in group.variants.values():
                if variant.doc is not None:
                    yield check_orphans.rule.finding(variant.display, variant.doc.meta_line("translation"),
                                                     "no variant of this page is the source: every one has a 'translation' block")
            continue
        for variant in group.variants.values():
            origin = (variant.translation or {}).get("from")
            if origin and origin not in group.variants:
                yield check_orphans.rule.finding(variant.display, variant.doc.meta_line("translation"),
                                                 f"translated from '{origin}' but there is no '{origin}' variant of this page")


@rule("P003", Severity.ERROR, "two variants claim to be the source")
def check_two_sources(ctx: CheckContext):
    """Exactly one variant of a page is the source (no ``translation`` block). Add a ``translation``
    block (``from`` and ``source_hash``) to each variant that was translated."""
    for group in ctx.groups:
        sources = group.sources
        for extra in sources[1:]:
            yield check_two_sources.rule.finding(
                extra.display, 1, f"this variant and {sources[0].display} both have no 'translation' block: only the original may omit it")


@rule("P004", Severity.ERROR, "translation without a pin")
def check_unpinned(ctx: CheckContext):
    """A translation records the exact source it was made from in ``translation.source_hash``: the git
    blob id of the source file. After translating, run ``kakehashi pin PATH`` to record it."""
    for group in ctx.groups:
        if group.source is None:
            continue
        for variant in group.variants.values():
            block = variant.translation
            if block is not None and str(block.get("source_hash") or "pending").lower() == "pending":
                yield check_unpinned.rule.finding(variant.display, variant.doc.meta_line("translation"),
                                                  f"no source pin: run `kakehashi pin {variant.display}` once it is translated")


@rule("P005", Severity.WARNING, "translation is behind its source")
def check_outdated(ctx: CheckContext):
    """The source changed since the translation was pinned. The message says how much and in which
    sections; ``git diff PINNED CURRENT`` (both ids are in the message) shows the exact change. Update
    the translation, then ``kakehashi pin PATH``. Readers see an "outdated" banner until then."""
    for group in ctx.groups:
        source = group.source
        if source is None:
            continue
        for variant in group.variants.values():
            pin = (variant.translation or {}).get("source_hash")
            if not pin or str(pin).lower() == "pending" or pin == source.blob or variant.is_stub:
                continue
            old = pinned_text(ctx.root, pin)
            how_far = drift(old, source.doc.text).describe() if old is not None and source.doc else "pinned version not in git history"
            yield check_outdated.rule.finding(
                variant.display, variant.doc.meta_line("translation"),
                f"outdated: {source.display} changed since the pin ({how_far}); `git diff {pin[:10]} {source.blob[:10]}`")
