"""NUM001 number-contradiction: figures for the same quantity that cannot both be true."""

from __future__ import annotations

from checker.findings.context import Context
from checker.findings.figure_verdict import FigureExplanation, figure_findings
from checker.findings.finding import Finding
from checker.findings.registry import Rule
from checker.values.compare import CONTRADICT


def check(context: Context) -> list[Finding]:
    return figure_findings(RULE, context.groups, "quantity", CONTRADICT, context.corpus, context.claims)


RULE = Rule(
    "NUM001", "number-contradiction", "number", "error",
    summary="Sources give figures for the same quantity that cannot both be true.",
    why="Intervals that do not overlap (\"35%\" against \"45%\", \"under 12\" against \"15\") mean at least one "
        "source is wrong about a figure readers will quote.",
    example="Source A: \"the union represents 40% of nurses\"; source B: \"the union represents 75% of nurses\".",
    explanation=FigureExplanation, check=check)
