"""NUM002 number-divergence: different figures for the same quantity that can both be true."""

from __future__ import annotations

from checker.findings.context import Context
from checker.findings.figure_verdict import FigureExplanation, figure_findings
from checker.findings.finding import Finding
from checker.findings.registry import Rule
from checker.values.compare import DIVERGE


def check(context: Context) -> list[Finding]:
    return figure_findings(RULE, context.groups, "quantity", DIVERGE, context.corpus, context.claims)


RULE = Rule(
    "NUM002", "number-divergence", "number", "warning",
    summary="Sources state different figures for the same quantity that can both be true.",
    why="\"over 60%\" and \"more than 50%\" overlap, but the sources state different figures: one of them is "
        "probably outdated or loosely reported, and an editor should pick the figure to stand by.",
    example="Source A: \"Tokyo holds over 60% of the regional market\"; "
            "source B: \"Japan holds more than 50% of the regional market\".",
    explanation=FigureExplanation, check=check)
