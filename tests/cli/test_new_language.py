"""``kakehashi new language``: a fourth language in a copy of the portal, then a strict build."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, build_site
from project import kakehashi

from kakehashi.cli.new_language import NewLanguage, add_to_config

CONFIG = """\
plugins:
  - i18n:
      languages:
        - locale: en
          default: true
        # French
        - locale: fr
          name: Français

extra:
  kakehashi:
    formatting_locales:
      en: en_GB
      fr: fr_FR
    # order
    nav_order: [index,
                guides]
"""


def test_the_language_joins_the_list_the_date_formats_and_the_languages_in_progress():
    text = add_to_config(CONFIG, NewLanguage("de", "Deutsch"))
    assert "        - locale: de\n          name: Deutsch\n          build: true\n\nextra:" in text
    assert "      fr: fr_FR\n      de: de\n    # order" in text
    assert text.endswith("                guides]\n    # Languages still being added: their missing UI strings (shown in English) and terms\n"
                         "    # do not fail the checks. Take a language off the list once it is translated.\n"
                         "    languages_in_progress: [de]\n")
    again = add_to_config(text, NewLanguage("it", "Italiano"))
    assert "languages_in_progress: [de, it]" in again
    assert again.count("# French") == 1 and again.count("# order") == 1  # comments stay


@pytest.fixture(scope="module")
def portal_copy(tmp_path_factory):
    """The whole portal as in git (tests aside), with its catalogs compiled."""
    copy = tmp_path_factory.mktemp("portal")
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    for name in files:
        if not name.startswith("tests/"):
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    return copy


@pytest.mark.parametrize(("args", "message"), [
    (["fr", "--name", "Français"], "has 'fr' already"),
    (["deutsch", "--name", "Deutsch"], "not an ISO 639 language code"),
    (["qq", "--name", "Q"], "Babel knows no language 'qq'"),
])
def test_a_request_that_cannot_be_met_writes_nothing(portal_copy, args, message):
    before = (portal_copy / "mkdocs.yml").read_bytes()
    result = kakehashi(portal_copy, "new", "language", *args)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
    assert (portal_copy / "mkdocs.yml").read_bytes() == before


def test_a_fourth_language_builds_strictly_with_its_own_pages_404_search_and_switcher(portal_copy, tmp_path):
    result = kakehashi(portal_copy, "new", "language", "de", "--name", "Deutsch")
    assert result.returncode == 0, result.stderr
    pybabel = Path(sys.executable).parent / "pybabel"
    subprocess.run([str(pybabel), "--quiet", "compile", "-d", "locales"], cwd=portal_copy, check=True)  # as `make build` does
    assert kakehashi(portal_copy, "check").returncode == 0
    site = tmp_path / "site"
    built = build_site(portal_copy / "mkdocs.yml", site)
    assert built.returncode == 0, built.stdout + built.stderr
    home = (site / "de" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de"' in home
    guide = (site / "de" / "guides" / "jp-qms" / "index.html").read_text(encoding="utf-8")
    assert "kk-banner--fallback" in guide  # the English text, with a banner saying so
    assert '<html lang="de"' in (site / "de" / "404.html").read_text(encoding="utf-8")
    assert (site / "pagefind" / "de" / "pagefind-entry.json").is_file()
    assert 'hreflang="de"' in (site / "index.html").read_text(encoding="utf-8")  # in the language switcher
