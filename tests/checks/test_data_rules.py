"""Checks of data/events and data/partners: one test per finding code, on the exact file and line.

Each test copies the real schemas and vocabulary into a temporary root, writes one broken file and
asserts the finding; none may raise, and none may write anything.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from kakehashi.checks.findings import Severity
from kakehashi.checks.rules import REGISTRY
from kakehashi.data.events import load_events
from kakehashi.data.partners import load_partners
from kakehashi.data.records import read_record
from kakehashi.data.schemas import validator
from kakehashi.render.rule_reference import render_rule_reference

NOW = datetime(2026, 11, 26, 12, tzinfo=UTC)

EVENT = """\
id: sample-fair-2027
kind: trade-fair
organiser_side: joint
title:
  en: Sample fair 2027
summary:
  en: A fair used by the tests.
date_status: confirmed
start: 2027-03-22
end: 2027-03-24
timezone: Europe/Paris
city:
  en: Lyon
country: FR
url: https://example.com/fair
tags: [partnering]
sources:
  - title: Organiser page
    url: https://example.com/source
last_verified: 2026-11-26
"""

PARTNER = """\
id: sample-company
name:
  native: サンプル株式会社
  romanised: Sample K.K.
type: sme
region: JP-27
sectors: [medical-devices]
offers: [distribution-japan]
seeks: [distribution-eu]
languages: [ja, en]
website: https://sample-company.co.jp/
contact:
  email: contact@sample-company.co.jp
summary:
  en: A sample company.
sources:
  - title: About the company
    url: https://sample-company.co.jp/about
last_verified: 2026-11-26
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "data" / "events").mkdir(parents=True)
    (tmp_path / "data" / "partners").mkdir(parents=True)
    shutil.copytree(ROOT / "data" / "schemas", tmp_path / "data" / "schemas")
    shutil.copy(ROOT / "data" / "vocabulary.yaml", tmp_path / "data" / "vocabulary.yaml")
    return tmp_path


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns) for p in root.rglob("*")}


def event_findings(root: Path, name: str, text: str | bytes):
    path = root / "data" / "events" / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    before = snapshot(root)
    findings = check_events(root, NOW)
    assert snapshot(root) == before, "a check wrote or changed a file"
    return findings


def partner_findings(root: Path, name: str, text: str):
    (root / "data" / "partners" / name).write_text(text, encoding="utf-8")
    before = snapshot(root)
    findings = check_partners(root)
    assert snapshot(root) == before, "a check wrote or changed a file"
    return findings


def only(findings, code):
    assert [f.code for f in findings] == [code], [f.as_text() for f in findings]
    return findings[0]


def test_valid_files_have_no_finding(root):
    assert event_findings(root, "sample-fair-2027.yaml", EVENT) == []
    assert partner_findings(root, "sample-company.yaml", PARTNER) == []


def test_a_data_file_is_read_again_only_when_it_changes(root):
    path = root / "data" / "events" / "sample-fair-2027.yaml"
    path.write_text(EVENT, encoding="utf-8")
    check = validator(root / "data" / "schemas", "event")
    first, _ = read_record(path, root, check)
    assert first is not None and read_record(path, root, check)[0] is first
    assert only(event_findings(root, path.name, EVENT.replace("Lyon", "Lyon\n  xx: Lyon")), "D003").line == 14


def test_the_real_data_is_clean():
    assert [f.as_text() for f in check_events(ROOT, NOW) if f.severity is Severity.ERROR] == []
    assert [f.as_text() for f in check_partners(ROOT)] == []


def test_d001_not_utf8_names_the_line(root):
    data = EVENT.replace("  en: A fair used by the tests.", "  en: Caf\xe9").encode("latin-1")
    f = only(event_findings(root, "sample-fair-2027.yaml", data), "D001")
    assert (f.path, f.line) == ("data/events/sample-fair-2027.yaml", 7)


def test_d002_invalid_yaml(root):
    f = only(event_findings(root, "sample-fair-2027.yaml", EVENT.replace("  en: Lyon", "  en: Lyon\n    bad: [")), "D002")
    assert f.path == "data/events/sample-fair-2027.yaml" and f.line >= 14


def test_d003_missing_field_names_it(root):
    f = only(event_findings(root, "sample-fair-2027.yaml", EVENT.replace("kind: trade-fair\n", "")), "D003")
    assert "missing required field 'kind'" in f.message and f.line == 1


def test_d003_unknown_field_points_at_the_key(root):
    f = only(event_findings(root, "sample-fair-2027.yaml", EVENT.replace("tags:", "colour: red\ntags:")), "D003")
    assert "unknown field 'colour'" in f.message and f.line == 16


def test_d003_wrong_value_says_what_was_expected(root):
    f = only(event_findings(root, "sample-fair-2027.yaml", EVENT.replace("kind: trade-fair", "kind: party")), "D003")
    assert f.line == 2 and "'party' is not allowed" in f.message and "trade-fair" in f.message


def test_d003_announced_event_must_not_invent_a_day(root):
    text = EVENT.replace("date_status: confirmed", "date_status: to-be-announced")
    findings = event_findings(root, "sample-fair-2027.yaml", text)
    assert {f.code for f in findings} == {"D003"}
    assert {f.line for f in findings} == {8, 9, 10}  # the status, then 'start' and 'end' themselves
    assert any("'expected'" in f.message for f in findings)


def test_d003_norway_problem_hint(root):
    f = only(partner_findings(root, "sample-company.yaml", PARTNER.replace("languages: [ja, en]", "languages: [ja, no]")), "D003")
    assert f.line == 10 and "quotes" in f.message


def test_d004_duplicate_id(root):
    event_findings(root, "sample-fair-2027.yaml", EVENT)
    findings = event_findings(root, "zz-copy.yaml", EVENT)
    assert sorted(f.code for f in findings) == ["D004"]
    assert findings[0].path == "data/events/zz-copy.yaml" and findings[0].line == 1


def test_d005_id_differs_from_file_name(root):
    f = only(event_findings(root, "other-name.yaml", EVENT), "D005")
    assert f.line == 1 and "other-name.yaml" in f.message


def test_d006_end_before_start(root):
    f = only(event_findings(root, "sample-fair-2027.yaml", EVENT.replace("end: 2027-03-24", "end: 2027-03-20")), "D006")
    assert f.line == 10


@pytest.mark.parametrize(("field", "line"), [("sectors", 7), ("offers", 8), ("seeks", 9)])
def test_d007_unknown_vocabulary(root, field, line):
    text = PARTNER.replace(f"{field}: [", f"{field}: [teleportation, ")
    f = only(partner_findings(root, "sample-company.yaml", text), "D007")
    assert f.line == line and "'teleportation'" in f.message


@pytest.mark.parametrize("url", ["http://example.com/fair", "javascript:alert(1)", "JavaScript:alert(document.cookie)", "ftp://example.com"])
def test_d008_only_https(root, url):
    f = only(event_findings(root, "sample-fair-2027.yaml", EVENT.replace("url: https://example.com/fair", f"url: '{url}'")), "D008")
    assert f.line == 15


def test_d008_in_a_partner_contact_page(root):
    text = PARTNER.replace("  email: contact@sample-company.co.jp", "  url: javascript:alert(1)")
    assert only(partner_findings(root, "sample-company.yaml", text), "D008").line == 13


def test_d009_unknown_time_zone(root):
    assert only(event_findings(root, "sample-fair-2027.yaml", EVENT.replace("Europe/Paris", "Europe/Lyon")), "D009").line == 11


def test_d010_impossible_date(root):
    assert only(event_findings(root, "sample-fair-2027.yaml", EVENT.replace("2027-03-22", "2027-02-30")), "D010").line == 9


def test_d011_unknown_country_and_region(root):
    assert only(event_findings(root, "sample-fair-2027.yaml", EVENT.replace("country: FR", "country: XX")), "D011").line == 14
    assert only(partner_findings(root, "sample-company.yaml", PARTNER.replace("JP-27", "JP-99")), "D011").line == 6


def test_d012_unknown_language(root):
    assert only(partner_findings(root, "sample-company.yaml", PARTNER.replace("[ja, en]", "[ja, qq]")), "D012").line == 10


def test_d013_announced_event_whose_period_is_over(root):
    text = EVENT.replace("date_status: confirmed\nstart: 2027-03-22\nend: 2027-03-24", "date_status: to-be-announced\nexpected:\n  year: 2025")
    f = only(event_findings(root, "sample-fair-2027.yaml", text), "D013")
    assert f.severity is Severity.WARNING and f.line == 8


def test_d014_personal_contact(root):
    f = only(partner_findings(root, "sample-company.yaml", PARTNER.replace("contact@sample-company.co.jp", "taro.yamada@sample-company.co.jp")), "D014")
    assert f.severity is Severity.WARNING and f.line == 13


def test_d015_field_written_twice(root):
    findings = event_findings(root, "sample-fair-2027.yaml", EVENT.replace("country: FR", "country: FR\ncountry: DE"))
    assert only(findings, "D015").line == 15


def test_d016_other_extensions_are_reported(root):
    f = only(event_findings(root, "sample-fair-2027.yml", EVENT), "D016")
    assert f.path == "data/events/sample-fair-2027.yml"


def test_d017_missing_vocabulary(root):
    (root / "data" / "vocabulary.yaml").unlink()
    assert only(partner_findings(root, "sample-company.yaml", PARTNER), "D017").path == "data/vocabulary.yaml"


@pytest.mark.parametrize(("old", "new", "line"), [
    ("website: https://sample-company.co.jp/", "website: https://example.com/", 11),
    ("email: contact@sample-company.co.jp", "email: contact@sample.example", 13),
    ("url: https://sample-company.co.jp/about", "url: https://www.example.org/about", 18),
])
def test_d018_a_profile_on_an_example_domain_is_refused(root, old, new, line):
    f = only(partner_findings(root, "sample-company.yaml", PARTNER.replace(old, new)), "D018")
    assert f.severity is Severity.ERROR and f.line == line and "real organisations only" in f.message


def test_an_example_flag_or_a_profile_without_sources_is_refused(root):
    flagged = only(partner_findings(root, "sample-company.yaml", PARTNER + "example: true\n"), "D003")
    assert "unknown field 'example'" in flagged.message and flagged.line == 20
    unsourced = PARTNER.split("sources:")[0] + "last_verified: 2026-11-26\n"
    assert "missing required field 'sources'" in only(partner_findings(root, "sample-company.yaml", unsourced), "D003").message


def check_events(root, now=None):
    return sorted(set(load_events(root, now)[1]))


def check_partners(root):
    return sorted(set(load_partners(root).findings))


DATA_CODES = [f"D{n:03}" for n in range(1, 19)] + ["D100", "D101", "D102", "D103", "D104"]


def test_every_data_and_termbase_code_is_registered_documented_and_on_the_reference_page():
    reference = render_rule_reference(lambda text: text)
    for code in DATA_CODES:
        rule = REGISTRY[code]
        assert rule.summary and len(rule.explanation) > 40, code
        assert f"### {code} ·" in reference, code


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_never_a_traceback_on_garbage(tmp_path_factory, garbage):
    root = tmp_path_factory.mktemp("garbage")
    (root / "data" / "events").mkdir(parents=True)
    (root / "data" / "partners").mkdir(parents=True)
    shutil.copytree(ROOT / "data" / "schemas", root / "data" / "schemas")
    shutil.copy(ROOT / "data" / "vocabulary.yaml", root / "data" / "vocabulary.yaml")
    (root / "data" / "events" / "x.yaml").write_text(garbage, encoding="utf-8", errors="surrogatepass")
    (root / "data" / "partners" / "x.yaml").write_text(garbage, encoding="utf-8", errors="surrogatepass")
    for finding in check_events(root, NOW) + check_partners(root):
        assert finding.code in REGISTRY
