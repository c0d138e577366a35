"""The seed corpus against ../shared/acceptance/seeds.json, through the real command line."""

from __future__ import annotations

import hashlib

import pytest

from conftest import CORPUS, run_cli, shared_dir

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def _matches(finding: dict, item: dict) -> bool:
    for want in item["evidence"]:
        text = want["contains"].lower()
        if not any(
            (want["source"] in ("any", e["source"]))
            and (text in e["span"].lower() or text in e["sentence"].lower())
            for e in finding["evidence"]
        ):
            return False
    return True


def test_corpus_holds_the_seeds_under_their_names():
    seeds = sorted((shared_dir() / "seeds").iterdir())
    assert seeds, "no seeds"
    for seed in seeds:
        mine = CORPUS / seed.name
        assert mine.is_file(), f"{seed.name} missing from corpus/"
        assert hashlib.sha256(mine.read_bytes()).digest() == hashlib.sha256(seed.read_bytes()).digest()


def test_check_exits_1_on_the_seeds():
    proc = run_cli("check", "corpus", "--format", "json")
    assert proc.returncode == 1, proc.stderr


def test_report_contract(seed_json, acceptance):
    contract = acceptance["report_contract"]
    assert seed_json["findings"], "no findings on the seeds"
    for f in seed_json["findings"]:
        for field in contract["finding_fields"]:
            assert field in f, f"finding lacks {field}"
        assert f["kind"] in contract["kinds"]
        assert f["severity"] in contract["severities"]
        assert f["evidence"], "a finding without evidence"
        assert any(e["flagged"] for e in f["evidence"]), "a finding that flags no side"
        for e in f["evidence"]:
            for field in contract["evidence_fields"]:
                assert field in e, f"evidence lacks {field}"
            assert isinstance(e["line"], int) and e["line"] >= 1
            assert isinstance(e["column"], int) and e["column"] >= 1


def test_evidence_is_quoted_from_the_source_at_its_line_and_column(seed_json):
    for f in seed_json["findings"]:
        for e in f["evidence"]:
            lines = (CORPUS.parent / e["path"]).read_text("utf-8").split("\n")
            line = lines[e["line"] - 1]
            assert line[e["column"] - 1 :].startswith(e["span"].split("\n")[0]), (f["rule"], e)
            assert e["span"] in e["sentence"] or e["span"].split()[-1] in e["sentence"]


def _acceptance_ids(kind: str):
    import json

    data = json.loads((shared_dir() / "acceptance" / "seeds.json").read_text("utf-8"))
    return [item["id"] for item in data[kind]]


@pytest.mark.parametrize("item_id", _acceptance_ids("must_find"))
def test_must_find(item_id, seed_json, acceptance):
    item = next(i for i in acceptance["must_find"] if i["id"] == item_id)
    found = [f for f in seed_json["findings"]
             if f["kind"] == item["kind"] and SEVERITY_RANK[f["severity"]] >= SEVERITY_RANK[item["min_severity"]]
             and _matches(f, item)]
    assert found, f"{item_id}: {item['why']}"


@pytest.mark.parametrize("item_id", _acceptance_ids("must_not_find"))
def test_must_not_find(item_id, seed_json, acceptance):
    item = next(i for i in acceptance["must_not_find"] if i["id"] == item_id)
    for f in seed_json["findings"]:
        if SEVERITY_RANK[f["severity"]] < SEVERITY_RANK["warning"]:
            continue
        if "kinds" in item and f["kind"] not in item["kinds"]:
            continue
        spans = " || ".join(e["span"].lower() for e in f["evidence"])
        for a, b in item["pairs"]:
            assert not (a.lower() in spans and b.lower() in spans), f"{item_id}: {f['rule']} cites {a!r} and {b!r}"


def test_never_cite(seed_json, acceptance):
    texts = acceptance["never_cite"]["texts"]
    for f in seed_json["findings"]:
        for e in f["evidence"]:
            for t in texts:
                assert t not in e["span"] and t not in e["sentence"], f"{f['rule']} cites {t!r}"


def test_at_most_the_allowed_number_of_warnings_and_errors(seed_json, acceptance):
    n = sum(f["severity"] in ("warning", "error") for f in seed_json["findings"])
    assert n <= acceptance["max_warning_or_error_findings"]


def test_nice_to_find_greer_role(seed_json, acceptance):
    """A stretch item found: a title whose portfolio a translation replaced by a country."""
    item = next(i for i in acceptance["nice_to_find"] if i["id"] == "greer-role")
    found = [f for f in seed_json["findings"] if f["kind"] == item["kind"] and _matches(f, item)
             and any(e["flagged"] for e in f["evidence"] if e["source"] == item["evidence"][0]["source"])]
    assert found, item["why"]
