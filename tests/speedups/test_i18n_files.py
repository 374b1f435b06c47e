"""The i18n_files speed-up makes the same i18n file as mkdocs-static-i18n's own create_i18n_file."""

import importlib.util
from pathlib import Path
from types import SimpleNamespace

import mkdocs_static_i18n
import pytest
from mkdocs.structure.files import File
from project import ROOT

from kakehashi_speedups import i18n_files

NAMES = [
    "index.md", "index.fr.md", "README.md", "README.ja.md", "guides/x.md", "guides/x.fr.md", "guides/x.ja.md",
    "guides/index.md", "guides/index.fr.md", "guides/README.fr.md", "a/b/c.ja.md", "index/index.fr.md",
    "guides/index/x.fr.md", "docs.fr/x.md", "docs.fr/x.ja.md", "a.b.c.md", "v1.2.fr.md", "x..fr.md", "x.fr..md",
    ".hidden.md", ".fr.md", "fr.md", "x.zz.md", "x.fra.md", "x.en_GB.md", "x.pt-BR.md", "x.sr-Latn-RS.md",
    "img/logo.png", "img/logo.fr.png", "img/.fr.png", "assets/a.fr", "assets/kakehashi.css", "feed.fr.xml",
    "guides/FOOREADME.fr.md", "guides/README/x.md",
]


def original_create_i18n_file():
    """mkdocs-static-i18n's function, from its own module file (the hook replaces it in the module)."""
    spec = importlib.util.spec_from_file_location("original_suffix", Path(mkdocs_static_i18n.__file__).parent / "suffix.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.create_i18n_file


def described(file: File) -> dict:
    """Every attribute of an i18n file, with its alternates by URL (they include the file itself)."""
    attributes = dict(vars(file))
    attributes["alternates"] = {code: (other is file, other.url) for code, other in attributes["alternates"].items()}
    return attributes


def test_the_pinned_static_i18n_is_the_one_the_hook_copies():
    assert mkdocs_static_i18n.version == "1.3.1"  # a new version: compare its create_i18n_file with the hook's


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_every_file_gets_the_same_i18n_copy(tmp_path, use_directory_urls):
    hook, original = i18n_files, original_create_i18n_file()
    config = SimpleNamespace(docs_dir=str(tmp_path / "docs"), site_dir=str(tmp_path / "site"), use_directory_urls=use_directory_urls)
    portal = [path.relative_to(ROOT / "docs").as_posix() for path in (ROOT / "docs").rglob("*") if path.is_file()]
    compared = 0
    for name in NAMES + portal:
        file = File(name, config.docs_dir, config.site_dir, use_directory_urls)
        for current in ("en", "fr", "ja"):
            expected = original(file, current, "en", ["en", "fr", "ja"], config)
            made = hook.create_i18n_file(file, current, "en", ["en", "fr", "ja"], config)
            assert described(made) == described(expected), (name, current)
            again = hook.create_i18n_file(expected, "fr", "en", ["en", "fr", "ja"], config)  # an i18n file given back
            assert described(again) == described(original(expected, "fr", "en", ["en", "fr", "ja"], config)), (name, current)
            compared += 1
    assert compared > 300
