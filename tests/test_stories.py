"""Forty-three invented multi-source stories of other beats (tests/stories/<beat>/) against their expectations.

Each folder holds four or five articles on one invented story (a ferry disaster, company results,
an election count, a football match, a court case, a drug trial, a crane collapse at a building site,
a landslide whose articles carry their dates in front matter, a satellite launch dated in two time zones;
and, written blind by someone who had not read the checker, a wildfire, a takeover, a derailment, a
measles outbreak, a central bank's rate rise, a car recall, an earthquake, a museum theft, a port strike,
a footballer's transfer, a river flood, a bank's data breach, an airliner's emergency landing, a budget,
a mine collapse, a chemical spill, a bridge collapse, a volcanic eruption, a company's job cuts, an art
auction, a marathon, a hostage release, a battery plant fire, a ship run aground, a cyclone, a prison
escape, a trade agreement, a bank rescue, a doping ban, a crowd crush, a nurses' strike, a fire at a wedding,
a heatwave and a ransomware attack on a council)
and `expectations.toml`, in the format
of tests/expectations/demo_corpus.toml and matched the same way as tests/test_acceptance.py.
`checker.run.check` reads each story once. A `must_find` item the checker misses today carries
`not_yet` (why, as diagnosed): it is a strict xfail, so finding it fails the test until `not_yet` is
taken off. A `must_not_find` item is never relaxed unless it carries `not_yet` too: a false alarm
the checker raises today, kept visible as a strict xfail. An item with `same_value = true` pairs two
writings of one value ("€3.1bn", "3.1 billion euros"): a finding that quotes both as the same value
(the majority's) keeps it; one that sets them against each other breaks it. An item with `agree =
true` pairs two values that agree ("61%" rounds "61.4%"): a finding that quotes both on the side of
its majority, against a third value it flags, keeps it; one that flags one and not the other, or
quotes them as two sides with no majority, breaks it.
"""

from __future__ import annotations

import tomllib

import pytest
from conftest import ROOT, SEVERITY_RANK, matches, points_at

from checker.reports.json_report import finding_dict

pytestmark = pytest.mark.slow

STORIES = ROOT / "tests" / "stories"


def _stories() -> list[str]:
    return sorted(p.parent.name for p in STORIES.glob("*/expectations.toml"))


def _expectations(story: str) -> dict:
    return tomllib.loads((STORIES / story / "expectations.toml").read_text("utf-8"))


def _items(kind: str) -> list:
    return [pytest.param(story, item, id=f"{story}:{item['id']}")
            for story in _stories() for item in _expectations(story).get(kind, [])]


@pytest.fixture(scope="session")
def story_findings():
    """The JSON report's findings for a story, from one `check` of its folder per session."""
    from checker.run import check

    cache: dict[str, list[dict]] = {}

    def findings(story: str) -> list[dict]:
        if story not in cache:
            cache[story] = [finding_dict(f) for f in check(STORIES / story).findings]
        return cache[story]

    return findings


def _body(text: str) -> str:
    """An article's text after its front matter ('---' fenced at the top), if it has any."""
    if text.startswith("---\n") and (end := text.find("\n---\n", 4)) >= 0:
        return text[end + 5 :]
    return text


def test_every_story_has_four_or_five_articles():
    assert len(_stories()) == 139
    for story in _stories():
        articles = sorted((STORIES / story).glob("*.txt"))
        assert 4 <= len(articles) <= 5, story
        for a in articles:
            body = _body(a.read_text("utf-8"))
            lines = body.split("\n")
            assert lines[0].strip() and not lines[1].strip(), f"{a.name}: headline, then a blank line"
            assert 150 <= len(body.split()) <= 450, a.name  # a news article's length, not a feature's


@pytest.mark.parametrize("story, item", _items("must_find"))
def test_must_find(story, item, story_findings):
    found = [f for f in story_findings(story)
             if f["kind"] == item["kind"] and SEVERITY_RANK[f["severity"]] >= SEVERITY_RANK[item["min_severity"]]
             and matches(f, item) and f["rule"] == item.get("rule", f["rule"])]
    if "not_yet" in item:
        assert not found, f"{story}:{item['id']} is found now: take off not_yet"
        pytest.xfail(item["not_yet"])
    assert found, f"{item['id']}: {item['why']}"
    if "rule" in item:  # the side the item names first is the one flagged (quoted, with no majority)
        named = item["evidence"][0]["source"]
        assert any(points_at(f, named) for f in found), item["id"]


def _cited_together(item: dict, findings: list[dict]) -> list[str]:
    broken = []
    for f in findings:
        if SEVERITY_RANK[f["severity"]] < SEVERITY_RANK["warning"]:
            continue
        if "kinds" in item and f["kind"] not in item["kinds"]:
            continue
        spans = " || ".join(e["span"].lower() for e in f["evidence"])
        for a, b in item["pairs"]:
            if not (a.lower() in spans and b.lower() in spans):
                continue
            # Two values that agree, or two writings of one: not broken where the finding sets both on the side it
            # does not flag, against a third value it flags ("3.5 tonnes" and "3,500 kilograms" against "5.3 tonnes").
            flagged = {e["span"].lower(): e["flagged"] for e in f["evidence"]}
            fa = {v for k, v in flagged.items() if a.lower() in k}
            fb = {v for k, v in flagged.items() if b.lower() in k}
            if (item.get("agree") or item.get("same_value")) and any(flagged.values()) and fa == fb == {False}:
                continue
            if item.get("same_value"):
                # Two writings of one value: broken only when the finding sets them against each other.
                na = {e["normalised"] for e in f["evidence"] if a.lower() in e["span"].lower()}
                nb = {e["normalised"] for e in f["evidence"] if b.lower() in e["span"].lower()}
                if na == nb:
                    continue
            broken.append(f"{f['rule']} cites {a!r} and {b!r}")
    return broken


@pytest.mark.parametrize("story, item", _items("must_not_find"))
def test_must_not_find(story, item, story_findings):
    broken = _cited_together(item, story_findings(story))
    if "not_yet" in item:  # a false alarm the checker raises today: it stays listed until it is gone
        assert broken, f"{story}:{item['id']} holds now: take off not_yet"
        pytest.xfail(item["not_yet"])
    assert not broken, f"{item['id']}: {'; '.join(broken)}"


@pytest.mark.parametrize("story", _stories())
def test_never_cite(story, story_findings):
    texts = _expectations(story).get("never_cite", {}).get("texts", [])
    for f in story_findings(story):
        for e in f["evidence"]:
            for t in texts:
                assert t not in e["span"] and t not in e["sentence"], f"{f['rule']} cites {t!r}"


@pytest.mark.parametrize("story", _stories())
def test_at_most_the_allowed_number_of_warnings_and_errors(story, story_findings):
    n = sum(f["severity"] in ("warning", "error") for f in story_findings(story))
    assert n <= _expectations(story)["max_warning_or_error_findings"]


@pytest.mark.parametrize("story", _stories())
def test_evidence_is_quoted_from_the_source_at_its_line_and_column(story, story_findings):
    for f in story_findings(story):
        for e in f["evidence"]:
            lines = (STORIES / story / e["path"]).read_text("utf-8").split("\n")
            line = lines[e["line"] - 1]
            assert line[e["column"] - 1 :].startswith(e["span"].split("\n")[0]), (f["rule"], e)
            assert e["span"] in e["sentence"] or e["span"].split()[-1] in e["sentence"]


def test_expectations_name_real_sources_and_quote_them():
    """Every evidence line names an article of its story (or 'any') and quotes text that is in it."""
    for story in _stories():
        texts = {p.stem: p.read_text("utf-8").lower() for p in (STORIES / story).glob("*.txt")}
        for item in _expectations(story).get("must_find", []):
            for want in item["evidence"]:
                pool = texts.values() if want["source"] == "any" else [texts[want["source"]]]
                assert any(want["contains"].lower() in t for t in pool), (story, item["id"], want)
