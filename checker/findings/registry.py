"""The rule registry: every check has a code, a kind, a default severity, a summary, a why, an
example and the callable that runs it.

Each rule lives in its own module of checker/findings/rules/, which registers them in catalogue
order: importing checker.findings fills RULES. Severity is configurable per rule (config.py);
docs/rules.md and `checker rules` are generated from this table (findings/catalogue.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from checker.findings.explanation import Explanation

if TYPE_CHECKING:
    from checker.findings.context import Context
    from checker.findings.finding import Finding

SEVERITIES = ("error", "warning", "info")  # most severe first: reports, sorting and --fail-on follow it
SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class Rule:
    """A catalogue entry and its check: groups in (a Context), findings out."""

    code: str
    name: str
    kind: str
    severity: str  # the default; settings may change it per rule
    summary: str
    why: str
    example: str
    explanation: type[Explanation] = Explanation  # what its findings' explanation holds
    check: Callable[[Context], list[Finding]] | None = field(default=None, compare=False, repr=False)


RULES: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    """Add a rule to the registry; the order of registration is the catalogue order."""
    if rule.code in RULES:
        raise ValueError(f"rule {rule.code} is registered twice")
    if rule.severity not in SEVERITIES:
        raise ValueError(f"rule {rule.code}: unknown severity '{rule.severity}'")
    if rule.check is None:
        raise ValueError(f"rule {rule.code} has no check")
    RULES[rule.code] = rule
    return rule


def run_rules(context: Context) -> list[Finding]:
    """Every rule's findings, rule by rule in catalogue order, at their default severity."""
    return [f for rule in RULES.values() for f in rule.check(context)]
