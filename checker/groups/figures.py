"""Figures and dates across sources: block, match, group. The rules in findings/ judge.

Block: same kind, unit dimension, attribute and direction of change. Match: across
sources only, and only when the subjects are the same entity (aliases resolved) and the
modifiers do not clash ("annual budget" against "emergency budget"). A figure with no
subject or no attribute is not grouped at all: two budgets of unknown scope are different
quantities, and an editor would find it absurd to be told they disagree.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from rapidfuzz.distance import OSA

from checker.claims.claim import DISTINCT, UNDATED, UNNAMED, Claim, ClaimKind, is_unnamed
from checker.groups.components import connected
from checker.groups.people import Person, name_words
from checker.values.compare import (
    AGREE,
    CONTRADICT,
    compare_quantities,
    plausibly_one,
    plausibly_one_date,
    unit_space,
    written_digits,
)
from checker.values.numbers import to_base
from checker.values.titles import FUNCTION_WORDS
from checker.values.types import DateValue, Quantity
from checker.values.vocabulary import Vocabulary


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
    # Tighter groups inside this one: its figures that the alignment pairs among themselves (the same
    # slot of aligned sentences, the same words near them). A wide group (a frame's counts of a week)
    # may say nothing as a whole where such a part speaks of one statement of one fact.
    parts: tuple[Group, ...] = ()
    # Claims of its quantity set aside: their source gives elsewhere a value the other sources give the group
    # (_states_the_others). A group cut to one moment weighs them again against that moment's sources only.
    set_aside: tuple[Claim, ...] = ()

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
AGE_SLIP = 2  # years between two ages of one person misreported (a birthday passed, a digit slipped)
TAKEN_AGE_SLIP = 1  # ... and between an unnamed age and a named person's, for the one to be taken for the other


def level(change: str) -> str:
    """The direction a block keeps: "rose 4.2% to 3.1 billion" states the level now, as "revenue was
    3.1 billion" does; the move ("rose 4.2%") and the level it started from ("from 2.9 billion") are
    quantities of their own."""
    return "" if change.endswith("-to") else change


STORY_COUNT = "story-count"  # the space of a count of its own noun that no one named holds
STORY_YEAR = "story-year"  # the space of a year something was done that no noun or name of the sentence holds
STORY_MEASURE = "story-measure"  # the space of a measure of one dimension (a volume, a mass) that no one named holds
EVENT = "event"  # the space of a date block keyed by its verb (the attribute): the date of what it says happened
# ... and of one keyed by a noun no event class of the vocabulary holds ("Friday night's draw", "Tuesday's blackout"):
# such an event may be one of many in a story (a team's losses, a round's semifinals), and its dates are judged only
# where MIN_NOUN_EVENT sources or more agree (findings/figure_verdict.py)
NOUN_EVENT = "noun-event"
PER = "per "  # the attribute of a price of one of a thing ("per dose"), a property whatever verb states it


def block_key(c: Claim, light_verbs: frozenset[str] = frozenset()) -> Block | None:
    """What a claim must share with others to be compared. `light_verbs`: verbs whose noun names the
    event ("held a hearing"), whose dates are keyed by the noun rather than by the verb."""
    if c.kind is ClaimKind.DATE and c.verb and (c.attribute or c.event) and c.verb not in light_verbs \
            and not set(UNDATED) & set(c.modifiers) and not c.value.whole_year:
        # "was sentenced Saturday", "a judge on Saturday sentenced the woman": the date of the event the
        # verb names, whatever noun each outlet makes its subject; held by the entity named, else by the
        # story (and joined to the one entity the others name). A verb with no noun to it ("Published:
        # March 13") is a page's line, not an event, unless it names one the vocabulary knows ("she went
        # to the clinic on Tuesday": the event "enter"); a year alone dates a life's events, too many to key.
        return Block("date", EVENT, c.dated_event, "", c.subject or STORY)
    if c.converted:
        return None
    if c.kind is ClaimKind.QUANTITY and c.frame and not c.definite:
        # "63 people died" / "58 were killed": a count of the frame, held by the subject named or,
        # when none is, by the story's own event. An amount of a frame ("a net loss of 240 million
        # euros", "it lost 240 million euros") likewise, in its own unit space.
        q = c.value
        space = ("frame:currency" if q.dimension.startswith("currency")
                 else "frame:percent" if q.dimension in ("percent", "fraction") else "frame")
        return Block("quantity", space, c.frame, level(q.change), c.subject or STORY)
    if c.kind is ClaimKind.QUANTITY and (c.subject or c.pronoun) and not c.attribute and not c.definite \
            and not is_unnamed(c.subject) and c.verb and c.verb not in light_verbs and c.verb != "be" \
            and c.value.dimension != "count" and c.value.unit:
        # "Ross was paid $3 million to direct": a named holder and what the verb says of the amount,
        # with no noun to name it; the verb names it. Said of a pronoun or of a word standing for a name ("the
        # firm owes 418 million crowns"), it joins the one holder the others name.
        return Block("quantity", unit_space(c.value), c.verb, level(c.value.change),
                     c.subject or STORY)
    if c.kind is ClaimKind.QUANTITY and c.attribute and c.attribute.startswith(PER) and not c.definite:
        # "at 19 crowns per dose", "23 crowns a dose": the price of one of a thing, whatever verb states it; held
        # by no one named, it joins the one holder the others name
        return Block("quantity", unit_space(c.value), c.attribute, level(c.value.change), c.subject or STORY)
    if c.kind is ClaimKind.QUANTITY and c.attribute and not c.definite and (c.subject or c.pronoun):
        q = c.value
        assert isinstance(q, Quantity)
        if q.dimension in ("number",) or q.shape == "vague" and not q.unit:
            return None  # a bare number measures nothing we can name
        space = unit_space(q)
        # "He completed his first 17 passes": held by no one named here, it joins the one holder the
        # others name (group_claims)
        return Block("quantity", space, c.attribute, level(q.change), c.subject or STORY)
    if c.kind is ClaimKind.QUANTITY and not c.subject and c.attribute and not c.definite and not c.pronoun \
            and c.value.dimension == "count" and c.value.unit == c.attribute and not c.value.change:
        # "with 164 passengers on board", "carrying 146 passengers": a count of its own noun that no one named
        # holds; compared only with the same count or its digits transposed (restated)
        return Block("quantity", STORY_COUNT, c.attribute, "", STORY)
    if c.kind is ClaimKind.QUANTITY and not c.subject and not c.pronoun and not c.definite \
            and c.value.dimension.startswith("physical:") and not c.value.change and c.value.shape != "vague":
        # "some 14 million cubic metres of water poured out", "an estimated 3.5 tonnes of the solvent reached the
        # river": a measure no one named holds, which each outlet words with a verb and a noun of its own;
        # compared only where each source gives one figure of its dimension (_sole_values)
        return Block("quantity", STORY_MEASURE, c.value.dimension.removeprefix("physical:"), "", STORY)
    if c.kind is ClaimKind.DATE and c.value.whole_year and c.verb and not c.subject and not c.attribute \
            and not set(UNDATED) & set(c.modifiers):
        # "was built in 1998", "built in 1989": a year of the story's own thing, which its sentence does not name;
        # compared only with the same year or its digits swapped (restated)
        return Block("date", STORY_YEAR, "year", "", STORY)
    if not c.subject or not c.attribute or c.definite:
        return None
    if c.kind is ClaimKind.DATE:
        if {"report", "checkpoint"} & set(c.modifiers):
            return None  # the date a statement was made or a count reached, not a date of the story's events
        if c.value.whole_year and not c.verb:
            return None  # "In 1979 ..., in 1998 ...": a life's years, each of its own event
        return Block("date", c.verb or "", c.attribute, "", c.subject)
    return None


def modifiers_clash(a: Claim, b: Claim) -> bool:
    if not (a.modifiers or b.modifiers):
        return False  # most figures have none: the pairing loops ask this of every candidate pair
    ma, mb = set(a.modifiers), set(b.modifiers)
    for word in DISTINCT:
        if (word in ma) != (word in mb):
            return True  # a gap is not the total, a forecast not the result, a part not the whole
    return bool(ma and mb and not (ma & mb))


def _mixes(claims: list[Claim]) -> bool:
    """Whether some source gives two values that cannot both be true: the claims are of two
    quantities (a quarter's revenue and the year's), not one."""
    by_source: dict[str, list[Quantity]] = defaultdict(list)
    for c in claims:
        if isinstance(c.value, Quantity):
            by_source[c.source].append(c.value)
    for values in by_source.values():
        for i, a in enumerate(values):
            for b in values[i + 1 :]:
                v = compare_quantities(a, b)
                if v is not None and v.relation == CONTRADICT:
                    return True
    return False


def names_apart(a: Claim, b: Claim) -> bool:
    """A name near each figure that the other's sentence does not hold: two players' points, two
    companies' revenues, two men's arrests ("receiver Jackson was arrested Jan. 6" / "tackle Williams
    was arrested early Sunday")."""
    if not (a.near_names and b.near_names):
        return False
    sa, sb = a.sentence_lower, b.sentence_lower
    return any(n not in sb for n in a.near_names) and any(n not in sa for n in b.near_names)


YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")


# A year said from the article's own: "last year" is the year before "this year" of the same article.
RELATIVE_YEAR = re.compile(r"\b(last|previous|this|current|next|coming) year\b")
YEAR_OFFSETS = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1}


def years_apart(a: Claim, b: Claim) -> bool:
    """A year said near one figure and not near the other: "55.2% in the 2022 election" against the
    story's "61.4%" are two elections' turnouts. So for years said from the article's own, where both
    figures have one: "a turnover of 1.84 billion last year" and "revenue of 2.05 billion this year".
    Not for two ages set beside a name by commas ("Brennock, 74, bought the club in 2003"): each is the
    person's age now, whatever year the clause tells of ("then 51" would be another's)."""
    if age_now(a) and age_now(b):
        return False
    ya = {y for d in a.near_dates for y in YEAR.findall(d)}
    yb = {y for d in b.near_dates for y in YEAR.findall(d)}
    if ya != yb:
        return True
    ra = {YEAR_OFFSETS[w] for d in a.near_dates for w in RELATIVE_YEAR.findall(d)}
    rb = {YEAR_OFFSETS[w] for d in b.near_dates for w in RELATIVE_YEAR.findall(d)}
    return bool(ra and rb) and ra != rb


def age_now(c: Claim) -> bool:
    """An age set beside a name by commas ("Augustin Brennock, 74, bought ..."), as news gives a person's age at
    the time of writing."""
    return c.attribute == "age" and f", {c.span}," in c.sentence and f"then {c.span}" not in c.sentence


# Figures beside others in their sentence, by unit: (source, sentence) -> unit -> claims.
BySentence = dict[tuple[str, str], dict[str, list[Claim]]]


def measures_by_sentence(claims: Sequence[Claim]) -> BySentence:
    """Per sentence, the values of its measures by unit ("the 11-inch model", "a 1.7GHz processor", "$999",
    "52% in Egypt"). Counts are left out: "22 points and nine rebounds" against "25 points and 16
    rebounds" is one player's line told two ways, each figure a disagreement of its own."""
    out: BySentence = defaultdict(lambda: defaultdict(list))
    for c in claims:
        if _is_measure(c):
            out[(c.source, c.sentence)][c.value.unit].append(c)
    return out


def periods_by_sentence(claims: Sequence[Claim], periods: frozenset[str]) -> BySentence:
    """Per sentence, the spans it counts a figure over, by unit ("in each of the past five seasons", "in 54
    games"): counts of the vocabulary's period nouns."""
    out: BySentence = defaultdict(lambda: defaultdict(list))
    for c in claims:
        if c.kind is ClaimKind.QUANTITY and isinstance(c.value, Quantity) and c.value.unit in periods \
                and c.attribute != "age":
            out[(c.source, c.sentence)][c.value.unit].append(c)
    return out


def spans_apart(a: Claim, b: Claim, periods: BySentence) -> bool:
    """Each sentence counts the figure over a span the other does not give: "at least 30 homers in each of the
    past five seasons" and "never fewer than 26 homers in his six seasons" are two records of one player. A
    sentence that gives no span says nothing against either."""
    return _beside_apart(a, b, periods)


def _beside_apart(a: Claim, b: Claim, beside: BySentence) -> bool:
    """Whether, in a unit both sentences give beside the pair (`beside`: per sentence, by unit), no figure
    beside one is a figure beside the other."""
    xs, ys = beside.get((a.source, a.sentence), {}), beside.get((b.source, b.sentence), {})
    for unit in set(xs) & set(ys):
        xa = [x.value for x in xs[unit] if x.id != a.id]
        xb = [x.value for x in ys[unit] if x.id != b.id]
        if xa and xb and not any(_one_figure(p, q) for p in xa for q in xb):
            return True
    return False


def _one_figure(p: Quantity, q: Quantity) -> bool:
    """The same figure, rounded or hedged ("up about 4%", "up 4.2%"); a bound ("up to 16GB") is no figure
    of a model, it holds every figure under it."""
    if "bound" in (p.shape, q.shape):
        return p.shape == q.shape and p.interval == q.interval
    v = compare_quantities(p, q)
    return v is not None and v.relation == AGREE


def _is_measure(c: Claim) -> bool:
    q = c.value
    return c.kind is ClaimKind.QUANTITY and isinstance(q, Quantity) and bool(q.unit) and q.dimension != "count" \
        and c.attribute != "age"


def variants_apart(a: Claim, b: Claim, measures: BySentence) -> bool:
    """Each sentence measures, in a unit both use beside the pair, something the other does not: "the
    11-inch model ... 5 hours of battery life" and "the 13-inch one ... seven hours" speak of two models,
    as "a 2.4GHz chip with 3MB of cache" and "a 2.66GHz chip with 6MB" of two chips."""
    if not (_is_measure(a) and _is_measure(b)):
        return False  # an age, a count: not a thing's specification
    return _beside_apart(a, b, measures)


def _counts(a: Claim, b: Claim) -> bool:
    """Both plain counts of things ("14 points", "1,000 points"), not moves."""
    return all(isinstance(c.value, Quantity) and c.value.dimension == "count" and not c.value.change
               for c in (a, b))


SOLE_COUNT_SOURCES = 3  # sources giving one count of a noun, against one source's other count of it, to compare them
SOLE_COUNT_FLOOR = 10  # ... each count at least this: small counts of a noun are as often of two things ("two boats")
# Each source's only figure of a dimension, where the others agree on theirs: a figure misreported by up to a zero
# added or dropped ("30 million cubic metres" against "3 million") is still that figure
SOLE_MEASURE_FACTOR = 10


def _sole(members: Sequence[Claim], figure: Callable[[Claim], Hashable]) -> dict[str, int]:
    """For the sources that give one figure alone (as `figure` reads it), how many sources give that figure; none
    where the members give more than two figures: those scatter over several things ("nine carries", "6 carries",
    "22 carries")."""
    values: dict[str, set[Hashable]] = defaultdict(set)
    for c in members:
        values[c.source].add(figure(c))
    if len(set().union(*values.values())) != 2:
        return {}
    given = Counter(next(iter(v)) for v in values.values() if len(v) == 1)
    return {source: given[next(iter(v))] for source, v in values.items() if len(v) == 1}


def _sole_counts(members: Sequence[Claim]) -> dict[str, int]:
    """For the sources that give one count alone of a noun no one named holds ("140 rescuers took part"), how many
    sources give that count. One source's other count of it ("around 240 rescuers"), where three or more give one
    count and nothing else of the noun, is that count misread; a source that counts the noun twice (a whole and a
    part: "140 rescuers, 40 of them divers") is left out. None where the story gives the noun more than two counts:
    they are of several things; nor are counts under SOLE_COUNT_FLOOR compared so ("two speed boats" in seven sources,
    "three boats" in one: another attack's, as often as not)."""
    return _sole(members, lambda c: written_digits(c.value) or c.normalised)  # "some 140" and "140": one count


def _sole_values(members: Sequence[Claim]) -> dict[str, int]:
    """`_sole_counts` for measures no one named holds: for the sources that give one figure alone of a dimension
    (one volume, one mass), how many sources give that figure. Figures are one where they state one value in the
    dimension's base unit ("about 3 million cubic metres", "an estimated three million cubic metres"; "3.5 tonnes",
    "3,500 kilograms"). None where the story gives the dimension more than two values: they are of several things (a
    lake's volume, a tank's, a spill's)."""
    return _sole(members, lambda c: float(f"{to_base(c.value.value, c.value.unit)[0]:.6g}"))


def _one_against_many(a: Claim, b: Claim, sole: Mapping[str, int]) -> bool:
    """One source's only figure against the one figure SOLE_COUNT_SOURCES or more sources give alone (`sole`, as
    _sole reads them), where no name near either sets them apart."""
    return a.source in sole and b.source in sole and not names_apart(a, b) \
        and sorted((sole[a.source], sole[b.source])) == [1, max(sole.values())] \
        and max(sole.values()) >= SOLE_COUNT_SOURCES


def _one_measure(a: Quantity, b: Quantity) -> bool:
    """Two sources' only figures of a dimension, within SOLE_MEASURE_FACTOR of each other or a slip of digits."""
    if plausibly_one(a, b):
        return True
    va, vb = sorted(abs(to_base(q.value, q.unit)[0]) for q in (a, b))
    return va > 0 and vb <= va * SOLE_MEASURE_FACTOR


def swapped_digits(a: str, b: str) -> bool:
    """Two strings of digits alike but for two neighbours swapped ("164", "146"; "1998", "1989")."""
    return a != b and sorted(a) == sorted(b) and OSA.distance(a, b) == 1


def _year_restated(a: Claim, b: Claim) -> bool:
    """The same year, or its digits with two neighbours swapped ("1998", "1989")."""
    ya, yb = str(a.value.year), str(b.value.year)
    return ya == yb or swapped_digits(ya, yb)


def restated(a: Claim, b: Claim) -> bool:
    """The same count ("some 140", "140"), or its digits with two next to each other swapped ("164" and "146", "2.4
    million" and "4.2 million", "214,000" and "241,000"): one count told by outlets in words of their own, one of them
    misread. Other counts of one noun in a story are as often two things counted (a whole and its part)."""
    if a.normalised == b.normalised:
        return True
    da, db = written_digits(a.value), written_digits(b.value)
    if not da or len(da) != len(db) or da.find(".") != db.find(".") or a.value.unit != b.value.unit \
            or not b.value.value or not 0.1 < a.value.value / b.value.value < 10:
        return False
    da, db = da.replace(".", ""), db.replace(".", "")
    # the same digits hedged alike or not at all ("some 140", "140"; not "more than 100" and "nearly 100"), or two
    # neighbours swapped
    return da == db and _one_figure(a.value, b.value) or swapped_digits(da, db)


def person_subjects(claims: list[Claim], people: Sequence[Person]) -> list[Claim]:
    """Claims about a person (an age: "Keller, 31"; a date: "Keller was sentenced Saturday") take the name
    of the person's cluster as subject, so that "Anna Keller, 32" and "Keller, who was 31" are about one
    subject; so does the age of someone described by the office only that person holds in the story."""
    names: dict[tuple[str, str], set[str]] = defaultdict(set)
    surnames: dict[tuple[str, str], set[str]] = defaultdict(set)  # a surname alone, by source
    # "the 48-year-old treasurer": the age of the one person the story gives that office, if one.
    offices: dict[str, set[str]] = defaultdict(set)
    for p in people:
        name = p.name  # computed from all the mentions: once a person
        for m in p.mentions:
            names[(m.source, " ".join(name_words(m)))].add(name)
            if m.value.surname:
                surnames[(m.source, m.value.surname)].add(name)
        for title, *_ in p.titles:
            offices[title.office.split()[-1].lower()].add(name)
        for m in p.mentions:  # a former office too: "the former treasurer, 48," is the former treasurer's age
            for text, *_ in m.titles:
                offices[text.split()[-1].lower()].add(name)
    out = []
    for c in claims:
        if is_unnamed(c.subject) and len(holders := offices.get(c.subject.removeprefix(UNNAMED).lower(), set())) == 1:
            out.append(replace(c, subject=next(iter(holders))))
            continue
        found = names.get((c.source, c.subject or ""), set())
        if not found and c.attribute == "age" and c.subject and " " not in c.subject:
            # "Benjamin, 52, became ...": a surname the tagger did not take for a name here, of the one
            # person of that surname the same source names
            found = surnames.get((c.source, c.subject), set())
        out.append(replace(c, subject=next(iter(found))) if len(found) == 1
                   and c.kind in (ClaimKind.QUANTITY, ClaimKind.DATE) else c)
    return out


def unnamed_ages(claims: list[Claim], people: Sequence[Person]) -> tuple[list[Claim], dict[str, str]]:
    """An age of someone not named ("the 28-year-old", "the 41-year-old American") is the age of the one
    person of the story whose age other sources give within a year of it, when its own source names
    that person: a story's "Teixeira, 28" and another outlet's "the 28-year-old Maryland native". Not
    when two people's ages are that near, nor an age of a thing ("the 30-year-old record") or of
    someone's relation ("her 14-year-old son"). The claims, and why each was taken, by claim id."""
    mentioned: dict[str, set[str]] = {p.name: {m.source for m in p.mentions} for p in people}
    surnamed: dict[str, set[str]] = defaultdict(set)  # a surname, and the sources that write it in a person's name
    for p in people:
        for m in p.mentions:
            surnamed[m.span.split()[-1]].add(m.source)
    ages: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for c in claims:
        if c.attribute == "age" and c.subject in mentioned and isinstance(c.value, Quantity):
            ages[c.subject].append((c.source, float(c.value.value)))
    out, why = [], {}
    for c in claims:
        if c.attribute == "age" and (c.subject is None or is_unnamed(c.subject)) \
                and not {"thing", "possessed"} & set(c.modifiers) and isinstance(c.value, Quantity):
            near = [name for name, given in sorted(ages.items())
                    if any(abs(v - float(c.value.value)) <= TAKEN_AGE_SLIP for _, v in given)]
            if len(near) == 1 and c.source in mentioned[near[0]] \
                    and any(source != c.source for source, _ in ages[near[0]]):
                out.append(replace(c, subject=near[0]))
                why[c.id] = (f"{c.source}'s {c.span!r} names no one, and is taken for {near[0]}'s age: the one "
                             f"person whose age other sources give near it, whom {c.source} names")
                continue
        if (other := _described_other(c, ages, surnamed)) is not None:
            out.append(replace(c, subject=other))
            why[c.id] = (f"{c.source}'s {c.span!r} describes someone beside {c.subject}'s name, and is taken for "
                         f"{other}'s age: other sources give it as {other}'s, none as {c.subject}'s")
            continue
        out.append(c)
    return out, why


def _described_other(c: Claim, ages: Mapping[str, list[tuple[str, float]]],
                     surnamed: Mapping[str, set[str]]) -> str | None:
    """The person an age written before a name describes when it is not that name's ("The 22-year-old beat
    title-holder Viktor Halloran", parsed as one noun phrase): the one other person whom two other sources give
    that age, and whose surname its own source writes, where the other sources give the named person other ages. An age set
    beside a name by commas ("Halloran, 22,") is the name's, rightly or not."""
    if c.attribute != "age" or c.subject not in ages or not isinstance(c.value, Quantity) \
            or not is_year_old_text(c):
        return None
    value = float(c.value.value)
    own = [v for source, v in ages[c.subject] if source != c.source]
    if not own or any(abs(v - value) <= TAKEN_AGE_SLIP for v in own):
        return None
    others = [name for name, given in sorted(ages.items()) if name != c.subject
              and len({source for source, v in given if source != c.source and v == value}) >= 2]
    return others[0] if len(others) == 1 and c.source in surnamed.get(others[0].split()[-1], ()) else None


def is_year_old_text(c: Claim) -> bool:
    """The age is written "22-year-old" (before the noun or name it describes), as its sentence shows."""
    at = c.sentence.find(c.span)
    return at >= 0 and c.sentence[at + len(c.span):].lstrip("-‐ ").lower().startswith("old")


def _organisation_words(name: str, legal_forms: frozenset[str]) -> list[str]:
    """The words of an organisation's name, its legal form dropped: "Hewlett-Packard Co." -> Hewlett, Packard."""
    words = [w for w in re.split(r"[\s\-]+", name.replace(",", " ")) if w]
    while len(words) > 1 and words[-1].lower().strip(".") in legal_forms:
        words.pop()
    return words


def _acronym(name: str) -> str | None:
    """A name written as its initials ("HP", "H-P", "A.M.D."), upper case, or None."""
    letters = re.sub(r"[.\-]", "", name)
    return letters if 2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper() else None


def organisation_subjects(claims: list[Claim], legal_forms: frozenset[str] = frozenset()) \
        -> tuple[list[Claim], dict[str, str]]:
    """A holder named by its initials ("HP", "H-P") or with its legal form ("Hewlett-Packard Co.") is the
    one the story names in full ("Hewlett-Packard"), when the story names one such: so that
    "H-P will buy EDS for $13.9 billion" and "Hewlett-Packard's $13.9 billion acquisition" have one
    holder. The claims, and why each was read so, by claim id."""
    subjects = sorted({c.subject for c in claims if c.kind in (ClaimKind.QUANTITY, ClaimKind.DATE)
                       and c.subject and c.subject != STORY and not is_unnamed(c.subject)})
    full: dict[str, str] = {}  # a name without its legal form, as one of the story's subjects writes it
    for name in subjects:
        if _acronym(name) is None and len(words := _organisation_words(name, legal_forms)) > 1:
            full.setdefault(" ".join(words), name)
    canonical: dict[str, str] = {}
    for name in subjects:
        if (acronym := _acronym(name)) is not None:
            matches = {bare for bare in full
                       if "".join(w[0] for w in bare.split()  # "Bank of America": BA, "AT&T": ATT
                                  if w.lower() not in FUNCTION_WORDS and w[0].isalpha()).upper() == acronym}
            if len(matches) == 1:
                canonical[name] = full[matches.pop()]
        elif (bare := " ".join(_organisation_words(name, legal_forms))) != name and bare in full and full[bare] != name:
            canonical[name] = full[bare]
    out, why = [], {}
    for c in claims:
        if c.subject in canonical and c.kind in (ClaimKind.QUANTITY, ClaimKind.DATE):
            why[c.id] = f"{c.source} names {c.subject}, read as {canonical[c.subject]}, the name the story gives in full"
            c = replace(c, subject=canonical[c.subject])
        out.append(c)
    return out, why


def values_given(claims: Sequence[Claim]) -> dict[tuple[str, str | None, str], set[str]]:
    """The values each source gives, by unit space, to each holder it names ((source, holder, space))
    and to each noun it names no holder for ((source, "of " + noun, space)). Ages are left out: a
    person's age given twice is the person's, not two quantities."""
    out: dict[tuple[str, str | None, str], set[str]] = defaultdict(set)
    for c in claims:
        if c.kind is ClaimKind.QUANTITY and isinstance(c.value, Quantity) and c.attribute != "age":
            out[_given_key(c)].add(c.normalised)
    return out


def _given_key(c: Claim) -> tuple[str, str | None, str]:
    return c.source, c.subject if c.subject else f"of {c.attribute}", unit_space(c.value)


def _states_the_others(c: Claim, comp: Sequence[Claim], given: dict[tuple[str, str | None, str], set[str]]) -> bool:
    """The claim's source gives elsewhere, of the same holder (or of the same noun, with no holder), a
    value that other sources give the group and it does not: "was sentenced to seven years" and "a
    12-year sentence" of one man, where the others give 12. It speaks of two quantities, and which of
    them is the group's is not known."""
    if not isinstance(c.value, Quantity) or c.attribute == "age":
        return False
    mine = {x.normalised for x in comp if x.source == c.source}
    others = {x.normalised for x in comp if x.source != c.source} - mine
    return bool(others & given.get(_given_key(c), set()))


def _one_holder(named: list[Block]) -> Block | None:
    """The one holder several blocks name, when they name one: the only one, or the longest name, which every
    other begins ("Kessenar", "Kessenar Highlands"); None when they name two."""
    if len(named) == 1:
        return named[0]
    longest = max(named, key=lambda k: (len(k.subject.split()), k.subject))
    words = longest.subject.lower().split()
    if all(words[: len(k.subject.split())] == k.subject.lower().split() for k in named):
        return longest
    return None


def of_no_class(c: Claim, classes: frozenset[str]) -> bool:
    """A date of an event no class of the vocabulary holds: one a noun names ("Friday night's draw")."""
    return c.kind is ClaimKind.DATE and c.event is not None and c.event not in classes


def events_named(claims: Sequence[Claim], told: Sequence[Claim], classes: frozenset[str]) -> list[Claim]:
    """The claims, each date whose verb names no event dated by what its subject or object names, where that is a
    noun some source (of `told`) sets a date on ("Tuesday's blackout"): "the blackout that cut power on Monday"
    dates the blackout, whatever the verb says it did. A noun of the vocabulary's `classes` is dated by its verbs
    already; one of no class names an event of this story only where a source dates it as the event."""
    named = {c.event for c in told if of_no_class(c, classes) and c.event == c.verb}
    return [replace(c, event=c.attribute) if c.kind is ClaimKind.DATE and c.event is None and c.attribute in named
            else c for c in claims]


def group_claims(claims: list[Claim], people: Sequence[Person] = (), vocab: Vocabulary | None = None,
                 context: Sequence[Claim] = ()) -> list[Group]:
    """Groups of claims from at least two sources about one quantity or event; a claim about a person
    is grouped by the person's cluster when `people` is given. With a vocabulary, its light verbs
    ("held talks") key a date by their noun, its events read two verbs as one act ("seized 11 pirates",
    "nabbed 11 pirates"), and its legal forms ("Co.", "Inc.") drop from a holder's name; without one,
    every verb is its own. `context`: other claims of the same sources, not grouped, read for what each
    source says elsewhere (the values it gives, the measures beside a figure), as when all were grouped."""
    light_verbs = vocab.light_verbs if vocab is not None else frozenset()
    acts: Mapping[str, str] = vocab.events if vocab is not None else {}
    taken: dict[str, str] = {}

    def act(c: Claim) -> str | None:
        # "received a sentence of 392 years", "was sentenced to 485 years": a light verb's noun names the act
        if c.verb in light_verbs and c.attribute in acts:
            return acts[c.attribute]
        return acts.get(c.verb, c.verb) if c.verb else None

    grouped = len(claims)
    claims = [*claims, *context]  # subjects read for all of them at once, as when all were grouped
    if people:
        claims, taken = unnamed_ages(person_subjects(claims, people), people)
    claims, read_as = organisation_subjects(claims, vocab.legal_forms if vocab is not None else frozenset())
    taken = {**taken, **read_as}
    person_names = {p.name for p in people}
    measures = measures_by_sentence(claims)
    periods = periods_by_sentence(claims, vocab.period_nouns if vocab is not None else frozenset())
    given = values_given(claims)
    # The vocabulary's event classes, those named by nouns only ("avalanche", "hailstorm") too
    classes = frozenset(acts.values()) | frozenset(vocab.event_nouns.values() if vocab is not None else ())
    claims = events_named(claims[:grouped], claims, classes)
    blocks: dict[Block, list[Claim]] = defaultdict(list)
    for c in claims:
        key = block_key(c, light_verbs)
        if key is not None and key.space == EVENT and vocab is not None and of_no_class(c, classes):
            key = key._replace(space=NOUN_EVENT)
        if key is not None:
            blocks[key].append(c)
    # An amount of a frame no source attributes is the one holder's that the others name, when they
    # name exactly one ("Orlen Foods reported a net loss of 80 million dollars"; "a net loss of 60
    # million"); so is an event's date, and a figure said of a pronoun ("he completed his first 17
    # passes"). Not counts of people: "12 died in Zorbia" is often a part of the story's toll.
    holders: dict[tuple, list[Block]] = defaultdict(list)
    for key in blocks:
        if key.space != "frame" and key.subject != STORY:
            holders[key._replace(subject=STORY)].append(key)
    joined: dict[Block, Block] = {}
    for story_key, named in holders.items():
        one = _one_holder(named)
        if one is None or story_key not in blocks or _mixes([c for k in named for c in blocks[k]] + blocks[story_key]):
            continue
        for key in named:
            if key != one:  # "Kessenar" and "the Kessenar Highlands": one place named shorter
                blocks[one].extend(blocks.pop(key))
        # "The company declared on Wednesday": an organisation's act, which no person named does
        organisations = vocab.organisation_words if vocab is not None and one.subject in person_names else ()
        stay = [c for c in blocks[story_key] if c.kind is ClaimKind.DATE and c.attribute in organisations]
        apart = {c.id for c in stay}
        blocks[one].extend(c for c in blocks.pop(story_key) if c.id not in apart)
        if stay:
            blocks[story_key] = stay
        joined[one] = story_key
    # An age of someone described, not named ("a 36-year-old climber"), in a story where the values
    # are the ages of two people named elsewhere ("Ana Ruiz, 36", "Ben Ford, 32"): two climbers.
    named_ages: dict[str, set[str]] = defaultdict(set)
    for key, members in blocks.items():
        if key.attribute == "age" and not is_unnamed(key.subject) and key.subject != STORY:
            for c in members:
                named_ages[c.normalised].add(key.subject)
    for key in [k for k in blocks if k.attribute == "age" and is_unnamed(k.subject)]:
        if len({n.split()[-1] for c in blocks[key] for n in named_ages.get(c.normalised, ())}) > 1:
            del blocks[key]
    groups = []
    for key in sorted(blocks):
        members = blocks[key]
        if len({c.source for c in members}) < 2:
            continue
        plain = key.kind == "quantity" and not key.space.startswith("frame") and key.attribute != "age" \
            and not key.attribute.startswith(PER)

        framed = key.space.startswith("frame")

        # A figure stated by no verb joins the others only where they are stated by one verb or agree
        # on one value ("takes 23 seats", "won 23 seats"): it would otherwise bridge two quantities
        # ("won 23 seats", "lost 2 seats"). A part or a whole of them is no value of theirs.
        verbed = [c for c in members if c.verb and not set(DISTINCT) & set(c.modifiers)]
        one_verb = len({act(c) for c in verbed}) <= 1 or len({c.normalised for c in verbed}) == 1

        sole = _sole_counts(members) if key.space == STORY_COUNT else _sole_values(members) \
            if key.space == STORY_MEASURE else {}

        def linked(a: Claim, b: Claim, plain: bool = plain, framed: bool = framed, one_verb: bool = one_verb,
                   key: Block = key, sole: dict[str, int] = sole) -> bool:
            if a.source == b.source or modifiers_clash(a, b):
                return False
            if key.space == STORY_YEAR:
                return _year_restated(a, b)
            if key.space == STORY_MEASURE:
                return _one_measure(a.value, b.value) and _one_against_many(a, b, sole)
            if key.space == STORY_COUNT:
                return restated(a, b) or (plausibly_one(a.value, b.value) and _one_against_many(a, b, sole)
                                          and min(a.value.value, b.value.value) >= SOLE_COUNT_FLOOR)
            if isinstance(a.value, DateValue) and isinstance(b.value, DateValue) and (
                    not plausibly_one_date(a.value, b.value)
                    or not (a.subject in person_names and a.subject == b.subject)
                    and not (key in joined and (a.pronoun or b.pronoun)) and names_apart(a, b)):
                # "spoke on Saturday" and "spoke in 1998": two occasions; two people's arrests, unless
                # both name the person whose event it is (other names near it are then of other clauses),
                # or one says it of a pronoun ("they beat Jacksonville on Thursday") and joined the one
                # holder the others name: the names near it are then of others (an opponent, a judge)
                return False
            if isinstance(a.value, Quantity) and (years_apart(a, b) or variants_apart(a, b, measures)
                                                  or spans_apart(a, b, periods)):
                return False  # two years' figures; two models' or two products' figures; two spans' records
            if not framed and _counts(a, b) and not plausibly_one(a.value, b.value):
                # A subject and a counted noun: a player's 1,000 career points and the 14 of one game
                # are two quantities. A frame's counts stay whole, for its verdict to weigh the spread;
                # shares and moves ("rose 2%", "rose 5%") are compared as they are.
                return False
            # A subject and a noun alone do not make one quantity: a player's points of two games, a
            # ship's passengers and its capacity. The figures must also be stated by one verb, or one
            # by none: a results line ("Civic Union 25 seats, Green Alliance 17") states what the other
            # says was won (aligned sentences join other pairs, groups/aligned.py).
            return not plain or bool(a.verb and b.verb and act(a) == act(b)) \
                or one_verb and (a.verb is None) != (b.verb is None)

        comps = connected(members, linked)
        for comp in comps:
            aside: tuple[Claim, ...] = ()
            if key.kind == "quantity":
                aside = tuple(c for c in comp if _states_the_others(c, comp, given))
                apart = {c.id for c in aside}
                comp = [c for c in comp if c.id not in apart]
            if len({c.source for c in comp}) < 2:
                continue
            mods = sorted({m for c in comp for m in c.modifiers})
            notes = "".join(f"; {taken[c.id]}" for c in comp if c.id in taken)
            if key.space.startswith("frame"):
                words = sorted({w for c in comp for w in (c.verb, c.attribute) if w})
                held = "the story's own event, named by no source" if key.subject == STORY else key.subject
                if key in joined:
                    held += ", the one holder the sources name for this frame (the others name none)"
                reason = (f"same frame ({key.attribute}: {', '.join(words)}), same holder ({held})"
                          f"{', same direction (' + key.change + ')' if key.change else ''}, different sources{notes}")
                groups.append(Group(key, tuple(sorted(comp, key=lambda c: (c.source, c.start))), reason,
                                    set_aside=aside))
                continue
            if key.space == STORY_YEAR:
                verbs = sorted({c.verb for c in comp if c.verb})
                reason = (f"the years of what {', '.join(repr(v) for v in verbs)} {'says' if len(verbs) == 1 else 'say'} "
                          f"was done, of no noun or name the sentences give: the same year or its digits with two "
                          f"swapped, different sources{notes}")
                groups.append(Group(key, tuple(sorted(comp, key=lambda c: (c.source, c.start))), reason))
                continue
            if key.space in (EVENT, NOUN_EVENT):
                held = "the story's own, named by no source" if key.subject == STORY else key.subject
                if key in joined:
                    held += ", the one the sources name (the others name none)"
                verbs = sorted({c.verb for c in comp if c.verb})
                said = (f"what '{key.attribute}' says happened" if verbs == [key.attribute] else
                        f"what {', '.join(repr(v) for v in verbs)} {'says' if len(verbs) == 1 else 'say'} "
                        f"happened, one event: {key.attribute}")
                if key.space == NOUN_EVENT:
                    clauses = [v for v in verbs if v != key.attribute]
                    said = (f"the {key.attribute}, which a source sets a date on as an event of its own"
                            + (f", and the clauses it is the subject of ({', '.join(repr(v) for v in clauses)})"
                               if clauses else ""))
                reason = f"the dates of one event ({said}, of {held}), different sources{notes}"
                groups.append(Group(key, tuple(sorted(comp, key=lambda c: (c.source, c.start))), reason))
                continue
            verbs = sorted({c.verb for c in comp if c.verb})
            said = ""
            if key.space == STORY_MEASURE:
                said = (f", held by no one named: each source's only figure of its dimension, one source's against "
                        f"the one figure that {SOLE_COUNT_SOURCES} or more sources give alone, whatever verb states "
                        f"it ({', '.join(verbs) or 'none'})")
            elif key.space == STORY_COUNT:
                alike = all(restated(x, y) for x in comp for y in comp)
                lone = "" if alike else (f", or one source's only count of it against the one count that "
                                         f"{SOLE_COUNT_SOURCES} or more sources give alone")
                said = (f", held by no one named: the same count or its digits with two swapped{lone}, whatever verb "
                        f"states it ({', '.join(verbs) or 'none'})")
            elif plain and verbs:
                one = "same verb" if len(verbs) == 1 else f"one act, {act(comp[0])},"
                said = f", {one} ({', '.join(verbs)})" if all(c.verb for c in comp) else (
                    f", stated by {', '.join(verbs)} or by no verb (a line that lists the figure, or a figure of "
                    f"the holder's own: \"its 350 employees\")")
            if key in joined and (of_pronoun := sorted({c.source for c in comp if c.pronoun})):
                notes += (f"; {', '.join(of_pronoun)} {'says' if len(of_pronoun) == 1 else 'say'} it of a pronoun, and "
                          f"{key.subject} is the one holder the others name")
            reason = (f"same subject ({key.subject}), same attribute ({key.attribute}"
                      f"{', ' + ' '.join(mods) if mods else ''}){said}"
                      f"{', same direction (' + key.change + ')' if key.change else ''}"
                      f", comparable units, different sources{notes}")
            groups.append(Group(key, tuple(sorted(comp, key=lambda c: (c.source, c.start))), reason,
                                set_aside=aside))
    return groups
