"""Honest freshness: ``last_verified`` is a real day of checking, and the change log agrees with it."""

from __future__ import annotations

from datetime import timedelta

from kakehashi.checks.findings import Severity
from kakehashi.checks.registry import CheckContext, rule
from kakehashi.content.freshness import as_date, changes
from kakehashi.data.events import build_time

# A date is written in the contributor's time zone and compared with today in UTC: a day ahead of UTC
# (up to UTC+14) is still today somewhere.
TIME_ZONE_SLACK = timedelta(days=1)


def _guide_variants(ctx: CheckContext):
    for group in ctx.groups:
        if group.stem.startswith("guides/") and not group.stem.endswith("/index"):
            for variant in group.variants.values():
                if variant.doc is not None and variant.doc.front_matter_ok and not variant.is_stub:
                    yield group, variant


def _line_of(doc, key: str, needle: str) -> int:
    """The line of the front matter, from ``key`` on, that contains ``needle`` (the key's line if none)."""
    start = doc.meta_line(key)
    lines = doc.front_matter.split("\n")
    for number in range(start, len(lines) + 2):
        if needle in lines[number - 2]:
            return number
    return start


def _change_dates(meta: dict) -> list[str]:
    """The dates of the change log in the order written (ISO strings; malformed entries left to M002)."""
    dates = []
    for entry in meta.get("changes") or []:
        day = as_date(entry.get("date")) if isinstance(entry, dict) else None
        if day:
            dates.append(day.isoformat())
    return dates


@rule("V001", Severity.ERROR, "last_verified is in the future")
def check_verified_in_the_future(ctx: CheckContext):
    """``last_verified`` is the day the facts were checked against the sources, so it cannot be later than
    today (the build day; ``SOURCE_DATE_EPOCH`` for a reproducible build). One day ahead is allowed for
    time zones east of UTC. Write the day you actually checked the facts; to plan the next review, use
    ``review_interval_months`` instead."""
    latest = build_time().date() + TIME_ZONE_SLACK
    for _, variant in _guide_variants(ctx):
        verified = as_date(variant.doc.meta.get("last_verified"))
        if verified and verified > latest:
            yield check_verified_in_the_future.rule.finding(
                variant.display, variant.doc.meta_line("last_verified"),
                f"last_verified {verified.isoformat()} is after today ({build_time().date().isoformat()}): "
                "write the day you checked the facts")


@rule("V002", Severity.ERROR, "a change-log entry is newer than last_verified")
def check_change_after_verification(ctx: CheckContext):
    """Every change to a guide's facts is checked against the sources on the day it is made, so no entry of
    ``changes`` can be dated after ``last_verified``. When you change a guide, move ``last_verified`` to
    the same day (in every language). The opposite is fine: re-checking a guide without changing it moves
    ``last_verified`` and adds no entry."""
    for _, variant in _guide_variants(ctx):
        verified = as_date(variant.doc.meta.get("last_verified"))
        if verified is None:
            continue
        for change in changes(variant.doc.meta):
            if change.date > verified:
                day = change.date.isoformat()
                yield check_change_after_verification.rule.finding(
                    variant.display, _line_of(variant.doc, "changes", day),
                    f"change of {day} is after last_verified ({verified.isoformat()}): a change is verified the day it is "
                    f"made, so set last_verified to {day} in every language")


@rule("V003", Severity.ERROR, "the change-log dates of a translation differ from its source's")
def check_change_dates_agree(ctx: CheckContext):
    """The change log is a fact about the page: every translation has the same entries with the same dates,
    in the same order, as the source it was translated from; only the summaries are translated. A
    translation behind its source keeps the log of the version it translated (its banner says it is
    behind) and takes the new entries when it is updated and pinned again."""
    for group in ctx.groups:
        for reference, variant in group.pairs(ctx.root):
            if not variant.doc.front_matter_ok:
                continue
            expected, found = _change_dates(reference.doc.meta), _change_dates(variant.doc.meta)
            if expected and expected != found:  # no log in the source (as translated): nothing to agree with
                yield check_change_dates_agree.rule.finding(
                    variant.display, variant.doc.meta_line("changes"),
                    f"change-log dates {found} differ from the source's {expected} ({reference.display}): "
                    "give each entry of the source, with the same date, in the same order, summarised in this page's language")


@rule("V004", Severity.WARNING, "the change log is not newest first")
def check_change_order(ctx: CheckContext):
    """Entries of ``changes`` are written newest first, so that the top of the list is the latest change,
    as readers and reviewers expect. Move the entry to its place by date."""
    for _, variant in _guide_variants(ctx):
        dates = _change_dates(variant.doc.meta)
        for earlier, later in zip(dates, dates[1:], strict=False):
            if later > earlier:
                yield check_change_order.rule.finding(
                    variant.display, _line_of(variant.doc, "changes", later),
                    f"entry of {later} comes after the older entry of {earlier}: list the changes newest first")
                break
