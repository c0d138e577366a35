"""The way through: corpus -> claims -> groups -> findings. One function, one result.

The CLI and the tests call `check`; reports render its Result (findings/result.py).
"""

from __future__ import annotations

import os
from dataclasses import replace
from functools import partial
from pathlib import Path

from spacy.language import Language

from checker.align import Alignment, align_sentences
from checker.claims.cache import ExtractionCache
from checker.claims.table import Extraction, Progress, Reader, extract
from checker.config import Settings
from checker.corpus import Corpus, load_corpus
from checker.corpus.stories import find_stories
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
from checker.nlp.pipeline import load_pipeline
from checker.values.vocabulary import Vocabulary

_PIPELINES: dict[tuple[str, str], Language] = {}


def pipeline(model: str, vocabulary_extensions: dict | None = None) -> Language:
    """The spaCy pipeline for a model whose components read the shipped vocabulary with these
    additions (Settings.vocabulary_extensions()), loaded once per process for each."""
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


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def read(corpus: Corpus, settings: Settings, vocab: Vocabulary, progress: Progress | None = None,
         reader: Reader | None = None) -> Extraction:
    """What the pipeline reads from every source of the corpus, from the cache where it was read before, by
    `settings.jobs` processes (0: one a core) or by `reader`."""
    cache = None
    if settings.cache_dir:  # what was read of each source before, for this model and these additions
        from checker.values.vocabulary import extensions_key

        cache = ExtractionCache(Path(settings.cache_dir), settings.model,
                                extensions_key(settings.vocabulary_extensions()))
    load = partial(pipeline, settings.model, settings.vocabulary_extensions())
    return extract(corpus, load, vocab, cache=cache, jobs=settings.jobs or cores(), progress=progress, reader=reader)


def reconcile(corpus: Corpus, extraction: Extraction, vocab: Vocabulary, settings: Settings) -> Result:
    """One story's claims compared: its people, its groups, its findings (at their configured severity,
    one per fingerprint). `corpus` holds the story's sources only and `extraction` what was read of them."""
    alignment = align_sentences(extraction.sentences)
    people = group_people(extraction.claims, vocab, extraction.candidates, alignment)
    grouped = group_claims(extraction.claims, people, vocab)
    groups = aligned_groups(extraction.claims, alignment, grouped, vocab)
    groups = by_moment(groups, article_dates(corpus))
    conversions = bracketed_conversions(extraction.claims, corpus)
    raw = run_rules(Context(corpus, groups, people, extraction.bigrams, vocab, alignment, conversions,
                            scale_sets(extraction.claims, vocab.light_verbs | vocab.reporting_verbs),
                            extraction.claims))
    story = corpus.stories[0].id if corpus.stories else ""
    findings = [replace(f, story=story) for f in apply_severities(raw, settings)]
    # One finding per fingerprint; the catalogue order of severity, rule and place.
    unique = {f.fingerprint: f for f in sorted(findings, key=Finding.sort_key, reverse=True)}
    result = Result(corpus, extraction.claims, people, groups, alignment, sorted(unique.values(), key=Finding.sort_key))
    result.raw = raw
    return result


def combine(corpus: Corpus, parts: list[Result]) -> Result:
    """The run's Result from its stories' (`parts`, in story order): their claims, people and groups one after
    the other, their findings in catalogue order; each story's own Result kept in `by_story`."""
    result = Result(corpus)
    result.by_story = parts
    result.claims = sorted((c for p in parts for c in p.claims), key=lambda c: (c.source, c.start, c.kind))
    result.people = [person for p in parts for person in p.people]
    result.groups = [g for p in parts for g in p.groups]
    result.alignment = Alignment(tuple(s for p in parts for s in p.alignment.sentences),
                                 tuple(pair for p in parts for pair in p.alignment.pairs))
    result.findings = sorted((f for p in parts for f in p.findings), key=Finding.sort_key)
    # From the findings before severities: a rule switched off still counts as a signal.
    result.translation = translation_scores(corpus, [f for p in parts for f in p.raw])
    return result


def check(path: Path, settings: Settings | None = None, progress: Progress | None = None) -> Result:
    """The corpus at `path` read, told apart into stories, and each story's claims compared. `progress`, when
    given, is told how far each stage has gone ("reading" sources, "comparing" stories)."""
    settings = settings or Settings()
    corpus = load_corpus(path, include=settings.include, exclude=settings.exclude,
                         max_bytes=settings.max_file_kb * 1000)
    if not corpus.sources:
        return Result(corpus)
    corpus = replace(corpus, stories=find_stories(corpus, settings.stories, settings.story_threshold))
    vocab = settings.vocabulary()
    extraction = read(corpus, settings, vocab, progress)
    if extraction.problems:  # reported with the files that could not be used
        corpus = replace(corpus, problems=corpus.problems + tuple(extraction.problems))
    parts = extraction.split([story.sources for story in corpus.stories])
    out = []
    for story, part in zip(corpus.stories, parts):
        out.append(reconcile(corpus.story(story), part, vocab, settings))
        if progress is not None:
            progress("comparing", len(out), len(parts))
    return combine(corpus, out)
