"""The package-level import graph of checker/, checked against the stages.

    python tools/import_graph.py          # prints the graph; exits 1 on an upward import or a cycle

Stages, bottom to top: each may import only from itself and the stages below it. Every import
counts, at module level or inside a function, so a lazy import cannot hide an upward one.
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

STAGES = ("values", "corpus", "nlp", "claims", "align", "groups", "findings", "reports", "config", "run", "distributed", "cli", "__main__")
PACKAGE = Path(__file__).resolve().parents[1] / "checker"


def stage_of(module: str) -> str | None:
    """'checker.values.numbers' -> 'values'; 'checker' (the version) -> None."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "checker" else None


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def imports(path: Path) -> set[str]:
    """Modules of checker imported anywhere in a file."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return {m for m in found if m == "checker" or m.startswith("checker.")}


def graph() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = defaultdict(set)
    for path in sorted(PACKAGE.rglob("*.py")):
        here = stage_of(module_name(path))
        if here is None:
            continue
        edges[here]  # every stage is a node, even one that imports nothing
        for target in imports(path):
            there = stage_of(target)
            if there is not None and there != here:
                edges[here].add(there)
    return dict(edges)


def problems(edges: dict[str, set[str]]) -> list[str]:
    out = []
    for here in sorted(edges):
        if here not in STAGES:
            out.append(f"{here}: not a known stage; add it to STAGES in its place")
            continue
        for there in sorted(edges[here]):
            if there not in STAGES or STAGES.index(there) > STAGES.index(here):
                out.append(f"{here} imports {there}, a stage above it")
    # A cycle needs an upward edge, but unknown stages have no rank: look for cycles directly.
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                out.append("cycle: " + " -> ".join([*trail[trail.index(nxt):], nxt]))
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    return out


def main() -> int:
    edges = graph()
    for here in sorted(edges, key=lambda s: STAGES.index(s) if s in STAGES else len(STAGES)):
        rank = lambda s: STAGES.index(s) if s in STAGES else len(STAGES)  # noqa: E731
        print(f"{here:<9} -> {', '.join(sorted(edges[here], key=rank)) or '(nothing)'}")
    found = problems(edges)
    for p in found:
        print(f"error: {p}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
