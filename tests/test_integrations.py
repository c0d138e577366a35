"""The integrations a newsroom copies: the pre-commit hook and the documented CI set-up (docs/ci.md),
each run for real on a copy of the seed corpus."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import check_jsonschema
import jsonschema
import pytest
import yaml
from conftest import ROOT, copy_seeds
from pre_commit.clientlib import load_manifest

# The real spaCy pipeline on real articles, or the command line in a subprocess.
pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent  # where the `checker` console script is installed
DOCS = (ROOT / "docs" / "ci.md").read_text("utf-8")


def blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", DOCS, re.S)


def shell(command: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", command], cwd=cwd, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", **(env or {})})


def story(tmp_path: Path) -> Path:
    copy_seeds(tmp_path, "stories/trade-talks")
    return tmp_path


def test_pre_commit_hook_is_a_valid_manifest_and_its_entry_runs(tmp_path):
    hooks = load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))  # pre-commit's own schema check
    hook = next(h for h in hooks if h["id"] == "checker")
    assert hook["pass_filenames"] is False and hook["language"] == "python"
    copy_seeds(tmp_path)
    command = " ".join([hook["entry"], *map(shlex.quote, hook["args"])])
    assert shell(command, tmp_path).returncode == 1  # the seeds disagree, and no baseline holds that
    assert shell("checker baseline corpus --output base.json", tmp_path).returncode == 0
    assert shell(f"{command} --baseline base.json", tmp_path).returncode == 0


def test_the_documented_cycle_runs_as_written(tmp_path):
    folder = story(tmp_path)
    cycle = blocks("sh")[0]
    steps = [s for s in re.split(r"\n(?=# \d)", cycle.replace("\\\n", " ")) if "checker" in s]
    assert len(steps) == 4
    for step in steps:
        command = "\n".join(line for line in step.splitlines() if not line.startswith("#"))
        proc = shell(command, folder)
        assert proc.returncode == 0, (command, proc.stderr)
    baseline = json.loads((folder / "stories/trade-talks/checker-baseline.json").read_text())
    accepted = [e for e in baseline["findings"] if e.get("justification")]
    assert [e["rule"] for e in accepted] == ["NAME002"]


def test_the_documented_workflow_is_valid_and_its_checker_steps_work(tmp_path):
    workflow = yaml.safe_load(next(b for b in blocks("yaml") if "jobs:" in b))
    workflow["on"] = workflow.pop(True)  # YAML 1.1 reads the key `on` as true; GitHub reads it as "on"
    schema_path = Path(check_jsonschema.__file__).parent / "builtin_schemas" / "vendor" / "github-workflows.json"
    schema = json.loads(schema_path.read_text("utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(workflow)
    job = workflow["jobs"]["checker"]
    runs = [s["run"] for s in job["steps"] if s.get("run", "").startswith("checker ")]
    assert len(runs) == 2
    gate, sarif = runs
    folder = story(tmp_path)
    env = {k: str(v) for k, v in job["env"].items()}
    summary = folder / "summary.md"
    env["GITHUB_STEP_SUMMARY"] = str(summary)
    assert shell('checker baseline "$STORY" --output "$BASELINE"', folder, env).returncode == 0
    proc = shell(gate, folder, env)
    assert proc.returncode == 0 and "::error" not in proc.stdout
    assert summary.read_text("utf-8").startswith("# Claim consistency report")
    # a pull request that misspells a name: the gate fails with one annotation, SARIF is still written
    article = folder / "stories/trade-talks/002_f38522d80aa44d63.txt"
    article.write_text(article.read_text("utf-8").replace("Jamieson Greer", "Jamiesen Greer", 1), "utf-8")
    proc = shell(gate, folder, env)
    assert proc.returncode == 1
    assert [ln.split(",")[0] for ln in proc.stdout.splitlines() if ln.startswith("::")] == [
        "::warning file=stories/trade-talks/002_f38522d80aa44d63.txt"]
    proc = shell(sarif, folder, env)
    assert proc.returncode == 0
    results = json.loads((folder / "checker.sarif").read_text("utf-8"))["runs"][0]["results"]
    assert sorted(r["baselineState"] for r in results).count("new") == 1
