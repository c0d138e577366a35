"""Which sources tell the same story: one subfolder per story, or a flat folder clustered by its words.

Claims are compared only within a story: a folder that mixes two shootings must not set one victim's
age against the other's. A corpus laid out as one subfolder per story says so itself. Files at the top
of the folder (all of them, in a flat folder) are clustered: each is a vector of the words it uses,
each word weighted by how rare it is in English (symspellpy's word counts, values/english.py), so that a
name no dictionary lists weighs most and "said" next to nothing; sources join a story while the mean
cosine likeness between the two sides stays above 1 - threshold (scikit-learn's agglomerative
clustering, average linkage; not asked where every pair is that alike, one story's sources, as it would
join them all).

A name the source writes (a word it capitalises: "Marwick", "Kessal", "eBay") counts NAME_WEIGHT
times as much as a common word: two events of one kind (two earthquakes, two celebrities entering rehab,
two fights of one boxer) share their common words ("magnitude", "rehab", "heavyweight") but not the
people and places in them, while the sources of one event share both. Rarity alone does not tell them
apart: "rehab" or "aftershocks" is as rare in English as many a surname is. A word is a name in a source
when the source writes it with a capital letter everywhere, or more often with one than without away
from the start of a sentence ("Police said" at a sentence's start is not a name when "police" appears too); month and
weekday names are capitalised but say nothing of which event it is, and are not names. On the 90 real
events of ECB+ and MEANTIME mixed in one folder (1102 articles) this took the adjusted Rand index from
0.605 to 0.745 (45 stories found to 58; gold events split 4 to 1; no event split when clustered alone).
Dates were tried and left out: the publication dates (a cannot-link between sources more than a year
apart, or the year and month as shared words) split real stories that run over months or years (a
company's news, a trial's follow-ups) before they told two events apart, and a year the text mentions
is as often the background's as the event's.

The weights are fixed, not learnt from the corpus (as tf-idf's would be), and whether a word is a name is
read from its source alone: a story's sources are judged alike by much the same measure whatever else
lies in the folder, so a story checked alone and the same story in a mixed folder are grouped the same
way. Only words that two sources or more use count: a word one source alone uses (a misspelt or garbled
name, unlisted and so weighing most) would only pull that source away from the rest of its story.
Measured on the 90 real multi-source events of ECB+ and MEANTIME (bench/coverage.py's data), clustered
all together and each alone, in bench/stories.py.

Words cannot tell apart two events of one kind around the same people (one boxer's two fights); their
claims can. `seams` gives the lines a story's sources may part along (its seam, past odd sources; then the
seam within either group), and checker.run.compare parts a clustered story along the first that is deep
(`Seam.deep`) and that a disagreement follows. On the 90 events mixed, 15 stories were parted (their groups
0.27 to 0.69 as alike across as within), and none of the 90 alone at SEAM = 0.75 (the nearest at 0.79).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from checker.corpus.source import Corpus, Source, Story
from checker.values import english

MODES = ("auto", "folders", "cluster", "one")
THRESHOLD = 0.9  # mean cosine distance under which two groups of sources are one story
SEAM = 0.75  # a story's two groups are apart when their likeness across is under this share of it within
SEAM_SIDE = 3  # the fewest sources on each side of a seam: one or two odd sources are an outlet's own words
COPY = 0.98  # as alike as this, two sources are one text run twice (a wire story), one voice at a seam
TERMS = 3  # the words a story is shown by
NAME_WEIGHT = 2.0  # how many times a common word a name counts, in likening two sources
_WORD = re.compile(r"\b[^\W\d_][\w'\u2019-]+\b")
# What may stand before a sentence's first word: the text's start, a line's, or a sentence's end, then
# spaces, quotes, brackets or dashes. A capital there says nothing of a name.
_SENTENCE_START = re.compile("(?:\\A|[.!?:;\\n])[\\s\"'\u201c\u2018([\u2014\u2013-]*\\Z")
# Words too common to say what a story is about; English counts weigh the rest.
_STOP = frozenset("""a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no
nor not now of off on once only or other our ours ourselves out over own said same says she should so some such
than that the their theirs them themselves then there these they this those through to too under until up very
was we were what when where which while who whom why will with would you your yours yourself yourselves""".split())


def find_stories(corpus: Corpus, mode: str = "auto", threshold: float = THRESHOLD) -> tuple[Story, ...]:
    """The stories of a corpus, ordered by their first source. "folders": one a subfolder (files at the top
    make one more); "cluster": the sources clustered by their words, wherever they lie; "one": all one story;
    "auto": a subfolder is a story, files at the top are clustered."""
    if mode not in MODES:
        raise ValueError(f"stories: unknown mode '{mode}' (one of {', '.join(MODES)})")
    sources = list(corpus.sources)
    if not sources:
        return ()
    counts = {s.id: words(s) for s in sources}  # read once: for the clustering and for each story's terms
    if mode == "one":
        return (_story(sources, "one", None, counts),)
    stories: list[Story] = []
    loose: list[Source] = []
    by_folder: dict[str, list[Source]] = {}
    for s in sources:
        if mode != "cluster" and s.folder:
            by_folder.setdefault(s.folder, []).append(s)
        else:
            loose.append(s)
    for folder, members in by_folder.items():
        stories.append(_story(members, "folder", None, counts, folder))
    if loose and mode == "folders":
        stories.append(_story(loose, "folder", None, counts, "."))
    elif loose:
        stories += [_story(members, "cluster", likeness, counts)
                    for members, likeness in cluster(loose, threshold, counts)]
    order = {s.id: i for i, s in enumerate(sources)}
    stories.sort(key=lambda st: order[st.sources[0]])
    return _unique_ids(stories)


class Words(Counter[str]):
    """How often a source uses each word, and which of the words it writes as names (`names`)."""

    names: frozenset[str] = frozenset()

    def __reduce__(self):  # Counter's would drop the names
        return _words, (dict(self), self.names)


def _words(counts: dict[str, int], names: frozenset[str]) -> Words:
    out = Words(counts)
    out.names = names
    return out


def words(source: Source) -> Words:
    """How often the source uses each word that may say what it is about (lower case, no stop words), and
    which of them are names: words the source capitalises everywhere, or more often than not away from
    the start of a sentence; not a month's or a weekday's."""
    counts, lower, inside = Words(), Counter(), Counter()
    for text in (source.meta.get("title", ""), *(p.text for p in source.paragraphs)):
        for m in _WORD.finditer(text):
            # "China's" is China: the possessive says nothing of what the story is about.
            w = m.group().lower().replace("\u2019", "'").removesuffix("'s")
            if w in _STOP:
                continue
            counts[w] += 1
            if m.group().islower():
                lower[w] += 1
            elif not _SENTENCE_START.search(text, max(0, m.start() - 8), m.start()):
                inside[w] += 1
    calendar = _calendar()
    counts.names = frozenset(w for w in counts if (not lower[w] or inside[w] > lower[w]) and w not in calendar)
    return counts


@cache
def _calendar() -> frozenset[str]:
    from checker.values.vocabulary import default_vocabulary

    vocab = default_vocabulary()
    return frozenset(vocab.months) | frozenset(vocab.weekdays)


def weight(word: str) -> float:
    """How much sharing the word says: the log of how rare it is in English, most for a word never listed."""
    count = english.word_count(word) or english.words_floor() / 2
    return math.log(english.words_total() / count)


def vectors(sources: list[Source], counts: dict[str, Words] | None = None):
    """One row per source: each word's count (sublinear) times its weight (NAME_WEIGHT times more for a name
    the source writes), scaled to length 1. `counts` holds the sources' words (`words`) where they were read
    before."""
    from scipy.sparse import csr_matrix

    counts = [counts[s.id] if counts else words(s) for s in sources]
    # A word one source alone uses cannot make two sources alike; kept, it would only dilute that source's
    # likeness to the rest, and most where a name is misspelt or garbled, a word English does not list.
    used = Counter(w for c in counts for w in c)
    columns = {w: i for i, w in enumerate(sorted(w for w, n in used.items() if n > 1))}
    if not columns:
        return csr_matrix((len(sources), 0))
    rows, cols, values = [], [], []
    for i, c in enumerate(counts):
        for w, n in c.items():
            if w not in columns:
                continue
            rows.append(i)
            cols.append(columns[w])
            values.append((1 + math.log(n)) * weight(w) * (NAME_WEIGHT if w in c.names else 1.0))
    return _unit_rows(csr_matrix((values, (rows, cols)), shape=(len(sources), len(columns))))


def _unit_rows(x):
    """The rows of a CSR matrix scaled to length 1 (a row of zeros stays so), in place: scikit-learn's l2
    `normalize`, whose import (0.7 s) would be most of a small corpus's clustering, in the same order of sums."""
    data, ends = x.data, x.indptr
    for i in range(x.shape[0]):
        total = 0.0
        for v in data[ends[i]:ends[i + 1]].tolist():
            total += v * v
        if total:
            data[ends[i]:ends[i + 1]] /= math.sqrt(total)
    return x


def cluster(sources: list[Source], threshold: float = THRESHOLD,
            counts: dict[str, Words] | None = None) -> list[tuple[list[Source], float | None]]:
    """Sources grouped into stories, each with the mean likeness of its sources' words (None for one source).

    Sources that share nothing above 1 - threshold with any other are never in one story (average linkage
    joins two groups only if some pair across them is that alike), so the pairs worth clustering are found
    first, a block of rows at a time, and each connected block is clustered alone: memory grows with the
    pairs that are alike, not with the square of the corpus.
    """
    if len(sources) == 1:
        return [(sources, None)]
    from scipy.sparse import vstack
    from scipy.sparse.csgraph import connected_components

    x = vectors(sources, counts)
    if not x.shape[1]:  # no source uses a word that may say what it is about: nothing to liken them by
        return [([s], None) for s in sources]
    floor = 1 - threshold
    alike = []
    for start in range(0, x.shape[0], 256):
        block = x[start:start + 256] @ x.T
        block.data[block.data <= floor] = 0
        block.eliminate_zeros()
        alike.append(block)
    similar = vstack(alike).tocsr()
    n_blocks, block_of = connected_components(similar, directed=False)
    out: list[tuple[list[Source], float | None]] = []
    for b in range(n_blocks):
        members = [i for i in range(len(sources)) if block_of[i] == b]
        if len(members) == 1:
            out.append(([sources[members[0]]], None))
            continue
        sim = (x[members] @ x[members].T).toarray()  # every pair of the block, below the floor too
        if (1 - sim < threshold).all():  # every pair alike: average linkage joins them all (one story's sources)
            labels = [0] * len(members)
        else:
            from sklearn.cluster import AgglomerativeClustering

            labels = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                             distance_threshold=threshold).fit(1 - sim).labels_
        grouped: dict[int, list[int]] = {}  # positions in the block, by label in order of first member
        for k, label in enumerate(labels):
            grouped.setdefault(int(label), []).append(k)
        for rows in grouped.values():
            out.append(([sources[members[k]] for k in rows], _mean_likeness(sim, rows)))
    return out


@dataclass(frozen=True)
class Seam:
    """Where a story's sources part most: the two groups average linkage joins last, and how alike their words
    are within each group and across them (mean cosine likeness, 0 to 1). `voices`: how many sources each group
    holds, copies of one text counted once (COPY). `aside`: how many voices read apart from all the others were
    set aside to find it, each then put with the group it reads likest. `beside`: for a seam found within one
    group of the story's own seam (`seams`), how many sources the other group holds, put whole with the half
    it reads likest. `copies`: each copy's source id with the id of the source whose text it copies."""

    sides: tuple[tuple[str, ...], tuple[str, ...]]
    within: tuple[float, float]
    across: float
    voices: tuple[int, int]
    aside: int = 0
    beside: int = 0
    copies: tuple[tuple[str, str], ...] = ()

    def voice(self, source: str) -> str:
        """The source whose text `source` is (itself, or the one it copies)."""
        return dict(self.copies).get(source, source)

    def deep(self, share: float = SEAM) -> bool:
        """Whether the groups read as two stories: each of SEAM_SIDE voices or more, and alike across less than
        `share` times as much as within (the mean of the two groups')."""
        return min(self.voices) >= SEAM_SIDE and self.across < share * sum(self.within) / 2

    def describe(self) -> str:
        copies = len(self.sides[0]) + len(self.sides[1]) - sum(self.voices)
        counted = f", {copies} copies counted once" if copies else ""
        odd = (f", {self.aside} reading apart from all the others put with the group "
               f"{'it reads' if self.aside == 1 else 'each reads'} likest") if self.aside else ""
        inner = (f", found within one group of the story's seam, the other group's {self.beside} put with the half "
                 "they read likest") if self.beside else ""
        return (f"the two groups' words are {self.across:.2f} alike across and {self.within[0]:.2f} and "
                f"{self.within[1]:.2f} within ({len(self.sides[0])} and {len(self.sides[1])} sources{counted}{odd}"
                f"{inner})")


def seam(sources: list[Source], counts: dict[str, Words] | None = None) -> Seam | None:
    """The seam of a story's sources (their top split by average linkage, the clustering's own, past any voices
    that read apart from all the others: `_split`), or None for fewer than two SEAM_SIDEs of voices. A source as
    alike as COPY to one before it is that one's copy (a wire story run verbatim by several outlets): one voice,
    which the split and the likenesses count once (words over one copy of each text), and its copies go with it.
    Sources in the order given within each side; the side of the first source first. Likenesses by `vectors`
    over these sources alone, as the story was found."""
    if len(sources) < 2 * SEAM_SIDE:
        return None
    return _top_seam(sources, _voices(sources, counts))


def _top_seam(sources: list[Source], told) -> Seam | None:
    """`seam`, from the sources' voices and likenesses (`_voices`; None: no seam)."""
    if told is None:
        return None
    from scipy.cluster.hierarchy import linkage, to_tree
    from scipy.spatial.distance import squareform

    voice, voices, sim = told
    distance = (1 - sim).clip(0, 2)
    distance[range(len(voices)), range(len(voices))] = 0
    a, b, aside = _split(to_tree(linkage(squareform(distance, checks=False), "average")), sim)
    return _seam(sources, voice, voices, sim, a, b, aside=aside)


def seams(sources: list[Source], counts: dict[str, Words] | None = None, share: float = SEAM) -> Iterator[Seam]:
    """The lines a story's sources may part along, each deep (`Seam.deep` at `share`), in the order to try them
    (each found only when the one before it was not taken): the story's seam; then, for each of its two groups in
    turn, the seam within that group, with the other group put whole with the half it reads likest. Two events can
    part there: one event's coverage in two camps, the other's beside them, so that the story's own seam parts a
    camp from the rest. Tried only when the story's seam is deep, and taken when the seam within the group is deep
    there and the whole line is deep too."""
    told = _voices(sources, counts) if len(sources) >= 2 * SEAM_SIDE else None
    top = _top_seam(sources, told)
    if top is None or not top.deep(share):
        return
    yield top
    voice, voices, sim = told
    index = {s.id: i for i, s in enumerate(sources)}
    row = {v: r for r, v in enumerate(voices)}  # a voice's row in `sim`
    for k, side in enumerate(top.sides):
        inner = seam([s for s in sources if s.id in set(side)], counts)
        if inner is None or not inner.deep(share):
            continue
        a, b, rows = ([row[v] for v in sorted({voice[index[sid]] for sid in ids})]
                      for ids in (*inner.sides, top.sides[1 - k]))
        (a if sim[rows][:, a].mean() >= sim[rows][:, b].mean() else b).extend(rows)
        line = _seam(sources, voice, voices, sim, sorted(a), sorted(b), aside=inner.aside,
                     beside=len(top.sides[1 - k]))
        if line.deep(share):
            yield line


def _voices(sources: list[Source], counts: dict[str, Words] | None):
    """Each source's voice (the index of the first source of its text: COPY), the voices in order, and their
    likenesses (words over one copy of each text); None when the sources share no word, or hold fewer than two
    SEAM_SIDEs of voices."""
    x = vectors(sources, counts)
    if not x.shape[1]:
        return None
    sim = (x @ x.T).toarray()
    voice = list(range(len(sources)))
    for i in range(len(sources)):
        voice[i] = next((j for j in range(i) if voice[j] == j and sim[i, j] >= COPY), i)
    voices = [i for i in range(len(sources)) if voice[i] == i]
    if len(voices) < 2 * SEAM_SIDE:
        return None
    if len(voices) < len(sources):  # again over one copy of each text: a word of one text alone is its own
        x = vectors([sources[i] for i in voices], counts)
        sim = (x @ x.T).toarray()
    return voice, voices, sim


def _seam(sources: list[Source], voice: list[int], voices: list[int], sim, a: list[int], b: list[int],
          aside: int = 0, beside: int = 0) -> Seam:
    """The Seam between the voices at rows `a` and `b` of `sim` (their copies with them), the side of the first
    source first."""
    if 0 not in a:
        a, b = b, a
    first = {voices[k] for k in a}
    sides = ([s.id for i, s in enumerate(sources) if voice[i] in first],
             [s.id for i, s in enumerate(sources) if voice[i] not in first])
    copies = tuple((s.id, sources[voice[i]].id) for i, s in enumerate(sources) if voice[i] != i)
    return Seam((tuple(sides[0]), tuple(sides[1])), (_mean_likeness(sim, a) or 1.0, _mean_likeness(sim, b) or 1.0),
                round(float(sim[a][:, b].mean()), 3), (len(a), len(b)), aside, beside, copies)


def _split(top, sim) -> tuple[list[int], list[int], int]:
    """The two sides of a seam in the linkage tree `top` (of voices, `sim` their likenesses), and how many voices
    were set aside on the way. A split that parts fewer than SEAM_SIDE voices from the rest is an outlet's odd
    words, not a seam: those are set aside and the split of the rest is taken, as long as the rest can still
    part into two sides that large; each voice set aside then joins the side it reads likest on average (the
    first, on a tie). With no such split, the top one."""
    node, aside = top, []
    while True:
        small, large = sorted((node.get_left(), node.get_right()), key=lambda n: (n.get_count(), n.id))
        if small.get_count() >= SEAM_SIDE:
            break
        if large.get_count() < 2 * SEAM_SIDE:
            node, aside = top, []
            break
        aside += small.pre_order()
        node = large
    a, b = sorted(node.get_left().pre_order()), sorted(node.get_right().pre_order())
    for k in sorted(aside):
        (a if sim[k, a].mean() >= sim[k, b].mean() else b).append(k)
    return sorted(a), sorted(b), len(aside)


def _mean_likeness(sim, rows: list[int]) -> float | None:
    if len(rows) < 2:
        return None
    pairs = [(a, b) for k, a in enumerate(rows) for b in rows[k + 1:]]
    return round(sum(float(sim[a, b]) for a, b in pairs) / len(pairs), 3)


def terms(sources: Iterable[Source], n: int = TERMS, counts: dict[str, Counter[str]] | None = None) -> tuple[str, ...]:
    """The words the sources share most, by how many of them use the word, then how rare it is."""
    sources = list(sources)
    used: Counter[str] = Counter()
    for s in sources:
        used.update((counts[s.id] if counts else words(s)).keys())
    need = 2 if len(sources) > 1 else 1
    ranked = sorted((w for w, k in used.items() if k >= need and len(w) > 2),
                    key=lambda w: (-used[w], -weight(w), w))
    return tuple(ranked[:n])


def _story(members: list[Source], how: str, likeness: float | None, counts: dict[str, Counter[str]],
           name: str = "") -> Story:
    return Story(name, tuple(s.id for s in members), how, terms(members, counts=counts), likeness)


def _unique_ids(stories: list[Story]) -> tuple[Story, ...]:
    """A folder's story is named by the folder; a cluster by its terms ("ferry-capsized-harbour"), with a
    number when two clusters share them."""
    from dataclasses import replace

    taken = {s.id for s in stories if s.id}
    out = []
    for st in stories:
        if not st.id:
            base = "-".join(st.terms) or "story"
            name, k = base, 1
            while name in taken:
                k += 1
                name = f"{base}-{k}"
            taken.add(name)
            st = replace(st, id=name)
        out.append(st)
    return tuple(out)
