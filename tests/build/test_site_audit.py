"""The Content-Security-Policy of the pages, the post-build audit of the whole site, fingerprints and the
production server's configuration (deploy/)."""

from __future__ import annotations

import base64
import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, build_site

from kakehashi.build.csp import header_policy, meta_policy, with_policy
from kakehashi.build.fingerprint import fingerprinted_name, is_fingerprinted
from kakehashi.build.site_audit import (
    INERT_ATTRIBUTES,
    URL_ATTRIBUTE_SET,
    BuildAudit,
    audit_page,
    audit_site,
    theme_script_patterns,
)
from kakehashi.build.web_server import NGINX, precompress, render_config

MATERIAL_TEMPLATES = Path(__import__("material").__file__).parent / "templates"
PATTERNS = theme_script_patterns([ROOT / "overrides", MATERIAL_TEMPLATES])
HOSTS = frozenset({"portal.example"})
PAGE = """<!doctype html><html><head><meta charset="utf-8">{head}</head><body>{body}
<script>var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))</script>
<script id="__config" type="application/json">{{"base": "."}}</script></body></html>"""


def page(body="", head=""):
    return with_policy(PAGE.format(body=body, head=head))


def test_policy_is_the_first_thing_in_the_head_and_hashes_the_inline_scripts():
    html = page('<table><tr><td style="text-align: right;">1</td></tr></table>')
    assert html.index('http-equiv="Content-Security-Policy"') < html.index("<script")
    policy = meta_policy(html)
    script = 'var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))'
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in policy
    assert "'unsafe-inline'" not in policy
    assert "'unsafe-hashes'" in policy.split("style-src")[1].split(";")[0]
    for directive in ("object-src 'none'", "base-uri 'self'", "form-action 'self'", "default-src 'self'"):
        assert directive in policy
    assert "frame-ancestors" not in policy  # ignored (and reported) in a <meta>
    assert with_policy(html).count("Content-Security-Policy") == 1
    assert "frame-ancestors 'none'" in header_policy([html])


def test_clean_page_passes_the_audit():
    assert audit_page(page("<p>Hello <a href='https://example.org'>there</a></p>"), "index.html", PATTERNS, HOSTS) == []


AUDIT_CASES = [
    ('<a href="#" onclick="alert(1)">x</a>', "", "inline event handler 'onclick'"),
    ('<a href="JavaScript:alert(1)">x</a>', "", "javascript: URL in 'href'"),
    ('<img src="https://tracker.example/p.gif" alt="">', "", "loaded from another host"),
    ('<img srcset="a.png 1x, //cdn.example/b.png 2x" alt="">', "", "loaded from another host"),
    ("", '<link rel="stylesheet" href="https://fonts.example/a.css">', "loaded from another host"),
    ("", '<script src="https://cdn.example/a.js"></script>', "loaded from another host"),
    ('<p style="background:url(https://cdn.example/x.png)">x</p>', "", "style loads"),
    ("", "<style>@import url('https://cdn.example/a.css');</style>", "stylesheet loads"),
    ("<script>alert(1)</script>", "", "inline script that is not one of the theme's"),
    ('<iframe src="https://video.example/"></iframe>', "", "a frame"),
    ('<object data="x.swf"></object>', "", "an object"),
    ("", '<base href="https://evil.example/">', "<base>"),
    ("", '<meta http-equiv="refresh" content="0;url=https://evil.example">', "refresh"),
    ('<form action="https://evil.example/post"></form>', "", "form posting to another host"),
    ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "", "javascript: URL"),
]


@pytest.mark.parametrize(("body", "head", "expected"), AUDIT_CASES)
def test_audit_names_page_and_element(body, head, expected):
    problems = audit_page(page(body, head), "fr/guides/x/index.html", PATTERNS, HOSTS)
    assert problems, body or head
    assert any(expected in p.message for p in problems), [p.as_text() for p in problems]
    assert all(p.as_text().startswith("fr/guides/x/index.html: <") for p in problems)


BAD_BODIES = [case[0] for case in AUDIT_CASES if case[0]]


@pytest.mark.parametrize("body", ["<p>Hello</p>", *BAD_BODIES])
def test_a_page_secured_as_it_is_built_gets_the_policy_and_findings_of_the_two_steps(body):
    """The build audits each page on the parse its policy needed: same page, same findings."""
    html = PAGE.format(body=body, head="")
    secured, problems = BuildAudit([ROOT / "overrides", MATERIAL_TEMPLATES], HOSTS).secure_page(html, "fr/x/index.html")
    assert secured.html == with_policy(html)
    assert problems == audit_page(with_policy(html), "fr/x/index.html", PATTERNS, HOSTS)


def test_the_end_audit_reads_again_only_pages_not_as_they_were_audited(tmp_path):
    """Pages audited as built are passed over while unchanged; a page rewritten afterwards, a file no
    page event wrote and a worker's pages without a record are audited; a worker's record is consumed."""
    templates = [ROOT / "overrides", MATERIAL_TEMPLATES]
    main, worker = BuildAudit(templates, HOSTS), BuildAudit(templates, HOSTS)
    (tmp_path / "fr").mkdir()
    for audit, name in ((main, "a.html"), (main, "b.html"), (worker, "fr/c.html"), (worker, "fr/d.html")):
        secured, problems = audit.secure_page(PAGE.format(body='<span onclick="x()">t</span>', head=""), name)
        assert [p.message for p in problems] == ["inline event handler 'onclick'"]
        (tmp_path / name).write_text(secured.html, encoding="utf-8")
    worker.hand_over(tmp_path / "fr")
    (tmp_path / "b.html").write_text((tmp_path / "b.html").read_text(encoding="utf-8") + "<!-- a later step -->", encoding="utf-8")
    (tmp_path / "e.html").write_text(PAGE.format(body="", head=""), encoding="utf-8")
    pages, problems = main.finish(tmp_path, [tmp_path / "fr"])
    assert pages == 5
    assert [(p.page, p.message) for p in problems] == [
        ("b.html", "inline event handler 'onclick'"), ("e.html", 'no <meta http-equiv="Content-Security-Policy">')]
    assert not (tmp_path / "fr" / BuildAudit.RECORD).exists()
    pages, problems = BuildAudit(templates, HOSTS).finish(tmp_path, [tmp_path / "fr"])  # no record: all read
    assert pages == 5 and len(problems) == 5


def test_page_without_policy_fails():
    problems = audit_page(PAGE.format(body="", head=""), "index.html", PATTERNS, HOSTS)
    assert [p.message for p in problems] == ['no <meta http-equiv="Content-Security-Policy">']


def test_attributes_passed_over_are_none_the_audit_reads():
    assert not [name for name in INERT_ATTRIBUTES if name.startswith("on") or name in URL_ATTRIBUTE_SET or name == "style"]
    assert not [name for name in URL_ATTRIBUTE_SET if name.startswith("data-")]  # data-* are passed over too
    problems = audit_page(page('<div data-src="https://cdn.example/x.js" data-x="javascript:y()" onclick="z()">t</div>'),
                          "index.html", PATTERNS, HOSTS)
    assert [p.message for p in problems] == ["inline event handler 'onclick'"]


def test_a_large_site_is_audited_by_several_processes_with_the_same_findings(tmp_path):
    for n in range(1200):
        (tmp_path / f"p{n:04}.html").write_text(page(f"<p>Page {n}</p>"), encoding="utf-8")
    (tmp_path / "p0007.html").write_text(page('<span class="kk-term" onmouseover="x()">t</span>'), encoding="utf-8")
    (tmp_path / "p1111.html").write_text(PAGE.format(body="", head=""), encoding="utf-8")
    one = audit_site(tmp_path, [ROOT / "overrides", MATERIAL_TEMPLATES], HOSTS, jobs=1)
    two = audit_site(tmp_path, [ROOT / "overrides", MATERIAL_TEMPLATES], HOSTS, jobs=2)
    assert one == two
    assert one[0] == 1200 and [(p.page, p.message) for p in one[1]] == [
        ("p0007.html", "inline event handler 'onmouseover'"), ("p1111.html", 'no <meta http-equiv="Content-Security-Policy">')]


def test_the_portal_own_host_is_not_another_host():
    assert audit_page(page('<img src="https://portal.example/assets/a.png" alt="">'), "index.html", PATTERNS, HOSTS) == []


def test_fingerprints():
    assert fingerprinted_name("assets/kakehashi.css", b"x") == "assets/kakehashi.2d711642.css"
    assert is_fingerprinted("assets/kakehashi.2d711642.css")
    assert is_fingerprinted("assets/javascripts/bundle.a5f9d56c.min.js")
    assert not is_fingerprinted("assets/kakehashi.css") and not is_fingerprinted("index.html")


def test_strict_build_fails_on_what_a_template_brings(project, tmp_path):
    """The net behind kakehashi check: a template (or data, or an extension) that adds a third-party
    script, an inline handler or an inline script fails the strict build, naming page and element."""
    furniture = project / "overrides" / "partials" / "kakehashi" / "furniture.html"
    furniture.write_text(furniture.read_text(encoding="utf-8") + """
<script src="https://cdn.example/track.js"></script><script>console.log("hi")</script><span onmouseover="alert(1)">x</span>
""", encoding="utf-8")
    result = build_site(project / "mkdocs.yml", tmp_path / "out")
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert "index.html: <script src=\"https://cdn.example/track.js\">: 'https://cdn.example/track.js' is loaded from another host" in log
    assert "fr/index.html: <script>console.log(\"hi\")…</script>: inline script that is not one of the theme's" in log
    assert "ja/guides/guide/index.html: <span onmouseover=\"alert(1)\">: inline event handler 'onmouseover'" in log
    assert "Traceback" not in log


def test_built_site_passes_the_audit_and_carries_its_policy(built_site):
    pages, problems = audit_site(built_site, [ROOT / "overrides", MATERIAL_TEMPLATES], {"127.0.0.1"})
    assert pages > 90 and problems == []
    for page_file in (built_site / "index.html", built_site / "ja" / "404.html", built_site / "fr" / "partners" / "index.html"):
        assert "script-src 'self' 'wasm-unsafe-eval' 'sha256-" in meta_policy(page_file.read_text(encoding="utf-8"))


def test_nginx_configuration_is_valid(built_site, tmp_path):
    if not Path(NGINX).exists():
        pytest.fail(f"{NGINX} is missing: `make test` installs Debian's nginx")
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    files, before, after = precompress(site)
    assert files > 50 and after < before / 2
    assert (site / "index.html.br").is_file() and (site / "index.html.gz").is_file()
    conf = render_config(site, tmp_path / "nginx", "127.0.0.1:8089")
    text = (tmp_path / "nginx" / "kakehashi-site.conf").read_text(encoding="utf-8")
    assert "location /fr/" in text and "error_page 404 /ja/404.html;" in text
    assert "frame-ancestors 'none'" in (tmp_path / "nginx" / "kakehashi-csp.conf").read_text(encoding="utf-8")
    result = subprocess.run([NGINX, "-t", "-p", str(conf.parent), "-c", str(conf), "-e", "stderr"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
