"""Facts that must survive translation unchanged: numbers, dates, legal identifiers, URLs, e-mails.

Text is normalised first (NFKC: full-width digits and letters become ASCII), dates in any of the
portal's languages become ISO strings using Babel's month names, and thousands separators are
dropped, so ``26 May 2021``, ``26 mai 2021`` and ``2021年5月26日`` are the same fact, as are
``1,000``, ``1 000`` and ``１０００``. Amounts with Japanese units (万, 億) or scale words (million,
milliard, billion) become the full figure (``5万`` and ``50,000``), era years Western years (``令和7年``
and ``2025年``), and Roman numerals after a class word digits (``Class II`` and ``クラス2``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from babel import Locale

URL = re.compile(r"https?://[^\s)\]>\"'`]+")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
KANJI_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}
KANJI_ORDINAL = re.compile(r"第([〇一二三四五六七八九十百]+)(?=[種条項号類章節級回部次])")
# Patterns that start with a digit are written "\d(?<!…\d)…": the regex engine then jumps from digit
# to digit instead of trying every position (much faster on a page), with the same matches as a
# leading (?<!…) would give.
REGULATION = re.compile(  # 2017/745 or 1/2021: one side has four digits
    r"(\d(?<![\d/]\d)(?:\d{3}(?=/\d{1,4}(?![\d/]))|\d{0,3}(?=/\d{4}(?![\d/]))))/(\d{1,4})(?![\d/])")
ISO_STANDARD = re.compile(r"I(?<![A-Za-z]I)SO(?:/IEC)?\s*(\d{3,5})(?:[-‐](\d+))?(?::(\d{4}))?")  # likewise from "I"
ISO_DATE = re.compile(r"(\d(?<!\d\d)\d{3})-(\d{2})-(\d{2})(?!\d)")
DOTTED_DATE = re.compile(r"(\d(?<![\d.]\d)\d?)\.(\d{1,2})\.(\d{4})(?![\d.])")  # 29.10.2001 (Official Journal style)
JA_DATE = re.compile(r"(\d{4})年\s*(\d{1,2})月(?:\s*(\d{1,2})日)?")
ERA_YEAR = re.compile(r"(令和|平成|昭和)(元|\d{1,2})年")
ERA_START = {"令和": 2018, "平成": 1988, "昭和": 1925}  # the year before each era's first year
# A Roman numeral after a class word (Class IIa, classes I à III, クラスII・III) is a number like any other.
# The patterns start with a literal ("lass", "クラス"), which the regex engine finds fast; "C" is checked after.
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_ROMAN = r"(?:IV|III|II|I)(?![A-Za-z])|(?:IV|III|II|I)(?=[ab](?![A-Za-z]))"
_MORE_NUMERALS = (r"(?:\s?(?:,|、|・|/|〜|~|–|-|to|and|or|et|ou|à|から|及び|および|又は|または|と)\s?"
                  rf"(?:(?:[Cc]lass(?:es?)?|クラス)\s?)?(?:{_ROMAN}))*")
CLASS_NUMERALS = (re.compile(rf"lass(?:es?)?\s?(?:{_ROMAN}){_MORE_NUMERALS}"), re.compile(rf"クラス\s?(?:{_ROMAN}){_MORE_NUMERALS}"))
ROMAN_NUMERAL = re.compile(rf"(?<![A-Za-z])(?:{_ROMAN})")
JA_UNIT = "(?:兆|億|千万|百万|万)"
JA_AMOUNT = re.compile(rf"\d(?<![\d,.]\d)[\d,.]*{JA_UNIT}(?:[\d,.]+{JA_UNIT})*")  # 5万, 1億2,000万
JA_UNITS = {"兆": 10**12, "億": 10**8, "千万": 10**7, "百万": 10**6, "万": 10**4}
JA_PART = re.compile(r"([\d,.]+)(兆|億|千万|百万|万)")
SCALED = re.compile(r"\d(?<![\d.,]\d)\d*(?:[.,]\d+)?\s?((?i:million|milliard|billion))s?(?![A-Za-z])")
SCALE_WORDS = {"million": 10**6, "milliard": 10**9, "billion": 10**9}
GROUPED = re.compile(r"\d(?<![\d.,]\d)\d{0,2}(?:[,\u00a0\u202f ]\d{3})+(?!\d)")
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


@dataclass(frozen=True)
class Fact:
    kind: str  # number, date, regulation, standard, url, email
    value: str

    def __str__(self) -> str:
        return self.value


def _kanji_number(text: str) -> int:
    total, current = 0, 0
    for char in text:
        if char == "百":
            total += (current or 1) * 100
            current = 0
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = current * 10 + KANJI_DIGITS[char]
    return total + current


def _alternation(words) -> str:
    """A regex matching any of ``words``, factored by common prefixes (jan(?:uary|v(?:ier)?)?):
    the regex engine then tests a few letters at each position of a page instead of every word."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict) -> str:
        alternatives = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        if not alternatives:
            return ""
        group = alternatives[0] if len(alternatives) == 1 and "" not in node else f"(?:{'|'.join(alternatives)})"
        return f"{group}?" if "" in node else group

    return branch(trie)


class MonthDates:
    """Day-month-year, month-day-year and month-year dates with a month name (Babel's, in the given
    languages). A date ends in a year after a space and holds only word characters, spaces, dots and
    commas, so ``sub`` tries the pattern only on the stretches of such characters around a year, not
    at every position of a page."""

    YEAR = re.compile(r"\s\d{4}(?!\d)")

    def __init__(self, languages: tuple[str, ...]):
        self.names: dict[str, int] = {}
        for code in languages:
            months = Locale.parse(code).months["format"]
            for width in ("wide", "abbreviated"):
                for number, name in months[width].items():
                    if re.search(r"[A-Za-zÀ-ÿ]", name):
                        self.names[name.lower().rstrip(".")] = number
        alternatives = _alternation(self.names)
        self.pattern = re.compile(
            rf"(?<![\w])(?:(?P<d1>\d{{1,2}})(?:er|st|nd|rd|th)?\s+(?P<m1>{alternatives})\.?,?\s+(?P<y1>\d{{4}})"
            rf"|(?P<m2>{alternatives})\.?\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})"
            rf"|(?P<m3>{alternatives})\.?\s+(?P<y3>\d{{4}}))(?!\d)",
            re.IGNORECASE,
        )
        inside = "".join(sorted({char for name in self.names for char in name if not re.match(r"[\w\s.,]", char)}))
        self.outside = re.compile(rf"[^\w\s.,{re.escape(inside)}]")  # a character no date holds

    def sub(self, replace: Callable[[re.Match], str], text: str) -> str:
        """``self.pattern.sub(replace, text)``. A stretch is cut out where it starts and ends: a date
        starts after a non-word character, and ends before a non-digit, as at the ends of a string."""
        out, done, reverse = [], 0, None
        for year in self.YEAR.finditer(text):
            if year.start() < done:
                continue  # in the stretch just done
            reverse = reverse or text[::-1]
            before = self.outside.search(reverse, len(text) - year.start())
            start = len(text) - before.start() if before else 0
            after = self.outside.search(text, year.end())
            end = after.start() if after else len(text)
            out += [text[done:start], self.pattern.sub(replace, text[start:end])]
            done = end
        return "".join([*out, text[done:]]) if out else text


@cache
def month_dates(languages: tuple[str, ...]) -> MonthDates:
    """The month-name dates of these languages, built once."""
    return MonthDates(languages)


def normalise(text: str) -> str:
    """NFKC (full-width to ASCII), kanji ordinals (第一種 -> 第1種), Japanese era years (令和7年 ->
    2025年) and Roman numerals after a class word (Class IIa -> Class 2a, クラスI・II -> クラス1・2)."""
    text = unicodedata.normalize("NFKC", text)
    text = KANJI_ORDINAL.sub(lambda m: f"第{_kanji_number(m[1])}", text)
    if "令和" in text or "平成" in text or "昭和" in text:
        text = ERA_YEAR.sub(lambda m: f"{ERA_START[m[1]] + (1 if m[2] == '元' else int(m[2]))}年", text)
    for pattern in CLASS_NUMERALS:
        text = pattern.sub(_class_numerals, text)
    return text


def _class_numerals(match: re.Match) -> str:
    """The numerals of a class phrase as digits (Class IIa -> Class 2a); "lass" must follow a whole-word C."""
    start = match.start()
    if match[0][0] == "l" and not (start and match.string[start - 1] in "Cc" and not (start > 1 and match.string[start - 2].isalpha())):
        return match[0]
    return ROMAN_NUMERAL.sub(lambda numeral: str(ROMAN[numeral[0]]), match[0])


def _plain(number: Decimal) -> str:
    """A number without exponent or trailing zeros (93500000000, 1.5)."""
    text = format(number.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _ja_amount(match: re.Match) -> str:
    """5万 -> 50000, 1億2,000万 -> 120000000, 935億 -> 93500000000."""
    total = Decimal(0)
    try:
        for number, unit in JA_PART.findall(match[0]):
            total += Decimal(number.replace(",", "")) * JA_UNITS[unit]
    except InvalidOperation:  # not a number after all (1.2.3万): keep its digits
        return re.sub(r"\D", "", match[0])
    return _plain(total)


def _scaled(match: re.Match) -> str:
    """50 million -> 50000000, 93.5 billion and 93,5 milliards -> 93500000000."""
    number = re.match(r"[\d.,]+", match[0])[0]
    number = number.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+", number) else number.replace(",", ".")
    try:
        return _plain(Decimal(number) * SCALE_WORDS[match[1].lower()])
    except InvalidOperation:
        return number


def extract_facts(text: str, languages: tuple[str, ...] = ("en", "fr", "ja")) -> set[Fact]:
    """Every fact in a piece of text (inline Markdown is fine: link URLs count as URLs)."""
    facts: set[Fact] = set()
    text = normalise(text)

    def take(pattern: re.Pattern | MonthDates, kind: str, value, needle: str = "") -> None:
        """Record and blank every match; ``needle`` is a string every match contains (a cheap pre-test)."""
        nonlocal text
        if needle not in text:
            return
        def keep(match: re.Match) -> str:
            facts.add(Fact(kind, value(match)))
            return " "
        text = pattern.sub(keep, text)

    take(URL, "url", lambda m: m[0].rstrip(".,;:"), "://")
    take(EMAIL, "email", lambda m: m[0].lower(), "@")
    take(ISO_DATE, "date", lambda m: f"{m[1]}-{m[2]}-{m[3]}", "-")
    take(DOTTED_DATE, "date", lambda m: f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}", ".")
    take(JA_DATE, "date", lambda m: f"{m[1]}-{int(m[2]):02d}" + (f"-{int(m[3]):02d}" if m[3] else ""), "年")
    dates = month_dates(languages)

    def latin_date(m: re.Match) -> str:
        month = dates.names[(m["m1"] or m["m2"] or m["m3"]).lower().rstrip(".")]
        day = m["d1"] or m["d2"]
        return f"{m['y1'] or m['y2'] or m['y3']}-{month:02d}" + (f"-{int(day):02d}" if day else "")

    take(dates, "date", latin_date)
    take(ISO_STANDARD, "standard", lambda m: "ISO " + m[1] + (f"-{m[2]}" if m[2] else "") + (f":{m[3]}" if m[3] else ""), "ISO")
    take(REGULATION, "regulation", lambda m: f"{m[1]}/{m[2]}", "/")
    if any(unit in text for unit in "万億兆"):
        take(JA_AMOUNT, "number", _ja_amount)
    take(SCALED, "number", _scaled, "illi")
    take(GROUPED, "number", lambda m: re.sub(r"\D", "", m[0]))
    take(NUMBER, "number", lambda m: m[0].replace(",", "."))
    return facts
