"""The benchmark's picture: build time against pages per language, an SVG made at build time from a template."""

from __future__ import annotations

import math
from collections.abc import Callable

from babel.numbers import format_decimal

from kakehashi.render.templates import render


def build_time_svg(series: dict[str, dict[int, float]], title: str, x_label: str, _: Callable[[str], str],
                   locale: str = "en_GB") -> str:
    """A line chart of seconds per size for each named series (log-scaled size axis), its labels in the
    language of ``_`` and numbers written the way ``locale`` writes them."""

    width, height, left, bottom, top, right = 640, 360, 60, 40, 30, 160
    sizes = sorted({size for points in series.values() for size in points})
    longest = max((s for points in series.values() for s in points.values()), default=1)
    lo, hi = math.log10(min(sizes)), math.log10(max(sizes))

    def x(size: int) -> float:
        return left + (width - left - right) * ((math.log10(size) - lo) / ((hi - lo) or 1))

    def y(seconds: float) -> float:
        return height - bottom - (height - bottom - top) * seconds / longest

    colours = ["#1b4f72", "#c0392b", "#1e8449", "#b9770e"]
    lines = []
    for index, (name, points) in enumerate(series.items()):
        ordered = sorted(points.items())
        lines.append({
            "name": name, "colour": colours[index % len(colours)], "legend_y": top + 20 * index,
            "coords": " ".join(f"{x(s):.1f},{y(t):.1f}" for s, t in ordered),
            "points": [{"x": x(s), "y": y(t), "label": _("%(series)s: %(pages)s pages, %(seconds)s s") % {
                "series": name, "pages": format_decimal(s, locale=locale), "seconds": format_decimal(t, "0.0", locale=locale)}}
                for s, t in ordered],
        })
    return render(
        "benchmark_chart.svg", width=width, height=height, left=left, bottom=bottom, top=top, right=right,
        title=title, x_label=x_label, lines=lines,
        x_ticks=[{"x": x(size), "label": format_decimal(size, locale=locale)} for size in sizes],
        y_ticks=[{"y": y(longest * tick / 5), "label": _("%(seconds)s s") % {"seconds": format_decimal(longest * tick / 5, "0", locale=locale)}}
                 for tick in range(6)],
    ) + "\n"
