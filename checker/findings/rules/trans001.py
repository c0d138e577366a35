"""TRANS001 translation-garble: a fixed phrase of the story rendered word by word in one source.

A phrase is fixed when, in the other sources, its modifier is almost always followed by
its head: "interest" is followed by "rates" wherever the other sources use it. Only the head
is allowed to vary: modifiers vary naturally ("recent strikes", "rail strikes"), while a
modifier that only ever goes with one head marks a lexicalised term. A source that writes
"interest taxes" where every other source writes "interest rates" has likely
machine-translated the term; it must do so at least twice, since a single "sea walls"
beside many "sea levels" is ordinary English.

Ordinary English decides the rest, by the word-pair counts of `checker.values.english`: the
phrase the others agree on must be a listed English pair ("interest rates"), and the odd one must
not be ("interest payments" beside "interest rates" is English), nor be one listed word split in
two ("class room"). A story's own coinage, unknown to English, is no evidence: two sources may
name a new thing two ways. And in the odd source, too, the modifier must go with no other head:
one that writes "harbour fees" and "harbour walls" beside "harbour master" uses the word freely.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.findings.context import Context
from checker.findings.explanation import Explanation
from checker.findings.finding import Evidence, Finding
from checker.findings.registry import Rule
from checker.values import english

if TYPE_CHECKING:
    from checker.claims.claim import Bigram

MIN_TERM_COUNT = 3  # uses of the fixed phrase in the other sources, as many as the sources needed below
MIN_TERM_SOURCES = 3  # ... spread over this many sources (or all the others, when there are fewer)
MIN_STRENGTH = 0.8  # share of the fixed word's uses that go with the other word
MIN_VARIANT_USES = 2  # machine translation renders a term the same wrong way again; a one-off is ordinary English


@dataclass(frozen=True)
class TranslationExplanation(Explanation):
    phrase: str
    likely: str
    strength: float  # share of the fixed word's uses in the other sources that go with the likely word
    term_uses: int
    term_sources: tuple[str, ...]
    phrase_uses: int = 0  # in the flagged source
    likely_english_form: str = ""  # the likely phrase's commonest form in English word pairs (as written or as lemmas)
    likely_english_count: int = 0  # ... and its count there
    phrase_english_count_below: int = 0  # the odd phrase is not listed there: it occurs fewer times than this


def check(context: Context) -> list[Finding]:
    bigrams: list[Bigram] = list(context.bigrams)
    corpus = context.corpus
    sources = sorted({b.source for b in bigrams})
    findings = []
    # Corpus-wide counts, indexed by the first word; each source's own uses are taken out below,
    # so the cost grows with the corpus, not with its square.
    by_source: dict[str, list[Bigram]] = defaultdict(list)
    for b in bigrams:
        by_source[b.source].append(b)
    total = Counter((b.first, b.second) for b in bigrams)
    total_first = Counter(b.first for b in bigrams)
    pair_sources: dict[tuple[str, str], Counter] = defaultdict(Counter)
    seconds_of: dict[str, set[str]] = defaultdict(set)
    first_use: dict[tuple[str, str, str], Bigram] = {}
    forms: dict[tuple[str, str], set[str]] = defaultdict(set)  # each pair as the sources write it, lower case
    for b in bigrams:
        first_use.setdefault((b.source, b.first, b.second), b)
        forms[(b.first, b.second)].add(" ".join(b.text.lower().split()))
        pair_sources[(b.first, b.second)][b.source] += 1
        seconds_of[b.first].add(b.second)
    need_sources = max(2, min(MIN_TERM_SOURCES, len(sources) - 1))
    for s in sources:
        mine = by_source[s]
        own = Counter((b.first, b.second) for b in mine)
        own_first = Counter(b.first for b in mine)
        pairs = {k: total[k] - own[k] for k in total if total[k] - own[k] > 0}
        firsts = {f: total_first[f] - own_first[f] for f in own_first}
        hits: dict[tuple[str, str, str], list[Bigram]] = defaultdict(list)
        for b in mine:
            if pairs.get((b.first, b.second)):
                continue
            # Keep the first word, the second differs ("interest taxes" for "interest rates") ...
            for t in sorted(seconds_of[b.first]):
                n = pairs.get((b.first, t), 0)
                backers = [x for x in pair_sources[(b.first, t)] if x != s]
                if t == b.second or n < MIN_TERM_COUNT or len(backers) < need_sources:
                    continue
                if n / firsts[b.first] >= MIN_STRENGTH and t not in b.window:
                    hits[(b.first, t, b.second)].append(b)
        for (f, t, odd), found in sorted(hits.items()):
            if len(found) < MIN_VARIANT_USES or ordinary_english(f, odd, forms[(f, odd)]):
                continue
            # A source that pairs the word with other heads too ("harbour fees", "harbour walls" beside
            # "harbour master") uses it freely: its variant is a choice of words, not a term rendered word by word.
            if own_first[f] > own[(f, odd)] + own[(f, t)]:
                continue
            likely_form, likely_count = english_form(f, t, forms[(f, t)])
            if not likely_count:
                continue
            term = f"{f} {t}"
            n = pairs[(f, t)]
            strength = n / firsts[f]
            backers = sorted(x for x in pair_sources[(f, t)] if x != s)
            evidence = []
            for b in found:
                line, col = corpus.locate(b.source, b.start)
                evidence.append(Evidence(b.source, corpus.path(b.source), line, col, b.text, b.sentence, True, term))
            for src in backers:
                ref = first_use[(src, f, t)]
                line, col = corpus.locate(src, ref.start)
                evidence.append(Evidence(src, corpus.path(src), line, col, ref.text, ref.sentence, False, term))
            shown = found[0].text
            floor = english.listed_floor()
            message = (f"'{shown}' in {s} ({len(found)} time{'s' if len(found) != 1 else ''}) likely stands for "
                       f"'{term}': in the other sources '{f}' goes with '{t}' {n} times out of {firsts[f]} "
                       f"({len(backers)} sources), and '{shown.lower()}' appears in none; in {english.SOURCE} "
                       f"'{likely_form}' occurs {likely_count:,} times, '{shown.lower()}' fewer than {floor:,}")
            explanation = TranslationExplanation(shown, term, round(strength, 2), n, tuple(backers), len(found),
                                                 likely_form, likely_count, floor)
            findings.append(Finding.from_rule(RULE, term, message, evidence, explanation, key=(f"{f}|{t}|{odd}", s)))
    return findings


def ordinary_english(first: str, second: str, written: set[str]) -> bool:
    """Whether a pair is common English as written, as lemmas, or as one listed word ("classroom")."""
    return any(english.pair_count(p) for p in sorted(written | {f"{first} {second}"})) \
        or english.word_count(first + second) > 0


def english_form(first: str, second: str, written: set[str]) -> tuple[str, int]:
    """The commonest English form of a pair, as written or as lemmas, with its count (0: none listed)."""
    counts = sorted(((english.pair_count(p), p) for p in written | {f"{first} {second}"}), key=lambda c: (-c[0], c[1]))
    count, form = counts[0]
    return form, count


RULE = Rule(
    "TRANS001", "translation-garble", "translation", "warning",
    summary="A phrase differs by one word from a fixed phrase every other source uses, and is not common English "
            "where that phrase is.",
    why="Machine translation renders set phrases word by word (\"interest taxes\" for \"interest rates\"); the garbled "
        "phrase misleads readers and hides the passage from search.",
    example="\"interest taxes\" (twice) where the other sources write \"interest rates\".",
    explanation=TranslationExplanation, check=check)
