"""A figure and its conversion in brackets, in one source: "40 miles (64 km)", "90 mph (145 km/h)".

Grouping only pairs them; NUM004 judges whether the bracket is the figure converted.
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

# What stands between a figure and its conversion, and what may close it: " (", " (or ", ")" / ",".
_OPEN = re.compile(r"\s*\(\s*(?:or\s+)?")
_CLOSE = re.compile(r"\s*[),;]")


@dataclass(frozen=True)
class Conversion:
    """A figure and the conversion the same source gives it in brackets."""

    stated: Claim
    converted: Claim
    reason: str


def _convertible(c: Claim) -> bool:
    q = c.value
    return (c.kind is ClaimKind.QUANTITY and isinstance(q, Quantity) and bool(q.unit)
            and (q.dimension == "duration" or q.dimension.startswith("physical:")))


def bracketed_conversions(claims: Sequence[Claim], corpus: Corpus) -> list[Conversion]:
    """Each figure followed by the same kind of figure, in other units, in brackets right after it."""
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if _convertible(c):
            by_source[c.source].append(c)
    out = []
    for source in sorted(by_source):
        text = corpus[source].text
        cs = sorted(by_source[source], key=lambda c: c.start)
        for a, b in zip(cs, cs[1:]):
            if a.value.unit == b.value.unit or comparable_interval(a.value)[0] != comparable_interval(b.value)[0]:
                continue
            if not _OPEN.fullmatch(text[a.end : b.start]) or not _CLOSE.match(text, b.end):
                continue
            out.append(Conversion(a, b, f"{b.span!r} stands in brackets right after {a.span!r} in the same "
                                        f"sentence: the source's own conversion of it"))
    return out
