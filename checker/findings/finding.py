"""Finding and Evidence: what a rule found, where, and why; with a stable fingerprint."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from checker.claims.claim import Claim
from checker.findings.explanation import Explanation
from checker.findings.registry import SEVERITY_RANK, Rule


@dataclass(frozen=True)
class Evidence:
    """One side of a finding, quoted from its source. `flagged` marks the side the finding points at."""

    source: str
    path: str
    line: int
    column: int
    span: str
    sentence: str
    flagged: bool
    normalised: str = ""

    @classmethod
    def of(cls, claim: Claim, path: str, flagged: bool) -> Evidence:
        return cls(claim.source, path, claim.line, claim.column, claim.span, claim.sentence, flagged, claim.normalised)

    @classmethod
    def at(cls, source, start: int, end: int, claim: Claim, flagged: bool, normalised: str = "") -> Evidence:
        """Evidence for a stretch of a source's text other than the claim's own span (a title and a name)."""
        line, column = source.line_col(start)
        return cls(source.id, source.path, line, column, source.text[start:end], claim.sentence, flagged,
                   normalised or claim.normalised)


@dataclass(frozen=True)
class Finding:
    """A discrepancy. `key` holds what the fingerprint depends on: what the finding says, not where."""

    rule: str
    kind: str
    severity: str
    subject: str
    message: str
    evidence: tuple[Evidence, ...]
    explanation: Explanation = field(default_factory=Explanation)
    key: tuple[str, ...] = ()
    anchor: str = ""  # what the fingerprint names the finding by, when not its subject as shown
    status: str = ""  # against a baseline: "new" or "baselined"
    justification: str = ""  # why an editor accepted it, from the baseline
    story: str = ""  # the id of the story whose sources it compares (corpus/stories.py)

    @classmethod
    def from_rule(cls, rule: Rule, subject: str, message: str, evidence, explanation: Explanation,
                  key: tuple = (), anchor: str = "") -> Finding:
        """A finding of a rule, with the rule's kind and default severity."""
        if not isinstance(explanation, rule.explanation):
            raise TypeError(f"{rule.code} explains its findings with {rule.explanation.__name__}, "
                            f"not {type(explanation).__name__}")
        return cls(rule=rule.code, kind=rule.kind, severity=rule.severity, subject=subject, message=message,
                   evidence=tuple(evidence), explanation=explanation, key=tuple(str(k) for k in key), anchor=anchor)

    @property
    def fingerprint(self) -> str:
        text = "\x1f".join((self.rule, (self.anchor or self.subject).lower(), *self.key))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

    @property
    def primary(self) -> Evidence:
        return next((e for e in self.evidence if e.flagged), self.evidence[0])

    def divides(self, one: set[str], other: set[str]) -> bool:
        """Whether the finding's sources disagree along the line between two groups of sources: each value it quotes
        (as normalised) is quoted from one group only, and each group quotes one."""
        by_value: dict[str, set[str]] = {}
        for e in self.evidence:
            by_value.setdefault(e.normalised or e.span, set()).add(e.source)
        sides = {"one" if quoted <= one else "other" if quoted <= other else "both" for quoted in by_value.values()}
        return sides == {"one", "other"}

    def quoting(self, voice: Callable[[str], str] | None = None) -> int:
        """How many sources the finding quotes (`voice`: the source whose text a source is, so that copies of one
        text count once)."""
        return len({voice(e.source) if voice else e.source for e in self.evidence})

    def sort_key(self) -> tuple:
        p = self.primary
        return (SEVERITY_RANK[self.severity], self.rule, p.source, p.line, p.column, self.fingerprint)
