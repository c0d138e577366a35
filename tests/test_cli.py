"""The command line as users and CI run it: exit codes, formats, files, bad input."""

from __future__ import annotations

import json
import random
import re
import shutil
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT, copy_seeds, run_cli

# The real spaCy pipeline on real articles, or the command line in a subprocess.
pytestmark = pytest.mark.slow


def test_check_text_format_is_one_line_a_finding(seed_result):
    proc = run_cli("check", "corpus")
    assert proc.returncode == 1
    lines = proc.stdout.strip().split("\n")
    assert len(lines) == len(seed_result.findings) + 1
    assert lines[0].startswith("corpus/000_91b8dec3c98daef1.txt:32:51: NAME001 error: ")
    assert lines[-1] == "9 findings (1 error, 8 warning, 0 info) in 5 sources"


def test_fail_on_threshold():
    assert run_cli("check", "corpus", "--fail-on", "error").returncode == 1  # one error
    proc = run_cli("check", "corpus", "--fail-on", "warning")
    assert proc.returncode == 1


def test_exit_0_when_sources_agree(tmp_path: Path):
    (tmp_path / "a.txt").write_text("China controls over 80% of global supply, analysts said.\n", "utf-8")
    (tmp_path / "b.txt").write_text("Analysts said China controls over 80 percent of global supply.\n", "utf-8")
    proc = run_cli("check", str(tmp_path))
    assert proc.returncode == 0, proc.stdout
    assert proc.stdout.strip() == "0 findings (0 error, 0 warning, 0 info) in 2 sources"


def test_contradiction_is_an_error_and_info_threshold(tmp_path: Path):
    (tmp_path / "a.txt").write_text("China controls 60% of global supply, analysts said.\n", "utf-8")
    (tmp_path / "b.txt").write_text("Analysts said China controls 90% of global supply.\n", "utf-8")
    proc = run_cli("check", str(tmp_path), "--format", "json")
    data = json.loads(proc.stdout)
    assert proc.returncode == 1
    assert [(f["rule"], f["severity"]) for f in data["findings"]] == [("NUM001", "error")]
    assert not any(e["flagged"] for e in data["findings"][0]["evidence"])  # no majority: neither side flagged
    assert "no value has a majority" in data["findings"][0]["message"]


def test_markdown_and_output_file(tmp_path: Path):
    out = tmp_path / "out" / "r.md"
    proc = run_cli("check", "corpus", "--format", "markdown", "-o", str(out))
    assert proc.returncode == 1 and proc.stdout == ""
    assert out.read_text("utf-8").startswith("# Claim consistency report")


def test_usage_errors_exit_2(tmp_path: Path):
    assert run_cli("check", "corpus", "--format", "yaml").returncode == 2
    assert run_cli("check", "corpus", "--fail-on", "never").returncode == 2
    proc = run_cli("check", str(tmp_path / "missing"))
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"checker: error: {tmp_path / 'missing'}: no such file or folder"  # one line
    proc = run_cli("check", str(tmp_path))  # empty folder
    assert proc.returncode == 2 and "no articles found" in proc.stderr


def test_missing_model_is_one_line(tmp_path: Path):
    proc = run_cli("check", "corpus", "--model", "xx_no_such_model")
    assert proc.returncode == 2
    err = proc.stderr.strip().split("\n")
    assert len(err) == 1 and "xx_no_such_model" in err[0] and "make install" in err[0]


def test_bad_files_are_reported_and_the_rest_checked(tmp_path: Path):
    corpus = copy_seeds(tmp_path)
    (corpus / "empty.txt").write_text("", "utf-8")
    (corpus / "latin1.txt").write_bytes("Caf\xe9 40%".encode("latin-1"))
    (corpus / "image.txt").write_bytes(b"\x00\x01\x02PNG")
    proc = run_cli("check", str(corpus), "--format", "json")
    assert proc.returncode == 1
    errs = proc.stderr.strip().split("\n")
    assert len(errs) == 3 and all(e.startswith("checker: ") for e in errs)
    assert len(json.loads(proc.stdout)["sources"]) == 5


def test_one_article_says_there_is_nothing_to_compare(tmp_path: Path):
    proc = run_cli("check", str(CORPUS / "001_f022e26ff195047d.txt"))
    assert proc.returncode == 0
    assert "only one source" in proc.stderr


def test_audit_writes_both_reports(tmp_path: Path):
    proc = run_cli("audit", "corpus", "--output-dir", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    md = (tmp_path / "report.md").read_text("utf-8")
    data = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert len(data["findings"]) == 9
    for heading in ("## Errors", "## Warnings", "## People", "## Coverage", "## Sources", "## Rules"):
        assert heading in md
    assert not list(tmp_path.glob(".*.tmp")), "temporary files left behind"


def test_claims_table_csv_and_json():
    proc = run_cli("claims", "corpus")
    assert proc.returncode == 0
    header, *rows = proc.stdout.strip().split("\n")
    assert header.startswith("story,source,line,column,kind,span,normalised")
    assert any(',over 80%,"(80, 100]%",%,over,' in r for r in rows)
    proc = run_cli("claims", "corpus", "--format", "json")
    records = json.loads(proc.stdout)
    assert len({r["story"] for r in records}) == 1 and records[0]["story"]  # the seeds are one story
    supply = [r for r in records if r["attribute"] == "supply"]
    assert {(r["span"], r["subject"]) for r in supply} == {("over 80%", "China"), ("more than 70%", "China")}


def test_same_corpus_gives_byte_identical_reports(tmp_path: Path):
    """Different hash seeds and a different file order on disk give the same bytes."""
    a = copy_seeds(tmp_path / "a")
    b = tmp_path / "b" / "corpus"
    b.mkdir(parents=True)
    names = sorted(p.name for p in CORPUS.iterdir())
    random.Random(7).shuffle(names)
    for n in names:  # created in another order
        shutil.copy(CORPUS / n, b / n)
    outs = []
    for folder, seed in ((a.parent, "1"), (b.parent, "12345")):
        proc = run_cli("audit", "corpus", "--output-dir", "out", cwd=folder, env={"PYTHONHASHSEED": seed})
        assert proc.returncode == 0, proc.stderr
        outs.append(((folder / "out" / "report.md").read_bytes(), (folder / "out" / "report.json").read_bytes()))
    assert outs[0] == outs[1]


def test_config_file_sets_rule_severity(tmp_path: Path):
    copy_seeds(tmp_path)  # tmp_path/corpus, beside the checker.toml
    (tmp_path / "checker.toml").write_text('fail-on = "error"\n[rules]\nNAME001 = "warning"\nTRANS001 = "off"\n', "utf-8")
    proc = run_cli("check", "corpus", "--format", "json", cwd=tmp_path)
    data = json.loads(proc.stdout)
    assert proc.returncode == 0  # the one error is now a warning, and fail-on is error
    assert not [f for f in data["findings"] if f["rule"] == "TRANS001"]
    assert [f["severity"] for f in data["findings"] if f["rule"] == "NAME001"] == ["warning"]
    (tmp_path / "checker.toml").write_text('[rules]\nNOPE1 = "warning"\n', "utf-8")
    proc = run_cli("check", "corpus", cwd=tmp_path)
    assert proc.returncode == 2 and "unknown rule 'NOPE1'" in proc.stderr


def test_readme_excerpt_matches_the_report():
    """The README quotes the seed report's summary; keep it true."""
    readme = (ROOT / "README.md").read_text("utf-8").splitlines()
    report = (ROOT / "reports" / "report.md").read_text("utf-8").splitlines()
    assert report[2] in readme  # the summary line
    rows = [ln for ln in report if re.match(r"\| \d+ \| (error|warning|info) \|", ln)]
    quoted = [ln for ln in readme if re.match(r"\| \d+ \| (error|warning|info) \|", ln)]
    assert rows and quoted == rows


def test_committed_demo_report_is_current(tmp_path: Path):
    """reports/ holds the seed report `make report` writes; it must be what the code writes today."""
    proc = run_cli("audit", "corpus", "--output-dir", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    for name in ("report.md", "report.json"):
        assert (tmp_path / name).read_bytes() == (ROOT / "reports" / name).read_bytes(), f"reports/{name} is stale: make report"


def test_rules_prints_the_catalogue_and_loads_no_model():
    from checker.findings.catalogue import render_rules_text

    proc = run_cli("rules", env={"CHECKER_MODEL": "no_such_model"})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == render_rules_text()


def test_version():
    from checker import __version__

    proc = run_cli("--version")
    assert proc.returncode == 0 and proc.stdout == f"checker {__version__}\n"
