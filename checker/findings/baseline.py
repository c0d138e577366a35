"""Baseline: the findings a newsroom has already seen, so that a CI gate fails only on new ones.

The file is JSON with keys sorted, two-space indent and a trailing newline, and no timestamps, so
that it reads well in a diff. Entries are keyed by fingerprint, which depends on what a finding says
and not on where (see Finding.fingerprint). `hint` records where the finding pointed when it was
written down, for people only. An entry with a `justification` was accepted by an editor: the
discrepancy is real and known.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from checker.findings.finding import Finding

FORMAT = 1


class BaselineError(ValueError):
    """A baseline file that cannot be used; the message is one line."""


@dataclass(frozen=True)
class Entry:
    fingerprint: str
    rule: str
    subject: str
    hint: str  # "path:line" of the flagged side(s) when recorded
    justification: str = ""

    @classmethod
    def of(cls, f: Finding, justification: str = "") -> Entry:
        flagged = sorted({f"{e.path}:{e.line}" for e in f.evidence if e.flagged}) or [f"{f.primary.path}:{f.primary.line}"]
        return cls(f.fingerprint, f.rule, f.subject, ", ".join(flagged), justification)

    def to_dict(self) -> dict:
        out = {"fingerprint": self.fingerprint, "rule": self.rule, "subject": self.subject, "hint": self.hint}
        if self.justification:
            out["justification"] = self.justification
        return out


@dataclass(frozen=True)
class Comparison:
    """Findings marked new or baselined, and the entries whose finding is gone."""

    findings: list[Finding]
    stale: list[Entry]


@dataclass(frozen=True)
class Baseline:
    entries: dict[str, Entry]

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            data = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            raise BaselineError(f"{path}: no such baseline; write one with `checker baseline CORPUS --output {path}`") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BaselineError(f"{path}: not a readable baseline ({exc})") from None
        version = data.get("checker_baseline") if isinstance(data, dict) else None
        if type(version) is not int or version != FORMAT or not isinstance(data.get("findings"), list):
            raise BaselineError(f"{path}: not a checker baseline (format {FORMAT})")
        entries = {}
        for item in data["findings"]:
            # Required fields are text; a null or a number is a damaged file, not a name to match.
            if not isinstance(item, dict) or not all(isinstance(item.get(k), str) and item[k] for k in
                                                     ("fingerprint", "rule", "subject")):
                raise BaselineError(f"{path}: an entry lacks fingerprint, rule or subject (each a string)")
            e = Entry(item["fingerprint"], item["rule"], item["subject"], str(item.get("hint") or ""),
                      str(item.get("justification") or ""))
            entries[e.fingerprint] = e
        return cls(entries)

    @classmethod
    def of(cls, findings: list[Finding]) -> Baseline:
        return cls({f.fingerprint: Entry.of(f) for f in findings})

    def render(self) -> str:
        entries = sorted(self.entries.values(), key=lambda e: (e.rule, e.subject, e.fingerprint))
        return json.dumps({"checker_baseline": FORMAT, "findings": [e.to_dict() for e in entries]},
                          indent=2, sort_keys=True, ensure_ascii=False) + "\n"

    def updated(self, findings: list[Finding], prune: bool = False) -> Baseline:
        """Every current finding recorded; justifications kept; stale entries kept unless pruned."""
        entries = {} if prune else dict(self.entries)
        for f in findings:
            old = self.entries.get(f.fingerprint)
            entries[f.fingerprint] = Entry.of(f, old.justification if old else "")
        return Baseline(entries)

    def accept(self, finding: Finding, justification: str) -> Baseline:
        return Baseline({**self.entries, finding.fingerprint: Entry.of(finding, justification)})

    def compare(self, findings: list[Finding]) -> Comparison:
        marked = []
        for f in findings:
            e = self.entries.get(f.fingerprint)
            marked.append(replace(f, status="baselined" if e else "new", justification=e.justification if e else ""))
        seen = {f.fingerprint for f in findings}
        stale = sorted((e for fp, e in self.entries.items() if fp not in seen), key=lambda e: (e.rule, e.subject, e.fingerprint))
        return Comparison(marked, stale)
