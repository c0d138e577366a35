"""Calendar dates in text -> DateValue. Pure functions over strings.

Only what the text states is read: "June 9", "June 9-10", "Tuesday, June 10, 2025",
"15 of March", "2025-06-11", "May 2025". Weekdays and relative expressions ("last month")
are not resolved here: without the article's date they would be guesses.
"""

from __future__ import annotations

import calendar
import re

from checker.claims.types import DateValue

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
