"""Contributed data files (events, partner profiles, vocabulary): schema, vocabulary, dates, URLs.

The checks themselves live in ``kakehashi.checks.data_rules``; here they join the registry, so that
``kakehashi check``, the build and the rule reference all know them.
"""

from __future__ import annotations

from kakehashi.checks.data_rules import DATA_RULES, check_events, check_partners
from kakehashi.checks.findings import Severity
from kakehashi.checks.registry import CheckContext, describe, rule

for _code, _severity, _summary, _explanation in DATA_RULES:
    describe(_code, _severity, _summary, _explanation)

describe("D104", Severity.ERROR, "a termbase form is claimed by two concepts",
         "In data/termbase.yaml a term, variant or forbidden form belongs to one concept only: when two "
         "concepts share it, the terminology checks cannot tell which one a page means. Keep the form in the "
         "concept it names and make the other concept's form more specific (a longer form that contains "
         "another concept's form is fine: the longest form found in a text wins).")


@rule("D000", Severity.ERROR, "data files are checked with their own rules (D001 and following)", scope="site")
def check_data_files(ctx: CheckContext):
    """Runs the checks of ``data/events``, ``data/partners`` and ``data/vocabulary.yaml``, on a whole-site
    check or when a data file is named on the command line. Each problem is reported under its own
    code (D001 to D017), with the file and the line of the offending value."""
    if ctx.whole_site or ctx.touches("data"):
        yield from check_events(ctx.root)
        yield from check_partners(ctx.root)
