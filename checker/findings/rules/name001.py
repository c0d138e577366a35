"""NAME001 name-different-given-name: a person, known by surname and title, given another first name."""

from __future__ import annotations

from checker.findings.context import Context
from checker.findings.finding import Finding
from checker.findings.names import DIFFERENT, NameExplanation, variant_findings
from checker.findings.registry import Rule


def check(context: Context) -> list[Finding]:
    return variant_findings(RULE, context.people, DIFFERENT, context.vocabulary, context.corpus)


RULE = Rule(
    "NAME001", "name-different-given-name", "name", "error",
    summary="One source gives a person, identified by surname and title, a different first name.",
    why="A different first name names a different person: it is a factual error, not a typo.",
    example="\"Finance Minister Anna Kowalska\" where other sources have \"Finance Minister Maria Kowalska\".",
    explanation=NameExplanation, check=check)
