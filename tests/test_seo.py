"""hreflang alternates and sitemap: only real translations are advertised."""

from pathlib import Path

from kakehashi.pages import PageGroup, page_url, scan_docs, split_variant
from kakehashi.seo import alternates, sitemap_xml
from kakehashi.site_config import Language, SiteConfig

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


def test_scan_docs_groups_variants(tmp_path):
    (tmp_path / "guides").mkdir()
    for name in ("index.md", "index.fr.md", "guides/a.ja.md", "guides/a.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    groups = scan_docs(tmp_path, ("en", "fr", "ja"), "en")
    assert groups["index"].variants == {"en": "index.md", "fr": "index.fr.md"}
    assert groups["guides/a"].variants == {"en": "guides/a.md", "ja": "guides/a.ja.md"}
