"""Figures in text -> Quantity: value, unit, qualifier and the interval they commit to.

Pure functions over strings. The spaCy component in nlp/quantities.py finds where to
call them and keeps calendar dates, years and figures inside names ("FTSE 100") out.
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import replace
from functools import lru_cache
from importlib import resources

from checker.values.types import Interval, Quantity

# Stated tolerance of an approximate figure ("about 200" -> [190, 210]).
APPROX_TOLERANCE = 0.05
# "nearly 5%", "almost 5%": just under the figure, within this fraction of it.
NEAR_TOLERANCE = 0.10

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "mil": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12,
}
# "a third", "two-fifths", "one fourth": numerator word + denominator word (singular or plural)
DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                "eighth": 8, "ninth": 9, "tenth": 10}
NUMERATORS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
FRACTIONS = {"half": 0.5} | {
    f"{n}{sep}{d}{'s' if k > 1 and not d.endswith('s') else ''}": k / v
    for n, k in NUMERATORS.items() for d, v in DENOMINATORS.items() for sep in (" ", "-")
    if k < v and not (k > 1 and d == "half") and not (k == 1 and d == "halves")
}

# Qualifier -> how it turns a stated value v into an interval.
QUALIFIERS = {
    "more than": "gt", "over": "gt", "above": "gt", "exceeding": "gt", "in excess of": "gt",
    "upwards of": "gt", "greater than": "gt", "higher than": "gt",
    "at least": "ge", "no fewer than": "ge", "no less than": "ge", "a minimum of": "ge",
    "up to": "le", "at most": "le", "no more than": "le", "as many as": "le", "as much as": "le",
    "a maximum of": "le",
    "under": "lt", "below": "lt", "less than": "lt", "fewer than": "lt", "lower than": "lt",
    "nearly": "near", "almost": "near", "just under": "near", "close to": "near", "just shy of": "near",
    "just over": "just_over",
    "about": "approx", "around": "approx", "approximately": "approx", "roughly": "approx",
    "some": "approx", "an estimated": "approx", "estimated": "approx", "circa": "approx", "approx.": "approx",
    "~": "approx", "sub-": "lt",
}
# Vague magnitudes -> interval (NewsQuant's reading of "dozens of" is 12-120).
VAGUE = {
    "single-digit": (0, 9), "double-digit": (10, 99), "triple-digit": (100, 999),
    "dozens of": (12, 120), "scores of": (40, 200), "hundreds of": (100, 1000),
    "thousands of": (1e3, 1e4), "tens of thousands of": (1e4, 1e5),
    "hundreds of thousands of": (1e5, 1e6), "millions of": (1e6, 1e7),
    "tens of millions of": (1e7, 1e8), "billions of": (1e9, 1e10),
}


@lru_cache(maxsize=1)
def unit_registry():
    """pint's registry, built once: it converts physical units and durations."""
    import pint

    return pint.UnitRegistry()


@lru_cache(maxsize=None)
def physical_dimension(unit: str) -> str:
    return str(unit_registry().Quantity(1, unit).dimensionality)


def to_base(v: float, unit: str) -> tuple[float, str]:
    """A value in its dimension's base unit (pint), e.g. 60 mile -> 96560.64 meter."""
    q = unit_registry().Quantity(v, unit).to_base_units()
    return float(q.magnitude), str(q.units)


@lru_cache(maxsize=1)
def unit_table() -> dict[str, dict[str, str | float]]:
    return tomllib.loads(resources.files("checker.data").joinpath("units.toml").read_text("utf-8"))


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_WORDNUM = rf"(?:(?:{_alt(TENS)})(?:[- ](?:{_alt([k for k in ONES if ONES[k] < 10])}))?|{_alt(ONES)}|a dozen|dozen)"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_SMALL = rf"(?:\d{{1,2}}|{_alt(ONES)})"  # the "one" of "one in five"
_A_SCALE = r"a(?=\s(?:hundred|thousand|million|billion|trillion)\b)"  # "a million dollars"
_NUM = rf"(?:{_DIGITS}|{_WORDNUM}|{_A_SCALE})"
_SCALE = rf"(?:(?:\s?(?:{_alt(['hundred', 'thousand', 'million', 'billion', 'trillion'])})){{1,2}}|\s?(?:{_alt(['bn', 'mn', 'mln', 'mil', 'trn', 'tn'])})\b|(?:k|m|b)\b)"  # "5 m" is metres; "5m" millions


@lru_cache(maxsize=2)
def quantity_regex(ranges: bool = True) -> re.Pattern[str]:
    """The grammar of a figure. With ranges=False, "X to Y" is read as two figures."""
    units = unit_table()
    after = (
        list(units["percent"]) + list(units["percentage_point"]) + list(units["currency_word"])
        + list(units["physical"])
    )
    sym = _alt(units["currency_symbol"])
    unit = rf"(?:{_alt(after)})(?![\w])|(?:{_alt(units['duration'])})\b|(?<=\d)(?:{_alt(units['currency_attached'])})(?!\w|\.\w)"
    # "1/2 pound", "1/16 of a pint": a written fraction, only before a unit or "of" ("9/11" is a name)
    slash = rf"\d{{1,2}}\s?[/⁄]\s?\d{{1,3}}(?=\s+of\b|\s?(?:{_alt(after)})\b)"
    number = rf"(?:{slash}|{_NUM}(?:{_SCALE})?)"
    # "rose by $4bn to $41bn" is a change and a level, not a range: nlp/quantities.py splits
    # a range that a verb of movement governs.
    second = rf"""
        (?:
            (?:\s?(?P<unit1>{unit}))?
            \s*(?P<sep>-|–|—|to|and|or)\s*(?P<cur2>(?:{sym})\s?)?(?P<num2>{number})
        )?""" if ranges else ""
    pattern = rf"""
    (?P<qual>(?:\b(?:{_alt(QUALIFIERS)})\s+|~\s?|\bsub-))?
    (?:
        (?P<vague>\b(?:{_alt(VAGUE)}))
      | (?<!\bfirst\s)(?<!\bsecond\s)(?P<fraction>\b(?:{_alt(FRACTIONS)}))(?=\s+of\b|(?<=half)\s+(?:the|its|their|his|her|our)\b)
      | (?P<ratio>(?<![\w.])(?P<rnum>{_SMALL})\s+(?:out\s+)?(?:of|in)\s+(?:every\s+)?(?P<rden>{_NUM}))(?!\s*(?:%|per\b|{_alt(units['duration'])}\b)|[\d,])
      | (?:(?P<between>\bbetween\s+)|(?P<from>\bfrom\s+))?
        (?P<cur>(?<![A-Za-z])(?:{sym})\s?)?
        (?P<sign>(?<![\w.])[-+−](?=\d)|\bminus[- ](?=\d))?
        (?P<num>(?(cur)|(?<![\w./]))(?(sign)|(?(qual)|(?<![A-Za-z]-))){number})
        {second}
        (?:
            (?P<hyph>\s?-(?P<hunit>[a-z]+)\b)
          | \s?(?P<unit>{unit})
        )?
    )
    (?![A-Za-z0-9]|/\d)  # "24/7", "9/11": not figures
    """
    return re.compile(pattern, re.IGNORECASE | re.VERBOSE)


def iter_quantities(text: str, share_at=None):
    """(start, end, Quantity) for every figure in text.

    A match that reads as a range but is not one ("fell 0.4 per cent to 13,176") is read
    again as separate figures. `share_at(end) -> bool` says whether "of ..." follows.
    """
    pos = 0
    full = quantity_regex(True)
    while True:
        m = full.search(text, pos)
        if m is None:
            return
        q = parse_quantity(m, share=bool(share_at and share_at(m.end())))
        if q is None and m.groupdict().get("num2"):
            yield from split_figures(text, m.start(), m.end(), share_at)
        elif q is not None and m.group(0).strip():
            yield m.start(), m.start() + len(m.group(0).rstrip()), q
        pos = max(m.end(), pos + 1)


def split_figures(text: str, start: int, end: int, share_at=None):
    """(start, end, Quantity) for each figure of text[start:end] read without ranges."""
    for part in quantity_regex(False).finditer(text, start, end):
        pq = parse_quantity(part, share=bool(share_at and share_at(part.end())))
        if pq is not None and part.group(0).strip():
            yield part.start(), part.start() + len(part.group(0).rstrip()), pq


def parse_number(text: str) -> float | None:
    """'12,500' -> 12500.0; 'seven' -> 7.0; 'twenty-five' -> 25.0; '1.2bn' -> 1.2e9; 'a third' -> 0.333."""
    t = text.strip().lower()
    if t in FRACTIONS:
        return FRACTIONS[t]
    slash = re.fullmatch(r"(\d+)\s?[/⁄]\s?(\d+)", t)
    if slash:
        num, den = int(slash.group(1)), int(slash.group(2))
        return num / den if 0 < num < den else None
    m = re.fullmatch(rf"({_DIGITS}|{_WORDNUM}|a)((?:\s?(?:{_alt(SCALES)}))*)", t)
    if not m:
        return None
    base, scale = m.group(1), m.group(2).split()
    if re.fullmatch(_DIGITS, base):
        value = float(base.replace(",", ""))
    elif base in ("a dozen", "dozen"):
        value = 12.0
    elif base == "a":
        value = 1.0 if scale else math.nan
    else:
        parts = re.split(r"[- ]", base)
        value = float(sum(TENS.get(p, 0) + ONES.get(p, 0) for p in parts))
    if len(scale) == 1 and scale[0] not in SCALES:  # "1.2bn" arrives as one word after the digits
        scale = re.findall(_alt(SCALES), scale[0])
    for word in scale:
        value *= SCALES[word]
    return value


_SCORE = re.compile(r"\d{1,3}\s?-\s?\d{1,3}")
# Currency symbols that are ASCII renderings of others and letters in their own right.
ASCII_CURRENCY = {"ps", "y="}


def interval_for(qualifier_kind: str, v: float, upper: float = math.inf) -> Interval:
    """The interval a qualified figure commits to. `upper` caps open ranges (100 for shares)."""
    if qualifier_kind == "gt":
        return Interval(v, upper, lo_open=True)
    if qualifier_kind == "ge":
        return Interval(v, upper)
    if qualifier_kind == "lt":
        return Interval(0.0 if v >= 0 else -math.inf, v, hi_open=True)
    if qualifier_kind == "le":
        return Interval(0.0 if v >= 0 else -math.inf, v)
    if qualifier_kind == "near":
        return Interval(v - abs(v) * NEAR_TOLERANCE, v, hi_open=True)
    if qualifier_kind == "just_over":
        return Interval(v, v + abs(v) * NEAR_TOLERANCE, lo_open=True)
    if qualifier_kind == "approx":
        return Interval(v - abs(v) * APPROX_TOLERANCE, v + abs(v) * APPROX_TOLERANCE)
    return Interval.point(v)


def _unit_of(m: re.Match[str]) -> tuple[str, str]:
    """(normalised unit, dimension) of a match."""
    units = unit_table()
    cur = (m.group("cur") or m.groupdict().get("cur2") or "").strip().lower()
    if cur:
        code = str(units["currency_symbol"][cur])
        return code, f"currency:{code}"
    word = (m.group("unit") or m.groupdict().get("unit1") or m.group("hunit") or "").lower()
    word = re.sub(r"\s+", " ", word)
    for table, dim in (("percent", "percent"), ("percentage_point", "percentage_point"), ("duration", "duration")):
        if word in units[table]:
            return str(units[table][word]), dim
    for table in ("currency_word", "currency_attached"):
        if word in units[table]:
            code = str(units[table][word])
            return code, f"currency:{code}"
    if word in units["physical"]:
        name = str(units["physical"][word])
        return name, f"physical:{physical_dimension(name)}"
    if word:
        return word, "count"
    return "", "number"


def written_step(text: str, value: float) -> float | None:
    """The precision a figure is written to, in its own scale: "0.4%" -> 0.1, "$4.5 billion" -> 1e8.

    None for a figure in words ("sixty"), or zero.
    """
    m = re.search(r"\d[\d,]*(?:\.(\d+))?", text)
    if m is None:
        return None
    written = float(m.group(0).replace(",", ""))
    if written == 0 or value == 0:
        return None
    return abs(value / written) * 10 ** -len(m.group(1) or "")


def parse_quantity(m: re.Match[str], share: bool = False) -> Quantity | None:
    """A regex match of quantity_regex() -> Quantity, or None when it holds no usable figure.

    `share` caps open intervals of percentages at 100 ("over 60% of the market"). The precision
    the figure is written to is recorded here, from the text as written.
    """
    q = _parse_quantity(m, share)
    return replace(q, step=written_step(q.text, q.value)) if q is not None else None


def _parse_quantity(m: re.Match[str], share: bool) -> Quantity | None:
    text = m.group(0).strip()
    qual_text = (m.group("qual") or "").strip().lower()
    if m.group("ratio"):
        num, den = parse_number(m.group("rnum")), parse_number(m.group("rden"))
        if num is None or den is None or not num < den or (1900 <= den <= 2100 and re.fullmatch(r"\d{4}", m.group("rden"))):
            return None  # "5 of 2019" is not a ratio
        value = num / den
        return Quantity(text, value, interval_for(QUALIFIERS.get(qual_text, ""), value), "", "fraction", "exact", qual_text)
    if m.group("fraction"):
        value = FRACTIONS[m.group("fraction").lower()]
        return Quantity(text, value, interval_for(QUALIFIERS.get(qual_text, ""), value), "", "fraction", "exact", qual_text)
    qual = QUALIFIERS.get(qual_text, "")
    if m.group("vague"):
        lo, hi = VAGUE[m.group("vague").lower()]
        return Quantity(text, float(lo), Interval(float(lo), float(hi)), "", "number", "vague", qual_text)
    value = parse_number(m.group("num"))
    if value is None or math.isnan(value):
        return None
    cur = (m.group("cur") or "").strip()
    if cur.lower() in ASCII_CURRENCY and (cur != cur.upper() or m.group("cur") != cur
                                          or not re.search(r"\d[\d,.]*\d|\d\s?[a-z]", m.group("num"), re.I)):
        # "PS" is £ only in capitals, attached, on a figure that is not a single digit: "PS5" is a
        # console and "PS 150" a school
        return None
    sign = (m.groupdict().get("sign") or "").strip().lower()
    if sign in ("-", "+") and not (m.group("unit") or m.group("cur") or m.group("hunit")):
        return None  # "COVID -19": a bare sign needs a unit to make a signed figure
    if sign in ("-", "−", "minus-", "minus"):
        value = -value
    unit, dim = _unit_of(m)
    upper = 100.0 if (share and dim == "percent") else math.inf
    if m.groupdict().get("num2"):
        sep = m.group("sep").lower()
        if sep == "and" and not m.group("between"):
            return None  # "5 and 6" is two figures, not a range
        if sep == "or" and (m.group("unit1") or m.group("cur2") or m.group("between") or m.group("from")):
            return None  # "5% or 6%": two figures
        if m.group("unit1") and m.group("unit") and m.group("unit1").lower() != m.group("unit").lower():
            return None  # "5 km to 3 miles" is not a range
        if m.group("unit1") and (m.group("unit") or "").lower() != m.group("unit1").lower():
            return None  # "fell 0.4 per cent to 13,176": the unit belongs to the first figure only
        value2 = parse_number(m.group("num2"))
        if value2 is None:
            return None
        scale2 = re.search(rf"({_alt(SCALES)})$", m.group("num2").strip().lower())
        if scale2 and not re.search(rf"({_alt(SCALES)})$", m.group("num").strip().lower()) \
                and value * SCALES[scale2.group(1)] <= value2:
            value *= SCALES[scale2.group(1)]  # "$10 to $15 billion"
        if sep == "or" and not value < value2 <= 1.5 * value + 1:
            return None  # "two or three" is a range; "5 or 50" is a choice
        if value2 <= value:
            if sep == "-" and _SCORE.fullmatch(m.group(0).strip()) and not 1900 <= value <= 2100:
                # "won 3-1", "a 52-48 vote": a score or tally, one claim of two numbers
                return Quantity(text, value, Interval.point(value), "", "score", "score", second=value2)
            return None
        if not cur and 1900 <= value <= 2100 and re.fullmatch(r"\d{4}", m.group("num").strip()) \
                and not re.fullmatch(r"\d{4}", m.group("num2").strip()):
            return None  # "in 2018 to 3.9 million": a year, then a figure
        return Quantity(text, value, Interval(value, value2), unit, dim, "range", qual_text)
    if qual in ("approx", "near", "just_over"):
        shape = "approx"
    elif qual:
        shape = "bound"
    else:
        shape = "exact"
    change = {"+": "up", "-": "down", "−": "down"}.get(sign, "") if dim == "percent" else ""
    return Quantity(text, value, interval_for(qual, value, upper), unit, dim, shape, qual_text, change)
