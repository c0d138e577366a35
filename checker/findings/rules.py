"""The rule catalogue: every check has a code, a kind, a default severity, a summary and a why.

Severity is configurable per rule (config.py); the catalogue is documented in docs/rules.md,
which a test keeps in step with this table.
"""

from __future__ import annotations

from dataclasses import dataclass

SEVERITIES = ("error", "warning", "info")
KINDS = ("number", "date", "name", "role", "translation", "coverage")


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    kind: str
    severity: str
    summary: str
    why: str
    example: str


RULES: dict[str, Rule] = {r.code: r for r in (
    Rule("NUM001", "number-contradiction", "number", "error",
         "Sources give figures for the same quantity that cannot both be true.",
         "Intervals that do not overlap (\"30%\" against \"45%\", \"under 10\" against \"12\") mean at least one "
         "source is wrong about a figure readers will quote.",
         "Source A: \"China controls 60% of global supply\"; source B: \"China controls 90% of global supply\"."),
    Rule("NUM002", "number-divergence", "number", "warning",
         "Sources state different figures for the same quantity that can both be true.",
         "\"over 80%\" and \"more than 70%\" overlap, but the sources state different figures: one of them is "
         "probably outdated or loosely reported, and an editor should pick the figure to stand by.",
         "Source A: \"controlling over 80% of the global supply\"; source B: \"controls more than 70% of global supply\"."),
    Rule("DATE001", "date-contradiction", "date", "error",
         "Sources date the same event to days that do not overlap.",
         "A wrong date is a factual error that readers and other outlets copy.",
         "Source A: \"the talks began on June 9\"; source B: \"the talks began on June 12\"."),
    Rule("NAME001", "name-different-given-name", "name", "error",
         "One source gives a person, identified by surname and title, a different first name.",
         "A different first name names a different person: it is a factual error, not a typo.",
         "\"Treasury Secretary Jeff Bessant\" where other sources have \"Treasury Secretary Scott Bessent\"."),
    Rule("NAME002", "name-spelling-variant", "name", "warning",
         "One source spells a person's name differently from the other sources.",
         "Misspelt names undermine trust and break search; the majority spelling is shown for reference, "
         "never imposed.",
         "\"Jamison Greer\" where other sources have \"Jamieson Greer\"."),
    Rule("NAME003", "name-garbled", "name", "warning",
         "A name in one source looks like a garbled form of a person the other sources name.",
         "Machine translation and transcription turn names into other words; a quote or a title then points "
         "at a person nobody else mentions.",
         "\"Larick told journalists\" in an article whose other mentions are of Lutnick."),
    Rule("ROLE001", "role-conflict", "role", "warning",
         "One source gives a person a title that conflicts with the title the other sources give.",
         "A wrong title misstates who holds which office; synonyms (Vice Premier = Deputy Prime Minister) "
         "and additional titles are not conflicts.",
         "\"Secretary for Trade Howard Lutnick\" where other sources have \"Commerce Secretary Howard Lutnick\"."),
    Rule("TRANS001", "translation-garble", "translation", "warning",
         "A phrase differs by one word from a fixed phrase every other source uses.",
         "Machine translation renders set phrases word by word (\"rare land\" for \"rare earth\"); the garbled "
         "phrase misleads readers and hides the passage from search.",
         "\"rare land metals\" where the other sources write \"rare earth\"."),
)}
