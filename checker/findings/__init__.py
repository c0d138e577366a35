"""Stage 4: findings. The rule registry (one module a rule), Finding and Evidence, fingerprints."""

from checker.findings.context import Context
from checker.findings.finding import Evidence, Finding
from checker.findings.registry import SEVERITIES, SEVERITY_RANK, Rule, run_rules
from checker.findings.rules import RULES  # importing the rules registers them

__all__ = ["Context", "Evidence", "Finding", "RULES", "Rule", "SEVERITIES", "SEVERITY_RANK", "run_rules"]
