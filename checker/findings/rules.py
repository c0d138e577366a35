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
         "Intervals that do not overlap (\"35%\" against \"45%\", \"under 12\" against \"15\") mean at least one "
         "source is wrong about a figure readers will quote.",
         "Source A: \"the union represents 40% of nurses\"; source B: \"the union represents 75% of nurses\"."),
    Rule("NUM002", "number-divergence", "number", "warning",
         "Sources state different figures for the same quantity that can both be true.",
         "\"over 60%\" and \"more than 50%\" overlap, but the sources state different figures: one of them is "
         "probably outdated or loosely reported, and an editor should pick the figure to stand by.",
         "Source A: \"Tokyo holds over 60% of the regional market\"; source B: \"Japan holds more than 50% of the regional market\"."),
    Rule("DATE001", "date-contradiction", "date", "error",
         "Sources date the same event to days that do not overlap.",
         "A wrong date is a factual error that readers and other outlets copy.",
         "Source A: \"the talks began on June 9\"; source B: \"the talks began on June 12\"."),
    Rule("NAME001", "name-different-given-name", "name", "error",
         "One source gives a person, identified by surname and title, a different first name.",
         "A different first name names a different person: it is a factual error, not a typo.",
         "\"Finance Minister Anna Kowalska\" where other sources have \"Finance Minister Maria Kowalska\"."),
    Rule("NAME002", "name-spelling-variant", "name", "warning",
         "One source spells a person's name differently from the other sources.",
         "Misspelt names undermine trust and break search; the majority spelling is shown for reference, "
         "never imposed.",
         "\"Olav Brandt\" where other sources have \"Olaf Brandt\"."),
    Rule("NAME003", "name-garbled", "name", "warning",
         "A name in one source looks like a garbled form of a person the other sources name.",
         "Machine translation and transcription turn names into other words; a quote or a title then points "
         "at a person nobody else mentions.",
         "\"Brunt told journalists\" in an article whose other mentions are of Olaf Brandt, whom no source calls Brunt."),
    Rule("ROLE001", "role-conflict", "role", "warning",
         "One source gives a person a title that conflicts with the title the other sources give.",
         "A wrong title misstates who holds which office; synonyms (Foreign Minister = Minister of Foreign Affairs) "
         "and additional titles are not conflicts. Conflicts are a different portfolio for the same office, a "
         "different office at the same rank, or a portfolio replaced by a place (\"Minister of Canada\" for "
         "\"Finance Minister\"), as word-for-word translation renders titles.",
         "\"Minister of Health Ana Ruiz\" where other sources have \"Finance Minister Ana Ruiz\"."),
    Rule("TRANS001", "translation-garble", "translation", "warning",
         "A phrase differs by one word from a fixed phrase every other source uses.",
         "Machine translation renders set phrases word by word (\"interest taxes\" for \"interest rates\"); the garbled "
         "phrase misleads readers and hides the passage from search.",
         "\"interest taxes\" (twice) where the other sources write \"interest rates\"."),
)}
