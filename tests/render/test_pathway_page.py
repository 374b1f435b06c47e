"""The pathway finder page and its route pictures, rendered from routes, guides, profiles and events."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime

from conftest import ROOT
from samples import make_event, make_partner

from kakehashi.data.events import Source
from kakehashi.data.pathways import Fact, GuideLink, Option, Question, Route, Step, load_pathways
from kakehashi.render.pathway_map import render_route_map, wrap
from kakehashi.render.pathway_page import GuideInfo, render_pathway_page, step_helpers
from kakehashi.render.ui_text import translations

NOW = datetime(2026, 12, 6, tzinfo=UTC)
SVG = "{http://www.w3.org/2000/svg}"
EVIL = "<script>alert(1)</script> | *x*"


def identity(text):
    return text


def texts(value):
    return {"en": value, "fr": value, "ja": value}


def make_route(title=EVIL):
    question = Question("class", texts("Class"), texts("Find it in the database."), GuideLink("jp-device-classes", "routes"),
                        (Option("low", texts("Low")), Option("high", texts("High"))))
    steps = (
        Step("classify", "classification", texts("Classify " + EVIL), texts("Find the class."), texts("The MAH"), {}, (),
             (GuideLink("jp-device-classes", "routes"),)),
        Step("approve", "conformity", texts("Approval"), texts("PMDA reviews."), {}, {"class": ("high",)},
             (Fact(texts("5 years."), Source("PMD Act", "https://laws.e-gov.go.jp/law/335AC0000000145")),),
             (GuideLink("jp-device-classes", "approval"), GuideLink("jp-qms", "inspections"))),
    )
    return Route("device-eu-to-jp", "device", "eu-to-jp", False, texts(title), texts("Summary."), texts("Partial."), (question,), steps,
                 date(2026, 12, 6))


GUIDES = {"jp-device-classes": GuideInfo("Device classes", "regulation", "JP"), "jp-qms": GuideInfo("QMS", "regulation", "JP")}


def test_every_route_is_in_the_static_table_with_links_to_guide_sections():
    routes, _ = load_pathways(ROOT)
    markdown = render_pathway_page(routes, GUIDES, [], [], "en", "en_GB", NOW, identity)
    for route in routes:
        assert f"{{#{route.id} data-kk-route=\"{route.id}\"}}" in markdown
        assert f"](#{route.id})" in markdown  # the overview links to it
        for step in route.steps:
            for link in step.guides:
                assert f"(guides/{link.slug}.md#{link.anchor})" in markdown
    assert "[Device classes](guides/jp-device-classes.md#routes)" in markdown  # the guide's title as link text


def test_contributed_text_is_inert_in_markdown_html_and_svg():
    markdown = render_pathway_page([make_route()], GUIDES, [], [], "en", "en_GB", NOW, identity)
    assert "<script>" not in markdown
    assert r"&lt;script&gt;alert(1)&lt;/script&gt; \| \*x\*" in markdown  # escaped, no table column break
    svg = render_route_map(make_route(), "en", {"classification": "Classification", "conformity": "Approval route"}, EVIL)
    root = ET.fromstring(svg)  # well-formed XML
    assert root.find(f"{SVG}title").text == EVIL and root.get("role") == "img"
    assert root.get("aria-labelledby") == "kk-map-device-eu-to-jp-title kk-map-device-eu-to-jp-desc"
    assert "Classify <script>" in root.find(f"{SVG}desc").text


def test_conditions_are_written_out_and_carried_for_the_script():
    markdown = render_pathway_page([make_route()], GUIDES, [], [], "en", "en_GB", NOW, identity)
    assert '<span class="kk-when" data-kk-when="class=high">Applies if: Class: High</span>' in markdown
    assert '!!! note "Not fully covered by the guides yet"' in markdown
    assert "5 years. (source: [PMD Act](https://laws.e-gov.go.jp/law/335AC0000000145))" in markdown
    assert "The guides give no figure for this step yet." in markdown
    assert "*Last verified: 6 December 2026*" in markdown
    odd = dataclasses.replace(make_route(), steps=(dataclasses.replace(
        make_route().steps[1], facts=(Fact(texts("5 years."), Source("Act", "https://example.com/a_(b)|c")),)),))
    assert "[Act](https://example.com/a_%28b%29%7Cc)" in render_pathway_page([odd], GUIDES, [], [], "en", "en_GB", NOW, identity)
    svg = ET.fromstring(render_route_map(make_route(), "en", {"classification": "C", "conformity": "A"}, "t"))
    boxes = svg.findall(f"{SVG}g")
    assert [b.get("data-kk-when") for b in boxes] == [None, "class=high"]
    assert sum(int(b.get("data-kk-height")) for b in boxes) - int(svg.get("data-kk-gap")) == int(svg.get("height"))



def test_conditions_follow_the_typography_of_the_page_language():
    two = dataclasses.replace(make_route(), questions=(
        make_route().questions[0], Question("size", texts("Size"), texts("?"), None, (Option("big", texts("Big")),))))
    two = dataclasses.replace(two, steps=(dataclasses.replace(two.steps[1], when={"class": ("high",), "size": ("big",)}),))
    french = render_pathway_page([two], GUIDES, [], [], "fr", "fr_FR", NOW, translations(ROOT / "locales", "fr").gettext)
    japanese = render_pathway_page([two], GUIDES, [], [], "ja", "ja_JP", NOW, translations(ROOT / "locales", "ja").gettext)
    assert ">S’applique si\u00a0: Class\u00a0: High\u202f; Size\u00a0: Big</span>" in french
    assert ">適用される条件：Class：High；Size：Big</span>" in japanese
    assert "*最終確認日：2026年12月6日*" in japanese and "*Dernière vérification\u00a0: 6 décembre 2026*" in french
    assert "5 years.（出典：[PMD Act](https://laws.e-gov.go.jp/law/335AC0000000145)）" in japanese
    assert "5 years. (source\u00a0: [PMD Act](https://laws.e-gov.go.jp/law/335AC0000000145))" in french

def test_the_form_asks_only_each_routes_own_questions():
    markdown = render_pathway_page([make_route()], GUIDES, [], [], "fr", "fr_FR", NOW, identity)
    form = markdown[: markdown.index("## All routes")]
    assert 'data-kk-finder hidden' in form and 'data-kk-questions="device-eu-to-jp" hidden' in form
    assert '<select id="kk-finder-device-eu-to-jp--class" name="class" data-kk-question="class"' in form
    assert 'aria-describedby="kk-finder-device-eu-to-jp--class-help"' in form
    assert '<a href="../guides/jp-device-classes/#routes">How to find it</a>' in form


def test_directory_entries_and_events_are_linked_from_their_products_topics_and_region():
    route = make_route("Route")
    osaka = dataclasses.replace(make_partner("osaka-desk", region="JP-27"), products=("device",), topics=("regulation",))
    lyon = dataclasses.replace(make_partner("lyon-desk", region="FR"), products=("device",), topics=("regulation",))
    drugs = dataclasses.replace(make_partner("drug-desk", region="JP-13"), products=("drug",), topics=("regulation",))
    fair = dataclasses.replace(make_event("fair", date(2027, 3, 22), date(2027, 3, 24)), products=("device",), topics=("regulation",))
    old = dataclasses.replace(make_event("old", date(2025, 3, 22), date(2025, 3, 24)), products=("device",), topics=("regulation",))
    helpers = step_helpers(route, route.steps[0], GUIDES, [osaka, lyon, drugs], [fair, old], NOW)
    assert [p.id for p in helpers.partners] == ["osaka-desk"]  # Japanese guide: based in Japan
    assert [e.id for e in helpers.events] == ["fair"]  # upcoming only
    markdown = render_pathway_page([route], GUIDES, [osaka], [fair], "ja", "ja_JP", NOW, identity)
    assert '<a href="../partners/#partner-osaka-desk">Osaka-Desk</a>' in markdown
    assert '<a href="../events/#event-fair">見本市</a>' in markdown
    assert step_helpers(route, route.steps[0], {**GUIDES, "jp-device-classes": GuideInfo("EU", "regulation", "EU")},
                        [osaka, lyon], [], NOW).partners == (lyon,)


def test_titles_wrap_by_words_and_japanese_by_width():
    assert wrap("Marketing authorisation holder and site registration", 30) == ["Marketing authorisation holder", "and site registration"]
    lines = wrap("製造販売業者と外国製造業者登録の手続", 10)
    assert lines == ["製造販売業", "者と外国製", "造業者登録", "の手続"]
