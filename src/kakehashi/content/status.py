"""Translation status per page and language, as text, JSON, Markdown, and an SVG chart made at build time;
with it, the guides due for review (``content.freshness``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum

from babel.numbers import format_percent

from kakehashi.content.freshness import Overdue
from kakehashi.content.groups import Group
from kakehashi.content.pins import Drift, drift, pinned_text
from kakehashi.render.markdown_text import md_text
from kakehashi.render.templates import render
from kakehashi.render.ui_text import long_date
from kakehashi.site_config import SiteConfig


class State(str, Enum):
    SOURCE = "source"
    CURRENT = "up-to-date"
    OUTDATED = "outdated"
    STUB = "stub"
    MISSING = "missing"


COLOURS = {State.SOURCE: "#1b4f72", State.CURRENT: "#1e8449", State.OUTDATED: "#b9770e", State.STUB: "#a93226", State.MISSING: "#7b7d7d"}


@dataclass(frozen=True)
class Cell:
    state: State
    path: str = ""
    drift: Drift | None = None  # how far behind, for outdated translations whose pin git knows

    @property
    def detail(self) -> str:
        if self.state is not State.OUTDATED:
            return ""
        return self.drift.describe() if self.drift else "pinned version unknown"


def page_states(group: Group, site: SiteConfig) -> dict[str, Cell]:
    """The state of each language of one page."""
    source = group.source
    cells = {}
    for lang in site.codes:
        variant = group.variants.get(lang)
        if variant is None or variant.doc is None:
            cells[lang] = Cell(State.MISSING)
        elif variant is source or source is None and variant.is_source:
            cells[lang] = Cell(State.SOURCE, path=variant.display)
        elif variant.is_stub:
            cells[lang] = Cell(State.STUB, path=variant.display)
        else:
            pin = (variant.translation or {}).get("source_hash")
            if source is not None and pin == source.blob:
                cells[lang] = Cell(State.CURRENT, path=variant.display)
            else:
                old = pinned_text(site.root, pin) if pin and str(pin).lower() != "pending" else None
                moved = drift(old, source.doc.text) if old is not None and source is not None and source.doc else None
                cells[lang] = Cell(State.OUTDATED, variant.display, moved)
    return cells


def status_table(groups: list[Group], site: SiteConfig) -> dict[str, dict[str, Cell]]:
    """{stem: {language: Cell}} for every page, sorted by stem."""
    return {group.stem: page_states(group, site) for group in sorted(groups, key=lambda g: g.stem)}


def totals(table: dict[str, dict[str, Cell]], codes: tuple[str, ...]) -> dict[str, dict[str, int]]:
    """Count of pages per language and state."""
    counts = {code: {state.value: 0 for state in State} for code in codes}
    for cells in table.values():
        for code, cell in cells.items():
            counts[code][cell.state.value] += 1
    return counts


def percent_available(count: dict[str, int]) -> float:
    """Share of pages a reader of the language can read in it (source or up-to-date or outdated)."""
    total = sum(count.values())
    readable = count["source"] + count["up-to-date"] + count["outdated"]
    return 100.0 * readable / total if total else 0.0


def as_json(table, codes, overdue: list[Overdue] = ()) -> str:
    return json.dumps({
        "pages": {stem: {code: {"state": cell.state.value, "detail": cell.detail} for code, cell in cells.items()} for stem, cells in table.items()},
        "totals": totals(table, codes),
        "review_due": [{"page": item.stem, "last_verified": item.last_verified.isoformat(), "due": item.due.isoformat()} for item in overdue],
    }, ensure_ascii=False, indent=1)


def as_text(table, codes, overdue: list[Overdue] = ()) -> str:
    width = max((len(stem) for stem in table), default=10)
    lines = [f"{'page':<{width}}  " + "  ".join(f"{code:<12}" for code in codes)]
    for stem, cells in table.items():
        lines.append(f"{stem:<{width}}  " + "  ".join(f"{cells[code].state.value:<12}" for code in codes))
        lines.extend(f"{'':<{width}}    {code}: {cell.detail}" for code, cell in cells.items() if cell.detail)
    for code, count in totals(table, codes).items():
        lines.append(f"{code}: " + ", ".join(f"{n} {state}" for state, n in count.items() if n) + f" — {percent_available(count):.0f}% readable")
    lines.append(f"review due: {len(overdue)} guide(s)")
    lines.extend(f"  {item.stem}  last verified {item.last_verified.isoformat()}, due since {item.due.isoformat()}" for item in overdue)
    return "\n".join(lines)


def as_markdown(table, codes, labels: dict[str, str] | None = None, details: bool = True) -> str:
    """A Markdown table; ``labels`` translates state names and the header for the status page."""
    labels = labels or {}
    header = "| " + labels.get("page", "Page") + " | " + " | ".join(codes) + " |"
    lines = [header, "|---" * (len(codes) + 1) + "|"]
    for stem, cells in table.items():
        row = []
        for code in codes:
            cell = cells[code]
            text = labels.get(cell.state.value, cell.state.value)
            row.append(f"{text} ({cell.detail})" if cell.detail and details else text)
        lines.append(f"| `{stem}` | " + " | ".join(row) + " |")
    return "\n".join(lines)


def chart_svg(table, codes, labels: dict[str, str] | None = None, names: dict[str, str] | None = None,
              locale: str = "en_GB") -> str:
    """Stacked horizontal bars, one per language, of page states: an inline SVG with a text legend, its
    percentages written the way ``locale`` writes them."""
    labels, names = labels or {}, names or {}
    counts = totals(table, codes)
    bar_x, bar_w, row_h, top = 110, 420, 34, 10
    legend_y = top + row_h * len(codes) + 16
    bars = []
    for row, code in enumerate(codes):
        total = sum(counts[code].values()) or 1
        parts, x = [], bar_x
        for state in State:
            n = counts[code][state.value]
            if n:
                parts.append({"x": x, "width": bar_w * n / total, "colour": COLOURS[state],
                              "title": labels.get("count", "%(state)s: %(count)s") % {"state": labels.get(state.value, state.value), "count": n}})
                x += bar_w * n / total
        percent = format_percent(percent_available(counts[code]) / 100, locale=locale)
        bars.append({"y": top + row * row_h, "name": names.get(code, code), "parts": parts, "percent": percent,
                     "percent_x": bar_x + bar_w + 8})
    legend, x = [], 0
    for state in State:
        label = labels.get(state.value, state.value)
        legend.append({"x": x, "colour": COLOURS[state], "label": label})
        x += 24 + 8 * len(label) if label.isascii() else 24 + 14 * len(label)
    return render("status_chart.svg", title=labels.get("title", "Translation status"), height=legend_y + 24,
                  bars=bars, legend=legend, legend_y=legend_y)


def state_labels(_) -> dict[str, str]:
    """State names and table headings in the reader's language."""
    return {
        "source": _("source"), "up-to-date": _("up to date"), "outdated": _("outdated"), "stub": _("stub"),
        "missing": _("missing"), "page": _("Page"), "title": _("Translation status"),
        "count": _("%(state)s: %(count)s"),
    }


def overdue_markdown(overdue: list[Overdue], language: str, locale: str, _) -> str:
    """The guides due for review, in the reader's language: a heading, then a table or a sentence saying there is none."""
    parts = ["## " + _("Guides due for review") + " {#review-due}", ""]
    if not overdue:
        return "\n".join(parts + [_("No guide is past its review date.")]) + "\n"
    headings = (_("Guide"), _("Last verified"), _("Review due since"))
    parts += ["| " + " | ".join(headings) + " |", "|---|---|---|"]
    for item in overdue:
        parts.append(f"| {md_text(item.title(language))} (`{item.stem}`) | {long_date(item.last_verified, locale)} | {long_date(item.due, locale)} |")
    return "\n".join(parts) + "\n"


def render_status_section(table, site: SiteConfig, language: str, _, overdue: list[Overdue] = ()) -> str:
    """The status page's generated part: the chart, the per-page table, then the guides due for review."""
    labels = state_labels(_)
    names = {code: site.language(code).name_in(language) for code in site.codes}
    locale = site.language(language).formatting_locale
    return (chart_svg(table, site.codes, labels, names, locale) + "\n\n" + as_markdown(table, site.codes, labels, details=False) + "\n\n"
            + overdue_markdown(overdue, language, locale, _))
