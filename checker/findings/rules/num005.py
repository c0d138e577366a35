"""NUM005 scale-slip: the same digits with another scale word ("$240 billion" for "$240 million")."""

from __future__ import annotations

from dataclasses import dataclass

from checker.findings.context import Context
from checker.findings.explanation import Explanation
from checker.findings.figure_verdict import figure_verdicts
from checker.findings.finding import Evidence, Finding
from checker.findings.registry import Rule

SCALE_WORDS = {1e3: "thousand", 1e6: "million", 1e9: "billion", 1e12: "trillion"}


@dataclass(frozen=True)
class ScaleExplanation(Explanation):
    grouped_because: str
    digits: str
    scales: tuple[tuple[str, tuple[str, ...]], ...]  # (scale word, its sources), most sources first
    majority: str | None  # the scale word more sources give, if one does
    reason: str

    def to_dict(self) -> dict:
        return {"grouped_because": self.grouped_because, "digits": self.digits,
                "scales": {w: list(s) for w, s in self.scales}, "majority": self.majority, "reason": self.reason}


def check(context: Context) -> list[Finding]:
    # A figure a figure rule already flags is reported there, with its group's other values.
    reported = {c.id for v in figure_verdicts(context.groups) for value, cs in v.by_value for c in cs
                if value in v.flagged}
    out = []
    for s in context.scale_sets:
        counts = [len({c.source for c in cs}) for _, cs in s.by_scale]
        majority = s.by_scale[0][0] if len(counts) == 1 or counts[0] > counts[1] else None
        flagged = {c.id for scale, cs in s.by_scale if majority is not None and scale != majority for c in cs}
        if flagged and flagged <= reported:
            continue
        evidence = [Evidence.of(c, context.corpus.path(c.source), c.id in flagged)
                    for _, cs in s.by_scale for c in cs]
        sides = "; ".join(f"{', '.join(repr(c.span) for c in cs)} in {', '.join(sorted({c.source for c in cs}))}"
                          for _, cs in s.by_scale)
        factor = s.by_scale[0][0] / s.by_scale[1][0]
        times = f"{max(factor, 1 / factor):,.0f} times"
        side = (f"the majority writes {SCALE_WORDS[majority]}" if majority is not None
                else "no scale word has a majority")
        reason = (f"every digit agrees and the scale words differ: one side is {times} the other, the slip of a "
                  f"scale word rather than another figure")
        message = f"{s.digits} ({s.kind.split(':')[-1] or 'no unit'}): {sides}. {reason}; {side}."
        scales = tuple((SCALE_WORDS[scale], tuple(sorted({c.source for c in cs}))) for scale, cs in s.by_scale)
        explanation = ScaleExplanation(s.reason, s.digits, scales, SCALE_WORDS[majority] if majority else None, reason)
        key = (s.digits, s.kind, *sorted(SCALE_WORDS[scale] for scale, _ in s.by_scale))
        out.append(Finding.from_rule(RULE, f"{s.digits} {SCALE_WORDS[s.by_scale[0][0]]}", message, evidence,
                                     explanation, key=key))
    return out


RULE = Rule(
    "NUM005", "scale-slip", "number", "error",
    summary="Sources give a figure with the same digits and another scale word (million, billion).",
    why="A scale word slips where digits do not, in retyped or translated copy: the figure is then a thousand "
        "times off while every digit agrees, and readers quote it. Figures are set side by side only when they "
        "are of the same kind (the same currency or counted noun) and the same words stand near them; a figure "
        "a figure rule already flags is reported there.",
    example="Source A: \"a deal worth $240 million\"; source B: \"a deal worth $240 billion\".",
    explanation=ScaleExplanation, check=check)
