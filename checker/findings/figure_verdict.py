"""The verdict over a group of figures or dates, which NUM001, NUM002 and DATE001 read: the value
most sources give is the consensus; outliers are flagged. Where no value has a majority (one
source against one), the finding quotes every side and flags none: there is no outlier to point at.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from checker.claims.claim import Claim
from checker.corpus import Corpus
from checker.findings.explanation import Explanation
from checker.findings.finding import Evidence, Finding
from checker.findings.registry import Rule
from checker.groups.components import connected
from checker.groups.figures import STORY, Group
from checker.values.compare import (
    AGREE,
    CONTRADICT,
    DIVERGE,
    Verdict,
    compare_dates,
    compare_quantities,
)
from checker.values.types import DateValue, Quantity

_RANK = {AGREE: 0, DIVERGE: 1, CONTRADICT: 2}


@dataclass(frozen=True)
class FigureExplanation(Explanation):
    grouped_because: str
    values: tuple[tuple[str, tuple[str, ...]], ...]  # (value, its sources), most sources first
    judgement: str
    reason: str
    majority: str | None

    def to_dict(self) -> dict:
        return {"grouped_because": self.grouped_because, "values": {v: list(s) for v, s in self.values},
                "judgement": self.judgement, "reason": self.reason, "majority": self.majority}


@dataclass(frozen=True)
class FigureVerdict:
    """Sources disagree over a group: how (diverge or contradict), why, and who is flagged."""

    group: Group
    relation: str  # DIVERGE or CONTRADICT
    reason: str
    by_value: tuple[tuple[str, tuple[Claim, ...]], ...]  # one claim per source and value, most sources first
    majority: str | None  # the value more sources give than any other, if one does
    flagged: frozenset[str]  # the values that clash and are not the majority's; none without a majority

    @property
    def kind(self) -> str:
        return self.group.kind


def _verdict(a: Claim, b: Claim) -> Verdict | None:
    if isinstance(a.value, Quantity) and isinstance(b.value, Quantity):
        return compare_quantities(a.value, b.value)
    if isinstance(a.value, DateValue) and isinstance(b.value, DateValue):
        return compare_dates(a.value, b.value)
    return None


def figure_verdict(group: Group) -> FigureVerdict | None:
    """The disagreement within a group, or None when its sources agree (or it mixes quantities)."""
    claims = list(group.claims)
    # Sources per stated value; one claim per (source, value).
    by_value: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if all(x.source != c.source for x in by_value[c.normalised]):
            by_value[c.normalised].append(c)
    values = sorted(by_value, key=lambda v: (-len(by_value[v]), v))
    if len(values) < 2:
        return None
    # A source that gives two incompatible values for "the same" quantity is speaking of two (two
    # days' index moves, two years' budgets): the group mixes quantities and no side can be flagged.
    for source in {c.source for c in claims}:
        own = [next(c for c in by_value[v] if c.source == source) for v in values
               if any(c.source == source for c in by_value[v])]
        for i, a in enumerate(own):
            if any((v := _verdict(a, b)) is not None and v.relation == CONTRADICT for b in own[i + 1 :]):
                return None
    worst, worst_reason = AGREE, ""
    clashes: set[str] = set()
    clashing_pairs: set[frozenset[str]] = set()
    agreeing: set[frozenset[str]] = set()
    for i, va in enumerate(values):
        for vb in values[i + 1 :]:
            verdict = _verdict(by_value[va][0], by_value[vb][0])
            if verdict is not None and verdict.relation == AGREE:
                agreeing.add(frozenset((va, vb)))
            if verdict is None or verdict.relation == AGREE:
                continue
            clashes.update((va, vb))
            clashing_pairs.add(frozenset((va, vb)))
            if _RANK[verdict.relation] > _RANK[worst]:
                worst, worst_reason = verdict.relation, verdict.reason
            elif _RANK[verdict.relation] == _RANK[worst] and not worst_reason:
                worst_reason = verdict.reason
    if worst == AGREE:
        return None
    bloc = _majority_bloc(values, by_value, agreeing, clashing_pairs)
    majority = bloc[0] if bloc else None
    if majority is None and group.subject == STORY:
        # A count no source attributes ("46 were arrested") is judged only where most sources agree on
        # one value: scattered values without a named holder are, in real coverage, mostly counts of
        # different moments or incidents (one night's arrests, the week's), not a disagreement.
        return None
    # Without a majority no side is the outlier: each is quoted, none flagged.
    flagged = frozenset(v for v in clashes if v not in bloc) if bloc else frozenset()
    return FigureVerdict(group, worst, worst_reason, tuple((v, tuple(by_value[v])) for v in values), majority,
                         flagged)


def _majority_bloc(values: list[str], by_value: dict[str, list[Claim]], agreeing: set[frozenset[str]],
                   clashing: set[frozenset[str]]) -> tuple[str, ...]:
    """The values that agree with one another and that more sources give than any other such bloc,
    most-given first: "at least 63" and "63" outweigh "58" though each is one source's. Empty when
    no bloc has more sources than every other, or when a bloc's values clash among themselves."""
    blocs = connected(values, lambda a, b: frozenset((a, b)) in agreeing)
    weighed = []
    for bloc in blocs:
        members = [v for v in values if v in bloc]
        if any(frozenset((a, b)) in clashing for i, a in enumerate(members) for b in members[i + 1 :]):
            return ()
        weighed.append((len({c.source for v in members for c in by_value[v]}), tuple(members)))
    weighed.sort(key=lambda w: -w[0])
    if len(weighed) > 1 and weighed[0][0] == weighed[1][0]:
        return ()
    return weighed[0][1]


def figure_verdicts(groups) -> list[FigureVerdict]:
    """The verdicts of the groups whose sources disagree, in group order."""
    return [v for g in groups if (v := figure_verdict(g)) is not None]


def figure_finding(rule: Rule, verdict: FigureVerdict, corpus: Corpus, distinguish: bool = False) -> Finding:
    group, kind = verdict.group, verdict.kind
    evidence = [Evidence.of(c, corpus.path(c.source), v in verdict.flagged) for v, cs in verdict.by_value for c in cs]
    attribute = " ".join([*group.claims[0].modifiers, group.attribute]) if kind == "quantity" else group.attribute
    subject = f"{group.subject}: {attribute}"
    stated = "; ".join(f"{', '.join(repr(c.span) for c in cs)} ({v}) in {', '.join(c.source for c in cs)}"
                       for v, cs in verdict.by_value)
    side = f"the majority gives {verdict.majority}" if verdict.majority else "no value has a majority"
    message = f"{subject}: {stated}. {verdict.reason}; {side}."
    values = [v for v, _ in verdict.by_value]
    # What the finding says: the values stated, not which or how many sources agree with which
    # (a new article that repeats a stated value leaves the finding as it was).
    # A movement's direction is part of the quantity ("rose 5%" and "fell 5%" are two).
    change = (f"change:{group.block.change}",) if group.block.change else ()
    # Two groups that still share a key (kept apart by clashing modifiers or units) are told apart
    # by those, so that neither finding is lost to the other's fingerprint.
    apart = (f"space:{group.block.space}",
             "modifiers:" + ",".join(sorted({m for c in group.claims for m in c.modifiers}))) if distinguish else ()
    key = (kind, group.attribute, group.subject, *change, *apart, *sorted(values))
    explanation = FigureExplanation(group.reason, tuple((v, tuple(c.source for c in cs)) for v, cs in verdict.by_value),
                                    verdict.relation, verdict.reason, verdict.majority)
    # The fingerprint names the group by subject and attribute only: the modifiers shown come from
    # one claim, and a new article that agrees must not make the finding new.
    return Finding.from_rule(rule, subject, message, evidence, explanation, key,
                             anchor=f"{group.subject}: {group.attribute}")


def figure_findings(rule: Rule, groups, kind: str, relation: str, corpus: Corpus) -> list[Finding]:
    """The findings of one figure rule: the groups of that kind whose sources disagree that way."""
    verdicts = [v for v in figure_verdicts(groups) if v.kind == kind and v.relation == relation]
    findings = [figure_finding(rule, v, corpus) for v in verdicts]
    shared = {f.fingerprint for f in findings if sum(g.fingerprint == f.fingerprint for g in findings) > 1}
    return [figure_finding(rule, v, corpus, distinguish=True) if f.fingerprint in shared else f
            for v, f in zip(verdicts, findings)]
