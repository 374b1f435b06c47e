"""Facts normalisation across languages and the typography fixer."""

from kakehashi.content.facts import extract_facts
from kakehashi.content.typography import NBSP, NNBSP, fix_body, fix_line


def values(text):
    return {f.value for f in extract_facts(text)}


def test_dates_are_equal_across_languages():
    assert values("26 May 2021") == values("26 mai 2021") == values("2021年5月26日") == values("May 26, 2021") == {"2021-05-26"}
    assert values("1er juillet 2021") == values("2021年7月1日") == {"2021-07-01"}
    assert values("31 déc. 2027") == values("31 Dec 2027") == {"2027-12-31"}


def test_numbers_identifiers_and_full_width():
    assert values("1,000 units") == values("1 000 unités") == values("１，０００台") == {"1000"}
    assert values("Regulation (EU) 2017/745") == values("規則（EU）2017/745が") == {"2017/745"}
    assert values("ISO 13485:2016") == values("ISO 13485:2016に") == {"ISO 13485:2016"}
    assert values("第一種製造販売業") == values("1st-class licence") == {"1"}
    assert "3" not in values("第三者認証")  # an ordinal only before a counter (種, 条, 号…)
    assert values("Contact: Info@Example.eu") == values("お問い合わせはinfo@example.euまで") == {"info@example.eu"}


def test_french_fix():
    assert fix_line("Attention: oui? « non »", "fr") == f"Attention{NBSP}: oui{NNBSP}? «{NBSP}non{NNBSP}»"
    assert fix_line("Voir [x](https://a.fr/b?c=d): `a: b`", "fr") == f"Voir [x](https://a.fr/b?c=d){NBSP}: `a: b`"
    assert fix_line("ISO 13485:2016 et 9:30", "fr") == "ISO 13485:2016 et 9:30"
    fixed = fix_line("Déjà bon\u00a0: rien", "fr")
    assert fixed == "Déjà bon\u00a0: rien"


def test_japanese_fix_outside_code_only():
    lines = ["承認が必要です.", "```", "print('x'.upper()),", "```", "`a.b` と (PMDAへの届出) です,"]
    assert fix_body(lines, "ja") == ["承認が必要です。", "```", "print('x'.upper()),", "```", "`a.b` と （PMDAへの届出） です、"]
    assert fix_line("ﾃｽﾄ", "ja") == "テスト"
    assert fix_line("English text. Still English.", "ja") == "English text. Still English."
