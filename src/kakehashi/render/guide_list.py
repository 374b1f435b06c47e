"""The list of guides on the Guides page, by category, in the reader's language."""

from __future__ import annotations

from collections.abc import Callable

from kakehashi.content.freshness import as_date
from kakehashi.content.groups import Group
from kakehashi.render.markdown_text import md_text
from kakehashi.render.ui_text import long_date

CATEGORY_ORDER = (
    "orientation", "regulation", "market-access", "clinical-research", "company-setup",
    "data-protection", "intellectual-property", "funding", "trade",
)


def category_titles(_: Callable[[str], str]) -> dict[str, str]:
    """Section titles of the categories, in the reader's language."""
    return {
        "orientation": _("Start here"),
        "regulation": _("Regulation"),
        "market-access": _("Market access and reimbursement"),
        "clinical-research": _("Clinical research"),
        "company-setup": _("Setting up a company"),
        "data-protection": _("Data protection"),
        "intellectual-property": _("Intellectual property"),
        "funding": _("Funding"),
        "trade": _("Trade agreements"),
    }


def render_guide_list(groups: list[Group], language: str, default: str, locale: str, _: Callable[[str], str]) -> str:
    """Markdown: a section per category, each guide with its title, description, jurisdiction and date.
    A guide missing in the reader's language is listed with its default-language title."""
    by_category: dict[str, list[tuple[str, str, str, str]]] = {}
    for group in sorted(groups, key=lambda g: g.stem):
        if not group.stem.startswith("guides/") or group.stem.endswith("/index"):
            continue
        variant = group.variants.get(language)
        if variant is None or variant.doc is None or variant.is_stub:
            variant = group.variants.get(default) or group.source
        if variant is None or variant.doc is None:
            continue
        meta = variant.doc.meta
        verified = as_date(meta.get("last_verified"))
        line = (
            f"- [{md_text(meta.get('title', group.stem))}]({group.stem.removeprefix('guides/')}.md) — "
            f"{md_text(meta.get('description', ''))} "
            f"*{md_text(meta.get('jurisdiction', ''))}"
            + (f" · {md_text(_('Last verified:'))} {long_date(verified, locale)}" if verified else "")
            + "*"
        )
        by_category.setdefault(str(meta.get("category")), []).append(line)
    titles = category_titles(_)
    out = []
    for category in (*CATEGORY_ORDER, *sorted(set(by_category) - set(CATEGORY_ORDER))):
        if category in by_category:
            out.append(f"## {md_text(titles.get(category, category))} {{#{category}}}\n")
            out.extend(by_category[category])
            out.append("")
    return "\n".join(out)
