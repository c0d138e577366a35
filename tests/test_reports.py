"""Reports: one result, several views; quoted text cannot break the markdown."""

from __future__ import annotations

import pytest

from checker.reports.markdown import md, quote


def test_markdown_escapes_article_text():
    hostile = "Prices | rose *50%* <script>alert(1)</script> [link](http://x) `code` # not a heading\nnext"
    out = md(hostile)
    assert "|" not in out.replace("\\|", "")
    assert "<" not in out.replace("\\<", "")
    assert "\n" not in out
    assert "*" not in out.replace("\\*", "")


def test_quote_bolds_the_span_and_keeps_spaces():
    assert quote("China controls more than 70% of global supply.", "more than 70%") == \
        "China controls **more than 70%** of global supply."


@pytest.mark.slow
def test_every_finding_view_says_the_same(seed_result):
    import json

    from checker.reports import render_json, render_markdown, render_text

    data = json.loads(render_json(seed_result))
    text = render_text(seed_result)
    md_text = render_markdown(seed_result)
    for f in data["findings"]:
        assert f["rule"] in text and f["fingerprint"] in md_text
    assert data["summary"] == {"error": 1, "warning": 8, "info": 0}


def test_rule_catalogue_is_documented():
    from pathlib import Path

    from checker.findings import RULES

    doc = (Path(__file__).resolve().parents[1] / "docs" / "rules.md").read_text("utf-8")
    for r in RULES.values():
        assert f"## {r.code} {r.name}" in doc
        assert r.summary in doc and r.why in doc and r.example in doc


@pytest.mark.slow
def test_the_markdown_summary_says_agreement_only_when_there_is_no_finding(seed_result, tmp_path):
    from conftest import write_corpus

    from checker.reports import render_markdown
    from checker.run import check

    assert "The sources agree on every claim" not in render_markdown(seed_result)
    agreeing = check(write_corpus(tmp_path, "The council approved a budget of $5 million on Monday.",
                                  "On Monday the council approved a $5 million budget."))
    assert not agreeing.findings
    assert "The sources agree on every claim the checker could compare." in render_markdown(agreeing)


@pytest.mark.slow
def test_the_markdown_report_against_a_baseline_shows_status_and_stale_entries(seed_result):
    from dataclasses import replace

    from checker.findings.baseline import Baseline, Entry
    from checker.findings.result import Result, apply_baseline
    from checker.reports import render_markdown

    known = Baseline.of(seed_result.findings[1:])
    known = Baseline({**known.entries, "f" * 16: Entry("f" * 16, "NUM001", "Gone: figure", "a.txt:3")})
    result = apply_baseline(replace(seed_result), known, "base.json")
    text = render_markdown(result)
    assert "| # | Severity | Rule | Kind | Subject | Flagged in | Status |" in text
    assert "Against the baseline base.json: 1 new, 8 baselined, 1 stale entry." in text
    assert "- `ffffffffffffffff` NUM001 Gone: figure (was at a.txt:3)" in text
    assert isinstance(result, Result)
