"""The partner directory: matches computed at build time, escaping, and the filter data of profiles."""

from __future__ import annotations

import gettext
import re

import yaml
from conftest import ROOT
from samples import make_partner

from kakehashi.data.partners import find_matches, load_partners
from kakehashi.data.records import is_placeholder_address
from kakehashi.render.partners_page import render_directory

_ = gettext.NullTranslations().gettext




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


def test_markup_in_data_stays_text():
    directory = load_partners(ROOT)
    evil = make_partner("evil", native="<script>alert(1)</script>", summary={"en": "<b onmouseover=alert(1)>x</b>"})
    html = render_directory([evil], directory.vocabulary, "en", "en_GB", _)
    assert "<script>" not in html and "<b " not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_profiles_carry_their_filter_values_and_japanese_names_their_language():
    directory = load_partners(ROOT)
    html = render_directory(directory.partners, directory.vocabulary, "en", "en_GB", _)
    osaka = re.search(r'<article [^>]*id="partner-osaka-bio-headquarters"[^>]*>', html)[0]
    assert 'data-region="JP-27"' in osaka and 'data-languages="ja en"' in osaka
    assert 'data-offers="partner-introductions business-events"' in osaka
    assert '<span lang="ja">大阪バイオ・ヘッドクオーター</span>' in html
    assert "Osaka, Japan" in html
    pmda = html[html.index('id="partner-pmda"'):html.index("</article>", html.index('id="partner-pmda"'))]
    assert "<dt>Offers</dt>" in pmda and "<dt>Seeks</dt>" not in pmda  # an advice desk seeks nothing: no empty row


def test_the_directory_lists_only_real_sourced_organisations_in_three_languages():
    directory = load_partners(ROOT)
    assert not directory.findings
    assert len(directory.partners) >= 20
    ids = {p.id for p in directory.partners}
    assert ids >= {"lyonbiopole", "biom", "osaka-bio-headquarters", "jetro", "business-france", "eu-japan-centre",
                   "enterprise-europe-network", "pmda", "mediso", "has-early-dialogue", "ansm-innovation-desk"}
    for partner in directory.partners:
        assert partner.sources and partner.last_verified, partner.id
        assert set(partner.summary) == {"en", "fr", "ja"}, partner.id
        addresses = [partner.website, partner.contact_email or "", partner.contact_url or "", *(s.url for s in partner.sources)]
        assert not any(a and is_placeholder_address(a) for a in addresses), partner.id
    assert {p.type for p in directory.partners} >= {"cluster", "support-agency", "regulator"}
    for path in (ROOT / "data" / "partners").glob("*.yaml"):  # the controlled fields that link profiles to guides
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["products"] and data["topics"], path.name
    html = render_directory(directory.partners, directory.vocabulary, "ja", "ja_JP", _)
    assert "example" not in html.casefold()
    assert html.count('class="kk-partner__sources"') == len(directory.partners)


def test_a_reserved_example_domain_is_a_placeholder():
    for address in ("https://example.com/", "https://www.example.org/x", "contact@sample.example", "https://acme.test/",
                    "info@example.net", "https://localhost/"):
        assert is_placeholder_address(address), address
    for address in ("https://www.pmda.go.jp/", "life-science@sbox.pref.osaka.lg.jp", "https://examples.com/", "https://myexample.com/"):
        assert not is_placeholder_address(address), address
