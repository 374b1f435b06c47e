"""Links: a page links to its own language's variant of another page."""

from __future__ import annotations

import posixpath
from urllib.parse import urlsplit

from kakehashi.checks.findings import Severity
from kakehashi.checks.registry import CheckContext, rule
from kakehashi.content.paths import split_variant


@rule("L001", Severity.ERROR, "internal link goes to another language's variant")
def check_link_language(ctx: CheckContext):
    """Link other pages by their base name (``jp-qms.md``, not ``jp-qms.en.md``): the build sends each
    reader to the variant in their own language, or to the English one with a banner when it is
    missing. A link that names another language's file (``x.en.md`` in a French page when ``x.fr.md``
    exists) keeps French readers in English."""
    default = ctx.site.default_language.code
    for group in ctx.groups:
        for variant in group.variants.values():
            if variant.structure is None:
                continue
            folder = posixpath.dirname(variant.rel)
            for link in variant.structure.links + variant.structure.images:
                parts = urlsplit(link.url)
                if parts.scheme or parts.netloc or not parts.path.endswith(".md"):
                    continue
                target = posixpath.normpath(posixpath.join(folder, parts.path))
                stem, language = split_variant(target, ctx.site.codes, default)
                explicit = target != f"{stem}.md"
                own = f"{stem}.{variant.language}.md" if variant.language != default else f"{stem}.md"
                if explicit and language != variant.language and (ctx.site.docs_dir / own).is_file():
                    yield check_link_language.rule.finding(
                        variant.display, link.line,
                        f"links to the '{language}' variant {parts.path}; write {posixpath.basename(stem)}.md so readers stay in '{variant.language}'")
