"""Typography per language, as one function that fixes a line; a check is "would the fix change it".

Japanese: full-width 、。！？：；（） next to Japanese text, no half-width katakana.
French: a no-break space before : and inside « », a narrow no-break space before ; ! ? and ».
Code (fenced and inline), URLs, link targets, HTML tags, anchors and admonition markers are never
touched.
"""

from __future__ import annotations

import re
import unicodedata

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


def _fix_free_text(text: str, language: str) -> str:
    if language == "ja":
        text = HALF_WIDTH_KATAKANA.sub(lambda m: unicodedata.normalize("NFKC", m[0]), text)
        text = JA_OPEN.sub("（", text)
        text = JA_CLOSE_AFTER_OPEN_FIXED.sub(lambda m: f"（{m[1]}）", text)
        return JA_AFTER.sub(lambda m: JA_PUNCTUATION[m[1]], text)
    if language == "fr":
        text = FR_SPACE_BEFORE.sub(lambda m: (NBSP if m[1] == ":" else NNBSP) + m[1], text)
        return FR_SPACE_AFTER.sub("«" + NBSP, text)
    return text


def fix_line(line: str, language: str) -> str:
    """The line with the safe typography fixes of ``language`` applied outside protected spans."""
    out, last = [], 0
    for match in PROTECTED.finditer(line):
        out.append(_fix_free_text(line[last : match.start()], language))
        out.append(match[0])
        last = match.end()
    out.append(_fix_free_text(line[last:], language))
    return "".join(out)


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
    for index, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return index + 1
    return min(len(a), len(b)) + 1
