"""Per-language behaviour in one table: typography (of pages and of generated text), untranslated-text
detection, search, scaffold texts.

Which languages the portal has comes from ``mkdocs.yml`` alone (``site_config``); this table says how
each behaves. A language it does not know gets the default profile: no typography fixes, Latin script,
words split on spaces for search, and English texts in the files ``kakehashi new`` writes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

JAPANESE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")

_ENGLISH_SCAFFOLD = {
    "title": "TODO Title of the guide in English",
    "description": "TODO One sentence in English that tells readers what they will learn (20 to 260 characters).",
    "source": "TODO Title of a primary source (law, regulation, agency page)",
    "first_change": "First version of this guide.",
    "comments": {
        "category": "one of: {values}",
        "jurisdiction": "one of: {values}",
        "audience": "one or more of: {values}",
        "last_verified": "the day you last checked the facts against the sources",
        "changes": "the change log, newest first: add an entry (date, summary in this page's language) for every change of the facts",
        "sources": "primary texts only; the same URLs in the same order in every language",
        "tags": "lowercase-hyphen keywords, the same in every language, e.g. [pmda, device-classes]",
    },
    "sections": {
        "overview": ("Overview", "TODO In two or three sentences: what this guide covers and the one rule readers must remember."),
        "who-it-applies-to": ("Who it applies to", "TODO Which companies, products and situations are concerned, and which are not."),
        "steps": ("Steps", "TODO The steps in order, with who does what. A numbered list works well."),
        "costs-and-timelines": ("Costs and timelines", "TODO Official fees, statutory deadlines and agency target times, each with its "
                                "source and date; typical durations only where a source gives them."),
        "who-to-contact": ("Who to contact", "TODO The organisations that advise on this step (agency consultation desks, clusters, "
                           "chambers of commerce), with a link to each."),
        "pitfalls": ("Pitfalls", "TODO The mistakes companies commonly make, and how to avoid them."),
    },
}

@dataclass(frozen=True)
class Profile:
    """How the portal treats one language."""

    # Safe typography fixes (``kakehashi fix``; rules Y001, Y002): "fr" no-break spaces, "ja" full-width
    # punctuation; None: none.
    typography: str | None = None
    # Frequent short words, by which a paragraph left in this language is spotted in another page (U003).
    function_words: frozenset[str] = frozenset()
    # The script a paragraph of this language must contain (U002); None for Latin-script languages.
    script: re.Pattern | None = None
    # Indexed and searched with every kana and kanji as its own word (no spaces between words).
    segmented_search: bool = False
    list_separator: str = ", "
    # Between items that may hold commas themselves, between a label and its value, around an aside.
    clause_separator: str = "; "
    label_separator: str = ": "
    # After a label that ends with its colon ("Last verified:" 2026…); none after a full-width colon.
    label_gap: str = " "
    parentheses: tuple[str, str] = (" (", ")")
    # What a contributor reads in the files ``kakehashi new guide`` writes.
    scaffold: dict = field(default_factory=lambda: _ENGLISH_SCAFFOLD, compare=False)


PROFILES = {
    "en": Profile(
        function_words=frozenset({"the", "and", "of", "to", "is", "are", "with", "for", "this", "that", "which", "be", "by", "it",
                                   "from", "must", "you", "your", "have", "has"}),
    ),
    "fr": Profile(
        typography="fr",
        clause_separator="\u202f; ",
        label_separator="\u00a0: ",
        function_words=frozenset({"le", "la", "les", "des", "et", "est", "sont", "pour", "dans", "une", "du", "que", "qui", "au",
                                   "aux", "doit", "vous", "votre", "sur", "par", "avec"}),
        scaffold={
    "title": "TODO Titre du guide en français",
    "description": "TODO Une phrase en français qui dit au lecteur ce qu’il va apprendre (de 20 à 260 caractères).",
    "source": "TODO Titre d’une source primaire (loi, règlement, page d’une autorité)",
    "first_change": "Première version de ce guide.",
    "comments": {
        "category": "une valeur parmi\u00a0: {values}",
        "jurisdiction": "une valeur parmi\u00a0: {values}",
        "audience": "une ou plusieurs valeurs parmi\u00a0: {values}",
        "last_verified": "le jour où vous avez vérifié les faits dans les sources",
        "changes": "l’historique, du plus récent au plus ancien\u00a0: une entrée (date, résumé dans la langue de la page) pour chaque modification des faits",
        "sources": "textes primaires uniquement\u202f; mêmes URL, dans le même ordre, dans toutes les langues",
        "tags": "mots-clés en minuscules et tirets, identiques dans toutes les langues, p. ex. [pmda, device-classes]",
    },
    "sections": {
        "overview": ("Vue d’ensemble", "TODO En deux ou trois phrases\u00a0: ce que couvre ce guide et la règle essentielle à retenir."),
        "who-it-applies-to": ("Qui est concerné\u202f?", "TODO Les entreprises, produits et situations concernés, et ceux qui ne le sont pas."),
        "steps": ("Étapes", "TODO Les étapes dans l’ordre, avec le rôle de chacun. Une liste numérotée convient bien."),
        "costs-and-timelines": ("Coûts et délais", "TODO Les redevances officielles, les délais légaux et les délais cibles des autorités, "
                                "chacun avec sa source et sa date\u202f; des durées habituelles seulement si une source les donne."),
        "who-to-contact": ("Qui contacter", "TODO Les organismes qui conseillent sur cette étape (guichets des autorités, clusters, "
                           "chambres de commerce), avec un lien vers chacun."),
        "pitfalls": ("Pièges à éviter", "TODO Les erreurs fréquentes des entreprises, et comment les éviter."),
    },
},
    ),
    "ja": Profile(
        typography="ja",
        script=JAPANESE_SCRIPT,
        segmented_search=True,
        list_separator="、",
        clause_separator="；",
        label_separator="：",
        label_gap="",
        parentheses=("（", "）"),
        scaffold={
    "title": "TODO 日本語のガイド名",
    "description": "TODO このガイドで読者が何を学べるかを、日本語の1文で書いてください（20〜260文字）。",
    "source": "TODO 一次資料の名称（法令、規則、当局のページなど）",
    "first_change": "このガイドの最初の版です。",
    "comments": {
        "category": "次のいずれか：{values}",
        "jurisdiction": "次のいずれか：{values}",
        "audience": "次の1つ以上：{values}",
        "last_verified": "出典で事実を最後に確認した日",
        "changes": "変更履歴。新しいものから順に、事実を変更するたびに1件（日付と、このページの言語で書いた概要）を追加",
        "sources": "一次資料のみ。URLはすべての言語で同じものを同じ順に",
        "tags": "小文字とハイフンのキーワード。全言語で同一（例：[pmda, device-classes]）",
    },
    "sections": {
        "overview": ("概要", "TODO このガイドで扱う内容と、読者が押さえるべき最も重要なルールを2〜3文で説明してください。"),
        "who-it-applies-to": ("対象となる方", "TODO 対象となる企業、製品、状況と、対象外となるものを書いてください。"),
        "steps": ("手順", "TODO 手順を順番に、誰が何をするかとあわせて書いてください。番号付きリストが便利です。"),
        "costs-and-timelines": ("費用と期間", "TODO 公定の手数料、法定の期限、当局の目標処理期間を、それぞれ出典と日付とともに書いてください。"
                                "標準的な所要期間は、出典に記載がある場合に限り書いてください。"),
        "who-to-contact": ("相談先", "TODO この手続きについて相談できる機関（当局の相談窓口、クラスター、商工会議所など）を、"
                           "それぞれのリンクとともに挙げてください。"),
        "pitfalls": ("よくある落とし穴", "TODO 企業が陥りがちな誤りと、その避け方を書いてください。"),
    },
},
    ),
}
DEFAULT = Profile()


@cache
def profile(code: str) -> Profile:
    """The profile of a language code (``fr``, ``fr_CA`` and ``fr-CA`` share ``fr``'s); asked for each
    line the checks read."""
    return PROFILES.get(re.split(r"[_-]", code)[0].lower(), DEFAULT)
