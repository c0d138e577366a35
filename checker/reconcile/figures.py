"""Figures and dates across sources: block, match, group, judge.

Block: same kind, unit dimension, attribute and direction of change. Match: across
sources only, and only when the subjects are the same entity (aliases resolved) and the
modifiers do not clash ("annual budget" against "emergency budget"). A figure with no
subject or no attribute is not grouped at all: two budgets of unknown scope are different
quantities, and an editor would find it absurd to be told they disagree.
Judge the group: the value most sources give is the consensus; outliers are flagged.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from checker.claims.claim import Claim
from checker.claims.types import DateValue, Quantity
from checker.findings import RULES, Evidence, Finding
from checker.reconcile.components import connected
from checker.reconcile.compare import AGREE, CONTRADICT, DIVERGE, Verdict, comparable_interval, compare_dates, compare_quantities


@dataclass(frozen=True)
class Group:
    """Claims from at least two sources about one quantity, and why they were grouped."""

    key: tuple[str, ...]
    claims: tuple[Claim, ...]
    reason: str


def block_key(c: Claim) -> tuple[str, ...] | None:
    if not c.subject or not c.attribute or c.definite:
        return None
    if c.kind == "quantity":
        q = c.value
        assert isinstance(q, Quantity)
        if q.dimension in ("number",) or q.shape == "vague" and not q.unit:
            return None  # a bare number measures nothing we can name
        unit_space = comparable_interval(q)[0].split(":")[0]
        return ("quantity", unit_space, c.attribute, q.change, c.subject)
    if c.kind == "date":
        return ("date", c.verb or "", c.attribute, "", c.subject)
    return None


def _modifiers_clash(a: Claim, b: Claim) -> bool:
    ma, mb = set(a.modifiers), set(b.modifiers)
    return bool(ma and mb and not (ma & mb))


def group_claims(claims: list[Claim]) -> list[Group]:
    blocks: dict[tuple[str, ...], list[Claim]] = defaultdict(list)
    for c in claims:
        key = block_key(c)
        if key is not None:
            blocks[key].append(c)
    groups = []
    for key in sorted(blocks):
        members = blocks[key]
        if len({c.source for c in members}) < 2:
            continue
        comps = connected(members, lambda a, b: a.source != b.source and not _modifiers_clash(a, b))
        for comp in comps:
            if len({c.source for c in comp}) < 2:
                continue
            kind, _unit, attribute, change, subject = key
            mods = sorted({m for c in comp for m in c.modifiers})
            reason = (f"same subject ({subject}), same attribute ({attribute}"
                      f"{', ' + ' '.join(mods) if mods else ''}){', same direction (' + change + ')' if change else ''}"
                      f", comparable units, different sources")
            groups.append(Group(key, tuple(sorted(comp, key=lambda c: (c.source, c.start))), reason))
    return groups


def _verdict(a: Claim, b: Claim) -> Verdict | None:
    if isinstance(a.value, Quantity) and isinstance(b.value, Quantity):
        return compare_quantities(a.value, b.value)
    if isinstance(a.value, DateValue) and isinstance(b.value, DateValue):
        return compare_dates(a.value, b.value)
    return None


def judge_group(group: Group, paths: dict[str, str]) -> Finding | None:
    """A finding when the group's sources do not all agree; the minority is flagged."""
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
    for i, va in enumerate(values):
        for vb in values[i + 1 :]:
            verdict = _verdict(by_value[va][0], by_value[vb][0])
            if verdict is None or verdict.relation == AGREE:
                continue
            clashes.update((va, vb))
            rank = {AGREE: 0, DIVERGE: 1, CONTRADICT: 2}
            if rank[verdict.relation] > rank[worst]:
                worst, worst_reason = verdict.relation, verdict.reason
            elif rank[verdict.relation] == rank[worst] and not worst_reason:
                worst_reason = verdict.reason
    if worst == AGREE:
        return None
    top = len(by_value[values[0]])
    majority = values[0] if sum(len(by_value[v]) == top for v in values) == 1 else None
    flagged_values = {v for v in clashes if v != majority}
    kind = group.key[0]
    code = {("quantity", CONTRADICT): "NUM001", ("quantity", DIVERGE): "NUM002",
            ("date", CONTRADICT): "DATE001"}.get((kind, worst))
    if code is None:
        return None  # dates that only diverge ("June 9" and "June 9-10") are consistent enough
    evidence = []
    for v in values:
        for c in by_value[v]:
            evidence.append(Evidence.of(c, paths[c.source], v in flagged_values))
    attribute = " ".join([*(m for m in group.claims[0].modifiers), group.key[2]]) if kind == "quantity" else group.key[2]
    subject = f"{group.key[4]}: {attribute}"
    stated = "; ".join(f"{', '.join(repr(c.span) for c in by_value[v])} ({v}) in {', '.join(c.source for c in by_value[v])}" for v in values)
    side = f"the majority gives {majority}" if majority else "no value has a majority"
    message = f"{subject}: {stated}. {worst_reason}; {side}."
    # What the finding says: the values stated, not which or how many sources agree with which
    # (a new article that repeats a stated value leaves the finding as it was).
    key = (kind, group.key[2], group.key[4], *sorted(values))
    rule = RULES[code]
    # The fingerprint names the group by subject and attribute only: the modifiers shown come from
    # one claim, and a new article that agrees must not make the finding new.
    return Finding(rule=code, kind=rule.kind, severity=rule.severity, subject=subject, message=message,
                   evidence=tuple(evidence), key=key, anchor=f"{group.key[4]}: {group.key[2]}",
                   explanation={"grouped_because": group.reason, "values": {v: [c.source for c in by_value[v]] for v in values},
                                "judgement": worst, "reason": worst_reason, "majority": majority})


def reconcile_figures(claims: list[Claim], paths: dict[str, str]) -> tuple[list[Group], list[Finding]]:
    groups = group_claims(claims)
    findings = [f for g in groups if (f := judge_group(g, paths)) is not None]
    return groups, findings
