"""The partner directory: one YAML file per organisation in ``data/partners/``, a controlled vocabulary
(``data/vocabulary.yaml``) for sectors and for what organisations offer and seek, and the possible
matches between them, computed at build time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from babel import Locale, UnknownLocaleError

from kakehashi.checks.findings import Finding
from kakehashi.data.events import Source
from kakehashi.data.records import (
    Record,
    display_path,
    finding,
    is_placeholder_address,
    looks_personal,
    parse_date,
    read_folder,
    read_record,
)
from kakehashi.data.schemas import validator
from kakehashi.languages import profile


@dataclass(frozen=True)
class Vocabulary:
    capabilities: dict[str, dict[str, str]]
    sectors: dict[str, dict[str, str]]
    countries: frozenset[str]
    prefectures: dict[str, dict[str, str]]

    def region_label(self, code: str, language: str) -> str:
        """France / フランス; Osaka, Japan / 大阪府、日本."""
        territories = Locale.parse(language).territories
        if code in self.prefectures:
            names = self.prefectures[code]
            prefecture = names.get(language) or names["en"]
            return profile(language).list_separator.join((prefecture, territories["JP"]))
        return territories.get(code, code)


@dataclass(frozen=True)
class Partner:
    id: str
    native_name: str
    romanised_name: str | None
    type: str
    region: str
    sectors: tuple[str, ...]
    offers: tuple[str, ...]
    seeks: tuple[str, ...]
    languages: tuple[str, ...]
    website: str
    contact_email: str | None
    contact_url: str | None
    summary: dict[str, str]
    sources: tuple[Source, ...] = ()
    last_verified: date | None = None
    products: tuple[str, ...] = ()  # product types it works with (the guides' products)
    topics: tuple[str, ...] = ()  # steps it helps with (the guides' categories)

    def display_name(self, language: str) -> str:
        """The name readers of ``language`` read first: native if their language is written in its script
        (Japanese readers, a Japanese name), else romanised."""
        script = profile(language).script
        if self.romanised_name and not (script and script.search(self.native_name)):
            return self.romanised_name
        return self.native_name

    def other_name(self, language: str) -> str | None:
        if not self.romanised_name or self.romanised_name == self.native_name:
            return None
        return self.native_name if self.display_name(language) == self.romanised_name else self.romanised_name


@dataclass(frozen=True)
class Match:
    """Another organisation that ``they_offer`` some of what this one seeks and/or ``they_seek`` some of what it offers."""

    partner: Partner
    they_offer: tuple[str, ...]
    they_seek: tuple[str, ...]

    @property
    def strength(self) -> int:
        return len(self.they_offer) + len(self.they_seek)


@dataclass
class Directory:
    partners: list[Partner]
    vocabulary: Vocabulary | None
    findings: list[Finding] = field(default_factory=list)


def load_vocabulary(root: Path) -> tuple[Vocabulary | None, list[Finding]]:
    path = root / "data" / "vocabulary.yaml"
    check = validator(root / "data" / "schemas", "vocabulary")
    if check is None:
        return None, [finding("data/schemas/vocabulary.schema.json", 1, 1, "D017", "schema file missing or not valid JSON: restore it from git")]
    if not path.is_file():
        return None, [finding(display_path(path, root), 1, 1, "D017", "the vocabulary file is missing: restore data/vocabulary.yaml from git")]
    record, findings = read_record(path, root, check)
    if record is None:
        return None, findings
    data = record.data
    return Vocabulary(
        capabilities=data["capabilities"], sectors=data["sectors"],
        countries=frozenset(data["regions"]["countries"]), prefectures=data["regions"]["prefectures"],
    ), findings


def load_partners(root: Path) -> Directory:
    """Every valid profile of ``root/data/partners``, the vocabulary, and the findings (nothing is written).
    A site without a ``data/partners`` folder has no directory and needs no vocabulary."""
    folder = root / "data" / "partners"
    if not folder.is_dir() or not any(folder.iterdir()):
        return Directory([], None, [])
    vocabulary, findings = load_vocabulary(root)
    records, problems = read_folder(folder, root, "partner")
    findings.extend(problems)
    partners = []
    for record in records:
        data = record.data
        before = len(findings)
        if vocabulary is not None:
            for key, known, what in (("sectors", vocabulary.sectors, "sector"), ("offers", vocabulary.capabilities, "capability"),
                                     ("seeks", vocabulary.capabilities, "capability")):
                for index, term in enumerate(data[key]):
                    if term not in known:
                        findings.append(record.finding(
                            "D007", f"{key}: '{term}' is not a known {what}; use one of: {', '.join(known)} (or add it to data/vocabulary.yaml with its labels)",
                            key, index))
            if data["region"] not in vocabulary.countries and data["region"] not in vocabulary.prefectures:
                findings.append(record.finding(
                    "D011", f"region: '{data['region']}' is neither an EU/EEA country code (FR, DE, IT…) nor a Japanese prefecture code (JP-01 to JP-47)", "region"))
        for index, code in enumerate(data["languages"]):
            try:
                Locale.parse(code)
            except (UnknownLocaleError, ValueError):
                findings.append(record.finding("D012", f"languages: '{code}' is not a known ISO 639 language code (en, fr, ja, de…)", "languages", index))
        email = (data.get("contact") or {}).get("email")
        if email and looks_personal(email):
            findings.append(record.finding(
                "D014", f"contact.email '{email}' looks like a person's address: give a generic address of the organisation (contact@…, partnering@…) or a contact page", "contact", "email"))
        findings.extend(_placeholder_findings(record))
        verified = parse_date(record, findings, "last_verified")
        if any(f.severity.value == "error" for f in findings[before:]):
            continue
        partners.append(Partner(
            id=data["id"], native_name=data["name"]["native"], romanised_name=data["name"].get("romanised"),
            type=data["type"], region=data["region"], sectors=tuple(data["sectors"]), offers=tuple(data["offers"]),
            seeks=tuple(data["seeks"]), languages=tuple(data["languages"]), website=data["website"],
            contact_email=data["contact"].get("email"), contact_url=data["contact"].get("url"),
            summary=dict(data["summary"]),
            sources=tuple(Source(s["title"], s["url"]) for s in data["sources"]), last_verified=verified,
            products=tuple(data.get("products") or ()), topics=tuple(data.get("topics") or ()),
        ))
    return Directory(partners, vocabulary, findings)


def _placeholder_findings(record: Record) -> list[Finding]:
    """The directory lists real organisations only: an address on a domain reserved for examples is refused
    (except a ``TODO`` address just written by ``kakehashi new``, which N002 reports)."""
    data = record.data
    addresses = [(data["website"], ("website",))]
    addresses += [(value, ("contact", key)) for key, value in data["contact"].items()]
    addresses += [(source["url"], ("sources", index, "url")) for index, source in enumerate(data["sources"])]
    return [record.finding("D018", f"'{address}' is on a domain reserved for examples: the directory lists real organisations "
                                   "only; give the organisation's own address, and its official pages as sources", *path)
            for address, path in addresses if is_placeholder_address(address) and "TODO" not in address]


def find_matches(partners: list[Partner]) -> dict[str, list[Match]]:
    """For each organisation, the others whose offers meet its seeks or whose seeks meet its offers,
    strongest first (most shared terms), then by name."""
    matches: dict[str, list[Match]] = {}
    for partner in partners:
        found = []
        for other in partners:
            if other.id == partner.id:
                continue
            they_offer = tuple(term for term in partner.seeks if term in other.offers)
            they_seek = tuple(term for term in partner.offers if term in other.seeks)
            if they_offer or they_seek:
                found.append(Match(other, they_offer, they_seek))
        matches[partner.id] = sorted(found, key=lambda m: (-m.strength, m.partner.display_name("en").casefold()))
    return matches
