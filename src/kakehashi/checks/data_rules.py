"""Checks of the contributed data files (events, partner profiles, vocabulary, pathway routes) for
``kakehashi check``.

``check_events(root)``, ``check_partners(root)`` and ``check_pathways(root)`` return typed findings with the line of the offending
YAML node and never raise on bad input; ``DATA_RULES`` documents every code (code, severity, summary,
explanation with the fix) for the rule registry and the rule reference page.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from kakehashi.checks.findings import Finding, Severity
from kakehashi.data.events import load_events
from kakehashi.data.partners import load_partners
from kakehashi.data.pathways import load_pathways

DATA_RULES: list[tuple[str, Severity, str, str]] = [
    ("D001", Severity.ERROR, "Data file is not UTF-8 text",
     "Event and partner files are read as UTF-8. A file saved in another encoding (Shift_JIS, Latin-1) or "
     "holding binary bytes is not read. Save it as UTF-8 in your editor."),
    ("D002", Severity.ERROR, "Data file is not valid YAML",
     "The file could not be parsed. The finding gives the line where the parser stopped; the usual causes "
     "are a wrong indentation or a value containing ': ' or starting with '#', '@' or '*'. Put such values "
     "in quotes."),
    ("D003", Severity.ERROR, "Data file does not follow its schema",
     "A field is missing, unknown, of the wrong type or not one of the allowed values. The message names "
     "the field and what was expected; the schemas are data/schemas/event.schema.json and "
     "partner.schema.json. Compare with an existing file in the same folder."),
    ("D004", Severity.ERROR, "Duplicate id",
     "Two files declare the same id (ids are compared without case). Ids appear in page anchors and "
     "calendar entries and must be unique: choose another id and rename the file to match."),
    ("D005", Severity.ERROR, "Id differs from the file name",
     "data/events/<id>.yaml and data/partners/<id>.yaml must hold 'id: <id>'. Rename the file or change "
     "the id so both agree."),
    ("D006", Severity.ERROR, "Event ends before it starts",
     "'end' is earlier than 'start'. Check the two dates against the source; for a one-day event, give "
     "the same date twice."),
    ("D007", Severity.ERROR, "Unknown vocabulary term",
     "'sectors', 'offers' and 'seeks' take terms of data/vocabulary.yaml so that profiles can be filtered "
     "and matched. Use one of the listed terms, or add a new term to the vocabulary with its English, "
     "French and Japanese labels."),
    ("D008", Severity.ERROR, "Address is not https",
     "Every web address (event url, website, contact page, sources) must start with https://. Addresses "
     "such as http://, javascript: or data: are refused: they are insecure or could run code in readers' "
     "browsers. Use the https:// address of the page."),
    ("D009", Severity.ERROR, "Unknown time zone",
     "'timezone' must be an IANA time zone such as Europe/Paris, Europe/Berlin or Asia/Tokyo (not CET or "
     "JST). It decides when an event moves to the archive."),
    ("D010", Severity.ERROR, "Impossible date",
     "A date written YYYY-MM-DD names a day that does not exist (2027-02-30, 2026-13-01). Check it "
     "against the source."),
    ("D011", Severity.ERROR, "Unknown country or region",
     "An event's 'country' is an ISO 3166-1 code (FR, DE, JP). A profile's 'region' is an EU/EEA country "
     "code or a Japanese prefecture code JP-01 to JP-47 (JP-27 is Osaka). Quote \"NO\" (Norway): YAML "
     "reads it as false."),
    ("D012", Severity.ERROR, "Unknown language code",
     "'languages' lists ISO 639 codes of the languages the organisation works in: en, fr, ja, de, it…"),
    ("D013", Severity.WARNING, "Announced date never confirmed",
     "An event is still 'to-be-announced' although the period it was expected in is over. Give its real "
     "dates with 'date_status: confirmed' and a source, or delete the file if it did not take place."),
    ("D014", Severity.WARNING, "Contact looks personal",
     "Profiles publish an organisational contact only. An address like firstname.lastname@… is probably "
     "a person's: replace it with a generic address (contact@…, partnering@…) or a contact page."),
    ("D015", Severity.ERROR, "Field written twice",
     "The same field appears twice in one block. YAML would silently keep the last value and drop the "
     "first: keep one."),
    ("D016", Severity.WARNING, "File in a data folder is not read",
     "Only files ending in .yaml are read in data/events/ and data/partners/. Rename a .yml file, or move "
     "notes and drafts elsewhere."),
    ("D017", Severity.ERROR, "Schema or vocabulary file missing",
     "A file the data checks need (data/schemas/*.schema.json, data/vocabulary.yaml) is missing or not "
     "valid. Restore it from git."),
    ("D030", Severity.ERROR, "Pathway text missing in a language",
     "Every text of a route in data/pathways/ (title, summary, questions, answers, steps, costs and "
     "timelines) is read in English, French and Japanese. Give the missing language under the same key: "
     "en:, fr: and ja:."),
    ("D031", Severity.ERROR, "Pathway figure missing from a translation",
     "A number, date or regulation identifier of the English text is not in the French or Japanese text "
     "of the same field. Dates may be written the local way (26 May 2021, 26 mai 2021, 2021年5月26日); "
     "write figures as digits in every language. Usually a figure was mistyped or a sentence dropped."),
    ("D032", Severity.ERROR, "Pathway links to a missing guide section",
     "A step's 'guides' and a question's 'help_guide' are written guides/<slug>.md#<anchor> and must name "
     "an existing guide and one of its heading anchors ({#anchor}). Check the slug in docs/guides/ and "
     "the anchor in the guide; link the closest existing guide if the one you want is not written yet."),
    ("D033", Severity.ERROR, "Unknown or repeated question or answer in a route",
     "A step's 'when' names the questions of its own route and their answers (question id: [answer ids]). "
     "Use the ids listed under 'questions', and give each question, answer and step its own id."),
    ("D034", Severity.ERROR, "Route id does not match its product and direction",
     "A route's id is <product>-<direction> (device-eu-to-jp, drug-jp-to-eu) and its file is named "
     "after it, so that each product and direction has exactly one route."),
    ("D035", Severity.WARNING, "Product and direction without a route",
     "The pathway finder offers every product type (device, ivd, samd, drug, regenerative) in both "
     "directions. Add the missing route; if the guides do not cover it yet, write coverage: partial, say "
     "so in 'note' and link the guides that exist."),
    ("D036", Severity.WARNING, "Pathway text with typography to fix",
     "French and Japanese texts of a route follow the typography of the pages: in French, a no-break space "
     "before : and inside « », a narrow no-break space before ; ! ? and »; in Japanese, full-width "
     "punctuation （、。：）next to Japanese text. The finding shows the text as it should be written."),
]


def check_events(root: Path, now: datetime | None = None) -> list[Finding]:
    """Findings on ``root/data/events/*.yaml`` (paths relative to ``root``), sorted; nothing is written."""
    return sorted(set(load_events(root, now)[1]))


def check_partners(root: Path) -> list[Finding]:
    """Findings on ``root/data/partners/*.yaml`` and ``root/data/vocabulary.yaml``, sorted; nothing is written."""
    return sorted(set(load_partners(root).findings))


def check_pathways(root: Path) -> list[Finding]:
    """Findings on ``root/data/pathways/*.yaml``, sorted; nothing is written."""
    return sorted(set(load_pathways(root)[1]))
