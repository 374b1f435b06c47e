"""A tiny HTML builder that escapes everything it is given, unless it is already ``Markup``.

Data files are contributed by pull request: a name like ``<script>alert(1)</script>`` must reach the
page as text. Building every element with ``el()`` makes escaping the default instead of a habit. The
escaper is MarkupSafe's, the one Jinja's autoescaping uses for the core's templates (``render.templates``).
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup, escape


def text(value: object) -> Markup:
    """Escape any value as HTML text (quotes too, so the result is also safe in an attribute)."""
    return escape(value)  # Markup stays as it is


def _children(children: Iterable) -> str:
    out = []
    for child in children:
        if child is None or child is False:
            continue
        if isinstance(child, (str, int)):
            out.append(text(child))
        else:
            out.append(_children(child))
    return "".join(out)


VOID = frozenset({"br", "hr", "img", "input", "link", "meta"})


def el(tag: str, attrs: dict[str, object] | None = None, *children) -> Markup:
    """``<tag attr="value">children</tag>``; attributes valued None or False are left out, True is bare."""
    parts = [tag]
    for name, value in (attrs or {}).items():
        if value is None or value is False:
            continue
        parts.append(name if value is True else f'{name}="{text(value)}"')
    opening = f"<{' '.join(parts)}>"
    if tag in VOID:
        return Markup(opening)
    return Markup(f"{opening}{_children(children)}</{tag}>")


def join(items: Iterable, separator: str = "") -> Markup:
    """Escape and join items (Markup items stay as they are)."""
    return Markup(text(separator).join(text(item) for item in items))
