"""NAME003 name-garbled: a name or title that looks like a garbled form of a person of the story.

Which mentions are garbled is found by the clustering (groups/people.py, pass 3); this rule reports
them against the person's best-attested name.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.findings.context import Context
from checker.findings.explanation import Explanation
from checker.findings.finding import Finding
from checker.findings.names import mention_evidence, reference_evidence
from checker.findings.registry import Rule
from checker.groups.people import name_words


@dataclass(frozen=True)
class GarbledExplanation(Explanation):
    garbled: str
    person: str
    reason: str


def check(context: Context) -> list[Finding]:
    findings = []
    for p in context.people:
        major = p.name
        # One finding per garbled word and source, quoting each of its mentions there: the same
        # garbling twice in one article is one thing to fix, with one fingerprint.
        by_word: dict[tuple[str, str], list] = {}
        for m, why in p.garbled:
            shown = name_words(m)[0] if m.kind == "person" else m.span
            by_word.setdefault((shown.lower(), m.source), []).append((m, why, shown))
        for (_, source), found in by_word.items():
            m, why, shown = found[0]
            exclude = {source} if m.kind == "person" else set()
            evidence = [mention_evidence(x, context.corpus, True) for x, _, _ in found]
            evidence += reference_evidence(p, exclude, context.corpus, major)
            times = f" ({len(found)} times)" if len(found) > 1 else ""
            findings.append(Finding.from_rule(RULE, major, f"'{shown}' in {source}{times} looks like a garbled {major}",
                                              evidence, GarbledExplanation(shown, major, why),
                                              key=(shown.lower(), source)))
    return findings


RULE = Rule(
    "NAME003", "name-garbled", "name", "warning",
    summary="A name in one source looks like a garbled form of a person the other sources name.",
    why="Machine translation and transcription turn names into other words; a quote or a title then points "
        "at a person nobody else mentions.",
    example="\"Brunt told journalists\" in an article whose other mentions are of Olaf Brandt, "
            "whom no source calls Brunt.",
    explanation=GarbledExplanation, check=check)
