"""The rule catalogue as people read it: docs/rules.md and `checker rules`, generated from the registry.

    python -m checker.findings.catalogue > docs/rules.md
"""

from __future__ import annotations

import sys

from checker.findings import RULES

INTRO = """\
# Rules

Every check `checker` runs. Each rule has a code, a kind, a default severity (change it per rule in the
configuration, or turn it off), what it checks, why it matters and an example. `checker rules` lists them.
"""


def render_rules_markdown() -> str:
    """docs/rules.md."""
    out = [INTRO]
    for r in RULES.values():
        out += [f"## {r.code} {r.name}", "", f"- kind: {r.kind}", f"- default severity: {r.severity}", "",
                f"**Checks:** {r.summary}", "", f"**Why:** {r.why}", "", f"**Example:** {r.example}", ""]
    return "\n".join(out)


def render_rules_text() -> str:
    """`checker rules`: one line a rule, in columns."""
    code = max(len(r.code) for r in RULES.values())
    kind = max(len(r.kind) for r in RULES.values())
    severity = max(len(r.severity) for r in RULES.values())
    return "".join(f"{r.code:<{code}}  {r.kind:<{kind}}  {r.severity:<{severity}}  {r.name}: {r.summary}\n"
                   for r in RULES.values())


if __name__ == "__main__":
    sys.stdout.write(render_rules_markdown())
