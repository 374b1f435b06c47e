"""A throw-away copy of the project with chosen pages, for checks and builds on known input."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

from kakehashi.content.pins import blob_id

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def make_project(tmp_path: Path, pages: dict[str, str] | None = None, guide: bool = True) -> Path:
    """A project in ``tmp_path``: the real mkdocs.yml, hooks, overrides, catalogs and schemas, the
    fixture termbase, a home page in three languages and (by default) the fixture guide in three."""
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, tmp_path / name)
    for folder in ("hooks", "overrides", "locales", "data/schemas"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(FIXTURES / "termbase.yaml", tmp_path / "data" / "termbase.yaml")
    docs = tmp_path / "docs"
    (docs / "guides").mkdir(parents=True)
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    home = "---\ntitle: Home page\ndescription: The home page of a test portal, long enough.\n---\n\n# Home\n\nWelcome.\n"
    (docs / "index.md").write_text(home, encoding="utf-8")
    if guide:
        source = (FIXTURES / "guide.md").read_bytes()
        other = (FIXTURES / "guide.md").read_text(encoding="utf-8").split("---\n")[1]
        (docs / "guides" / "other.md").write_text(f"---\n{other}---\n\nAnother guide.\n", encoding="utf-8")
        (docs / "guides" / "guide.md").write_bytes(source)
        for lang in ("fr", "ja"):
            text = (FIXTURES / f"guide.{lang}.md").read_text(encoding="utf-8")
            (docs / "guides" / f"guide.{lang}.md").write_text(text.replace("SOURCE_HASH", blob_id(source)), encoding="utf-8")
    for rel, text in (pages or {}).items():
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def load_hook(name: str):
    """One of the portal's MkDocs hook modules (``hooks/<name>.py``), loaded as MkDocs loads it."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def kakehashi(project: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the ``kakehashi`` command in a project as a contributor (or CI) would (``env``: more variables)."""
    return subprocess.run([sys.executable, "-m", "kakehashi.cli", *args], cwd=project, capture_output=True, text=True,
                          env={**os.environ, "CI": "true", **(env or {})}, timeout=120)
