"""NAME004 name-hidden-characters: a name written with characters a reader does not see, or with a letter of
another script that looks Latin.

A zero-width space, a soft hyphen or a bidi control inside "Lindqvaard", or a Cyrillic "а" in place of the
Latin "a", leaves the name looking right on the page while every search, index and comparison misses it.
The checker reads such a name as its plain Latin letters (corpus/characters.py), so it is compared with the
other sources' spelling like any other mention; this rule says that it did so, and what it read, so that a
merge is never silent. One finding per name as written in each source.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from checker.claims.claim import ClaimKind
from checker.corpus.characters import clean, hidden
from checker.corpus.source import printable
from checker.findings.context import Context
from checker.findings.explanation import Explanation
from checker.findings.finding import Evidence, Finding
from checker.findings.registry import Rule


@dataclass(frozen=True)
class HiddenCharactersExplanation(Explanation):
    written: str  # the name as the file holds it, invisible characters escaped
    read_as: str  # the name as compared with the other sources
    characters: tuple[str, ...]  # what was read otherwise: "a zero width space (U+200B)"
    mentions: int  # mentions written this way in the source


def check(context: Context) -> list[Finding]:
    mentions = defaultdict(list)
    for c in context.claims:
        if c.kind is ClaimKind.PERSON and clean(c.span)[0] != c.span:
            mentions[(c.source, c.span)].append(c)
    out = []
    for (source, written), claims in sorted(mentions.items()):
        read_as = clean(written)[0]
        characters = tuple(hidden(written))
        message = (f"'{printable(written)}' in {source} holds {', '.join(characters)}: read as '{read_as}' and "
                   f"compared with the other sources as that"
                   + (f" ({len(claims)} mentions)" if len(claims) > 1 else ""))
        evidence = [Evidence.of(c, context.corpus.path(source), True) for c in claims]
        explanation = HiddenCharactersExplanation(printable(written), read_as, characters, len(claims))
        out.append(Finding.from_rule(RULE, read_as, message, evidence, explanation, key=(source, written)))
    return out


RULE = Rule(
    "NAME004", "name-hidden-characters", "name", "warning",
    summary="A name is written with invisible characters or a look-alike letter of another script.",
    why="A zero-width space or a Cyrillic 'а' inside a Latin name looks right on the page but defeats every "
        "search and comparison, and may be copied into other copy; the checker reads the name without it and "
        "says so, so that the merge is never silent.",
    example="\"Arvid Lindqvаard\" written with a Cyrillic 'а' (U+0430), read as \"Arvid Lindqvaard\".",
    explanation=HiddenCharactersExplanation, check=check)
