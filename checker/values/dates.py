"""Calendar dates in text -> DateValue. Pure functions over strings.

Only what the text states is read: "June 9", "June 9-10", "Tuesday, June 10, 2025",
"15 of March", "2025-06-11", "May 2025". Weekdays and relative expressions ("last month")
are not resolved here: without the article's date they would be guesses.
"""

from __future__ import annotations

import calendar
import re

from checker.values.types import DateValue

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"

_PATTERNS = [
    # June 9, June 9-10, June 10, 2025, Jun. 13 2025
    re.compile(rf"\b(?P<month>{_MONTH})\.?\s+{_DAY.replace('(', '(?P<d1>', 1)}(?:\s*[-–]\s*(?P<d2>\d{{1,2}}))?(?:(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}}))?\b", re.I),
    # 9 June, 15 of March 2025, 9-10 June
    re.compile(rf"\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*(?P<d2>\d{{1,2}}))?\s+(?:of\s+)?(?P<month>{_MONTH})\b\.?(?:,?\s+(?P<year>\d{{4}}))?", re.I),
    # 2025-06-11
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<d1>\d{2})\b"),
    # May 2025, in May
    re.compile(rf"\b(?P<month>{_MONTH})\b\.?(?:\s+(?P<year>\d{{4}}))?", re.I),
]


def parse_date(text: str) -> DateValue | None:
    """The first calendar date stated in text, or None."""
    for i, pattern in enumerate(_PATTERNS):
        m = pattern.search(text)
        if not m:
            continue
        month_text = m.group("month").lower()
        month = int(month_text) if month_text.isdigit() else MONTHS[month_text]
        if i == 3 and month_text == "may" and not m.group("year") and not re.search(r"\b(in|of|since|by|until|early|late|mid)[- ]may\b", text, re.I):
            return None  # "may" is mostly the verb
        year = int(m.group("year")) if m.group("year") else None
        if not 1 <= month <= 12:
            return None
        days_in = calendar.monthrange(year or 2000, month)[1]
        if i == 3:
            d1, d2 = 1, days_in
        else:
            d1 = int(m.group("d1"))
            d2 = int(m.group("d2")) if m.groupdict().get("d2") else d1
        if not (1 <= d1 <= d2 <= days_in):
            return None
        return DateValue(m.group(0).strip(), year, month, d1, d2)
    return None


WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_RELATIVE = re.compile(
    r"\b(?:(?P<day>today|yesterday|tomorrow)|(?:(?P<which>last|next|this|on)\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|(?P<mwhich>last|this|next)\s+month)\b",
    re.IGNORECASE,
)


def parse_article_date(text: str | None):
    """The article's own date from its metadata ("2025-06-11", "June 11, 2025"), or None."""
    import datetime as dt

    if not text:
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    d = parse_date(text)
    if d and d.year and d.day_lo == d.day_hi:
        return dt.date(d.year, d.month, d.day_lo)
    return None


def resolve(text: str, article) -> DateValue | None:
    """A date stated relative to the article's date ("on Tuesday", "yesterday", "last month").

    `article` is a datetime.date; without it nothing is resolved: a guess is not a date.
    A bare weekday is the most recent one on or before the article's date, as news uses it.
    """
    import datetime as dt

    if article is None:
        return None
    m = _RELATIVE.search(text)
    if not m:
        return None
    if m.group("day"):
        day = article + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[m.group("day").lower()])
        return DateValue(m.group(0), day.year, day.month, day.day, day.day)
    if m.group("weekday"):
        target = WEEKDAYS[m.group("weekday").lower()]
        which = (m.group("which") or "").lower()
        delta = (article.weekday() - target) % 7
        day = article - dt.timedelta(days=delta)
        if which == "last" and delta == 0:
            day -= dt.timedelta(days=7)
        elif which == "next":
            day = article + dt.timedelta(days=(target - article.weekday()) % 7 or 7)
        return DateValue(m.group(0), day.year, day.month, day.day, day.day)
    shift = {"last": -1, "this": 0, "next": 1}[m.group("mwhich").lower()]
    month_index = article.year * 12 + article.month - 1 + shift
    year, month = divmod(month_index, 12)
    return DateValue(m.group(0), year, month + 1, 1, calendar.monthrange(year, month + 1)[1])
