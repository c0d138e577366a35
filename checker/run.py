"""The way through: corpus -> claims -> groups -> findings. One function, one result.

The CLI and the tests call `check`; reports render its Result.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.language import Language

from checker.claims.claim import Claim
from checker.claims.table import extract
from checker.config import Settings
from checker.corpus import Corpus, LoadProblem, Source, load_corpus
from checker.findings.finding import Finding
from checker.findings.baseline import Baseline, Entry
from checker.nlp.pipeline import load_pipeline
from checker.findings.figures import reconcile_figures
from checker.groups.figures import Group
from checker.findings.people import reconcile_people
from checker.groups.people import Person
from checker.findings.translation import TranslationScore, translation_findings, translation_scores


@dataclass
class Result:
    corpus: Corpus
    claims: list[Claim] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    translation: list[TranslationScore] = field(default_factory=list)
    baseline: str | None = None  # the baseline file compared against, if any
    stale: list[Entry] = field(default_factory=list)  # its entries whose finding is gone

    @property
    def sources(self) -> tuple[Source, ...]:
        return self.corpus.sources

    @property
    def problems(self) -> tuple[LoadProblem, ...]:
        return self.corpus.problems


_PIPELINES: dict[str, Language] = {}


def pipeline(model: str) -> Language:
    """The spaCy pipeline for a model, loaded once per process."""
    if model not in _PIPELINES:
        _PIPELINES[model] = load_pipeline(model)
    return _PIPELINES[model]


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
    corpus = load_corpus(path, include=settings.include, exclude=settings.exclude)
    result = Result(corpus)
    if not corpus.sources:
        return result
    vocab = settings.vocabulary()
    nlp = pipeline(settings.model)
    extraction = extract(corpus, nlp, vocab)
    people, people_findings = reconcile_people(extraction.claims, corpus, vocab, extraction.candidates)
    groups, figure_findings = reconcile_figures(extraction.claims, corpus)
    trans = translation_findings(extraction.bigrams, corpus)
    raw = figure_findings + people_findings + trans
    findings = apply_severities(raw, settings)
    # One finding per fingerprint; the catalogue order of severity, rule and place.
    unique = {f.fingerprint: f for f in sorted(findings, key=Finding.sort_key, reverse=True)}
    result.claims = extraction.claims
    result.people = people
    result.groups = groups
    result.findings = sorted(unique.values(), key=Finding.sort_key)
    # From the findings before severities: a rule switched off still counts as a signal.
    result.translation = translation_scores(corpus, raw)
    return result


def apply_baseline(result: Result, baseline: Baseline, path: str) -> Result:
    """Mark each finding new or baselined, and note the baseline's stale entries."""
    comparison = baseline.compare(result.findings)
    result.findings = comparison.findings
    result.stale = comparison.stale
    result.baseline = path
    return result
