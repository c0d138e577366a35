"""NUM003 outdated-figure: a count that moved one way as the story developed, in dated articles.

The judgement is figure_verdict.figure_update: a group NUM001 or NUM002 would report, of a count a
story moves (a frame's count of people, a plain count), whose sources all carry an article date and
whose figures, in date order, only rise or only fall. Such a group is reported here, not there.
"""

from __future__ import annotations

from checker.findings.context import Context
from checker.findings.figure_verdict import UpdateExplanation, update_findings
from checker.findings.finding import Finding
from checker.findings.registry import Rule


def check(context: Context) -> list[Finding]:
    return update_findings(RULE, context.groups, context.corpus, context.claims)


RULE = Rule(
    "NUM003", "outdated-figure", "number", "info",
    summary="An earlier article gives a count that later articles, by their dates, have updated.",
    why="Death tolls, arrests and other counts move while a story develops: an earlier figure that later "
        "reporting has superseded is not a contradiction, but a reader of the earlier article should know "
        "it is out of date. It needs every article's date (front matter or a sidecar `date`); without "
        "them the figures are compared as NUM001 and NUM002 do.",
    example="Source A, dated March 14: \"41 people died\"; source B, dated March 15: \"the death toll rose to 47\".",
    explanation=UpdateExplanation, check=check)
