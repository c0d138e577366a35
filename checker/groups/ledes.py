"""The day each source's lede gives: the date of the story's own event, whatever verb each outlet tells it with.

A news story opens on its event and its day (the lede: who, what, when), and outlets covering one event each
tell it in their own words: "A storm tore through the fairground on Saturday night", "Visitors fled on Friday night
as the storm ripped the roof off", "Stewards cleared the grounds on Saturday". Their verbs name no common event
("tear", "flee", "clear"), so the verb-keyed dates (groups/figures.py) keep them apart, and their sentences,
reworded, do not align (align/). Their ledes still tell one event.

A lede date is a day (not a year alone, nor a month), the first in the source's first LEDE_SENTENCES sentences of
prose (a headline has no full stop); one a verb dates, that no word marks as another occasion (a statement's day, a
repeat, a deadline, a day counted from the article's own). Two ledes pair where their sentences share LEDE_SHARED
content words that are no names, and no event class sets their dates apart ("arrested on Monday", "died on Sunday").
A lede packs the names of its place and its agency, which outlets choose apart: they do not set two ledes apart.

A story followed over days opens each article on its latest turn ("Workers were waiting anxiously on Wednesday"), so
the pairs stand only where the ledes read as one outlet's slip (_one_slip): all but one give one day, in MIN_LEDES
sources or more, and the odd one gives a day before its own article's date (the article's own day is that day's
news, a later one a plan, and an undated article's may be either), names no event no other lede names, and shares
ODD_SHARED words with one of theirs. On
the invented stories of tests/stories, the pairs without those conditions found 25 more planted disagreements, lost
5 and raised 25 false errors; with them, 8 more, none lost and no false error.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from checker.align import Alignment, listed
from checker.claims.claim import Claim, ClaimKind
from checker.claims.sentences import Sentence
from checker.values.types import DateValue

LEDE_SENTENCES = 2  # a lede's day may come in its second sentence ("It was supposed to be the party of the summer.")
LEDE_SHARED = 2  # content words that are no names, two ledes share to tell one event
MIN_LEDES = 3  # sources whose ledes give one day, for another source's lede day to be its slip
ODD_SHARED = 3  # ... and the words that odd lede shares with one of theirs at the least: it is the one flagged
_PROSE_END = ".!?"
_CLOSING = "\"'\u201d\u2019)"


@dataclass(frozen=True)
class LedePair:
    """The days two sources' ledes give; `first` is the earlier source."""

    first: Claim
    second: Claim
    shared: tuple[str, ...]  # the content words the two lede sentences share, names aside

    def describe(self) -> str:
        return f"the first day each source's lede gives, the story's own event told in sentences sharing " \
               f"{len(self.shared)} content words ({listed(self.shared)})"


def _prose(s: Sentence) -> bool:
    return s.text.rstrip().rstrip(_CLOSING)[-1:] in tuple(_PROSE_END)


def lede_date(claims: Sequence[Claim], sentences: Sequence[Sentence]) -> tuple[Claim, Sentence] | None:
    """A source's lede date and its sentence: the first day its first prose sentences date by a verb. `claims`
    and `sentences`: the source's, in any order."""
    ledes = [s for s in sorted(sentences, key=lambda s: s.start) if _prose(s)][:LEDE_SENTENCES]
    for s in ledes:
        dated = sorted((c for c in claims if c.kind is ClaimKind.DATE and s.start <= c.start < s.end
                        and isinstance(c.value, DateValue)), key=lambda c: c.start)
        if dated:
            c = dated[0]
            day = c.value.day_lo == c.value.day_hi or c.value.weekday is not None
            return (c, s) if day and c.verb and not c.modifiers and not c.definite else None
    return None


def _day(d: DateValue) -> tuple[int, ...]:
    """The day a date names, its year aside ("12 July" and "Saturday, 12 July 2025" are one): a weekday alone is
    the article's own week's."""
    return (d.month, d.day_lo, d.day_hi) if d.month else (-1, d.weekday if d.weekday is not None else -1)


def lede_pairs(claims: Sequence[Claim], alignment: Alignment,
               article_days: Mapping[str, dt.date] | None = None) -> list[LedePair]:
    """The pairs of lede dates of different sources that tell one event (the module's docstring). `article_days`:
    the day each source's article is dated, where its metadata gives one."""
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind is ClaimKind.DATE:
            by_source[c.source].append(c)
    sentences: dict[str, list[Sentence]] = defaultdict(list)
    for s in alignment.sentences:
        if s.source in by_source:
            sentences[s.source].append(s)
    ledes = {src: found for src in sorted(by_source) if (found := lede_date(by_source[src], sentences[src]))}
    out = []
    order = sorted(ledes)
    rank = alignment.word_counts
    for i, x in enumerate(order):
        a, sa = ledes[x]
        for y in order[i + 1:]:
            b, sb = ledes[y]
            if a.event and b.event and a.event != b.event:
                continue
            shared = (set(sa.words) - set(sa.names)) & (set(sb.words) - set(sb.names))
            if len(shared) >= LEDE_SHARED:
                out.append(LedePair(a, b, tuple(sorted(shared, key=lambda w: (rank[w], w)))))
    return _one_slip(out, article_days or {}, {src: frozenset(s.words) for src, (_, s) in ledes.items()})


def _one_slip(pairs: list[LedePair], article_days: Mapping[str, dt.date],
              words: Mapping[str, frozenset[str]]) -> list[LedePair]:
    """The pairs, where the ledes they join give one day in MIN_LEDES sources or more and another in one source only:
    one outlet's slip. Ledes that scatter, or split two against one, date more than one event (a story followed
    over days opens on its latest turn), and pair nothing. The odd lede's day must be before the day its own article
    is dated: the article's own day is that day's news ("Workers were waiting anxiously on Wednesday" in Wednesday's
    paper), a later one a plan ("with a playoff game looming Saturday"), and an undated article's may be either. Nor
    does a lede pair whose verb names an event (an arrest) that no other lede names: another event than theirs
    (`words`: the content words of each source's lede sentence); and
    the odd lede, the one a finding flags, shares ODD_SHARED words with one of the others at the least."""
    days: dict[str, tuple[int, ...]] = {}
    for p in pairs:
        for c in (p.first, p.second):
            days[c.source] = _day(c.value)
    told = Counter(days.values())
    if len(told) != 2 or sorted(told.values())[0] != 1 or max(told.values()) < MIN_LEDES:
        return []
    odd = next(p.first if told[days[p.first.source]] == 1 else p.second for p in pairs
               if 1 in (told[days[p.first.source]], told[days[p.second.source]]))
    day, written = _on(odd.value), article_days.get(odd.source)
    if day is None or written is None or day >= written:
        return []  # the odd lede's own day is the day's news, a later one a plan; undated, it may be either
    others = {c for p in pairs for c in (p.first, p.second) if c is not odd}
    if odd.event and odd.event not in {c.event for c in others} \
            and not any(odd.verb in words[c.source] for c in others):
        # "was arrested on Tuesday" against ledes that date the raid: an event of its own. One the others name in
        # their ledes, by any word ("after Monday's leak" beside "residents fled after ammonia leaked"), is theirs.
        return []
    if max(len(p.shared) for p in pairs if odd in (p.first, p.second)) < ODD_SHARED:
        return []  # "With a playoff game looming Saturday ... step up to replace the running backs": too little told alike
    return pairs


def _on(d: DateValue) -> dt.date | None:
    """The calendar day a date names, where it names one."""
    try:
        return dt.date(d.year, d.month, d.day_lo) if d.year and d.month and d.day_lo == d.day_hi else None
    except ValueError:
        return None
