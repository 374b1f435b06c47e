"""A synthetic trilingual corpus that builds with the portal's real configuration.

``generate_corpus(dest, pages_per_language)`` copies the project (``mkdocs.yml``, ``hooks/``,
``overrides/``, ``locales/``, ``data/`` and the whole of ``docs/``, real guides included, so every
real link and data reference still resolves) and adds ``pages_per_language`` generated guides per
language under ``docs/guides/bench-NNNNN[.fr|.ja].md``.

The guides are made of real regulatory language: the concepts of ``data/termbase.yaml`` (approved
terms and definitions written in English, French and Japanese) and a bank of aligned sentences in the
three languages that use those terms in the middle of long sentences. Pages follow the content brief:
front matter (title, description, category, jurisdiction, audience, last_verified, sources, tags, and
``translation: {from, source_hash}`` in translations, the hash being git's blob id of the source),
``##`` headings with explicit anchors identical in all languages, a table, links to other guides,
an admonition, the same numbers in every language. One guide in three is written in Japanese first.

Used by the search benchmark (``kakehashi.bench.search``) and the build-time benchmark.
"""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from kakehashi.content.pins import blob_id
from kakehashi.content.typography import fix_line
from kakehashi.data.termbase import load_termbase, uses

LANGUAGES = ("en", "fr", "ja")
PREFIX = "bench-"
COPIED = ("mkdocs.yml", "hooks", "overrides", "locales", "data", "docs")
CATEGORIES = ("orientation", "regulation", "market-access", "company-setup", "data-protection", "trade")
JURISDICTIONS = ("JP", "EU", "FR", "EU-JP")
# The change log every guide carries (required since the guides' freshness rules).
CHANGE_SUMMARY = {"en": "First version of this guide.", "fr": "Première version de ce guide.", "ja": "このガイドの初版です。"}
LAST_VERIFIED = "2026-11-26"

# Aligned sentence bank: {A}, {B}, {C} are approved terms of three concepts, {N} and {M} numbers.
SENTENCES = [
    {
        "en": "Before the first shipment, the regulatory team checks how {A} interacts with {B} and records the decision in the quality file kept for the product.",
        "fr": "Avant la première expédition, l’équipe réglementaire vérifie comment {A} s’articule avec {B} et consigne la décision dans le dossier qualité du produit.",
        "ja": "最初の出荷の前に、薬事担当チームは{A}と{B}の関係を確認し、その判断を製品ごとの品質記録に残します。",
    },
    {
        "en": "In practice most delays come from a misunderstanding of {A}, so plan {N} days for the review of the documentation and keep a copy of every exchange.",
        "fr": "En pratique, la plupart des retards viennent d’une mauvaise compréhension de {A} : prévoyez {N} jours pour l’examen de la documentation et gardez une copie de chaque échange.",
        "ja": "実務では、遅れの多くは{A}についての誤解から生じるため、文書の確認には{N}日を見込み、やり取りはすべて記録として保管してください。",
    },
    {
        "en": "Ask your partner in the other region which documents on {B} it already holds before you prepare new ones, so that nobody pays for the same translation again.",
        "fr": "Demandez à votre partenaire de l’autre région quels documents sur {B} il détient déjà avant d’en préparer de nouveaux, afin que personne ne paie de nouveau la même traduction.",
        "ja": "新しい文書を準備する前に、相手地域のパートナーが{B}に関する文書をすでに持っているかを確認してください。同じ翻訳に再び費用をかけずに済みます。",
    },
    {
        "en": "The person in charge should confirm in writing the role of {C} and the contact details of {A} before the contract is signed.",
        "fr": "La personne responsable doit confirmer par écrit le rôle de {C} et les coordonnées de {A} avant la signature du contrat.",
        "ja": "契約を締結する前に、責任者は{C}の役割と{A}の連絡先を書面で確認する必要があります。",
    },
    {
        "en": "Companies that sell in both markets often keep one register that maps {B} to {C}, updated every {M} months by the quality department.",
        "fr": "Les entreprises présentes sur les deux marchés tiennent souvent un registre qui fait correspondre {B} et {C}, mis à jour tous les {M} mois par le service qualité.",
        "ja": "両方の市場で販売する企業の多くは、{B}と{C}の対応関係をまとめた一覧を作成し、品質保証部門が{M}か月ごとに更新しています。",
    },
    {
        "en": "A short meeting with the authority about {C} early in the project usually saves more time than it costs.",
        "fr": "Un court échange avec l’autorité sur {C} au début du projet fait en général gagner plus de temps qu’il n’en coûte.",
        "ja": "プロジェクトの初期に{C}について当局と短い相談を行うと、多くの場合、かかる時間以上の時間を節約できます。",
    },
]

TEXT = {
    "title": {"en": "Guide {n}: {A}", "fr": "Guide {n} : {A}", "ja": "ガイド{n}：{A}"},
    "description": {
        "en": "How {A} relates to {B} for small companies working between Europe and Japan, with steps, timelines and pitfalls.",
        "fr": "Comment {A} s’articule avec {B} pour les PME actives entre l’Europe et le Japon : étapes, délais et pièges.",
        "ja": "欧州と日本の間で事業を行う中小企業向けに、{A}と{B}の関係を手順、期間、注意点とともに説明します。",
    },
    "source": {"en": "Primary text on {A}", "fr": "Texte de référence sur {A}", "ja": "{A}に関する一次資料"},
    "overview": {"en": "Overview", "fr": "Vue d’ensemble", "ja": "概要"},
    "who": {"en": "Who it applies to", "fr": "À qui cela s’applique", "ja": "対象となる方"},
    "terms": {"en": "Key terms", "fr": "Termes clés", "ja": "主な用語"},
    "steps": {"en": "Steps", "fr": "Étapes", "ja": "手順"},
    "timelines": {"en": "Timelines", "fr": "Délais", "ja": "期間"},
    "pitfalls": {"en": "Pitfalls", "fr": "Pièges à éviter", "ja": "よくある落とし穴"},
    "table_head": {"en": "| Term | Meaning |", "fr": "| Terme | Signification |", "ja": "| 用語 | 意味 |"},
    "step_link": {
        "en": "Read the guide on [{X}]({href}) before you start.",
        "fr": "Lisez le guide sur [{X}]({href}) avant de commencer.",
        "ja": "始める前に[{X}]({href})のガイドをお読みください。",
    },
    "timeline": {
        "en": "Count {N} days for the first review and {M} months before the first renewal; the authority may ask for more information at any point.",
        "fr": "Comptez {N} jours pour le premier examen et {M} mois avant le premier renouvellement ; l’autorité peut demander des compléments à tout moment.",
        "ja": "最初の審査には{N}日、最初の更新までには{M}か月を見込んでください。当局はいつでも追加の情報を求めることがあります。",
    },
    "generic": {
        "en": "{X} comes up at several stages of a project between Europe and Japan, and what it requires differs from one regulation to another.",
        "fr": "{X} intervient à plusieurs étapes d’un projet entre l’Europe et le Japon, et ses exigences varient d’un règlement à l’autre.",
        "ja": "{X}は欧州と日本の間のプロジェクトのさまざまな段階で登場し、求められる内容は規則によって異なります。",
    },
    "warning_title": {"en": "Check the current rules", "fr": "Vérifiez les règles en vigueur", "ja": "最新の規則を確認してください"},
    "warning": {
        "en": "This page was generated for a benchmark: it describes {A} in general terms only.",
        "fr": "Cette page a été générée pour un banc d’essai : elle ne décrit {A} qu’en termes généraux.",
        "ja": "このページはベンチマーク用に生成されたもので、{A}を一般的に説明しているにすぎません。",
    },
}


@dataclass(frozen=True)
class Concept:
    id: str
    terms: dict[str, str]
    definitions: dict[str, str]
    source: str | None


_NUMBER = re.compile(r"\d+")


def _consistent(definition: dict[str, str], termbase: list) -> bool:
    """True if the three definitions would pass the validator's parity rules as page text: the same
    numbers, and every termbase concept named in one named by its approved term in the others."""
    numbers = {code: sorted(_NUMBER.findall(definition[code])) for code in LANGUAGES}
    if any(numbers[code] != numbers["en"] for code in LANGUAGES):
        return False
    for other in termbase:
        if not all(code in other.terms for code in LANGUAGES):
            continue
        for code in LANGUAGES:
            if uses(definition[code], other.terms[code].forbidden):
                return False
        named = [code for code in LANGUAGES if uses(definition[code], other.terms[code].accepted)]
        if named and len(named) < len(LANGUAGES):
            return False
    return True


def load_concepts(termbase_path: Path) -> list[Concept]:
    """Termbase concepts in the three languages; a definition is kept only where it is consistent."""
    termbase, _ = load_termbase(termbase_path, LANGUAGES)
    concepts = []
    for entry in termbase:
        if not all(code in entry.terms for code in LANGUAGES):
            continue
        definition = entry.definition if all(entry.definition.get(code) for code in LANGUAGES) else {}
        concepts.append(Concept(entry.id, {code: entry.terms[code].term for code in LANGUAGES},
                                definition if definition and _consistent(definition, termbase) else {}, entry.source))
    return concepts


def _define(concept: Concept, lang: str) -> str:
    """The termbase definition, or a general sentence naming the concept."""
    if concept.definitions:
        text = concept.definitions[lang]
        return fix_line(text, lang)
    return _fill(TEXT["generic"][lang], lang, {"X": concept.terms[lang]})


def _fill(template: str, lang: str, values: dict[str, str]) -> str:
    return fix_line(template.format(**values), lang)  # the typography `kakehashi fix` applies


def _page(n: int, total: int, lang: str, concepts: list[Concept], numbers: dict[str, str], rng_links: list[int],
          source_lang: str, source_hash: str | None) -> str:
    a, b, c = concepts[:3]
    values = {"A": a.terms[lang], "B": b.terms[lang], "C": c.terms[lang], "n": str(n), **numbers}
    meta = {
        "title": _fill(TEXT["title"][lang], lang, values),
        "description": _fill(TEXT["description"][lang], lang, values),
        "category": CATEGORIES[n % len(CATEGORIES)],
        "jurisdiction": JURISDICTIONS[n % len(JURISDICTIONS)],
        "audience": ["eu-sme", "jp-sme"] if n % 2 else ["eu-sme"],
        "last_verified": LAST_VERIFIED,
        "changes": [{"date": LAST_VERIFIED, "summary": CHANGE_SUMMARY[lang]}],
        "sources": [
            {"title": _fill(TEXT["source"][lang], lang, {"A": x.terms[lang]}), "url": x.source}
            for x in concepts if x.source
        ][:2] or [{"title": _fill(TEXT["source"][lang], lang, {"A": a.terms[lang]}),
                   "url": "https://eur-lex.europa.eu/eli/reg/2017/745/oj"}],
        "tags": sorted({x.id for x in concepts}),
    }
    if lang != source_lang:
        meta["translation"] = {"from": source_lang, "source_hash": source_hash}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000).strip()
    say = lambda key: _fill(TEXT[key][lang], lang, values)  # noqa: E731
    sentence = lambda i: _fill(SENTENCES[i % len(SENTENCES)][lang], lang, values)  # noqa: E731
    links = [(concepts[(k + 1) % len(concepts)], f"{PREFIX}{target:05d}.md#steps") for k, target in enumerate(rng_links)]
    body = [
        f"## {say('overview')} {{#overview}}", "",
        _define(a, lang), "",
        sentence(n) + (" " if lang != "ja" else "") + sentence(n + 1), "",
        f"## {say('who')} {{#who-it-applies-to}}", "",
        _define(b, lang), "",
        sentence(n + 2), "",
        f"## {say('terms')} {{#key-terms}}", "",
        TEXT["table_head"][lang], "|---|---|",
        *[f"| {x.terms[lang]} | {_define(x, lang).replace('|', '/')} |" for x in concepts],
        "",
        f"## {say('steps')} {{#steps}}", "",
        *[f"{i + 1}. {text}" for i, text in enumerate(
            [sentence(n + 3), *(_fill(TEXT["step_link"][lang], lang, {"X": x.terms[lang], "href": href}) for x, href in links),
             sentence(n + 4)])],
        "",
        f"## {say('timelines')} {{#timelines}}", "",
        say("timeline"), "",
        f"## {say('pitfalls')} {{#pitfalls}}", "",
        f'!!! warning "{say("warning_title")}"',
        f"    {say('warning')}", "",
        sentence(n + 5), "",
    ]
    return f"---\n{front}\n---\n\n" + "\n".join(body)


def copy_project(project: Path, dest: Path) -> None:
    """The files a build needs, as they are in the project."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = project / name
        if source.is_dir():
            shutil.copytree(source, dest / name, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy2(source, dest / name)
    config = dest / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if "not_in_nav" not in text:
        # A sidebar listing thousands of guides on every page would measure the sidebar, not the site.
        config.write_text(text.replace("docs_dir: docs\n", f"docs_dir: docs\nnot_in_nav: |\n  /guides/{PREFIX}*\n", 1), encoding="utf-8")


def project_root() -> Path:
    """The repository this package lives in (``src/kakehashi/bench`` -> three levels up)."""
    return Path(__file__).resolve().parents[3]


def generate_corpus(dest: Path, pages_per_language: int, seed: int = 0, project: Path | None = None) -> Path:
    """Write a buildable copy of the portal with ``pages_per_language`` generated guides per language.

    Returns ``dest``; build it with ``mkdocs build -f dest/mkdocs.yml``. Deterministic for a seed.
    """
    project = project or project_root()
    dest = Path(dest)
    copy_project(project, dest)
    concepts = load_concepts(project / "data" / "termbase.yaml")
    defined = [concept for concept in concepts if concept.definitions] or concepts
    rng = random.Random(seed)
    guides = dest / "docs" / "guides"
    for n in range(1, pages_per_language + 1):
        first = rng.sample(defined, 2)  # every page carries two real definitions
        chosen = first + rng.sample([c for c in concepts if c not in first], 2)
        numbers = {"N": str(rng.choice((14, 30, 45, 60, 90))), "M": str(rng.choice((6, 12, 24, 36)))}
        targets = [rng.randint(1, pages_per_language) for _ in range(2)]
        source_lang = "ja" if n % 3 == 0 else "en"
        names = {lang: f"{PREFIX}{n:05d}{'' if lang == 'en' else '.' + lang}.md" for lang in LANGUAGES}
        source = _page(n, pages_per_language, source_lang, chosen, numbers, targets, source_lang, None)
        (guides / names[source_lang]).write_text(source, encoding="utf-8")
        pin = blob_id(source.encode("utf-8"))
        for lang in LANGUAGES:
            if lang != source_lang:
                page = _page(n, pages_per_language, lang, chosen, numbers, targets, source_lang, pin)
                (guides / names[lang]).write_text(page, encoding="utf-8")
    return dest
