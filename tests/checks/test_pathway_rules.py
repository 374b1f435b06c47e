"""Checks of data/pathways: each pathway code (D030 to D036) has a file that trips it, on the exact line,
and the clean route trips none. Nothing is written and nothing raises."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from kakehashi.checks.rules import REGISTRY
from kakehashi.data.pathways import DIRECTIONS, PRODUCTS, load_pathways

ROUTE = """\
id: device-eu-to-jp
product: device
direction: eu-to-jp
coverage: covered
title: {en: Device to Japan, fr: Dispositif vers le Japon, ja: 日本への医療機器}
summary:
  en: Notify, certify or approve, as of 1 September 2020.
  fr: Notifier, certifier ou approuver, depuis le 1er septembre 2020.
  ja: 2020年9月1日から、届出、認証または承認です。
questions:
  - id: class
    label: {en: Class, fr: Classe, ja: クラス}
    help_guide: guides/guide.md#steps
    options:
      - id: low
        label: {en: Low, fr: Faible, ja: 低い}
      - id: high
        label: {en: High, fr: Élevée, ja: 高い}
steps:
  - id: classify
    stage: classification
    title: {en: Classify, fr: Classer, ja: 分類}
    text: {en: Find the class., fr: Trouvez la classe., ja: クラスを確認します。}
    guides: [guides/guide.md#steps]
  - id: approve
    stage: conformity
    when: {class: [high]}
    title: {en: Approval, fr: Approbation, ja: 承認}
    text: {en: PMDA reviews., fr: La PMDA examine., ja: PMDAが審査します。}
    facts:
      - text: {en: 5 years., fr: 5 ans., ja: 5年です。}
        source: {title: PMD Act, url: "https://laws.e-gov.go.jp/law/335AC0000000145"}
    guides: [guides/guide.md#steps]
last_verified: 2026-12-06
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "data" / "pathways").mkdir(parents=True)
    shutil.copytree(ROOT / "data" / "schemas", tmp_path / "data" / "schemas")
    (tmp_path / "docs" / "guides").mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "fixtures" / "guide.md", tmp_path / "docs" / "guides" / "guide.md")
    return tmp_path


def findings_of(root: Path, text: str, name: str = "device-eu-to-jp.yaml", complete: bool = True):
    """Findings on one route; ``complete`` adds empty routes for the other products and directions
    so that D035 stays quiet."""
    folder = root / "data" / "pathways"
    (folder / name).write_text(text, encoding="utf-8")
    if complete:
        for product in PRODUCTS:
            for direction in DIRECTIONS:
                other = f"{product}-{direction}"
                if other != name.removesuffix(".yaml") and other != "device-eu-to-jp":
                    (folder / f"{other}.yaml").write_text(
                        ROUTE.replace("device-eu-to-jp", other).replace("product: device", f"product: {product}")
                        .replace("direction: eu-to-jp", f"direction: {direction}"), encoding="utf-8")
    before = {p: p.stat().st_mtime_ns for p in root.rglob("*")}
    findings = check_pathways(root)
    assert {p: p.stat().st_mtime_ns for p in root.rglob("*")} == before, "a check wrote or changed a file"
    return findings


def only(findings, code):
    assert [f.code for f in findings] == [code], [f.as_text() for f in findings]
    return findings[0]


def test_a_clean_route_has_no_finding(root):
    assert findings_of(root, ROUTE) == []
    routes, _ = load_pathways(root)
    route = routes[0]
    assert (route.id, route.covered, [s.id for s in route.steps]) == ("device-eu-to-jp", True, ["classify", "approve"])
    assert route.steps[1].when == {"class": ("high",)} and route.steps[1].guides[0].anchor == "steps"


def test_the_real_routes_are_clean_and_complete():
    assert [f.as_text() for f in check_pathways(ROOT)] == []
    routes, _ = load_pathways(ROOT)
    assert {(r.product, r.direction) for r in routes} == {(p, d) for p in PRODUCTS for d in DIRECTIONS}
    for route in routes:
        assert route.covered or route.note, f"{route.id}: a partial route says what the guides do not cover"


def test_d030_text_missing_in_a_language(root):
    finding = only(findings_of(root, ROUTE.replace("{en: Classify, fr: Classer, ja: 分類}", "{en: Classify, fr: Classer}")), "D030")
    assert finding.line == 22 and "steps[1].title: no text in ja" in finding.message


def test_d031_figure_missing_from_a_translation(root):
    finding = only(findings_of(root, ROUTE.replace("fr: 5 ans.", "fr: 6 ans.")), "D031")
    assert finding.line == 31 and "steps[2].facts[1].text.fr: number '5'" in finding.message
    dates = ROUTE.replace("ja: 2020年9月1日から", "ja: 2020年9月2日から")
    assert "date '2020-09-01'" in only(findings_of(root, dates), "D031").message


@pytest.mark.parametrize(("link", "why"), [
    ("guides/nowhere.md#steps", "there is no guide docs/guides/nowhere.md"),
    ("guides/guide.md#nowhere", "no section with the anchor {#nowhere}"),
])
def test_d032_guide_section_must_exist(root, link, why):
    finding = only(findings_of(root, ROUTE.replace("guides: [guides/guide.md#steps]\n  - id: approve", f"guides: [{link}]\n  - id: approve")), "D032")
    assert finding.line == 24 and why in finding.message


def test_d032_in_a_question_help_link(root):
    assert only(findings_of(root, ROUTE.replace("help_guide: guides/guide.md#steps", "help_guide: guides/guide.md#x")), "D032").line == 13


def test_d033_unknown_question_or_answer(root):
    finding = only(findings_of(root, ROUTE.replace("when: {class: [high]}", "when: {class: [medium]}")), "D033")
    assert finding.line == 27 and "'medium' is not an answer of that question; use one of: low, high" in finding.message
    assert "'size' is not a question" in only(findings_of(root, ROUTE.replace("when: {class: [high]}", "when: {size: [high]}")), "D033").message


def test_d033_repeated_ids(root):
    finding = only(findings_of(root, ROUTE.replace("  - id: approve", "  - id: classify")), "D033")
    assert "the step id 'classify' is used twice" in finding.message and finding.line == 25


def test_d034_id_must_be_product_and_direction(root):
    text = ROUTE.replace("direction: eu-to-jp", "direction: jp-to-eu")
    finding = only(findings_of(root, text), "D034")
    assert finding.line == 1 and "write 'id: device-jp-to-eu'" in finding.message


def test_d035_every_product_and_direction_has_a_route(root):
    found = findings_of(root, ROUTE, complete=False)
    assert {f.code for f in found} == {"D035"} and len(found) == len(PRODUCTS) * len(DIRECTIONS) - 1
    assert "no route for product 'drug' and direction 'jp-to-eu'" in " ".join(f.message for f in found)


def test_d036_french_and_japanese_typography(root):
    finding = only(findings_of(root, ROUTE.replace("{en: Class, fr: Classe,", '{en: "Class?", fr: "Classe ?",')), "D036")
    assert finding.line == 12 and "Classe\u202f?" in finding.message
    assert only(findings_of(root, ROUTE.replace("ja: 分類}", "ja: 分類(第1段階)}")), "D036").line == 22


def test_schema_and_reading_problems_reuse_the_data_codes(root):
    assert only(findings_of(root, ROUTE.replace("stage: classification", "stage: pricing")), "D003").line == 21
    assert only(findings_of(root, ROUTE.replace('url: "https://', 'url: "http://')), "D008").line == 32
    assert only(findings_of(root, ROUTE + "id: again\n"), "D015").line == 35


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=200))
def test_never_a_traceback_on_garbage(tmp_path_factory, garbage):
    root = tmp_path_factory.mktemp("garbage")
    (root / "data" / "pathways").mkdir(parents=True)
    shutil.copytree(ROOT / "data" / "schemas", root / "data" / "schemas")
    (root / "data" / "pathways" / "device-eu-to-jp.yaml").write_text(garbage, encoding="utf-8", errors="surrogatepass")
    for finding in check_pathways(root):
        assert finding.code in REGISTRY


def check_pathways(root):
    return sorted(set(load_pathways(root)[1]))
