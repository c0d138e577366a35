"""A figure and its conversion in brackets, in one source: "40 miles (64 km)", "90 mph (145 km/h)", "€42 million
(£36.5 million)", "62 centimetres of snow - about 24 inches -".

Grouping only pairs them; NUM004 judges whether the bracket is the figure converted, NUM006 whether sources
convert money at one rate.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from checker.claims.claim import Claim, ClaimKind
from checker.corpus import Corpus
from checker.values.compare import comparable_interval
from checker.values.types import Quantity

# What stands between a figure and its conversion, and what may close it: " (", " (or ", ")" / ","; or a dash set
# apart by spaces, as brackets are ("62 centimetres - about 24 inches - in a day"). A few words of what the figure
# measures may come first ("12,000 square metres of new galleries (129,000 sq ft)").
_OPEN = re.compile(r"(?:\s+[^\W\d_][\w'\u2019-]*){0,4}\s*(?:(?P<bracket>\()|\s[-\u2013\u2014]\s)\s*(?:or\s+)?")
_CLOSE = re.compile(r"\s*[),;]")
_DASH_CLOSE = re.compile(r"\s[-\u2013\u2014]\s|\s*[,;.]")
# Converted after a comma: "a fee of €42 million, almost £37 million", "€42 million, or about £37 million", "14 nautical
# miles, or about 26 kilometres,", "at 400 feet, about 120 metres,": the second figure offered as another way to say it
# ("or") or hedged ("almost", "about"), then the phrase ends ("at 400 feet, about 120 metres from the runway" is two).
_COMMA = re.compile(r"\s*,\s*(?P<or>or\s+)?")
_COMMA_CLOSE = re.compile(r"\s*(?:[),;.]|$)")


@dataclass(frozen=True)
class Conversion:
    """A figure and the conversion the same source gives it in brackets."""

    stated: Claim
    converted: Claim
    reason: str


def is_money(q: Quantity) -> bool:
    return q.dimension.startswith("currency")


def _convertible(c: Claim) -> bool:
    q = c.value
    return (c.kind is ClaimKind.QUANTITY and isinstance(q, Quantity) and bool(q.unit)
            and (q.dimension == "duration" or q.dimension.startswith("physical:") or is_money(q)))


def _one_kind(a: Quantity, b: Quantity) -> bool:
    """Two figures one may convert: two units of one dimension, or two currencies."""
    if is_money(a) or is_money(b):
        return is_money(a) and is_money(b)
    return comparable_interval(a)[0] == comparable_interval(b)[0]


def bracketed_conversions(claims: Sequence[Claim], corpus: Corpus) -> list[Conversion]:
    """Each figure followed by the same kind of figure, in other units (another currency), in brackets right
    after it."""
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if _convertible(c):
            by_source[c.source].append(c)
    out = []
    for source in sorted(by_source):
        text = corpus[source].text
        cs = sorted(by_source[source], key=lambda c: c.start)
        for a, b in zip(cs, cs[1:]):
            if a.value.unit == b.value.unit or not _one_kind(a.value, b.value):
                continue
            between = text[a.end : b.start]
            opened = _OPEN.fullmatch(between)
            if opened and (_CLOSE if opened.group("bracket") else _DASH_CLOSE).match(text, b.end):
                out.append(Conversion(a, b, f"{b.span!r} stands in {'brackets' if opened.group('bracket') else 'dashes'}"
                                            f" right after {a.span!r} in the same sentence: the source's own "
                                            f"conversion of it"))
            elif (comma := _COMMA.fullmatch(between)) and _COMMA_CLOSE.match(text, b.end) \
                    and (comma.group("or") or b.value.qualifier):
                out.append(Conversion(a, b, f"{b.span!r} follows {a.span!r} after a comma, "
                                            f"{'offered with or' if comma.group('or') else 'hedged'}, and ends the "
                                            f"phrase: the source's own conversion of it"))
    return out
