"""One module a rule, each with its catalogue entry (RULE) and its check.

Importing this package registers every rule; the order below is the catalogue order: figures,
then people (names, then roles), then translation.
"""

from checker.findings.registry import RULES, SEVERITIES, Rule, register, run_rules
from checker.findings.rules import (
    date001,
    date002,
    name001,
    name002,
    name003,
    name004,
    num001,
    num002,
    num003,
    num004,
    num005,
    num006,
    role001,
    trans001,
    trans002,
)

MODULES = (num001, num002, num003, num004, num005, num006, date001, date002, name001, name002, name003, name004, role001,
           trans001, trans002)
for _module in MODULES:
    register(_module.RULE)

__all__ = ["MODULES", "RULES", "SEVERITIES", "Rule", "run_rules"]
