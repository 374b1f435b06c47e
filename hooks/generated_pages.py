"""MkDocs hook: fill the ``<!-- kakehashi:NAME -->`` markers of generated pages (``kakehashi.render.generated``).

Markdown markers before conversion, HTML markers after. Under ``make serve``, the pages made from data
files are rebuilt on every reload.
"""

from mkdocs.plugins import event_priority

from kakehashi.build.language_build import language_build
from kakehashi.build.portal import current_portal
from kakehashi.build.roles import serving
from kakehashi.data.events import build_time
from kakehashi.render.generated import HTML, MARKDOWN, Inputs, fill, from_data

_inputs = {}  # language being built -> its renderers' inputs


def on_pre_build(config):
    """New inputs for this language's build (each part is loaded when a page first needs it)."""
    build = language_build(config.config_file_path, config.theme["language"])
    _inputs[build.code] = Inputs(build, build_time())


# After mkdocs-static-i18n's on_files (-100), which replaces every file with its copy for the language.
@event_priority(-110)
def on_files(files, config):
    """Under ``make serve`` (``mkdocs serve --dirty``), a page made from data files is rebuilt on every
    reload, even if its own file did not change: the data may have. (The guide list and translation
    status follow the pages and, like MkDocs' navigation, stay as they were: rebuilding them on every
    reload made an edit take noticeably longer to show.)"""
    if serving():
        generated = current_portal(_inputs[config.theme["language"]].build.site).pages_with_markers(from_data())
        for file in files.documentation_pages():
            if file.src_uri in generated:
                file.is_modified = lambda: True
    return files


def on_page_markdown(markdown, page, config, files):
    return fill(markdown, MARKDOWN, _inputs[config.theme["language"]])


def on_page_content(html, page, config, files):
    return fill(html, HTML, _inputs[config.theme["language"]])
