"""Front matter: a schema per page type, and the keys that must agree across languages."""

from __future__ import annotations

from kakehashi.checks.findings import Severity
from kakehashi.checks.registry import CheckContext, rule
from kakehashi.data.schemas import jsonable, validator

SHARED_KEYS = ("category", "jurisdiction", "audience", "products", "last_verified", "review_interval_months", "tags")


def page_type(stem: str) -> str:
    """``guide`` for the guides, ``page`` for everything else (home, sections, contributor pages)."""
    return "guide" if stem.startswith("guides/") and not stem.endswith("/index") else "page"


@rule("M002", Severity.ERROR, "front matter does not match the page type's schema")
def check_schema(ctx: CheckContext):
    """Guides (``docs/guides/*``) need title, description, category, jurisdiction, audience,
    ``last_verified`` (an ISO date: 2026-11-26), ``changes`` (the change log: ``date`` and ``summary`` of
    each change, newest first), ``sources`` (each with ``title`` and an https ``url``) and ``tags``;
    other pages need title and description. Translations add a ``translation`` block with
    ``from`` and ``source_hash``. The message names the key and what was expected; the schemas are in
    ``data/schemas/``."""
    schemas = ctx.root / "data" / "schemas"
    for group in ctx.groups:
        check = validator(schemas, page_type(group.stem), formats=True)
        for variant in group.variants.values():
            if variant.doc is None or not variant.doc.front_matter_ok:
                continue
            for error in sorted(check.iter_errors(jsonable(variant.doc.meta)), key=lambda e: list(e.path)):
                key = str(error.path[0]) if error.path else None
                where = ".".join(str(p) for p in error.path) or "front matter"
                yield check_schema.rule.finding(variant.display, variant.doc.meta_line(key) if key else 1, f"{where}: {error.message}")


@rule("M003", Severity.ERROR, "a key that must agree across languages differs from the source")
def check_shared_keys(ctx: CheckContext):
    """``category``, ``jurisdiction``, ``audience``, ``last_verified``, ``tags`` and the URLs of ``sources``
    (same URLs, same order) are facts about the page, not text: every translation carries the source's
    values. Titles of sources are translated. When you re-verify a guide, update ``last_verified`` in
    all languages."""
    for group in ctx.groups:
        source = group.source
        if source is None or source.doc is None:
            continue
        for variant in group.translations():
            for key in SHARED_KEYS:
                if key in source.doc.meta and source.doc.meta.get(key) != variant.doc.meta.get(key):
                    yield check_shared_keys.rule.finding(
                        variant.display, variant.doc.meta_line(key),
                        f"'{key}' is {variant.doc.meta.get(key)!r} but the source ({source.display}) has {source.doc.meta.get(key)!r}")
            if _urls(source.doc.meta) != _urls(variant.doc.meta):
                yield check_shared_keys.rule.finding(
                    variant.display, variant.doc.meta_line("sources"),
                    f"source URLs differ from the source page's {_urls(source.doc.meta)}: keep the same URLs in the same order")


def _urls(meta: dict) -> list[str]:
    return [s.get("url") for s in meta.get("sources") or [] if isinstance(s, dict)]
