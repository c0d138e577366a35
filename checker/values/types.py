"""The values a claim can carry. Plain, frozen data: easy to test, compare and serialise."""

from __future__ import annotations

import math
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Interval:
    """A set of real numbers [lo, hi], either end possibly open. inf marks no bound."""

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    @classmethod
    def point(cls, v: float) -> Interval:
        return cls(v, v)

    @property
    def is_point(self) -> bool:
        return self.lo == self.hi and not (self.lo_open or self.hi_open)

    def contains(self, other: Interval) -> bool:
        lo_ok = self.lo < other.lo or (self.lo == other.lo and (not self.lo_open or other.lo_open))
        hi_ok = self.hi > other.hi or (self.hi == other.hi and (not self.hi_open or other.hi_open))
        return lo_ok and hi_ok

    def overlaps(self, other: Interval) -> bool:
        def before(a: Interval, b: Interval) -> bool:
            return a.hi < b.lo or (a.hi == b.lo and (a.hi_open or b.lo_open))

        return not before(self, other) and not before(other, self)

    def scaled(self, factor: float) -> Interval:
        return Interval(self.lo * factor, self.hi * factor, self.lo_open, self.hi_open)

    def __str__(self) -> str:
        def fmt(v: float) -> str:
            if math.isinf(v):
                return "inf" if v > 0 else "-inf"
            return f"{v:g}"

        if self.is_point:
            return fmt(self.lo)
        lo_open = self.lo_open or math.isinf(self.lo)
        hi_open = self.hi_open or math.isinf(self.hi)
        return f"{'(' if lo_open else '['}{fmt(self.lo)}, {fmt(self.hi)}{')' if hi_open else ']'}"


@dataclass(frozen=True)
class Quantity:
    """A figure as written and as understood.

    `value` is the stated figure (the bound a qualifier speaks of); `interval` is what the
    text commits to; `shape` says how it was stated: exact, approx, bound, range or vague.
    `change` is the direction of a movement ("up", "down") when the figure is one.
    """

    text: str
    value: float
    interval: Interval
    unit: str  # normalised: "%", "pp", "USD", "day", "bottle", "" ...
    dimension: str  # "percent", "currency:USD", "duration", "count", "number" ...
    shape: str
    qualifier: str = ""
    change: str = ""
    second: float | None = None  # the other side of a score or tally ("won 3-1")
    step: float | None = None  # the precision it is written to, in its own scale ("0.4%": 0.1); None in words

    @property
    def normalised(self) -> str:
        if self.second is not None:
            return f"{self.value:g}-{self.second:g}"
        unit = f" {self.unit}" if self.unit and self.unit != "%" else self.unit
        return f"{self.interval}{unit}"


WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")  # ISO order


@dataclass(frozen=True)
class DateValue:
    """A calendar date or range of days. Year is None when the text does not give it and it is not known.

    A weekday that no article date places in the calendar ("on Tuesday" in an undated article) is
    month 0 with its `weekday` (0 is Monday): it can still be set against another weekday or a date.
    A day the text names with its weekday ("Monday (Jan 6)") keeps that weekday too: of a day of no
    known year it is all the calendar can say.
    """

    text: str
    year: int | None
    month: int
    day_lo: int
    day_hi: int
    weekday: int | None = None
    year_stated: bool = True  # False when the year is the article's own, not the text's
    month_hi: int = 0  # the last month of a span of months ("in 1967": January to December); 0: `month`
    # The time zone the text tells the day in ("Saturday (local time)", "Friday, Eastern time"): "local time",
    # the zone's words as written; "" when it names none (the day of the writer's readers, mostly).
    zone: str = ""

    @property
    def whole_year(self) -> bool:
        return self.month == 1 and self.month_hi == 12 and self.day_lo == 1 and self.day_hi == 31

    @property
    def normalised(self) -> str:
        if self.month == 0 and self.weekday is not None:
            return WEEKDAY_NAMES[self.weekday]
        y = f"{self.year:04d}" if self.year else "????"
        if self.whole_year:
            return y
        if self.day_lo == self.day_hi:
            return f"{y}-{self.month:02d}-{self.day_lo:02d}"
        return f"{y}-{self.month:02d}-{self.day_lo:02d}/{self.day_hi:02d}"

    def interval(self, with_year: bool = True) -> Interval:
        """The days as numbers (yyyymmdd), or within the year (mmdd) when the year is not to be read."""
        base = (self.year or 0) * 10000 if with_year else 0
        return Interval(base + self.month * 100 + self.day_lo, base + (self.month_hi or self.month) * 100 + self.day_hi)


@dataclass(frozen=True)
class PersonName:
    """A person as named in one mention: given names (possibly empty) and surname."""

    text: str
    given: tuple[str, ...] = field(default_factory=tuple)
    surname: str = ""

    @property
    def full(self) -> str:
        return " ".join((*self.given, self.surname)).strip()


@dataclass(frozen=True)
class Entity:
    """A place or organisation as written, and the canonical name its alias resolves to."""

    text: str
    name: str
    label: str

    @property
    def normalised(self) -> str:
        return self.name
