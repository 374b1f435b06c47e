"""MkDocs hook: gettext UI strings and localized dates in the templates of the language being built."""

from mkdocs.exceptions import PluginError

from kakehashi.build.language_build import language_build
from kakehashi.render.ui_text import long_date, translations


def on_env(env, config, files):
    """Install the current language's catalog (``_()``, ``{% trans %}``) and a ``long_date`` filter."""
    build = language_build(config.config_file_path, config.theme["language"])
    try:
        catalog = translations(build.site.root / "locales", build.code)
    except FileNotFoundError as error:
        raise PluginError(str(error)) from None
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(catalog, newstyle=True)
    env.filters["long_date"] = lambda value: long_date(value, build.locale)
    return env
