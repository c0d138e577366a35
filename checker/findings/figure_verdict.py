"""The verdict over a group of figures or dates, which NUM001, NUM002, NUM003 and DATE001 read: the
value most sources give is the consensus; outliers are flagged. Where no value has a majority (one
source against one), the finding quotes every side and flags none: there is no outlier to point at.

A count that a developing story moves (the dead, the arrested, a plain count) is judged against
the articles' own dates first: when every source is dated and the figures, in date order, move one
way, the earlier figures are outdated (NUM003), not contradicted or diverging (NUM001, NUM002).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from checker.claims.claim import Claim, is_unnamed
from checker.corpus import Corpus
from checker.findings.explanation import Explanation
from checker.findings.finding import Evidence, Finding
from checker.findings.registry import Rule
from checker.groups.components import connected
from checker.groups.figures import AGE_SLIP, EVENT, NOUN_EVENT, STORY, STORY_COUNT, Group, level, restated
from checker.values.compare import (
    AGREE,
    CONTRADICT,
    DIVERGE,
    Verdict,
    comparable_interval,
    compare_dates,
    compare_quantities,
    plausibly_one,
    plausibly_one_date,
    plausibly_one_value,
    rounded_interval,
)
from checker.values.dates import parse_article_date
from checker.values.numbers import joined_to_unit
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
class UndatedFigureExplanation(FigureExplanation):
    """A count a developing story moves, from sources not all dated: it may be an update."""

    undated: tuple[str, ...] = ()  # the sources whose article date is unknown
    note: str = ""

    def to_dict(self) -> dict:
        return {**super().to_dict(), "undated": list(self.undated), "note": self.note}


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


def _agree(a: Claim, b: Claim) -> bool:
    """The two figures agree (the same value, or one a rounding of the other)."""
    return (v := _verdict(a, b)) is not None and v.relation == AGREE


def _values_verdict(xs: list[Claim], ys: list[Claim]) -> Verdict | None:
    """The verdict between two values of a group, each judged as its first source states it; a day, as a source that
    tells it in a time zone states it, where one does ("Saturday (local time)"): the zone says which day the
    others' may be."""
    def stating(claims: list[Claim]) -> Claim:
        return next((c for c in claims if isinstance(c.value, DateValue) and c.value.zone), claims[0])
    return _verdict(stating(xs), stating(ys))


def _width(c: Claim) -> float:
    if isinstance(c.value, Quantity):
        interval = rounded_interval(c.value)
    elif isinstance(c.value, DateValue) and c.value.month:
        interval = c.value.interval()
    else:
        return float("inf")  # a weekday no date places
    return interval.hi - interval.lo


def _prose(c: Claim) -> bool:
    """The claim stands in a sentence of prose, not in a headline or a caption (no full stop at its end)."""
    return c.sentence.rstrip().endswith((".", "!", "?", '"', "\u201d", "'", "\u2019", ":", ";"))


def most_precise(claims) -> list[Claim]:
    """Each source's claims less those that another of its own claims states more precisely: a
    headline's "seven out of ten" rounds the body's "71.3%", and the source's figure is the body's. So it is
    where the headline drops the body's hedge ("damages 2,300 homes", "damaging some 2,300 homes")."""
    # Each claim is set against its own source's only: a group holds many sources' claims. A value is judged
    # once however often its source states it (a table repeats one figure a thousand times): the verdict and
    # the width depend on the value alone.
    of_source: dict[str, dict[str, Claim]] = defaultdict(dict)
    for d in claims:
        of_source[d.source].setdefault(repr(d.value), d)
    rounded: dict[tuple[str, str], bool] = {}
    for source, values in of_source.items():
        widths = {key: _width(d) for key, d in values.items()}
        for key, c in values.items():
            rounded[(source, key)] = any(
                _agree(c, d) and (widths[other] < widths[key] and not (_prose(c) and not _prose(d))
                                  or widths[other] > widths[key] and not _prose(c) and _prose(d))
                for other, d in values.items() if other != key)
    return [c for c in claims if not rounded[(c.source, repr(c.value))]]


def _slip_of_one_age(group: Group, a: Claim, b: Claim) -> bool:
    """One source gives a named person's age two ways a year or two apart ("15-year-old" in one
    paragraph, "16" in another): it contradicts itself, and the group still speaks of one age."""
    if group.attribute != "age" or group.subject == STORY or is_unnamed(group.subject):
        return False
    return abs(float(a.value.value) - float(b.value.value)) <= AGE_SLIP


def figure_verdict(group: Group) -> FigureVerdict | None:
    """The disagreement within a group, or None when its sources agree (or it mixes quantities)."""
    claims = most_precise(group.claims)
    # Sources per stated value; one claim per (source, value).
    by_value: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if all(x.source != c.source for x in by_value[c.normalised]):
            by_value[c.normalised].append(c)
    values = sorted(by_value, key=lambda v: (-len(by_value[v]), v))
    if len(values) < 2:
        return None
    if others := _other_occurrences(by_value):
        # "elected in December 2008" beside "the elections on December 15, 2013": the election before. Left
        # aside, as a count too far from the majority's is below; the rest is judged.
        return _without(group, others, "too far from the dates most sources give to be one of them misreported "
                                       "(another time the event happened)")
    if far := _far_from_most(values, by_value):
        # "The attackers in that case demanded 800,000 crowns", beside this attack's 3.5 million that most sources
        # give: another incident's figure, whichever source also gives it; left aside before any source is read
        # as giving two values of one quantity.
        return _without(group, far, f"too far from {values[0]} to be the same figure misreported")
    # A source that gives two incompatible values for "the same" quantity is speaking of two (two
    # days' index moves, two years' budgets): the group mixes quantities and no side can be flagged.
    mixing = []
    for source in sorted({c.source for c in claims}):
        own = [next(c for c in by_value[v] if c.source == source) for v in values
               if any(c.source == source for c in by_value[v])]
        for i, a in enumerate(own):
            if any((v := _verdict(a, b)) is not None and v.relation == CONTRADICT and not _slip_of_one_age(group, a, b)
                   for b in own[i + 1 :]):
                mixing.append((source, own))
                break
    lone = None
    sources_all = {c.source for c in claims}
    if mixing and not (len(mixing) == 1 and _at_odds_with_itself(*mixing[0], by_value, claims)):
        lone = None if _of_many_people(group, claims) else _lone_value(by_value, claims)
        if lone is None:
            return None
        kept = set(lone)
        claims = [c for c in claims if c.normalised in kept]
        by_value = {v: cs for v, cs in by_value.items() if v in kept}
        values = [v for v in values if v in kept]
        mixing = []
    at_odds = mixing[0][0] if mixing else None
    worst, worst_reason = AGREE, ""
    clashes: set[str] = set()
    clashing_pairs: set[frozenset[str]] = set()
    agreeing: set[frozenset[str]] = set()
    for i, va in enumerate(values):
        for vb in values[i + 1 :]:
            verdict = _values_verdict(by_value[va], by_value[vb])
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
    if majority is not None and isinstance(by_value[majority][0].value, Quantity) \
            and by_value[majority][0].value.dimension == "count":
        # "three Palestinians died" in one strike, given by two sources, against "more than 600" in the
        # war: a count too far from the majority's to be it misreported (not within a factor of two, not
        # a slip of its digits) counts something else. It is left aside, and the rest judged. A share or
        # a move ("rose 2%" against "rose 5%") is one measure of one thing, and is judged whole.
        far = [v for v in values if v not in bloc and v in clashes
               and not plausibly_one(by_value[majority][0].value, by_value[v][0].value)]
        if far:
            return _without(group, far, f"too far from {majority} to be the same figure misreported")
    if majority is None and all(isinstance(cs[0].value, Quantity) and cs[0].value.dimension in ("count", "number")
                                and not cs[0].value.change for cs in by_value.values()) \
            and not any(plausibly_one(by_value[va][0].value, by_value[vb][0].value)
                        for va, vb in map(sorted, clashing_pairs)):
        # "the four Israeli soldiers killed by friendly fire" against "killed at least 40 people" at a school: counts
        # each too far from the other to be it misreported (not within a factor of two, not a slip of its digits),
        # with no majority to set one aside, count two things
        return None
    if group.block.space == NOUN_EVENT and len({c.source for v in bloc for c in by_value[v]}) < MIN_NOUN_EVENT:
        # "Friday night's loss" against "Wednesday's home loss": an event the vocabulary does not know may be one
        # of many in a story (a team's losses, a round's semifinals); one source against one or two is no
        # disagreement about one of them until three sources or more agree.
        return None
    if majority is None and (group.subject == STORY or is_unnamed(group.subject)) and not group.aligned:
        # A count no source attributes ("46 were arrested") is judged only where most sources agree on
        # one value: scattered values without a named holder are, in real coverage, mostly counts of
        # different moments or incidents (one night's arrests, the week's), not a disagreement. Figures
        # in the same slot of aligned sentences are one statement of one fact, and are judged. So for the
        # dates of an event no source names a holder of: one source's "he spoke on Friday" against
        # another's "the minister spoke on Thursday" may be two speeches; "AMD announced the deal Monday"
        # against "AMD announced the acquisition Saturday" is one announcement. So for the ages of people
        # described, not named: one source's "a 20-year-old man" may be another man than another's.
        return None
    # Without a majority no side is the outlier: each is quoted, none flagged. With one, the outliers
    # are the values at odds with it: not two values at odds with each other only, which the majority
    # cannot be set against ("Oct. 23" and "Dec. 9" beside an undated "Wednesday": two other releases).
    flagged = frozenset(v for v in clashes if v not in bloc
                        and any(frozenset((v, b)) in clashing_pairs for b in bloc)) if bloc else frozenset()
    if bloc and not flagged:
        return None
    if at_odds:
        worst_reason += (f"; {at_odds} gives the figure the others give and another that no other "
                         "source gives: it is at odds with itself")
    if lone:
        top, odd = lone
        worst_reason += (f"; some sources date more than one moment of this event, but {by_value[odd][0].source} "
                         f"gives only {odd}, which no other source gives, where {len(by_value[top])} of "
                         f"{len(sources_all)} give {top}")
    return FigureVerdict(group, worst, worst_reason, tuple((v, tuple(by_value[v])) for v in values), majority,
                         flagged)


MIN_OTHERS = 2  # other sources that must give the figure a source also gives, for its other one to be a slip
MIN_NOUN_EVENT = 3  # sources that must agree on the date of an event no class of the vocabulary holds


def _far_from_most(values: list[str], by_value: Mapping[str, list[Claim]]) -> list[str]:
    """The amounts of money too far from the one most sources give (more than any other value) to be it misreported
    (not within a factor of two, not a slip of its digits or its scale): amounts of other deals or incidents. A
    count is set aside so once the majority is known (figure_verdict); a share or a move is judged whole."""
    top = by_value[values[0]][0].value
    if len(values) < 2 or len(by_value[values[0]]) <= len(by_value[values[1]]) or not isinstance(top, Quantity) \
            or not top.dimension.startswith("currency"):
        return []
    return [v for v in values[1:] if not plausibly_one(top, by_value[v][0].value)]


def _without(group: Group, aside: list[str] | tuple[str, ...], why: str) -> FigureVerdict | None:
    """The verdict on the group with the values `aside` left out, saying so and `why`; None when what is left
    is no disagreement, or of one source."""
    rest = tuple(c for c in group.claims if c.normalised not in aside)
    inner = figure_verdict(replace(group, claims=rest)) if len({c.source for c in rest}) >= 2 else None
    if inner is None:
        return None
    return replace(inner, group=group, reason=f"{inner.reason}; {', '.join(aside)} left aside: {why}")


def _other_occurrences(by_value: dict[str, list[Claim]]) -> tuple[str, ...]:
    """In a group of an event's dates, the dates too far from the dates most sources give to be one of them
    misreported (plausibly_one_date: days apart, or a slip of a year's digits): another time the event
    happened (the election before this one, "in contrast with the February 2007 presidential election"),
    not a disagreement. Weekdays and days of no known year, which may be of either time, are not weighed;
    nor is a group whose dates fall in two sets given by as many sources."""
    dated = [v for v, cs in by_value.items()
             if isinstance(cs[0].value, DateValue) and cs[0].value.month and cs[0].value.year]
    sets = connected(dated, lambda a, b: plausibly_one_date(by_value[a][0].value, by_value[b][0].value))
    if len(sets) < 2:
        return ()
    weight = {frozenset(s): len({c.source for v in s for c in by_value[v]}) for s in sets}
    ranked = sorted(weight, key=lambda s: (-weight[s], sorted(s)))
    if weight[ranked[0]] == weight[ranked[1]]:
        return ()
    return tuple(sorted(v for s in ranked[1:] for v in s))


def _of_many_people(group: Group, claims: list[Claim]) -> bool:
    """Ages, or figures of someone described and not named ("a 12-year-old girl" and "a 14-year-old girl"): a
    source that gives two speaks of two people, and one that gives one may speak of either. (Dates are moments of
    one event: a quake and its aftershocks.)"""
    return any(isinstance(c.value, Quantity) for c in claims) and (
        group.block.attribute == "age" or is_unnamed(group.subject))


def _lone_value(by_value: dict[str, list[Claim]], claims: list[Claim]) -> tuple[str, str] | None:
    """In a group that some sources give two values of (a quake on Sunday, its aftershocks on Monday; this
    vote's turnout of 61.8% and the last one's 47.2%), one source gives one value only, which no other source
    gives, where most sources give one value: that value against theirs (majority first), where it is near enough
    to be it misreported. None when the group holds no such outlier."""
    sources = {c.source for c in claims}
    given = {v: {c.source for c in cs} for v, cs in by_value.items()}
    top = max(given, key=lambda v: (len(given[v]), v))
    if len(given[top]) * 2 <= len(sources) or sum(len(s) == len(given[top]) for s in given.values()) > 1:
        return None
    own: dict[str, list[str]] = defaultdict(list)
    for v, srcs in given.items():
        for s in srcs:
            own[s].append(v)
    lone = [vs[0] for s, vs in own.items() if len(vs) == 1 and len(given[vs[0]]) == 1
            and (v := _values_verdict(by_value[top], by_value[vs[0]])) is not None and v.relation == CONTRADICT]
    if len(lone) != 1 or not plausibly_one_value(by_value[top][0].value, by_value[lone[0]][0].value):
        return None
    return top, lone[0]


def _at_odds_with_itself(source: str, own: list[Claim], by_value: dict[str, list[Claim]],
                         claims: list[Claim]) -> bool:
    """One source gives the figure the others give, and once another that no other source gives, near
    enough to be the same figure misreported ("$334 million" in its headline, "$288 million" in its
    body, where the others all say $334 million): the source is at odds with itself, and its odd
    figure is the outlier. Not when it gives two figures far apart (two quantities, not a slip)."""
    shared = [c for c in own if len({x.source for x in by_value[c.normalised]} - {source}) >= MIN_OTHERS]
    odd = [c for c in own if len(by_value[c.normalised]) == 1]
    if len(shared) != 1 or len(odd) + 1 != len(own):
        return False
    if any(c.near_dates and c.near_dates != shared[0].near_dates for c in odd):
        return False  # "a third in May" and "a quarter in June": two time frames, not a slip
    if shared[0].attribute == "age" and any(abs(float(c.value.value) - float(shared[0].value.value)) > AGE_SLIP
                                            for c in odd):
        return False  # "died at the age of 95" and "Keller, 92, told the show in 2006": the age at another time
    mine = [c for c in claims if c.source == source]
    sentences = {c.sentence for c in mine if c.normalised == shared[0].normalised}
    odd_spans = {c.span for c in mine if c.normalised != shared[0].normalised}
    if any(c.sentence in sentences for c in mine if c.normalised != shared[0].normalised) \
            or any(span in sentence for span in odd_spans for sentence in sentences):
        return False  # "the 17-inch model has 78% more pixels than the 15-inch one": two things compared
    if shared[0].frame and not shared[0].value.dimension.startswith("currency") \
            and shared[0].value.dimension not in ("percent", "fraction"):
        return False  # "killing two workers", "three dead with the gunman": counts of people overlap and nest
    return all(plausibly_one_value(shared[0].value, c.value) for c in odd)


def _majority_bloc(values: list[str], by_value: dict[str, list[Claim]], agreeing: set[frozenset[str]],
                   clashing: set[frozenset[str]]) -> tuple[str, ...]:
    """The values that agree with one another and that more sources give than any other such bloc,
    most-given first: "at least 63" and "63" outweigh "58" though each is one source's. Empty when
    no bloc has more sources than every other, or when a bloc's values clash among themselves. A value that
    agrees with two values that clash ("less than a third" beside "31%" and "13%") holds either, and says
    nothing of which is right: it joins no bloc, where the bloc that wins without it is at odds with a value (an
    undated weekday beside two dates it neither holds nor contradicts is at odds with none)."""
    bridges = {v for v in values if any(frozenset((v, a)) in agreeing and frozenset((v, b)) in agreeing
                                        and frozenset((a, b)) in clashing
                                        for i, a in enumerate(values) for b in values[i + 1:])}
    if bridges and len(bridges) < len(values):
        bloc = _bloc([v for v in values if v not in bridges], by_value, agreeing, clashing)
        if any(frozenset((v, w)) in clashing for v in bloc for w in values):
            return bloc
    return _bloc(values, by_value, agreeing, clashing)


def _bloc(values: list[str], by_value: dict[str, list[Claim]], agreeing: set[frozenset[str]],
          clashing: set[frozenset[str]]) -> tuple[str, ...]:
    """`_majority_bloc` over these values, each weighed."""
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
    """The verdicts of the groups whose sources disagree, in group order. A group that as a whole
    gives no verdict (its values scatter with no majority, or one source gives two of them) is judged
    by its tighter parts (Group.parts): the figures that aligned sentences state in one slot."""
    out = []
    for g in groups:
        v = figure_verdict(g)
        if v is not None:
            out.append(v)
            continue
        out.extend(pv for p in g.parts if (pv := figure_verdict(p)) is not None)
    return out


# --- updates: a count that moved as the story developed ---------------------------------------


RISING, FALLING = "rising", "falling"


@dataclass(frozen=True)
class UpdateExplanation(Explanation):
    grouped_because: str
    values: tuple[tuple[str, tuple[str, ...]], ...]  # (value, its sources), earliest first
    dates: tuple[tuple[str, str], ...]  # (source, its article date), earliest first
    direction: str  # RISING or FALLING
    superseded: tuple[str, ...]  # the earlier values, flagged
    latest: str  # the value of the latest article, quoted for reference
    reason: str

    def to_dict(self) -> dict:
        return {"grouped_because": self.grouped_because, "values": {v: list(s) for v, s in self.values},
                "dates": dict(self.dates), "direction": self.direction, "superseded": list(self.superseded),
                "latest": self.latest, "reason": self.reason}


@dataclass(frozen=True)
class FigureUpdate:
    """A disagreement that is the figure moving over time: each claim with its article's date."""

    verdict: FigureVerdict
    dated: tuple[tuple[dt.date, Claim], ...]  # earliest first
    direction: str
    superseded: tuple[Claim, ...]  # earlier claims whose value the latest articles no longer give

    @property
    def latest(self) -> tuple[Claim, ...]:
        last = self.dated[-1][0]
        return tuple(c for d, c in self.dated if d == last)


# A count given per span of time ("about 38,000 vehicles a day", "2 million visitors every year"): a rate, the
# way things run, not a running total that the story's events move.
PER_PERIOD = re.compile(r"[^\d,.;:]{0,30}?\b(?:(?:a|an|per|each|every)\s+(?:day|week|month|year|night|hour)|daily|weekly|"
                        r"monthly|yearly|annually|nightly|hourly)\b", re.IGNORECASE)


def per_period(c: Claim) -> bool:
    """Whether the figure is counted per span of time: a few words after it say "a day", "every year"."""
    at = c.sentence.find(c.span)
    return at >= 0 and PER_PERIOD.match(c.sentence, at + len(c.span)) is not None


def updatable(group: Group) -> bool:
    """A count a developing story moves: a frame's count of people, or a plain count, or the level one reached
    ("had grown to 47 cases"); not a share, a sum of money, a date, a movement ("rose 5%", already a change), a
    tally ("won 3-1") or a rate ("38,000 vehicles a day"). A share or a sum that every source gives as the level
    it has moved to ("had fallen to 26 per cent", "had fallen to 25 per cent by Saturday") moves too."""
    if group.kind != "quantity" or level(group.block.change):
        return False
    if any(not isinstance(c.value, Quantity) or c.value.second is not None for c in group.claims):
        return False
    if any(per_period(c) or describes(c) for c in group.claims):
        return False
    return group.block.space in ("frame", "count", STORY_COUNT) or bool(stated_move(group))


def describes(c: Claim) -> bool:
    """A count joined by a hyphen to its unit before the thing it describes ("a nine-storey block", "a 300-bed
    hospital"): what the thing is, which a developing story does not move."""
    return isinstance(c.value, Quantity) and joined_to_unit(c.span, c.value)


def stated_move(group: Group) -> str:
    """The way every figure of the group says it moved to its level ("fell to", "rose to"): RISING, FALLING,
    or "" where one does not say, or two say different ways."""
    ways = {c.value.change if isinstance(c.value, Quantity) else "" for c in group.claims}
    return {"up-to": RISING, "down-to": FALLING}.get(ways.pop(), "") if len(ways) == 1 else ""


def article_date(corpus: Corpus, source: str) -> dt.date | None:
    """The date of a source's article, from its metadata (front matter or sidecar `date`)."""
    return parse_article_date(corpus[source].meta.get("date"))


def _bounds(c: Claim) -> tuple[float, float]:
    interval = comparable_interval(c.value)[1]
    return interval.lo, interval.hi


def figure_update(verdict: FigureVerdict, corpus: Corpus, story: Sequence[Claim] = ()) -> FigureUpdate | None:
    """The verdict as an update, when it is one: every source dated, and the figures, in date order,
    move one way (each later figure at least every earlier one, or at most for a falling count).
    The same figure on one date is fine; two that clash on one date are not an update. `story`: the
    story's claims, read for an article as late as the latest that still gives an earlier figure
    (still_given)."""
    if not updatable(verdict.group):
        return None
    dated = []
    for _value, claims in verdict.by_value:
        for c in claims:
            day = article_date(corpus, c.source)
            if day is None:
                return None
            dated.append((day, c))
    dated.sort(key=lambda dc: (dc[0], dc[1].source, dc[1].start))
    directions = set()
    for i, (da, a) in enumerate(dated):
        for db, b in dated[i + 1 :]:
            verdict_ab = _verdict(a, b)
            if verdict_ab is None:
                return None
            if verdict_ab.relation == AGREE:
                continue
            if da == db:
                return None  # two figures on one day: both cannot be the news of that day
            (alo, ahi), (blo, bhi) = _bounds(a), _bounds(b)
            if blo >= alo and bhi >= ahi:
                directions.add(RISING)
            elif blo <= alo and bhi <= ahi:
                directions.add(FALLING)
            else:
                return None  # a figure that narrows or widens: not a move one way
    if len(directions) != 1:
        return None
    if (said := stated_move(verdict.group)) and said not in directions:
        return None  # "had fallen to" a higher level later: no move the words tell
    last = dated[-1][0]
    latest = [c for d, c in dated if d == last]
    superseded = tuple(c for d, c in dated if d < last
                       and not any(_agree(c, x) for x in latest))
    if not superseded or still_given(superseded, latest, last, story, corpus):
        return None
    swapped = [a for a in superseded if all(restated(a, b) for b in latest)]
    if swapped and all(any(a is x or _agree(a, x) for x in swapped) for a in superseded):
        # "2,486 passengers", later "2,846": two digits swapped, a slip more likely than a move; so where the other
        # earlier figures agree with the swapped one ("more than 2,400")
        return None
    return FigureUpdate(verdict, tuple(dated), directions.pop(), superseded)


def still_given(superseded: Sequence[Claim], latest: Sequence[Claim], last: dt.date, claims: Sequence[Claim],
                corpus: Corpus) -> bool:
    """Whether an article dated as late as the latest gives an earlier figure of the same holder and noun, and
    not the latest, by any verb ("ordered 14 diplomats to leave" on the 11th, "expelled 16" on the 12th, and
    "the expulsion of 14 diplomats" on the 12th and the 14th): the count did not move, one source misstates
    it. A later article that gives both ("19 on Sunday, 24 by Monday") tells how it moved."""
    held = {(c.subject, c.attribute) for c in superseded if c.subject and c.attribute}
    if not held:
        return False
    sources = {c.source for c in (*superseded, *latest)}
    later: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if isinstance(c.value, Quantity) and (c.subject, c.attribute) in held and c.source not in sources:
            day = article_date(corpus, c.source)
            if day is not None and day >= last:
                later[c.source].append(c)

    def gives(mine: list[Claim], values: Sequence[Claim]) -> bool:
        return any(_agree(c, x) for c in mine for x in values)

    return any(gives(mine, superseded) and not gives(mine, latest) for mine in later.values())


def update_finding(rule: Rule, update: FigureUpdate, corpus: Corpus) -> Finding:
    verdict = update.verdict
    group = verdict.group
    days = {c.source: d for d, c in update.dated}
    old = set(update.superseded)
    evidence = [Evidence.of(c, corpus.path(c.source), c in old) for _d, c in update.dated]
    subject = f"{group.subject}: {_measured(group)}"

    def said(claims) -> str:
        by_source: dict[str, list[Claim]] = defaultdict(list)
        for c in claims:
            by_source[c.source].append(c)
        return " and ".join(f"{', '.join(repr(c.span) for c in cs)} in {s} ({days[s].isoformat()})"
                            for s, cs in by_source.items())

    latest = update.latest
    moved = "rose" if update.direction == RISING else "fell"
    bound = "at least as high as" if update.direction == RISING else "no higher than"
    were = "were" if len({c.source for c in update.superseded}) > 1 else "was"
    reason = (f"every source is dated and the figure {moved} over time: each later article gives a figure "
              f"{bound} every earlier one, and no two articles of one day disagree")
    message = (f"{subject}: {said(update.superseded)} {were} superseded by {said(latest)}. "
               f"The figure {moved} as the story developed: an outdated figure, not a disagreement between the sources.")
    order = []
    for _d, c in update.dated:
        if c.normalised not in order:
            order.append(c.normalised)
    values = tuple((v, tuple(dict.fromkeys(c.source for _d, c in update.dated if c.normalised == v))) for v in order)
    dates = tuple(dict.fromkeys((c.source, d.isoformat()) for d, c in update.dated))
    superseded = tuple(dict.fromkeys(c.normalised for c in update.superseded))
    explanation = UpdateExplanation(group.reason, values, dates, update.direction, superseded,
                                    latest[0].normalised, reason)
    key = (group.kind, group.attribute, group.subject, *sorted(v for v, _ in verdict.by_value))
    return Finding.from_rule(rule, subject, message, evidence, explanation, key,
                             anchor=f"{group.subject}: {group.attribute}")


def update_findings(rule: Rule, groups, corpus: Corpus, claims: Sequence[Claim] = ()) -> list[Finding]:
    """The findings of the update rule: the disagreeing groups whose figures moved over time."""
    return [update_finding(rule, u, corpus) for v in figure_verdicts(groups)
            if (u := figure_update(v, corpus, claims)) is not None]


def _undated(verdict: FigureVerdict, corpus: Corpus) -> tuple[str, ...]:
    """The sources of an updatable group whose article date is unknown; () when all are dated or
    the group is no count a story moves."""
    if not updatable(verdict.group):
        return ()
    return tuple(sorted({c.source for _v, cs in verdict.by_value for c in cs if article_date(corpus, c.source) is None}))


def _event(group: Group) -> str:
    """What a group of dates dates, as the sources word it: the noun they share ("delegation"), else
    the verb that keys it ("sentence")."""
    nouns = {c.attribute for c in group.claims if c.attribute}
    noun = nouns.pop() if group.block.space in (EVENT, NOUN_EVENT) and len(nouns) == 1 else None
    # "Halvic resigned": the holder's name is no noun of the event
    return noun if noun is not None and noun not in group.subject.lower().split() else group.attribute


def _measured(group: Group) -> str:
    """What a group of figures measures, as its first claim words it: "operating profit"; a modifier that is the
    group's noun itself ("21 crew members" in the frame crew) is not said twice."""
    return " ".join([*(m for m in group.claims[0].modifiers if m != group.attribute), group.attribute])


def figure_finding(rule: Rule, verdict: FigureVerdict, corpus: Corpus, distinguish: bool = False) -> Finding:
    group, kind = verdict.group, verdict.kind
    evidence = [Evidence.of(c, corpus.path(c.source), v in verdict.flagged) for v, cs in verdict.by_value for c in cs]
    attribute = _measured(group) if kind == "quantity" else _event(group)
    subject = f"{group.subject}: {attribute}"
    stated = "; ".join(f"{', '.join(repr(c.span) for c in cs)} ({v}) in {', '.join(c.source for c in cs)}"
                       for v, cs in verdict.by_value)
    side = f"the majority gives {verdict.majority}" if verdict.majority else "no value has a majority"
    message = f"{subject}: {stated}. {verdict.reason}; {side}."
    undated = _undated(verdict, corpus)
    dates = "date of" if len(undated) == 1 else "dates of"
    unknown = "is" if len(undated) == 1 else "are"
    note = (f"the article {dates} {', '.join(undated)} {unknown} unknown, so the later figure may be an update "
            f"of the earlier rather than a disagreement") if undated else ""
    if note:
        message += f" Note: {note}."
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
    args = (group.reason, tuple((v, tuple(c.source for c in cs)) for v, cs in verdict.by_value),
            verdict.relation, verdict.reason, verdict.majority)
    explanation = UndatedFigureExplanation(*args, undated, note) if undated else FigureExplanation(*args)
    # The fingerprint names the group by subject and attribute only: the modifiers shown come from
    # one claim, and a new article that agrees must not make the finding new.
    return Finding.from_rule(rule, subject, message, evidence, explanation, key,
                             anchor=f"{group.subject}: {group.attribute}")


def birthday_between(verdict: FigureVerdict, corpus: Corpus) -> bool:
    """A person's ages that the articles' dates explain: in date order each dated source gives an age
    no lower than the one before and higher by no more than the years between make likely ("Tarrant,
    26" in January, "Tarrant, 27" in September), and each undated source repeats one of them."""
    if verdict.group.attribute != "age":
        return False
    dated, undated = [], set()
    for value, claims in verdict.by_value:
        for c in claims:
            day = article_date(corpus, c.source)
            if day is None:
                undated.add(value)
            else:
                dated.append((day, float(c.value.value), value))
    dated.sort()
    if len({v for _d, _a, v in dated}) < 2 or not undated <= {v for _d, _a, v in dated}:
        return False
    for i, (da, aa, _va) in enumerate(dated):
        for db, ab, _vb in dated[i + 1 :]:
            # A birthday falls between two dates d days apart with odds d/365: it explains a year
            # more only where it is likelier than not.
            if ab < aa or ab - aa > round((db - da).days / 365):
                return False
    return True


ELAPSED = re.compile(r"\b(?:after|following|from)\s+$", re.IGNORECASE)  # "after eight days of riots"


def elapsed(c: Claim) -> bool:
    """A time an event had lasted when the article was written ("after eight days of riots", "reeling
    from four days of protests"): a figure each day of coverage adds to."""
    q = c.value
    if not isinstance(q, Quantity) or q.dimension != "duration":
        return False
    at = c.sentence.find(c.span)
    return at >= 0 and bool(ELAPSED.search(c.sentence[:at])) and c.sentence[at + len(c.span):].lstrip().startswith("of ")


def elapsed_between(verdict: FigureVerdict, corpus: Corpus) -> bool:
    """Times elapsed as of the writing that articles written on different days, or on days not known,
    explain: "after four days of riots" in one, "after eight days of riots" in a later one."""
    claims = [c for _v, cs in verdict.by_value for c in cs]
    days = {article_date(corpus, c.source) for c in claims}
    return all(elapsed(c) for c in claims) and (None in days or len(days) > 1)


def figure_findings(rule: Rule, groups, kind: str, relation: str, corpus: Corpus,
                    claims: Sequence[Claim] = ()) -> list[Finding]:
    """The findings of one figure rule: the groups of that kind whose sources disagree that way, but
    for the figures that moved over time (NUM003 reports those), a person's ages a birthday between
    the articles explains, and the times an event had lasted when articles of different days were
    written."""
    verdicts = [v for v in figure_verdicts(groups) if v.kind == kind and v.relation == relation
                and figure_update(v, corpus, claims) is None and not birthday_between(v, corpus)
                and not elapsed_between(v, corpus)]
    findings = [figure_finding(rule, v, corpus) for v in verdicts]
    shared = {f.fingerprint for f in findings if sum(g.fingerprint == f.fingerprint for g in findings) > 1}
    return [figure_finding(rule, v, corpus, distinguish=True) if f.fingerprint in shared else f
            for v, f in zip(verdicts, findings)]
