"""The synthetic benchmark corpus: trilingual, shaped like the real guides, and buildable."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import yaml
from conftest import ROOT

from kakehashi.bench.corpus import LANGUAGES, PREFIX, generate_corpus
from kakehashi.content.pins import blob_id

ANCHOR = re.compile(r"^(#+) .* \{#([a-z0-9-]+)\}$", re.M)


def _split(text):
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def _shape(body):
    return {
        "headings": ANCHOR.findall(body),
        "links": len(re.findall(r"\]\([^)]+\)", body)),
        "table_rows": len(re.findall(r"^\|", body, re.M)),
        "admonitions": re.findall(r'^!!! (\w+) "', body, re.M),
    }


def test_corpus_pages_are_trilingual_pinned_and_parallel(tmp_path):
    dest = generate_corpus(tmp_path / "corpus", 6, seed=1, project=ROOT)
    guides = dest / "docs" / "guides"
    for n in range(1, 7):
        files = {lang: guides / f"{PREFIX}{n:05d}{'' if lang == 'en' else '.' + lang}.md" for lang in LANGUAGES}
        pages = {lang: _split(path.read_text(encoding="utf-8")) for lang, path in files.items()}
        sources = [lang for lang, (meta, _) in pages.items() if "translation" not in meta]
        assert len(sources) == 1
        source = sources[0]
        source_blob = blob_id(files[source].read_bytes())
        shapes = {lang: _shape(body) for lang, (_, body) in pages.items()}
        for lang, (meta, body) in pages.items():
            assert {"title", "description", "category", "jurisdiction", "audience", "last_verified", "sources", "tags"} <= set(meta)
            assert meta["tags"] == pages[source][0]["tags"]
            assert [s["url"] for s in meta["sources"]] == [s["url"] for s in pages[source][0]["sources"]]
            assert not re.search(r"^# ", body, re.M), "no H1 in the body"
            assert shapes[lang]["headings"] == shapes[source]["headings"]
            assert shapes[lang]["links"] == shapes[source]["links"] and shapes[lang]["table_rows"] == shapes[source]["table_rows"]
            assert shapes[lang]["admonitions"] == shapes[source]["admonitions"] == ["warning"]
            if lang != source:
                assert meta["translation"] == {"from": source, "source_hash": source_blob}
        assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]{20,}", pages["ja"][1]), "real Japanese sentences"
        assert re.search(r"[éèàç]", pages["fr"][1])
        assert not re.search(r" [;:!?]", pages["fr"][1]), "French typography: no plain space before ; : ! ?"
    # The project's configuration comes along.
    for name in ("mkdocs.yml", "hooks", "overrides", "locales", "data", "docs/assets"):
        assert (dest / name).exists(), name


def test_corpus_builds_with_the_real_configuration(tmp_path):
    dest = generate_corpus(tmp_path / "corpus", 3, project=ROOT)
    site = tmp_path / "site"
    # Not --strict: the validator's opinions on generated prose are not this test's subject.
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--no-strict", "-q", "-f", str(dest / "mkdocs.yml"), "-d", str(site)],
        cwd=dest, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    for lang, prefix in (("en", ""), ("fr", "fr/"), ("ja", "ja/")):
        assert (site / prefix / "guides" / f"{PREFIX}00001" / "index.html").is_file()
        assert (site / "pagefind" / lang / "pagefind-entry.json").is_file()
