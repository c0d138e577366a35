"""Align sentences across sources: the pairs that report the same fact in other words or figures.

Two sentences align when they share enough of their content words once figures are masked,
weighted by how rare each word is in the corpus (a shared "derail" and "viaduct" say more than a
shared "say"), and each is the other's best match in the other's source. Candidates come from a
prefix-filtered inverted index (each sentence probes only with its rarest words), the standard way
to join sets by similarity without comparing every pair of sentences in the corpus.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from checker.claims.sentences import Sentence

MIN_SCORE = 0.5  # weighted Dice of the content words
MIN_SCORE_ANCHORED = 0.4  # ... of two sentences that state a distinctive figure both (claims/sentences.py anchor)
# One sentence that is most of a longer one ("the inspections engineers have carried out for 20 years"
# inside "the board will end the inspections engineers have carried out for 20 years on bridges, tunnels ..."):
# the share of the shorter one's weight the two have in common, for sentences sharing enough words.
MIN_CONTAINMENT = 0.8
MIN_SHARED_CONTAINED = 5
MIN_SHARED = 3  # content words two aligned sentences share at the least
# The prefix filter's Jaccard floor: below MIN_SCORE's unweighted equivalent (1/3), so that rare
# shared words, which weigh more, are not filtered out before they are scored.
JACCARD_FLOOR = 0.2
# A word in more sentences than this is not indexed: it is a word of every story in the corpus
# ("police", "year"), and sentences that share only such words are not one fact. The cap keeps the
# index linear in the corpus: no probe reads more than this many sentences a word.
MAX_POSTINGS = 60
# A name says which story or person a sentence is about, not what it reports of them: two
# sentences about one admiral are not one fact. Names weigh this much of a common word's weight.
NAME_WEIGHT = 0.5
MIN_SHARED_WORDS = 2  # of the shared content words, at least this many are not names


SHOWN_WORDS = 6  # shared words a reason lists before "..."


def listed(words: tuple[str, ...]) -> str:
    """The first few of the words two passages share, as a reason lists them."""
    return ", ".join(words[:SHOWN_WORDS]) + (", ..." if len(words) > SHOWN_WORDS else "")


@dataclass(frozen=True)
class AlignedPair:
    """Two sentences of different sources that report the same fact; `first` is the earlier source."""

    first: Sentence
    second: Sentence
    score: float  # weighted Dice of their content words, 0..1
    shared: tuple[str, ...]  # the content words both have, rarest first
    contained: float = 0.0  # the share of the shorter sentence's weight that the two have in common

    def describe(self) -> str:
        words = listed(self.shared)
        how = (f"weighted overlap {self.score:.2f}" if self.score >= MIN_SCORE
               else f"{self.contained:.0%} of the shorter one's weight")
        return f"aligned sentences sharing {len(self.shared)} content words ({words}; {how})"


@dataclass(frozen=True)
class Alignment:
    """The sentences of a corpus and the pairs of them that align."""

    sentences: tuple[Sentence, ...]
    pairs: tuple[AlignedPair, ...]
    _starts: dict[str, list[int]] = field(init=False, repr=False, compare=False)
    _by_start: dict[tuple[str, int], Sentence] = field(init=False, repr=False, compare=False)
    _pairs: dict[tuple[str, str], AlignedPair] = field(init=False, repr=False, compare=False)
    _pairs_of: dict[str, list[int]] = field(init=False, repr=False, compare=False)  # a sentence's pairs, by index

    def __post_init__(self) -> None:
        starts: dict[str, list[int]] = defaultdict(list)
        for s in sorted(self.sentences, key=lambda s: (s.source, s.start)):
            starts[s.source].append(s.start)
        object.__setattr__(self, "_starts", dict(starts))
        object.__setattr__(self, "_by_start", {(s.source, s.start): s for s in self.sentences})
        pairs, pairs_of = {}, defaultdict(list)
        for k, p in enumerate(self.pairs):
            pairs[(p.first.id, p.second.id)] = pairs[(p.second.id, p.first.id)] = p
            pairs_of[p.first.id].append(k)
            pairs_of[p.second.id].append(k)
        object.__setattr__(self, "_pairs", pairs)
        object.__setattr__(self, "_pairs_of", dict(pairs_of))

    def sentence_at(self, source: str, offset: int) -> Sentence | None:
        """The sentence of `source` that holds the offset, if any."""
        starts = self._starts.get(source, [])
        i = bisect_right(starts, offset) - 1
        if i < 0:
            return None
        s = self._by_start[(source, starts[i])]
        return s if s.start <= offset < s.end else None

    def pair(self, a: Sentence, b: Sentence) -> AlignedPair | None:
        return self._pairs.get((a.id, b.id))

    def pairs_among(self, sentence_ids: Iterable[str]) -> list[AlignedPair]:
        """The pairs that hold one of the sentences, in the order of `pairs`: what a few claims' sentences
        align with, without walking every pair of the corpus."""
        return [self.pairs[k] for k in sorted({k for sid in sentence_ids for k in self._pairs_of.get(sid, ())})]

    @cached_property
    def word_counts(self) -> Counter[str]:
        """In how many sentences each word stands (a word's document frequency over the corpus's sentences)."""
        return Counter(w for s in self.sentences for w in s.words)


def _candidates(sentences: Sequence[Sentence], rank: dict[str, int], df: Counter) -> set[tuple[int, int]]:
    """Index pairs (i < j, different sources) that share a word among their rarest ones."""
    index: dict[str, list[int]] = defaultdict(list)
    found: set[tuple[int, int]] = set()
    sources = [s.source for s in sentences]
    for j, s in enumerate(sentences):
        if len(s.words) < MIN_SHARED:
            continue
        words = sorted(s.words, key=rank.__getitem__)
        prefix = words[: len(words) - math.ceil(JACCARD_FLOOR * len(words)) + 1]
        source = sources[j]
        # A figure both state is a rare word of both: "#" keeps figures apart from words.
        for w in (*prefix, *(f"#{a}" for a in s.anchors)):
            if df[w] > MAX_POSTINGS:
                continue
            postings = index[w]
            if len(postings) > MAX_POSTINGS:
                continue  # a figure in more sentences than a word may be, as the cap above
            found.update((i, j) for i in postings if sources[i] != source)
            postings.append(j)
    return found


def align_sentences(sentences: Sequence[Sentence], min_score: float = MIN_SCORE) -> Alignment:
    """The pairs of sentences, from different sources, that report the same fact."""
    sentences = sorted(sentences, key=lambda s: (s.source, s.start))
    n = len(sentences)
    df = Counter(w for s in sentences for w in s.words)
    weight = {w: 1.0 + math.log((1 + n) / (1 + d)) for w, d in df.items()}
    rank = {w: r for r, w in enumerate(sorted(df, key=lambda w: (df[w], w)))}
    sets = [set(s.words) for s in sentences]
    names = [set(s.names) for s in sentences]
    anchors = [set(s.anchors) for s in sentences]
    # A figure both state weighs as a word only those two sentences have: it adds to what they share,
    # and a figure only one states takes nothing away ("98 days" and "a 90-day stint" still align).
    anchor_weight = 1.0 + math.log((1 + n) / 3)
    # Each sentence's words with their weights, once: a name weighs NAME_WEIGHT of a word.
    weights = [{word: weight[word] * (NAME_WEIGHT if word in names[i] else 1.0) for word in s.words}
               for i, s in enumerate(sentences)]
    mass = [sum(ws.values()) for ws in weights]

    def score_of(i: int, j: int) -> tuple[float, tuple[str, ...], float] | None:
        shared = sets[i] & sets[j]
        figures = len(anchors[i] & anchors[j]) * anchor_weight
        if len(shared) + bool(figures) < MIN_SHARED or len(shared - names[i] - names[j]) < MIN_SHARED_WORDS:
            return None
        wi, wj = weights[i], weights[j]
        si = sum(wi[word] for word in shared) + figures
        sj = sum(wj[word] for word in shared) + figures
        score = (si + sj) / (mass[i] + mass[j] + 2 * figures)
        contained = max(si / (mass[i] + figures), sj / (mass[j] + figures))
        if score >= (min(min_score, MIN_SCORE_ANCHORED) if figures else min_score) \
                or (len(shared) >= MIN_SHARED_CONTAINED and contained >= MIN_CONTAINMENT):
            return score, tuple(sorted(shared, key=rank.__getitem__)), round(contained, 4)
        return None

    # A score depends on the two sentences' words and names only, and wire copy repeats sentences
    # word for word across sources: each pair of distinct sentences is scored once.
    kinds: dict[tuple[tuple[str, ...], tuple[str, ...]], int] = {}
    kind = [kinds.setdefault((s.words, s.names), len(kinds)) for s in sentences]
    memo: dict[tuple[int, int], tuple[float, tuple[str, ...], float] | None] = {}
    scored: list[tuple[float, int, int, tuple[str, ...], float]] = []
    # In no particular order: the best match below is the greatest (score, -index), and the pairs are
    # sorted at the end.
    for i, j in _candidates(sentences, rank, df):
        key = (kind[i], kind[j])
        try:
            found = memo[key]
        except KeyError:
            found = memo[key] = score_of(i, j)
        if found is not None:
            scored.append((found[0], i, j, found[1], found[2]))
    # Each sentence keeps its best match in each other source, and a pair stands only when it is
    # the best of both sides: a sentence reports one fact once per source.
    sources = [s.source for s in sentences]
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for score, i, j, _, _ in scored:
        for a, b in ((i, j), (j, i)):
            key = (a, sources[b])
            if key not in best or (score, -b) > (best[key][0], -best[key][1]):
                best[key] = (score, b)
    pairs = [AlignedPair(sentences[i], sentences[j], round(score, 4), shared, contained)
             for score, i, j, shared, contained in scored
             if best[(i, sources[j])][1] == j and best[(j, sources[i])][1] == i]
    pairs.sort(key=lambda p: (p.first.source, p.first.start, p.second.source, p.second.start))
    return Alignment(tuple(sentences), tuple(pairs))
