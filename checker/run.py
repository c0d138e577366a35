"""The way through: corpus -> claims -> groups -> findings. One function, one result.

The CLI and the tests call `check`; reports render its Result (findings/result.py).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from spacy.language import Language

from checker.align import align_sentences
from checker.claims.cache import ExtractionCache
from checker.claims.table import extract
from checker.config import Settings
from checker.corpus import load_corpus
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


def check(path: Path, settings: Settings | None = None) -> Result:
    settings = settings or Settings()
    corpus = load_corpus(path, include=settings.include, exclude=settings.exclude,
                         max_bytes=settings.max_file_kb * 1000)
    if not corpus.sources:
        return Result(corpus)
    vocab = settings.vocabulary()
    cache = None
    if settings.cache_dir:  # what was read of each source before, for this model and these additions
        from checker.values.vocabulary import extensions_key

        cache = ExtractionCache(Path(settings.cache_dir), settings.model,
                                extensions_key(settings.vocabulary_extensions()))
    extraction = extract(corpus, lambda: pipeline(settings.model, settings.vocabulary_extensions()), vocab,
                         cache=cache)
    if extraction.problems:  # reported with the files that could not be used
        corpus = replace(corpus, problems=corpus.problems + tuple(extraction.problems))
    result = Result(corpus)
    alignment = align_sentences(extraction.sentences)
    people = group_people(extraction.claims, vocab, extraction.candidates, alignment)
    grouped = group_claims(extraction.claims, people, vocab)
    groups = aligned_groups(extraction.claims, alignment, grouped, vocab)
    groups = by_moment(groups, article_dates(corpus))
    conversions = bracketed_conversions(extraction.claims, corpus)
    raw = run_rules(Context(corpus, groups, people, extraction.bigrams, vocab, alignment, conversions,
                            scale_sets(extraction.claims, vocab.light_verbs | vocab.reporting_verbs),
                            extraction.claims))
    findings = apply_severities(raw, settings)
    # One finding per fingerprint; the catalogue order of severity, rule and place.
    unique = {f.fingerprint: f for f in sorted(findings, key=Finding.sort_key, reverse=True)}
    result.claims = extraction.claims
    result.people = people
    result.groups = groups
    result.alignment = alignment
    result.findings = sorted(unique.values(), key=Finding.sort_key)
    # From the findings before severities: a rule switched off still counts as a signal.
    result.translation = translation_scores(corpus, raw)
    return result
