"""Stage 4: findings. The rule catalogue, Finding and Evidence, fingerprints."""

from checker.findings.finding import Evidence, Finding
from checker.findings.rules import RULES, Rule

__all__ = ["Evidence", "Finding", "RULES", "Rule"]
