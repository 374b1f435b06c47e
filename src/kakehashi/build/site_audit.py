"""The post-build audit: every HTML page of the built site, whatever made it, against what is never allowed.

``kakehashi check`` judges what contributors write; this net judges what readers get: contributed
pages, pages generated from data, the theme's own output and whatever a future template or extension
adds, in every language. A page fails if it has an inline event handler, a script URL, a resource from
another host, a frame or an object, a ``<base>``, a refresh, a form posting elsewhere, an inline
script that is not one of the theme's own, or no Content-Security-Policy.

The theme's inline scripts are known from its templates: each ``<script>`` of Material's
``partials/javascripts/*.html`` (and of the overrides), with its Jinja expressions as wildcards.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import re
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import tinycss2
from selectolax.lexbor import LexborHTMLParser

from kakehashi.build.csp import DATA_SCRIPT_TYPES, META_NAME, SecuredPage, secure
from kakehashi.checks.html_allowlist import INVISIBLE, url_scheme

SCRIPT_SCHEMES = frozenset({"javascript", "vbscript", "livescript", "data"})
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data", "poster", "cite", "background",
                  "ping", "manifest", "codebase", "longdesc", "lowsrc", "dynsrc", "icon")
# Where a URL is loaded by the browser (not merely followed when a reader clicks).
RESOURCE_ELEMENTS = {"script": ("src",), "img": ("src", "srcset"), "source": ("src", "srcset"), "video": ("src", "poster"),
                     "audio": ("src",), "track": ("src",), "input": ("src",), "image": ("href", "xlink:href"),
                     "use": ("href", "xlink:href"), "feimage": ("href", "xlink:href")}
LOADED_LINK_RELS = frozenset({"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload",
                              "prefetch", "prerender", "manifest", "mask-icon", "dns-prefetch", "preconnect"})
NEVER = {"iframe": "a frame", "frame": "a frame", "frameset": "a frameset", "object": "an object", "embed": "an embedded object",
         "base": "a <base> (it redirects every relative link)", "applet": "an applet", "portal": "a portal"}
URL_ATTRIBUTE_SET = frozenset(URL_ATTRIBUTES)
# Elements checked even without attributes (the rest only have attributes to check).
WATCHED_TAGS = frozenset({*NEVER, *RESOURCE_ELEMENTS, "meta", "form", "link", "style", "script"})
# Attributes no check reads (not an event handler, URL or style): an element with only these, of a tag
# not watched, is passed over without a look at its values.
INERT_ATTRIBUTES = frozenset({
    "id", "class", "title", "lang", "dir", "role", "tabindex", "hidden", "translate", "for", "name", "type", "value",
    "alt", "rel", "width", "height", "colspan", "rowspan", "align", "open", "checked", "disabled", "label", "autocomplete",
    "aria-hidden", "aria-label", "aria-labelledby", "aria-describedby", "aria-expanded", "aria-controls", "aria-current",
    "aria-live", "aria-modal", "placeholder", "spellcheck", "autocapitalize", "required", "content", "charset",
    "xmlns", "viewbox", "viewBox", "d", "fill", "stroke", "focusable",
})
TEXT_TAGS = frozenset({"script", "style"})  # whose verdict depends on their text, not only on their attributes
MAX_VERDICTS = 200_000
_verdicts: dict[tuple, tuple[str, ...]] = {}  # (own hosts, tag, attributes) -> what is wrong with such an element
PAGES_PER_WORKER = 500  # below this, a process of its own costs more than it saves
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
TEMPLATE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


@dataclass(frozen=True)
class Problem:
    """One thing a built page must not contain."""

    page: str  # path in the site folder
    element: str  # the offending element, as a short HTML excerpt
    message: str

    def as_text(self) -> str:
        return f"{self.page}: {self.element}: {self.message}"


def theme_script_patterns(template_dirs: Iterable[Path]) -> list[re.Pattern]:
    """The inline scripts the theme's templates write, as patterns (a Jinja expression matches any text
    without quotes or angle brackets)."""
    patterns = []
    for folder in template_dirs:
        for template in sorted(Path(folder).glob("partials/javascripts/*.html")):
            for body in TEMPLATE_SCRIPT.findall(template.read_text(encoding="utf-8")):
                parts = JINJA.split(body)
                patterns.append(re.compile(r"[^\"<>]*".join(re.escape(part) for part in parts), re.DOTALL))
    return patterns


def _only_data(names) -> bool:
    """True when every name is a ``data-*`` attribute (read by scripts only, never by the browser itself)."""
    return all(name.startswith("data-") for name in names)


def _excerpt(node) -> str:
    attributes = " ".join(f'{name}="{(value or "")[:60]}"' for name, value in list(node.attributes.items())[:4])
    return f"<{node.tag}{' ' + attributes if attributes else ''}>"


def _foreign(url: str, own_hosts: frozenset[str]) -> bool:
    """True for a URL on another host than the portal's (relative URLs and the portal's own are fine)."""
    cleaned = INVISIBLE.sub("", url).replace("\\", "/")
    scheme = url_scheme(url)
    if scheme is None and not cleaned.startswith("//"):
        return False
    if scheme not in (None, "http", "https"):
        return scheme != "data"  # data: resources are the theme's own icons; other schemes load from elsewhere
    return (urlsplit(cleaned if scheme else "https:" + cleaned).hostname or "") not in own_hosts


def _css_urls(css: str, declarations: bool = False) -> Iterator[str]:
    """The URLs a stylesheet (or, ``declarations``, a ``style`` attribute) refers to."""
    def walk(tokens):
        for token in tokens:
            if token.type == "url":
                yield token.value
            elif token.type == "function":
                if token.lower_name in ("url", "src") and token.arguments:
                    for argument in token.arguments:
                        if argument.type == "string":
                            yield argument.value
                yield from walk(token.arguments)
            elif token.type == "at-rule":
                yield from walk(token.prelude)
                yield from walk(token.content or [])
            elif token.type in ("qualified-rule",):
                yield from walk(token.content)
            elif token.type == "declaration":
                yield from walk(token.value)
            elif token.type in ("() block", "[] block", "{} block"):
                yield from walk(token.content)
    parse = tinycss2.parse_blocks_contents if declarations else tinycss2.parse_stylesheet
    yield from walk(parse(css, skip_comments=True, skip_whitespace=True))


def audit_page(html: str, page: str, theme_scripts: list[re.Pattern], own_hosts: frozenset[str]) -> list[Problem]:
    """What is wrong with one built page."""
    return audit_tree(LexborHTMLParser(html), page, theme_scripts, own_hosts)


def audit_tree(tree: LexborHTMLParser, page: str, theme_scripts: list[re.Pattern], own_hosts: frozenset[str],
               has_policy: bool = False) -> list[Problem]:
    """What is wrong with one built page, parsed; ``has_policy``: its policy is known to be there."""
    problems: list[Problem] = []
    for node in tree.root.traverse(include_text=False):
        tag, raw = node.tag, node.attributes
        watched = tag in WATCHED_TAGS
        if not watched and (raw.keys() <= INERT_ATTRIBUTES or _only_data(raw.keys() - INERT_ATTRIBUTES)):
            continue  # most elements: nothing the audit looks at
        if not isinstance(tag, str) or tag.startswith(("-", "_")):
            continue
        if tag in TEXT_TAGS:
            messages = _messages(node, tag, raw, own_hosts)
        else:  # the same element on many pages (navigation, links, the theme's head) is judged once
            key = (own_hosts, tag, tuple(raw.items()))
            messages = _verdicts.get(key)
            if messages is None:
                messages = _messages(node, tag, raw, own_hosts)
                if len(_verdicts) < MAX_VERDICTS:
                    _verdicts[key] = messages
        if messages:
            problems.extend(Problem(page, _excerpt(node), message) for message in messages)
        if tag == "meta" and not has_policy:
            has_policy = any(name.lower() == "http-equiv" and (value or "").lower() == META_NAME.lower() for name, value in raw.items())
        elif tag == "script":
            attributes = {name.lower(): value or "" for name, value in raw.items()}
            if "src" not in attributes and attributes.get("type", "").strip().lower() not in DATA_SCRIPT_TYPES:
                body = node.text(deep=True) or ""
                if not any(pattern.fullmatch(body) for pattern in theme_scripts):
                    problems.append(Problem(page, f"<script>{body[:60]}…</script>", "inline script that is not one of the theme's"))
    if not has_policy:
        problems.append(Problem(page, "<head>", f"no <meta http-equiv=\"{META_NAME}\">"))
    return problems


def _messages(node, tag: str, raw: dict, own_hosts: frozenset[str]) -> tuple[str, ...]:
    """What is wrong with an element (an inline script's body apart)."""
    attributes = {name.lower(): value or "" for name, value in raw.items()}
    messages = []
    for name, value in attributes.items():
        if name.startswith("on"):
            messages.append(f"inline event handler '{name}'")
        if name in URL_ATTRIBUTE_SET and url_scheme(value) in SCRIPT_SCHEMES and not (tag == "img" and name == "src"):
            messages.append(f"{url_scheme(value)}: URL in '{name}'")
    if tag in WATCHED_TAGS:
        messages.extend(_element_problems(node, tag, attributes, own_hosts))
    elif "style" in attributes:
        messages.extend(_style_problems(attributes["style"], own_hosts))
    return tuple(messages)


def _element_problems(node, tag: str, attributes: dict[str, str], own_hosts: frozenset[str]) -> list[str]:
    """What is wrong with an element of a watched tag, beyond its event handlers and script URLs."""
    messages = []
    if tag in NEVER:
        messages.append(f"{NEVER[tag]} is not allowed on the portal")
    if tag == "meta" and attributes.get("http-equiv", "").lower() == "refresh":
        messages.append("a refresh sends readers elsewhere")
    if tag == "form" and _foreign(attributes.get("action", ""), own_hosts):
        messages.append("a form posting to another host")
    for name in RESOURCE_ELEMENTS.get(tag, ()):
        value = attributes.get(name)
        if value is None:
            continue
        urls = [c.strip().split()[0] for c in value.split(",") if c.strip()] if name == "srcset" else [value]
        for url in urls:
            if _foreign(url, own_hosts) or (url_scheme(url) == "data" and tag != "img"):
                messages.append(f"'{url[:80]}' is loaded from another host")
    if tag == "link" and "href" in attributes:
        rels = set(attributes.get("rel", "").lower().split())
        if rels & LOADED_LINK_RELS and _foreign(attributes["href"], own_hosts):
            messages.append(f"'{attributes['href'][:80]}' is loaded from another host")
    if "style" in attributes:
        messages.extend(_style_problems(attributes["style"], own_hosts))
    if tag == "style":
        for url in _css_urls(node.text(deep=True) or ""):
            if _foreign(url, own_hosts):
                messages.append(f"stylesheet loads '{url[:80]}' from another host")
    return messages


def _style_problems(style: str, own_hosts: frozenset[str]) -> list[str]:
    return [f"style loads '{url[:80]}' from another host" for url in _css_urls(style, declarations=True) if _foreign(url, own_hosts)]


def output_digest(html: str) -> str:
    """The digest of a page as MkDocs writes it (UTF-8, with references for what UTF-8 cannot hold)."""
    return _digest(html.encode("utf-8", "xmlcharrefreplace"))


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _as_audited(path: Path, site_dir: Path, audited: dict[str, str]) -> bool:
    """True when the file at ``path`` is the page that was audited at its site path."""
    digest = audited.get(path.relative_to(site_dir).as_posix())
    return digest is not None and digest == _digest(path.read_bytes())


def _audit_files(paths: list[Path], site_dir: Path, patterns: list[re.Pattern], hosts: frozenset[str]) -> list[Problem]:
    problems = []
    for path in paths:
        html = path.read_text(encoding="utf-8", errors="replace")
        problems.extend(audit_page(html, path.relative_to(site_dir).as_posix(), patterns, hosts))
    return problems


def audit_site(site_dir: Path, template_dirs: Iterable[Path], own_hosts: Iterable[str], jobs: int | None = None
               ) -> tuple[int, list[Problem]]:
    """(number of HTML pages, problems), over every ``*.html`` file of the site folder. Many pages are
    audited by ``jobs`` processes (default: one per CPU), each on its share."""
    audit = BuildAudit(template_dirs, own_hosts)
    return _audit_files_of(site_dir, audit.patterns, audit.hosts, jobs, {})


def _audit_files_of(site_dir: Path, patterns: list[re.Pattern], hosts: frozenset[str], jobs: int | None,
                    audited: dict[str, str]) -> tuple[int, list[Problem]]:
    every = sorted(site_dir.rglob("*.html"))
    pages = [path for path in every if not _as_audited(path, site_dir, audited)]
    workers = min(jobs or os.cpu_count() or 1, len(pages) // PAGES_PER_WORKER)
    if workers < 2:
        return len(every), _audit_files(pages, site_dir, patterns, hosts)
    shares = [pages[index::workers] for index in range(workers)]
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        found = pool.map(_audit_files, shares, [site_dir] * workers, [patterns] * workers, [hosts] * workers)
        problems = [problem for share in found for problem in share]
    return len(every), sorted(problems, key=lambda problem: problem.page)


class BuildAudit:
    """The audit of one build: each page as its process builds it (on the parse its policy needs), then,
    once every language is in the site folder, every HTML file that is not as it was audited (pages a
    later step rewrote, and whatever no page event wrote). A language worker leaves the record of its
    pages in its language folder, for the main build."""

    RECORD = ".kk-audited.json"

    def __init__(self, template_dirs: Iterable[Path], own_hosts: Iterable[str]):
        self.patterns = theme_script_patterns(template_dirs)
        self.hosts = frozenset(host for host in own_hosts if host)
        self.audited: dict[str, str] = {}  # site path -> digest of the page as audited

    def secure_page(self, html: str, page: str) -> tuple[SecuredPage, list[Problem]]:
        """The page (at site path ``page``) with its policy, and what is wrong with it."""
        secured = secure(html)
        self.audited[page] = output_digest(secured.html)
        return secured, audit_tree(secured.tree, page, self.patterns, self.hosts, secured.has_policy)

    def hand_over(self, language_dir: Path) -> None:
        """Language worker: leave the record of its audited pages in its language folder."""
        (language_dir / self.RECORD).write_text(json.dumps(self.audited), encoding="utf-8")

    def finish(self, site_dir: Path, language_dirs: Iterable[Path]) -> tuple[int, list[Problem]]:
        """Main build, once every language is in ``site_dir``: every HTML file that was not audited as it
        is now, with the records that workers left in their ``language_dirs``."""
        for record in (Path(folder) / self.RECORD for folder in language_dirs):
            if record.is_file():
                self.audited.update(json.loads(record.read_text(encoding="utf-8")))
                record.unlink()
        return _audit_files_of(site_dir, self.patterns, self.hosts, None, self.audited)
