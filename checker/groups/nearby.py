"""Figures with the same words around them: one quantity, however the rest of the sentence is built.

Outlets that report one fact rebuild the sentence around it ("The mayor told local radio that 1,200
beds were ready in the school gyms" / "The mayor said 1,200 beds were ready in the school gyms, and
volunteers ..."), but the few words next to the figure travel with it.
Two figures of different sources pair when they are the same kind of value (the same unit space,
the same counted noun, the same direction of change) and the content words near them
(Claim.near) overlap enough, weighted by how rare each word is in the corpus; and when nothing near
them says they are two quantities: another name ("Okafor finished with 15 points" / "Lindqvist had
15 points"), another time frame ("in the third quarter" / "last year"), another holder, frame or
scope. Each figure keeps its best partner in each other source, and a pair stands only when it is
the best of both sides.

Candidates come from an inverted index over the nearby words of each kind of value: no figure is set
against every other of the corpus.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from checker.align import Alignment, listed
from checker.claims.claim import DISTINCT, UNDATED, Claim, ClaimKind, is_unnamed
from checker.groups.figures import measures_by_sentence, names_apart, restated, variants_apart, years_apart
from checker.values.compare import comparable_interval, written_digits
from checker.values.types import Quantity

# How much the nearby words (their counted noun aside) must overlap: two shared words are a strong
# sign only when they are most of what stands near both figures; three or more may be less of it.
MIN_SHARED = 2
MIN_SCORE_TWO = 0.6  # weighted Dice of the nearby words, when they share two
MIN_SCORE = 0.4  # ... when they share more
# A sentence that states several figures of one kind ("rushed for 269 yards ... caught 29 passes for
# 201 yards") lists them: which of them another sentence's figure is needs both the stricter bars.
MIN_SHARED_OTHER_VERBS = 3  # ... and when the figures are stated by two verbs ("lasted 52 games", "fired 52 games into")
MIN_SWAPPED_SOURCES = 2  # sources that give a figure, for one source's figure with two digits swapped to be its slip
SWAP_FLOOR = 1000  # a figure this large, or written with SWAP_DIGITS significant digits, is rarely another's swapped
SWAP_DIGITS = 3
MAX_POSTINGS = 60  # a word near more figures than this of one kind is not indexed: it tells none apart


@dataclass(frozen=True)
class NearbyPair:
    """Two figures of different sources with the same words around them; `first` is the earlier source."""

    first: Claim
    second: Claim
    score: float  # weighted Dice of the nearby words, 0..1
    shared: tuple[str, ...]  # the nearby words both have, rarest first
    swapped: int = 0  # for a figure with two neighbouring digits swapped: how many sources give the other

    def describe(self) -> str:
        if self.swapped:
            return (f"the same figure with two neighbouring digits swapped ({self.first.span!r}, {self.second.span!r}), "
                    f"one source's against {self.swapped} sources', and the same words near both "
                    f"({listed(self.shared)})")
        return f"the same words stand near both figures ({listed(self.shared)}; weighted overlap {self.score:.2f})"


def value_kind(c: Claim) -> str | None:
    """The kind of value a figure is, for pairing by nearby words: its unit space with the counted
    noun ("count:bed", "currency:USD", "percent:%") and its direction, or "date"; None when it
    is not pairable (a bare number, an age, the date of a statement)."""
    if c.kind is ClaimKind.DATE:
        # Not the date of a statement, nor a dateline's or a page's ("Port Halvek, 16 March."): a date
        # no verb governs dates no event.
        return None if set(UNDATED) & set(c.modifiers) or not c.verb else "date"
    if c.kind is not ClaimKind.QUANTITY or c.converted:
        return None
    if c.attribute == "age":
        # Ages pair only with ages: "the 40-year-old Canadian" and "the 41-year-old Marchetti" in
        # sentences about one fight. A named person's are grouped through the person as well (groups/figures.py).
        return "age"
    q = c.value
    assert isinstance(q, Quantity)
    if q.dimension == "number" or q.shape == "vague" and not q.unit:
        return None  # a bare number: nothing says two of them measure one thing
    if q.second is not None:
        return None  # a score: a game has several (the half-time, the final), and words do not tell which
    if c.definite and (q.value < 10 or not any(ch.isdigit() for ch in q.text)):
        return None  # "the two sides", "its three members": a count the text refers back to, not a claim
    space = comparable_interval(q)[0]
    return f"{space}|{q.change}|{'difference' if 'difference' in c.modifiers else ''}"


def _unit_words(c: Claim) -> set[str]:
    """The figure's own unit noun, which every figure of its kind has near it."""
    q = c.value
    return {q.unit} if isinstance(q, Quantity) and q.unit and q.unit.isalpha() else set()


def _named_in(name: str, sentence: str) -> bool:
    """The sentence names the holder, if only by its last word ("Ruiz" for "Ana Ruiz")."""
    return name.split()[-1].lower() in sentence.lower()


def days_of_a_state(a: Claim, b: Claim) -> bool:
    """Two dates of a state, not of an event: "48,000 households were without power on Sunday night", "9,500 were
    still without power on Tuesday" give the days it held, which both may be. An event a noun names is dated by it:
    "the crash was on Monday" is read as the crash's date."""
    return a.kind is ClaimKind.DATE and a.verb == b.verb == "be"


def _apart(a: Claim, b: Claim, shared: set[str], light_verbs: frozenset[str], swapped: bool = False) -> bool:
    """Something near the two figures says they are two quantities. `swapped`: the figures are one with two
    digits swapped, which says more that they are one than two verbs say they are two."""
    if days_of_a_state(a, b):
        return True
    if a.verb and b.verb and not {a.verb, b.verb} & light_verbs and not swapped:
        if a.kind is ClaimKind.DATE:
            if a.dated_event != b.dated_event:
                return True  # the dates of two events: "blocked in late May", "indicated on Monday"
        elif a.verb != b.verb and len(shared) < MIN_SHARED_OTHER_VERBS:
            return True  # two predicates, and little else to say the figures are one
    if a.subject and b.subject and a.subject != b.subject and not is_unnamed(a.subject) \
            and not is_unnamed(b.subject) and not (
            _named_in(a.subject, b.sentence) and _named_in(b.subject, a.sentence)):
        return True  # each names whose figure it is, and not the same
    if a.frame and b.frame and a.frame != b.frame:
        return True
    ma, mb = set(a.modifiers), set(b.modifiers)
    if set(DISTINCT) & (ma ^ mb):
        return True  # a forecast is not the result, a part not the whole
    if ma and mb and not ma & mb:
        return True  # "annual" against "emergency" budget
    if a.near_dates and b.near_dates and not set(a.near_dates) & set(b.near_dates):
        return True  # "in the third quarter" against "last year": two time frames
    if a.kind is ClaimKind.QUANTITY and years_apart(a, b):
        return True  # "cut 1,300 jobs in March 2025" against "will cut 2,400 jobs": a year's figure, and one of no time
    if swapped and set(a.near_names) & set(b.near_names):
        return False  # a name near both: the swapped figure is of the same holder, other names aside
    return names_apart(a, b)


def _restates(i: int, source: str, members: list[Claim], words: list[set[str]],
              stated: dict[tuple[str, str], list[int]]) -> bool:
    """`source` states figure i's value elsewhere, among enough of the words near figure i to be that figure.
    `stated`: the figures (indices into `members`) each source and value are stated by."""
    return any(len(words[k] & words[i]) >= MIN_SHARED for k in stated.get((source, members[i].normalised), ()))


def _swapped(a: Claim, b: Claim, given: Mapping[str, set[str]]) -> int:
    """How many sources give the figure `a` or `b` is, with two neighbouring digits swapped, where one source alone
    gives the other ("about 4,300 barrels" against "about 3,400 barrels" in three): a figure misread in one place.
    0 when they are no such pair: the same, not a swap, or each given by one source or by several (two figures of
    the story whose digits happen to be alike)."""
    if not isinstance(a.value, Quantity) or written_digits(a.value) == written_digits(b.value) \
            or not restated(a, b) or not _rare_swap(a.value):
        return 0
    one, other = sorted((given[a.normalised], given[b.normalised]), key=len)
    if one & other or len(one) != 1 or len(other) < MIN_SWAPPED_SOURCES:
        return 0  # a source gives both (two figures), or no one source's slip against the others
    return len(other)


def _rare_swap(q: Quantity) -> bool:
    """Whether a figure's digits swapped are unlikely to be another figure of the story by chance: "73 yards" and "37
    yards" are two plays of one game as often as one misread, "4,300 barrels" and "3,400 barrels", or "92.3%" and
    "93.2%", seldom are."""
    digits = written_digits(q).replace(".", "").strip("0")
    return abs(q.value) >= SWAP_FLOOR or len(digits) >= SWAP_DIGITS


def nearby_pairs(claims: Sequence[Claim], alignment: Alignment,
                 light_verbs: frozenset[str] = frozenset()) -> list[NearbyPair]:
    """The pairs of figures, from different sources, with the same words around them. `light_verbs`:
    verbs whose noun names the event ("held talks"), which stand for any verb of it. A figure one source gives
    with two digits swapped (`_swapped`) pairs with the figure others give on one word near both, whatever verb
    states each: a swap is rarely two figures' chance."""
    n = len(alignment.sentences)
    df = alignment.word_counts
    weights: dict[str, float] = {}

    def weight(w: str) -> float:
        if w not in weights:
            weights[w] = 1.0 + math.log((1 + n) / (1 + df.get(w, 0)))
        return weights[w]

    by_kind: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        kind = value_kind(c)
        if kind is not None and c.near:
            by_kind[kind].append(c)
    measures = measures_by_sentence(claims)
    scored: list[tuple[float, Claim, Claim, tuple[str, ...], int]] = []
    for kind in sorted(by_kind):
        members = sorted(by_kind[kind], key=lambda c: (c.source, c.start))
        words = [set(c.near) - _unit_words(c) for c in members]
        names = [set(c.near_names) for c in members]
        masses = [sum(map(weight, ws)) for ws in words]
        postings: dict[str, list[int]] = defaultdict(list)
        for i, ws in enumerate(words):
            for w in ws:
                postings[w].append(i)
        candidates: set[tuple[int, int]] = set()
        for ids in postings.values():
            if len(ids) > MAX_POSTINGS:
                continue
            for x, i in enumerate(ids):
                for j in ids[x + 1 :]:
                    if members[i].source != members[j].source:
                        candidates.add((i, j))
        listed = Counter((c.source, c.sentence) for c in members)
        stated: dict[tuple[str, str], list[int]] = defaultdict(list)  # (source, value) -> figures stating it
        given: dict[str, set[str]] = defaultdict(set)  # value -> the sources that give it
        for i, c in enumerate(members):
            stated[(c.source, c.normalised)].append(i)
            given[c.normalised].add(c.source)

        for i, j in sorted(candidates):
            shared = words[i] & words[j]
            a, b = members[i], members[j]
            swapped = _swapped(a, b, given)
            if len(shared) < (1 if swapped else MIN_SHARED) or not shared - names[i] - names[j]:
                continue  # names alone say where or whose, not what is measured ("17 miles from Tel Aviv")
            if a.normalised != b.normalised and (_restates(i, b.source, members, words, stated)
                                                 or _restates(j, a.source, members, words, stated)):
                # "a trial ... that showed 71 per cent efficacy" against "showed 87.5% efficacy" in a source that
                # gives "a 12,600-person trial and a 71% efficacy figure" too: that source states the figure, and its
                # other one is of another thing
                continue
            mass = masses[i] + masses[j]
            score = 2 * sum(map(weight, shared)) / mass if mass else 0.0
            if swapped:
                if not _apart(a, b, shared, light_verbs, swapped=True) and not variants_apart(a, b, measures):
                    scored.append((round(score, 4), a, b, tuple(sorted(shared, key=lambda w: (df.get(w, 0), w))),
                                   swapped))
                continue
            strict = listed[(a.source, a.sentence)] > 1 or listed[(b.source, b.sentence)] > 1
            # The parse says the same of both: a measure of one noun by one verb ("speeds reached 104 mph",
            # "reached speeds of 120 mph"). Two shared words then need not be most of what stands near.
            parsed_alike = bool(a.attribute and a.attribute == b.attribute and a.verb and a.verb == b.verb)
            if len(shared) == MIN_SHARED and (score < (MIN_SCORE if parsed_alike else MIN_SCORE_TWO) or strict):
                continue
            if score < (MIN_SCORE_TWO if strict else MIN_SCORE) or _apart(a, b, shared, light_verbs) \
                    or variants_apart(a, b, measures):
                continue
            rarest = tuple(sorted(shared, key=lambda w: (df.get(w, 0), w)))
            scored.append((round(score, 4), a, b, rarest, 0))
    # A figure that pairs with the same figure in a sentence pairs with no other figure of that sentence
    # ("paying $281 million in cash" / "will pay $334 million, including $281 million in cash").
    same = {(x.id, y.source, y.sentence) for _, a, b, _, _ in scored if a.normalised == b.normalised
            for x, y in ((a, b), (b, a))}
    scored = [t for t in scored if t[1].normalised == t[2].normalised
              or not {(t[1].id, t[2].source, t[2].sentence), (t[2].id, t[1].source, t[1].sentence)} & same]
    # Each figure keeps its best partner in each other source; a pair stands when it is the best of both. Its
    # digits swapped make a partner better than any words near both do.
    best: dict[tuple[str, str], tuple[bool, float, str]] = {}
    for score, a, b, _, swapped in scored:
        for x, y in ((a, b), (b, a)):
            key = (x.id, y.source)
            if key not in best or (swapped > 0, score, y.id) > best[key]:
                best[key] = (swapped > 0, score, y.id)
    pairs = [NearbyPair(a, b, score, shared, swapped) for score, a, b, shared, swapped in scored
             if best[(a.id, b.source)][2] == b.id and best[(b.id, a.source)][2] == a.id]
    pairs.sort(key=lambda p: (p.first.source, p.first.start, p.second.source, p.second.start))
    return pairs
