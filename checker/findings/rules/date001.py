"""DATE001 date-contradiction: the same event dated to days that do not overlap.

Dates that only diverge ("June 9" and "June 9-10") are consistent enough, and no rule flags them; so do a day
told in a time zone and the day next to it ("Saturday (local time)" and "Friday"): one moment, told where it
happened and where the readers are.
"""

from __future__ import annotations

from checker.findings.context import Context
from checker.findings.figure_verdict import FigureExplanation, figure_findings
from checker.findings.finding import Finding
from checker.findings.registry import Rule
from checker.values.compare import CONTRADICT


def check(context: Context) -> list[Finding]:
    return figure_findings(RULE, context.groups, "date", CONTRADICT, context.corpus, context.claims)


RULE = Rule(
    "DATE001", "date-contradiction", "date", "error",
    summary="Sources date the same event to days that do not overlap.",
    why="A wrong date is a factual error that readers and other outlets copy.",
    example="Source A: \"the talks began on June 9\"; source B: \"the talks began on June 12\".",
    explanation=FigureExplanation, check=check)
