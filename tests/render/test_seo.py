"""hreflang alternates and sitemap: only real translations are advertised."""

from pathlib import Path

from project import make_project

from kakehashi.build.portal import published_pages
from kakehashi.content.groups import load_pageset
from kakehashi.content.paths import PageGroup, page_url, split_variant
from kakehashi.render.seo import alternates, sitemap_xml
from kakehashi.site_config import Language, SiteConfig, load_site_config

SITE = SiteConfig(
    root=Path("."), docs_dir=Path("docs"), site_dir=Path("site"), site_url="https://portal.test/",
    languages=(Language("en", True, "en_GB"), Language("fr", False, "fr_FR"), Language("ja", False, "ja_JP")),
)


def test_split_variant_and_url():
    codes = ("en", "fr", "ja")
    assert split_variant("guides/x.fr.md", codes, "en") == ("guides/x", "fr")
    assert split_variant("guides/x.md", codes, "en") == ("guides/x", "en")
    assert split_variant("guides/v1.2.md", codes, "en") == ("guides/v1.2", "en")
    assert page_url("index", "fr/") == "fr/"
    assert page_url("guides/index") == "guides/"
    assert page_url("guides/x", "ja/") == "ja/guides/x/"


def test_missing_translation_is_not_advertised():
    group = PageGroup("guides/x", {"en": "guides/x.md", "ja": "guides/x.ja.md"})
    assert alternates(group, SITE) == [
        ("en", "https://portal.test/guides/x/"),
        ("ja", "https://portal.test/ja/guides/x/"),
        ("x-default", "https://portal.test/guides/x/"),
    ]


def test_sitemap_has_one_url_per_real_variant():
    groups = [PageGroup("index", {"en": "index.md", "fr": "index.fr.md"})]
    xml = sitemap_xml(groups, SITE)
    assert xml.count("<loc>") == 2
    assert "https://portal.test/fr/" in xml and "/ja/" not in xml


def test_published_pages_group_variants_and_leave_stubs_out(tmp_path):
    page = "---\ntitle: A page\ndescription: A page about something, long enough.\n---\n\nBody.\n"
    stub = page.replace("---\n\n", "translation:\n  from: en\n  state: stub\n---\n\n")
    project = make_project(tmp_path, {"index.fr.md": page, "guides/a.md": page, "guides/a.ja.md": stub}, guide=False)
    published = published_pages(load_pageset(load_site_config(project / "mkdocs.yml")))
    assert published["index"].variants == {"en": "index.md", "fr": "index.fr.md"}
    assert published["guides/a"].variants == {"en": "guides/a.md"}
