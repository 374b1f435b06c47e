"""The Performance page's table, made from the figures ``make bench --publish`` wrote."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from babel.numbers import format_decimal

from kakehashi.bench.plot import build_time_svg


def render_benchmark(figures_file: Path, _: Callable[[str], str], locale: str = "en_GB") -> str:
    """A Markdown table of the last published benchmark (or a note that none was published), numbers
    written the way ``locale`` writes them (1,600 / 1 600)."""
    if not figures_file.is_file():
        return _("No benchmark has been published yet: run `make bench BENCH_ARGS=--publish`.") + "\n"
    data = json.loads(figures_file.read_text(encoding="utf-8"))
    series = {"Kakehashi": {int(s): r["build_s"] for s, r in data["sizes"].items()},
              _("stock configuration"): {int(s): t for s, t in data.get("stock", {}).items()}}
    chart = build_time_svg(series, _("Build time against pages per language"), _("pages per language (× 3 languages)"), _, locale)
    header = (_("Pages per language"), _("Build (s)"), _("Stock configuration (s)"), _("kakehashi check (s)"),
              _("Peak memory (MB)"), _("HTML per page (KB)"), _("Site (MB)"))
    lines = ["| " + " | ".join(header) + " |", "|" + "---:|" * len(header)]
    sizes = sorted({int(s) for s in data["sizes"]} | {int(s) for s in data.get("stock", {})})

    def number(value, decimals: int = 1) -> str:
        if value is None:
            return "–"
        return format_decimal(value, "#,##0." + "0" * decimals if isinstance(value, float) else "#,##0", locale=locale)

    for size in sizes:
        ours = data["sizes"].get(str(size), {})
        cells = [size, ours.get("build_s"), data.get("stock", {}).get(str(size)), ours.get("check_s"), ours.get("peak_rss_mb"),
                 round(ours["html_bytes_per_page"] / 1000, 1) if ours else None, ours.get("site_mb")]
        lines.append("| " + " | ".join(number(cell) for cell in cells) + " |")
    if data.get("ratio") and data.get("ratio_sizes"):
        small, large = data["ratio_sizes"]
        lines += ["", _("Build time at %(large)s pages per language divided by the build time at %(small)s: %(ratio)s.")
                  % {"large": number(large), "small": number(small), "ratio": number(data["ratio"], 2)}]
    if data.get("runs", 1) > 1:
        lines += ["", _("Build and check times are the median of %(runs)s runs.") % {"runs": number(data["runs"])}]
    return chart + "\n" + "\n".join(lines) + "\n"
