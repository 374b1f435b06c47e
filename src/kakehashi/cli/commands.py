"""The ``kakehashi`` command: check, status, pin and fix translations of the portal; scaffold new pages.

Exit codes: 0 clean, 1 findings at error severity, 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kakehashi.checks.findings import FORMATTERS, Severity
from kakehashi.cli.progress import StatusLine
from kakehashi.languages import profile


def _site(args):
    from kakehashi.site_config import find_mkdocs_yml, load_site_config
    return load_site_config(Path(args.config) if args.config else find_mkdocs_yml())


def cmd_check(args) -> int:
    from kakehashi.checks.engine import run_checks
    site = _site(args)
    paths = [Path(p) for p in args.paths] or None
    if paths:
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            print(f"kakehashi check: no such file: {', '.join(missing)}", file=sys.stderr)
            return 2
    if args.lang and args.lang not in site.codes:
        print(f"kakehashi check: unknown language '{args.lang}' (the portal has {', '.join(site.codes)})", file=sys.stderr)
        return 2
    status = StatusLine()
    status.say("kakehashi check: reading pages…")
    result = run_checks(site, paths, args.lang)
    status.close()
    shown = [f for f in result.findings if args.verbose or f.severity is not Severity.INFO]
    output = FORMATTERS[args.format](shown)
    if output:
        print(output)
    return 1 if result.errors else 0


def cmd_status(args) -> int:
    import gettext

    from kakehashi.content.freshness import overdue_guides
    from kakehashi.content.groups import load_pageset
    from kakehashi.content.status import as_json, as_markdown, as_text, overdue_markdown, status_table
    from kakehashi.data.events import build_time
    site = _site(args)
    groups = load_pageset(site)
    table = status_table(groups, site)
    overdue = overdue_guides(groups, build_time().date())
    if args.format == "markdown":
        english = site.default_language
        print(as_markdown(table, site.codes) + "\n\n" + overdue_markdown(overdue, english.code, english.formatting_locale,
                                                                        gettext.NullTranslations().gettext))
    else:
        print({"text": as_text, "json": as_json}[args.format](table, site.codes, overdue))
    return 0


def cmd_pin(args) -> int:
    from kakehashi.checks.fixer import write_atomically
    from kakehashi.content.groups import load_pageset
    from kakehashi.content.paths import split_variant
    from kakehashi.content.pins import PinError, pin_text
    site = _site(args)
    status = 0
    for name in args.paths:
        path = Path(name)
        if not path.is_file() or not path.resolve().is_relative_to(site.docs_dir.resolve()):
            print(f"{name}: not a page under {site.docs_dir}", file=sys.stderr)
            status = 2
            continue
        stem, _ = split_variant(path.resolve().relative_to(site.docs_dir.resolve()).as_posix(), site.codes, site.default_language.code)
        group = next(g for g in load_pageset(site, [path]) if g.stem == stem)
        source = group.source
        if source is None:
            print(f"{name}: its page has no single source variant (run `kakehashi check {name}`)", file=sys.stderr)
            status = 2
            continue
        if source.rel == path.resolve().relative_to(site.docs_dir.resolve()).as_posix():
            print(f"{name}: this is the source page; pin its translations instead", file=sys.stderr)
            status = 2
            continue
        try:
            text = path.read_text(encoding="utf-8")
            new = pin_text(text, source.blob)
        except (PinError, UnicodeDecodeError) as error:
            print(f"{name}: {error}", file=sys.stderr)
            status = 2
            continue
        if new != text:
            write_atomically(path, new)
        print(f"{name}: pinned to {source.display} @ {source.blob[:10]}")
        if "state: stub" in new.split("\n---", 1)[0]:
            print(f"{name}: still marked 'state: stub'; remove that line once it is translated")
    return status


def cmd_fix(args) -> int:
    from kakehashi.checks.fixer import fixed_text, write_atomically
    from kakehashi.content.paths import split_variant
    site = _site(args)
    paths = [Path(p) for p in args.paths] or sorted(site.docs_dir.rglob("*.md"))
    changed = 0
    for path in paths:
        if not path.resolve().is_relative_to(site.docs_dir.resolve()) or path.suffix != ".md":
            continue
        _, language = split_variant(path.resolve().relative_to(site.docs_dir.resolve()).as_posix(), site.codes, site.default_language.code)
        if profile(language).typography is None:
            continue
        text = fixed_text(path, language)
        if text is not None:
            write_atomically(path, text)
            changed += 1
            print(f"fixed {path}")
    print(f"{changed} file(s) changed")
    return 0


def cmd_new_guide(args) -> int:
    from kakehashi.cli.scaffold import (
        PageExistsError,
        ScaffoldError,
        existing_variants,
        new_guide_request,
        plan_guide,
        write_new_files,
    )
    site = _site(args)
    root = site.root.resolve()
    try:
        request = new_guide_request(site, args.slug, args.lang, args.category, args.jurisdiction, args.audience, args.stubs)
        files = plan_guide(site, request)
        write_new_files(files, existing_variants(site, request.slug))
    except PageExistsError as error:
        shown = ", ".join(str(p.resolve().relative_to(root)) for p in error.paths)
        print(f"kakehashi new guide: this page exists already ({shown}). Nothing was written: `kakehashi new` never overwrites.\n"
              "Choose another slug, or edit the existing page (to translate it, see docs/contribute/translate.md).", file=sys.stderr)
        return 2
    except ScaffoldError as error:
        print(f"kakehashi new guide: {error}", file=sys.stderr)
        return 2
    for file in files:
        print(f"created {file.path.resolve().relative_to(root)} ({file.role}, {file.language})")
    for option in request.defaulted:
        value = getattr(request, option)
        shown = " ".join(value) if isinstance(value, tuple) else value
        print(f"  {option}: {shown} (default; change it in the front matter, or use --{option})")
    source = files[0].path.resolve().relative_to(root)
    print(f"next: replace every TODO in {source}, then run `kakehashi check {source}`")
    return 0


def cmd_new_data(args) -> int:
    from kakehashi.cli.scaffold import PageExistsError, ScaffoldError, plan_data, write_new_files
    site = _site(args)
    root = site.root.resolve()
    try:
        file = plan_data(site, args.kind, args.id, getattr(args, "type", None) or getattr(args, "event_kind", None))
        write_new_files([file], [file.path] if file.path.exists() else [])
    except PageExistsError as error:
        shown = ", ".join(str(p.resolve().relative_to(root)) for p in error.paths)
        print(f"kakehashi new {args.kind}: {shown} exists already. Nothing was written: `kakehashi new` never overwrites.", file=sys.stderr)
        return 2
    except ScaffoldError as error:
        print(f"kakehashi new {args.kind}: {error}", file=sys.stderr)
        return 2
    shown = file.path.resolve().relative_to(root)
    print(f"created {shown}")
    print(f"next: replace every TODO in {shown}, then run `kakehashi check` and `make serve`")
    return 0


def cmd_new_language(args) -> int:
    from kakehashi.cli.new_language import LanguageError, add_language, check_request
    from kakehashi.site_config import find_mkdocs_yml, load_site_config
    mkdocs_yml = Path(args.config) if args.config else find_mkdocs_yml()
    site = load_site_config(mkdocs_yml)
    try:
        written = add_language(site, mkdocs_yml, check_request(site, args.code, args.name))
    except LanguageError as error:
        print(f"kakehashi new language: {error}. Nothing was written.", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path.resolve().relative_to(site.root.resolve())}")
    print(f"next: `make build` publishes /{args.code}/ (pages in the default language, with a banner, until translated);\n"
          f"translate locales/{args.code}/LC_MESSAGES/messages.po and the pages (`kakehashi new guide … --stubs`), "
          f"then take '{args.code}' off extra.kakehashi.languages_in_progress in mkdocs.yml")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kakehashi", description=__doc__.splitlines()[0])
    parser.add_argument("--config", help="path to mkdocs.yml (default: the nearest one)")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="check pages, translations and data; exit 1 on errors")
    check.add_argument("paths", nargs="*", help="files to check with their language siblings (default: everything)")
    check.add_argument("--format", choices=sorted(FORMATTERS), default="text")
    check.add_argument("--lang", help="only findings in pages of this language")
    check.add_argument("-v", "--verbose", action="store_true", help="also show info findings (missing translations)")
    check.set_defaults(run=cmd_check)

    status = commands.add_parser("status", help="translation status per page and language, and the guides due for review")
    status.add_argument("--format", choices=["text", "json", "markdown"], default="text")
    status.set_defaults(run=cmd_status)

    pin = commands.add_parser("pin", help="record the current source in a translation's pin after re-translating")
    pin.add_argument("paths", nargs="+")
    pin.set_defaults(run=cmd_pin)

    fix = commands.add_parser("fix", help="apply the safe typography fixes (French spaces, Japanese punctuation)")
    fix.add_argument("paths", nargs="*")
    fix.set_defaults(run=cmd_fix)

    new = commands.add_parser("new", help="create a new page from the portal's template (never overwrites)")
    kinds = new.add_subparsers(dest="kind", required=True)
    guide = kinds.add_parser("guide", help="docs/guides/SLUG.md with valid front matter and an outline; optional translation stubs")
    guide.add_argument("slug", help="lowercase-hyphen name of the page, e.g. jp-clinical-trials")
    guide.add_argument("--lang", required=True, help="language you write the guide in (its source language)")
    guide.add_argument("--category", help="one of the guide schema's categories (default: regulation)")
    guide.add_argument("--jurisdiction", help="JP, EU, FR or EU-JP (default: from the slug's prefix, else EU-JP)")
    guide.add_argument("--audience", nargs="+", help="eu-sme and/or jp-sme (default: readers entering the other region)")
    guide.add_argument("--stubs", action="store_true", help="also create pinned translation stubs in the other languages")
    guide.set_defaults(run=cmd_new_guide)
    event = kinds.add_parser("event", help="data/events/ID.yaml from the event template (valid against its schema)")
    event.add_argument("id", help="lowercase-hyphen id, also the file name, e.g. biojapan-2027")
    event.add_argument("--kind", dest="event_kind", help="one of the event schema's kinds (default: trade-fair)")
    event.set_defaults(run=cmd_new_data)
    partner = kinds.add_parser("partner", help="data/partners/ID.yaml from the profile template (valid against its schema)")
    partner.add_argument("id", help="lowercase-hyphen id, also the file name, e.g. acme-medtech")
    partner.add_argument("--type", help="one of the partner schema's types (default: sme)")
    partner.set_defaults(run=cmd_new_data)
    language = kinds.add_parser("language", help="add a language to the portal: mkdocs.yml and its UI catalog")
    language.add_argument("code", help="ISO 639 code, e.g. de")
    language.add_argument("--name", required=True, help="the language's name in that language, e.g. Deutsch")
    language.set_defaults(run=cmd_new_language)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except (FileNotFoundError, ValueError) as error:
        print(f"kakehashi {args.command}: {error}", file=sys.stderr)
        return 2

