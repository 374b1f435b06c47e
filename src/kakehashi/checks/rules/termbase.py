"""The termbase file (``data/termbase.yaml``): readable, valid, one entry per concept, consistent.

``kakehashi.data.termbase`` finds these problems while it reads the file and reports them under these
codes (``registry.report``); the engine adds them to every whole-site check.
"""

from __future__ import annotations

from kakehashi.checks.findings import Severity
from kakehashi.checks.registry import describe

describe("D100", Severity.ERROR, "Termbase cannot be read", """
    data/termbase.yaml is not UTF-8 text or not valid YAML. The finding gives the line where the
    parser stopped; the usual causes are a wrong indentation or a value containing ': ' that is not
    in quotes. Until it is mended, no terminology check runs.""")

describe("D101", Severity.ERROR, "Termbase entry does not follow its schema", """
    An entry misses a field, has an unknown one or a value of the wrong type (see
    data/schemas/termbase.schema.json): each concept needs an id, a term in every language of the
    portal (with optional variants and forbidden forms), a definition and, where it is a legal
    concept, its source. The message names the field.""")

describe("D102", Severity.ERROR, "Concept id used twice", """
    Two entries have the same id. An id names one concept; the glossary anchors and the checks'
    messages use it. Merge the two entries, or give the second concept its own id.""")

describe("D103", Severity.ERROR, "Forbidden form overlaps an accepted form", """
    A form listed as forbidden for a language is also, or contains, an accepted form of the same
    concept, so the same words would be both required and refused. Remove it from one of the two
    lists.""")

describe("D104", Severity.ERROR, "A termbase form is claimed by two concepts", """
    In data/termbase.yaml a term, variant or forbidden form belongs to one concept only: when two
    concepts share it, the terminology checks cannot tell which one a page means. Keep the form in the
    concept it names and make the other concept's form more specific (a longer form that contains
    another concept's form is fine: the longest form found in a text wins).""")
