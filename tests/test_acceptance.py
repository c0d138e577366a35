"""The demo corpus against what an editor expects of it, through the real command line.

Two sets of expectations: the project's own (tests/expectations/demo_corpus.toml), always; and the
shared acceptance file beside the repository (../shared/acceptance/seeds.json), whenever it is
there. A clone with nothing beside it runs the first; CI (where `CI` is set) must have both.
"""

from __future__ import annotations

import hashlib
import os
import re

import pytest
from conftest import (
    CORPUS,
    SEVERITY_RANK,
    SHARED_ACCEPTANCE,
    expectation_sets,
    matches,
    no_majority,
    points_at,
    run_cli,
    shared_dir,
)

pytestmark = pytest.mark.slow



def test_the_shared_acceptance_file_is_there_in_ci():
    path = shared_dir() / SHARED_ACCEPTANCE
    if not path.is_file():
        assert not os.environ.get("CI"), f"{path} is missing; CI always lays ../shared beside the clone"
        pytest.skip(f"{path} is not beside this clone; the project's own expectations still run")


def test_corpus_holds_the_seeds_under_their_names():
    if not (shared_dir() / "seeds").is_dir():
        assert not os.environ.get("CI"), "../shared/seeds is missing"
        pytest.skip("../shared/seeds is not beside this clone")
    seeds = sorted((shared_dir() / "seeds").iterdir())
    assert seeds, "no seeds"
    for seed in seeds:
        mine = CORPUS / seed.name
        assert mine.is_file(), f"{seed.name} missing from corpus/"
        assert hashlib.sha256(mine.read_bytes()).digest() == hashlib.sha256(seed.read_bytes()).digest()


def test_check_exits_1_on_the_seeds():
    proc = run_cli("check", "corpus", "--format", "json")
    assert proc.returncode == 1, proc.stderr


@pytest.mark.parametrize("which", sorted(expectation_sets()))
def test_report_contract(seed_json, expectations, which):
    """Every finding has the contract's fields and quoted, located evidence. A finding flags the side
    it points at, unless its explanation says no side has a majority (`majority` is null: one source
    against one, as the seeds' two shares of global supply): then it flags no side, quotes each, and
    its message says that no side has a majority."""
    contract = expectations[which]["report_contract"]
    assert seed_json["findings"], "no findings on the seeds"
    for f in seed_json["findings"]:
        for field in contract["finding_fields"]:
            assert field in f, f"finding lacks {field}"
        assert f["kind"] in contract["kinds"]
        assert f["severity"] in contract["severities"]
        assert f["evidence"], "a finding without evidence"
        if no_majority(f):
            assert re.search(r"\bno (value|spelling|name) has a majority\b", f["message"]), f["message"]
            assert len({e["source"] for e in f["evidence"]}) >= 2, "a finding with no majority quotes each side"
        else:
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


def _items(kind: str) -> list:
    return [pytest.param(which, item, id=f"{which}:{item['id']}")
            for which, data in sorted(expectation_sets().items()) for item in data.get(kind, [])]


@pytest.mark.parametrize("which, item", _items("must_find"))
def test_must_find(which, item, seed_json):
    found = [f for f in seed_json["findings"]
             if f["kind"] == item["kind"] and SEVERITY_RANK[f["severity"]] >= SEVERITY_RANK[item["min_severity"]]
             and matches(f, item) and f["rule"] == item.get("rule", f["rule"])]
    assert found, f"{item['id']}: {item['why']}"
    if "rule" in item:  # the project's own expectations also say which side is flagged (quoted, with no majority)
        named = item["evidence"][0]["source"]
        assert any(points_at(f, named) for f in found), item["id"]


@pytest.mark.parametrize("which, item", _items("must_not_find"))
def test_must_not_find(which, item, seed_json):
    for f in seed_json["findings"]:
        if SEVERITY_RANK[f["severity"]] < SEVERITY_RANK["warning"]:
            continue
        if "kinds" in item and f["kind"] not in item["kinds"]:
            continue
        spans = " || ".join(e["span"].lower() for e in f["evidence"])
        for a, b in item["pairs"]:
            assert not (a.lower() in spans and b.lower() in spans), f"{item['id']}: {f['rule']} cites {a!r} and {b!r}"


@pytest.mark.parametrize("which", sorted(expectation_sets()))
def test_never_cite(seed_json, expectations, which):
    texts = expectations[which]["never_cite"]["texts"]
    for f in seed_json["findings"]:
        for e in f["evidence"]:
            for t in texts:
                assert t not in e["span"] and t not in e["sentence"], f"{f['rule']} cites {t!r}"


@pytest.mark.parametrize("which", sorted(expectation_sets()))
def test_at_most_the_allowed_number_of_warnings_and_errors(seed_json, expectations, which):
    n = sum(f["severity"] in ("warning", "error") for f in seed_json["findings"])
    assert n <= expectations[which]["max_warning_or_error_findings"]


@pytest.mark.parametrize("which, item", _items("nice_to_find"))
def test_nice_to_find(which, item, seed_json):
    """Stretch items: each one the checker finds stays found; the others are listed in NOT_YET, with why."""
    found = [f for f in seed_json["findings"] if f["kind"] == item["kind"] and matches(f, item)
             and any(e["flagged"] for e in f["evidence"] if e["source"] == item["evidence"][0]["source"])]
    if item["id"] in NOT_YET:
        assert not found, f"{item['id']} is found now: take it off NOT_YET"
        pytest.xfail(NOT_YET[item["id"]])
    assert found, item["why"]


# Stretch items not found yet, and why. One that is found fails the test until it is taken off.
NOT_YET = {
    "futures-garble": "a garbled phrase used once, with no second use to tell it from ordinary English",
    "chips-garble": "a garbled phrase used once, with no second use to tell it from ordinary English",
}
