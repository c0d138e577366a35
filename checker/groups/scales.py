"""The same digits with another scale word: "$240 million" in five sources, "$240 billion" in one.

A scale word slips where digits do not: copy retyped or translated turns "million" into "billion",
and the figure is then a thousand times off while every digit agrees. Figures of different sources
are set side by side when they are written with the same digits, are of the same kind (the same
currency, the same counted noun), differ by their scale word only, and share words near them (what
the figure is of). Grouping only sets them side by side; NUM005 judges.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from checker.claims.claim import Claim, ClaimKind
from checker.values.compare import comparable_interval, written_digits
from checker.values.types import Quantity

SCALES = (1e3, 1e6, 1e9, 1e12)  # thousand, million, billion, trillion
MIN_SHARED = 1  # words near both figures, their counted noun and names aside: what the figure is of


@dataclass(frozen=True)
class ScaleSet:
    """Figures of several sources written with the same digits and different scale words."""

    digits: str  # as written, without thousands separators ("240", "48.6")
    kind: str  # the unit space ("currency:USD", "count:people")
    by_scale: tuple[tuple[float, tuple[Claim, ...]], ...]  # each scale with its claims, most sources first
    shared: tuple[str, ...]  # words near figures of both scales
    reason: str


def written(c: Claim) -> tuple[str, float] | None:
    """The digits a figure is written with and the scale word's factor ("$240 million" -> ("240", 1e6));
    None for a figure with no scale word or not a single exact figure."""
    q = c.value
    if not isinstance(q, Quantity) or q.shape not in ("exact", "approx", "bound") or q.second is not None or not q.value:
        return None
    digits = written_digits(q)
    if not digits:
        return None
    try:
        factor = q.value / float(digits)
    except (ValueError, ZeroDivisionError):
        return None
    scale = next((s for s in SCALES if math.isclose(abs(factor), s, rel_tol=1e-6)), None)
    return (digits, scale) if scale is not None else None


def _kind(c: Claim) -> str:
    """A count of any noun or none ("48.6 million people", "48.6 million"): the words near it say of what.
    Otherwise the unit space ("currency:USD", "percent:%")."""
    q = c.value
    return "count" if q.dimension in ("count", "number") else comparable_interval(q)[0]


def _about(c: Claim, light_verbs: frozenset[str]) -> set[str]:
    """The words that say what a figure is of: those near it, its noun and the verb that states it
    ("sold the field for $30 million"), unless a verb of every sentence ("was", "had")."""
    words = set(c.near) | {c.attribute or ""} | ({c.verb or ""} - light_verbs)
    return words - {c.value.unit, ""}


def scale_sets(claims: Sequence[Claim], light_verbs: frozenset[str] = frozenset()) -> list[ScaleSet]:
    """Sets of figures, from at least two sources, that differ by their scale word only. `light_verbs`:
    verbs that say nothing of what a figure is of."""
    by_key: dict[tuple[str, str], list[tuple[float, Claim]]] = defaultdict(list)
    for c in claims:
        if c.kind is not ClaimKind.QUANTITY or c.attribute == "age":
            continue
        w = written(c)
        if w is not None:
            by_key[(w[0], _kind(c))].append((w[1], c))
    out = []
    for (digits, kind), members in sorted(by_key.items()):
        scales: dict[float, list[Claim]] = defaultdict(list)
        for scale, c in members:
            scales[scale].append(c)
        if len(scales) < 2:
            continue
        sources = {s: {c.source for c in cs} for s, cs in scales.items()}
        # A source that writes the digits with two scale words speaks of two figures.
        if any(sources[a] & sources[b] for a in scales for b in scales if a < b):
            continue
        near = {s: set().union(*(_about(c, light_verbs) for c in cs)) for s, cs in scales.items()}
        names = set().union(*(set(c.near_names) for _, c in members))
        ordered = sorted(scales, key=lambda s: (-len(sources[s]), s))
        shared = set.intersection(*(near[s] for s in ordered))
        if len(shared - names) < MIN_SHARED:
            continue  # nothing near them says the figures are of one thing: a name is whose, not what
        by_scale = tuple((s, tuple(sorted(scales[s], key=lambda c: (c.source, c.start)))) for s in ordered)
        words = ", ".join(sorted(shared))
        reason = (f"the same digits ({digits}) of the same kind of figure ({kind.split(':')[-1] or kind}) with "
                  f"different scale words, in different sources, with the same words near them ({words})")
        out.append(ScaleSet(digits, kind, by_scale, tuple(sorted(shared)), reason))
    return out
