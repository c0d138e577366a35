"""The layout holds: stages import downward only, the lower stages load no spaCy, the code is lint-clean."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("import_graph", ROOT / "tools" / "import_graph.py")
import_graph = importlib.util.module_from_spec(spec)
spec.loader.exec_module(import_graph)


def test_no_stage_imports_one_above_it_and_there_is_no_cycle():
    edges = import_graph.graph()
    assert import_graph.problems(edges) == []
    assert set(edges) == set(import_graph.STAGES)


def test_the_checker_catches_an_upward_import_and_a_cycle():
    """The check itself can fail: an upward edge and a cycle between two stages are both reported."""
    edges = {"values": {"claims"}, "claims": {"values"}}
    found = import_graph.problems(edges)
    assert "values imports claims, a stage above it" in found
    assert any(p.startswith("cycle: ") for p in found)
    assert import_graph.problems({"values": set(), "widgets": set()}) == [
        "widgets: not a known stage; add it to STAGES in its place"]


def test_a_lazy_import_inside_a_function_counts(tmp_path):
    path = tmp_path / "lazy.py"
    path.write_text("def f():\n    from checker.reports import render_json\n    import checker.cli\n", "utf-8")
    assert import_graph.imports(path) == {"checker.reports", "checker.cli"}


def test_the_command_prints_the_graph_and_exits_0():
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "import_graph.py")], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0].split() == ["values", "->", "(nothing)"]


def test_values_corpus_align_groups_findings_reports_and_config_load_no_spacy():
    """`checker rules`, a report or a configuration must not pay for importing spaCy."""
    code = ("import sys, checker.values.numbers, checker.values.compare, checker.corpus, checker.align, checker.groups.figures, checker.groups.aligned, "
            "checker.groups.people, checker.findings, checker.findings.result, checker.reports, checker.config\n"
            "print(sorted(m for m in sys.modules if m == 'spacy' or m.startswith('spacy.')))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_ruff_finds_nothing():
    proc = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "."], capture_output=True, text=True,
                          cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
