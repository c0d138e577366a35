"""DATE002 weekday-mismatch: a date whose weekday is not the weekday the calendar gives its day.

"On Monday (Jan 6)" when January 6 of that year is a Tuesday: one of the two is wrong, and a reader
cannot tell which. One source is enough to see it. Only the dates of what a sentence says happened
are read, as by the other date rules: a dateline is page furniture. The year is the text's, or, when
the text gives none, the one near the article's date; a year that puts the day on the weekday named
is taken before it (claims/extract.py), so the rule flags a date only when no year near it fits.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.claims.claim import ClaimKind
from checker.findings.context import Context
from checker.findings.explanation import Explanation
from checker.findings.finding import Evidence, Finding
from checker.findings.registry import Rule
from checker.values.dates import weekday_of
from checker.values.types import WEEKDAY_NAMES, DateValue


@dataclass(frozen=True)
class WeekdayExplanation(Explanation):
    date: str  # the day, normalised
    named: str  # the weekday the text names
    calendar: str  # the weekday the calendar gives the day
    year_from: str  # "the text" or "the article's date"


def check(context: Context) -> list[Finding]:
    out = []
    for c in context.claims:
        value = c.value
        if c.kind is not ClaimKind.DATE or not isinstance(value, DateValue) or not c.verb:
            continue  # a date no verb governs is a dateline's or a page's ("Korsk Herald, Monday May 12")
        named = value.weekday if value.month else None  # the weekday the text names beside the day
        actual = weekday_of(value)
        if named is None or actual is None or named == actual:
            continue
        year_from = "the text" if value.year_stated else "the article's date"
        day = value.normalised  # the day, as the calendar writes it
        message = (f"{c.span!r} names a {WEEKDAY_NAMES[named]}, but {day} is a {WEEKDAY_NAMES[actual]}"
                   + ("" if value.year_stated else
                      " (the year from the article's date; no year near it puts the day on a "
                      f"{WEEKDAY_NAMES[named]})"))
        evidence = [Evidence.of(c, context.corpus.path(c.source), True)]
        explanation = WeekdayExplanation(c.normalised, WEEKDAY_NAMES[named], WEEKDAY_NAMES[actual], year_from)
        out.append(Finding.from_rule(RULE, c.span, message, evidence, explanation,
                                     key=(c.source, c.normalised, WEEKDAY_NAMES[named])))
    return out


RULE = Rule(
    "DATE002", "weekday-mismatch", "date", "warning",
    summary="A date names a weekday the calendar does not give its day.",
    why="\"Monday, January 6, 2009\" when that day was a Tuesday: the weekday or the day is wrong, and "
        "readers and other outlets copy either. A date with no year of its own is read in the year "
        "near the article's date that fits its weekday; only when none does is it flagged.",
    example="\"Apple on Monday (Jan 6) introduced the laptop\", in an article of January 2009.",
    explanation=WeekdayExplanation, check=check)
