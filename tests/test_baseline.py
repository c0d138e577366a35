"""The CI gate: a baseline of known findings, fingerprints that survive ordinary edits.

Each edit is made on a copy of the seed corpus, then `checker check --baseline` is run through the
real command line (in process, so the spaCy pipeline is loaded once).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import copy_seeds, run_cli
from typer.testing import CliRunner

from checker.cli import app

# The real spaCy pipeline on real articles, or the command line in a subprocess.
pytestmark = pytest.mark.slow

runner = CliRunner()
# An article that dates an event one seed also dates, and agrees: the date edit needs a group.
DATED = "Negotiators met again in London. On June 9, Chinese and American delegations began trade negotiations in London.\n"


def cli(*args: str, env: dict | None = None):
    return runner.invoke(app, [str(a) for a in args], env=env)


def edit(corpus: Path, prefix: str, old: str, new: str) -> None:
    path = next(corpus.glob(f"{prefix}*"))
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def baselined(tmp_path: Path, *extra: tuple[str, str]) -> tuple[Path, Path]:
    corpus = copy_seeds(tmp_path, "corpus", *extra)
    base = tmp_path / "checker-baseline.json"
    res = cli("baseline", corpus, "--output", base)
    assert res.exit_code == 0, res.output
    return corpus, base


def check_json(corpus: Path, base: Path) -> tuple[int, dict]:
    res = cli("check", corpus, "--baseline", base, "--format", "json")
    assert res.exit_code in (0, 1), res.output
    return res.exit_code, json.loads(res.stdout)


def new_findings(report: dict) -> list[tuple[str, str]]:
    return sorted((f["rule"], f["subject"]) for f in report["findings"] if f["status"] == "new")


def test_the_seed_corpus_is_green_against_its_own_baseline(tmp_path):
    corpus, base = baselined(tmp_path)
    code, report = check_json(corpus, base)
    assert code == 0
    assert len(report["findings"]) == 9 and {f["status"] for f in report["findings"]} == {"baselined"}
    assert report["baseline"]["new"] == 0 and report["baseline"]["stale"] == []
    # without the baseline the same corpus fails the gate
    assert cli("check", corpus).exit_code == 1


def test_the_baseline_file_reads_well_in_a_diff(tmp_path):
    corpus, base = baselined(tmp_path)
    text = base.read_text("utf-8")
    data = json.loads(text)
    assert text == json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert set(data) == {"checker_baseline", "findings"}
    # nothing but the entries: no timestamps, no run-dependent fields
    assert all(set(e) == {"fingerprint", "rule", "subject", "hint"} for e in data["findings"])
    # written again from the same corpus: byte for byte the same
    before = base.read_bytes()
    assert cli("baseline", corpus, "--output", base).exit_code == 0
    assert base.read_bytes() == before


@pytest.mark.parametrize("label, change", [
    ("lines inserted above the claim",
     lambda c: edit(c, "004", "Rare earths at the heart of greater change\n",
                    "Editor's note: this article was updated.\n\nRare earths at the heart of greater change\n")),
    ("a value reworded to the same quantity", lambda c: edit(c, "004", "more than 70%", "more than 70 percent")),
    ("a new article that agrees with the consensus",
     lambda c: (c / "005_wire.txt").write_text(
         "Treasury Secretary Scott Bessent and Trade Representative Jamieson Greer met Vice Premier He Lifeng in "
         "London. China controls over 80% of global rare earth supply, analysts said.\n", "utf-8")),
])
def test_ordinary_edits_create_no_new_finding(tmp_path, label, change):
    corpus, base = baselined(tmp_path)
    change(corpus)
    code, report = check_json(corpus, base)
    assert (code, new_findings(report), report["baseline"]["stale"]) == (0, [], []), label


def test_a_fixed_typo_leaves_a_stale_entry_that_prune_drops(tmp_path):
    corpus, base = baselined(tmp_path)
    edit(corpus, "000", "Jeff Bessant", "Scott Bessent")
    code, report = check_json(corpus, base)
    assert code == 0 and new_findings(report) == []
    assert [(e["rule"], e["subject"]) for e in report["baseline"]["stale"]] == [("NAME001", "Scott Bessent")]
    res = cli("check", corpus, "--baseline", base)
    assert "stale baseline entry" in res.stderr
    # kept until pruned
    assert cli("baseline", corpus, "--output", base).exit_code == 0
    assert len(json.loads(base.read_text())["findings"]) == 9
    assert cli("baseline", corpus, "--output", base, "--prune").exit_code == 0
    assert len(json.loads(base.read_text())["findings"]) == 8
    assert check_json(corpus, base)[1]["baseline"]["stale"] == []


@pytest.mark.parametrize("label, change, expected", [
    ("a figure changed in one source", lambda c: edit(c, "004", "more than 70%", "more than 60%"),
     [("NUM002", "China: global supply")]),
    ("a name misspelt", lambda c: edit(c, "002", "Jamieson Greer", "Jamiesen Greer"), [("NAME002", "Jamieson Greer")]),
    ("a first name changed", lambda c: edit(c, "002", "Howard Lutnick", "Peter Lutnick"), [("NAME001", "Howard Lutnick")]),
    ("a title changed", lambda c: edit(c, "002", "US Commerce Secretary Howard Lutnick", "US Treasury Secretary Howard Lutnick"),
     [("ROLE001", "Howard Lutnick")]),
    ("a new article with a figure that disagrees",
     lambda c: (c / "005_wire.txt").write_text("China controls over 90% of global rare earth supply, analysts said.\n", "utf-8"),
     [("NUM002", "China: global supply")]),
])
def test_real_changes_create_a_new_finding(tmp_path, label, change, expected):
    corpus, base = baselined(tmp_path)
    change(corpus)
    code, report = check_json(corpus, base)
    assert (code, new_findings(report)) == (1, expected), label


def test_a_changed_date_creates_a_new_finding(tmp_path):
    corpus, base = baselined(tmp_path, ("005_wire.txt", DATED))
    code, report = check_json(corpus, base)
    assert code == 0  # the two sources agree on the date: grouped, no finding
    edit(corpus, "000", "on June 9, Chinese", "on June 19, Chinese")
    code, report = check_json(corpus, base)
    assert (code, new_findings(report)) == (1, [("DATE001", "China: delegation")])


def test_only_new_findings_at_or_above_fail_on_fail_the_gate(tmp_path):
    corpus, base = baselined(tmp_path)
    edit(corpus, "002", "Jamieson Greer", "Jamiesen Greer")  # a new warning
    assert cli("check", corpus, "--baseline", base, "--fail-on", "error").exit_code == 0
    assert cli("check", corpus, "--baseline", base, "--fail-on", "warning").exit_code == 1


def test_an_accepted_finding_keeps_its_justification(tmp_path):
    corpus, base = baselined(tmp_path)
    edit(corpus, "002", "Jamieson Greer", "Jamiesen Greer")
    fp = next(f["fingerprint"] for f in check_json(corpus, base)[1]["findings"] if f["status"] == "new")
    res = cli("accept", corpus, fp, "--reason", "The outlet spells his name this way; confirmed with the desk.",
              "--baseline", base)
    assert res.exit_code == 0, res.output
    code, report = check_json(corpus, base)
    assert code == 0
    accepted = next(f for f in report["findings"] if f["fingerprint"] == fp)
    assert (accepted["status"], accepted["justification"]) == (
        "baselined", "The outlet spells his name this way; confirmed with the desk.")
    entry = next(e for e in json.loads(base.read_text())["findings"] if e["fingerprint"] == fp)
    assert entry["justification"].startswith("The outlet")
    # re-recording the baseline keeps the justification
    assert cli("baseline", corpus, "--output", base).exit_code == 0
    entry = next(e for e in json.loads(base.read_text())["findings"] if e["fingerprint"] == fp)
    assert entry["justification"].startswith("The outlet")
    # an unknown fingerprint or an empty reason is a usage error
    assert cli("accept", corpus, "0000000000000000", "--reason", "x", "--baseline", base).exit_code == 2
    assert cli("accept", corpus, fp, "--reason", " ", "--baseline", base).exit_code == 2


def test_a_bad_baseline_is_one_line_and_exit_2(tmp_path):
    corpus = copy_seeds(tmp_path)
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", "utf-8")
    for path in (bad, tmp_path / "missing.json"):
        proc = run_cli("check", str(corpus), "--baseline", str(path))
        assert proc.returncode == 2
        assert len(proc.stderr.strip().splitlines()) == 1 and str(path) in proc.stderr


def test_the_baseline_path_comes_from_the_configuration(tmp_path):
    corpus, base = baselined(tmp_path)
    (tmp_path / "checker.toml").write_text('baseline = "checker-baseline.json"\n', "utf-8")
    res = cli("check", corpus, "--format", "json", "--config", tmp_path / "checker.toml")
    assert res.exit_code == 0, res.output
    assert {f["status"] for f in json.loads(res.stdout)["findings"]} == {"baselined"}
