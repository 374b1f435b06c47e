"""A new contributor's pull request, end to end, in a throw-away copy of the project.

Scaffold a Japanese guide with stubs, see the checker say what is missing, write the guide, publish it
with "not yet translated" banners, translate and pin it, then change the source and follow the
outdated banner back to a clean state; every stage is checked with ``kakehashi check`` and a strict
build, and asserted on the built HTML.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from conftest import build_site
from project import make_project

SLUG = "choosing-a-notified-body"
PAGE = f"guides/{SLUG}"

JA_SOURCE = """\
---
title: ノーティファイドボディの選び方
description: 規則（EU）2017/745のもとで、日本の製造業者がノーティファイドボディを選ぶ際の要点を説明します。
category: regulation
jurisdiction: EU
audience: [jp-sme]
last_verified: 2026-11-26
changes:
  - date: 2026-11-26
    summary: このガイドの最初の版です。
sources:
  - title: 規則（EU）2017/745（医療機器規則）
    url: https://eur-lex.europa.eu/eli/reg/2017/745/oj
tags: [mdr, notified-bodies]
---

## 概要 {#overview}

2021年5月26日から、規則（EU）2017/745が適用されています。クラスIIa以上の機器には、ノーティファイドボディによる適合性評価が必要です。まず[実務のガイド](guide.md)をお読みください。

## 対象となる方 {#who-it-applies-to}

EU市場で医療機器を販売しようとする日本の製造業者の方が対象です。

## 手順 {#steps}

1. 機器のクラスを確認します。
2. その種類の機器について指定を受けているノーティファイドボディを探します。
3. 見積もりと日程を比較してから契約します。

## スケジュール {#timelines}

審査の開始までに数か月かかることがあるため、早めに連絡してください。

## よくある落とし穴 {#pitfalls}

!!! warning "指定範囲の確認"
    ノーティファイドボディごとに、扱える機器の範囲が決まっています。契約前に必ず確認してください。
"""

EN_BODY = """\
## Overview {#overview}

Regulation (EU) 2017/745 has applied since 26 May 2021. Devices of class IIa and above need a conformity
assessment by a notified body. Read the [practical guide](guide.md) first.

## Who it applies to {#who-it-applies-to}

Japanese manufacturers who want to sell medical devices on the EU market.

## Steps {#steps}

1. Confirm the class of your device.
2. Find the notified bodies designated for that type of device.
3. Compare quotes and schedules before you sign a contract.

## Timelines {#timelines}

The review can take several months to start, so contact notified bodies early.

## Pitfalls {#pitfalls}

!!! warning "Check the designation scope"
    Each notified body is designated for a defined range of devices. Check it before you sign.
"""

FR_BODY = """\
## Vue d’ensemble {#overview}

Le règlement (UE) 2017/745 s’applique depuis le 26 mai 2021. Les dispositifs de classe IIa et au-delà
passent par une évaluation de la conformité menée par un organisme notifié. Lisez d’abord le
[guide pratique](guide.md).

## Qui est concerné ? {#who-it-applies-to}

Les fabricants japonais qui souhaitent vendre des dispositifs médicaux sur le marché de l’UE.

## Étapes {#steps}

1. Vérifiez la classe de votre dispositif.
2. Cherchez les organismes notifiés désignés pour ce type de dispositif.
3. Comparez les devis et les délais avant de signer un contrat.

## Calendrier {#timelines}

Le début de l’examen peut prendre plusieurs mois : contactez les organismes notifiés tôt.

## Pièges à éviter {#pitfalls}

!!! warning "Vérifiez le champ de désignation"
    Chaque organisme notifié est désigné pour une gamme définie de dispositifs. Vérifiez-la avant de signer.
"""

STUB_HEADS = {
    "en": ("Choosing a notified body",
           "What a Japanese manufacturer should check when choosing a notified body under Regulation (EU) 2017/745."),
    "fr": ("Choisir un organisme notifié",
           "Ce qu’un fabricant japonais doit vérifier pour choisir un organisme notifié au titre du règlement (UE) 2017/745."),
}
SOURCE_TITLES = {"en": "Regulation (EU) 2017/745 (Medical Device Regulation)", "fr": "Règlement (UE) 2017/745 (règlement relatif aux dispositifs médicaux)"}
CHANGE_SUMMARIES = {"en": "First version of this guide.", "fr": "Première version de ce guide."}


def run(project, *args, check=False):
    result = subprocess.run([sys.executable, "-m", "kakehashi.cli", *args], cwd=project, capture_output=True, text=True,
                            env={**os.environ, "CI": "true"}, timeout=120)
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


def git(project, *args):
    subprocess.run(["git", "-c", "user.email=contributor@example.org", "-c", "user.name=Contributor", *args],
                   cwd=project, check=True, capture_output=True)


def codes(output: str) -> set[str]:
    return set(re.findall(r"^\S+:\d+:\d+: ([A-Z]\d{3}) ", output, re.MULTILINE))


def edit_front_matter(path, title, description, source_title, change_summary):
    """What a contributor does in a stub: a real title and description, the source's shared keys, the
    change log summarised in the stub's language."""
    text = path.read_text(encoding="utf-8")
    head, body = text.split("\n---\n", 1)
    source = JA_SOURCE.split("\n---\n", 1)[0]
    pin = re.search(r"translation:\n(?:  .*\n?)+", head + "\n")[0].rstrip("\n")
    shared = "\n".join(line for line in source.splitlines()[3:] if not line.startswith(("  - title:", "    summary:")))
    shared = shared.replace("sources:\n", f"sources:\n  - title: {source_title}\n")
    shared = shared.replace("  - date: 2026-11-26\n", f"  - date: 2026-11-26\n    summary: {change_summary}\n")
    path.write_text(f"---\ntitle: {title}\ndescription: {description}\n{shared}\n{pin}\n---\n{body}", encoding="utf-8")


def build(project, name):
    site = project / name
    result = build_site(project / "mkdocs.yml", site)
    assert result.returncode == 0, result.stdout + result.stderr
    return {code: (site / prefix / PAGE / "index.html").read_text(encoding="utf-8") for code, prefix in (("en", ""), ("fr", "fr"), ("ja", "ja"))}


def head(html):
    return html.split("</head>")[0]


def hreflangs(html):
    return set(re.findall(r'<link rel="alternate ?" hreflang="([^"]+)"', head(html)))


def title(html):
    return re.search(r"<title>(.*?)</title>", html, re.DOTALL)[1]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("contributor"))
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-qm", "main as the contributor forked it")
    return project


@pytest.fixture(scope="module")
def flow(project):
    """Each stage's check output and built pages, in order (a module fixture: one run of the whole story)."""
    stages = {}
    guides = project / "docs" / "guides"
    ja, en, fr = guides / f"{SLUG}.ja.md", guides / f"{SLUG}.md", guides / f"{SLUG}.fr.md"

    # 1. Scaffold: a Japanese source and two pinned stubs.
    stages["new"] = run(project, "new", "guide", SLUG, "--lang", "ja", "--category", "regulation",
                        "--jurisdiction", "EU", "--audience", "jp-sme", "--stubs")
    stages["check_new"] = run(project, "check", f"docs/guides/{SLUG}.ja.md", "--verbose")
    git(project, "add", "docs")
    git(project, "commit", "-qm", "new guide from the template")

    # 2. Write the Japanese guide; give each stub its title and description (shown in menus at once).
    ja.write_text(JA_SOURCE, encoding="utf-8")
    for code, path in (("en", en), ("fr", fr)):
        edit_front_matter(path, *STUB_HEADS[code], SOURCE_TITLES[code], CHANGE_SUMMARIES[code])
    stages["check_written"] = run(project, "check", "--verbose")
    stages["stubs"] = build(project, "site-stubs")
    git(project, "add", "docs")
    git(project, "commit", "-qm", "Japanese guide")

    # 3. Translate: body written, "state: stub" removed, pinned to the source.
    for path, body in ((en, EN_BODY), (fr, FR_BODY)):
        text = path.read_text(encoding="utf-8").replace("  state: stub\n", "")
        path.write_text(text.split("\n---\n", 1)[0] + "\n---\n\n" + body, encoding="utf-8")
    stages["check_unpinned"] = run(project, "check")
    stages["fix"] = run(project, "fix", f"docs/guides/{SLUG}.fr.md", check=True)
    stages["pin"] = run(project, "pin", f"docs/guides/{SLUG}.md", f"docs/guides/{SLUG}.fr.md", check=True)
    stages["check_translated"] = run(project, "check", "--verbose")
    stages["translated"] = build(project, "site-translated")
    git(project, "add", "docs")
    git(project, "commit", "-qm", "English and French translations")

    # 4. The source changes later: the translations fall behind, then catch up.
    ja.write_text(JA_SOURCE.replace("早めに連絡してください。", "早めに連絡してください。見積もりには数週間かかることもあります。"), encoding="utf-8")
    stages["check_outdated"] = run(project, "check")
    stages["outdated"] = build(project, "site-outdated")
    en.write_text(en.read_text(encoding="utf-8").replace("contact notified bodies early.", "contact notified bodies early. A quote can take weeks."), encoding="utf-8")
    fr.write_text(fr.read_text(encoding="utf-8").replace("contactez les organismes notifiés tôt.", "contactez les organismes notifiés tôt. Un devis peut prendre des semaines."), encoding="utf-8")
    stages["repin"] = run(project, "pin", f"docs/guides/{SLUG}.md", f"docs/guides/{SLUG}.fr.md", check=True)
    stages["check_final"] = run(project, "check", "--verbose")
    return stages


def test_scaffold_creates_a_source_and_two_stubs(flow):
    out = flow["new"].stdout
    assert flow["new"].returncode == 0, flow["new"].stderr
    for line in (f"docs/guides/{SLUG}.ja.md (source, ja)", f"docs/guides/{SLUG}.md (stub, en)", f"docs/guides/{SLUG}.fr.md (stub, fr)"):
        assert f"created {line}" in out


def test_check_says_what_is_missing_before_anything_is_written(flow):
    result = flow["check_new"]
    assert result.returncode == 1
    assert codes(result.stdout) == {"N001", "P001"}  # placeholders (errors) and stubs (info); the schema is satisfied
    assert f"docs/guides/{SLUG}.ja.md:2:1: N001 'title' still holds a TODO placeholder" in result.stdout
    assert f"docs/guides/{SLUG}.md:1:1: P001 'en' translation is a stub" in result.stdout


def test_a_written_source_with_stubs_is_clean_and_published_with_fallback_banners(flow):
    result = flow["check_written"]
    assert result.returncode == 0, result.stdout
    assert codes(result.stdout) <= {"P001"}
    pages = flow["stubs"]
    assert '<html lang="ja"' in pages["ja"] and "ノーティファイドボディの選び方" in title(pages["ja"])
    assert "kk-banner" not in pages["ja"]
    for code, language_name in (("en", "Japanese"), ("fr", "japonais")):
        assert f'<html lang="{code}"' in pages[code]
        assert STUB_HEADS[code][0] in title(pages[code])
        assert "kk-banner--fallback" in pages[code] and language_name in pages[code]
        assert "クラスIIa以上の機器には" in pages[code]  # the Japanese text, not an empty page
    for html in pages.values():
        assert hreflangs(html) == {"ja"}  # stubs are not advertised as translations


def test_translations_need_a_pin_then_check_and_build_clean(flow):
    # The stubs were pinned to the template: until re-pinned, the translations are compared with it.
    assert flow["check_unpinned"].returncode == 1
    assert {"P005", "Y002"} <= codes(flow["check_unpinned"].stdout)
    assert "fixed" in flow["fix"].stdout  # the French colon got its no-break space
    assert "pinned to docs/guides/" in flow["pin"].stdout and "state: stub" not in flow["pin"].stdout
    result = flow["check_translated"]
    assert result.returncode == 0 and codes(result.stdout) <= {"P001"}, result.stdout
    assert SLUG not in result.stdout
    pages = flow["translated"]
    titles = {"en": "Choosing a notified body", "fr": "Choisir un organisme notifié", "ja": "ノーティファイドボディの選び方"}
    for code, html in pages.items():
        assert f'<html lang="{code}"' in html and titles[code] in title(html)
        assert "kk-banner" not in html
        assert hreflangs(html) == {"en", "fr", "ja", "x-default"}
    assert "Compare quotes and schedules" in pages["en"] and "Comparez les devis" in pages["fr"]


def test_a_changed_source_shows_the_outdated_banner_until_repinned(flow):
    result = flow["check_outdated"]
    assert result.returncode == 0  # outdated is a warning: it does not block a pull request
    assert codes(result.stdout) >= {"P005"}
    assert re.search(r"P005 outdated: .*`git diff [0-9a-f]{10} [0-9a-f]{10}`", result.stdout)
    pages = flow["outdated"]
    assert "kk-banner--outdated" in pages["en"] and "kk-banner--outdated" in pages["fr"]
    assert "#timelines" in pages["en"]
    assert "kk-banner" not in pages["ja"]
    final = flow["check_final"]
    assert final.returncode == 0 and SLUG not in final.stdout, final.stdout
