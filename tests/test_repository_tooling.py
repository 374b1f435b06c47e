"""What runs around a pull request: GitHub workflows (actionlint and schemastore schemas), issue forms,
CODEOWNERS routing, the pull request template and the pre-commit hook."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from pathspec import PathSpec
from project import make_project

ROOT = Path(__file__).resolve().parents[1]
GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
ISSUE_FORMS = sorted(p for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    path = shutil.which(name, path=str(BIN))
    if path is None:
        pytest.fail(f"{name} is missing from {BIN}: `make install` installs it (test extra, pinned in constraints.txt)")
    return path


def actionlint(*files: Path, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    # ShellCheck and pyflakes integrations off: the result must not depend on what else is on PATH.
    return subprocess.run([tool("actionlint"), "-no-color", "-shellcheck=", "-pyflakes=", *map(str, files)],
                          cwd=cwd, capture_output=True, text=True, timeout=120)


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` key as true


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def uses(workflow: dict, action: str) -> dict:
    found = [s for s in steps(workflow) if s.get("uses", "").split("@")[0] == action]
    assert found, f"no step uses {action}"
    return found[0]


def test_there_are_workflows_and_issue_forms():
    assert {p.name for p in WORKFLOWS} == {"ci.yml", "deploy.yml"}
    assert {p.name for p in ISSUE_FORMS} == {"guide-request.yml", "correction.yml", "partner-listing.yml"}


def test_workflows_pass_actionlint():
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_does_catch_mistakes(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v6\n        with:\n          fetch-depht: 0\n"
        "      - run: echo ${{ steps.nowhere.outputs.url }}\n"
        "      - uses: actions/setup-python@v4\n", encoding="utf-8")
    result = actionlint(broken, cwd=tmp_path)
    assert result.returncode == 1
    assert 'input "fetch-depht" is not defined' in result.stdout
    assert "nowhere" in result.stdout
    assert 'used by "actions/setup-python@v4" action is retired' in result.stdout


@pytest.mark.parametrize(("schema", "files"), [
    ("vendor.github-workflows", WORKFLOWS),
    ("vendor.github-issue-forms", ISSUE_FORMS),
    ("vendor.github-issue-config", [GITHUB / "ISSUE_TEMPLATE" / "config.yml"]),
])
def test_files_match_the_schemastore_schemas(schema, files):
    result = subprocess.run([tool("check-jsonschema"), "--builtin-schema", schema, *map(str, files)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ci_checks_builds_tests_and_uploads_a_preview():
    ci = load(GITHUB / "workflows" / "ci.yml")
    assert {"pull_request", "push"} <= set(triggers(ci))
    assert uses(ci, "actions/checkout")["with"]["fetch-depth"] == 0  # pins are git blob ids of old versions
    assert uses(ci, "actions/setup-python")["with"]["python-version"] == "3.11"
    commands = [s.get("run", "") for s in steps(ci)]
    order = [next(i for i, c in enumerate(commands) if wanted in c)
             for wanted in ("make install", "kakehashi check --format github", "make build", "make test")]
    assert order == sorted(order)
    assert uses(ci, "actions/upload-artifact")["with"]["path"] == "site/"


def test_deploy_publishes_main_to_pages_with_the_pages_url():
    deploy = load(GITHUB / "workflows" / "deploy.yml")
    assert triggers(deploy)["push"]["branches"] == ["main"]
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert uses(deploy, "actions/checkout")["with"]["fetch-depth"] == 0
    build = next(s for s in steps(deploy) if s.get("run") == "make build")
    assert build["env"]["KAKEHASHI_SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert uses(deploy, "actions/configure-pages")["id"] == "pages"
    assert uses(deploy, "actions/upload-pages-artifact")["with"]["path"] == "site/"
    assert deploy["jobs"]["deploy"]["environment"]["name"] == "github-pages"
    uses(deploy, "actions/deploy-pages")


def test_issue_forms_are_trilingual():
    for form in ISSUE_FORMS:
        data = load(form)
        assert data["name"].count(" · ") == 2, form.name
        for item in data["body"]:
            label = item["attributes"].get("label")
            if label and item["type"] != "checkboxes":
                assert label.count(" · ") == 2, (form.name, label)


def owners(path: str) -> list[str]:
    """The owners GitHub would request for a path: the last matching CODEOWNERS line wins."""
    result = []
    for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, *teams = line.split()
            if PathSpec.from_lines("gitignore", [pattern]).match_file(path):
                result = teams
    return result


@pytest.mark.parametrize(("path", "team"), [
    ("docs/guides/jp-qms.ja.md", "@kakehashi-portal/reviewers-ja"),
    ("docs/index.ja.md", "@kakehashi-portal/reviewers-ja"),
    ("docs/guides/eu-hta.fr.md", "@kakehashi-portal/reviewers-fr"),
    ("docs/guides/eu-hta.md", "@kakehashi-portal/reviewers-en"),
    ("locales/ja/LC_MESSAGES/messages.po", "@kakehashi-portal/reviewers-ja"),
    ("src/kakehashi/cli.py", "@kakehashi-portal/maintainers"),
    (".github/workflows/ci.yml", "@kakehashi-portal/maintainers"),
])
def test_codeowners_route_each_language_to_its_reviewers(path, team):
    assert owners(path) == [team]


def test_pull_request_template_has_a_checklist():
    text = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    assert text.count("- [ ]") >= 5 and "kakehashi check" in text and "kakehashi pin" in text


def test_pre_commit_checks_the_changed_pages_only(tmp_path):
    project = make_project(tmp_path)
    shutil.copy(ROOT / ".pre-commit-config.yaml", project)
    (project / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache"), "CI": "true"}
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t"]
    for command in (["init", "-q"], ["add", "."], ["commit", "-qm", "x"]):
        subprocess.run(git + command, cwd=project, check=True, capture_output=True)

    def pre_commit(*files: str) -> subprocess.CompletedProcess:
        return subprocess.run([tool("pre-commit"), "run", "kakehashi-check", "--files", *files],
                              cwd=project, capture_output=True, text=True, env=env, timeout=300)

    clean = pre_commit("docs/guides/guide.fr.md")
    assert clean.returncode == 0 and "Passed" in clean.stdout, clean.stdout + clean.stderr
    page = project / "docs/guides/guide.fr.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Vue d’ensemble", "Vue d’ensemble: bref"), encoding="utf-8")
    broken = pre_commit("docs/guides/guide.fr.md", "mkdocs.yml")
    assert broken.returncode == 1
    assert "docs/guides/guide.fr.md:18:18: Y002" in broken.stdout
    # Another page with the same problem is not checked when it is not part of the commit…
    assert pre_commit("docs/index.md").returncode == 0
    # …and files outside docs/ are not pages.
    skipped = pre_commit("mkdocs.yml")
    assert skipped.returncode == 0 and "no files to check" in skipped.stdout.lower()
