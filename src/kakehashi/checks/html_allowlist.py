"""The allow-list of the HTML that contributed Markdown and data may produce, checked on parsed HTML.

Contributed pages are rendered as they are, so whatever a contributor writes reaches every reader's
browser. Instead of looking for known attacks in the source (there are always other spellings), the
rendered HTML is parsed as a browser parses it and every element, attribute and URL is compared with
what the portal allows. Anything else is refused, however it was written: raw HTML, Markdown
attribute lists (``{ onclick=… }``), character references, mixed case, control characters in a scheme.

Why selectolax: it binds Lexbor, an HTML parser that follows the WHATWG parsing algorithm like a
browser (character references, case, foreign SVG/MathML content, misnested tags are resolved the same
way), it is fast enough to parse every page of every check, and its tree gives each element with its
attributes, which a report needs (a sanitizer such as nh3 cleans HTML but cannot say what it removed).
tinycss2 parses ``style`` attributes the way CSS does (escapes, comments, functions).

The policy:

- elements: text structure, lists, tables, quotations, figures, ruby, images, audio and video;
  ``<script>``, ``<style>``, ``<link>``, ``<meta>``, ``<base>``, forms and their controls,
  ``<object>``, ``<embed>``, ``<iframe>``, ``<frame>``, ``<template>``, inline SVG and MathML are not
  allowed (an SVG picture is an image file shown with ``<img>``, which cannot run scripts);
- attributes: the global ``id``, ``class``, ``title``, ``lang``, ``dir``, ``role``, ``aria-*`` and a few
  per element (``href`` on links, ``src``/``srcset``/``alt`` on images…); no event handler
  (``on…``), no ``data-*`` (the theme's scripts read some), ``style`` only with plain values (no
  ``url()``, no function that loads or computes anything, no ``@import``);
- links (``href``, ``cite``): a page of the portal (relative), ``http:``, ``https:``, ``mailto:`` or
  ``tel:``; links to other hosts are fine;
- resources (``src``, ``srcset``, ``poster``): a relative path to a file of the portal only. An address
  on another host would make every reader's browser contact it (against the portal's privacy
  promise); ``data:`` URLs are refused too, ``data:image`` included: images belong in ``docs/assets/``,
  where they are reviewed, cached and allowed by the Content-Security-Policy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import tinycss2
from selectolax.lexbor import LexborHTMLParser

TEXT = {"p", "div", "span", "br", "wbr", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code",
        "a", "abbr", "b", "strong", "i", "em", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "kbd", "samp",
        "var", "q", "cite", "dfn", "time", "bdi", "bdo", "ruby", "rt", "rp", "address", "section", "aside"}
LISTS = {"ul", "ol", "li", "dl", "dt", "dd"}
TABLES = {"table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col"}
BLOCKS = {"details", "summary", "figure", "figcaption"}
MEDIA = {"img", "picture", "source", "video", "audio", "track"}
ALLOWED_ELEMENTS = frozenset(TEXT | LISTS | TABLES | BLOCKS | MEDIA)
# The parser always makes these; they are checked for attributes (``<body onload>`` lands on them).
DOCUMENT = frozenset({"html", "head", "body"})

GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "role", "translate"})
ELEMENT_ATTRIBUTES = {
    "a": {"href", "hreflang", "rel", "target", "type"},
    "img": {"src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"},
    "source": {"src", "srcset", "sizes", "type", "media", "width", "height"},
    "video": {"src", "poster", "controls", "width", "height", "preload", "muted", "loop", "playsinline"},
    "audio": {"src", "controls", "preload", "muted", "loop"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "th": {"colspan", "rowspan", "headers", "scope", "align", "abbr"},
    "td": {"colspan", "rowspan", "headers", "align"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "details": {"open"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "time": {"datetime"},
}
LINK_ATTRIBUTES = frozenset({"href", "cite"})
RESOURCE_ATTRIBUTES = frozenset({"src", "poster"})
SRCSET_ATTRIBUTES = frozenset({"srcset"})
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
TARGETS = frozenset({"_blank", "_self"})
# Characters a browser drops from a URL, or that only hide a scheme from a reader: C0 controls, space,
# DEL, C1 controls, and the invisible and space-like code points of Unicode.
INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]")
SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
# CSS functions that only compute a value; anything else (url, image-set, element, paint, src…) may load.
INERT_CSS_FUNCTIONS = frozenset({"rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch", "calc", "min", "max", "clamp"})

ELEMENT_HINTS = {
    "script": "scripts are not allowed in contributed content; ask the maintainers if a page needs behaviour",
    "style": "use the theme's styles (Markdown, admonitions, tables); a stylesheet can load from other hosts",
    "link": "link to a page with Markdown [text](address) instead",
    "meta": "page metadata goes in the front matter (title, description)",
    "base": "remove it: links are relative to the page",
    "form": "forms are not allowed; link to the form on its own site instead",
    "iframe": "embedded frames load third-party content; link to the content instead",
    "frame": "embedded frames load third-party content; link to the content instead",
    "object": "embedded objects are not allowed; link to the file instead",
    "embed": "embedded objects are not allowed; link to the file instead",
    "svg": "save the drawing as an .svg file in docs/assets/ and show it with ![text](file.svg)",
    "math": "MathML is not supported; write the formula as text or as an image in docs/assets/",
}
FORM_CONTROLS = frozenset({"form", "input", "button", "select", "textarea", "option", "optgroup", "fieldset", "legend",
                           "label", "output", "datalist", "keygen", "isindex"})


@dataclass(frozen=True)
class Violation:
    """One element, attribute or URL outside the allow-list."""

    code: str  # H001 element, H002 attribute, H003 URL scheme, H004 resource from elsewhere
    element: str
    attribute: str | None
    value: str
    message: str
    hint: str

    @property
    def key(self) -> tuple:
        """What identifies the violation in a page, whatever its position."""
        return (self.code, self.element, self.attribute, self.value)

    def describe(self) -> str:
        """``message: hint`` as a finding shows it."""
        return f"{self.message}: {self.hint}"


def url_scheme(url: str) -> str | None:
    """The scheme a browser would read in ``url`` (lower case), None for a relative URL. Invisible
    characters are removed first, wherever they stand, so ``java\\tscript:`` is ``javascript``."""
    match = SCHEME.match(INVISIBLE.sub("", url))
    return match[1].lower() if match else None


def is_relative_resource(url: str) -> bool:
    """True for a path on the portal itself: no scheme, not ``//host`` (nor ``\\\\host``, which browsers read
    the same way)."""
    cleaned = INVISIBLE.sub("", url).replace("\\", "/")
    return url_scheme(url) is None and not cleaned.startswith("//")


def css_loads(css: str) -> str | None:
    """Why a ``style`` attribute value is not inert (it loads or computes with a function), or None."""
    try:
        declarations = tinycss2.parse_blocks_contents(css, skip_comments=True, skip_whitespace=True)
    except Exception:  # noqa: BLE001 - tinycss2 reports errors as nodes; this is only a guard
        return "CSS that cannot be read"
    for node in declarations:
        if node.type == "at-rule":
            return f"@{node.lower_at_keyword}"
        if node.type == "error":
            return "CSS that cannot be read"
        if node.type == "qualified-rule":
            return "a CSS rule"
        if node.type == "declaration":
            if node.lower_name in ("behavior", "-moz-binding"):
                return node.lower_name
            found = _css_tokens_load(node.value)
            if found:
                return found
    return None


def _css_tokens_load(tokens) -> str | None:
    for token in tokens:
        if token.type == "url":
            return "url()"
        if token.type == "function":
            if token.lower_name not in INERT_CSS_FUNCTIONS:
                return f"{token.lower_name}()"
            found = _css_tokens_load(token.arguments)
            if found:
                return found
        if token.type in ("() block", "[] block", "{} block"):
            found = _css_tokens_load(token.content)
            if found:
                return found
    return None


def _srcset_urls(value: str) -> list[str]:
    """The URLs of a ``srcset`` list (each candidate is a URL then an optional descriptor)."""
    return [candidate.strip().split()[0] for candidate in value.split(",") if candidate.strip()]


def _show(value: str, limit: int = 60) -> str:
    shown = "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in value)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def audit_html(html: str) -> list[Violation]:
    """Every violation of the allow-list in a fragment of contributed HTML, in document order."""
    found: list[Violation] = []
    tree = LexborHTMLParser(html)
    skip_inside: list = []
    for node in tree.root.traverse(include_text=False):
        tag = node.tag
        if not isinstance(tag, str) or tag.startswith("-") or tag == "_comment":
            continue
        if skip_inside and _inside(node, skip_inside):
            continue
        if tag not in ALLOWED_ELEMENTS and tag not in DOCUMENT:
            found.append(element_violation(tag, node.attributes))
            skip_inside.append(node)  # one finding for an element, not one more for each of its children
            continue
        found.extend(_attribute_violations(tag, node.attributes))
    return found


def _inside(node, ancestors: list) -> bool:
    parent = node.parent
    while parent is not None:
        if any(parent.mem_id == ancestor.mem_id for ancestor in ancestors):
            return True
        parent = parent.parent
    return False


def element_violation(tag: str, attributes: dict | None = None) -> Violation:
    """The violation of an element that is not allowed, with the hint that fits it."""
    hint = ELEMENT_HINTS.get(tag)
    if hint is None and tag in FORM_CONTROLS:
        hint = ELEMENT_HINTS["form"]
    if hint is None and tag == "frameset":
        hint = ELEMENT_HINTS["frame"]
    what = f"<{tag}>"
    if tag == "meta" and (attributes or {}).get("http-equiv"):
        what = f"<meta http-equiv=\"{_show(attributes.get('http-equiv') or '')}\">"
    return Violation("H001", tag, None, "", f"{what} is not allowed in contributed content",
                     hint or "use Markdown, or one of the elements the rule reference lists")


def _attribute_violations(tag: str, attributes: dict) -> list[Violation]:
    out = []
    allowed = ELEMENT_ATTRIBUTES.get(tag, set())
    for name, value in attributes.items():
        value = value or ""
        if name.startswith("on"):
            out.append(Violation("H002", tag, name, value, f"event handler {name}=\"{_show(value, 30)}\" on <{tag}> is not allowed",
                                 "remove it: contributed content cannot run code"))
        elif name == "style":
            loads = css_loads(value)
            if loads:
                out.append(Violation("H002", tag, name, value, f"style=\"{_show(value, 40)}\" on <{tag}> uses {loads}",
                                     "use plain CSS values only (no url(), no functions, no @import), or none"))
        elif tag in DOCUMENT or not (name in GLOBAL_ATTRIBUTES or name in allowed or name.startswith("aria-")):
            out.append(Violation("H002", tag, name, value, f"attribute {name}=\"{_show(value, 30)}\" on <{tag}> is not allowed",
                                 "remove it; the rule reference lists the attributes each element may have"))
        elif name == "target" and value.strip().lower() not in TARGETS:
            out.append(Violation("H002", tag, name, value, f"target=\"{_show(value, 30)}\" is not allowed", "use target=\"_blank\" or none"))
        elif name in LINK_ATTRIBUTES:
            scheme = url_scheme(value)
            if scheme is not None and scheme not in LINK_SCHEMES:
                out.append(Violation("H003", tag, name, value, f"{name}=\"{_show(value)}\": {scheme}: URLs are not allowed",
                                     "link to a page of the portal or to an https:// address"))
        elif name in RESOURCE_ATTRIBUTES or name in SRCSET_ATTRIBUTES:
            urls = _srcset_urls(value) if name in SRCSET_ATTRIBUTES else [value]
            for url in urls:
                violation = _resource_violation(tag, name, url)
                if violation:
                    out.append(violation)
    return out


def _resource_violation(tag: str, name: str, url: str) -> Violation | None:
    if is_relative_resource(url):
        return None
    scheme = url_scheme(url)
    if scheme in (None, "http", "https"):
        return Violation("H004", tag, name, url, f"<{tag} {name}=\"{_show(url)}\"> loads a file from another host",
                         "readers' browsers would contact that host: copy the file into docs/assets/ and use a relative path, "
                         "or link to it with [text](address)")
    return Violation("H003", tag, name, url, f"<{tag} {name}=\"{_show(url)}\">: {scheme}: URLs are not allowed here",
                     "data: images included: save the file in docs/assets/ and use a relative path")
