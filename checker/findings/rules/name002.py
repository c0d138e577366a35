"""NAME002 name-spelling-variant: a person's name spelt differently from the other sources.

Spellings the configuration accepts as one name ([vocabulary] spellings) are not flagged, nor one name
romanised two ways ("Heydar", "Heidar": words.toml romanisations).
"""

from __future__ import annotations

from checker.findings.context import Context
from checker.findings.finding import Finding
from checker.findings.names import SPELLING, NameExplanation, variant_findings
from checker.findings.registry import Rule


def check(context: Context) -> list[Finding]:
    return variant_findings(RULE, context.people, SPELLING, context.vocabulary, context.corpus)


RULE = Rule(
    "NAME002", "name-spelling-variant", "name", "warning",
    summary="One source spells a person's name differently from the other sources.",
    why="Misspelt names undermine trust and break search; the majority spelling is shown for reference, "
        "never imposed. One name romanised two ways (\"Heydar\", \"Heidar\") is a convention, not a misspelling.",
    example="\"Olaf Brant\" where other sources have \"Olaf Brandt\"; \"Catherine Moore\" for \"Katherine Moore\".",
    explanation=NameExplanation, check=check)
