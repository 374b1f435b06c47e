"""The partner directory: matches computed at build time, escaping, and the filter data of profiles."""

from __future__ import annotations

import gettext
import re

from conftest import ROOT

from kakehashi.data.partners import Partner, find_matches, load_partners
from kakehashi.render.partners_page import render_directory

_ = gettext.NullTranslations().gettext


def make_partner(id, offers=(), seeks=(), region="FR", example=True, native=None, romanised=None, summary=None):
    return Partner(
        id=id, native_name=native or id.title(), romanised_name=romanised, type="sme", region=region,
        sectors=("medical-devices",), offers=tuple(offers), seeks=tuple(seeks), languages=("en",),
        website="https://example.com/", contact_email="contact@example.com", contact_url=None,
        summary=summary or {"en": "Sample."}, example=example,
    )


def test_matches_are_offers_meeting_seeks_both_ways():
    maker = make_partner("maker", offers=["licensing"], seeks=["distribution-japan", "mah-services"])
    distributor = make_partner("distributor", offers=["distribution-japan"], seeks=["licensing"], region="JP-27")
    mah = make_partner("mah", offers=["mah-services"], region="JP-13")
    unrelated = make_partner("unrelated", offers=["manufacturing"], seeks=["investment"])
    matches = find_matches([maker, distributor, mah, unrelated])
    assert [(m.partner.id, m.they_offer, m.they_seek) for m in matches["maker"]] == [
        ("distributor", ("distribution-japan",), ("licensing",)),  # strongest first
        ("mah", ("mah-services",), ()),
    ]
    assert [(m.partner.id, m.they_offer, m.they_seek) for m in matches["distributor"]] == [("maker", ("licensing",), ("distribution-japan",))]
    assert [m.partner.id for m in matches["mah"]] == ["maker"]
    assert matches["unrelated"] == []


def test_markup_in_data_stays_text_and_examples_are_labelled():
    directory = load_partners(ROOT)
    evil = make_partner("evil", native="<script>alert(1)</script>", summary={"en": "<b onmouseover=alert(1)>x</b>"})
    html = render_directory([evil], directory.vocabulary, "en", "en_GB", _)
    assert "<script>" not in html and "<b " not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Example profile" in html and "kk-partner--example" in html


def test_profiles_carry_their_filter_values_and_japanese_names_their_language():
    directory = load_partners(ROOT)
    html = render_directory(directory.partners, directory.vocabulary, "en", "en_GB", _)
    osaka = re.search(r'<article [^>]*id="partner-osaka-bio-headquarters"[^>]*>', html)[0]
    assert 'data-region="JP-27"' in osaka and 'data-languages="ja en"' in osaka
    assert 'data-offers="partner-introductions business-events"' in osaka
    assert '<span lang="ja">大阪バイオ・ヘッドクオーター</span>' in html
    assert "Osaka, Japan" in html


def test_the_real_directory_has_real_organisations_and_labelled_examples():
    directory = load_partners(ROOT)
    assert not directory.findings
    real = [p for p in directory.partners if not p.example]
    assert {p.id for p in real} >= {"lyonbiopole", "osaka-bio-headquarters"}
    assert all(p.sources and p.last_verified for p in real)
    html = render_directory(directory.partners, directory.vocabulary, "ja", "ja_JP", _)
    assert html.count('class="kk-example-note"') == len(directory.partners) - len(real)
