"""MkDocs hook: a Content-Security-Policy in every page, and the audit of every page of the built site.

Each page (and each language's 404 page) of a build gets its policy with the hashes of its own inline scripts
(``kakehashi.build.csp``), and each page is audited as it is built, on the same parse
(``kakehashi.build.site_audit``). Once every language is in the site folder, every HTML file that is not
as it was audited is audited too. Each problem is a warning naming the page and the element, so that
``--strict`` fails.
"""

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority, get_plugin_logger

from kakehashi.build import page_tree
from kakehashi.build.csp import with_policy
from kakehashi.build.language_build import language_build
from kakehashi.build.roles import finishing_build, serving, worker_language
from kakehashi.build.site_audit import BuildAudit

log = get_plugin_logger(__name__)
_audit: BuildAudit | None = None  # of the build this process runs (static-i18n's nested language builds included)


def on_config(config):
    global _audit
    _audit = BuildAudit(config.theme.dirs, {urlsplit(config.site_url or "").hostname})


# After the other hooks changed the page (the hashes are of the final HTML).
# Not under ``mkdocs serve``: its live-reload script, inserted in every page it serves, changes with each
# response and could not be hashed (`make preview` serves the build with its policy).
@event_priority(-100)
def on_post_page(output, page, config):
    if serving():
        return output
    secured, problems = _audit.secure_page(output, page.file.dest_uri)
    for problem in problems:
        log.warning(problem.as_text())
    page_tree.keep(secured.html, secured.tree)  # for the search copy (hooks/search.py)
    return secured.html


# Before hooks/seo.py writes each language's 404 page from this output.
@event_priority(50)
def on_post_template(output, template_name, config):
    return with_policy(output) if template_name.endswith(".html") and not serving() else output


# After the language workers are collected (-90) and the sitemap is written (-110).
@event_priority(-120)
def on_post_build(config):
    if serving():
        return
    site = language_build(config.config_file_path, config.theme["language"]).site
    if worker_language():
        _audit.hand_over(Path(config.site_dir) / site.language(worker_language()).url_prefix)
        return
    if not finishing_build(getattr(config.plugins["i18n"], "building", False)):
        return
    language_dirs = [Path(config.site_dir) / language.url_prefix for language in site.languages if not language.default]
    pages, problems = _audit.finish(Path(config.site_dir), language_dirs)
    for problem in problems:
        log.warning(problem.as_text())
    log.info(f"site audit: {pages} pages, {len(problems)} problem(s)")
