"""The two engines of a schema check: jsonschema-rs says a document is valid, jsonschema says why it is not.

The compiled engine may only answer "valid" where jsonschema would: its regular expressions and
formats must not be more lenient than Python's on the schemas' patterns."""

from __future__ import annotations

import json

import jsonschema_rs
import pytest
from conftest import ROOT
from jsonschema import Draft202012Validator

from kakehashi.content.documents import load_document
from kakehashi.data.schemas import jsonable, validator

SCHEMAS = ROOT / "data" / "schemas"
GUIDE = ROOT / "docs" / "guides" / "eu-ce-marking.md"
#: A text that each pattern of the schemas accepts (a new pattern needs one here).
SAMPLES = {
    "^([0-9a-f]{40}|pending|PENDING)$": "pending",
    "^([A-Z]{2}|JP-[0-9]{2})$": "JP-27",
    "^JP-[0-9]{2}$": "JP-27",
    "^[A-Z]{2}$": "FR",
    "^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$": "Europe/Paris",
    "^[a-z0-9]+(-[a-z0-9]+)*$": "pmda-consultation",
    "^[a-z0-9_-]+\\.html$": "index.html",
    "^[a-z]{2,3}$": "fr",
    "^(?!id$)[a-z]{2,3}$": "fr",
    "^\\d{4}-\\d{2}-\\d{2}$": "2026-12-06",
    "^guides/[a-z0-9-]+\\.md#[a-z0-9-]+$": "guides/jp-pmda.md#fees",
    "^https://[^\\s\\x00-\\x1f\\x7f-\\x9f/$.?#][^\\s\\x00-\\x1f\\x7f-\\x9f]*$": "https://www.pmda.go.jp/x",
    "^https://[^\\s\\x00-\\x1f\\x7f-\\x9f]+$": "https://www.pmda.go.jp/x",
    '^[^@\\s\\x00-\\x1f\\x7f-\\x9f<>"]+@[^@\\s\\x00-\\x1f\\x7f-\\x9f<>"]+\\.[^@\\s\\x00-\\x1f\\x7f-\\x9f<>"]+$': "contact@lyonbiopole.com",
}
#: Every character up to the end of the katakana block, and the odd ones out beyond it.
CHARACTERS = [chr(code) for code in range(0x3100)] + ["\ufeff", "\uff10", "\uff21", "\U0001d7ce", "\U00020000"]


def _patterns(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern":
                yield value
            elif key == "patternProperties":
                yield from value
            yield from _patterns(value)
    elif isinstance(node, list):
        for value in node:
            yield from _patterns(value)


PATTERNS = sorted({pattern for path in SCHEMAS.glob("*.schema.json") for pattern in _patterns(json.loads(path.read_text(encoding="utf-8")))})


@pytest.mark.parametrize("pattern", PATTERNS)
def test_the_compiled_engine_accepts_no_text_that_python_refuses(pattern):
    assert pattern in SAMPLES, f"add a text that {pattern!r} accepts to SAMPLES"
    fast = jsonschema_rs.Draft202012Validator({"type": "string", "pattern": pattern})
    full = Draft202012Validator({"type": "string", "pattern": pattern})
    sample = SAMPLES[pattern]
    assert fast.is_valid(sample) and full.is_valid(sample)
    middle = len(sample) // 2
    lenient = {character for character in CHARACTERS
               for text in (character + sample, sample[:middle] + character + sample[middle:], sample + character)
               if fast.is_valid(text) and not full.is_valid(text)}
    assert not lenient, sorted(lenient)[:10]


@pytest.mark.parametrize("date", ["2026-02-29", "0000-01-01", "2026-13-01", "2026-1-01", "２０２６-01-01", "2026-01-01\n"])
def test_dates_are_checked_by_the_same_function(date):
    check = validator(SCHEMAS, "guide", formats=True)
    doc, _ = load_document(GUIDE, "guide")
    meta = jsonable(doc.meta)
    assert list(check.iter_errors(meta)) == []
    meta["last_verified"] = date
    paths = [list(error.path) for error in check.iter_errors(meta)]
    assert paths and all(path == ["last_verified"] for path in paths)


def test_what_the_compiled_engine_cannot_read_goes_to_jsonschema():
    check = validator(SCHEMAS, "page", formats=True)
    meta = {1: "x", "title": "T"}  # a key that is not text, a title too short, no description
    with pytest.raises(ValueError, match="key must be str"):
        check.fast.is_valid(meta)
    assert [e.message for e in check.iter_errors(meta)] == [e.message for e in check.full.iter_errors(meta)] != []
