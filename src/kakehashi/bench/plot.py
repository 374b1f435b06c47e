"""The benchmark's picture: build time against pages per language, as an SVG made without a library."""

from __future__ import annotations

from html import escape


def build_time_svg(series: dict[str, dict[int, float]], title: str, x_label: str) -> str:
    """A line chart of seconds per size for each named series (log-scaled size axis)."""
    import math

    width, height, left, bottom, top, right = 640, 360, 60, 40, 30, 160
    sizes = sorted({size for points in series.values() for size in points})
    longest = max((s for points in series.values() for s in points.values()), default=1)
    lo, hi = math.log10(min(sizes)), math.log10(max(sizes))

    def x(size: int) -> float:
        return left + (width - left - right) * ((math.log10(size) - lo) / ((hi - lo) or 1))

    def y(seconds: float) -> float:
        return height - bottom - (height - bottom - top) * seconds / longest

    colours = ["#1b4f72", "#c0392b", "#1e8449", "#b9770e"]
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" aria-labelledby="bench-title">',
           f'<title id="bench-title">{escape(title)}</title>',
           f'<line x1="{left}" y1="{height - bottom}" x2="{width - right}" y2="{height - bottom}" stroke="currentColor"/>',
           f'<line x1="{left}" y1="{top}" x2="{left}" y2="{height - bottom}" stroke="currentColor"/>']
    for size in sizes:
        out.append(f'<text x="{x(size):.0f}" y="{height - bottom + 16}" font-size="11" text-anchor="middle" fill="currentColor">{size:,}</text>')
    for tick in range(0, 6):
        seconds = longest * tick / 5
        out.append(f'<text x="{left - 6}" y="{y(seconds) + 4:.0f}" font-size="11" text-anchor="end" fill="currentColor">{seconds:.0f} s</text>')
    out.append(f'<text x="{(left + width - right) / 2:.0f}" y="{height - 6}" font-size="12" text-anchor="middle" fill="currentColor">{escape(x_label)}</text>')
    for index, (name, points) in enumerate(series.items()):
        colour = colours[index % len(colours)]
        coords = " ".join(f"{x(s):.1f},{y(t):.1f}" for s, t in sorted(points.items()))
        out.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2.5"/>')
        for s, t in sorted(points.items()):
            out.append(f'<circle cx="{x(s):.1f}" cy="{y(t):.1f}" r="4" fill="{colour}"><title>{escape(name)}: {s:,} pages, {t:.1f} s</title></circle>')
        ly = top + 20 * index
        out.append(f'<rect x="{width - right + 14}" y="{ly}" width="12" height="12" fill="{colour}"/>'
                   f'<text x="{width - right + 32}" y="{ly + 11}" font-size="12" fill="currentColor">{escape(name)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"
