"""Claim: one statement of one source, located and described by its facets; Bigram: two adjacent content words of
one source, for the translation check.

What the reading processes hand back, and the cache keeps: a module that imports no spaCy, so that the process
that reads them back (from a reading process, from the cache) need not import it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from checker.values.types import DateValue, Entity, PersonName, Quantity


class ClaimKind(StrEnum):
    """What a claim states. A string, so that tables and JSON show it as written."""

    QUANTITY = "quantity"
    DATE = "date"
    PERSON = "person"
    TITLE = "title"  # a title that names no one ("the Vice-Minister of X")
    PLACE = "place"
    ORGANISATION = "organisation"


@dataclass(frozen=True)
class Claim:
    """A figure, date or person mention in one source.

    Facets say what the claim is about: `subject` (the entity, aliases resolved),
    `attribute` (the noun the value measures), `modifiers` (words narrowing the attribute),
    `verb` (the predicate), `anchors` (dates in the same clause), `frame` (what a count of people
    measures: "63 people died" and "58 were killed" are both counts of the dead).
    """

    kind: ClaimKind
    source: str
    start: int
    end: int
    line: int
    column: int
    span: str
    sentence: str
    value: Quantity | DateValue | PersonName | Entity
    subject: str | None = None
    attribute: str | None = None
    modifiers: tuple[str, ...] = ()
    verb: str | None = None
    anchors: tuple[str, ...] = ()
    titles: tuple[tuple[str, int, int], ...] = ()  # (text, start, end) per title
    definite: bool = False  # "the two sides": a count the text refers back to, not a claim to check
    frame: str | None = None  # what a count of people measures ("dead"), when the vocabulary's frames say
    # What a date dates: the class of its verb or noun in the vocabulary's events ("murdered" and "the
    # slayings" both "kill"), else the verb itself.
    event: str | None = None
    # A date's event befalls or is done by someone a pronoun stands for ("they beat Jacksonville on
    # Thursday"), or a figure is said of one ("he completed his first 17 passes"): someone named before,
    # likelier the story's holder than the names near it.
    pronoun: bool = False
    context: tuple[str, ...] = field(default=(), repr=False)  # content lemmas of the sentence
    # What stands around a figure or date in its sentence (claims/extract.py `nearby`): the content
    # lemmas within a few words, those of them that are names, and the dates said there.
    near: tuple[str, ...] = field(default=(), repr=False)
    near_names: tuple[str, ...] = field(default=(), repr=False)
    near_dates: tuple[str, ...] = field(default=(), repr=False)

    @property
    def dated_event(self) -> str | None:
        """What a date dates: its event class, else its verb (claims built without a vocabulary)."""
        return self.event or self.verb

    @property
    def converted(self) -> bool:
        """An amount restated in another currency ("110 billion euros ($143 billion)"): at the day's rate
        of each outlet, so two such never disagree; the amount as stated is the claim."""
        return "converted" in self.modifiers

    @cached_property  # read at every lookup of a group, an edge and a pair
    def id(self) -> str:
        return f"{self.source}:{self.start}"

    @cached_property  # searched for names at every candidate pair of figures
    def sentence_lower(self) -> str:
        return self.sentence.lower()

    @cached_property  # compared at every pair of figures the grouping and the rules weigh
    def normalised(self) -> str:
        v = self.value
        return v.full if isinstance(v, PersonName) else v.normalised


# Modifiers of a date that dates no event of the story: the day something was said ("police said Saturday"), a
# day counted from the day the article was written ("today"), and a day by which a count had been reached ("by
# Wednesday morning 23 MPs had signed"), one checkpoint of a count that grows, not the day anything happened.
UNDATED = ("report", "deictic", "checkpoint")

# Modifiers that make a figure another quantity than the same noun's figure without them: a gap ("two
# points behind") is not the total, a forecast not the result, a part ("$281 million of the price",
# "$281 million in cash") not the whole, a deadline ("restored by Saturday") not the day it happened, a
# market's close ("closed down 3.9%") not its moves during the day ("plunged 5.4%").
DISTINCT = ("difference", "expected", "part", "whole", "deadline", "closing",
            # A run of a sequence ("missed the next four games", "will miss the final two games",
            # "completed his first 17 passes") is not the count of the whole ("missed four games").
            "first", "last", "next", "final", "remaining", "previous", "past",
            # An event told again ("the replacement paper will be sat on Saturday") is not its first time.
            "repeat",
            # The day something is planned for ("called a boycott for Thursday") is not the day it was planned.
            "planned",
            # A count as far as it had come by a time ("1,800 litres had leaked by 08:00") is not the total.
            "checkpoint")

UNNAMED = "the unnamed "  # the subject of an age of someone the sentence describes but does not name


def unnamed(noun: str) -> str:
    """The subject of an age of someone described by `noun` ("a 61-year-old woman": "the unnamed woman")."""
    return UNNAMED + noun


def is_unnamed(subject: str | None) -> bool:
    return bool(subject) and subject.startswith(UNNAMED)


# The subject of "the 24-year-old" opening a paragraph, while the paragraph is read alone: the person the paragraph
# before ends by naming, once the source's paragraphs are put together (claims/table.py refer_back).
REFERS_BACK = "the one named just before"


@dataclass(frozen=True)
class Bigram:
    """Two adjacent content words in one source (claims/bigrams.py reads them from a Doc)."""

    source: str
    first: str  # lemma, lower case
    second: str
    start: int  # offset in the source
    end: int
    text: str
    sentence: str
    window: tuple[str, ...]  # lemmas of the pair and its two neighbours
