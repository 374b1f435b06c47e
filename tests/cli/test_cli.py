"""The kakehashi command as a contributor and CI use it: exit codes, formats, pin, fix."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from project import kakehashi

from kakehashi.content.pins import blob_id


def test_clean_project_exits_0(project):
    result = kakehashi(project, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("0 error(s), 0 warning(s), 0 info")


def test_errors_exit_1_with_path_line_col_code(project):
    page = project / "docs/guides/guide.fr.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Vue d’ensemble", "Vue d’ensemble: bref"), encoding="utf-8")
    result = kakehashi(project, "check")
    assert result.returncode == 1
    assert "docs/guides/guide.fr.md:18:18: Y002 missing no-break space" in result.stdout


def test_json_and_github_formats(project):
    page = project / "docs/guides/guide.ja.md"
    page.write_text(page.read_text(encoding="utf-8").replace("お寄せください。", "お寄せください."), encoding="utf-8")
    as_json = json.loads(kakehashi(project, "check", "--format", "json").stdout)
    assert {"path", "line", "column", "code", "severity", "message"} <= set(as_json[0])
    assert any(item["code"] == "Y001" and item["severity"] == "error" for item in as_json)
    github = kakehashi(project, "check", "--format", "github").stdout
    assert "::error file=docs/guides/guide.ja.md,line=20," in github and "title=Y001::" in github


def test_usage_errors_exit_2(project):
    assert kakehashi(project, "check", "docs/nope.md").returncode == 2
    assert kakehashi(project, "check", "--lang", "de").returncode == 2
    assert kakehashi(project, "frobnicate").returncode == 2
    (project / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    result = kakehashi(project, "check")
    assert result.returncode == 2 and "i18n" in result.stderr and "Traceback" not in result.stderr


def test_pin_records_the_current_source_and_changes_nothing_else(project):
    source = project / "docs/guides/guide.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    page = project / "docs/guides/guide.fr.md"
    before = page.read_text(encoding="utf-8")
    result = kakehashi(project, "pin", "docs/guides/guide.fr.md")
    assert result.returncode == 0, result.stderr
    after = page.read_text(encoding="utf-8")
    new_hash = blob_id(source.read_bytes())
    assert f"source_hash: {new_hash}" in after
    assert [line for line in after.splitlines() if new_hash not in line] == [line for line in before.splitlines() if "source_hash" not in line]
    assert kakehashi(project, "pin", "docs/guides/guide.md").returncode == 2  # a source has no pin


def test_status_reports_each_language(project):
    (project / "docs/guides/guide.ja.md").unlink()
    report = json.loads(kakehashi(project, "status", "--format", "json").stdout)
    assert report["pages"]["guides/guide"] == {
        "en": {"state": "source", "detail": ""}, "fr": {"state": "up-to-date", "detail": ""}, "ja": {"state": "missing", "detail": ""}}
    assert report["totals"]["ja"]["missing"] == 3
    markdown = kakehashi(project, "status", "--format", "markdown").stdout
    assert "| `guides/guide` | source | up-to-date | missing |" in markdown
    assert report["review_due"] == [] and "No guide is past its review date." in markdown


def test_status_lists_the_guides_due_for_review(project):
    """Twelve months after last_verified by default; review_interval_months shortens or lengthens it."""
    later = {"SOURCE_DATE_EPOCH": str(int(datetime(2027, 11, 26, tzinfo=UTC).timestamp()))}
    report = json.loads(kakehashi(project, "status", "--format", "json", env=later).stdout)
    assert report["review_due"] == [
        {"page": "guides/guide", "last_verified": "2026-11-26", "due": "2027-11-26"},
        {"page": "guides/other", "last_verified": "2026-11-26", "due": "2027-11-26"}]
    page = project / "docs/guides/other.md"
    page.write_text(page.read_text(encoding="utf-8").replace("last_verified: 2026-11-26\n", "last_verified: 2026-11-26\nreview_interval_months: 24\n"),
                    encoding="utf-8")
    text = kakehashi(project, "status", env=later).stdout
    assert "review due: 1 guide(s)\n  guides/guide  last verified 2026-11-26, due since 2027-11-26" in text
    markdown = kakehashi(project, "status", "--format", "markdown", env=later).stdout
    assert "| Notified bodies in practice (`guides/guide`) | 26 November 2026 | 26 November 2027 |" in markdown


def test_fix_changes_typography_only(project):
    page = project / "docs/guides/guide.fr.md"
    text = page.read_text(encoding="utf-8")
    broken = text.replace("Vue d’ensemble", "Vue d’ensemble: bref").replace("key: value", "key: value ?")
    page.write_text(broken, encoding="utf-8")
    assert kakehashi(project, "fix").returncode == 0
    fixed = page.read_text(encoding="utf-8")
    assert "Vue d’ensemble\u00a0: bref" in fixed
    assert "key: value ?" in fixed  # code is never touched
    assert fixed.replace("\u00a0: bref", ": bref") == broken
    assert kakehashi(project, "check").returncode == 1  # only the code block now differs from the source


def test_check_reports_data_files_with_their_line(project):
    """Events are checked by `kakehashi check` (D rules), for the whole site or when the file is named."""
    import shutil

    from project import ROOT
    (project / "data" / "events").mkdir()
    event = sorted((ROOT / "data" / "events").glob("*.yaml"))[0]
    text = event.read_text(encoding="utf-8")
    shutil.copy(ROOT / "data" / "vocabulary.yaml", project / "data" / "vocabulary.yaml")
    broken = project / "data" / "events" / event.name
    broken.write_text(text.replace("url: https://", "url: http://", 1), encoding="utf-8")
    line = text[: text.index("url: https://")].count("\n") + 1
    for args in (("check",), ("check", f"data/events/{event.name}")):
        result = kakehashi(project, *args)
        assert result.returncode == 1, result.stdout
        assert f"data/events/{event.name}:{line}:" in result.stdout and " D0" in result.stdout
