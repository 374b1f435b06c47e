"""Every rule: a fixture that trips it and the clean fixture that does not (exact code and line)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from kakehashi.checks.engine import run_checks
from kakehashi.checks.rules import REGISTRY
from kakehashi.content.groups import load_pageset
from kakehashi.content.pins import blob_id
from kakehashi.site_config import load_site_config


def check(project, **kwargs):
    return run_checks(load_site_config(project / "mkdocs.yml"), **kwargs).findings


def codes(findings, path=None):
    return {(f.code, f.line) for f in findings if path is None or f.path.endswith(path)}


def edit(project, rel, old, new):
    path = project / "docs" / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture has no {old!r}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_clean_fixture_has_no_findings_but_the_missing_home_translations(project):
    findings = check(project)
    assert [(f.code, f.path) for f in findings if f.code != "P001"] == []
    assert {f.path for f in findings} == {"docs/index.md", "docs/guides/other.md"}
    assert all(f.line == 1 for f in findings)


# (rule, file, old text, new text, expected line)
CASES = [
    ("M001", "guides/guide.fr.md", "category: regulation", "category: [regulation", 4),
    ("M002", "guides/guide.md", "jurisdiction: EU", "jurisdiction: Mars", 5),
    ("M002", "guides/guide.ja.md", "last_verified: 2026-11-26", "last_verified: 26/11/2026", 7),
    ("M002", "guides/guide.md", "url: https://eur-lex", "url: http://eur-lex", 9),
    ("M003", "guides/guide.fr.md", "category: regulation", "category: trade", 4),
    ("M003", "guides/guide.ja.md", "    url: https://eur-lex.europa.eu/eli/reg/2017/745/oj", "    url: https://eur-lex.europa.eu/eli/reg/2017/746/oj", 9),
    ("P004", "guides/guide.fr.md", "source_hash: ", "source_hash: pending #", 13),
    ("S001", "guides/guide.ja.md", "## 手順 {#steps}", "### 手順 {#steps}", 25),
    ("S002", "guides/guide.fr.md", "## Étapes {#steps}", "## Étapes {#etapes}", 27),
    ("S003", "guides/guide.ja.md", "key: value", "キー: 値", 32),
    ("S004", "guides/guide.fr.md", "[guide des classes](other.md)", "guide des classes", 17),
    ("S005", "guides/guide.ja.md", "をお読みください。", "をお読みください。![図](a.png)", 20),
    ("S006", "guides/guide.fr.md", "| Audit | l’organisme notifié |\n", "", 29),
    ("S007", "guides/guide.ja.md", '!!! warning "早めの計画を"', '!!! tip "早めの計画を"', 22),
    ("L001", "guides/guide.ja.md", "(other.md)", "(guide.fr.md)", 20),
    ("X001", "guides/guide.ja.md", "18か月", "十八か月", 17),
    ("X001", "guides/guide.fr.md", "info@example.eu", "info@example.org", 17),
    ("X001", "guides/guide.fr.md", "26 mai 2021", "26 mai 2022", 17),
    ("X001", "guides/guide.ja.md", "2021年5月26日", "令和4年5月26日", 17),  # 令和4年 is 2022
    ("T001", "guides/guide.ja.md", "ノーティファイドボディ", "認定機関", 17),
    ("T002", "guides/guide.md", "most devices", "most devices (the notified organism decides)", 17),
    # lower() lengthens İ: the text is matched with the forms' case-insensitive patterns instead
    ("T002", "guides/guide.md", "most devices", "İzmir: most devices (the Notified Organism decides)", 17),
    ("U001", "guides/guide.fr.md", "De nombreux organismes notifiés demandent 18 mois ou plus avant de pouvoir commencer l’audit.",
     "Many notified bodies need 18 months or more before the audit can start.", 25),
    ("U002", "guides/guide.ja.md", "監査の開始までに18か月以上かかるノーティファイドボディも少なくありません。",
     "Many notified bodies need 18 months or more before the audit can start.", 23),
    ("U003", "guides/guide.fr.md", "De nombreux organismes notifiés demandent 18 mois ou plus avant de pouvoir commencer l’audit.",
     "Most of the notified bodies take 18 months or more, and the audit is the longest step.", 25),
    ("Y001", "guides/guide.ja.md", "お寄せください。", "お寄せください.", 20),
    ("Y001", "guides/guide.ja.md", "少なくありません。", "ｽｹｼﾞｭｰﾙに注意。", 23),
    ("Y002", "guides/guide.fr.md", "pour toute\nquestion.", "pour toute\nquestion ?", 22),
    ("Y002", "guides/guide.fr.md", "Vue d’ensemble", "Vue d’ensemble: bref", 18),
    ("H001", "guides/guide.md", "with questions.", "with questions.\n\n<script>alert(1)</script>", 20),
    ("H002", "guides/guide.md", "with questions.", 'with <img src="x.png" onerror="alert(1)"> questions.', 18),
    ("H003", "guides/guide.md", "[device classes guide](other.md)", "[device classes guide](javascript:alert(1))", 18),
    ("H003", "guides/guide.md", "[device classes guide](other.md)", "[device classes guide](JaVa&#115;cript:alert(1))", 18),
    # a reference is blamed on its definition, where the URL is written
    ("H003", "guides/guide.md", "with questions.", "with [questions][x].\n\n[x]: data:text/html;base64,PHNjcmlwdD4=", 20),
    ("H001", "guides/guide.md", "with questions.", 'with questions.\n\n<iframe src="https://tracker.example"></iframe>', 20),
    # the allow-list: every route of issue 15, on the rendered HTML, reported on its own line
    ("H002", "guides/guide.md", "[device classes guide](other.md)", '[device classes guide](other.md){ onclick="alert(1)" }', 18),
    ("H002", "guides/guide.md", "with questions.", 'with questions.\n\n![plan](plan.png){ onerror="alert(1)" }', 20),
    ("H001", "guides/guide.md", "with questions.", 'with questions.\n\n<META HTTP-EQUIV="refresh" content="0; url=https://evil.example">', 20),
    ("H001", "guides/guide.md", "with questions.", 'with questions.\n\n<form action="https://evil.example/post"><input name="q"></form>', 20),
    ("H004", "guides/guide.md", "with questions.", 'with questions.\n\n<img src="https://tracker.example/pixel.gif" alt="">', 20),
    ("H004", "guides/guide.md", "with questions.", "with questions.\n\n![plan](//cdn.example/plan.png)", 20),
    ("H004", "guides/guide.md", "with questions.", 'with questions.\n\n<picture><source srcset="a.webp 1x, https://cdn.example/b.webp 2x"><img src="a.png" alt=""></picture>', 20),
    ("H004", "guides/guide.md", "with questions.", 'with questions.\n\n<video src="a.mp4" poster="https://cdn.example/p.jpg"></video>', 20),
    ("H004", "guides/guide.md", "with questions.", 'with questions.\n\n<audio src="a.mp3"><track src="https://cdn.example/a.vtt"></audio>', 20),
    ("H001", "guides/guide.md", "with questions.", 'with questions.\n\n<link rel="stylesheet" href="https://cdn.example/a.css">', 20),
    ("H001", "guides/guide.md", "with questions.", "with questions.\n\n<style>p { background: url(https://cdn.example/x.png) }</style>", 20),
    ("H002", "guides/guide.md", "with questions.", 'with <span style="background: U\\72L(https://cdn.example/x.png)">questions</span>.', 18),
    ("H003", "guides/guide.md", "[device classes guide](other.md)", '<a href="java&#x09;script:alert(1)">device classes guide</a>', 18),
    ("H003", "guides/guide.md", "[device classes guide](other.md)", '<a href=" &#1;VBScript:msgbox(1)">device classes guide</a>', 18),
    ("H003", "guides/guide.md", "with questions.", "with questions.\n\n![plan](data:image/png;base64,iVBORw0KGgo=)", 20),
    ("H001", "guides/guide.md", "with questions.", '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', 18),
    ("H001", "guides/guide.md", "with questions.", "with questions.\n\n<math><maction actiontype=\"statusline\">x</maction></math>", 20),
    ("H001", "guides/guide.md", "with questions.", 'with questions.\n\n<object data="x.swf"></object>', 20),
    ("H001", "guides/guide.md", "with questions.", 'with questions.\n\n<embed src="x.swf">', 20),
    ("H001", "guides/guide.md", "with questions.", 'with questions.\n\n<frameset><frame src="https://evil.example"></frameset>', 20),
    ("H001", "guides/guide.md", "with questions.", 'with questions.\n\n<base href="https://evil.example/">', 20),
    ("H002", "guides/guide.md", "with questions.", 'with questions.\n\n<div data-md-component="search">x</div>', 20),
    # Without "<", "script:" or "data:": the check may not skip the render of such a page.
    ("H002", "guides/guide.md", "[device classes guide](other.md)", "[device classes guide](other.md){ onclick }", 18),
    ("H002", "guides/guide.md", "with questions.", "with questions.\n\n## A heading { data-md-component }", 20),
    ("H004", "guides/guide.md", "with questions.", "with questions.\n\n![plan](https://cdn.example/plan.png)", 20),
    ("H003", "guides/guide.md", "[device classes guide](other.md)", "[device classes guide](file:///etc/passwd)", 18),
    ("H003", "guides/guide.md", "with questions.", "with [questions][x].\n\n> [x]: ftp://files.example/a", 20),
    ("N001", "guides/guide.fr.md", "title: Les organismes notifiés en pratique", "title: TODO Titre du guide", 2),
    ("N001", "guides/guide.ja.md", "監査の開始までに", "TODO 監査の開始までに", 23),
    ("M002", "guides/guide.md", "changes: [{date: 2026-11-26, summary: First version of this test guide.}]\n", "", 1),
    ("V001", "guides/guide.md", "last_verified: 2026-11-26", "last_verified: 2999-11-26", 7),
    ("V002", "guides/guide.fr.md", "changes: [{date: 2026-11-26", "changes: [{date: 2026-11-27", 8),
    ("V003", "guides/guide.ja.md", "changes: [{date: 2026-11-26,", "changes: [{date: 2026-11-26, summary: 表を改めました。}, {date: 2026-11-20,", 8),
    ("V004", "guides/guide.md", "changes: [{date: 2026-11-26, summary: First version of this test guide.}]",
     "changes:\n  - {date: 2026-11-20, summary: First version of this test guide.}\n  - {date: 2026-11-26, summary: Steps table added.}", 10),
]


@pytest.mark.parametrize(("code", "rel", "old", "new", "line"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule_trips_on_its_defect(project, code, rel, old, new, line):
    edit(project, rel, old, new)
    found = check(project)
    assert (code, line) in codes(found, rel), [f.as_text() for f in found if f.code != "P001"]


def test_allowed_html_is_clean(project):
    """The clean side of the allow-list: what contributors legitimately write passes."""
    edit(project, "guides/guide.md", "with questions.", "with questions.\n\n"
         '[EUR-Lex](https://eur-lex.europa.eu/){ target="_blank" rel="noopener" } and <a href="mailto:info@example.eu">mail</a>.\n\n'
         '![Plan](../assets/kakehashi-mark.svg){ width="40" height="40" } <abbr title="Medical Device Regulation">MDR</abbr> '
         '<ruby>漢<rt>かん</rt></ruby> <kbd>Ctrl</kbd> <span style="color: #123456; font-weight: bold">x</span>\n\n'
         "| Left | Right |\n|:--|--:|\n| a | b |\n\n"
         "```html\n<script>alert(1)</script>\n<iframe src=\"https://x\"></iframe>\n```\n\n"
         "Inline `<script>` code.\n\n<details><summary>More</summary><p>Text</p></details>\n")
    found = [f.as_text() for f in check(project) if f.code.startswith("H")]
    assert found == []


def test_markup_in_data_files_is_reported_on_its_line(project):
    events = project / "data" / "events"
    events.mkdir(parents=True, exist_ok=True)
    (events / "probe.yaml").write_text(
        "id: probe\nname:\n  en: Fair\n  fr: <img src=https://tracker.example/p.gif onerror=alert(1)>\n"
        "summary:\n  en: |\n    First line.\n    Second &#106;avascript: line.\n", encoding="utf-8")
    (project / "data" / "termbase.yaml").write_text(
        (project / "data" / "termbase.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    found = {(f.code, f.path, f.line) for f in check(project) if f.code == "H005"}
    assert found == {("H005", "data/events/probe.yaml", 4), ("H005", "data/events/probe.yaml", 8)}


def test_every_rule_has_a_case_and_documentation():
    page_rules = {code for code, rule in REGISTRY.items() if rule.check is not None and not code.startswith("C")}
    covered = {case[0] for case in CASES} | {"P001", "P002", "P003", "P005", "N002", "D000", "H005"}  # N002: test_scaffold.py; D000: test_cli.py
    assert page_rules <= covered
    for rule in REGISTRY.values():
        assert rule.summary and len(rule.explanation) > 40, rule.code


def test_a_guide_checked_again_without_a_change_is_fine(project):
    """Re-verifying moves last_verified past the newest change; it adds no entry to the change log."""
    for rel in ("guides/guide.md", "guides/guide.fr.md", "guides/guide.ja.md"):
        edit(project, rel, "last_verified: 2026-11-26", "last_verified: 2026-12-01")
    assert not [f for f in check(project) if f.code.startswith("V") or f.code == "M003"]


def test_missing_and_stub_translations_are_info(project):
    (project / "docs/guides/guide.ja.md").unlink()
    edit(project, "guides/guide.fr.md", "  from: en\n", "  from: en\n  state: stub\n")
    findings = check(project)
    assert ("P001", 1) in codes(findings, "guides/guide.md")
    assert ("P001", 1) in codes(findings, "guides/guide.fr.md")
    assert not any(f.severity.value == "error" for f in findings)


def test_translation_without_source_and_two_sources(project):
    edit(project, "guides/guide.fr.md", "  from: en\n", "  from: ja\n")
    (project / "docs/guides/guide.ja.md").unlink()
    assert ("P002", 13) in codes(check(project), "guides/guide.fr.md")
    edit(project, "guides/guide.fr.md", "translation:\n  from: ja\n", "extra:\n  from: ja\n")
    found = {f.code for f in check(project)}
    assert "P003" in found


def test_outdated_translation_says_how_far_behind(project):
    source = project / "docs/guides/guide.md"
    import subprocess
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run(["git", "add", "docs"], cwd=project, check=True)
    subprocess.run(["git", "-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "x"], cwd=project, check=True)
    edit(project, "guides/guide.md", "| Audit | the notified body |", "| Audit | the notified body |\n| Certificate | the notified body |")
    edit(project, "guides/guide.fr.md", "| Audit | l’organisme notifié |", "| Audit | l’organisme notifié |\n| Certificat | l’organisme notifié |")
    findings = [f for f in check(project) if f.code == "P005"]
    assert {f.path for f in findings} == {"docs/guides/guide.fr.md", "docs/guides/guide.ja.md"}
    assert all("1 changed line(s) in 1 section(s): #steps" in f.message for f in findings), findings
    assert all(blob_id(source.read_bytes())[:10] in f.message for f in findings)


def test_checking_one_file_checks_its_siblings_only(project):
    edit(project, "guides/guide.ja.md", "お寄せください。", "お寄せください.")
    page = project / "docs/guides/other.md"
    assert check(project, paths=[page]) == [f for f in check(project, paths=[page]) if f.path.endswith("other.md")]
    found = check(project, paths=[project / "docs/guides/guide.fr.md"])
    assert ("Y001", 20) in codes(found, "guide.ja.md")


def test_language_filter(project):
    edit(project, "guides/guide.ja.md", "お寄せください。", "お寄せください.")
    edit(project, "guides/guide.fr.md", "Vue d’ensemble", "Vue d’ensemble: bref")
    found = check(project, language="fr")
    assert {f.code for f in found} >= {"Y002"} and "Y001" not in {f.code for f in found}


def test_a_second_run_reuses_unchanged_pages_and_sees_edits(project):
    site = load_site_config(project / "mkdocs.yml")
    first = run_checks(site)
    again = run_checks(site)
    assert again.findings == first.findings
    assert again.groups[0] is first.groups[0]  # unchanged page: taken from the cache, not re-read
    edit(project, "guides/guide.ja.md", "お寄せください。", "お寄せください.")
    assert ("Y001", 20) in codes(run_checks(site).findings, "guide.ja.md")


def test_checks_give_the_same_findings_in_worker_processes(project):
    edit(project, "guides/guide.ja.md", "お寄せください。", "お寄せください.")
    site = load_site_config(project / "mkdocs.yml")
    from kakehashi.checks import engine as check_module
    check_module._group_cache.clear()
    serial = run_checks(site, jobs=1).findings
    check_module._group_cache.clear()
    old = check_module.PARALLEL_FROM
    check_module.PARALLEL_FROM = 1
    try:
        parallel = run_checks(site, jobs=2).findings
        check_module._group_cache.clear()
        read_before = run_checks(site, jobs=2, read=load_pageset(site)).findings  # as a build does
    finally:
        check_module.PARALLEL_FROM = old
    assert parallel == serial == read_before and any(f.code == "Y001" for f in parallel)


def test_pages_are_read_again_only_when_they_change(project):
    site = load_site_config(project / "mkdocs.yml")
    first = {g.stem: g for g in load_pageset(site)}
    edit(project, "guides/guide.ja.md", "お寄せください。", "お寄せください.")
    again = {g.stem: g for g in load_pageset(site)}
    assert again["guides/guide"].variants["en"] is first["guides/guide"].variants["en"]  # unchanged: not read again
    assert again["guides/guide"].variants["ja"] is not first["guides/guide"].variants["ja"]
    assert again["guides/guide"].variants["ja"].blob != first["guides/guide"].variants["ja"].blob


def test_a_form_two_concepts_share_gives_the_same_findings_on_every_run(project):
    """Sets and dicts iterate in a per-process order: the findings must not depend on it."""
    shared = (
        "\n- id: audit-body\n"
        "  en: {term: audit body, variants: [notified body]}\n"
        "  fr: {term: organisme d’audit}\n"
        "  ja: {term: 監査機関}\n"
        "  definition: {en: An auditing body of this test., fr: Un organisme d’audit de ce test., ja: この試験の監査機関です。}\n"
    )
    termbase = project / "data" / "termbase.yaml"
    termbase.write_text(termbase.read_text(encoding="utf-8") + shared, encoding="utf-8")
    outputs = {
        subprocess.run([sys.executable, "-m", "kakehashi.cli", "check"], cwd=project, capture_output=True, text=True,
                       env={**os.environ, "CI": "true", "PYTHONHASHSEED": str(seed)}, timeout=120).stdout
        for seed in range(6)
    }
    assert len(outputs) == 1, outputs

CONFORMITY = """
- id: conformity-assessment
  en: {term: conformity assessment}
  fr: {term: évaluation de la conformité}
  ja: {term: 適合性評価}
  definition:
    en: Checking that a device meets the requirements.
    fr: Vérifier qu’un dispositif satisfait aux exigences.
    ja: 機器が要求事項を満たすことの確認です。
"""


def add_concepts(project, text):
    path = project / "data" / "termbase.yaml"
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def line_of(project, rel, needle):
    lines = (project / "docs" / rel).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


def test_a_term_wrapped_over_two_lines_is_found_in_the_source(project):
    add_concepts(project, CONFORMITY)
    edit(project, "guides/guide.md", "2017/745. Read the\n", "2017/745 after a conformity\nassessment. Read the\n")
    found = check(project)
    assert ("T001", 17) in codes(found, "guide.fr.md") and ("T001", 17) in codes(found, "guide.ja.md")
    assert "source line 17 uses 'conformity assessment'" in next(f.message for f in found if f.code == "T001")


def test_a_term_wrapped_over_two_lines_counts_in_the_translation(project):
    add_concepts(project, CONFORMITY)
    edit(project, "guides/guide.md", "2017/745. Read the\n", "2017/745 after a conformity assessment. Read the\n")
    edit(project, "guides/guide.fr.md", "au titre du règlement\n", "au titre du règlement, après une évaluation de la\nconformité,\n")
    edit(project, "guides/guide.ja.md", "ほとんどの機器を", "適合性評価によりほとんどの機器を")
    assert not [f.as_text() for f in check(project) if f.code.startswith("T")]


def test_forbidden_form_is_reported_on_its_own_line_even_when_wrapped(project):
    edit(project, "guides/guide.fr.md", "(UE) 2017/745. Lisez", "(UE) 2017/745 (et non un corps\nnotifié). Lisez")
    line = line_of(project, "guides/guide.fr.md", "(et non un corps")
    assert line == 21  # the paragraph starts on line 20
    assert ("T002", line) in codes(check(project), "guide.fr.md")


FEDERATION = """
- id: certification-federation
  en: {term: federation of certification bodies}
  fr: {term: fédération des organismes de certification}
  ja: {term: 認証団体連合会}
  definition:
    en: A federation that certification bodies belong to.
    fr: Une fédération qui regroupe des organismes de certification.
    ja: 認証機関が加盟する連合会です。
"""


def test_forbidden_form_inside_another_concepts_term_is_not_flagged(project):
    add_concepts(project, FEDERATION)  # 認証団体 is forbidden for notified-body, 認証団体連合会 is approved
    edit(project, "guides/guide.ja.md", "お寄せください。", "お寄せください。認証団体連合会にも相談できます。")
    assert "T002" not in {f.code for f in check(project)}
    edit(project, "guides/guide.ja.md", "認証団体連合会にも", "認証団体にも")
    assert ("T002", line_of(project, "guides/guide.ja.md", "認証団体にも")) in codes(check(project), "guide.ja.md")


def test_japanese_amounts_and_era_years_match_the_western_forms(project):
    edit(project, "guides/guide.md", "with questions.", "with questions. Fees start at EUR 50 million.")
    edit(project, "guides/guide.fr.md", "pour toute\nquestion.", "pour toute\nquestion. Les redevances commencent à 50 millions d’euros.")
    edit(project, "guides/guide.ja.md", "2021年5月26日", "令和3年5月26日")
    edit(project, "guides/guide.ja.md", "お寄せください。", "お寄せください。手数料は5,000万ユーロからです。")
    assert "X001" not in {f.code for f in check(project)}
    edit(project, "guides/guide.ja.md", "5,000万ユーロ", "500万ユーロ")
    assert ("X001", 17) in codes(check(project), "guide.ja.md")


def test_a_japanese_term_wrapped_over_two_lines_is_found(project):
    edit(project, "guides/guide.ja.md", "ノーティファイドボディが評価します", "ノーティファイド\nボディが評価します")
    edit(project, "guides/guide.ja.md", "かかるノーティファイドボディも", "かかる機関も")
    edit(project, "guides/guide.ja.md", "| 監査 | ノーティファイドボディ |", "| 監査 | 審査機関 |")
    assert "T001" not in {f.code for f in check(project)}  # the wrapped term still counts
    edit(project, "guides/guide.ja.md", "ノーティファイド\nボディが評価します", "認定\n機関が評価します")
    assert ("T001", 17) in codes(check(project), "guide.ja.md")


def test_allowlist_survives_a_markdown_extension_that_is_missing(project):
    """A misconfigured extension in mkdocs.yml is the build's to report: the check still renders the
    page with the others (attribute lists included) and reports what they produce, without a traceback."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - attr_list\n", "  - attr_list\n  - no_such_extension\n"), encoding="utf-8")
    edit(project, "guides/guide.md", "[device classes guide](other.md)", '[device classes guide](other.md){ onclick="alert(1)" }')
    assert ("H002", 18) in codes(check(project), "guides/guide.md")
