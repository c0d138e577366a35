"""The way through: corpus -> claims -> groups -> findings. One function, one result.

The CLI and the tests call `check`; reports render its Result (findings/result.py).
"""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from checker.align import align_sentences
from checker.claims.cache import ExtractionCache
from checker.claims.table import MIN_WORDS, Extraction, Progress, Reader, extract_groups, start_readers
from checker.config import Settings
from checker.corpus import Corpus, LoadProblem, load_corpus
from checker.corpus.loader import discover, fingerprint
from checker.corpus.source import Story
from checker.corpus.stories import SEAM_SIDE, Words, find_stories, seams, terms, words
from checker.findings.context import Context
from checker.findings.finding import Finding
from checker.findings.registry import run_rules
from checker.findings.result import Result
from checker.findings.translation_score import translation_scores
from checker.groups.aligned import aligned_groups
from checker.groups.conversions import bracketed_conversions
from checker.groups.figures import group_claims
from checker.groups.moments import article_dates, by_moment
from checker.groups.people import group_people
from checker.groups.scales import scale_sets
from checker.values import load_tables
from checker.values.vocabulary import Vocabulary

if TYPE_CHECKING:  # spaCy is imported when a source is parsed: a run answered from the cache needs none of it
    from spacy.language import Language

    from checker.align.sentences import Alignment
    from checker.claims.claim import Claim
    from checker.groups.figures import Group
    from checker.groups.people import Person

_PIPELINES: dict[tuple[str, str], Language] = {}


def pipeline(model: str, vocabulary_extensions: dict | None = None) -> Language:
    """The spaCy pipeline for a model whose components read the shipped vocabulary with these
    additions (Settings.vocabulary_extensions()), loaded once per process for each."""
    from checker.nlp.pipeline import load_pipeline
    from checker.values.vocabulary import extensions_key

    key = (model, extensions_key(vocabulary_extensions or {}))
    if key not in _PIPELINES:
        _PIPELINES[key] = load_pipeline(model, vocabulary_extensions)
    return _PIPELINES[key]


def apply_severities(findings: list[Finding], settings: Settings) -> list[Finding]:
    """Per-rule severity from the configuration; 'off' drops the rule's findings."""
    out = []
    for f in findings:
        level = settings.rule_severity(f.rule, f.severity)
        if level != "off":
            out.append(replace(f, severity=level))
    return out


BYTES_A_WORD = 6  # of English text, on disk: a word and its space take about six bytes


def _size(path: Path, settings: Settings) -> int:
    """The bytes of the articles the corpus holds, before reading any."""
    total = 0
    for file in discover(path, settings.include, settings.exclude):
        try:
            total += min(file.stat().st_size, settings.max_file_kb * 1000)
        except OSError:
            continue
    return total


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def cache(settings: Settings) -> ExtractionCache | None:
    """The cache folder's entries for this model and these vocabulary additions, when there is a folder."""
    if not settings.cache_dir:
        return None
    from checker.values.vocabulary import extensions_key

    return ExtractionCache(Path(settings.cache_dir), settings.model, extensions_key(settings.vocabulary_extensions()))


def run_key(path: Path, settings: Settings, kept: ExtractionCache) -> str | None:
    """The key of a whole run's Result: the files read (corpus.fingerprint) and every setting the Result depends
    on; None when the files cannot be fingerprinted without reading them as a run does."""
    files = fingerprint(path, settings.include, settings.exclude, settings.max_file_kb * 1000)
    if files is None:
        return None
    used = json.dumps([str(path), files, settings.include, settings.exclude, settings.max_file_kb, settings.stories,
                       settings.story_threshold, settings.story_seam, sorted(settings.rules.items())], ensure_ascii=False)
    return kept.key_of("run", used)


def _loader(settings: Settings) -> partial:
    """A function that loads the settings' pipeline, which pickle can name: a reading process calls it."""
    return partial(pipeline, settings.model, settings.vocabulary_extensions())


def read_stories(corpus: Corpus, settings: Settings, vocab: Vocabulary, progress: Progress | None = None,
                 kept: ExtractionCache | None = None, reader: Reader | None = None) -> Iterator[tuple[int, Extraction]]:
    """What the pipeline reads from each story's sources, story by story as each is read: (the story's index in
    corpus.stories, its Extraction). From the cache where it was read before (`kept`, when the caller has it
    open), by `settings.jobs` processes (0: one a core) or by `reader`."""
    return extract_groups(corpus, [story.sources for story in corpus.stories], _loader(settings), vocab,
                          cache=kept or cache(settings), jobs=settings.jobs or cores(), progress=progress,
                          reader=reader)


def with_problems(corpus: Corpus, problems: list[LoadProblem]) -> Corpus:
    """The corpus with the paragraphs that could not be read joining the files that could not be used, in corpus
    order."""
    if not problems:
        return corpus
    place = {s.path: k for k, s in enumerate(corpus.sources)}
    return replace(corpus, problems=corpus.problems + tuple(sorted(problems, key=lambda p: place[p.path])))


def reconcile(corpus: Corpus, extraction: Extraction, vocab: Vocabulary, settings: Settings) -> Result:
    """One story's claims compared: its people, its groups, its findings (at their configured severity,
    one per fingerprint). `corpus` holds the story's sources only and `extraction` what was read of them."""
    alignment = align_sentences(extraction.sentences)
    people = group_people(extraction.claims, vocab, extraction.candidates, alignment)
    grouped = group_claims(extraction.claims, people, vocab)
    days = article_dates(corpus)
    groups = aligned_groups(extraction.claims, alignment, grouped, vocab, days)
    groups = by_moment(groups, days, regroup=partial(_regroup, every=extraction.claims, people=people,
                                                     alignment=alignment, vocab=vocab, days=days))
    conversions = bracketed_conversions(extraction.claims, corpus)
    raw = run_rules(Context(corpus, groups, people, extraction.bigrams, vocab, alignment, conversions,
                            scale_sets(extraction.claims, vocab.light_verbs | vocab.reporting_verbs),
                            extraction.claims))
    story = corpus.stories[0].id if corpus.stories else ""
    findings = [replace(f, story=story) for f in apply_severities(raw, settings)]
    # One finding per fingerprint; the catalogue order of severity, rule and place.
    unique = {f.fingerprint: f for f in sorted(findings, key=Finding.sort_key, reverse=True)}
    result = Result(corpus, extraction.claims, people, groups, sorted(unique.values(), key=Finding.sort_key))
    result.raw = raw
    return result


def _regroup(claims: tuple[Claim, ...], every: list[Claim], people: list[Person], alignment: Alignment,
             vocab: Vocabulary, days: dict | None = None) -> list[Group]:
    """Claims of one moment grouped again as a story's claims are (groups/moments.by_moment): figures, then the
    alignment, with what their sources say elsewhere (`every`: the story's claims) read as it was. Only the people
    their sources name are looked up: their subjects are the people's names already."""
    sources, ids = {c.source for c in claims}, {c.id for c in claims}
    named = [p for p in people if any(m.source in sources for m in p.mentions)]
    context = [c for c in every if c.source in sources and c.id not in ids]
    return aligned_groups(claims, alignment, group_claims(list(claims), named, vocab, context), vocab, days)


LOUD = ("error", "warning")  # the severities a disagreement along a seam must have to part a story
# The disagreements that tell two events apart: their figures and their days (these kinds), and a person given
# another first name (these rules: a different first name names a different person, one of each story). A name's
# spelling, a title or a translation differs from outlet to outlet (a machine translation's sources read apart from
# the others, and their garbled names follow that line), and parts nothing.
TELLING = ("number", "date")
TELLING_RULES = ("NAME001",)
# Two sources alone, one on each side, are two outlets disagreeing, which one event's coverage gives as readily as
# two events (an outlet's slip, and the one other source that states the fact read in the other camp): a
# disagreement parts a story only when it quotes more sources than that, copies of one text counted once.
PAIR = 2


def tells(finding: Finding) -> bool:
    """Whether the finding, following a story's seam, tells two events apart (TELLING, TELLING_RULES)."""
    return finding.kind in TELLING or finding.rule in TELLING_RULES


@dataclass(frozen=True)
class Namesakes:
    """Two people of a common surname that the grouping keeps apart, the one named only in sources that do not name
    the other ("Yossi Cohen" in one, "Michael Cohen" in four; groups/people.py): like a first name that differs
    (NAME001, which a rarer surname gives), they are one person of each story, and tell two stories apart along a
    seam as that finding does. `sources`: those that name each in full."""

    names: tuple[str, str]
    sources: tuple[frozenset[str], frozenset[str]]

    def divides(self, one: set[str], other: set[str]) -> bool:
        a, b = self.sources
        return a <= one and b <= other or a <= other and b <= one

    def quoting(self, voice=None) -> int:
        return len({voice(s) if voice else s for s in self.sources[0] | self.sources[1]})

    def told(self, voice=None) -> str:
        return (f"{self.quoting(voice)} of the sources name two people of the common surname {self.names[0].split()[-1]} "
                f"along that line, one on each side ({self.names[0]!r} / {self.names[1]!r})")


def namesakes(people: list[Person]) -> list[Namesakes]:
    """The pairs of people of a common surname that the grouping kept apart where it would have joined a rarer
    surname's as one person with a first name changed (NAME001; Person.apart), in the order of the people."""
    return [Namesakes((name, q.name), (frozenset((source,)), frozenset(q.sources(q.full_mentions))))
            for q in people for name, source in sorted(q.apart.items())]


def _told(along: Finding | Namesakes, voice) -> str:
    """What the sources say along a seam, as the story's parting tells it."""
    if isinstance(along, Namesakes):
        return along.told(voice)
    values = " / ".join(dict.fromkeys(repr(e.span) for e in along.evidence))
    return (f"{along.quoting(voice)} of the sources disagree along that line ({along.rule}, {along.subject}: "
            f"{values})")


def compare(corpus: Corpus, extraction: Extraction, vocab: Vocabulary, settings: Settings,
            counts: dict[str, Words] | None = None) -> list[Result]:
    """One story's claims compared (`reconcile`); a story found by clustering may come back as two or more.

    Clustering joins the sources whose words are alike, and two events of one kind (two earthquakes, two fights of
    one boxer) can be alike enough: their claims, compared, give findings that set one event against the other. Such
    a story has a seam (corpus/stories.py): two groups of sources, each of SEAM_SIDE or more, whose words are alike
    across much less than within. A seam alone does not part it, since one event's coverage can fall into two camps;
    a seam that an error or warning on a figure, a date or a first name (`tells`) follows does: every value it
    quotes comes from one group only, and it quotes more than a PAIR of sources; or two people of a common surname
    kept apart, each named on one side only (`Namesakes`). When none follows the story's
    seam, the seam within either group may (`seams`: one event's two camps, the other event beside them). Each
    group is then a story of its own, compared again (and parted again, if it must). A story from a folder or the
    whole corpus is the user's word and is never parted.
    `counts`: the sources' words (corpus/stories.words), where a story parted in two has read them already."""
    result = reconcile(corpus, extraction, vocab, settings)
    story = corpus.stories[0] if corpus.stories else None
    loud = [f for f in result.findings if f.severity in LOUD]
    if story is None or story.how != "cluster" or not loud or len(corpus.sources) < 2 * SEAM_SIDE:
        return [result]
    counts = counts or {s.id: words(s) for s in corpus.sources}  # for the seams, and the terms of each side
    signals = [*(f for f in loud if tells(f)), *namesakes(result.people)]
    for found in seams(list(corpus.sources), counts, settings.story_seam):
        one, other = (set(side) for side in found.sides)
        along = next((f for f in signals if f.divides(one, other) and f.quoting(found.voice) > PAIR), None)
        if along is not None:
            break
    else:
        return [result]
    why = f"{found.describe()}, and {_told(along, found.voice)}"
    out = []
    for k, side in enumerate(found.sides):
        members = [s for s in corpus.sources if s.id in side]
        part = Story(f"{story.id}.{k + 1}", tuple(s.id for s in members), "cluster", terms(members, counts=counts),
                     found.within[k], f"parted from {story.id}.{2 - k}: {why}")
        out += compare(replace(corpus, sources=tuple(members), stories=(part,)), extraction.only(set(side)), vocab,
                       settings, counts)
    return out


def combine(corpus: Corpus, parts: list[Result]) -> Result:
    """The run's Result from its stories' (`parts`, in story order): their claims, people and groups one after
    the other, their findings in catalogue order; each story's own Result kept in `by_story`. A story compared
    as several (`compare`) is there as each of them, in the corpus's stories too."""
    stories = tuple(st for p in parts for st in p.corpus.stories)
    if len(stories) == len(parts) and stories != corpus.stories:
        corpus = replace(corpus, stories=stories)
    result = Result(corpus)
    result.by_story = parts
    result.claims = sorted((c for p in parts for c in p.claims), key=lambda c: (c.source, c.start, c.kind))
    result.people = [person for p in parts for person in p.people]
    result.groups = [g for p in parts for g in p.groups]
    result.findings = sorted((f for p in parts for f in p.findings), key=Finding.sort_key)
    # From the findings before severities: a rule switched off still counts as a signal.
    result.translation = translation_scores(corpus, [f for p in parts for f in p.raw])
    return result


def load(path: Path, settings: Settings) -> Corpus:
    """The corpus at `path`, told apart into stories."""
    corpus = load_corpus(path, include=settings.include, exclude=settings.exclude,
                         max_bytes=settings.max_file_kb * 1000)
    return replace(corpus, stories=find_stories(corpus, settings.stories, settings.story_threshold))


def check(path: Path, settings: Settings | None = None, progress: Progress | None = None,
          lasting: bool = False) -> Result:
    """The corpus at `path` read, told apart into stories, and each story's claims compared. `progress`, when
    given, is told how far each stage has gone ("reading" sources, "comparing" stories).

    `lasting`: the Result is kept until the process ends, as the command line keeps it. One answered whole from
    the cache is then left out of the garbage collector's walks (gc.freeze): it holds no cycles, and the first
    collections after reading it walked all its objects for nothing. A caller that goes on and lets Results go
    keeps the default, since the freeze also holds every other object alive then out of collection."""
    settings = settings or Settings()
    kept = cache(settings)
    key = run_key(path, settings, kept) if kept is not None else None
    if key is not None and isinstance(result := kept.get(key, lasting=lasting), Result):
        return result  # the same files, settings, model and code: the same Result, read whole
    result = _check(path, settings, progress, kept)
    if key is not None:
        kept.put(key, result)
    return result


def _check(path: Path, settings: Settings, progress: Progress | None, kept: ExtractionCache | None) -> Result:
    processes = (settings.jobs or cores()) > 1 and _size(path, settings) >= 2 * MIN_WORDS * BYTES_A_WORD
    if processes:  # enough to read in several processes: their server imports spaCy and loads the model meanwhile
        start_readers(_loader(settings))
    corpus = load(path, settings)
    if processes:  # while the server still loads the model, not later beside the readers
        load_tables()
    if not corpus.sources:
        return Result(corpus)
    vocab = settings.vocabulary()
    parts: dict[int, list[Result]] = {}  # by the story's index: one Result, or more for a story parted (compare)
    problems: list[LoadProblem] = []
    # Each story is compared as soon as its sources are read, while the reading processes read the next.
    # What was read stays alive to the end: frozen, the collector does not walk it again for every story, and
    # the time a story takes does not grow with the corpus.
    try:
        for compared, (i, extraction) in enumerate(read_stories(corpus, settings, vocab, progress, kept), 1):
            problems += extraction.problems
            gc.freeze()
            parts[i] = compare(corpus.story(corpus.stories[i]), extraction, vocab, settings)
            if progress is not None:
                progress("comparing", compared, len(corpus.stories))
    finally:
        gc.unfreeze()
    return combine(with_problems(corpus, problems), [r for i in range(len(corpus.stories)) for r in parts[i]])
