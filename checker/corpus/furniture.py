"""Page furniture: navigation, advertising, credits, contact blocks. Never a claim.

A line is furniture when it matches a pattern in data/furniture.toml; short lines
next to furniture become furniture too, because menus and footers come in runs.

Bounded: a line longer than MAX_FURNITURE_CHARS is never furniture (menus and credits are short, and a
pattern of the user's with nested quantifiers is quadratic in a line's length), and a pattern that finds a
phrase inside a line (not one anchored with '^') does not cut a line that reads as reporting: a sentence of
REPORTING_WORDS words or more, with a figure ("Its weekly newsletter said on Monday that exports to the region
rose 12% in March." keeps its figure) or a word that says who said it ('"Call us and we will book the car in,"
she said.'; data/furniture.toml reporting_words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.values.vocabulary import Vocabulary, default_vocabulary

MAX_FURNITURE_CHARS = 1_000
REPORTING_WORDS = 12


@dataclass(frozen=True)
class FurnitureRules:
    patterns: tuple[re.Pattern[str], ...]
    short_line_words: int
    reporting: re.Pattern[str] | None = None  # a word that says who said it ("said", "told")

    @staticmethod
    def of(vocab: Vocabulary) -> FurnitureRules:
        """The rules a vocabulary's furniture patterns make, compiled once."""
        return vocab.derived("furniture_rules", lambda v: FurnitureRules(
            patterns=tuple(re.compile(p, re.IGNORECASE) for p in v.furniture.line_patterns),
            short_line_words=v.furniture.short_line_words,
            reporting=re.compile(r"\b(" + "|".join(re.escape(w) for w in v.furniture.reporting_words) + r")\b",
                                 re.IGNORECASE) if v.furniture.reporting_words else None,
        ))


def default_rules() -> FurnitureRules:
    return FurnitureRules.of(default_vocabulary())


def furniture_lines(lines: list[str], rules: FurnitureRules | None = None) -> set[int]:
    """0-based indexes of the lines that are furniture."""
    rules = rules or default_rules()
    marked = {i for i, line in enumerate(lines) if line.strip() and _furniture(line, rules)}
    # Spread through neighbouring short lines (blank lines between do not stop it). Not into a short line
    # with a figure: a headline's, not a menu's ("Vincent Marrowby, 78, Crime Boss" above its date line).
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    short = {i for i in nonblank if len(lines[i].split()) <= rules.short_line_words
             and not any(ch.isdigit() for ch in lines[i])}
    changed = True
    while changed:
        changed = False
        for k, i in enumerate(nonblank):
            if i in marked or i not in short:
                continue
            neighbours = nonblank[max(k - 1, 0) : k + 2]
            if any(n in marked for n in neighbours if n != i):
                marked.add(i)
                changed = True
    return marked


def _furniture(line: str, rules: FurnitureRules) -> bool:
    if len(line) > MAX_FURNITURE_CHARS:
        return False
    reporting = len(line.split()) >= REPORTING_WORDS and line.rstrip().endswith((".", "!", "?", '"', "\u201d")) \
        and (any(ch.isdigit() for ch in line) or rules.reporting is not None and rules.reporting.search(line) is not None)
    return any(p.search(line) for p in rules.patterns if not (reporting and not p.pattern.startswith("^")))
