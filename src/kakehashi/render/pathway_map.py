"""A route of the pathway finder drawn as an SVG flow chart at build time: one box per step, in order.

Every text is escaped (``el``); the picture has an accessible title and description, and its colours
come from the theme's CSS variables (kakehashi-pathway.css), so it stays readable in dark mode. A box
carries its step's conditions (``data-kk-when``): the finder's script hides the boxes that do not apply,
moves the others up (``data-kk-height``) and numbers them again (``data-kk-number``).
"""

from __future__ import annotations

import textwrap
import unicodedata

from kakehashi.data.pathways import Route, Step
from kakehashi.render.html import Markup, el

WIDTH = 640
STAGE_WIDTH = 180
STAGE_CHARS = 22  # columns per line of a stage name (smaller type)
LINE = 18
PADDING = 12
GAP = 22  # room for the arrow between two boxes
TITLE_CHARS = 48  # Latin characters per line of a step title (a Japanese character counts twice)


def when_attribute(step: Step) -> str | None:
    """``question=a,b;other=c``: the answers a step applies to, read by the finder's script."""
    return ";".join(f"{question}={','.join(options)}" for question, options in step.when.items()) or None


def _width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def wrap(value: str, limit: int = TITLE_CHARS) -> list[str]:
    """Lines of at most ``limit`` columns: Latin text breaks between words, Japanese anywhere."""
    if all(_width(c) == 1 for c in value):
        return textwrap.wrap(value, limit) or [""]
    lines, current, used = [], "", 0
    for char in value:
        if used + _width(char) > limit:
            lines.append(current)
            current, used = "", 0
        current += char
        used += _width(char)
    return [*lines, current]


def render_route_map(route: Route, language: str, stage_labels: dict[str, str], title: str) -> Markup:
    """The SVG of ``route`` in ``language``; ``title`` is its accessible name."""
    boxes, y = [], 0
    for number, step in enumerate(route.steps, start=1):
        lines = wrap(f"{number}. {step.title[language]}")
        stage = wrap(stage_labels[step.stage], STAGE_CHARS)
        height = max(2, len(lines), len(stage)) * LINE + 2 * PADDING
        arrow = None if number == 1 else el(
            "path", {"class": "kk-route-map__arrow", "d": f"M{WIDTH // 2} {-GAP + 2} V-4 l-5 -6 m5 6 l5 -6"})
        boxes.append(el(
            "g", {"class": "kk-route-map__step", "transform": f"translate(0 {y})", "data-kk-when": when_attribute(step),
                  "data-kk-height": height + GAP},
            arrow,
            el("rect", {"x": 1, "y": 0, "width": WIDTH - 2, "height": height, "rx": 8}),
            el("text", {"class": "kk-route-map__stage", "x": PADDING, "y": PADDING + LINE - 4},
               [el("tspan", {"x": PADDING, "dy": 0 if i == 0 else LINE}, line) for i, line in enumerate(stage)]),
            el("text", {"class": "kk-route-map__title", "x": STAGE_WIDTH, "y": PADDING + LINE - 4},
               el("tspan", {"x": STAGE_WIDTH, "dy": 0}, el("tspan", {"data-kk-number": ""}, number), lines[0][len(str(number)):]),
               [el("tspan", {"x": STAGE_WIDTH, "dy": LINE}, line) for line in lines[1:]]),
        ))
        y += height + GAP
    height = y - GAP
    ids = f"kk-map-{route.id}"
    description = " → ".join(f"{n}. {s.title[language]}" for n, s in enumerate(route.steps, start=1))
    return el(
        "svg", {"class": "kk-route-map", "viewBox": f"0 0 {WIDTH} {height}", "width": WIDTH, "height": height,
                "role": "img", "aria-labelledby": f"{ids}-title {ids}-desc", "data-kk-map": route.id, "data-kk-gap": GAP,
                "xmlns": "http://www.w3.org/2000/svg"},
        el("title", {"id": f"{ids}-title"}, title),
        el("desc", {"id": f"{ids}-desc"}, description),
        boxes,
    )
