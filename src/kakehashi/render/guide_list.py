"""The list of guides on the Guides page, by category, in the reader's language.

The category headings are Markdown (they join the page's table of contents); each category's list is
one block of HTML, which Python-Markdown passes through as it is: converting a list item per guide
from Markdown was most of the time that page took to build.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kakehashi.content.freshness import as_date
from kakehashi.content.groups import Group
from kakehashi.content.paths import page_url
from kakehashi.languages import profile
from kakehashi.render.html import Markup, el
from kakehashi.render.markdown_text import md_text
from kakehashi.render.ui_text import long_date

_LINE_BREAKS = re.compile(r"[ \t]*[\r\n]+[ \t\r\n]*")
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
    A guide missing in the reader's language is listed with its default-language title. The links are
    relative to the guides' index page, where the list stands."""
    by_category: dict[str, list[Markup]] = {}
    for group in sorted(groups, key=lambda g: g.stem):
        if not group.stem.startswith("guides/") or group.stem.endswith("/index"):
            continue
        variant = group.variants.get(language)
        if variant is None or variant.doc is None or variant.is_stub:
            variant = group.variants.get(default) or group.source
        if variant is None or variant.doc is None:
            continue
        by_category.setdefault(str(variant.doc.meta.get("category")), []).append(_item(group.stem, variant.doc.meta, language, locale, _))
    titles = category_titles(_)
    out = []
    for category in (*CATEGORY_ORDER, *sorted(set(by_category) - set(CATEGORY_ORDER))):
        if category in by_category:
            out += [f"## {md_text(titles.get(category, category))} {{#{category}}}", "", "<ul>", *by_category[category], "</ul>", ""]
    return "\n".join(out)


def _item(stem: str, meta: dict, language: str, locale: str, _: Callable[[str], str]) -> Markup:
    """One guide of the list, as HTML (its texts on one line: a blank line would end the HTML block)."""
    verified = as_date(meta.get("last_verified"))
    gap = profile(language).label_gap
    details = _one_line(meta.get("jurisdiction", "")) + (f" · {_('Last verified:')}{gap}{long_date(verified, locale)}" if verified else "")
    return el("li", None, el("a", {"href": page_url(stem).removeprefix("guides/")}, _one_line(meta.get("title", stem))),
              " — ", _one_line(meta.get("description", "")), " ", el("em", None, details))


def _one_line(value: object) -> str:
    """The text with its line breaks as spaces (non-breaking spaces kept: French typography)."""
    return _LINE_BREAKS.sub(" ", str(value))
