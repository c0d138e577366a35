"""Reports: one result, several views; quoted text cannot break the markdown."""

from __future__ import annotations

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


def test_every_finding_view_says_the_same(seed_result):
    from checker.reports import render_json, render_markdown, render_text
    import json

    data = json.loads(render_json(seed_result))
    text = render_text(seed_result)
    md_text = render_markdown(seed_result)
    for f in data["findings"]:
        assert f["rule"] in text and f["fingerprint"] in md_text
    assert data["summary"] == {"error": 1, "warning": 7, "info": 0}


def test_rule_catalogue_is_documented():
    from pathlib import Path

    from checker.findings import RULES

    doc = (Path(__file__).resolve().parents[1] / "docs" / "rules.md").read_text("utf-8")
    for r in RULES.values():
        assert f"## {r.code} {r.name}" in doc
        assert r.summary in doc and r.why in doc and r.example in doc
