"""What a run found: the corpus, its claims and groups, the findings and the per-source translation
scores. Every report renders one Result; run.check builds it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.claims.claim import Claim
from checker.corpus import Corpus, LoadProblem, Source
from checker.findings.baseline import Baseline, Entry
from checker.findings.finding import Finding
from checker.findings.translation_score import TranslationScore
from checker.groups.figures import Group
from checker.groups.people import Person


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
    by_story: list[Result] = field(default_factory=list)  # each story's own Result, in story order
    raw: list[Finding] = field(default_factory=list, repr=False)  # a story's findings before severities

    @property
    def sources(self) -> tuple[Source, ...]:
        return self.corpus.sources

    @property
    def problems(self) -> tuple[LoadProblem, ...]:
        return self.corpus.problems


def apply_baseline(result: Result, baseline: Baseline, path: str) -> Result:
    """Mark each finding new or baselined, and note the baseline's stale entries."""
    comparison = baseline.compare(result.findings)
    result.findings = comparison.findings
    result.stale = comparison.stale
    result.baseline = path
    return result
