"""Calendar dates in text -> DateValue. Pure functions over strings.

Only what the text states is read: "June 9", "June 9-10", "Tuesday, June 10, 2025",
"15 of March", "2025-06-11", "May 2025". Weekdays and relative expressions ("last month")
are not resolved here: without the article's date they would be guesses.
"""

from __future__ import annotations

import calendar
import re

from checker.values.patterns import alternation
from checker.values.types import DateValue
from checker.values.vocabulary import Vocabulary, default_vocabulary

_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"


def _patterns(vocab: Vocabulary) -> list[re.Pattern[str]]:
    month = alternation(vocab.months)
    return [
        # June 9, June 9-10, June 10, 2025, Jun. 13 2025
        re.compile(rf"\b(?P<month>{month})\.?\s+{_DAY.replace('(', '(?P<d1>', 1)}(?:\s*[-–]\s*(?P<d2>\d{{1,2}}))?(?:(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}}))?\b", re.I),
        # 9 June, 15 of March 2025, 9-10 June
        re.compile(rf"\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*(?P<d2>\d{{1,2}}))?\s+(?:of\s+)?(?P<month>{month})\b\.?(?:,?\s+(?P<year>\d{{4}}))?", re.I),
        # 2025-06-11
        re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<d1>\d{2})\b"),
        # May 2025, in May
        re.compile(rf"\b(?P<month>{month})\b\.?(?:\s+(?P<year>\d{{4}}))?", re.I),
    ]


def calendar_words(vocab: Vocabulary | None = None) -> re.Pattern[str]:
    """Text that belongs to a calendar date: a word a month's abbreviation begins ("Sept.", "Dec"),
    a weekday, or a year."""
    def build(v: Vocabulary) -> re.Pattern[str]:
        abbreviations = alternation(m for m in v.months if len(m) == 3)
        return re.compile(rf"\b(?:{abbreviations})[a-z]*\b|\b(?:{alternation(v.weekdays)})\b|\b(1[89]|20)\d\d\b", re.I)
    return (vocab or default_vocabulary()).derived("calendar_words", build)


def parse_date(text: str, vocab: Vocabulary | None = None) -> DateValue | None:
    """The first calendar date stated in text, or None."""
    vocab = vocab or default_vocabulary()
    # The leftmost date, the longest there: "10 Nov 11" is the 10th, not "Nov 11".
    found = [(m.start(), -len(m.group(0)), i, m) for i, pattern in enumerate(vocab.derived("date_patterns", _patterns))
             if (m := pattern.search(text))]
    for _start, _length, i, m in sorted(found, key=lambda f: f[:3]):
        month_text = m.group("month").lower()
        month = int(month_text) if month_text.isdigit() else vocab.months[month_text]
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
        return DateValue(_part_of_day(text, m.start()) + m.group(0).strip() + _night_after(text, m.end()), year, month, d1, d2)
    return None


_PART = re.compile(r"(?:late|early)\s+(?:on\s+)?$", re.I)


def _part_of_day(text: str, start: int) -> str:
    """"late " or "early " when the text says which end of the day ("late Thursday", "early June 5")."""
    m = _PART.search(text[:start])
    return m.group(0) if m else ""


_PART_OF_DAY_OF = re.compile(r"^(?:the\s+)?(?:early\s+|late\s+)?(?:night|morning|evening|afternoon)\s+of\s+", re.I)


def day_named(text: str) -> str:
    """The day a time of day names: "the night of March 15" is March 15."""
    return _PART_OF_DAY_OF.sub("", text)


def _weekday_words(vocab: Vocabulary) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(sorted(vocab.weekdays, key=len, reverse=True))})\b", re.IGNORECASE)


def named_weekday(text: str, value: DateValue, vocab: Vocabulary | None = None) -> int | None:
    """The weekday a date's words name beside its day of the month ("Monday (Jan 6)", "Tuesday, May 12,
    2009"), 0 for Monday; None when the text names none, or several, or no single day."""
    if not value.month or value.day_lo != value.day_hi or not value.day_lo:
        return None
    vocab = vocab or default_vocabulary()
    found = {vocab.weekdays[m.group(0).lower()] for m in vocab.derived("weekday_words", _weekday_words).finditer(text)}
    return found.pop() if len(found) == 1 else None


def weekday_of(value: DateValue) -> int | None:
    """The weekday the calendar gives a single day of a known year, or None (no year, no such day)."""
    import datetime as dt

    if value.year is None or not value.month or value.day_lo != value.day_hi:
        return None
    try:
        return dt.date(value.year, value.month, value.day_lo).weekday()
    except ValueError:
        return None  # "February 30"


_NIGHT = re.compile(r"\s+(?:night|evening)\b", re.I)


def _night_after(text: str, end: int) -> str:
    """" night" or " evening" when the text says the late end of the day after it ("Friday night")."""
    m = _NIGHT.match(text, end)
    return m.group(0) if m else ""


YEAR = re.compile(r"(?:the\s+)?(?:year\s+(?:of\s+)?)?((?:1[89]|20)\d\d)", re.I)


def _year_part(vocab: Vocabulary) -> re.Pattern[str]:
    parts = alternation(vocab.year_parts)
    return re.compile(rf"(?:the\s+)?(?:(?:early|late|mid)[- ]?)?(?:(?:{parts})(?:\s+of)?\s+)?((?:1[89]|20)\d\d)", re.I)


def parse_year(text: str, vocab: Vocabulary | None = None) -> DateValue | None:
    """A date that is a year alone ("1967", "the year 2008") or a part of one ("the summer of 2030", "the
    end of 2027", "mid-2026"): all the year's days, as stated. A part is read as its whole year: which months a season
    covers depends on the hemisphere, and the year is what a part of it can be set against."""
    m = YEAR.fullmatch(text.strip()) or (vocab or default_vocabulary()).derived("year_part", _year_part).fullmatch(text.strip())
    if m is None:
        return None
    return DateValue(text.strip(), int(m.group(1)), 1, 1, 31, month_hi=12)


def _relative(vocab: Vocabulary) -> re.Pattern[str]:
    weekdays = "|".join(sorted(vocab.weekdays, key=vocab.weekdays.__getitem__))
    return re.compile(
        rf"\b(?:(?P<day>today|yesterday|tomorrow)|(?:(?P<which>last|next|this|on)\s+)?(?P<weekday>{weekdays})"
        r"|(?P<mwhich>last|this|next)\s+month)\b",
        re.IGNORECASE,
    )


def parse_article_date(text: str | None, vocab: Vocabulary | None = None):
    """The article's own date from its metadata ("2025-06-11", "June 11, 2025"), or None."""
    import datetime as dt

    if not text:
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None  # "2025-13-40": no date, and the article is read without one
    d = parse_date(text, vocab)
    if d and d.year and d.day_lo == d.day_hi:
        return dt.date(d.year, d.month, d.day_lo)
    return None


def resolve(text: str, article, vocab: Vocabulary | None = None, ahead: bool = False) -> DateValue | None:
    """A date stated relative to the article's date ("on Tuesday", "yesterday", "last month").

    `article` is a datetime.date; without it only a weekday is kept, as a weekday (month 0): a guess
    is not a date. A bare weekday is the most recent one on or before the article's date, as news uses it;
    `ahead` (said of what is to come: "will open on Thursday"), the first one on or after it.
    """
    import datetime as dt

    vocab = vocab or default_vocabulary()
    m = vocab.derived("relative_dates", _relative).search(text)
    if not m:
        return None
    if article is None:
        # No calendar to place it in; a weekday is still a weekday ("last Tuesday" is a Tuesday).
        if m.group("weekday"):
            return DateValue(_part_of_day(text, m.start()) + m.group(0) + _night_after(text, m.end()), None, 0, 0, 0,
                             vocab.weekdays[m.group("weekday").lower()])
        return None
    if m.group("day"):
        day = article + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[m.group("day").lower()])
        return DateValue(m.group(0), day.year, day.month, day.day, day.day, year_stated=False)
    if m.group("weekday"):
        target = vocab.weekdays[m.group("weekday").lower()]
        which = (m.group("which") or "").lower()
        delta = (article.weekday() - target) % 7
        day = article - dt.timedelta(days=delta)
        if which == "last" and delta == 0:
            day -= dt.timedelta(days=7)
        elif which == "next":
            day = article + dt.timedelta(days=(target - article.weekday()) % 7 or 7)
        elif ahead and which != "last":
            day = article + dt.timedelta(days=(target - article.weekday()) % 7)
        return DateValue(_part_of_day(text, m.start()) + m.group(0) + _night_after(text, m.end()), day.year, day.month, day.day, day.day,
                         year_stated=False)
    shift = {"last": -1, "this": 0, "next": 1}[m.group("mwhich").lower()]
    month_index = article.year * 12 + article.month - 1 + shift
    year, month = divmod(month_index, 12)
    return DateValue(m.group(0), year, month + 1, 1, calendar.monthrange(year, month + 1)[1], year_stated=False)
