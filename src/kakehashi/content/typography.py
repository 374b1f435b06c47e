"""Typography per language, as one function that fixes a line; a check is "would the fix change it".

Japanese: full-width 、。！？：；（） next to Japanese text, no half-width katakana.
French: a no-break space before : and inside « », a narrow no-break space before ; ! ? and ».
Code (fenced and inline), URLs, link targets, HTML tags, anchors and admonition markers are never
touched.
"""

from __future__ import annotations

import re
import unicodedata

from kakehashi.languages import profile

NBSP, NNBSP = "\u00a0", "\u202f"
JAPANESE = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff0f\u3000-\u303f"
HALF_WIDTH_KATAKANA = re.compile(r"[\uff66-\uff9f]+")
JA_PUNCTUATION = {",": "、", ".": "。", "!": "！", "?": "？", ":": "：", ";": "；", "(": "（", ")": "）"}
# Half-width punctuation touching Japanese text (before it, or after it for an opening parenthesis).
JA_AFTER = re.compile(rf"(?<=[{JAPANESE}])([,.!?:;)])(?![\d\[])")
JA_OPEN = re.compile(rf"\((?=[^()]*[{JAPANESE}][^()]*\))")
JA_CLOSE_AFTER_OPEN_FIXED = re.compile(r"（([^（）()]*)\)")
PROTECTED = re.compile(
    r"`[^`]*`"                      # inline code
    r"|<[^>\n]*>"                   # HTML tags and autolinks
    r"|\]\([^)\n]*\)"               # link and image targets
    r"|\]\[[^\]\n]*\]"              # reference links
    r"|^\s*\[[^\]\n]+\]:.*$"         # reference definitions
    r"|https?://\S+"                # bare URLs
    r"|\{[:#][^}\n]*\}"             # attribute lists / explicit anchors
    r"|^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+"  # admonition markers
    r"|\d:\d"                       # times and identifiers (ISO 13485:2016)
)
FR_SPACE_BEFORE = re.compile(r"(?<=[^\s\u00a0\u202f(\[«])[ \t]?([;!?:»])")
FR_SPACE_AFTER = re.compile(r"«[ \t]?(?=[^\s\u00a0\u202f])")
FENCE = re.compile(r"^\s*(```|~~~)")


def _substitute(pattern: re.Pattern, line: str, replace, protected: list[tuple[int, int]]) -> str:
    """``pattern.sub`` that leaves matches overlapping a protected span alone."""
    def keep_or_replace(match: re.Match) -> str:
        if any(start < match.end() and match.start() < end for start, end in protected):
            return match[0]
        return replace(match)
    return pattern.sub(keep_or_replace, line)


def _fix_once(line: str, pattern: re.Pattern, replace) -> str:
    if pattern.search(line) is None:
        return line  # most lines: nothing to fix, no need to find the protected spans
    protected = [m.span() for m in PROTECTED.finditer(line)]
    return _substitute(pattern, line, replace, protected)


def fix_line(line: str, language: str) -> str:
    """The line with the safe typography fixes of ``language`` applied outside protected spans."""
    rules = profile(language).typography
    if rules == "ja":
        line = _fix_once(line, HALF_WIDTH_KATAKANA, lambda m: unicodedata.normalize("NFKC", m[0]))
        line = _fix_once(line, JA_OPEN, lambda m: "（")
        line = _fix_once(line, JA_CLOSE_AFTER_OPEN_FIXED, lambda m: f"（{m[1]}）")
        return _fix_once(line, JA_AFTER, lambda m: JA_PUNCTUATION[m[1]])
    if rules == "fr":
        line = _fix_once(line, FR_SPACE_BEFORE, lambda m: (NBSP if m[1] == ":" else NNBSP) + m[1])
        return _fix_once(line, FR_SPACE_AFTER, lambda m: "«" + NBSP)
    return line


def fix_body(lines: list[str], language: str) -> list[str]:
    """Fix every line outside fenced code blocks and indented code."""
    fixed, in_fence = [], False
    for line in lines:
        if FENCE.match(line):
            in_fence = not in_fence
            fixed.append(line)
        elif in_fence or line.startswith("\t"):
            fixed.append(line)
        else:
            fixed.append(fix_line(line, language))
    return fixed


def first_difference(a: str, b: str) -> int:
    """1-based column of the first character where two strings differ."""
    for index, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return index + 1
    return min(len(a), len(b)) + 1
