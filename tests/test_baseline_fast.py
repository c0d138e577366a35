"""The baseline on hand-built findings: fast, no spaCy, no pipeline, no seed corpus.

test_baseline.py checks the same gate end to end through the command line on edited copies of the
seed corpus; these check Baseline, Entry, compare, the file format and fingerprints directly.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from checker.corpus import Corpus, Source
from checker.findings import Evidence, Finding
from checker.findings.baseline import FORMAT, Baseline, BaselineError, Entry
from checker.findings.figure_verdict import FigureExplanation
from checker.findings.names import NameExplanation
from checker.findings.result import Result, apply_baseline
from checker.findings.rules import name001, name002, num001, role001, trans001
from checker.findings.rules.role001 import RoleExplanation
from checker.findings.rules.trans001 import TranslationExplanation
from checker.reports.json_report import baseline_counts

TEXTS = {
    "a": "Talks\n\nThe union represents 40% of nurses.\nFinance Minister Maria Kowalska spoke.\nOlaf Brandt agreed.\n",
    "b": "Talks\n\nThe union represents 75% of nurses.\nFinance Minister Anna Kowalska spoke of interest taxes.\n"
         "Olav Brandt agreed.\n",
    "c": "Talks\n\nThe union represents 40% of nurses.\nMinister of Health Maria Kowalska spoke of interest rates.\n",
}


def corpus_of(texts: dict[str, str]) -> Corpus:
    return Corpus(tuple(Source(sid, f"corpus/{sid}.txt", text) for sid, text in texts.items()))


CORPUS = corpus_of(TEXTS)


def ev(corpus: Corpus, sid: str, span: str, flagged: bool) -> Evidence:
    """Evidence at the true line and column of span's first occurrence."""
    source = corpus[sid]
    line, column = source.line_col(source.text.index(span))
    return Evidence(sid, source.path, line, column, span, source.text.split("\n")[line - 1], flagged)


def num(corpus: Corpus = CORPUS, message: str = "union: nurses: 40% against 75%") -> Finding:
    return Finding.from_rule(
        num001.RULE, "union: nurses", message,
        [ev(corpus, "b", "75%", True), ev(corpus, "a", "40%", False), ev(corpus, "c", "40%", False)],
        FigureExplanation("same subject", (("40%", ("a", "c")), ("75%", ("b",))), "contradict", "disjoint", "40%"),
        key=("quantity", "nurses", "union", "40%", "75%"), anchor="union: nurses")


def name(corpus: Corpus = CORPUS) -> Finding:
    return Finding.from_rule(
        name001.RULE, "Maria Kowalska", "Anna Kowalska in b",
        [ev(corpus, "b", "Anna Kowalska", True), ev(corpus, "a", "Maria Kowalska", False)],
        NameExplanation("Anna Kowalska", "Maria Kowalska", ("a", "c"), "first name"), key=("anna kowalska", "b"))


def spelling(corpus: Corpus = CORPUS) -> Finding:
    return Finding.from_rule(
        name002.RULE, "Olaf Brandt", "Olav Brandt in b",
        [ev(corpus, "b", "Olav Brandt", True), ev(corpus, "a", "Olaf Brandt", False)],
        NameExplanation("Olav Brandt", "Olaf Brandt", ("a",), "spelt 'Olav' against 'Olaf'"), key=("olav brandt", "b"))


def role(corpus: Corpus = CORPUS) -> Finding:
    return Finding.from_rule(
        role001.RULE, "Maria Kowalska", "Minister of Health in c",
        [ev(corpus, "c", "Minister of Health Maria Kowalska", True),
         ev(corpus, "a", "Finance Minister Maria Kowalska", False)],
        RoleExplanation("Minister of Health", "health minister", "finance minister", ("a", "b"), "portfolio"),
        key=("health minister", "c"))


def trans(corpus: Corpus = CORPUS) -> Finding:
    return Finding.from_rule(
        trans001.RULE, "interest rates", "'interest taxes' in b",
        [ev(corpus, "b", "interest taxes", True), ev(corpus, "c", "interest rates", False)],
        TranslationExplanation("interest taxes", "interest rates", 0.9, 5, ("a", "c")),
        key=("interest|rates|taxes", "b"))


def findings() -> list[Finding]:
    return sorted([num(), name(), spelling(), role(), trans()], key=Finding.sort_key)


def write(tmp_path, content, name="checker-baseline.json"):
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), "utf-8")
    return path


def assert_one_line_naming(exc: BaselineError, path) -> None:
    message = str(exc)
    assert "\n" not in message and message.startswith(f"{path}: ")


# --- compare --------------------------------------------------------------------------------------


def test_a_baseline_of_the_findings_baselines_them_all():
    fs = findings()
    comparison = Baseline.of(fs).compare(fs)
    assert [f.status for f in comparison.findings] == ["baselined"] * len(fs)
    assert comparison.stale == []


def test_compare_keeps_the_findings_and_their_order_and_leaves_the_originals_unmarked():
    fs = findings()
    marked = Baseline.of(fs).compare(list(reversed(fs))).findings
    assert [f.fingerprint for f in marked] == [f.fingerprint for f in reversed(fs)]
    assert [replace(f, status="", justification="") for f in marked] == list(reversed(fs))
    assert {f.status for f in fs} == {""}  # frozen findings: compare returns marked copies


def test_a_finding_the_baseline_lacks_is_new():
    fs = findings()
    extra = trans()
    comparison = Baseline.of([f for f in fs if f != extra]).compare(fs)
    status = {f.fingerprint: f.status for f in comparison.findings}
    assert status.pop(extra.fingerprint) == "new"
    assert set(status.values()) == {"baselined"}
    assert next(f for f in comparison.findings if f.status == "new").justification == ""


def test_a_finding_that_is_gone_leaves_a_stale_entry():
    fs = findings()
    gone = name()
    comparison = Baseline.of(fs).compare([f for f in fs if f != gone])
    assert comparison.stale == [Entry.of(gone)]
    assert {f.status for f in comparison.findings} == {"baselined"}


def test_stale_entries_are_sorted_by_rule_subject_and_fingerprint():
    comparison = Baseline.of(findings()).compare([])
    assert [(e.rule, e.subject) for e in comparison.stale] == sorted((e.rule, e.subject) for e in comparison.stale)
    assert [e.rule for e in comparison.stale] == ["NAME001", "NAME002", "NUM001", "ROLE001", "TRANS001"]


def test_an_empty_baseline_makes_every_finding_new():
    comparison = Baseline({}).compare(findings())
    assert {f.status for f in comparison.findings} == {"new"} and comparison.stale == []


def test_one_entry_per_fingerprint():
    """The same finding twice (a rule that fires twice on one thing) is one baseline entry."""
    f = num()
    assert list(Baseline.of([f, replace(f, message="reworded")]).entries) == [f.fingerprint]


# --- entries and justification ------------------------------------------------------------------


def test_an_entry_records_rule_subject_and_where_the_flagged_sides_were():
    two_flagged = replace(num(), evidence=(ev(CORPUS, "b", "Anna Kowalska", True), ev(CORPUS, "a", "40%", True),
                                           ev(CORPUS, "c", "40%", False)))
    assert Entry.of(two_flagged) == Entry(two_flagged.fingerprint, "NUM001", "union: nurses",
                                          "corpus/a.txt:3, corpus/b.txt:4")
    unflagged = replace(num(), evidence=(ev(CORPUS, "c", "40%", False), ev(CORPUS, "a", "40%", False)))
    assert Entry.of(unflagged).hint == "corpus/c.txt:3"  # no flagged side: the primary (the first)


def test_an_entry_dict_has_a_justification_only_when_given():
    f = role()
    assert Entry.of(f).to_dict() == {"fingerprint": f.fingerprint, "rule": "ROLE001", "subject": "Maria Kowalska",
                                     "hint": "corpus/c.txt:4"}
    assert Entry.of(f, "Confirmed with the desk.").to_dict()["justification"] == "Confirmed with the desk."


def test_an_accepted_finding_is_baselined_with_its_justification():
    fs = findings()
    f = spelling()
    known = Baseline({}).accept(f, "The outlet's own spelling.")
    marked = {m.fingerprint: m for m in known.compare(fs).findings}
    assert (marked[f.fingerprint].status, marked[f.fingerprint].justification) == (
        "baselined", "The outlet's own spelling.")
    assert {m.status for fp, m in marked.items() if fp != f.fingerprint} == {"new"}


def test_accept_and_updated_return_new_baselines_and_keep_justifications():
    fs = findings()
    original = Baseline.of(fs[:2])
    accepted = original.accept(fs[0], "Known.")
    assert original.entries[fs[0].fingerprint].justification == ""  # not changed in place
    updated = accepted.updated(fs[2:])
    assert updated.entries[fs[0].fingerprint].justification == "Known."  # kept, though not current: stale
    assert set(updated.entries) == {f.fingerprint for f in fs}
    pruned = accepted.updated(fs[1:], prune=True)
    assert set(pruned.entries) == {f.fingerprint for f in fs[1:]}
    assert accepted.updated([fs[0]], prune=True).entries[fs[0].fingerprint].justification == "Known."


# --- the file -----------------------------------------------------------------------------------


def test_save_then_load_round_trips_byte_for_byte(tmp_path):
    known = Baseline.of(findings()).accept(role(), "Known: the title is the outlet's.")
    path = write(tmp_path, known.render())
    loaded = Baseline.load(path)
    assert loaded == known
    assert loaded.render() == path.read_text("utf-8") == known.render()


def test_the_file_is_sorted_indented_and_ends_with_a_newline():
    text = Baseline.of(list(reversed(findings()))).render()
    data = json.loads(text)
    assert text.endswith("}\n") and text.startswith('{\n  "checker_baseline": 1,\n  "findings": [\n')
    assert list(data) == sorted(data) and data["checker_baseline"] == FORMAT
    entries = data["findings"]
    assert [(e["rule"], e["subject"], e["fingerprint"]) for e in entries] == \
        sorted((e["rule"], e["subject"], e["fingerprint"]) for e in entries)
    assert all(list(e) == sorted(e) for e in entries)
    assert text == json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def test_the_file_does_not_depend_on_the_order_of_the_findings():
    fs = findings()
    assert Baseline.of(fs).render() == Baseline.of(list(reversed(fs))).render()


def test_a_justification_survives_the_file(tmp_path):
    f = spelling()
    path = write(tmp_path, Baseline({}).accept(f, "Olav is how the outlet spells it; ünïcode kept.").render())
    assert "ünïcode" in path.read_text("utf-8")  # not \\u-escaped
    marked = Baseline.load(path).compare([f]).findings[0]
    assert marked.justification == "Olav is how the outlet spells it; ünïcode kept."


def test_hint_and_justification_are_optional_in_the_file(tmp_path):
    path = write(tmp_path, {"checker_baseline": 1, "findings": [{"fingerprint": "ab", "rule": "NUM001", "subject": "x"}]})
    assert Baseline.load(path).entries == {"ab": Entry("ab", "NUM001", "x", "", "")}


def test_a_missing_file_says_how_to_write_one(tmp_path):
    path = tmp_path / "nowhere.json"
    with pytest.raises(BaselineError) as exc:
        Baseline.load(path)
    assert_one_line_naming(exc.value, path)
    assert "checker baseline" in str(exc.value)


@pytest.mark.parametrize("content", ["{not json", "", b"\xff\xfe\x00garbage"], ids=["broken", "empty", "binary"])
def test_a_file_that_is_not_json_is_one_line_naming_it(tmp_path, content):
    path = tmp_path / "bad.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, "utf-8")
    with pytest.raises(BaselineError) as exc:
        Baseline.load(path)
    assert_one_line_naming(exc.value, path)


def test_a_directory_is_not_a_baseline(tmp_path):
    with pytest.raises(BaselineError) as exc:
        Baseline.load(tmp_path)
    assert_one_line_naming(exc.value, tmp_path)


@pytest.mark.parametrize("data", [
    [],
    {"findings": []},
    {"checker_baseline": 2, "findings": []},
    {"checker_baseline": "1", "findings": []},
    {"checker_baseline": 1},
    {"checker_baseline": 1, "findings": {"ab": {}}},
    {"checker_baseline": True, "findings": []},
    {"checker_baseline": 1.0, "findings": []},
], ids=["list", "no-version", "version-2", "version-string", "no-findings", "findings-not-a-list", "version-true",
        "version-float"])
def test_a_file_of_the_wrong_shape_or_version_is_one_line_naming_it(tmp_path, data):
    path = write(tmp_path, data)
    with pytest.raises(BaselineError, match="not a checker baseline") as exc:
        Baseline.load(path)
    assert_one_line_naming(exc.value, path)


@pytest.mark.parametrize("entry", [
    {"rule": "NUM001", "subject": "x"},
    {"fingerprint": "ab", "subject": "x"},
    {"fingerprint": "ab", "rule": "NUM001"},
    "ab",
    ["ab", "NUM001", "x"],
    {"fingerprint": None, "rule": "NUM001", "subject": "x"},
    {"fingerprint": 12, "rule": "NUM001", "subject": "x"},
    {"fingerprint": "ab", "rule": "NUM001", "subject": ""},
], ids=["no-fingerprint", "no-rule", "no-subject", "a-string", "a-list", "null-fingerprint", "number-fingerprint",
        "empty-subject"])
def test_an_entry_without_its_fields_is_one_line_naming_the_file(tmp_path, entry):
    path = write(tmp_path, {"checker_baseline": 1, "findings": [entry]})
    with pytest.raises(BaselineError, match="lacks fingerprint, rule or subject") as exc:
        Baseline.load(path)
    assert_one_line_naming(exc.value, path)


def test_a_baseline_error_is_a_value_error():
    assert issubclass(BaselineError, ValueError)


# --- fingerprints -------------------------------------------------------------------------------


def test_a_fingerprint_is_sixteen_hex_digits_and_distinct_per_finding():
    fps = [f.fingerprint for f in findings()]
    assert all(len(fp) == 16 and int(fp, 16) >= 0 for fp in fps)
    assert len(set(fps)) == len(fps)


def test_a_finding_moved_to_another_line_keeps_its_fingerprint():
    """Lines added above every claim: each evidence moves down, the finding stays baselined."""
    moved = corpus_of({sid: "Update: a new paragraph.\n\n" + text for sid, text in TEXTS.items()})
    for make in (num, name, spelling, role, trans):
        before, after = make(), make(moved)
        assert [e.line for e in after.evidence] == [e.line + 2 for e in before.evidence]
        assert after.fingerprint == before.fingerprint
    comparison = Baseline.of(findings()).compare([make(moved) for make in (num, name, spelling, role, trans)])
    assert {f.status for f in comparison.findings} == {"baselined"} and comparison.stale == []


def test_a_fingerprint_ignores_wording_severity_columns_and_evidence_order():
    f = num()
    same = [replace(f, message="Reworded entirely."), replace(f, severity="info"),
            replace(f, evidence=tuple(reversed(f.evidence))),
            replace(f, evidence=tuple(replace(e, column=e.column + 7) for e in f.evidence)),
            replace(f, subject="union: registered nurses")]  # shown with modifiers; anchored without
    assert {g.fingerprint for g in same} == {f.fingerprint}


def test_a_fingerprint_changes_with_what_the_finding_says():
    f = name()
    assert replace(f, key=("ana kowalska", "b")).fingerprint != f.fingerprint  # another variant
    assert replace(f, key=("anna kowalska", "c")).fingerprint != f.fingerprint  # another source uses it
    assert replace(f, rule="NAME002").fingerprint != f.fingerprint
    assert replace(f, subject="Marta Kowalska").fingerprint != f.fingerprint
    assert replace(f, subject="MARIA KOWALSKA").fingerprint == f.fingerprint  # case is not what it says


def test_from_rule_refuses_another_rules_explanation():
    with pytest.raises(TypeError, match="ROLE001 explains its findings with RoleExplanation"):
        Finding.from_rule(role001.RULE, "x", "m", [ev(CORPUS, "a", "40%", True)],
                          NameExplanation("a", "b", (), "r"))


# --- what reports count -------------------------------------------------------------------------


def test_baseline_counts_new_baselined_and_stale():
    fs = findings()
    known = Baseline.of(fs[1:] + [replace(name(), key=("gone",))])
    result = apply_baseline(Result(CORPUS, findings=fs), known, "base.json")
    assert baseline_counts(result) == {"new": 1, "baselined": len(fs) - 1, "stale": 1}
    assert result.baseline == "base.json" and [e.rule for e in result.stale] == ["NAME001"]


def test_apply_baseline_marks_the_result_in_place():
    result = Result(CORPUS, findings=findings())
    same = apply_baseline(result, Baseline.of(findings()), "b.json")
    assert same is result and {f.status for f in result.findings} == {"baselined"}


def test_baseline_counts_are_zero_without_a_baseline():
    assert baseline_counts(Result(CORPUS, findings=findings())) == {"new": 0, "baselined": 0, "stale": 0}
