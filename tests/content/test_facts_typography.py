"""Facts normalisation across languages and the typography fixer."""

from hypothesis import given, settings
from hypothesis import strategies as st

from kakehashi.content.facts import extract_facts, month_dates
from kakehashi.content.typography import NBSP, NNBSP, fix_body, fix_line


def values(text):
    return {f.value for f in extract_facts(text)}


def test_dates_are_equal_across_languages():
    assert values("26 May 2021") == values("26 mai 2021") == values("2021年5月26日") == values("May 26, 2021") == {"2021-05-26"}
    assert values("1er juillet 2021") == values("2021年7月1日") == {"2021-07-01"}
    assert values("31 déc. 2027") == values("31 Dec 2027") == {"2027-12-31"}


DATE_PIECES = list("0123456789  \n\t.,-/()'’:;¶年é") + [
    "May", "mai", "janv.", "déc", "MARCH", "1er", "2nd", "th", "Sept", "août", "2021", "1999", "26", "x", "K", "\u212a", "ſ", "İ"]  # the Kelvin sign, ſ and İ fold to Latin letters


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(DATE_PIECES), max_size=25).map("".join))
def test_dates_are_found_around_years_as_in_the_whole_text(text):
    dates = month_dates(("en", "fr", "ja"))
    assert dates.sub(lambda m: f"<{m[0]}>", text) == dates.pattern.sub(lambda m: f"<{m[0]}>", text)


def test_numbers_identifiers_and_full_width():
    assert values("1,000 units") == values("1 000 unités") == values("１，０００台") == {"1000"}
    assert values("Regulation (EU) 2017/745") == values("規則（EU）2017/745が") == {"2017/745"}
    assert values("ISO 13485:2016") == values("ISO 13485:2016に") == {"ISO 13485:2016"}
    assert values("第一種製造販売業") == values("1st-class licence") == {"1"}
    assert "3" not in values("第三者認証")  # an ordinal only before a counter (種, 条, 号…)
    assert values("Contact: Info@Example.eu") == values("お問い合わせはinfo@example.euまで") == {"info@example.eu"}


def test_japanese_amounts_equal_their_western_forms():
    assert values("5万人") == values("50,000 patients") == values("50 000 patients") == {"50000"}
    assert values("1億円") == values("100 million yen") == values("100百万円") == {"100000000"}
    assert values("935億ユーロ") == values("€93.5 billion") == values("93,5 milliards d’euros") == {"93500000000"}
    assert values("5,000万ユーロ") == values("EUR 50 million") == values("50 millions d’euros") == {"50000000"}
    assert values("1億2,000万円") == values("JPY 120 million") == {"120000000"}
    assert values("1,000 million") == {"1000000000"}
    assert values("5万") != values("6万")


def test_japanese_era_years_are_western_years():
    assert values("令和7年法律第37号") == values("Act No. 37 of 2025") == {"2025", "37"}
    assert values("令和元年") == {"2019"} and values("平成26年") == {"2014"}
    assert values("令和7年5月21日") == values("21 May 2025") == {"2025-05-21"}
    assert values("令和6年度") == values("FY2024") == {"2024"}


def test_a_roman_class_numeral_is_its_number():
    assert values("第1種") == values("Class I") == values("classe I") == values("クラスI") == {"1"}
    assert values("Class IIa and IIb") == values("クラスIIa・IIb") == {"2"}
    assert values("classes I à III") == values("Classes I to III") == values("クラスI〜III") == {"1", "3"}
    assert values("Class IVD") == values("I think") == set()  # an IVD is no class 4, and a lone I no numeral


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
