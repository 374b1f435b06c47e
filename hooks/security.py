"""MkDocs hook: a Content-Security-Policy in every page, then the audit of the whole built site.

Each page (and each language's 404 page) of a build gets its policy with the hashes of its own inline scripts
(``kakehashi.csp``). Once every language is in the site folder, every HTML page is audited
(``kakehashi.site_audit``); each problem is a warning naming the page and the element, so that
``--strict`` fails.
"""

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority, get_plugin_logger

from kakehashi.build.csp import with_policy
from kakehashi.build.roles import finishing_build, serving
from kakehashi.build.site_audit import audit_site

log = get_plugin_logger(__name__)


# After the other hooks changed the page (the hashes are of the final HTML).
# Not under ``mkdocs serve``: its live-reload script, inserted in every page it serves, changes with each
# response and could not be hashed (`make preview` serves the build with its policy).
@event_priority(-100)
def on_post_page(output, page, config):
    return output if serving() else with_policy(output)


# Before hooks/seo.py writes each language's 404 page from this output.
@event_priority(50)
def on_post_template(output, template_name, config):
    return with_policy(output) if template_name.endswith(".html") and not serving() else output


# After the language workers are collected (-90) and the sitemap is written (-110).
@event_priority(-120)
def on_post_build(config):
    if serving() or not finishing_build(getattr(config.plugins["i18n"], "building", False)):
        return
    hosts = {urlsplit(config.site_url or "").hostname}
    pages, problems = audit_site(Path(config.site_dir), config.theme.dirs, hosts)
    for problem in problems:
        log.warning(problem.as_text())
    log.info(f"site audit: {pages} pages, {len(problems)} problem(s)")
