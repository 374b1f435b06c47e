"""Cross-links from controlled tags: which directory entries and events a guide shows, and back."""

from __future__ import annotations

import dataclasses
import gettext
from datetime import date

import pytest
from conftest import ROOT
from samples import NOW, make_event, make_partner

from kakehashi.build.portal import portal_state
from kakehashi.content.paths import relative_url
from kakehashi.data.crosslinks import (
    LIMITS,
    GuideTags,
    events_for,
    guide_tags,
    guides_for_event,
    guides_for_partner,
    on_side,
    partners_for,
)
from kakehashi.data.partners import load_vocabulary
from kakehashi.render.crosslinks import related_key, render_guide_related, render_related_guides
from kakehashi.site_config import load_site_config

_ = gettext.NullTranslations().gettext


def guide(stem="jp-classes", category="regulation", jurisdiction="JP", products=("device",), titles=None):
    return GuideTags(f"guides/{stem}", category, jurisdiction, tuple(products), titles or {"en": stem.title(), "fr": f"{stem} (fr)"})


def partner(id, topics=("regulation",), products=(), region="JP-27", **kwargs):
    return dataclasses.replace(make_partner(id, region=region, **kwargs), topics=tuple(topics), products=tuple(products))


def event(id, topics=("regulation",), products=(), **kwargs):
    return dataclasses.replace(make_event(id, **kwargs), topics=tuple(topics), products=tuple(products))


def test_same_topic_overlapping_products_and_the_jurisdictions_side():
    candidates = [
        partner("device-desk", products=["device", "ivd"]),
        partner("general-agency"),  # no products: general, matches every product type
        partner("drug-desk", products=["drug"]),  # no shared product type
        partner("funding", topics=["funding"], products=["device"]),  # another topic
        partner("european", products=["device"], region="FR"),  # not on the Japanese side
        partner("no-topics", topics=[]),
    ]
    assert [p.id for p in partners_for(guide(), candidates, "en")] == ["device-desk", "general-agency"]  # specific match first
    assert [p.id for p in partners_for(guide(jurisdiction="EU"), candidates, "en")] == ["european"]
    assert [p.id for p in partners_for(guide(jurisdiction="EU-JP"), candidates, "en")] == ["device-desk", "european", "general-agency"]
    assert [p.id for p in partners_for(guide(products=()), candidates, "en")] == ["device-desk", "drug-desk", "general-agency"]


@pytest.mark.parametrize(("jurisdiction", "region", "expected"), [
    ("JP", "JP-13", True), ("JP", "DE", False), ("EU", "DE", True), ("EU", "JP-27", False),
    ("FR", "FR", True), ("FR", "DE", False), ("EU-JP", "JP-27", True), ("EU-JP", "IT", True),
])
def test_side_of_a_region(jurisdiction, region, expected):
    assert on_side(jurisdiction, region) is expected


def test_guides_list_upcoming_events_only_specific_first_then_soonest():
    events = [
        event("past", start=date(2026, 3, 1), end=date(2026, 3, 2)),
        event("later-general", start=date(2027, 6, 1), end=date(2027, 6, 2)),
        event("soon-general", start=date(2027, 1, 10), end=date(2027, 1, 12)),
        event("device-fair", products=["device"], start=date(2027, 9, 1), end=date(2027, 9, 3)),
        event("pharma-only", products=["drug"], start=date(2027, 2, 1), end=date(2027, 2, 2)),
        event("other-topic", topics=["funding"], start=date(2027, 2, 1), end=date(2027, 2, 2)),
    ]
    assert [e.id for e in events_for(guide(), events, NOW)] == ["device-fair", "soon-general", "later-general"]


def test_lists_are_short():
    many = [partner(f"org-{n:02}") for n in range(12)]
    assert len(partners_for(guide(), many, "en")) == LIMITS["partners"]
    guides = [guide(f"g{n:02}") for n in range(12)]
    assert len(guides_for_partner(many[0], guides, "en")) == LIMITS["guides"]


def test_entries_list_their_guides_by_the_same_rule_sorted_by_title_in_the_readers_language():
    guides = [
        guide("zeta", products=["device"]), guide("alpha", products=()), guide("drugs", products=["drug"]),
        guide("eu-rules", jurisdiction="EU"), guide("money", category="funding"),
    ]
    desk = partner("desk", products=["device"])
    assert [g.stem for g in guides_for_partner(desk, guides, "en")] == ["guides/zeta", "guides/alpha"]
    fair = event("fair", products=["device"])
    assert [g.stem for g in guides_for_event(fair, guides, "en")] == ["guides/eu-rules", "guides/zeta", "guides/alpha"]


def test_relative_links_between_pages():
    assert relative_url("partners/#partner-x", "guides/a/") == "../../partners/#partner-x"
    assert relative_url("fr/guides/a/", "fr/events/") == "../guides/a/"
    assert relative_url("", "guides/") == "../"


def test_guides_with_the_same_key_get_the_same_section():
    """hooks/crosslinks.py renders a section once per related_key: whatever else differs between two guides
    (stem, titles) must not change their section, and what changes it must be in the key."""
    vocabulary, _findings = load_vocabulary(ROOT)
    candidates = [partner("device-desk", products=["device"]), partner("general"), partner("eu", region="FR")]
    fairs = [event("fair", products=["device"]), event("expo", topics=["funding"])]

    def section(tags, here):
        return str(render_guide_related(tags, candidates, vocabulary, fairs, NOW, "fr", "fr_FR", _,
                                        lambda target: relative_url("fr/" + target, here)))

    one, other = guide("a", titles={"en": "A"}), guide("b", titles={"en": "B", "fr": "B (fr)"})
    assert related_key(one, "fr/guides/a/") == related_key(other, "fr/guides/b/")
    assert section(one, "fr/guides/a/") == section(other, "fr/guides/b/")
    deeper = related_key(one, "fr/guides/sub/a/")
    assert deeper != related_key(one, "fr/guides/a/") and section(one, "fr/guides/sub/a/") != section(one, "fr/guides/a/")
    for changed in (guide(category="funding"), guide(jurisdiction="EU"), guide(products=("drug",))):
        assert related_key(changed, "fr/guides/a/") != related_key(one, "fr/guides/a/")
        assert section(changed, "fr/guides/a/") != section(one, "fr/guides/a/")


def test_rendered_in_the_readers_language_and_escaped():
    vocabulary, _findings = load_vocabulary(ROOT)
    hostile = partner("hostile", native="<script>alert(1)</script>", products=["device"])
    fair = event("fair", title={"en": "Fair <b>", "fr": "Salon <b>"})
    html = render_guide_related(guide(), [hostile], vocabulary, [fair], NOW, "fr", "fr_FR", _, lambda url: "../../fr/" + url)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="../../fr/partners/#partner-hostile"' in html and 'href="../../fr/events/#event-fair"' in html
    assert "Salon &lt;b&gt;" in html and "Osaka, Japon" in html and "22–24 mars 2027" in html
    assert render_guide_related(guide(category="funding"), [hostile], vocabulary, [fair], NOW, "fr", "fr_FR", _, str) is None
    listed = render_related_guides([guide("a", titles={"en": "Only <English>"})], "ja", _, lambda url: url)
    assert '<a href="guides/a/" lang="en">Only &lt;English&gt;</a>' in listed
    assert render_related_guides([], "ja", _, str) is None


def test_real_guides_carry_their_tags_and_titles_in_each_language():
    site = load_site_config(ROOT / "mkdocs.yml")
    tags = {g.stem: g for g in guide_tags(portal_state(site)[0].groups.values(), "en")}
    classes = tags["guides/jp-device-classes"]
    assert (classes.category, classes.jurisdiction) == ("regulation", "JP")
    assert set(classes.titles) == {"en", "fr", "ja"} and classes.title("ja")[1] == "ja"
    assert "guides/index" not in tags
