"""NUM004 conversion-mismatch: a source's bracketed conversion that is not its figure converted."""

from __future__ import annotations

from dataclasses import dataclass, replace

from checker.claims.claim import ClaimKind
from checker.findings.context import Context
from checker.findings.explanation import Explanation
from checker.findings.finding import Evidence, Finding
from checker.findings.registry import Rule
from checker.groups.conversions import is_money
from checker.values.compare import CONTRADICT, compare_quantities
from checker.values.numbers import unit_registry
from checker.values.types import Interval


@dataclass(frozen=True)
class ConversionExplanation(Explanation):
    grouped_because: str
    stated: str  # the figure, normalised
    converted: str  # the bracketed figure, normalised
    expected: str  # the figure in the bracket's unit
    judgement: str
    reason: str
    # Other sources that convert the same figure into the same unit, and get it right
    converted_right_by: tuple[str, ...] = ()
    # Other sources that state the figure itself, in its own unit, unconverted: the side of the two the
    # coverage bears out
    stated_also_by: tuple[str, ...] = ()


def _in_unit(value: float, unit: str, target: str) -> float:
    return float(unit_registry().Quantity(value, unit).to(target).magnitude)


def _round_step(q) -> float:
    """The step a whole figure's trailing zeros imply ("190": 10, "25,000": 1,000; "186": 1)."""
    v = q.value
    if v < 10 or v != int(v):
        return q.step or 1
    zeros = len(str(int(v))) - len(str(int(v)).rstrip("0"))
    return max(10.0 ** zeros, q.step or 1)


def _converted(q, unit: str, target: str) -> tuple[float, float]:
    """What the figure stands for, at its written precision, in the target unit."""
    half = (q.step or 1) / 2
    return tuple(sorted((_in_unit(q.value - half, unit, target), _in_unit(q.value + half, unit, target))))


def _fits(lo: float, hi: float, conversion) -> bool:
    """A conversion is rounded to its own round figure: "300 km (190 miles)" is 186 miles to the nearest
    ten, "40,000 km (25,000 miles)" to the nearest thousand."""
    round_half = _round_step(conversion) / 2
    return conversion.interval.lo - round_half <= hi and lo <= conversion.interval.hi + round_half


def _wrong(conv, context: Context):
    """The verdict on a conversion that is not its figure converted, with the figure's range in the bracket's
    unit; None for a right one (as rounded), a range around the figure, or money."""
    a, b = conv.stated, conv.converted
    if is_money(a.value):
        return None  # currencies have no fixed rate: NUM006 compares the rates sources convert at
    q, c = a.value, b.value
    if q.shape == "bound":
        # "up to 6 metres (about 12 feet)": the bracket converts the bound's figure, which an interval from zero
        # would let any smaller figure overlap
        q, c = _bound_figure(q), _bound_figure(c) if c.shape == "bound" else c
    verdict = compare_quantities(q, c)
    if verdict is None or verdict.relation != CONTRADICT:
        return None  # the same value as rounded, or a bracket that gives a range around it
    unit = c.unit
    lo, hi = _converted(q, q.unit, unit)
    if _fits(lo, hi, c):
        return None
    # "5,600 miles (10,400 km)" of a flight: nautical miles, which news writes as miles.
    other = context.vocabulary.units.get("ambiguous", {})
    if q.unit in other and _fits(*_converted(q, str(other[q.unit]), unit), c) \
            or unit in other and _fits(*_converted(q, q.unit, str(other[unit])), c):
        return None
    return verdict, lo, hi


def _bound_figure(q):
    """The figure a bound states, as if stated plainly ("up to 6 metres" as 6 metres)."""
    return replace(q, interval=Interval(q.value, q.value), shape="exact", qualifier="")


def _same_figure(a, b) -> bool:
    """The same number in the same unit, however hedged ("up to 30 km/h", "about 30 km/h")."""
    return a.value == b.value and a.unit == b.unit


def check(context: Context) -> list[Finding]:
    out = []
    judged = [(conv, _wrong(conv, context)) for conv in context.conversions]  # each conversion judged once
    for conv, wrong in judged:
        if wrong is None:
            continue
        verdict, lo, hi = wrong
        a, b = conv.stated, conv.converted
        q, unit = a.value, b.value.unit
        expected = f"{_in_unit(q.value, q.unit, unit):.4g} {unit}"
        path = context.corpus.path(a.source)
        evidence = [Evidence.of(a, path, False), Evidence.of(b, path, True)]
        # Other sources converting the same figure into the same unit, right: what a reader of theirs was told.
        right = sorted((o for o, w in judged if w is None and o.stated.source != a.source
                        and _same_figure(o.stated.value, q) and o.converted.value.unit == unit
                        and not is_money(o.stated.value)), key=lambda o: (o.stated.source, o.stated.start))
        for o in right:
            evidence += [Evidence.of(o.stated, context.corpus.path(o.stated.source), False),
                         Evidence.of(o.converted, context.corpus.path(o.stated.source), False)]
        # Sources that give the figure alone, in its unit: "plunging about 14 metres" beside "fell about 14
        # metres (some 62 feet)" says the metres are the coverage's figure and the feet the slip.
        converting = {a.source, *(o.stated.source for o, _ in judged  # each converting source quotes its own
                                  if _same_figure(o.stated.value, q) and o.converted.value.unit == unit)}
        also = {}
        for c in sorted(context.claims, key=lambda c: (c.source, c.start)):
            if c.source not in converting and c.source not in also and c.kind is ClaimKind.QUANTITY \
                    and not c.converted and c.value.dimension == q.dimension and _same_figure(c.value, q):
                also[c.source] = c
        for c in also.values():
            evidence.append(Evidence.of(c, context.corpus.path(c.source), False))
        message = (f"{a.span!r} is {expected} ({lo:.4g} to {hi:.4g} as written), but {a.source} gives "
                   f"{b.span!r} as its conversion")
        if right:
            message += "; " + ", ".join(f"{o.stated.source} converts it to {o.converted.span!r}" for o in right)
        if also:
            message += "; " + ", ".join(f"{c.source} gives {c.span!r}" for c in also.values())
        explanation = ConversionExplanation(conv.reason, a.normalised, b.normalised, expected, verdict.relation,
                                            verdict.reason, tuple(sorted({o.stated.source for o in right})),
                                            tuple(also))
        out.append(Finding.from_rule(RULE, f"{a.span} ({b.span})", message, evidence, explanation,
                                     key=(a.source, a.normalised, b.normalised)))
    return out


RULE = Rule(
    "NUM004", "conversion-mismatch", "number", "warning",
    summary="A figure's conversion in brackets is not the figure converted.",
    why="\"40 miles (89 km)\": one of the two is wrong, and readers of either unit are misinformed. A "
        "conversion that agrees once rounded (\"40 miles (64 km)\", \"300 km (190 miles)\": to its own round "
        "figure) or that brackets a range around the figure is not flagged; currencies are not converted "
        "(rates move).",
    example="\"The storm made landfall 40 miles (89 km) south of the city.\"",
    explanation=ConversionExplanation, check=check)
