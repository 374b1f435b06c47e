"""The template_cache speed-up: a new Jinja environment (a new build, a live reload, another process)
reuses the templates compiled already, and compiles a template again once its source changed."""

from jinja2 import Environment, FileSystemLoader

from kakehashi_speedups import template_cache


class CountingEnvironment(Environment):
    """Counts the templates it compiles from source."""

    def __init__(self, **options):
        super().__init__(**options)
        self.compiled = []

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):
        self.compiled.append(name)
        return super().compile(source, name, filename, raw, defer_init)


def build_env(folder, cache):
    """A build's environment, as MkDocs makes one for every build, with the speed-up installed."""
    env = CountingEnvironment(loader=FileSystemLoader(folder))
    template_cache.install(env, str(cache))
    return env


def test_a_new_build_reuses_compiled_templates_until_the_source_changes(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    template = tmp_path / "page.html"
    template.write_text("<p>{{ greeting }}, {{ name }}</p>", encoding="utf-8")

    first = build_env(tmp_path, cache)
    assert first.get_template("page.html").render(greeting="Hello", name="Lyon") == "<p>Hello, Lyon</p>"
    assert first.compiled == ["page.html"]

    second = build_env(tmp_path, cache)
    assert second.get_template("page.html").render(greeting="こんにちは", name="大阪") == "<p>こんにちは, 大阪</p>"
    assert second.compiled == []

    template.write_text("<p>{{ greeting }} — {{ name }}</p>", encoding="utf-8")
    third = build_env(tmp_path, cache)
    assert third.get_template("page.html").render(greeting="Bonjour", name="Lyon") == "<p>Bonjour — Lyon</p>"
    assert third.compiled == ["page.html"]


def test_another_process_reuses_the_templates_compiled_by_a_first_one(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    cache.mkdir()
    (tmp_path / "page.html").write_text("<p>{{ name }}</p>", encoding="utf-8")
    first = build_env(tmp_path, cache)
    assert first.get_template("page.html").render(name="Osaka") == "<p>Osaka</p>"
    assert first.compiled == ["page.html"] and list(cache.iterdir())

    monkeypatch.setattr(template_cache, "_compiled", type(template_cache._compiled)())  # a new process
    second = build_env(tmp_path, cache)
    assert second.get_template("page.html").render(name="Lyon") == "<p>Lyon</p>"
    assert second.compiled == []

    for copy in cache.iterdir():  # a copy that is not valid bytecode is compiled anew, not trusted
        copy.write_bytes(b"not bytecode")
    monkeypatch.setattr(template_cache, "_compiled", type(template_cache._compiled)())
    third = build_env(tmp_path, cache)
    assert third.get_template("page.html").render(name="Paris") == "<p>Paris</p>"
    assert third.compiled == ["page.html"]
