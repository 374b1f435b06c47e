"""Pathway routes (``data/pathways/*.yaml``): trilingual texts, figures, guide links, questions, coverage.

``kakehashi.data.pathways`` finds the problems while it reads the routes and reports them under these
codes (``registry.report``); D000 runs it for ``kakehashi check``.
"""

from __future__ import annotations

from kakehashi.checks.findings import Severity
from kakehashi.checks.registry import describe

describe("D030", Severity.ERROR, "Pathway text missing in a language", """
    Every text of a route in data/pathways/ (title, summary, questions, answers, steps, costs and
    timelines) is read in English, French and Japanese. Give the missing language under the same
    key: en:, fr: and ja:.""")

describe("D031", Severity.ERROR, "Pathway figure missing from a translation", """
    A number, date or regulation identifier of the English text is not in the French or Japanese
    text of the same field. Dates may be written the local way (26 May 2021, 26 mai 2021,
    2021年5月26日); write figures as digits in every language. Usually a figure was mistyped or a
    sentence dropped.""")

describe("D032", Severity.ERROR, "Pathway links to a missing guide section", """
    A step's 'guides' and a question's 'help_guide' are written guides/<slug>.md#<anchor> and must
    name an existing guide and one of its heading anchors ({#anchor}). Check the slug in
    docs/guides/ and the anchor in the guide; link the closest existing guide if the one you want is
    not written yet.""")

describe("D033", Severity.ERROR, "Unknown or repeated question or answer in a route", """
    A step's 'when' names the questions of its own route and their answers (question id: [answer
    ids]). Use the ids listed under 'questions', and give each question, answer and step its own id.""")

describe("D034", Severity.ERROR, "Route id does not match its product and direction", """
    A route's id is <product>-<direction> (device-eu-to-jp, drug-jp-to-eu) and its file is named
    after it, so that each product and direction has exactly one route.""")

describe("D035", Severity.WARNING, "Product and direction without a route", """
    The pathway finder offers every product type (device, ivd, samd, drug, regenerative) in both
    directions. Add the missing route; if the guides do not cover it yet, write coverage: partial,
    say so in 'note' and link the guides that exist.""")

describe("D036", Severity.WARNING, "Pathway text with typography to fix", """
    French and Japanese texts of a route follow the typography of the pages: in French, a no-break
    space before : and inside « », a narrow no-break space before ; ! ? and »; in Japanese,
    full-width punctuation （、。：）next to Japanese text. The finding shows the text as it should be
    written.""")
