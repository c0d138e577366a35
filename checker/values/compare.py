"""One decision: do two statements of the same quantity agree, diverge or contradict?

- agree: the same interval, or one is a more precise statement inside the other
  ("120" inside "about 120", "three days" inside "more than 40 hours"), or one is the other
  rounded ("0.4%" and "0.38%").
- diverge: overlapping, but the sources state different figures ("over 60%" and "more than 50%").
- contradict: the intervals do not overlap; both cannot be true.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz.distance import OSA

from checker.values.dates import weekday_of
from checker.values.numbers import DECIMAL_COMMA, last_digit_step, to_base
from checker.values.types import WEEKDAY_NAMES, DateValue, Interval, Quantity

AGREE, DIVERGE, CONTRADICT = "agree", "diverge", "contradict"
ROUNDING_REACH = 0.025  # how far a round figure in one unit may be from its conversion in another
# How precisely a shape states a value; a statement inside a vaguer one agrees with it.
PRECISION = {"exact": 0, "score": 0, "approx": 1, "bound": 2, "range": 2, "vague": 3}


@dataclass(frozen=True)
class Verdict:
    relation: str  # agree | diverge | contradict
    reason: str


def _measured(q: Quantity) -> bool:
    """A figure in a unit of measure, which another outlet converts (a length, a speed, a duration)."""
    return q.dimension == "duration" or q.dimension.startswith("physical:")


def comparable_interval(q: Quantity) -> tuple[str, Interval]:
    """Interval in a unit shared by its dimension (durations in hours, shares in percent)."""
    if q.dimension == "fraction":  # "one in four" is 25%
        return "percent:%", q.interval.scaled(100.0)
    if _measured(q):
        lo, base = to_base(q.interval.lo, q.unit) if math.isfinite(q.interval.lo) else (q.interval.lo, "")
        hi, base2 = to_base(q.interval.hi, q.unit) if math.isfinite(q.interval.hi) else (q.interval.hi, "")
        return f"{q.dimension}:{base or base2}", Interval(lo, hi, q.interval.lo_open, q.interval.hi_open)
    return f"{q.dimension}:{q.unit}", q.interval


def unit_space(q: Quantity) -> str:
    """The kind of value a figure is, whatever its unit: "currency", "percent" (shares and fractions),
    "duration", "physical", "count"."""
    return comparable_interval(q)[0].split(":")[0]


def compare_intervals(a: Interval, b: Interval, a_shape: str, b_shape: str, a_text: str, b_text: str,
                      show: Callable[[Interval], str] = str) -> Verdict:
    """`show` writes an interval in the message (in a unit the sources use, when `a` and `b` are in another)."""
    if a == b:
        return Verdict(AGREE, f"{a_text!r} and {b_text!r} state the same value {show(a)}")
    if not a.overlaps(b):
        return Verdict(CONTRADICT, f"{show(a)} and {show(b)} do not overlap: both cannot be true")
    if a.contains(b) and PRECISION[b_shape] < PRECISION[a_shape]:
        return Verdict(AGREE, f"{b_text!r} lies within {a_text!r}")
    if b.contains(a) and PRECISION[a_shape] < PRECISION[b_shape]:
        return Verdict(AGREE, f"{a_text!r} lies within {b_text!r}")
    return Verdict(DIVERGE, f"{show(a)} and {show(b)} overlap, but the sources state different figures")


def _rounded(q: Quantity) -> Quantity:
    """An exact figure stands for everything that rounds to it, at the precision it is written to:
    "37 miles" is [36.5, 37.5] miles, "4.5 billion" is [4.45, 4.55] billion.

    Used only when two figures are written in different units, where conversion never gives
    round numbers ("60 kilometres" is 37.28 miles).
    """
    if q.shape != "exact" or q.value == 0:
        return q
    step = q.step
    if step is None:  # a figure in words ("sixty kilometres"): its value's own digits
        text = f"{q.value:.10g}"
        step = 10 ** -len(text.split(".")[1]) if "." in text else 1
    half = step / 2
    # A whole number ending in zeros may be rounded at its last other digit ("170,000 square feet" may
    # be 168,000), though not by more than ROUNDING_REACH of it: "100 km" is not anything from 50 to 150.
    if (last := last_digit_step(q.value, step)) != step:
        half = max(half, min(last / 2, abs(q.value) * ROUNDING_REACH))
    return replace(q, interval=Interval(q.value - half, q.value + half), shape="approx")


MAX_FACTOR = 2.0  # two figures further apart than this are, by default, two quantities (see plausibly_one)


@lru_cache(maxsize=65536)  # a figure is set against many others; pint converts once
def _stated_value(q: Quantity) -> float:
    """The figure as stated, in its dimension's shared unit ("more than 200" -> 200, "3 weeks" -> seconds)."""
    return comparable_interval(replace(q, interval=Interval(q.value, q.value)))[1].lo


_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def written_digits(q: Quantity) -> str:
    """The digits a figure is written with, thousands separators left out ("$240 million" -> "240")."""
    if (comma := re.search(DECIMAL_COMMA, q.text)) is not None:  # "6,8 %": the digits of 6.8
        return comma.group(0).replace(",", ".")
    m = _DIGITS.search(q.text)
    return m.group(0).replace(",", "") if m else ""


SLIP_FACTOR = 100  # the most a digit added, dropped or swapped moves a figure ("240" and "2,400"; "63" and "36")


def plausibly_one(a: Quantity, b: Quantity) -> bool:
    """Whether two figures that the words around them pair can be one quantity misreported: within a
    factor of MAX_FACTOR of each other, or written with digits one slip apart ("63" and "36", "240" and
    "420", "$240 million" and "$240 billion"). A figure reported wrong is most often near the right one or
    a slip of it; figures further apart are, by far the most often, two quantities (a season's yards and a
    game's, a company's revenue and a division's)."""
    if a.second is not None or b.second is not None:
        return True  # scores are compared as they are
    va, vb = abs(_stated_value(a)), abs(_stated_value(b))
    if not (math.isfinite(va) and math.isfinite(vb)):
        return True
    lo, hi = sorted((va, vb))
    if hi == 0 or lo >= hi / MAX_FACTOR:
        return True
    da, db = written_digits(a), written_digits(b)
    if not (da and db):
        return False
    # A slip of the scale word keeps the digits; a slip of a digit keeps the scale, so the figures stay within
    # SLIP_FACTOR ("16 florins" and "168 million florins" are two slips: two amounts). One digit of two is no slip.
    return da == db or min(len(da), len(db)) >= 2 and OSA.distance(da, db) <= 1 and lo >= hi / SLIP_FACTOR


def rounded_interval(q: Quantity) -> Interval:
    """What a figure commits to once its rounding is read in ("71.3%" is 71.25 to 71.35%; "seven out
    of ten" 65 to 75%), in its dimension's shared unit: how precise a statement is."""
    return comparable_interval(_rounded(q))[1]


def _rounding_of(a: Quantity, b: Quantity) -> Verdict | None:
    """Agreement when the less precise of two exact figures is the other one rounded ("0.4%" and
    "0.38%", "$4.5 billion" and "$4.53 billion"): sources round, and that is not a disagreement."""
    if not (a.shape == b.shape == "exact") or a.unit != b.unit or a.value == b.value:
        return None
    sa, sb = a.step, b.step
    if sa is None or sb is None or math.isclose(sa, sb):
        return None
    coarse, fine = (a, b) if sa > sb else (b, a)
    half = max(sa, sb) / 2
    if coarse.value - half <= fine.value <= coarse.value + half:
        return Verdict(AGREE, f"{coarse.text!r} is {fine.text!r} rounded")
    return None


def _same_figure(a: Quantity, b: Quantity) -> bool:
    """The same figure, in one unit or in two of one space ("1 in 500" and "0.2 percent")."""
    if a.unit == b.unit:
        return a.value == b.value
    ua, ia = comparable_interval(replace(a, interval=Interval(a.value, a.value)))
    ub, ib = comparable_interval(replace(b, interval=Interval(b.value, b.value)))
    return ua == ub and math.isclose(ia.lo, ib.lo, rel_tol=1e-9)


def _one_conversion(a: Quantity, b: Quantity) -> bool:
    """The figures as written, each read with its rounding, overlap in one unit: one is the other converted."""
    ea, eb = (_rounded(replace(q, shape="exact", interval=Interval(q.value, q.value))) for q in (a, b))
    ua, ia = comparable_interval(ea)
    ub, ib = comparable_interval(eb)
    return ua == ub and ia.overlaps(ib)


def compare_quantities(a: Quantity, b: Quantity) -> Verdict | None:
    """None when the two cannot be compared (different dimensions or units)."""
    if a.dimension == "score" or b.dimension == "score":
        if a.dimension != b.dimension:
            return None
        if (a.value, a.second) == (b.value, b.second):
            return Verdict(AGREE, f"{a.text!r} and {b.text!r} give the same score {a.normalised}")
        return Verdict(CONTRADICT, f"scores {a.normalised} and {b.normalised} differ")
    # A bare magnitude ("triple-digit figures") takes the unit of the figure it is set against.
    if a.shape == "vague" and not a.unit and b.unit:
        a = replace(a, unit=b.unit, dimension=b.dimension)
    elif b.shape == "vague" and not b.unit and a.unit:
        b = replace(b, unit=a.unit, dimension=a.dimension)
    if {a.shape, b.shape} == {"range", "bound"} and a.unit == b.unit:
        # "between 30 and 35" within "fewer than 35": the range says more, and says it inside the bound
        # (its edge the bound's, as news writes a bound: "fewer than 35" is "35 at most").
        rng, bnd = (a, b) if a.shape == "range" else (b, a)
        if bnd.interval.lo <= rng.interval.lo and rng.interval.hi <= bnd.interval.hi:
            return Verdict(AGREE, f"{rng.text!r} lies within {bnd.text!r}")
    if a.change and a.change == b.change and a.unit == b.unit and a.value == -b.value != 0:
        # "has fallen by -3.16%" and "has fallen by 3.16%": the verb says the direction, and a minus
        # sign beside it repeats it.
        return Verdict(AGREE, f"{a.text!r} and {b.text!r} give the same move, one with a sign the verb repeats")
    rounded = _rounding_of(a, b)
    if rounded is not None:
        return rounded
    hedged = {a.shape, b.shape} <= {"exact", "approx", "bound"} and {a.shape, b.shape} != {"exact"} and (
        "exact" in (a.shape, b.shape) or comparable_interval(a)[1].overlaps(comparable_interval(b)[1]))
    if hedged and _same_figure(a, b):
        # "more than 20,000" and "some 20,000": one figure, hedged two ways. So are "nearly four years"
        # and "four years", "over 2.5 million" and "2.5 million": one outlet hedges the figure the other
        # gives plainly, as newsrooms round and qualify one number. Two hedges that exclude each other
        # ("more than 200", "fewer than 200") are not one figure.
        return Verdict(AGREE, f"{a.text!r} and {b.text!r} give the same figure, hedged differently")
    # Figures in two units are conversions of one another when, rounded as written, they overlap:
    # exact or approximate ("about 15 miles", "about 24km"), or bounds of one kind ("up to 120 mph",
    # "up to 193km/h", compared by their bound as written).
    converted = a.unit != b.unit and ({a.shape, b.shape} <= {"exact", "approx"}
                                      or a.shape == b.shape == "bound"
                                      and math.isinf(a.interval.hi) == math.isinf(b.interval.hi))
    if converted and a.shape == "bound":
        if _one_conversion(a, b):
            return Verdict(AGREE, f"{a.text!r} and {b.text!r} are the same bound in different units, as rounded")
        converted = False  # two bounds that are not one another's conversion
    elif hedged and a.unit != b.unit and a.dimension == b.dimension and _measured(a) and _one_conversion(a, b):
        # "up to 70 mph" and "113 km/h": one figure converted, and one outlet hedges it, as "more than 20,000"
        # hedges "some 20,000". (A share in words and in percent is one figure only as stated: _same_figure.)
        return Verdict(AGREE, f"{a.text!r} and {b.text!r} give the same figure in different units, as rounded, "
                              "hedged differently")
    if a.unit != b.unit:
        a, b = _rounded(a), _rounded(b)
    ua, ia = comparable_interval(a)
    ub, ib = comparable_interval(b)
    if ua != ub:
        return None
    if a.unit == b.unit:  # no conversion needed: judge, and say why, in the unit the sources write
        ia, ib = a.interval, b.interval
    if converted and ia.overlaps(ib):
        return Verdict(AGREE, f"{a.text!r} and {b.text!r} are the same value in different units, as rounded")
    show = str
    if a.unit != b.unit and _measured(a):
        # compared in the dimension's base unit (seconds, metres): said in the unit the first source writes
        per = to_base(1.0, a.unit)[0]
        show = lambda i: f"{i.scaled(1 / per)} {a.unit}"  # noqa: E731
    verdict = compare_intervals(ia, ib, a.shape, b.shape, a.text, b.text, show)
    if verdict.relation == CONTRADICT and a.unit == b.unit and (a.shape == "exact") != (b.shape == "exact"):
        # "$1 million" against "more than $1 million": a figure written at a scale ("million") is
        # rounded at it, and reaches into the bound; the sources put it differently, neither need be
        # wrong. A figure written to its units ("12", "5%") is taken as written: "under 12" excludes it.
        exact, bound = (a, b) if a.shape == "exact" else (b, a)
        if (exact.step or 0) > 1 and _rounded(exact).interval.overlaps(bound.interval):
            return Verdict(DIVERGE, f"{exact.text!r}, as rounded, reaches {bound.text!r}: "
                                    "the sources state it differently, not incompatibly")
    return verdict


NEAR_DAYS = 31  # two dates of one event misreported are days apart, not months


def plausibly_one_date(a: DateValue, b: DateValue) -> bool:
    """Whether two dates that the words around them pair can be one date misreported: days apart, or
    written with a year one slip of the digits apart ("1967" and "1976"); a weekday may be any day.
    Dates further apart are the dates of two events (two years a host presented the awards)."""
    if not a.month or not b.month:
        return True
    year_slip = bool(a.year and b.year) and OSA.distance(str(a.year), str(b.year)) <= 1
    if a.whole_year or b.whole_year:
        # Years one digit apart are as often two events ("1957", "1958") as one misreported: only two
        # digits swapped ("1967", "1976") is a slip.
        return bool(a.year and b.year) and sorted(str(a.year)) == sorted(str(b.year))
    if a.year and b.year and a.year != b.year:
        return year_slip and (a.month, a.day_lo) == (b.month, b.day_lo)
    ia, ib = a.interval(with_year=False), b.interval(with_year=False)
    days = lambda v: (v // 100) * 31 + v % 100  # noqa: E731  close enough to count days apart
    return abs(days(ia.lo) - days(ib.lo)) <= NEAR_DAYS


def plausibly_one_value(a, b) -> bool:
    """`plausibly_one` for figures, `plausibly_one_date` for dates; values of other kinds, or of two
    kinds, are not told apart this way."""
    if isinstance(a, Quantity) and isinstance(b, Quantity):
        return plausibly_one(a, b)
    if isinstance(a, DateValue) and isinstance(b, DateValue):
        return plausibly_one_date(a, b)
    return True


def _weekday(d: DateValue) -> int | None:
    """The day of the week a date falls on, when it is a weekday or one whole day of a known year; of a
    day of no known year, the weekday its text names ("Monday (Jan 6)"), if any."""
    if d.month == 0 or not d.year:
        return d.weekday
    return weekday_of(d)


def _day_after(a: DateValue, b: DateValue) -> bool:
    """Whether b is the day after a: two single days of the calendar, or two weekdays (a day of a known
    year has its weekday)."""
    if any(d.month and (d.day_lo != d.day_hi or d.month_hi) for d in (a, b)):
        return False  # "June" and "June 2": a day within a month, not the day after it
    if a.month and b.month:
        import datetime as dt

        try:
            da = dt.date(a.year or 2000, a.month, a.day_lo)
            db = dt.date(b.year or a.year or 2000, b.month, b.day_lo)
        except ValueError:
            return False
        return (db - da).days == 1
    wa, wb = _weekday(a), _weekday(b)
    return wa is not None and wb is not None and (wb - wa) % 7 == 1


def _overnight(a: DateValue, b: DateValue) -> bool:
    """"late Thursday" (or "Thursday night") and "early Friday": the night between two days, told from
    either side."""
    late = re.match(r"late\b", a.text, re.I) or re.search(r"\b(?:night|evening)$", a.text, re.I)
    return bool(late and re.match(r"early\b", b.text, re.I)) and _day_after(a, b)


def _zones_apart(a: DateValue, b: DateValue) -> DateValue | None:
    """Of two days a day apart, the one told in a time zone the other is not told in ("Saturday (local time)"
    in Seoul's, "Friday" in a paper of New York's): one moment can fall on both. None otherwise."""
    if a.zone == b.zone or not (_day_after(a, b) or _day_after(b, a)):
        return None
    return a if a.zone else b


def _stated(d: DateValue) -> str:
    """A date as a reason shows it: normalised, as written, and the weekday its text names beside a day."""
    named = f", a {WEEKDAY_NAMES[d.weekday]}" if d.month and d.weekday is not None else ""
    return f"{d.normalised} ({d.text!r}{named})"


_WEEKDAY_WORD = re.compile(rf"\b(?:{'|'.join(WEEKDAY_NAMES)})\b", re.I)


def _said_as_weekday(d: DateValue) -> bool:
    """A day its text gives as a weekday alone ("on Thursday", "early Friday"), which only its article's date and
    the verb's tense place in a week; not "last Thursday" or "next Friday", which say the week."""
    return not d.year_stated and bool(_WEEKDAY_WORD.search(d.text)) and not any(ch.isdigit() for ch in d.text) \
        and not re.search(r"\b(?:last|next)\b", d.text, re.I)


def compare_dates(a: DateValue, b: DateValue) -> Verdict | None:
    """None when the two cannot be set against each other (a weekday and a date of no known year)."""
    if _overnight(a, b) or _overnight(b, a):
        return Verdict(AGREE, f"{a.text!r} and {b.text!r} are the two sides of one night")
    if _said_as_weekday(a) and _said_as_weekday(b) and (day := _weekday(a)) is not None and day == _weekday(b):
        # "to be voted on Thursday" in two articles of one week: which Thursday is read from each article's date
        # and its verb's tense, not said by either source.
        return Verdict(AGREE, f"{a.text!r} and {b.text!r} name the same day of the week")
    if (zoned := _zones_apart(a, b)) is not None:
        return Verdict(DIVERGE, f"{a.text!r} and {b.text!r} are a day apart, and {zoned.text!r} is told in "
                                f"{zoned.zone}: one moment falls on two days in time zones far apart")
    if a.month == 0 or b.month == 0:
        wa, wb = _weekday(a), _weekday(b)
        if wa is None or wb is None:
            return None
        if wa == wb:
            return Verdict(AGREE, f"{a.text!r} and {b.text!r} fall on the same day of the week")
        return Verdict(CONTRADICT, f"{_stated(a)} and {_stated(b)} fall on different days of the week")
    if a.year and b.year and a.year != b.year and a.year_stated and b.year_stated:
        ia, ib = a.interval(), b.interval()
    elif a.whole_year or b.whole_year:
        if not (a.year and b.year):
            return None  # a year against a day of no known year: nothing to set them against
        ia, ib = a.interval(), b.interval()
    else:  # year not stated on one side (or only the article's): compare within the year
        ia, ib = a.interval(with_year=False), b.interval(with_year=False)
    shape = lambda d: "exact" if d.day_lo == d.day_hi and not d.month_hi else "range"  # noqa: E731
    verdict = compare_intervals(ia, ib, shape(a), shape(b), a.text, b.text)
    if verdict.relation == CONTRADICT:
        return Verdict(CONTRADICT, f"{a.normalised} and {b.normalised} do not overlap")
    return verdict


def one_value(a, b) -> bool:
    """Two values that are one, however each is written: "December 15" in an article of 2013 and
    "December 15, 2013"; a weekday and the dated day it falls on ("Friday", "2013-03-08")."""
    if a.normalised == b.normalised:
        return True
    if isinstance(a, DateValue) and isinstance(b, DateValue):
        verdict = compare_dates(a, b)
        return verdict is not None and verdict.relation == AGREE
    return False
