"""The termbase: how its forms match, and that a live reload reads it again only when it changed."""

from __future__ import annotations

import pytest

from kakehashi.build.stamps import StampCache
from kakehashi.checks.rules import REGISTRY
from kakehashi.data.termbase import load_termbase, term_pattern

LANGUAGES = ("en", "fr", "ja")


def test_either_apostrophe_matches_either():
    for form in ("d'AMM", "d’AMM"):
        assert term_pattern(form).search("la demande d’AMM")
        assert term_pattern(form).search("la demande d'AMM")
        assert not term_pattern(form).search("la demande dxAMM")


def test_latin_forms_match_whole_words_only():
    assert term_pattern("MAH").search("the mah must")
    assert not term_pattern("MAH").search("a MAHOGANY desk")
    assert term_pattern("PMDA").search("PMDAに相談します")  # a kana is a word boundary


def test_termbase_is_read_again_only_when_changed(project):
    path = project / "data" / "termbase.yaml"
    first, _ = load_termbase(path, LANGUAGES)
    again, _ = load_termbase(path, LANGUAGES)
    assert again is first
    path.write_text(path.read_text(encoding="utf-8").replace("corps notifié", "corps notifiés"), encoding="utf-8")
    edited, _ = load_termbase(path, LANGUAGES)
    assert edited is not first
    assert edited[0].terms["fr"].forbidden == ("corps notifiés",)


def test_termbase_findings_are_a_fresh_list_each_time(project):
    path = project / "data" / "termbase.yaml"
    path.write_text("- id: broken\n", encoding="utf-8")
    findings, again = load_termbase(path, LANGUAGES)[1], load_termbase(path, LANGUAGES)[1]
    assert findings and findings == again and findings is not again
    findings.clear()
    assert load_termbase(path, LANGUAGES)[1] == again


def test_stamp_cache_recomputes_on_a_new_stamp_and_never_keeps_an_unreadable_file():
    cache, calls = StampCache(), []

    def compute():
        calls.append(1)
        return len(calls)

    assert cache.get("a", ((1, 1),), compute) == 1
    assert cache.get("a", ((1, 1),), compute) == 1
    assert cache.get("a", ((2, 1),), compute) == 2
    assert cache.get("b", (None,), compute) == 3
    assert cache.get("b", (None,), compute) == 4
    assert cache.lookup("b", (None,)) is None


def test_the_fixture_termbase_is_clean(project):
    assert load_termbase(project / "data" / "termbase.yaml", LANGUAGES)[1] == []


ENTRY = """- id: notified-body
  en: {term: notified body, variants: [notified bodies], forbidden: [notified organism]}
  fr: {term: organisme notifié}
  ja: {term: ノーティファイドボディ}
  definition: {en: A body that assesses devices., fr: Un organisme qui évalue les dispositifs., ja: 機器の適合性を評価する機関です。}
"""


@pytest.mark.parametrize(("code", "text", "line"), [
    ("D100", "- id: x\n  en: [broken\n", 3),  # the parser stops at the end of the file
    ("D100", b"\xff\xfe- id: x\n", 1),
    ("D101", ENTRY.replace("  definition:", "  colour: red\n  definition:"), 1),
    ("D102", ENTRY + ENTRY, 6),
    ("D103", ENTRY.replace("forbidden: [notified organism]", "forbidden: [notified bodies]"), 1),
])
def test_each_termbase_rule_trips_at_its_line(project, code, text, line):
    path = project / "data" / "termbase.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    findings = load_termbase(path, LANGUAGES)[1]
    assert [(f.code, f.line) for f in findings] == [(code, line)], [f.as_text() for f in findings]
    assert findings[0].severity is REGISTRY[code].severity

SECOND = """
- id: {id}
  en: {{term: {en}}}
  fr: {{term: organisme de contrôle}}
  ja: {{term: 検査機関}}
  definition:
    en: A second concept for the collision test.
    fr: Un second concept pour le test de collision.
    ja: 衝突を確かめるための二つ目の概念です。
"""


def test_a_form_two_concepts_share_is_reported_on_the_second(project):
    path = project / "data" / "termbase.yaml"
    fixture = path.read_text(encoding="utf-8")
    path.write_text(fixture + SECOND.format(id="inspection-body", en="Notified Bodies"), encoding="utf-8")
    _, findings = load_termbase(path, LANGUAGES)
    assert [(f.code, f.line) for f in findings] == [("D104", 10)]
    assert "'inspection-body': en form 'notified bodies' is also a form of 'notified-body'" in findings[0].message


def test_a_longer_form_containing_another_concepts_form_is_fine(project):
    path = project / "data" / "termbase.yaml"
    path.write_text(path.read_text(encoding="utf-8") + SECOND.format(id="notified-body-audit", en="notified body audit"),
                    encoding="utf-8")
    assert load_termbase(path, LANGUAGES)[1] == []
