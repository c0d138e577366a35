"""Judge a group of figures or dates: the value most sources give is the consensus; outliers are flagged."""

from __future__ import annotations

from collections import defaultdict

from checker.claims.claim import Claim
from checker.corpus import Corpus
from checker.findings.finding import Evidence, Finding
from checker.findings.rules import RULES
from checker.groups.figures import Group, group_claims
from checker.values.compare import AGREE, CONTRADICT, DIVERGE, Verdict, compare_dates, compare_quantities
from checker.values.types import DateValue, Quantity


def _verdict(a: Claim, b: Claim) -> Verdict | None:
    if isinstance(a.value, Quantity) and isinstance(b.value, Quantity):
        return compare_quantities(a.value, b.value)
    if isinstance(a.value, DateValue) and isinstance(b.value, DateValue):
        return compare_dates(a.value, b.value)
    return None


def judge_group(group: Group, corpus: Corpus) -> Finding | None:
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
    kind = group.kind
    code = {("quantity", CONTRADICT): "NUM001", ("quantity", DIVERGE): "NUM002",
            ("date", CONTRADICT): "DATE001"}.get((kind, worst))
    if code is None:
        return None  # dates that only diverge ("June 9" and "June 9-10") are consistent enough
    evidence = []
    for v in values:
        for c in by_value[v]:
            evidence.append(Evidence.of(c, corpus.path(c.source), v in flagged_values))
    attribute = " ".join([*group.claims[0].modifiers, group.attribute]) if kind == "quantity" else group.attribute
    subject = f"{group.subject}: {attribute}"
    stated = "; ".join(f"{', '.join(repr(c.span) for c in by_value[v])} ({v}) in {', '.join(c.source for c in by_value[v])}" for v in values)
    side = f"the majority gives {majority}" if majority else "no value has a majority"
    message = f"{subject}: {stated}. {worst_reason}; {side}."
    # What the finding says: the values stated, not which or how many sources agree with which
    # (a new article that repeats a stated value leaves the finding as it was).
    key = (kind, group.attribute, group.subject, *sorted(values))
    rule = RULES[code]
    # The fingerprint names the group by subject and attribute only: the modifiers shown come from
    # one claim, and a new article that agrees must not make the finding new.
    return Finding(rule=code, kind=rule.kind, severity=rule.severity, subject=subject, message=message,
                   evidence=tuple(evidence), key=key, anchor=f"{group.subject}: {group.attribute}",
                   explanation={"grouped_because": group.reason, "values": {v: [c.source for c in by_value[v]] for v in values},
                                "judgement": worst, "reason": worst_reason, "majority": majority})


def reconcile_figures(claims: list[Claim], corpus: Corpus) -> tuple[list[Group], list[Finding]]:
    groups = group_claims(claims)
    findings = [f for g in groups if (f := judge_group(g, corpus)) is not None]
    return groups, findings
