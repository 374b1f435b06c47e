"""The front_matter speed-up: MkDocs gets each page's body and front matter from the portal's reading,
exactly as its own parser would give them."""

import pytest
from mkdocs.utils import meta
from project import ROOT

from kakehashi.build.portal import portal_state
from kakehashi.site_config import load_site_config
from kakehashi_speedups import front_matter


def _as_mkdocs_reads(path):
    with open(path, encoding="utf-8-sig", errors="strict") as handle:  # as mkdocs.structure.pages.Page.read_source
        return handle.read()


@pytest.fixture(scope="module")
def portal():
    return portal_state(load_site_config(ROOT / "mkdocs.yml"))[0]


def test_every_page_gets_the_body_and_data_mkdocs_would_parse(portal):
    known = portal.front_matters()
    reader = front_matter.PortalFrontMatter(lambda: known)
    pages = sorted((ROOT / "docs").rglob("*.md"))
    assert len(pages) > 90
    for path in pages:
        source = _as_mkdocs_reads(path)
        assert meta.YAML_RE.match(source)[1] in known, path  # taken from the portal, not parsed again
        expected, found = meta.get_data(source), reader.get_data(source)
        assert found == expected, path
        assert [type(v) for v in found[1].values()] == [type(v) for v in expected[1].values()], path  # dates stay dates


def test_front_matter_not_read_goes_to_mkdocs_parser_and_data_is_each_page_own(portal):
    calls = []
    reader = front_matter.PortalFrontMatter(lambda: calls.append(1) or portal.front_matters())
    edited = "---\ntitle: Edited since the portal was read\nlast_verified: 2026-11-26\n---\n\n# Body\n"
    assert reader.get_data(edited) == meta.get_data(edited)
    source = _as_mkdocs_reads(ROOT / "docs" / "guides" / "eu-mdr-ivdr.md")
    first, second = reader.get_data(source)[1], reader.get_data(source)[1]
    first["sources"].append("changed by a plugin")
    assert second["sources"] != first["sources"] and len(calls) == 1
    assert "changed by a plugin" not in portal.groups["guides/eu-mdr-ivdr"].variants["en"].doc.meta["sources"]
