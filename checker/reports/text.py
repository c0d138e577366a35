"""Text report: one line a finding, `path:line:col: CODE severity message`, like ruff."""

from __future__ import annotations

from checker.reports.json_report import summary


def render_text(result) -> str:
    lines = []
    for f in result.findings:
        p = f.primary
        lines.append(f"{p.path}:{p.line}:{p.column}: {f.rule} {f.severity}: {f.message}")
    counts = summary(result.findings)
    total = sum(counts.values())
    lines.append(f"{total} finding{'s' if total != 1 else ''} ({', '.join(f'{n} {s}' for s, n in counts.items())}) "
                 f"in {len(result.sources)} source{'s' if len(result.sources) != 1 else ''}")
    return "\n".join(lines) + "\n"
