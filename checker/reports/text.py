"""Text report: one line a finding, `path:line:col: CODE severity: message`, like ruff.

Against a baseline, each line says whether the finding is new or baselined, and the last line
counts both and the stale entries.
"""

from __future__ import annotations

from checker.findings.result import Result
from checker.reports.json_report import baseline_counts, summary


def render_text(result: Result) -> str:
    lines = []
    for f in result.findings:
        p = f.primary
        status = f" [{f.status}]" if f.status else ""
        message = " ".join(f.message.split())  # one line a finding, whatever the quoted text holds
        lines.append(f"{p.path}:{p.line}:{p.column}: {f.rule} {f.severity}{status}: {message}")
    for e in result.stale:
        lines.append(f"{result.baseline}: stale baseline entry {e.fingerprint} ({e.rule} {e.subject}, was at {e.hint}): "
                     f"the finding is gone; drop it with `checker baseline --prune`")
    counts = summary(result.findings)
    base = baseline_counts(result)
    total = sum(counts.values())
    lines.append(f"{total} finding{'s' if total != 1 else ''} ({', '.join(f'{n} {s}' for s, n in counts.items())}) "
                 f"in {len(result.sources)} source{'s' if len(result.sources) != 1 else ''}"
                 + (f" ({len(result.corpus.stories)} stories)" if len(result.corpus.stories) > 1 else "")
                 + (f"; {base['new']} new, {base['baselined']} baselined, "
                    f"{base['stale']} stale baseline entr{'ies' if base['stale'] != 1 else 'y'}"
                    if result.baseline else ""))
    return "\n".join(lines) + "\n"
