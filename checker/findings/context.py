"""What grouping produced, handed to every rule: the rules judge, they do not group."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from checker.corpus import Corpus
from checker.values.vocabulary import Vocabulary, default_vocabulary

if TYPE_CHECKING:
    from checker.align import Alignment
    from checker.claims.claim import Bigram, Claim
    from checker.groups.conversions import Conversion
    from checker.groups.figures import Group
    from checker.groups.people import Person
    from checker.groups.scales import ScaleSet


@dataclass(frozen=True)
class Context:
    """The corpus and its groups: figure groups, people (with garbled mentions attached), bigrams, the
    sentence alignment."""

    corpus: Corpus
    groups: Sequence[Group] = ()
    people: Sequence[Person] = ()
    bigrams: Sequence[Bigram] = ()
    vocabulary: Vocabulary = field(default_factory=default_vocabulary)
    alignment: Alignment | None = None  # sentences of different sources that report the same fact
    conversions: Sequence[Conversion] = ()  # figures and their bracketed conversions, per source
    scale_sets: Sequence[ScaleSet] = ()  # figures of several sources with the same digits, other scale words
    claims: Sequence[Claim] = ()  # every claim, for the checks one claim is enough for (a date's weekday)
