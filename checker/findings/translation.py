"""Garbled translation: a fixed phrase of the story rendered word by word in one source.

A phrase is fixed when, in the other sources, its modifier is almost always followed by
its head: "interest" is followed by "rates" wherever the other sources use it. Only the head
is allowed to vary: modifiers vary naturally ("recent strikes", "rail strikes"), while a
modifier that only ever goes with one head marks a lexicalised term. A source that writes
"interest taxes" where every other source writes "interest rates" has likely
machine-translated the term; it must do so at least twice, since a single "sea walls"
beside many "sea levels" is ordinary English.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from checker.claims.bigrams import Bigram
from checker.corpus import Corpus
from checker.findings.finding import Evidence, Finding
from checker.findings.rules import RULES

MIN_TERM_COUNT = 5  # uses of the fixed phrase in the other sources: a key term of the story
MIN_TERM_SOURCES = 3  # ... spread over this many sources (or all the others, when there are fewer)
MIN_STRENGTH = 0.8  # share of the fixed word's uses that go with the other word
MIN_VARIANT_USES = 2  # machine translation renders a term the same wrong way again; a one-off is ordinary English


def translation_findings(bigrams: list[Bigram], corpus: Corpus) -> list[Finding]:
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
        hits: dict[tuple[str, str, str, str], list[Bigram]] = defaultdict(list)
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
            rule = RULES["TRANS001"]
            findings.append(Finding(rule="TRANS001", kind=rule.kind, severity=rule.severity, subject=term,
                                    message=message, evidence=tuple(evidence), key=(f"{f}|{t}|{odd}", s),
                                    explanation={"phrase": shown, "likely": term, "strength": round(strength, 2),
                                                 "term_uses": n, "term_sources": backers}))
    return findings


# --- How translated each source reads -------------------------------------------------------------
# A per-source score from signals that can each be shown as passages: the garbled phrases and names
# the cross-source rules flag in it, and spacing left by machine translation around hyphens
# ("high -level", "a 90 -day"). Word rarity is not a signal: measured on real coverage, the share of
# rare words found in no other source does not separate a machine translation from original copy,
# since rare words are mostly names and quotes.
DETACHED_HYPHEN = re.compile(r"\b\w+ -(?=[A-Za-z]\w*)")
SIGNALS = {
    "garbled-phrase": "a phrase the other sources write with another word (TRANS001)",
    "garbled-name": "a name or title one edit or one context away from a person of the story (NAME003)",
    "detached-hyphen": "a compound split before its hyphen, as machine translation leaves it",
}
FINDING_SIGNALS = {"TRANS001": "garbled-phrase", "NAME003": "garbled-name"}


@dataclass(frozen=True)
class Passage:
    signal: str
    line: int
    column: int
    text: str


@dataclass(frozen=True)
class TranslationScore:
    """Signals of machine translation in one source, per 1,000 words, with the passages behind them."""

    source: str
    words: int
    passages: tuple[Passage, ...]

    @property
    def counts(self) -> dict[str, int]:
        return {name: sum(p.signal == name for p in self.passages) for name in SIGNALS}

    @property
    def score(self) -> float:
        return round(1000 * len(self.passages) / self.words, 1) if self.words else 0.0


def translation_scores(corpus: Corpus, findings: list[Finding]) -> list[TranslationScore]:
    """One score per source, in source order."""
    passages: dict[str, set[Passage]] = defaultdict(set)
    for f in findings:
        signal = FINDING_SIGNALS.get(f.rule)
        if signal is None:
            continue
        for e in f.evidence:
            if e.flagged:
                passages[e.source].add(Passage(signal, e.line, e.column, e.span))
    for s in corpus:
        for p in s.paragraphs:
            for m in DETACHED_HYPHEN.finditer(p.text):
                line, column = s.line_col(p.start + m.start())
                end = p.text.find(" ", m.end())
                passages[s.id].add(Passage("detached-hyphen", line, column, p.text[m.start() : end if end > 0 else None]))
    return [TranslationScore(s.id, s.word_count, tuple(sorted(passages[s.id], key=lambda p: (p.line, p.column, p.signal))))
            for s in corpus]
