"""``kakehashi new guide``: a new guide that already passes the schema, and pinned translation stubs.

The allowed values of category, jurisdiction and audience are read from ``data/schemas/guide.schema.json``
and the languages from ``mkdocs.yml``, so the scaffold never disagrees with the checker. What the
contributor has to write is marked ``TODO``; rule N001 keeps a page with a ``TODO`` left from being
published. Nothing is ever overwritten: every target is checked before the first file is written.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from kakehashi.content.pins import blob_id
from kakehashi.languages import profile
from kakehashi.site_config import SiteConfig

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_SLUG = 80
SECTIONS = ("overview", "who-it-applies-to", "steps", "costs-and-timelines", "who-to-contact", "pitfalls")  # the house style

PLACEHOLDER_URL = "https://example.org/TODO-primary-source"


class ScaffoldError(Exception):
    """The request cannot be carried out; the message says why and what to do instead."""


class PageExistsError(ScaffoldError):
    """A file of the new page is already there; nothing was written."""

    def __init__(self, paths: list[Path]):
        super().__init__("already exists: " + ", ".join(str(p) for p in paths))
        self.paths = paths


@dataclass(frozen=True)
class GuideChoices:
    """The allowed values of the guide schema's enumerations."""

    categories: tuple[str, ...]
    jurisdictions: tuple[str, ...]
    audiences: tuple[str, ...]


def guide_choices(site: SiteConfig) -> GuideChoices:
    """Enumerations of ``data/schemas/guide.schema.json`` (the single source of truth)."""
    path = site.root / "data" / "schemas" / "guide.schema.json"
    try:
        properties = json.loads(path.read_text(encoding="utf-8"))["properties"]
        return GuideChoices(
            tuple(properties["category"]["enum"]),
            tuple(properties["jurisdiction"]["enum"]),
            tuple(properties["audience"]["items"]["enum"]),
        )
    except (OSError, ValueError, KeyError) as error:
        raise ScaffoldError(f"cannot read the allowed values from {path}: {error}") from error


def _default_jurisdiction(slug: str, allowed: tuple[str, ...]) -> str:
    """``jp-…`` → JP, ``eu-…`` → EU, ``fr-…`` → FR (the portal's slug convention), else EU-JP."""
    prefix = slug.split("-", 1)[0].upper()
    if prefix in allowed:
        return prefix
    return "EU-JP" if "EU-JP" in allowed else allowed[0]


def _default_audience(jurisdiction: str, allowed: tuple[str, ...]) -> list[str]:
    """Readers entering the other region: a Japanese topic is for EU SMEs, a European one for JP SMEs."""
    wanted = {"JP": ["eu-sme"], "EU": ["jp-sme"], "FR": ["jp-sme"]}.get(jurisdiction, list(allowed))
    return [a for a in wanted if a in allowed] or list(allowed[:1])


@dataclass(frozen=True)
class NewGuide:
    """A validated request for a new guide."""

    slug: str
    language: str
    category: str
    jurisdiction: str
    audience: tuple[str, ...]
    stubs: bool
    today: date
    defaulted: tuple[str, ...]  # the options that were not given


def new_guide_request(site: SiteConfig, slug: str, language: str, category: str | None = None,
                      jurisdiction: str | None = None, audience: list[str] | None = None,
                      stubs: bool = False, today: date | None = None) -> NewGuide:
    """Check every option against the schema and the portal's languages; fill in the defaults."""
    choices = guide_choices(site)
    if not SLUG.match(slug) or len(slug) > MAX_SLUG:
        raise ScaffoldError(f"'{slug}' is not a valid slug: use lowercase letters, digits and single hyphens "
                            f"(at most {MAX_SLUG} characters), e.g. jp-clinical-trials")
    if slug == "index":
        raise ScaffoldError("'index' is the Guides section page, not a guide: choose another slug")
    if language not in site.codes:
        raise ScaffoldError(f"unknown language '{language}': the portal has {', '.join(site.codes)}")
    defaulted = []
    if category is None:
        category = "regulation" if "regulation" in choices.categories else choices.categories[0]
        defaulted.append("category")
    if category not in choices.categories:
        raise ScaffoldError(f"unknown category '{category}': choose one of {', '.join(choices.categories)}")
    if jurisdiction is None:
        jurisdiction = _default_jurisdiction(slug, choices.jurisdictions)
        defaulted.append("jurisdiction")
    if jurisdiction not in choices.jurisdictions:
        raise ScaffoldError(f"unknown jurisdiction '{jurisdiction}': choose one of {', '.join(choices.jurisdictions)}")
    if audience:
        audience = [a for item in audience for a in item.split(",") if a]
        unknown = [a for a in audience if a not in choices.audiences]
        if unknown:
            raise ScaffoldError(f"unknown audience {', '.join(unknown)}: choose from {', '.join(choices.audiences)}")
        audience = list(dict.fromkeys(audience))
    else:
        audience = _default_audience(jurisdiction, choices.audiences)
        defaulted.append("audience")
    return NewGuide(slug, language, category, jurisdiction, tuple(audience), stubs, today or date.today(), tuple(defaulted))


def _texts(language: str) -> dict:
    return profile(language).scaffold


def _scalar(value: str) -> str:
    """A YAML scalar on one line, quoted only when YAML needs it."""
    return yaml.safe_dump(value, allow_unicode=True, width=10_000, default_flow_style=True).removesuffix("\n...\n").strip()


def front_matter(request: NewGuide, language: str, choices: GuideChoices, translation: dict | None = None) -> str:
    """The front matter of one language variant, with a short comment on each field."""
    texts = _texts(language)
    notes = texts["comments"]
    lines = [
        "---",
        f"title: {_scalar(texts['title'])}",
        f"description: {_scalar(texts['description'])}",
        f"category: {request.category}  # {notes['category'].format(values=', '.join(choices.categories))}",
        f"jurisdiction: {request.jurisdiction}  # {notes['jurisdiction'].format(values=', '.join(choices.jurisdictions))}",
        f"audience: [{', '.join(request.audience)}]  # {notes['audience'].format(values=', '.join(choices.audiences))}",
        f"last_verified: {request.today.isoformat()}  # {notes['last_verified']}",
        f"changes:  # {notes['changes']}",
        f"  - date: {request.today.isoformat()}",
        f"    summary: {_scalar(texts['first_change'])}",
        f"sources:  # {notes['sources']}",
        f"  - title: {_scalar(texts['source'])}",
        f"    url: {PLACEHOLDER_URL}",
        f"tags: []  # {notes['tags']}",
    ]
    if translation:
        lines += ["translation:", f"  from: {translation['from']}", f"  source_hash: {translation['source_hash']}"]
        if translation.get("state"):
            lines.append(f"  state: {translation['state']}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def outline(language: str) -> str:
    """The body: the usual sections with their explicit anchors, each with a hint to replace."""
    sections = _texts(language)["sections"]
    parts = []
    for anchor in SECTIONS:
        heading, hint = sections[anchor]
        parts.append(f"## {heading} {{#{anchor}}}\n\n{hint}\n")
    return "\n" + "\n".join(parts)


def guide_path(site: SiteConfig, slug: str, language: str) -> Path:
    """``docs/guides/SLUG.md`` for the default language, ``docs/guides/SLUG.xx.md`` otherwise."""
    suffix = "" if language == site.default_language.code else f".{language}"
    return site.docs_dir / "guides" / f"{slug}{suffix}.md"


@dataclass(frozen=True)
class NewFile:
    path: Path
    role: str  # "source" or "stub"
    language: str
    text: str


def plan_guide(site: SiteConfig, request: NewGuide) -> list[NewFile]:
    """The source page and, with stubs, one stub per other language pinned to that source."""
    choices = guide_choices(site)
    source = front_matter(request, request.language, choices) + outline(request.language)
    files = [NewFile(guide_path(site, request.slug, request.language), "source", request.language, source)]
    if request.stubs:
        pin = {"from": request.language, "source_hash": blob_id(source.encode("utf-8")), "state": "stub"}
        files += [
            NewFile(guide_path(site, request.slug, code), "stub", code, front_matter(request, code, choices, pin) + outline(code))
            for code in site.codes if code != request.language
        ]
    for file in files:
        _check_schema(site, file)
    return files


def _check_schema(site: SiteConfig, file: NewFile) -> None:
    """The scaffold's promise: every new file passes the guide schema as it is written."""
    from kakehashi.content.documents import parse_document
    from kakehashi.data.schemas import jsonable, validator

    doc, _ = parse_document(file.text, str(file.path))
    errors = [e.message for e in validator(site.root / "data" / "schemas", "guide", formats=True).iter_errors(jsonable(doc.meta))]
    if errors:
        raise ScaffoldError(f"the guide template no longer matches data/schemas/guide.schema.json ({'; '.join(errors)}): "
                            "update kakehashi/scaffold.py")


def existing_variants(site: SiteConfig, slug: str) -> list[Path]:
    """Files of any language that already use this slug."""
    return [path for code in site.codes if (path := guide_path(site, slug, code)).exists()]


def write_new_files(files: list[NewFile], taken: list[Path]) -> None:
    """Create every file or none: refuse if any page of the slug exists; undo on a late collision."""
    if taken:
        raise PageExistsError(taken)
    written: list[Path] = []
    try:
        for file in files:
            file.path.parent.mkdir(parents=True, exist_ok=True)
            with open(file.path, "x", encoding="utf-8", newline="\n") as out:  # "x": fail rather than overwrite
                written.append(file.path)
                out.write(file.text)
    except FileExistsError as error:  # created by someone else between the check and now
        for path in written:
            path.unlink(missing_ok=True)
        raise PageExistsError([Path(error.filename)]) from error
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise


# Events and partner profiles: one YAML file each in data/events/ and data/partners/ (data/schemas/*).
DATA_KINDS = {"event": ("events", "event"), "partner": ("partners", "partner")}


def data_path(site: SiteConfig, kind: str, ident: str) -> Path:
    return site.root / "data" / DATA_KINDS[kind][0] / f"{ident}.yaml"


def _data_schema(site: SiteConfig, kind: str) -> dict:
    path = site.root / "data" / "schemas" / f"{DATA_KINDS[kind][1]}.schema.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ScaffoldError(f"cannot read {path}: {error}") from error


def _vocabulary(site: SiteConfig) -> dict:
    try:
        return yaml.safe_load((site.root / "data" / "vocabulary.yaml").read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise ScaffoldError(f"cannot read data/vocabulary.yaml: {error}") from error


def _check_ident(ident: str) -> None:
    if not SLUG.match(ident) or len(ident) > MAX_SLUG:
        raise ScaffoldError(f"'{ident}' is not a valid id: use lowercase letters, digits and single hyphens "
                            f"(at most {MAX_SLUG} characters), e.g. biojapan-2027")


def _choice(value: str | None, allowed: list[str], what: str, default: str) -> str:
    value = value or default
    if value not in allowed:
        raise ScaffoldError(f"unknown {what} '{value}': choose one of {', '.join(allowed)}")
    return value


def event_text(site: SiteConfig, ident: str, kind: str | None = None, today: date | None = None) -> str:
    """A new event file: valid against event.schema.json, with ``TODO`` where facts are needed."""
    _check_ident(ident)
    properties = _data_schema(site, "event")["properties"]
    kind = _choice(kind, properties["kind"]["enum"], "kind", properties["kind"]["enum"][0])
    day = (today or date.today()).isoformat()
    return "\n".join([
        "# A new event of the calendar. Replace every TODO (and remove the TODO comments), then run",
        "# `make serve` and look at the Events page. Fields and allowed values: data/schemas/event.schema.json.",
        f"id: {ident}  # the file name without .yaml",
        f"kind: {kind}  # one of: {', '.join(properties['kind']['enum'])}",
        f"organiser_side: eu-alliance  # TODO who organises or promotes it: {', '.join(properties['organiser_side']['enum'])}",
        "title:  # per language: en is required, fr and ja are optional",
        f"  en: {_scalar('TODO Name of the event')}",
        "summary:",
        f"  en: {_scalar('TODO One or two sentences: what the event is, and for whom.')}",
        "date_status: confirmed  # or to-be-announced, with expected: {year: 2027} instead of start and end",
        f"start: {day}  # TODO the first day, YYYY-MM-DD",
        f"end: {day}  # TODO the last day (the same date for a one-day event)",
        "timezone: Europe/Paris  # TODO the IANA time zone of the venue, such as Europe/Paris or Asia/Tokyo",
        "city:",
        f"  en: {_scalar('TODO City')}",
        "country: FR  # TODO the ISO 3166-1 code of the country, such as FR, DE or JP",
        "url: https://example.org/TODO-official-page",
        f"products: []  # TODO the product types it is for: {', '.join(properties['products']['items']['enum'])}",
        f"topics: []  # TODO the topics it covers: {', '.join(properties['topics']['items']['enum'])}",
        "sources:  # the official page of the event (primary source)",
        f"  - title: {_scalar('TODO Title of the official page')}",
        "    url: https://example.org/TODO-official-page",
        f"last_verified: {day}  # the day you checked the event against its sources",
        "",
    ])


def partner_text(site: SiteConfig, ident: str, kind: str | None = None, today: date | None = None) -> str:
    """A new partner profile: valid against partner.schema.json, terms listed from data/vocabulary.yaml."""
    _check_ident(ident)
    properties = _data_schema(site, "partner")["properties"]
    kind = _choice(kind, properties["type"]["enum"], "type", properties["type"]["enum"][0])
    vocabulary = _vocabulary(site)
    capabilities = ", ".join(vocabulary.get("capabilities") or {})
    sectors = ", ".join(vocabulary.get("sectors") or {})
    day = (today or date.today()).isoformat()
    return "\n".join([
        "# A new profile of the partner directory. Publish only public information about the organisation,",
        "# with its agreement. Replace every TODO (and remove the TODO comments), then run `make serve` and",
        "# look at the Partners page. Fields and allowed values: data/schemas/partner.schema.json.",
        f"id: {ident}  # the file name without .yaml",
        "name:",
        f"  native: {_scalar('TODO Name of the organisation in its own script')}",
        f"type: {kind}  # one of: {', '.join(properties['type']['enum'])}",
        "region: FR  # TODO an EU or EEA country code (FR, DE…) or a Japanese prefecture code (JP-27 for Osaka)",
        f"sectors: []  # TODO one or more of: {sectors}",
        f"offers: []  # TODO what it offers, from: {capabilities}",
        "seeks: []  # TODO what it seeks, from the same list",
        f"products: []  # TODO the product types it works with: {', '.join(properties['products']['items']['enum'])}",
        f"topics: []  # TODO the steps it helps with: {', '.join(properties['topics']['items']['enum'])}",
        "languages: [en]  # TODO the ISO 639 codes of its working languages, such as en, fr, ja",
        "website: https://example.org/TODO-website",
        "contact:  # a generic address (contact@…) or a contact page, never a person's",
        "  url: https://example.org/TODO-contact-page",
        "summary:  # in at least one of en, fr, ja (at most 600 characters each)",
        f"  en: {_scalar('TODO One or two sentences: what the organisation does and what it is looking for.')}",
        "sources:  # the organisation's own official pages (primary sources): the directory lists real organisations only",
        f"  - title: {_scalar('TODO Title of the official page')}",
        "    url: https://example.org/TODO-website",
        f"last_verified: {day}  # the day you checked the profile against its sources",
        "",
    ])


def plan_data(site: SiteConfig, kind: str, ident: str, option: str | None = None, today: date | None = None) -> NewFile:
    """The new data file, checked against its schema before anything is written."""
    from kakehashi.data.records import schema_findings
    from kakehashi.data.schemas import validator
    from kakehashi.data.yaml_loader import parse_yaml

    text = (event_text if kind == "event" else partner_text)(site, ident, option, today)
    path = data_path(site, kind, ident)
    check = validator(site.root / "data" / "schemas", DATA_KINDS[kind][1])
    if check is None:
        raise ScaffoldError(f"data/schemas/{DATA_KINDS[kind][1]}.schema.json is missing or not valid JSON")
    problems = schema_findings(parse_yaml(text), check, str(path))
    if problems:
        raise ScaffoldError(f"the {kind} template no longer matches its schema ({'; '.join(f.message for f in problems)}): "
                            "update kakehashi/scaffold.py")
    return NewFile(path, kind, "", text)
