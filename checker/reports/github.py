"""GitHub Actions workflow commands: one annotation a finding (`::error file=...,line=...::message`).

Against a baseline, only new findings are annotated: the ones a pull request brings.
"""

from __future__ import annotations

from checker.findings import RULES
from checker.findings.result import Result

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(result: Result) -> str:
    lines = []
    for f in result.findings:
        if result.baseline and f.status != "new":
            continue
        p = f.primary
        props = [f"file={_property(p.path)}", f"line={p.line}", f"col={p.column}",
                 f"title={_property(f'{f.rule} {RULES[f.rule].name}')}"]
        lines.append(f"::{COMMANDS[f.severity]} {','.join(props)}::{_data(f.message)}")
    shown = len(lines)
    lines.append(f"checker: {shown} finding{'s' if shown != 1 else ''} annotated"
                 + (f" ({len(result.findings) - shown} baselined, {len(result.stale)} stale baseline "
                    f"entr{'ies' if len(result.stale) != 1 else 'y'})"
                    if result.baseline else ""))
    return "\n".join(lines) + "\n"
