"""NUM006 exchange-rate-mismatch: sources that convert money between two currencies at rates too far apart."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from checker.findings.context import Context
from checker.findings.explanation import Explanation
from checker.findings.finding import Evidence, Finding
from checker.findings.registry import Rule
from checker.groups.conversions import Conversion, is_money
from checker.groups.moments import apart, article_dates, source_moments
from checker.values.types import Quantity

# How far one day's rate may stand from another's within a story's run of dates, either way. Rates move, but
# seldom by more than this within a few days; a conversion further off is at another rate, or a slip.
RATE_DRIFT = 0.03


@dataclass(frozen=True)
class RateExplanation(Explanation):
    grouped_because: str
    currencies: str  # "EUR -> GBP"
    rates: tuple[str, ...]  # each source's conversion and the rate it converts at, as written
    consensus: str  # the rate the other sources agree on, or "" when none has a majority
    judgement: str


@dataclass(frozen=True)
class _Rate:
    conversion: Conversion
    lo: float  # units of the second currency for one of the first, at the figures' written precision
    hi: float

    @property
    def source(self) -> str:
        return self.conversion.stated.source

    def agrees(self, other: _Rate) -> bool:
        return self.lo * (1 - RATE_DRIFT) <= other.hi * (1 + RATE_DRIFT) \
            and other.lo * (1 - RATE_DRIFT) <= self.hi * (1 + RATE_DRIFT)

    def shown(self) -> str:
        a, b = self.conversion.stated, self.conversion.converted
        return f"{a.source}: {a.span!r} ({b.span!r}), {self.lo:.4g} to {self.hi:.4g}"


def _bounds(q: Quantity) -> tuple[float, float] | None:
    """The figure as written, to half its last digit's step: a conversion is rounded, and an "about" or an
    "almost" before it says so ("about £31 million" is 30.5 to 31.5 million). None for a range or a bound."""
    if q.shape not in ("exact", "approx"):
        return None
    half = (q.step or 0) / 2
    return q.value - half, q.value + half


def _rate(conv: Conversion) -> tuple[str, str, _Rate] | None:
    """The conversion's currencies, in a fixed order, and the rate it converts at (inverted when the source
    converts the other way), or None for a figure with no finite bounds."""
    a, b = conv.stated.value, conv.converted.value
    if (ab := _bounds(a)) is None or (bb := _bounds(b)) is None:
        return None
    (alo, ahi), (blo, bhi) = ab, bb
    if not (0 < alo <= ahi < float("inf") and 0 < blo <= bhi < float("inf")):
        return None
    if a.unit < b.unit:
        return a.unit, b.unit, _Rate(conv, blo / ahi, bhi / alo)
    return b.unit, a.unit, _Rate(conv, alo / bhi, ahi / blo)


def check(context: Context) -> list[Finding]:
    moment = source_moments(article_dates(context.corpus))  # a rate is of its days
    pairs: dict[tuple[str, str], list[_Rate]] = defaultdict(list)
    for conv in context.conversions:
        if is_money(conv.stated.value) and (read := _rate(conv)) is not None:
            first, second, rate = read
            pairs[(first, second)].append(rate)
    out = []
    for (first, second), rates in sorted(pairs.items()):
        for r in rates:
            peers = [o for o in rates if o.source != r.source and not apart(r.source, o.source, moment)]
            finding = _judge(r, peers, first, second, rates, context)
            if finding is not None:
                out.append(finding)
    return out


def _judge(r: _Rate, peers: list[_Rate], first: str, second: str, rates: list[_Rate],
           context: Context) -> Finding | None:
    """The finding on `r`'s rate against its peers' (other sources, of its run of dates): flagged when the
    others that contradict it agree among themselves and outnumber its backers; quoted with neither side flagged
    when one other source alone contradicts it and none backs either."""
    against = [o for o in peers if not r.agrees(o)]
    if not against:
        return None
    backers = {o.source for o in peers if r.agrees(o)}
    opposed = {o.source for o in against}
    agreeing = all(o.agrees(x) for o in against for x in against)
    majority = agreeing and len(opposed) > len(backers) + 1
    alone = not backers and len(opposed) == 1 and not any(
        o.agrees(x) for o in against for x in peers if x.source not in opposed)
    if not (majority or alone) or alone and not majority and r.source > next(iter(opposed)):
        return None  # no majority either way; a pair alone is reported once, from its first source
    path = context.corpus.path
    stated, converted = r.conversion.stated, r.conversion.converted
    evidence = [Evidence.of(stated, path(r.source), False), Evidence.of(converted, path(r.source), majority)]
    for o in sorted(against, key=lambda o: (o.source, o.conversion.stated.start)):
        evidence += [Evidence.of(o.conversion.stated, path(o.source), False),
                     Evidence.of(o.conversion.converted, path(o.source), False)]
    others = "; ".join(o.shown() for o in sorted(against, key=lambda o: o.source))
    rate = f"{r.lo:.4g} to {r.hi:.4g} {second} per {first}"
    if majority:
        agreed = f"{min(o.lo for o in against):.4g} to {max(o.hi for o in against):.4g}"
        message = (f"{r.source} converts {stated.span!r} to {converted.span!r}, {rate}; the other sources convert "
                   f"at {agreed} ({others})")
        judgement = (f"{r.source}'s rate is more than {RATE_DRIFT:.0%} from each of {len(opposed)} sources' rates, "
                     f"which agree among themselves")
    else:
        agreed = ""
        message = (f"{r.source} converts {stated.span!r} to {converted.span!r}, {rate}, and {others.split(':')[0]} "
                   f"at another rate ({others}); neither has a majority")
        judgement = f"the two rates are more than {RATE_DRIFT:.0%} apart, each as written; no source backs either"
    explanation = RateExplanation(
        "each source's own conversion of an amount into another currency (in brackets after it, or hedged after a comma); sources of one run "
        "of dates (an undated source is of every run)",
        f"{first} -> {second}", tuple(x.shown() for x in sorted(rates, key=lambda x: (x.source, x.lo))), agreed,
        judgement)
    return Finding.from_rule(RULE, f"{stated.span} ({converted.span})", message, evidence, explanation,
                             key=(r.source, first, second, converted.normalised))


RULE = Rule(
    "NUM006", "exchange-rate-mismatch", "number", "warning",
    summary="Sources convert money between two currencies at rates too far apart to be one day's rate.",
    why="\"€42 million (£36.5 million)\" in one source and \"€42m (about £31 million)\" in another: one conversion "
        "is wrong, and readers of the second currency are told another amount. Rates move, so each conversion's "
        f"rate is read as written (to half its last digit) and allowed {RATE_DRIFT:.0%} either way, "
        "and only sources of one run of dates are compared. A rate that a majority of the others contradicts, "
        "agreeing among themselves, is flagged; two sources alone are both quoted, neither flagged.",
    example="\"a fee of €42m (about £31 million)\" where another source converts \"€42 million (£36.5 million)\".",
    explanation=RateExplanation, check=check)
