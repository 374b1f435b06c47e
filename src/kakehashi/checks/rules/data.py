"""Contributed data files (events, partner profiles, vocabulary, pathway routes): schema, vocabulary, dates, URLs.

The checks themselves live in ``kakehashi.checks.data_rules``; here they join the registry, so that
``kakehashi check``, the build and the rule reference all know them.
"""

from __future__ import annotations

from kakehashi.checks.data_rules import DATA_RULES, check_events, check_partners, check_pathways
from kakehashi.checks.findings import Severity
from kakehashi.checks.registry import CheckContext, describe, rule

for _code, _severity, _summary, _explanation in DATA_RULES:
    describe(_code, _severity, _summary, _explanation)


@rule("D000", Severity.ERROR, "data files are checked with their own rules (D001 and following)", scope="site")
def check_data_files(ctx: CheckContext):
    """Runs the checks of ``data/events``, ``data/partners``, ``data/vocabulary.yaml`` and
    ``data/pathways``, on a whole-site check or when a data file is named on the command line. Each
    problem is reported under its own code (D001 to D017, D030 to D036), with the file and the line of
    the offending value."""
    if ctx.whole_site or ctx.touches("data"):
        yield from check_events(ctx.root)
        yield from check_partners(ctx.root)
        yield from check_pathways(ctx.root)
