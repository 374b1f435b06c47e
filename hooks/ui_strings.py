"""MkDocs hook: gettext UI strings and localized dates in the templates of the language being built."""

from pathlib import Path

from mkdocs.exceptions import PluginError

from kakehashi.render.ui_text import long_date, translations
from kakehashi.site_config import load_site_config


def on_env(env, config, files):
    """Install the current language's catalog (``_()``, ``{% trans %}``) and a ``long_date`` filter."""
    code = config.theme["language"]
    site = load_site_config(Path(config.config_file_path))
    try:
        catalog = translations(site.root / "locales", code)
    except FileNotFoundError as error:
        raise PluginError(str(error)) from None
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(catalog, newstyle=True)
    locale = site.language(code).formatting_locale
    env.filters["long_date"] = lambda value: long_date(value, locale)
    return env
