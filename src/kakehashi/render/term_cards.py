"""Term cards: the first occurrence of each termbase term in a page's HTML, marked with its definition
and the term in the other languages.

The page is read with one regular expression when it is plain markup, with the standard library's
HTML parser otherwise (both find the same text runs); only the matched words are replaced, every other
byte is kept. Text inside links, code, headings and similar elements is left alone. The card is
in the HTML (visually hidden until the term is hovered, focused or tapped), so it reads as plain text
without JavaScript or CSS; ``aria-describedby`` ties it to the term for assistive technologies.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from itertools import accumulate

import ahocorasick

from kakehashi.data.termbase import Concept, term_pattern
from kakehashi.languages import profile
from kakehashi.render.html import Markup, el

SKIPPED = frozenset({
    "a", "abbr", "button", "code", "dfn", "h1", "h2", "h3", "h4", "h5", "h6", "kbd", "label", "math", "option",
    "pre", "samp", "script", "select", "style", "summary", "sup", "svg", "textarea", "title",
})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
SKIPPED_CLASSES = frozenset({"admonition-title", "headerlink", "kk-term-card"})


class _Runs:
    """The text runs of a page that may carry a term card, (offset in the page, text), as tags open and
    close around them."""

    def __init__(self):
        self.runs: list[tuple[int, str]] = []
        self._open: list[str] = []  # tags
        self._skipped: list[bool] = []  # of each open tag: is its text left alone
        self._inside_skipped = 0  # how many open tags are skipped

    def start(self, tag: str, classes: str | None) -> None:
        if tag not in VOID:
            skipped = tag in SKIPPED or bool(classes and set(classes.split()) & SKIPPED_CLASSES)
            self._open.append(tag)
            self._skipped.append(skipped)
            self._inside_skipped += skipped

    def end(self, tag: str) -> None:
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index] == tag:
                self._inside_skipped -= sum(self._skipped[index:])
                del self._open[index:], self._skipped[index:]
                return

    def text(self, offset: int, data: str) -> None:
        if not self._inside_skipped and data.strip():
            self.runs.append((offset, data))


class _TextFinder(HTMLParser):
    """The text runs of any page, read by the standard library's parser."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)  # text runs stay exactly as written, so offsets hold
        self._runs = _Runs()
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self.feed(html)
        self.close()
        self.runs = self._runs.runs

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        self._runs.start(tag, dict(attrs).get("class"))

    def handle_endtag(self, tag):
        self._runs.end(tag)

    def handle_data(self, data):
        self._runs.text(self._offset(), data)


# Plain markup: tags with quoted, bare or no attribute values, and complete character references.
# Anything else (comments, declarations, script or style text, a stray ``<`` or ``&``) goes to _TextFinder.
_TOKEN = re.compile(r"""(?P<text>[^<&]+)"""
                    r"""|(?P<end></([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>)"""
                    r"""|(?P<start><([a-zA-Z][^\t\n\r\f />\x00]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(/?)>)"""
                    r"""|(?P<reference>&(?:[a-zA-Z][-.a-zA-Z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);)"""
                    r"""|(?P<other>[<&])""")
_CLASS = re.compile(r"""(?:^|\s)[cC][lL][aA][sS][sS]\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_RAW_TEXT = frozenset({"script", "style"})


def _plain_runs(html: str) -> list[tuple[int, str]] | None:
    """The text runs that _TextFinder finds, read with one regular expression, or None when ``html`` is
    not plain markup. A character reference ends a text run, as it does for the standard parser."""
    runs = _Runs()
    for token in _TOKEN.finditer(html):
        kind = token.lastgroup
        if kind == "text":
            runs.text(token.start(), token[0])
        elif kind == "end":
            runs.end(token[3].lower())
        elif kind == "start":
            tag, attributes = token[5].lower(), token[6]
            classes = _CLASS.findall(attributes) if "=" in attributes else None
            last = "".join(classes[-1]) if classes else None
            if tag in _RAW_TEXT or (last and "&" in last):  # the standard parser unescapes attribute values
                return None
            runs.start(tag, last)
            if token[7]:
                runs.end(tag)
        elif kind == "other":
            return None
    return runs.runs


def text_runs(html: str) -> list[tuple[int, str]]:
    """The text runs of a page that may carry a term card: (offset in the page, text)."""
    runs = _plain_runs(html)
    return _TextFinder(html).runs if runs is None else runs


def _fold(text: str) -> str:
    """Lower case, one apostrophe: a form can match (``term_pattern``) only where its folded text is."""
    return text.lower().replace("’", "'")


def term_card(concept: Concept, written: str, language: str, names: Callable[[str], str]) -> Markup:
    """The marked term and its card: the definition, then the term in each other language."""
    card_id = f"kk-term-{concept.id}"
    definition = concept.definition.get(language)
    definition_language = language
    if not definition and concept.definition:
        definition_language, definition = next(iter(concept.definition.items()))
    typography = profile(language)
    others = [
        [el("span", {"class": "kk-term-card__paren"}, typography.clause_separator),
         el("span", {"class": "kk-term-card__other"}, names(code), typography.label_separator, el("span", {"lang": code}, term.term))]
        for code, term in concept.terms.items() if code != language
    ]
    paren = typography.parentheses  # shown only without CSS, as plain text
    return el(
        "span", {"class": "kk-term-wrap", "data-kk-term": concept.id},
        el("span", {"class": "kk-term", "tabindex": "0", "aria-describedby": card_id}, written),
        el("span", {"class": "kk-term-card", "role": "tooltip", "id": card_id},
           el("span", {"class": "kk-term-card__paren"}, paren[0]),
           el("span", {"class": "kk-term-card__definition",
                       "lang": definition_language if definition_language != language else None}, definition) if definition else None,
           el("span", {"class": "kk-term-card__others"}, others),
           el("span", {"class": "kk-term-card__paren"}, paren[1])),
    )


class TermMarker:
    """Marks the terms of one language's pages. Built once per language and build: the accepted forms
    sit in one Aho-Corasick automaton (a page is scanned once, not once per form), and each card is
    rendered once and reused on every page that marks the same term as written."""

    def __init__(self, concepts: list[Concept], language: str, names: Callable[[str], str]):
        self.language, self.names = language, names
        self._forms = ahocorasick.Automaton()  # folded form -> its (order, form, concept) entries
        forms = [(form, concept) for concept in concepts
                 for form in (concept.terms[language].accepted if language in concept.terms else ())]
        folded_forms = [_fold(form) for form, _ in forms]
        for order, ((form, concept), folded) in enumerate(zip(forms, folded_forms, strict=True)):
            if folded:
                self._forms.add_word(folded, self._forms.get(folded, ()) + ((order, form, concept),))
        self._lengths = [len(folded) for folded in folded_forms]
        if len(self._forms):
            self._forms.make_automaton()
        self._cards: dict[tuple[str, str], str] = {}

    def _card(self, concept: Concept, written: str) -> str:
        key = (concept.id, written)
        if key not in self._cards:
            self._cards[key] = str(term_card(concept, written, self.language, self.names))
        return self._cards[key]

    def _matches(self, text: str) -> Iterator[tuple[Concept, re.Match]]:
        """Each match of an accepted form in ``text``, form by form in termbase order, as ``finditer``
        would give them. The automaton finds where each form's folded text is; its pattern is then tried
        there (anywhere in the text when folding changed the text's length, which moves the offsets)."""
        if not len(self._forms):
            return
        folded = _fold(text)
        places: dict[int, tuple[str, Concept, list[int]]] = {}
        for end, entries in self._forms.iter(folded):
            for order, form, concept in entries:
                places.setdefault(order, (form, concept, []))[2].append(end + 1 - self._lengths[order])
        for order in sorted(places):
            form, concept, starts = places[order]
            pattern = term_pattern(form)
            if len(folded) != len(text):
                yield from ((concept, match) for match in pattern.finditer(text))
                continue
            after = 0  # like finditer: a match does not start inside the previous one
            for start in starts:
                if start >= after and (match := pattern.match(text, start)):
                    after = match.end()
                    yield concept, match

    def mark(self, html: str) -> str:
        """``html`` with the first occurrence of each concept's term (any accepted form) marked."""
        runs = text_runs(html)
        text = "\n".join(run for _, run in runs)  # searched once per form; a match maps back to its run
        starts = list(accumulate((len(run) + 1 for _, run in runs[:-1]), initial=0))
        occurrences = []  # (start, -length, end, concept) of every accepted form, as offsets in the page
        for concept, match in self._matches(text):
            index = bisect_right(starts, match.start()) - 1
            shift = runs[index][0] - starts[index]
            occurrences.append((shift + match.start(), match.start() - match.end(), shift + match.end(), concept))
        # In reading order, the longer term first where two start together ("foreign MAH" before "MAH");
        # a term inside another term's occurrence (marked or not) is left alone.
        found: list[tuple[int, int, Concept]] = []
        marked: set[str] = set()
        covered = 0  # end of the furthest occurrence seen
        for start, _, end, concept in sorted(occurrences, key=lambda o: o[:3]):
            if start < covered:
                continue
            covered = end
            if concept.id not in marked:
                found.append((start, end, concept))
                marked.add(concept.id)
        out, position = [], 0
        for start, end, concept in found:
            out += [html[position:start], self._card(concept, html[start:end])]
            position = end
        out.append(html[position:])
        return "".join(out)

