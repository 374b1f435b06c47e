"""The libraries' own test suites pass with the speed-ups applied (``make upstream-suites`` fetches
them at the pinned versions): Python-Markdown's with the reused converter's speed-up on every converter
it builds, mkdocs-static-i18n's with its per-file step replaced."""

import os
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from project import ROOT

HERE = Path(__file__).resolve().parent
UPSTREAM = ROOT / ".cache" / "upstream"


def suite(folder: str) -> Path:
    path = UPSTREAM / folder
    if not (path / "tests").is_dir():
        pytest.fail(f"{path} is missing: `make upstream-suites` (part of `make test`) fetches it")
    return path


def test_python_markdown_suite_passes_with_the_reused_converter():
    folder = suite(f"markdown-{version('markdown')}")
    result = subprocess.run([sys.executable, str(HERE / "markdown_suite.py"), str(folder)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    passed = int(re.search(r"^(\d+) passed, 0 failed$", result.stdout, re.M)[1])
    assert passed > 1000


def test_static_i18n_suite_passes_with_the_portal_file_step():
    folder = suite(f"mkdocs_static_i18n-{version('mkdocs-static-i18n')}")
    env = {**os.environ, "PYTHONPATH": str(HERE), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "static_i18n_plugin", "tests"],
                            cwd=folder, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert int(re.search(r"(\d+) passed", result.stdout)[1]) >= 60
