"""Contributed data files (events, partner profiles, vocabulary): schema, vocabulary, dates, URLs.

The data layer (``kakehashi.data``) finds the problems while it reads the files and reports them under
these codes (``registry.report``, which takes the severity from here); D000 runs it for ``kakehashi check``.
"""

from __future__ import annotations

from kakehashi.checks.findings import Severity
from kakehashi.checks.registry import CheckContext, describe, rule
from kakehashi.data.events import load_events
from kakehashi.data.partners import load_partners
from kakehashi.data.pathways import load_pathways


@rule("D000", Severity.ERROR, "data files are checked with their own rules (D001 and following)", scope="site")
def check_data_files(ctx: CheckContext):
    """Runs the checks of ``data/events``, ``data/partners``, ``data/vocabulary.yaml`` and
    ``data/pathways``, on a whole-site check or when a data file is named on the command line. Each
    problem is reported under its own code (D001 to D018, D030 to D036), with the file and the line of
    the offending value."""
    if ctx.whole_site or ctx.touches("data"):
        yield from sorted(set(load_events(ctx.root)[1]))
        yield from sorted(set(load_partners(ctx.root).findings))
        yield from sorted(set(load_pathways(ctx.root)[1]))


describe("D001", Severity.ERROR, "Data file is not UTF-8 text", """
    Event and partner files are read as UTF-8. A file saved in another encoding (Shift_JIS, Latin-1)
    or holding binary bytes is not read. Save it as UTF-8 in your editor.""")

describe("D002", Severity.ERROR, "Data file is not valid YAML", """
    The file could not be parsed. The finding gives the line where the parser stopped; the usual
    causes are a wrong indentation or a value containing ': ' or starting with '#', '@' or '*'. Put
    such values in quotes.""")

describe("D003", Severity.ERROR, "Data file does not follow its schema", """
    A field is missing, unknown, of the wrong type or not one of the allowed values. The message
    names the field and what was expected; the schemas are data/schemas/event.schema.json and
    partner.schema.json. Compare with an existing file in the same folder.""")

describe("D004", Severity.ERROR, "Duplicate id", """
    Two files declare the same id (ids are compared without case). Ids appear in page anchors and
    calendar entries and must be unique: choose another id and rename the file to match.""")

describe("D005", Severity.ERROR, "Id differs from the file name", """
    data/events/<id>.yaml and data/partners/<id>.yaml must hold 'id: <id>'. Rename the file or
    change the id so both agree.""")

describe("D006", Severity.ERROR, "Event ends before it starts", """
    'end' is earlier than 'start'. Check the two dates against the source; for a one-day event, give
    the same date twice.""")

describe("D007", Severity.ERROR, "Unknown vocabulary term", """
    'sectors', 'offers' and 'seeks' take terms of data/vocabulary.yaml so that profiles can be
    filtered and matched. Use one of the listed terms, or add a new term to the vocabulary with its
    English, French and Japanese labels.""")

describe("D008", Severity.ERROR, "Address is not https", """
    Every web address (event url, website, contact page, sources) must start with https://.
    Addresses such as http://, javascript: or data: are refused: they are insecure or could run code
    in readers' browsers. Use the https:// address of the page.""")

describe("D009", Severity.ERROR, "Unknown time zone", """
    'timezone' must be an IANA time zone such as Europe/Paris, Europe/Berlin or Asia/Tokyo (not CET
    or JST). It decides when an event moves to the archive.""")

describe("D010", Severity.ERROR, "Impossible date", """
    A date written YYYY-MM-DD names a day that does not exist (2027-02-30, 2026-13-01). Check it
    against the source.""")

describe("D011", Severity.ERROR, "Unknown country or region", """
    An event's 'country' is an ISO 3166-1 code (FR, DE, JP). A profile's 'region' is an EU/EEA
    country code or a Japanese prefecture code JP-01 to JP-47 (JP-27 is Osaka). Quote "NO" (Norway):
    YAML reads it as false.""")

describe("D012", Severity.ERROR, "Unknown language code", """
    'languages' lists ISO 639 codes of the languages the organisation works in: en, fr, ja, de, it…""")

describe("D013", Severity.WARNING, "Announced date never confirmed", """
    An event is still 'to-be-announced' although the period it was expected in is over. Give its
    real dates with 'date_status: confirmed' and a source, or delete the file if it did not take
    place.""")

describe("D014", Severity.WARNING, "Contact looks personal", """
    Profiles publish an organisational contact only. An address like firstname.lastname@… is
    probably a person's: replace it with a generic address (contact@…, partnering@…) or a contact
    page.""")

describe("D015", Severity.ERROR, "Field written twice", """
    The same field appears twice in one block. YAML would silently keep the last value and drop the
    first: keep one.""")

describe("D016", Severity.WARNING, "File in a data folder is not read", """
    Only files ending in .yaml are read in data/events/ and data/partners/. Rename a .yml file, or
    move notes and drafts elsewhere.""")

describe("D017", Severity.ERROR, "Schema or vocabulary file missing", """
    A file the data checks need (data/schemas/*.schema.json, data/vocabulary.yaml) is missing or not
    valid. Restore it from git.""")

describe("D018", Severity.ERROR, "Profile of an example organisation", """
    The partner directory lists real organisations only, each with its own official pages as sources.
    A website, contact or source on a domain reserved for examples (example.com, example.org,
    example.net, or a name ending in .example, .test, .invalid or .localhost) cannot belong to one.
    Give the organisation's real https:// addresses. Fictitious profiles belong in test fixtures, not
    in data/partners/.""")
