"""NAME001 name-different-given-name: a person, known by surname and title, by aligned sentences, or as the only
person of that surname the other sources name, given another first (or middle) name."""

from __future__ import annotations

from checker.findings.context import Context
from checker.findings.finding import Finding
from checker.findings.names import DIFFERENT, NameExplanation, variant_findings
from checker.findings.registry import Rule


def check(context: Context) -> list[Finding]:
    return variant_findings(RULE, context.people, DIFFERENT, context.vocabulary, context.corpus)


RULE = Rule(
    "NAME001", "name-different-given-name", "name", "error",
    summary="One source gives a person a different first (or middle) name; the person is identified by surname and "
            "title, by aligned sentences, or as the only person of that surname whom most sources name in full.",
    why="A different first name names a different person: it is a factual error, not a typo.",
    example="\"Finance Minister Anna Kowalska\" where other sources have \"Finance Minister Maria Kowalska\".",
    explanation=NameExplanation, check=check)
