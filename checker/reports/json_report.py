"""JSON report: the contract tools read (fields listed in the README)."""

from __future__ import annotations

import json
from collections import Counter

from checker import __version__
from checker.corpus.source import Story
from checker.findings import SEVERITIES, Finding
from checker.findings.result import Result


def finding_dict(f: Finding) -> dict:
    return {
        "fingerprint": f.fingerprint,
        "rule": f.rule,
        "kind": f.kind,
        "severity": f.severity,
        "subject": f.subject,
        "message": f.message,
        "evidence": [
            {"source": e.source, "path": e.path, "line": e.line, "column": e.column, "span": e.span,
             "sentence": e.sentence, "flagged": e.flagged, "normalised": e.normalised}
            for e in f.evidence
        ],
        "explanation": f.explanation.to_dict(),
        "story": f.story,
        **({"status": f.status} if f.status else {}),
        **({"justification": f.justification} if f.justification else {}),
    }


def translation_dict(t) -> dict | None:
    if t is None:
        return None
    return {"score": t.score, "signals": t.counts,
            "passages": [{"signal": p.signal, "line": p.line, "column": p.column, "text": p.text} for p in t.passages]}


def summary(findings: list[Finding]) -> dict[str, int]:
    counts = Counter(f.severity for f in findings)
    return {s: counts.get(s, 0) for s in SEVERITIES}


def report_dict(result: Result) -> dict:
    scores = {t.source: t for t in result.translation}  # by source id: a source without a score shows none
    return {
        "tool": {"name": "checker", "version": __version__},
        "sources": [{"id": s.id, "path": s.path, "meta": s.meta, "words": s.word_count,
                     "translation": translation_dict(scores.get(s.id))}
                    for s in result.sources],
        "problems": [{"path": p.path, "message": p.message} for p in result.problems],
        "claims": len(result.claims),
        "stories": [story_dict(story, part) for story, part in zip(result.corpus.stories, result.by_story)],
        "summary": summary(result.findings),
        "findings": [finding_dict(f) for f in result.findings],
        **({"baseline": baseline_dict(result)} if result.baseline else {}),
    }


def story_dict(story: Story, part: Result) -> dict:
    return {"id": story.id, "label": story.label, "how": story.how, "sources": list(story.sources),
            "terms": list(story.terms), "similarity": story.similarity, **({"parted": story.parted} if story.parted else {}),
            "claims": len(part.claims), "summary": summary(part.findings)}


def baseline_counts(result: Result) -> dict[str, int]:
    """How many findings are new and baselined, and how many baseline entries are stale."""
    return {"new": sum(f.status == "new" for f in result.findings),
            "baselined": sum(f.status == "baselined" for f in result.findings),
            "stale": len(result.stale)}


def baseline_dict(result: Result) -> dict:
    return {"path": result.baseline, **baseline_counts(result), "stale": [e.to_dict() for e in result.stale]}


def render_json(result: Result) -> str:
    return json.dumps(report_dict(result), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
