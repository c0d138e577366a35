"""Figures and dates across sources: block, match, group. The rules in findings/ judge.

Block: same kind, unit dimension, attribute and direction of change. Match: across
sources only, and only when the subjects are the same entity (aliases resolved) and the
modifiers do not clash ("annual budget" against "emergency budget"). A figure with no
subject or no attribute is not grouped at all: two budgets of unknown scope are different
quantities, and an editor would find it absurd to be told they disagree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from checker.claims.claim import Claim, ClaimKind
from checker.groups.components import connected
from checker.groups.people import Person, name_words
from checker.values.compare import comparable_interval
from checker.values.types import Quantity


class Block(NamedTuple):
    """What claims must share to be compared at all."""

    kind: str  # "quantity" or "date"
    space: str  # a quantity's unit space ("percent", "currency"); a date's verb
    attribute: str  # the noun the value measures, or the event a date dates
    change: str  # the direction of a movement ("up", "down-to"), or ""
    subject: str  # the entity, aliases resolved


@dataclass(frozen=True)
class Group:
    """Claims from at least two sources about one quantity, and why they were grouped."""

    block: Block
    claims: tuple[Claim, ...]
    reason: str
    aligned: bool = False  # some of its claims were grouped because their sentences align (groups/aligned.py)

    @property
    def kind(self) -> str:
        return self.block.kind

    @property
    def subject(self) -> str:
        return self.block.subject

    @property
    def attribute(self) -> str:
        return self.block.attribute


STORY = "the story"  # the holder of a framed count no source names: the story's own event


def block_key(c: Claim) -> Block | None:
    if c.kind is ClaimKind.QUANTITY and c.frame and not c.definite:
        # "63 people died" / "58 were killed": a count of the frame, held by the subject named or,
        # when none is, by the story's own event.
        return Block("quantity", "frame", c.frame, c.value.change, c.subject or STORY)
    if not c.subject or not c.attribute or c.definite:
        return None
    if c.kind is ClaimKind.QUANTITY:
        q = c.value
        assert isinstance(q, Quantity)
        if q.dimension in ("number",) or q.shape == "vague" and not q.unit:
            return None  # a bare number measures nothing we can name
        unit_space = comparable_interval(q)[0].split(":")[0]
        return Block("quantity", unit_space, c.attribute, q.change, c.subject)
    if c.kind is ClaimKind.DATE:
        return Block("date", c.verb or "", c.attribute, "", c.subject)
    return None


def modifiers_clash(a: Claim, b: Claim) -> bool:
    ma, mb = set(a.modifiers), set(b.modifiers)
    if ("difference" in ma) != ("difference" in mb):
        return True  # a gap ("two points behind") is not the total ("68 points")
    return bool(ma and mb and not (ma & mb))


def person_subjects(claims: list[Claim], people: Sequence[Person]) -> list[Claim]:
    """Claims about a person (an age: "Keller, 31") take the name of the person's cluster as subject,
    so that "Anna Keller, 32" and "Keller, who was 31" are about one subject."""
    names: dict[tuple[str, str], set[str]] = defaultdict(set)
    for p in people:
        for m in p.mentions:
            names[(m.source, " ".join(name_words(m)))].add(p.name)
    out = []
    for c in claims:
        found = names.get((c.source, c.subject or ""), set())
        out.append(replace(c, subject=next(iter(found))) if len(found) == 1 and c.kind is ClaimKind.QUANTITY else c)
    return out


def group_claims(claims: list[Claim], people: Sequence[Person] = ()) -> list[Group]:
    """Groups of claims from at least two sources about one quantity or event; a claim about a person
    is grouped by the person's cluster when `people` is given."""
    if people:
        claims = person_subjects(claims, people)
    blocks: dict[Block, list[Claim]] = defaultdict(list)
    for c in claims:
        key = block_key(c)
        if key is not None:
            blocks[key].append(c)
    groups = []
    for key in sorted(blocks):
        members = blocks[key]
        if len({c.source for c in members}) < 2:
            continue
        comps = connected(members, lambda a, b: a.source != b.source and not modifiers_clash(a, b))
        for comp in comps:
            if len({c.source for c in comp}) < 2:
                continue
            mods = sorted({m for c in comp for m in c.modifiers})
            if key.space == "frame":
                words = sorted({w for c in comp for w in (c.verb, c.attribute) if w})
                held = "the story's own event, named by no source" if key.subject == STORY else key.subject
                reason = (f"same frame ({key.attribute}: {', '.join(words)}), same holder ({held})"
                          f"{', same direction (' + key.change + ')' if key.change else ''}, different sources")
                groups.append(Group(key, tuple(sorted(comp, key=lambda c: (c.source, c.start))), reason))
                continue
            reason = (f"same subject ({key.subject}), same attribute ({key.attribute}"
                      f"{', ' + ' '.join(mods) if mods else ''})"
                      f"{', same direction (' + key.change + ')' if key.change else ''}"
                      f", comparable units, different sources")
            groups.append(Group(key, tuple(sorted(comp, key=lambda c: (c.source, c.start))), reason))
    return groups
