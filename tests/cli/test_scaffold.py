"""``kakehashi new guide``: valid files in the right places, clear refusals, never an overwrite."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest
from project import ROOT, kakehashi

from kakehashi.checks.engine import run_checks
from kakehashi.cli.scaffold import ScaffoldError, guide_choices, new_guide_request
from kakehashi.content.pins import blob_id
from kakehashi.site_config import load_site_config


def findings(project, *paths):
    site = load_site_config(project / "mkdocs.yml")
    return run_checks(site, [project / p for p in paths] or None).findings


@pytest.mark.parametrize("lang", ["en", "fr", "ja"])
def test_new_guide_with_stubs_passes_the_schema_and_typography(project, lang):
    result = kakehashi(project, "new", "guide", "jp-clinical-trials", "--lang", lang, "--stubs")
    assert result.returncode == 0, result.stderr
    guides = project / "docs" / "guides"
    names = {"en": "jp-clinical-trials.md", "fr": "jp-clinical-trials.fr.md", "ja": "jp-clinical-trials.ja.md"}
    assert f"created docs/guides/{names[lang]} (source, {lang})" in result.stdout
    source = guides / names[lang]
    pin = blob_id(source.read_bytes())
    for code, name in names.items():
        text = (guides / name).read_text(encoding="utf-8")
        assert "{#overview}" in text and "{#who-it-applies-to}" in text and "{#pitfalls}" in text
        assert "{#costs-and-timelines}" in text and "{#who-to-contact}" in text  # the house style's sections
        assert f"last_verified: {date.today().isoformat()}" in text
        assert "changes:  # " in text and f"\n  - date: {date.today().isoformat()}\n    summary: " in text
        if code != lang:
            assert f"translation:\n  from: {lang}\n  source_hash: {pin}\n  state: stub\n" in text
        else:
            assert "translation:" not in text
    found = findings(project, f"docs/guides/{names[lang]}")
    codes = {f.code for f in found}
    assert not codes & {"M001", "M002", "M003", "P002", "P003", "P004", "Y001", "Y002", "S001", "S002"}, [f.as_text() for f in found]
    assert "N001" in codes  # the placeholders are still there
    assert {f.path for f in found if f.code == "P001"} == {f"docs/guides/{n}" for c, n in names.items() if c != lang}


def test_headings_are_in_the_chosen_language(project):
    kakehashi(project, "new", "guide", "eu-udi", "--lang", "fr", "--stubs")
    fr = (project / "docs/guides/eu-udi.fr.md").read_text(encoding="utf-8")
    ja = (project / "docs/guides/eu-udi.ja.md").read_text(encoding="utf-8")
    en = (project / "docs/guides/eu-udi.md").read_text(encoding="utf-8")
    assert "## Vue d’ensemble {#overview}" in fr and "## Qui est concerné\u202f? {#who-it-applies-to}" in fr
    assert "## 概要 {#overview}" in ja and "## 手順 {#steps}" in ja
    assert "## Overview {#overview}" in en and "## Pitfalls {#pitfalls}" in en


def test_without_stubs_only_the_source_is_written(project):
    assert kakehashi(project, "new", "guide", "fr-clinical-data", "--lang", "en").returncode == 0
    assert sorted(p.name for p in (project / "docs/guides").glob("fr-clinical-data*")) == ["fr-clinical-data.md"]


def test_options_and_defaults(project):
    site = load_site_config(project / "mkdocs.yml")
    request = new_guide_request(site, "jp-reimbursement-basics", "en")
    assert (request.jurisdiction, request.audience, request.category) == ("JP", ("eu-sme",), "regulation")
    assert set(request.defaulted) == {"category", "jurisdiction", "audience"}
    assert new_guide_request(site, "fr-hta", "fr").audience == ("jp-sme",)
    assert new_guide_request(site, "bridging-advice", "ja").jurisdiction == "EU-JP"
    request = new_guide_request(site, "x-y", "ja", "trade", "EU", ["eu-sme,jp-sme", "eu-sme"])
    assert (request.category, request.jurisdiction, request.audience, request.defaulted) == ("trade", "EU", ("eu-sme", "jp-sme"), ())


def test_allowed_values_come_from_the_schema(project):
    schema_file = project / "data/schemas/guide.schema.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    schema["properties"]["category"]["enum"].append("clinical")
    schema_file.write_text(json.dumps(schema), encoding="utf-8")
    site = load_site_config(project / "mkdocs.yml")
    assert "clinical" in guide_choices(site).categories
    assert new_guide_request(site, "jp-trials", "en", category="clinical").category == "clinical"


@pytest.mark.parametrize(("args", "message"), [
    (["Bad_Slug", "--lang", "en"], "not a valid slug"),
    (["double--hyphen", "--lang", "en"], "not a valid slug"),
    (["index", "--lang", "en"], "Guides section page"),
    (["ok", "--lang", "de"], "unknown language 'de'"),
    (["ok", "--lang", "en", "--category", "biology"], "unknown category 'biology': choose one of orientation"),
    (["ok", "--lang", "en", "--jurisdiction", "US"], "unknown jurisdiction 'US'"),
    (["ok", "--lang", "en", "--audience", "eu-sme", "big-pharma"], "unknown audience big-pharma"),
])
def test_invalid_options_exit_2_and_write_nothing(project, args, message):
    before = sorted((project / "docs").rglob("*"))
    result = kakehashi(project, "new", "guide", *args)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
    assert sorted((project / "docs").rglob("*")) == before


def test_never_overwrites_any_language(project):
    # guide.md exists (en source): a Japanese "new" page of the same slug would be a second source.
    before = {p: p.read_bytes() for p in (project / "docs/guides").glob("guide*.md")}
    (project / "docs/guides/guide.ja.md").unlink()
    del before[project / "docs/guides/guide.ja.md"]
    result = kakehashi(project, "new", "guide", "guide", "--lang", "ja", "--stubs")
    assert result.returncode == 2
    assert "docs/guides/guide.md" in result.stderr and "never overwrites" in result.stderr
    assert not (project / "docs/guides/guide.ja.md").exists()
    assert {p: p.read_bytes() for p in (project / "docs/guides").glob("guide*.md")} == before


def test_a_late_collision_undoes_what_was_written(project, monkeypatch):
    from kakehashi.cli import scaffold
    site = load_site_config(project / "mkdocs.yml")
    files = scaffold.plan_guide(site, new_guide_request(site, "race", "en", stubs=True))
    files[2].path.write_text("someone else's file\n", encoding="utf-8")
    with pytest.raises(scaffold.PageExistsError):
        scaffold.write_new_files(files, [])
    assert not files[0].path.exists() and not files[1].path.exists()
    assert files[2].path.read_text(encoding="utf-8") == "someone else's file\n"


def test_a_template_that_breaks_the_schema_is_refused(project):
    schema_file = project / "data/schemas/guide.schema.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    schema["required"].append("owner")
    schema_file.write_text(json.dumps(schema), encoding="utf-8")
    site = load_site_config(project / "mkdocs.yml")
    from kakehashi.cli.scaffold import plan_guide
    with pytest.raises(ScaffoldError, match="no longer matches"):
        plan_guide(site, new_guide_request(site, "anything", "en"))


def test_placeholders_block_the_source_and_the_stubs_front_matter_only(project):
    kakehashi(project, "new", "guide", "eu-udi", "--lang", "en", "--stubs")
    found = [f for f in findings(project, "docs/guides/eu-udi.md") if f.code == "N001"]
    source_lines = sorted(f.line for f in found if f.path == "docs/guides/eu-udi.md")
    assert source_lines == [2, 3, 11, 19, 23, 27, 31, 35, 39]  # title, description, sources, one hint per section
    stub = [f for f in found if f.path == "docs/guides/eu-udi.fr.md"]
    assert sorted(f.line for f in stub) == [2, 3, 11]  # a stub's outline waits for its translation
    page = project / "docs/guides/guide.md"
    page.write_text(page.read_text(encoding="utf-8").replace("with questions.", "with questions (search for `TODO`)."), encoding="utf-8")
    assert not [f for f in findings(project, "docs/guides/guide.md") if f.code == "N001"]


@pytest.fixture
def data_project(project):
    """The test project with the partner vocabulary (the scaffold lists its terms)."""
    shutil.copy(ROOT / "data" / "vocabulary.yaml", project / "data" / "vocabulary.yaml")
    return project


def test_new_event_and_partner_pass_their_schemas_and_wait_for_their_todos(data_project):
    from kakehashi.data.events import load_events
    from kakehashi.data.partners import load_partners
    project = data_project
    assert kakehashi(project, "new", "event", "biojapan-2028", "--kind", "partnering-convention").returncode == 0
    assert kakehashi(project, "new", "partner", "acme-medtech", "--type", "start-up").returncode == 0
    event, partner = project / "data/events/biojapan-2028.yaml", project / "data/partners/acme-medtech.yaml"
    assert "kind: partnering-convention" in event.read_text(encoding="utf-8")
    assert "type: start-up" in partner.read_text(encoding="utf-8")
    assert load_events(project)[1] == [] and load_partners(project).findings == []  # schema, dates, zones, vocabulary
    result = kakehashi(project, "check")
    assert result.returncode == 1
    todo_lines = {line for line in result.stdout.splitlines() if " N002 " in line}
    assert any(line.startswith("data/events/biojapan-2028.yaml:7:") for line in todo_lines)  # title
    assert any(line.startswith("data/partners/acme-medtech.yaml:") for line in todo_lines)
    # The contributor gives every value and deletes the TODO comments: clean.
    for path in (event, partner):
        lines = [line.split("  # TODO")[0] for line in path.read_text(encoding="utf-8").splitlines()]
        text = "\n".join(lines).replace("https://example.org/TODO-", "https://acme-medtech.eu/").replace("TODO ", "")
        path.write_text(text.replace("sectors: []", "sectors: [medical-devices]").replace("offers: []", "offers: [clinical-studies]") + "\n", encoding="utf-8")
    assert " N002 " not in kakehashi(project, "check").stdout
    assert load_events(project)[1] == [] and load_partners(project).findings == []


def test_new_event_and_partner_refuse_bad_input_and_never_overwrite(data_project):
    project = data_project
    assert kakehashi(project, "new", "event", "bio-japan-2028").returncode == 0
    event = project / "data/events/bio-japan-2028.yaml"
    event.write_text("# mine\n", encoding="utf-8")
    result = kakehashi(project, "new", "event", "bio-japan-2028")
    assert result.returncode == 2 and "never overwrites" in result.stderr
    assert event.read_text(encoding="utf-8") == "# mine\n"
    for args, message in ((["event", "Bio_Japan"], "not a valid id"), (["event", "x", "--kind", "party"], "unknown kind 'party'"),
                          (["partner", "x", "--type", "pharma-giant"], "unknown type 'pharma-giant': choose one of sme")):
        result = kakehashi(project, "new", *args)
        assert result.returncode == 2 and message in result.stderr, result.stderr
    assert not (project / "data/events/x.yaml").exists() and not (project / "data/partners/x.yaml").exists()
