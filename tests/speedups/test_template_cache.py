"""The template_cache speed-up: a new Jinja environment (a new build, a live reload) reuses the templates
compiled in this process, and compiles a template again once its source changed."""

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


def build_env(folder):
    """A build's environment, as MkDocs makes one for every build, with the speed-up installed."""
    env = CountingEnvironment(loader=FileSystemLoader(folder))
    template_cache.install(env)
    return env


def test_a_new_build_reuses_compiled_templates_until_the_source_changes(tmp_path):
    template = tmp_path / "page.html"
    template.write_text("<p>{{ greeting }}, {{ name }}</p>", encoding="utf-8")

    first = build_env(tmp_path)
    assert first.get_template("page.html").render(greeting="Hello", name="Lyon") == "<p>Hello, Lyon</p>"
    assert first.compiled == ["page.html"]

    second = build_env(tmp_path)
    assert second.get_template("page.html").render(greeting="こんにちは", name="大阪") == "<p>こんにちは, 大阪</p>"
    assert second.compiled == []

    template.write_text("<p>{{ greeting }} — {{ name }}</p>", encoding="utf-8")
    third = build_env(tmp_path)
    assert third.get_template("page.html").render(greeting="Bonjour", name="Lyon") == "<p>Bonjour — Lyon</p>"
    assert third.compiled == ["page.html"]
