"""How translated each source reads: a per-source score, not a rule.

The score counts signals that can each be shown as passages: the garbled phrases (repeated or
once, as calques) and names the cross-source rules flag in it, and spacing left by machine translation around hyphens
("high -level", "a 90 -day"). Word rarity is not a signal: measured on real coverage, the share of
rare words found in no other source does not separate a machine translation from original copy,
since rare words are mostly names and quotes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from checker.corpus import Corpus
from checker.findings.finding import Finding

DETACHED_HYPHEN = re.compile(r"\b\w+ -(?=[A-Za-z]\w*)")
SIGNALS = {
    "garbled-phrase": "a phrase the other sources write with another word (TRANS001)",
    "calque": "a phrase where the other sources agree on other wording, rare in English or word for word (TRANS002)",
    "garbled-name": "a name or title one edit or one context away from a person of the story (NAME003)",
    "detached-hyphen": "a compound split before its hyphen, as machine translation leaves it",
}
FINDING_SIGNALS = {"TRANS001": "garbled-phrase", "TRANS002": "calque", "NAME003": "garbled-name"}


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
                line, column = s.line_col(p.source_offset(m.start()))
                end = p.text.find(" ", m.end())
                passages[s.id].add(Passage("detached-hyphen", line, column, p.text[m.start() : end if end > 0 else None]))
    return [TranslationScore(s.id, s.word_count, tuple(sorted(passages[s.id], key=lambda p: (p.line, p.column, p.signal))))
            for s in corpus]
