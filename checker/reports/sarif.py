"""SARIF 2.1.0 for code scanning: the rule catalogue as tool.driver.rules, one result a finding.

The flagged side of a finding (the outlier, the garbled passage) is its location; the sides quoted
for reference are relatedLocations. A finding with no majority flags no side: its first side quoted
is the location, and its message (not the location) says that no side has a majority. partialFingerprints carries checker's fingerprint so that code
scanning tracks a finding across edits the way the baseline does. Against a baseline, each result
has a baselineState, and an accepted entry becomes an external suppression with its justification.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath

from checker import __version__
from checker.findings import RULES, Finding
from checker.findings.finding import Evidence
from checker.findings.result import Result

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
BASELINE_STATES = {"new": "new", "baselined": "unchanged"}
FINGERPRINT_KEY = "checker/v1"


def _uri(path: str) -> str:
    """A relative path stays relative (code scanning resolves it against the repository); an
    absolute one becomes a file: URI."""
    p = PurePosixPath(path)
    return p.as_uri() if p.is_absolute() else path


def _location(e: Evidence, n: int | None = None, note: str = "") -> dict:
    region = {"startLine": e.line, "startColumn": e.column, "snippet": {"text": e.span}}
    if "\n" not in e.span:
        region["endLine"] = e.line
        region["endColumn"] = e.column + len(e.span)
    loc: dict = {"physicalLocation": {"artifactLocation": {"uri": _uri(e.path)}, "region": region}}
    if n is not None:
        loc["id"] = n
    if note:
        loc["message"] = {"text": note}
    return loc


def _result(f: Finding, index: dict[str, int]) -> dict:
    flagged = [e for e in f.evidence if e.flagged] or [f.evidence[0]]
    others = [e for e in f.evidence if e not in flagged]
    result: dict = {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [_location(e) for e in flagged],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
        "properties": {"kind": f.kind, "subject": f.subject, "story": f.story},
    }
    if others:
        result["relatedLocations"] = [
            _location(e, n, f"{e.source} says “{e.span}”" + (f" ({e.normalised})" if e.normalised else ""))
            for n, e in enumerate(others, 1)
        ]
    if f.status:
        result["baselineState"] = BASELINE_STATES[f.status]
    if f.justification:
        result["suppressions"] = [{"kind": "external", "status": "accepted", "justification": f.justification}]
    return result


def sarif_dict(result: Result) -> dict:
    codes = list(RULES)
    index = {code: i for i, code in enumerate(codes)}
    rules = [{
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": r.why},
        "help": {"text": f"{r.summary} {r.why} Example: {r.example}"},
        "defaultConfiguration": {"level": LEVELS[r.severity]},
        "properties": {"kind": r.kind},
    } for r in RULES.values()]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "checker", "version": __version__, "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": [_result(f, index) for f in result.findings],
            # The stories the sources were told apart into: a result's "story" property names one.
            "properties": {"stories": [{"id": st.id, "how": st.how, "sources": list(st.sources)}
                                       for st in result.corpus.stories]},
        }],
    }


def render_sarif(result: Result) -> str:
    return json.dumps(sarif_dict(result), indent=2, ensure_ascii=False) + "\n"
