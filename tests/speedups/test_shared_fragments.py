"""Tabs and navigation sidebar rendered once per folder for pages outside the navigation, and the
header's page-independent parts once per folder depth (the shared_fragments speed-up): the shared copy
must be right on every page that receives it."""

import json
import re
from html import unescape as html_unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

PRIMARY = re.compile(r'<div class="md-sidebar md-sidebar--primary".*?(?=<div class="md-sidebar md-sidebar--secondary")', re.S)
TABS = re.compile(r'<nav class="md-tabs".*?</nav>', re.S)
TOC = re.compile(r'<div class="md-sidebar md-sidebar--secondary".*?</nav>', re.S)
HEADER = re.compile(r'<header class="md-header.*?</header>', re.S)
# The header's parts that are the page's own: its title, and the links to it in the other languages.
OWN_HEADER_PARTS = re.compile(r'<div class="md-header__topic" data-md-component="header-topic">.*?</div>'
                              r'|<div class="md-select">.*?</ul>', re.S)


def _page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def _targets_exist(site: Path, url: str, html: str) -> list[str]:
    """The relative links of ``html`` (on page ``url``) that lead to no file of the site."""
    missing = []
    for href in re.findall(r'href="([^"#]+)"', html):
        if href.startswith(("http:", "https:", "mailto:")):
            continue
        path = urlsplit(urljoin(f"https://x/{url}", href)).path.lstrip("/")
        if not ((site / path).is_file() or (site / path / "index.html").is_file()):
            missing.append(href)
    return missing


@pytest.mark.parametrize("prefix", ["", "fr/", "ja/"])
def test_guides_share_tabs_and_sidebar_but_keep_their_own_contents(built_site, prefix):
    first, second = f"{prefix}guides/eu-mdr-ivdr/", f"{prefix}guides/jp-qms/"
    one, other = _page(built_site, first), _page(built_site, second)
    assert PRIMARY.search(one)[0] == PRIMARY.search(other)[0]
    assert TABS.search(one)[0] == TABS.search(other)[0]
    assert TOC.search(one)[0] != TOC.search(other)[0]  # the table of contents is each page's own
    for url, html in ((first, one), (second, other)):
        shared = PRIMARY.search(html)[0] + TABS.search(html)[0]
        assert not _targets_exist(built_site, url, shared), url


def test_pages_in_the_navigation_keep_their_active_item(built_site):
    """The events page is in the navigation: its own item is marked active, in its own sidebar."""
    html = _page(built_site, "events/")
    assert "md-nav__link--active" in PRIMARY.search(html)[0]
    assert not _targets_exist(built_site, "events/", PRIMARY.search(html)[0] + TABS.search(html)[0])


@pytest.mark.parametrize("url", ["", "events/", "fr/guides/eu-mdr-ivdr/", "ja/contribute/style/"])
def test_search_dialog_finds_every_bundle_from_any_depth(built_site, url):
    """The search dialog is shared by the pages of one folder depth: its bundle links must still lead
    to each language's Pagefind from where the page stands."""
    bundles = json.loads(html_unescape(re.search(r"data-kk-bundles='([^']*)'", _page(built_site, url))[1]))
    assert set(bundles) == {"en", "fr", "ja"}
    for path in bundles.values():
        assert (built_site / urlsplit(urljoin(f"https://x/{url}", path + "pagefind.js")).path.lstrip("/")).is_file(), (url, path)


@pytest.mark.parametrize("url", ["", "events/", "fr/guides/eu-mdr-ivdr/", "ja/contribute/style/"])
def test_scripts_and_material_configuration_lead_back_to_the_site_root_from_any_depth(built_site, url):
    """Script tags and Material's ``__config`` are shared by the pages of one folder depth."""
    html = _page(built_site, url)
    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert len(scripts) >= 4 and not _targets_exist(built_site, url, " ".join(f'href="{src}"' for src in scripts))
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)[1])
    assert urlsplit(urljoin(f"https://x/{url}", config["base"] + "/")).path == "/"


@pytest.mark.parametrize(("first", "second"), [
    ("guides/eu-mdr-ivdr/", "contribute/style/"),  # the same depth, other folders
    ("fr/guides/eu-mdr-ivdr/", "fr/guides/jp-qms/"),
    ("ja/events/", "ja/partners/"),
])
def test_pages_of_one_depth_share_the_header_but_keep_their_title_and_language_links(built_site, first, second):
    one, other = (HEADER.search(_page(built_site, url))[0] for url in (first, second))
    assert OWN_HEADER_PARTS.sub("", one) == OWN_HEADER_PARTS.sub("", other)
    assert OWN_HEADER_PARTS.findall(one) != OWN_HEADER_PARTS.findall(other)
    for url, header in ((first, one), (second, other)):
        assert len(OWN_HEADER_PARTS.findall(header)) == 2, url
        assert not _targets_exist(built_site, url, header), url


@pytest.mark.parametrize("url", ["", "events/", "guides/eu-mdr-ivdr/", "fr/", "fr/partners/", "fr/guides/jp-qms/", "ja/contribute/style/"])
def test_the_shared_header_leads_home_from_every_depth(built_site, url):
    home = re.search(r'<a href="([^"]*)"[^>]*class="md-header__button md-logo"', HEADER.search(_page(built_site, url))[0])[1]
    assert urlsplit(urljoin(f"https://x/{url}", home)).path == "/" + (url[:3] if url[:3] in ("fr/", "ja/") else "")
