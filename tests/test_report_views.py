"""Every report view of one hand-built Result: fast, no spaCy, no pipeline, no seed corpus.

The Result is built by hand from three small Sources whose text really holds every quoted span (so
line and column are honest) and from Findings of real rules, built with Finding.from_rule and each
rule's own explanation type. The slow tests (test_reports.py, test_formats.py) check the same
contracts on the seed corpus through the real pipeline.
"""

from __future__ import annotations

import functools
import json
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest

from checker.corpus import Corpus, Source
from checker.corpus.source import Paragraph
from checker.findings import RULES, Evidence, Finding
from checker.findings.baseline import Baseline, Entry
from checker.findings.figure_verdict import FigureExplanation
from checker.findings.names import NameExplanation
from checker.findings.result import Result, apply_baseline
from checker.findings.rules import name001, name003, num001, num002, role001, trans001
from checker.findings.rules.name003 import GarbledExplanation
from checker.findings.rules.role001 import RoleExplanation
from checker.findings.rules.trans001 import TranslationExplanation
from checker.findings.translation_score import SIGNALS, Passage, TranslationScore
from checker.reports import FORMATS, render_github, render_json, render_markdown, render_sarif, render_text
from checker.reports.json_report import translation_dict
from checker.reports.markdown import md, quote

HOSTILE = "Kowal|ska `said` <script>alert(1)</script>"

TEXTS = {
    "a": ("Trade talks resume\n"
          "\n"
          "The union represents 40% of nurses, officials said.\n"
          "Finance Minister Maria Kowalska spoke on Monday.\n"
          "Tokyo holds over 60% of the regional market.\n"),
    "b": ("Talks in London\n"
          "\n"
          "The union represents 75% of nurses.\n"
          "Finance Minister Anna Kowalska said interest taxes would fall.\n"
          "Later, interest taxes rose again.\n"
          "Tokyo holds more than 50% of the regional market.\n"),
    "c": ("Notes from the desk\n"
          "\n"
          "The union represents 40% of nurses.\n"
          "Minister of Health Maria Kowalska said interest rates would fall.\n"
          f"Then {HOSTILE} it was fine.\n"),
}


def make_source(sid: str, text: str, path: str | None = None) -> Source:
    """A Source whose paragraphs are its non-empty lines after the headline."""
    paragraphs, offset = [], 0
    for n, line in enumerate(text.split("\n")):
        if n > 0 and line:
            paragraphs.append(Paragraph(offset, line))
        offset += len(line) + 1
    return Source(sid, path or f"corpus/{sid}.txt", text, meta={"outlet": sid.upper()}, paragraphs=paragraphs)


def make_corpus() -> Corpus:
    return Corpus(tuple(make_source(sid, text) for sid, text in TEXTS.items()))


def ev(corpus: Corpus, sid: str, span: str, flagged: bool, normalised: str = "", nth: int = 0) -> Evidence:
    """Evidence for the nth occurrence of span in a source, at its true line and column; the
    sentence is the line that holds it."""
    source = corpus[sid]
    start = -1
    for _ in range(nth + 1):
        start = source.text.index(span, start + 1)
    line, column = source.line_col(start)
    sentence = source.text.split("\n")[line - 1]
    return Evidence(sid, source.path, line, column, span, sentence, flagged, normalised)


def make_findings(corpus: Corpus) -> list[Finding]:
    num = Finding.from_rule(
        num001.RULE, "union: nurses",
        "union: nurses: '40%' (40%) in a, c; '75%' (75%) in b. 40% and 75% are disjoint; the majority gives 40%.",
        [ev(corpus, "b", "75%", True, "75%"), ev(corpus, "a", "40%", False, "40%"), ev(corpus, "c", "40%", False, "40%")],
        FigureExplanation("same subject (union), same attribute (nurses)", (("40%", ("a", "c")), ("75%", ("b",))),
                          "contradict", "40% and 75% are disjoint", "40%"),
        key=("quantity", "nurses", "union", "40%", "75%"), anchor="union: nurses")
    name = Finding.from_rule(
        name001.RULE, "Maria Kowalska",
        "Anna Kowalska in b; Maria Kowalska in 2 sources (first name 'Anna' against 'Maria')",
        [ev(corpus, "b", "Anna Kowalska", True), ev(corpus, "a", "Maria Kowalska", False),
         ev(corpus, "c", "Maria Kowalska", False)],
        NameExplanation("Anna Kowalska", "Maria Kowalska", ("a", "c"), "first name 'Anna' against 'Maria'"),
        key=("anna kowalska", "b"))
    role = Finding.from_rule(
        role001.RULE, "Maria Kowalska",
        "Maria Kowalska is 'Minister of Health' in c; 2 other sources give 'Finance Minister' (finance minister)",
        [ev(corpus, "c", "Minister of Health Maria Kowalska", True, "health minister"),
         ev(corpus, "a", "Finance Minister Maria Kowalska", False, "finance minister"),
         ev(corpus, "b", "Finance Minister Anna Kowalska", False, "finance minister")],
        RoleExplanation("Minister of Health", "health minister", "finance minister", ("a", "b"), "another portfolio"),
        key=("health minister", "c"))
    trans = Finding.from_rule(
        trans001.RULE, "interest rates",
        "'interest taxes' in b (2 times) likely stands for 'interest rates'",
        [ev(corpus, "b", "interest taxes", True), ev(corpus, "b", "interest taxes", True, nth=1),
         ev(corpus, "c", "interest rates", False)],
        TranslationExplanation("interest taxes", "interest rates", 0.92, 5, ("a", "c")),
        key=("interest|rates|taxes", "b"))
    garbled = Finding.from_rule(
        name003.RULE, "Maria Kowalska", f"'{HOSTILE}' in c looks like a garbled Maria Kowalska",
        [ev(corpus, "c", HOSTILE, True), ev(corpus, "a", "Maria Kowalska", False)],
        GarbledExplanation(HOSTILE, "Maria Kowalska", "one edit away"), key=(HOSTILE.lower(), "c"))
    # No shipped rule defaults to info; the configuration can set any rule to info (run.apply_severities).
    market = replace(Finding.from_rule(
        num002.RULE, "Tokyo: regional market",
        "Tokyo: regional market: 'over 60%' in a; 'more than 50%' in b. They overlap; no value has a majority.",
        [ev(corpus, "a", "over 60%", True, "(60, 100]%"), ev(corpus, "b", "more than 50%", True, "(50, 100]%")],
        FigureExplanation("same subject (Tokyo)", (("(50, 100]%", ("b",)), ("(60, 100]%", ("a",))),
                          "diverge", "they overlap", None),
        key=("quantity", "market", "Tokyo", "(50, 100]%", "(60, 100]%")), severity="info")
    return sorted([num, name, role, trans, garbled, market], key=Finding.sort_key)


def make_translation(corpus: Corpus, findings: list[Finding]) -> list[TranslationScore]:
    signal = {"TRANS001": "garbled-phrase", "NAME003": "garbled-name"}
    out = []
    for s in corpus:
        passages = {Passage(signal[f.rule], e.line, e.column, e.span)
                    for f in findings if f.rule in signal for e in f.evidence if e.flagged and e.source == s.id}
        out.append(TranslationScore(s.id, s.word_count, tuple(sorted(passages, key=lambda p: (p.line, p.column)))))
    return out


def make_result(findings: list[Finding] | None = None) -> Result:
    corpus = make_corpus()
    found = make_findings(corpus) if findings is None else findings
    return Result(corpus, findings=found, translation=make_translation(corpus, found))


def baselined_result() -> tuple[Result, Finding, Finding, Entry]:
    """The result against a baseline that lacks its first finding, has accepted its second, and
    holds one entry whose finding is gone."""
    result = make_result()
    first, second = result.findings[0], result.findings[1]
    known = Baseline.of(result.findings[1:]).accept(second, "Known: the outlet's own spelling.")
    gone = Entry("f" * 16, "NUM001", "Gone: figure", "corpus/a.txt:3")
    known = Baseline({**known.entries, gone.fingerprint: gone})
    return apply_baseline(result, known, "base.json"), first, second, gone


@pytest.fixture
def result() -> Result:
    return make_result()


@pytest.fixture
def empty() -> Result:
    return Result(make_corpus())


@functools.cache
def _validator(path: str):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(Path(path).read_text("utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


def sarif_validator():
    path = os.environ.get("CHECKER_SARIF_SCHEMA")
    if not path:
        pytest.skip("CHECKER_SARIF_SCHEMA is not set")
    return _validator(path)


def assert_valid_sarif(log: dict) -> None:
    errors = sorted(sarif_validator().iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def unescaped_pipes(row: str) -> int:
    return len(re.findall(r"(?<!\\)\|", row))


# --- the fixture itself ---------------------------------------------------------------------------


def test_fixture_evidence_points_at_the_quoted_text(result):
    """Line and column are 1-based and honest: the source text at line:column begins with the span."""
    for f in result.findings:
        for e in f.evidence:
            line = result.corpus[e.source].text.split("\n")[e.line - 1]
            assert line[e.column - 1:].startswith(e.span), (f.rule, e)
    assert {f.severity for f in result.findings} == {"error", "warning", "info"}


# --- text -----------------------------------------------------------------------------------------


def test_text_has_one_line_per_finding_at_its_primary_evidence(result):
    lines = render_text(result).splitlines()
    assert len(lines) == len(result.findings) + 1
    for line, f in zip(lines, result.findings):
        p = f.primary
        assert line == f"{p.path}:{p.line}:{p.column}: {f.rule} {f.severity}: {f.message}"


def test_text_summary_counts_each_severity(result, empty):
    assert render_text(result).splitlines()[-1] == "6 findings (2 error, 3 warning, 1 info) in 3 sources"
    assert render_text(empty) == "0 findings (0 error, 0 warning, 0 info) in 3 sources\n"


def test_text_against_a_baseline_marks_status_and_lists_stale_entries():
    result, first, second, gone = baselined_result()
    lines = render_text(result).splitlines()
    assert f"{first.rule} {first.severity} [new]:" in lines[0]
    assert all(" [baselined]: " in ln for ln in lines[1:len(result.findings)])
    assert lines[len(result.findings)].startswith(f"base.json: stale baseline entry {gone.fingerprint} "
                                                  f"(NUM001 Gone: figure, was at corpus/a.txt:3)")
    assert lines[-1].endswith("; 1 new, 5 baselined, 1 stale baseline entry")


# --- json -----------------------------------------------------------------------------------------


def test_json_keys_and_summary(result):
    data = json.loads(render_json(result))
    assert list(data) == ["tool", "sources", "problems", "claims", "stories", "summary", "findings"]  # no baseline key
    assert data["tool"]["name"] == "checker"
    assert data["summary"] == {"error": 2, "warning": 3, "info": 1}
    assert data["claims"] == 0 and data["problems"] == []
    keys = ["fingerprint", "rule", "kind", "severity", "subject", "message", "evidence", "explanation", "story"]
    for d in data["findings"]:
        assert list(d) == keys  # no status or justification without a baseline
        for e in d["evidence"]:
            assert list(e) == ["source", "path", "line", "column", "span", "sentence", "flagged", "normalised"]


def test_json_carries_every_finding_its_evidence_and_its_typed_explanation(result):
    data = json.loads(render_json(result))
    assert len(data["findings"]) == len(result.findings)
    for d, f in zip(data["findings"], result.findings):
        assert (d["fingerprint"], d["rule"], d["kind"], d["severity"], d["subject"], d["message"]) == \
            (f.fingerprint, f.rule, f.kind, f.severity, f.subject, f.message)
        assert d["explanation"] == f.explanation.to_dict()
        assert [(e["path"], e["line"], e["column"], e["span"], e["flagged"]) for e in d["evidence"]] == \
            [(e.path, e.line, e.column, e.span, e.flagged) for e in f.evidence]
    figures = next(d for d in data["findings"] if d["rule"] == "NUM001")["explanation"]
    assert figures["values"] == {"40%": ["a", "c"], "75%": ["b"]}  # FigureExplanation's own to_dict


def test_json_sources_carry_words_meta_and_translation_scores(result):
    data = json.loads(render_json(result))
    assert [s["id"] for s in data["sources"]] == ["a", "b", "c"]
    by_id = {s["id"]: s for s in data["sources"]}
    assert by_id["a"]["meta"] == {"outlet": "A"} and by_id["a"]["words"] == result.corpus["a"].word_count > 0
    b = by_id["b"]["translation"]
    assert b["signals"] == {"garbled-phrase": 2, "calque": 0, "garbled-name": 0, "detached-hyphen": 0}
    assert b["score"] == round(2000 / result.corpus["b"].word_count, 1)
    assert [p["text"] for p in b["passages"]] == ["interest taxes", "interest taxes"]
    assert by_id["a"]["translation"]["passages"] == []


def test_json_without_translation_scores_gives_null_per_source():
    result = make_result()
    result.translation = []
    assert [s["translation"] for s in json.loads(render_json(result))["sources"]] == [None, None, None]


def test_json_against_a_baseline_has_status_justification_and_stale_entries():
    result, first, second, gone = baselined_result()
    data = json.loads(render_json(result))
    by_fp = {d["fingerprint"]: d for d in data["findings"]}
    assert by_fp[first.fingerprint]["status"] == "new" and "justification" not in by_fp[first.fingerprint]
    assert by_fp[second.fingerprint]["justification"] == "Known: the outlet's own spelling."
    assert {d["status"] for fp, d in by_fp.items() if fp != first.fingerprint} == {"baselined"}
    assert data["baseline"] == {"path": "base.json", "new": 1, "baselined": 5, "stale": [gone.to_dict()]}


# --- markdown -------------------------------------------------------------------------------------


def test_markdown_lists_every_finding_with_its_fingerprint_and_evidence(result):
    text = render_markdown(result)
    assert "6 findings: 2 error, 3 warning, 1 info." in text
    for n, f in enumerate(result.findings, 1):
        assert f"| {n} | {f.severity} | {f.rule} | {f.kind} | {md(f.subject)} |" in text
        assert f"### {n}. {md(f.subject)} ({f.rule} {RULES[f.rule].name})" in text
        assert f"- fingerprint: `{f.fingerprint}`" in text
        for e in f.evidence:
            mark = "**flagged**" if e.flagged else "reference"
            assert f"| {mark} | {md(e.path)} | {e.line}:{e.column} | {quote(e.sentence, e.span)}" in text
    assert text.index("## Errors") < text.index("## Warnings") < text.index("## For information")


def test_markdown_bolds_the_span_in_its_sentence_and_shows_the_normalised_value(result):
    text = render_markdown(result)
    assert "| **flagged** | corpus/b.txt | 3:22 | The union represents **75%** of nurses. |" in text
    assert ("| **flagged** | corpus/c.txt | 4:1 | **Minister of Health Maria Kowalska** said interest rates "
            "would fall. → health minister |") in text


def test_markdown_escapes_hostile_article_text_in_spans(result):
    text = render_markdown(result)
    assert "<script>" not in text and "`said`" not in text
    escaped = r"Kowal\|ska \`said\` \<script\>alert\(1\)\</script\>"
    row = next(ln for ln in text.splitlines() if ln.startswith("| **flagged** | corpus/c.txt | 5:6 |"))
    assert f"Then **{escaped}** it was fine." in row
    assert unescaped_pipes(row) == 5  # the row's own cell borders, no more
    assert f"- garbled: {escaped}" in text  # the explanation is escaped too


def test_markdown_translation_and_sources_sections(result):
    text = render_markdown(result)
    assert "| Source | Words | Score | " + " | ".join(SIGNALS) + " |" in text
    assert "- corpus/b.txt: 4:37 garbled-phrase “interest taxes”; 5:8 garbled-phrase “interest taxes”" in text
    assert "| a | corpus/a.txt | A |  | " in text
    for r in RULES.values():
        assert f"| {r.code} | {r.name} | {r.kind} | {r.severity} |" in text


def test_markdown_against_a_baseline_shows_status_and_stale_entries():
    result, first, second, gone = baselined_result()
    text = render_markdown(result)
    assert "| # | Severity | Rule | Kind | Subject | Flagged in | Status |" in text
    assert f"| 1 | {first.severity} | {first.rule} |" in text and text.count(" baselined |") == 5
    assert "Against the baseline base.json: 1 new, 5 baselined, 1 stale entry." in text
    assert f"- `{gone.fingerprint}` NUM001 Gone: figure (was at corpus/a.txt:3)" in text
    assert "- baseline: baselined, accepted: Known: the outlet's own spelling." in text
    assert "- baseline: new" in text


def test_markdown_numbers_match_between_summary_and_blocks_for_sorted_findings(result):
    """The summary table numbers findings in list order, the blocks by severity section: they agree
    only because findings arrive sorted severity first (run.check sorts by Finding.sort_key)."""
    text = render_markdown(result)
    for n, f in enumerate(result.findings, 1):
        block = text[text.index(f"### {n}. "):]
        assert re.search(r"- fingerprint: `(\w+)`", block).group(1) == f.fingerprint


# --- sarif ----------------------------------------------------------------------------------------


def test_sarif_validates_against_the_schema(result, empty):
    assert_valid_sarif(json.loads(render_sarif(result)))
    assert_valid_sarif(json.loads(render_sarif(empty)))


def test_sarif_against_a_baseline_validates_against_the_schema():
    """baselineState and suppressions are where the schema puts them."""
    assert_valid_sarif(json.loads(render_sarif(baselined_result()[0])))


def test_sarif_levels_rule_ids_and_partial_fingerprints(result):
    run = json.loads(render_sarif(result))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(RULES)
    assert len(run["results"]) == len(result.findings)
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for res, f in zip(run["results"], result.findings):
        assert res["ruleId"] == f.rule == rules[res["ruleIndex"]]["id"]
        assert res["level"] == levels[f.severity]
        assert res["partialFingerprints"] == {"checker/v1": f.fingerprint}
        assert res["message"]["text"] == f.message
    assert {r["level"] for r in run["results"]} == {"error", "warning", "note"}


def test_sarif_locations_are_the_flagged_evidence_and_related_locations_the_rest(result):
    run = json.loads(render_sarif(result))["runs"][0]
    for res, f in zip(run["results"], result.findings):
        flagged = [e for e in f.evidence if e.flagged]
        others = [e for e in f.evidence if not e.flagged]
        located = [(loc["physicalLocation"]["artifactLocation"]["uri"], loc["physicalLocation"]["region"])
                   for loc in res["locations"]]
        assert [(uri, r["startLine"], r["startColumn"], r["endColumn"], r["snippet"]["text"]) for uri, r in located] \
            == [(e.path, e.line, e.column, e.column + len(e.span), e.span) for e in flagged]
        related = res.get("relatedLocations", [])
        assert [loc["id"] for loc in related] == list(range(1, len(others) + 1))
        assert [(loc["physicalLocation"]["region"]["startLine"], loc["physicalLocation"]["region"]["startColumn"])
                for loc in related] == [(e.line, e.column) for e in others]


def test_sarif_absolute_paths_become_file_uris():
    source = make_source("a", TEXTS["a"], path="/srv/news/a.txt")
    corpus = Corpus((source,))
    f = Finding.from_rule(num001.RULE, "union: nurses", "m", [ev(corpus, "a", "40%", True)],
                          FigureExplanation("g", (("40%", ("a",)),), "contradict", "r", None))
    loc = json.loads(render_sarif(Result(corpus, findings=[f])))["runs"][0]["results"][0]["locations"][0]
    assert loc["physicalLocation"]["artifactLocation"]["uri"] == "file:///srv/news/a.txt"


def test_sarif_against_a_baseline_marks_state_and_suppresses_accepted_findings():
    result, first, second, _ = baselined_result()
    results = {r["partialFingerprints"]["checker/v1"]: r for r in json.loads(render_sarif(result))["runs"][0]["results"]}
    assert results[first.fingerprint]["baselineState"] == "new"
    assert {r["baselineState"] for fp, r in results.items() if fp != first.fingerprint} == {"unchanged"}
    assert results[second.fingerprint]["suppressions"] == [
        {"kind": "external", "status": "accepted", "justification": "Known: the outlet's own spelling."}]
    assert sum("suppressions" in r for r in results.values()) == 1


# --- github ---------------------------------------------------------------------------------------


def test_github_one_annotation_per_finding(result):
    lines = render_github(result).splitlines()
    commands = {"error": "error", "warning": "warning", "info": "notice"}
    assert len(lines) == len(result.findings) + 1
    for line, f in zip(lines, result.findings):
        p = f.primary
        assert line.startswith(f"::{commands[f.severity]} file={p.path},line={p.line},col={p.column},"
                               f"title={f.rule} {RULES[f.rule].name}::")
    assert lines[-1] == "checker: 6 findings annotated"


def test_github_escapes_data_and_properties():
    """Workflow commands: %, CR and LF are escaped everywhere; ':' and ',' too in properties."""
    text = "Growth\n\nRates rose 5% on Monday.\n"
    corpus = Corpus((make_source("odd", text, path="odd dir/a:b,c%.txt"),))
    f = Finding.from_rule(num001.RULE, "rates: growth", "50% up\r\nsecond line: yes, really",
                          [ev(corpus, "odd", "5%", True)],
                          FigureExplanation("g", (("5%", ("odd",)),), "contradict", "r", None))
    line = render_github(Result(corpus, findings=[f])).splitlines()[0]
    assert line == ("::error file=odd dir/a%3Ab%2Cc%25.txt,line=3,col=12,title=NUM001 number-contradiction"
                    "::50%25 up%0D%0Asecond line: yes, really")


def test_github_against_a_baseline_annotates_only_new_findings():
    result, first, _, _ = baselined_result()
    lines = render_github(result).splitlines()
    assert len(lines) == 2 and f"line={first.primary.line}" in lines[0] and lines[0].startswith("::error ")
    assert lines[1].startswith("checker: 1 finding annotated (5 baselined, 1 stale baseline entr")


# --- every view -----------------------------------------------------------------------------------


def test_an_empty_result_says_so_in_every_view(empty):
    assert render_text(empty).startswith("0 findings ")
    data = json.loads(render_json(empty))
    assert data["findings"] == [] and data["summary"] == {"error": 0, "warning": 0, "info": 0}
    md_text = render_markdown(empty)
    assert "The sources agree on every claim the checker could compare." in md_text
    assert "## Errors" not in md_text and "| # | Severity |" not in md_text
    assert json.loads(render_sarif(empty))["runs"][0]["results"] == []
    assert render_github(empty) == "checker: 0 findings annotated\n"


def test_the_markdown_summary_does_not_claim_agreement_when_there_are_findings(result):
    assert "The sources agree" not in render_markdown(result)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_view_is_deterministic(fmt):
    render = FORMATS[fmt]
    one, two = make_result(), make_result()
    assert render(one) == render(one) == render(two)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_views_keep_the_order_they_are_given(fmt):
    """Reports do not sort: they render result.findings in the order run.check leaves them
    (sorted by Finding.sort_key). A shuffled list renders shuffled; the sorted list renders as the
    catalogue order."""
    render = FORMATS[fmt]
    ordered = make_result()
    assert ordered.findings == sorted(ordered.findings, key=Finding.sort_key)
    shuffled = make_result(list(reversed(ordered.findings)))
    assert render(make_result(sorted(shuffled.findings, key=Finding.sort_key))) == render(ordered)
    assert render(shuffled) != render(ordered)
    if fmt == "json":
        fps = [d["fingerprint"] for d in json.loads(render(shuffled))["findings"]]
        assert fps == [f.fingerprint for f in shuffled.findings]


def test_every_view_names_every_finding(result):
    """Each view carries each finding's rule; those that carry evidence locations carry each one."""
    views = {fmt: render(result) for fmt, render in FORMATS.items()}
    for f in result.findings:
        for text in views.values():
            assert f.rule in text
        for fmt in ("json", "markdown", "sarif"):
            assert f.fingerprint in views[fmt]
        p = f.primary
        assert f"{p.path}:{p.line}:{p.column}:" in views["text"]
        assert f"file={p.path},line={p.line},col={p.column}" in views["github"]
        for e in f.evidence:
            assert f"| {md(e.path)} | {e.line}:{e.column} |" in views["markdown"]


# --- edge cases that once went wrong ------------------------------------------------------------


def test_json_matches_translation_scores_to_sources_by_id_not_position(result):
    """A source without a score shows none; a score never lands on another source."""
    scores = [t for t in result.translation if t.source != "a"][::-1]
    data = json.loads(render_json(replace(result, translation=scores)))
    by_id = {s["id"]: s["translation"] for s in data["sources"]}
    assert [s["id"] for s in data["sources"]] == [s.id for s in result.sources]
    assert by_id["a"] is None
    assert scores and all(by_id[t.source] == translation_dict(t) for t in scores)


def test_markdown_with_no_claims_leaves_out_the_empty_breakdown(empty):
    first = render_markdown(empty).splitlines()[2]
    assert first.startswith("3 sources, 0 claims, 0 findings") and "()" not in first


def test_github_says_entry_for_one_stale_entry(result):
    known = Baseline({**Baseline.of(result.findings).entries, "f" * 16: Entry("f" * 16, "NUM001", "Gone", "a.txt:3")})
    one = render_github(apply_baseline(replace(result), known, "base.json")).splitlines()[-1]
    assert one.endswith("1 stale baseline entry)")
    two = Baseline({**known.entries, "e" * 16: Entry("e" * 16, "NUM001", "Gone too", "a.txt:4")})
    assert render_github(apply_baseline(replace(result), two, "base.json")).splitlines()[-1].endswith(
        "2 stale baseline entries)")


def test_text_keeps_one_line_per_finding_when_a_message_holds_a_newline(result):
    broken = replace(result.findings[0], message="first line\nsecond line")
    lines = render_text(replace(result, findings=[broken])).splitlines()
    assert len(lines) == 2 and lines[0].endswith("first line second line")


def test_a_finding_with_no_majority_flags_no_side_in_any_view():
    """One source against one: every view quotes both sides, marks neither, and points at the first
    side quoted without calling it an outlier; the message says that no side has a majority."""
    corpus = make_corpus()
    message = "Tokyo: regional market: 'over 60%' in a; 'more than 50%' in b. They overlap; no value has a majority."
    tie = Finding.from_rule(
        num002.RULE, "Tokyo: regional market", message,
        [ev(corpus, "a", "over 60%", False, "(60, 100]%"), ev(corpus, "b", "more than 50%", False, "(50, 100]%")],
        FigureExplanation("same subject (Tokyo)", (("(50, 100]%", ("b",)), ("(60, 100]%", ("a",))),
                          "diverge", "they overlap", None),
        key=("quantity", "market", "Tokyo", "(50, 100]%", "(60, 100]%"))
    result = Result(corpus, findings=[tie])
    first = tie.evidence[0]
    assert tie.primary == first
    assert render_text(result).startswith(f"{first.path}:{first.line}:{first.column}: NUM002 warning: {message}")
    assert render_github(result).startswith(f"::warning file={first.path},line={first.line},col={first.column},")
    md_text = render_markdown(result)
    assert "**flagged**" not in md_text and md_text.count("| reference |") == 2
    assert "| 1 | warning | NUM002 | number | Tokyo: regional market | none |" in md_text
    assert "- majority: none" in md_text
    res = json.loads(render_sarif(result))["runs"][0]["results"][0]
    assert res["message"]["text"] == message and "majority" in message
    assert [loc["physicalLocation"]["region"]["startLine"] for loc in res["locations"]] == [first.line]
    assert len(res["relatedLocations"]) == 1
    assert_valid_sarif(json.loads(render_sarif(result)))
    data = json.loads(render_json(result))["findings"][0]
    assert [e["flagged"] for e in data["evidence"]] == [False, False] and data["explanation"]["majority"] is None
    assert Entry.of(tie).hint == f"{first.path}:{first.line}"


# --- quoted text cannot change a report's structure, read by a real CommonMark renderer -------------

NASTY = "a|b `c` <b>d</b> [link](http://x.invalid) ![image](y.png) ::error::z *e* _f_ # g \\ h\n## i"


def _quoting(result: Result, text: str) -> Result:
    """The result with every quoted span, sentence, subject and message made of `text`."""
    findings = [replace(f, subject=text, message=f"{text}: {f.message}",
                        evidence=tuple(replace(e, span=text, sentence=f"Before {text} after.") for e in f.evidence))
                for f in result.findings]
    return replace(result, findings=findings)


def _blocks(markdown: str) -> tuple[list[tuple[str, str, int]], set[str]]:
    """The rendered page's block structure (headings, tables, rows, cells, lists) and its inline token types,
    as a GitHub-flavoured CommonMark renderer reads it."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    blocks = [(t.type, t.tag, t.level) for t in tokens if t.type != "inline"]
    inline = {c.type for t in tokens if t.type == "inline" for c in t.children or ()}
    return blocks, inline


def test_quoted_text_renders_as_text_in_the_same_structure_as_plain_text(result):
    plain_blocks, plain_inline = _blocks(render_markdown(_quoting(result, "plain words here")))
    blocks, inline = _blocks(render_markdown(_quoting(result, NASTY)))
    assert blocks == plain_blocks  # no heading, row, cell or list item more or less
    assert not {"html_inline", "html_block", "image", "link_open", "code_inline"} & (inline - plain_inline)


def test_quoted_text_cannot_start_a_workflow_command_or_a_sarif_line(result):
    hostile = _quoting(result, NASTY)
    *commands, _ = render_github(hostile).splitlines()
    assert len(commands) == len(hostile.findings)  # the newline in the message did not start a line
    assert all(c.startswith(("::error ", "::warning ", "::notice ")) and "%0A## i" in c for c in commands)
    assert len(render_text(hostile).splitlines()) == len(hostile.findings) + 1
    sarif = json.loads(render_sarif(hostile))
    assert sarif["runs"][0]["results"][0]["message"]["text"].startswith(NASTY)  # JSON keeps text as data
