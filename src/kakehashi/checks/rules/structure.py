"""Structure parity: a translation keeps its source's skeleton."""

from __future__ import annotations

from kakehashi.checks.findings import Severity
from kakehashi.checks.registry import CheckContext, rule


def _pairs(ctx: CheckContext):
    for group in ctx.groups:
        for reference, variant in group.pairs(ctx.root):
            if variant.structure is not None and reference.structure is not None:
                yield reference, variant


def _first_difference(a: list, b: list) -> int:
    for index, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return index
    return min(len(a), len(b))


@rule("S001", Severity.ERROR, "headings differ in number or level from the source")
def check_headings(ctx: CheckContext):
    """A translation has the same headings, at the same levels, in the same order as its source.
    Translate headings; do not add, drop, merge or re-level them."""
    for source, variant in _pairs(ctx):
        ours, theirs = [h.level for h in variant.structure.headings], [h.level for h in source.structure.headings]
        if ours != theirs:
            index = _first_difference(ours, theirs)
            line = variant.structure.headings[index].line if index < len(ours) else variant.doc.body_line
            yield check_headings.rule.finding(variant.display, line,
                                              f"heading levels {ours} differ from the source's {theirs} (first difference: heading {index + 1})")


@rule("S002", Severity.ERROR, "explicit heading anchors differ from the source")
def check_anchors(ctx: CheckContext):
    """Explicit anchors (``## Étapes {#steps}``) are identical in every language, so that links to a
    section work in all of them. Copy the source's ``{#id}`` unchanged."""
    for source, variant in _pairs(ctx):
        ours = [h.anchor for h in variant.structure.headings]
        theirs = [h.anchor for h in source.structure.headings]
        if ours != theirs:
            index = _first_difference(ours, theirs)
            line = variant.structure.headings[index].line if index < len(ours) else variant.doc.body_line
            expected = theirs[index] if index < len(theirs) else None
            yield check_anchors.rule.finding(variant.display, line, f"anchor {ours[index] if index < len(ours) else None!r} where the source has {expected!r}")


@rule("S003", Severity.ERROR, "fenced code differs from the source")
def check_code(ctx: CheckContext):
    """Code blocks are copied verbatim: commands, file names and YAML keys are not translated."""
    for source, variant in _pairs(ctx):
        ours, theirs = [c.content for c in variant.structure.code], [c.content for c in source.structure.code]
        if ours != theirs:
            index = _first_difference(ours, theirs)
            line = variant.structure.code[index].line if index < len(ours) else variant.doc.body_line
            yield check_code.rule.finding(variant.display, line, f"code block {index + 1} is not identical to the source's")


def _count_rule(code: str, what: str, attribute: str):
    def check(ctx: CheckContext):
        for source, variant in _pairs(ctx):
            ours, theirs = getattr(variant.structure, attribute), getattr(source.structure, attribute)
            if len(ours) != len(theirs):
                line = ours[min(len(ours), len(theirs))].line if len(ours) > len(theirs) else variant.doc.body_line
                yield check.rule.finding(variant.display, line, f"{len(ours)} {what} where the source has {len(theirs)}")

    check.__doc__ = f"""A translation has as many {what} as its source: one dropped or added usually means a
        sentence was lost or invented. Compare the two files side by side."""
    return rule(code, Severity.ERROR, f"number of {what} differs from the source")(check)


check_links = _count_rule("S004", "links", "links")
check_images = _count_rule("S005", "images", "images")


@rule("S006", Severity.ERROR, "tables differ in number or shape from the source")
def check_tables(ctx: CheckContext):
    """Each table of the source is in the translation with the same rows and columns."""
    for source, variant in _pairs(ctx):
        ours = [(t.rows, t.columns) for t in variant.structure.tables]
        theirs = [(t.rows, t.columns) for t in source.structure.tables]
        if ours != theirs:
            index = _first_difference(ours, theirs)
            line = variant.structure.tables[index].line if index < len(ours) else variant.doc.body_line
            yield check_tables.rule.finding(variant.display, line, f"tables (rows × columns) {ours} differ from the source's {theirs}")


@rule("S007", Severity.ERROR, "admonitions differ in kind or order from the source")
def check_admonitions(ctx: CheckContext):
    """Admonitions (``!!! warning "Title"``) keep their kind and order; only their title and text
    are translated."""
    for source, variant in _pairs(ctx):
        ours = [kind for kind, _ in variant.structure.admonitions]
        theirs = [kind for kind, _ in source.structure.admonitions]
        if ours != theirs:
            index = _first_difference(ours, theirs)
            line = variant.structure.admonitions[index][1] if index < len(ours) else variant.doc.body_line
            yield check_admonitions.rule.finding(variant.display, line, f"admonitions {ours} differ from the source's {theirs}")
