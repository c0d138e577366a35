"""TRANS001 translation-garble: a fixed phrase of the story rendered word by word in one source.

A phrase is fixed when, in the other sources, its modifier is almost always followed by
its head: "interest" is followed by "rates" wherever the other sources use it. Only the head
is allowed to vary: modifiers vary naturally ("recent strikes", "rail strikes"), while a
modifier that only ever goes with one head marks a lexicalised term. A source that writes
"interest taxes" where every other source writes "interest rates" has likely
machine-translated the term; it must do so at least twice, since a single "sea walls"
beside many "sea levels" is ordinary English.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.findings.context import Context
from checker.findings.explanation import Explanation
from checker.findings.finding import Evidence, Finding
from checker.findings.registry import Rule

if TYPE_CHECKING:
    from checker.claims.bigrams import Bigram

MIN_TERM_COUNT = 5  # uses of the fixed phrase in the other sources: a key term of the story
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
    for b in bigrams:
        first_use.setdefault((b.source, b.first, b.second), b)
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
            if len(found) < MIN_VARIANT_USES:
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
            message = (f"'{shown}' in {s} ({len(found)} time{'s' if len(found) != 1 else ''}) likely stands for "
                       f"'{term}': in the other sources '{f}' goes with '{t}' {n} times out of {firsts[f]} "
                       f"({len(backers)} sources), and '{shown.lower()}' appears in none")
            findings.append(Finding.from_rule(RULE, term, message, evidence,
                                              TranslationExplanation(shown, term, round(strength, 2), n, tuple(backers)),
                                              key=(f"{f}|{t}|{odd}", s)))
    return findings


RULE = Rule(
    "TRANS001", "translation-garble", "translation", "warning",
    summary="A phrase differs by one word from a fixed phrase every other source uses.",
    why="Machine translation renders set phrases word by word (\"interest taxes\" for \"interest rates\"); the garbled "
        "phrase misleads readers and hides the passage from search.",
    example="\"interest taxes\" (twice) where the other sources write \"interest rates\".",
    explanation=TranslationExplanation, check=check)
