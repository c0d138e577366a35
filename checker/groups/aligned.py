"""Figures in the same slot of aligned sentences: the same quantity, even where the frames miss it.

"The new stadium would cost around 80 million dollars" and "the new stadium costs about 95
million dollars" align (align/); their two figures are the same kind of value in the same place of
the sentence, so they are one quantity. A slot is strict: the same unit space and direction of
change, the same subject where both name one, and the same attribute or frame where both name
one; where one does not, the figure must be the only one of its kind in both sentences. Figures with the
same words near them (groups/nearby.py) and the days the sources' ledes give (groups/ledes.py) join groups too.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from checker.align import AlignedPair, Alignment
from checker.claims.claim import UNDATED, Claim, ClaimKind
from checker.groups.components import linked_by
from checker.groups.figures import AGE_SLIP, STORY, Block, Group, modifiers_clash
from checker.groups.ledes import LedePair, lede_pairs
from checker.groups.nearby import NearbyPair, days_of_a_state, nearby_pairs
from checker.values.compare import one_value, plausibly_one_value, unit_space
from checker.values.types import Quantity
from checker.values.vocabulary import Vocabulary, default_vocabulary


def slot_space(c: Claim) -> str | None:
    """The kind of value a claim is, for slot matching: a unit space, "date", or None (not pairable)."""
    if c.definite or c.converted:
        return None
    if c.kind is ClaimKind.DATE:
        # Not the date of a statement ("police said Saturday"), nor one counted from the day each
        # article was written ("today"), which two articles of two days share in words only.
        return None if set(UNDATED) & set(c.modifiers) else "date"
    if c.kind is not ClaimKind.QUANTITY:
        return None
    q = c.value
    assert isinstance(q, Quantity)
    if q.dimension == "number" or q.shape == "vague" and not q.unit:
        return None  # a bare number: nothing says two of them measure one thing
    if c.attribute == "age":
        return None  # ages are paired by person (groups/figures.py)
    return "frame" if c.frame else unit_space(q)


def _change(c: Claim) -> str:
    return c.value.change if isinstance(c.value, Quantity) else ""


def _same_slot(a: Claim, b: Claim, alone: bool, light_verbs: frozenset[str] = frozenset()) -> bool:
    """Two figures of one space in aligned sentences: the same quantity? `alone`: each is the only
    figure of its space in its sentence."""
    if _change(a) != _change(b) or modifiers_clash(a, b):
        return False
    if days_of_a_state(a, b):
        return False
    if a.kind is ClaimKind.DATE and alone and (a.dated_event == b.dated_event or not (a.verb and b.verb)
                                               or {a.verb, b.verb} & light_verbs):
        # The one date of two sentences that report one fact: "spoke by phone on June 5", "held a
        # phone call on June 4". Not two events the sentences share words about: "convicted in June
        # 1998" and "returned to prison in June 1999".
        return True
    if a.verb and b.verb and (a.dated_event != b.dated_event if a.kind is ClaimKind.DATE else a.verb != b.verb):
        return False  # "injuring one guard" and "a dozen guards had been on duty": two predicates
    if a.subject and b.subject and a.subject != b.subject and not (
            a.subject.lower() in b.sentence.lower() and b.subject.lower() in a.sentence.lower()):
        return False  # each names whose figure it is, and not the same ("the police and the army" name both)
    if a.frame or b.frame:
        return a.frame == b.frame
    if a.kind is ClaimKind.DATE:
        return alone or bool(a.verb and a.dated_event == b.dated_event)
    if a.attribute and b.attribute:
        return a.attribute == b.attribute
    return alone


def by_space(claims: Sequence[Claim]) -> dict[str, list[Claim]]:
    """The figures of a sentence by their kind of value (slot_space), the unpairable left out."""
    out: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if (s := slot_space(c)) is not None:
            out[s].append(c)
    return out


def slot_pairs(pair: AlignedPair, first: Sequence[Claim] | dict[str, list[Claim]],
               second: Sequence[Claim] | dict[str, list[Claim]],
               light_verbs: frozenset[str] | None = None) -> list[tuple[Claim, Claim]]:
    """The figures of two aligned sentences that sit in the same slot (each sentence's figures as
    given, or already by_space). `light_verbs`: the vocabulary's, when not given."""
    if light_verbs is None:
        light_verbs = default_vocabulary().light_verbs
    spaces_a = first if isinstance(first, dict) else by_space(first)
    spaces_b = second if isinstance(second, dict) else by_space(second)
    out = []
    # "Orlen Foods ... would cut 900 jobs", "Baxley Mills cutting 2,000 jobs": a figure
    # whose holder is named does not pair with a sentence that names others but not it ("the
    # authorities were offering" names no one, and may speak of the same holder).
    def holder_known(c: Claim, other) -> bool:
        return not c.subject or not other.names or c.subject.lower() in other.text.lower()

    for space in sorted(spaces_a.keys() & spaces_b.keys()):
        xs = [c for c in spaces_a[space] if holder_known(c, pair.second)]
        ys = [c for c in spaces_b[space] if holder_known(c, pair.first)]
        alone = len(xs) == 1 and len(ys) == 1
        # A figure the other sentence states as well is in that slot, not in another figure's: "landed
        # on October 25" against "flew on October 25 and began service on October 28".
        matched = [(a, b) for a in xs for b in ys if _same_slot(a, b, alone, light_verbs)
                   and (one_value(a.value, b.value) or not any(one_value(a.value, y.value) for y in spaces_b[space])
                        and not any(one_value(x.value, b.value) for x in spaces_a[space]))]
        # A figure in one slot only: two candidates for it means the slot is not known.
        if len(matched) == 1:
            out.extend(matched)
            continue
        times_a = Counter(id(a) for a, _ in matched)
        times_b = Counter(id(b) for _, b in matched)
        out.extend((a, b) for a, b in matched if times_a[id(a)] == 1 and times_b[id(b)] == 1)
    return out


@dataclass(frozen=True)
class Edge:
    """Two figures of different sources found to be one quantity, and how: the same slot of aligned
    sentences (`pair` an AlignedPair), or the same words near both (`pair` a NearbyPair)."""

    a: Claim
    b: Claim
    pair: AlignedPair | NearbyPair | LedePair

    @property
    def slot(self) -> bool:
        return isinstance(self.pair, AlignedPair)

    @property
    def how(self) -> str:
        """As it reads after "joined by"."""
        return f"{self.pair.describe()}, same slot" if self.slot else self.pair.describe()

    @property
    def order(self) -> tuple[str, str]:
        """The sentences' or figures' ids, to list the reasons in corpus order."""
        return (self.pair.first.id, self.pair.second.id)

    def reason(self) -> str:
        return f"{self.pair.describe()} ({self.pair.first.source}, {self.pair.second.source})" + (
            ", same slot" if self.slot else "")


def _edges(claims: Sequence[Claim], alignment: Alignment, light_verbs: frozenset[str],
           article_days: Mapping[str, dt.date] | None = None) -> list[Edge]:
    """Figures in the same slot of aligned sentences, then figures with the same words near them."""
    in_sentence: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if slot_space(c) is None:
            continue
        s = alignment.sentence_at(c.source, c.start)
        if s is not None:
            in_sentence[s.id].append(c)
    by_sentence = {sid: by_space(cs) for sid, cs in in_sentence.items()}
    edges: list[Edge] = []
    seen: set[frozenset[str]] = set()
    for pair in alignment.pairs_among(by_sentence):
        first, second = by_sentence.get(pair.first.id), by_sentence.get(pair.second.id)
        if not (first and second):
            continue  # a sentence with no figure has no slot to pair
        for a, b in slot_pairs(pair, first, second, light_verbs):
            seen.add(frozenset((a.id, b.id)))
            edges.append(Edge(a, b, pair))
    for near in nearby_pairs(claims, alignment, light_verbs):
        if frozenset((near.first.id, near.second.id)) not in seen:
            seen.add(frozenset((near.first.id, near.second.id)))
            edges.append(Edge(near.first, near.second, near))
    for lede in lede_pairs(claims, alignment, article_days):
        if frozenset((lede.first.id, lede.second.id)) not in seen:
            edges.append(Edge(lede.first, lede.second, lede))
    # Words pair figures that the parse could not; figures far apart are still two quantities.
    return [e for e in edges if _plausible(e.a, e.b)]




def _plausible(x: Claim, y: Claim) -> bool:
    a, b = x.value, y.value
    if x.attribute == "age" and y.attribute == "age" and isinstance(a, Quantity) and isinstance(b, Quantity):
        # Two people's ages are often within a factor of two; one person's misreported is a year or two off.
        return abs(a.value - b.value) <= AGE_SLIP or sorted(f"{a.value:g}") == sorted(f"{b.value:g}")  # "61", "16"
    return plausibly_one_value(a, b)


def _parts(group: Group, edges: Sequence[Edge]) -> tuple[Group, ...]:
    """The parts of a group that its inner edges link, each of at least two sources."""
    nodes = sorted({c.id: c for e in edges for c in (e.a, e.b)}.values(), key=lambda c: (c.source, c.start))
    out = []
    for comp in linked_by(nodes, ((e.a.id, e.b.id) for e in edges), lambda c: c.id):
        if len({c.source for c in comp}) < 2:
            continue
        ids = {c.id for c in comp}
        reasons = sorted({(e.order, e.reason()) for e in edges if e.a.id in ids})
        why = "; ".join(dict.fromkeys(r for _, r in reasons))
        out.append(Group(group.block, tuple(comp), f"{group.reason}; of these, {why}", aligned=True))
    return tuple(out)


def _joined(groups: list[Group], joins: dict[int, list[Edge]], in_group: dict[str, int]) -> list[Group]:
    """The groups with the claims their edges join to them (`joins`, by group index); a claim that would join two
    groups belongs to neither."""

    def joiner(e: Edge) -> Claim:
        return e.b if e.a.id in in_group else e.a

    target: dict[str, set[int]] = defaultdict(set)
    for g, es in joins.items():
        for e in es:
            target[joiner(e).id].add(g)
    out = []
    for i, g in enumerate(groups):
        new = [e for e in joins.get(i, []) if len(target[joiner(e).id]) == 1]
        if not new:
            out.append(g)
            continue
        added = {joiner(e).id: joiner(e) for e in new}
        members = tuple(sorted({c.id: c for c in (*g.claims, *added.values())}.values(), key=lambda c: (c.source, c.start)))
        why = "; ".join(f"{added[k].source}'s {added[k].span!r} joined by {next(e for e in new if k in (e.a.id, e.b.id)).how}"
                        for k in sorted(added))
        out.append(Group(g.block, members, f"{g.reason}; {why}", aligned=True, set_aside=g.set_aside))
    return out


def aligned_groups(claims: Sequence[Claim], alignment: Alignment, groups: Sequence[Group],
                   vocab: Vocabulary | None = None, article_days: Mapping[str, dt.date] | None = None) -> list[Group]:
    """The groups of figures, widened by the alignment: a figure in the same slot of an aligned
    sentence, or with the same words near it, joins its partner's group, and figures no group holds
    form groups of their own."""
    light_verbs = (vocab or default_vocabulary()).light_verbs
    in_group = {c.id: i for i, g in enumerate(groups) for c in g.claims}
    every = _edges(claims, alignment, light_verbs, article_days)
    # Both grouped already: by frame and subject, which the alignment does not overrule. Inside one
    # group, the pair marks a tighter part of it.
    inner: dict[int, list[Edge]] = defaultdict(list)
    for e in every:
        if e.a.id in in_group and in_group.get(e.b.id) == in_group[e.a.id]:
            inner[in_group[e.a.id]].append(e)
    groups = [replace(g, parts=_parts(g, inner[i])) if inner.get(i) else g for i, g in enumerate(groups)]
    edges = [e for e in every if not (e.a.id in in_group and e.b.id in in_group)]
    if not edges:
        return list(groups)
    # Claims that join a group, and the rest linked among themselves. A lede's day that joined a group brings the day
    # another lede pairs with it alone (the ledes tell one event, groups/ledes.py): joined again until none is left.
    # Other edges join only what a group held at first: a figure's partner's partner is not the figure's.
    out = list(groups)
    loose = edges
    first = True
    while True:
        in_group = {c.id: i for i, g in enumerate(out) for c in g.claims}
        joins: dict[int, list[Edge]] = defaultdict(list)
        rest: list[Edge] = []
        for e in loose:
            grouped = [x for x in (e.a, e.b) if x.id in in_group]
            if len(grouped) == 1 and (first or isinstance(e.pair, LedePair)):
                joins[in_group[grouped[0].id]].append(e)
            elif not grouped:
                rest.append(e)
        loose = rest
        if not joins:
            break
        out = _joined(out, joins, in_group)
        first = False
    nodes = sorted({c.id: c for e in loose for c in (e.a, e.b)}.values(), key=lambda c: (c.source, c.start))
    comps = linked_by(nodes, ((e.a.id, e.b.id) for e in loose), lambda c: c.id)
    where = {c.id: k for k, comp in enumerate(comps) for c in comp}
    by_comp: dict[int, list[Edge]] = defaultdict(list)
    for e in loose:
        by_comp[where[e.a.id]].append(e)
    for k, comp in enumerate(comps):
        if len({c.source for c in comp}) < 2:
            continue
        first = comp[0]
        space = slot_space(first) or ""
        # Named by what the figures measure, else by their kind of value ("duration", "currency").
        attribute = first.frame or next((c.attribute for c in comp if c.attribute), None) or space
        subjects = {c.subject for c in comp}
        subject = subjects.pop() if len(subjects) == 1 and None not in subjects else STORY
        kind = "date" if first.kind is ClaimKind.DATE else "quantity"
        block = Block(kind, space, attribute, _change(first), subject)
        reasons = sorted({(e.order, e.reason()) for e in by_comp[k]})
        reason = "; ".join(dict.fromkeys(r for _, r in reasons))
        out.append(Group(block, tuple(comp), f"{reason}, different sources", aligned=True))
    return out
