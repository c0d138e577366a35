"""Garbled translation: a key term rendered word by word in one source."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_corpus

from checker.claims.bigrams import doc_bigrams
from checker.run import check

# The real spaCy pipeline on real articles, or the command line in a subprocess.
pytestmark = pytest.mark.slow


def pairs(nlp, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    doc._.source = "s"
    return [(b.first, b.second) for b in doc_bigrams(doc)]


def test_term_words_the_tagger_reads_as_names_stop_words_or_verbs(nlp):
    guard = nlp("At least 20 people were rescued, the coast guard said.")
    assert [(t.pos_, t.ent_type_) for t in guard[8:10]] == [("PROPN", "ORG")] * 2  # read as a name
    assert ("coast", "guard") in pairs(nlp, guard.text)
    side = nlp("Side effects of the new drug were mild, the doctors said.")
    assert side[0].is_stop and side[0].pos_ == "ADJ"
    assert ("side", "effect") in pairs(nlp, side.text)
    operating = nlp("Operating profit fell to 310 million euros in the quarter.")
    assert operating[0].pos_ == "VERB"
    assert ("operating", "profit") in pairs(nlp, operating.text)
    # but no quantifier or ordinal, no words of a measure entity, no names
    assert pairs(nlp, "Other sources said that last week many people met Vellacott in Marrowby.") == []


def test_seed_rare_land(seed_result):
    found = [f for f in seed_result.findings if f.rule == "TRANS001"]
    assert len(found) == 1
    f = found[0]
    assert f.subject == "rare earth"
    flagged = [e for e in f.evidence if e.flagged]
    assert {e.source for e in flagged} == {"004_c01bce8f36ee686f"}
    assert [e.span for e in flagged] == ["rare land"] * 4
    assert {e.source for e in f.evidence if not e.flagged} == {
        "000_91b8dec3c98daef1", "001_f022e26ff195047d", "002_f38522d80aa44d63", "003_30f5027cb3342ce8"}


def test_a_one_off_compound_beside_a_term_is_ordinary_english(tmp_path: Path):
    texts = [
        "Rising sea levels threaten the coast. Sea levels rose again, and sea levels will keep rising.",
        "Scientists say sea levels are rising fast. Higher sea levels mean floods. Sea levels matter.",
        "The report on sea levels was published. Sea levels rose by a record. Local sea levels vary.",
        "Officials warned that ocean levels and sea walls need money. Sea levels are a concern.",
    ]
    result = check(write_corpus(tmp_path, *texts))
    assert not [f for f in result.findings if f.rule == "TRANS001"]


def test_a_word_for_word_term_is_flagged(tmp_path: Path):
    texts = [
        "The central bank raised interest rates. Interest rates are now at a high. Interest rates may rise again.",
        "Interest rates went up on Tuesday. Economists expect interest rates to stay high, and interest rates matter.",
        "Markets fell as interest rates rose. Mortgage costs follow interest rates and interest rates follow inflation.",
        "The bank lifted the interest taxes again. Borrowers fear that the interest taxes will climb.",
    ]
    result = check(write_corpus(tmp_path, *texts))
    f, = [f for f in result.findings if f.rule == "TRANS001"]
    assert [e.span for e in f.evidence if e.flagged] == ["interest taxes", "interest taxes"]
    assert f.subject == "interest rate"


def test_the_machine_translated_seed_reads_most_translated(seed_result, seed_json):
    scores = {t.source: t for t in seed_result.translation}
    assert scores["004_c01bce8f36ee686f"].score > 5
    assert all(t.score == 0 for s, t in scores.items() if s != "004_c01bce8f36ee686f")
    counts = scores["004_c01bce8f36ee686f"].counts
    assert counts == {"garbled-phrase": 4, "calque": 0, "garbled-name": 2, "detached-hyphen": 3}
    texts = {p.text for p in scores["004_c01bce8f36ee686f"].passages}
    assert {"rare land", "Larick", "high -level"} <= texts
    # the same score, passages included, in the JSON report
    by_id = {s["id"]: s["translation"] for s in seed_json["sources"]}
    assert by_id["004_c01bce8f36ee686f"]["score"] == scores["004_c01bce8f36ee686f"].score
    assert len(by_id["004_c01bce8f36ee686f"]["passages"]) == 9


def test_hyphen_spacing_counts_only_in_reporting_text(tmp_path: Path):
    folder = write_corpus(tmp_path, "Officials held high -level talks on a 30 -day pause.\nThe talks ended.",
                          "Officials held high-level talks on a 30-day pause - and then left.")
    scores = {t.source: t for t in check(folder).translation}
    assert [p.text for p in scores["s0"].passages] == ["high -level", "30 -day"]
    assert scores["s1"].passages == ()  # a dash between spaces is punctuation, not a split compound


def _calque_story(tmp_path: Path, plain: str, odd: str) -> list:
    lead = "A fire broke out at the Tarnweld laundry in Osslemark on Tuesday night, the district council said."
    tail = "Owner Brenna Quillfeather said the laundry would reopen once the inspectors had finished their work."
    texts = [f"{lead}\n\n{plain}\n\n{tail} Report {i} of the council desk.\n" for i in range(3)]
    texts.append(f"{lead}\n\n{odd}\n\n{tail} Report 3 of the council desk.\n")
    result = check(write_corpus(tmp_path, *texts))
    return [f for f in result.findings if f.rule == "TRANS002"]


def test_a_purpose_written_with_to_is_a_calque_on_real_text(tmp_path: Path):
    found = _calque_story(
        tmp_path,
        "Firefighters said the blaze started in a washing machine near the back door of the building.",
        "Firefighters said the blaze started in a machine to wash near the back door of the building.")
    (f,) = found
    assert f.explanation.signals == ("to-chain",) and f.explanation.others_wording == "washing machine"
    assert [e.span for e in f.evidence if e.flagged] == ["machine to wash"]


def test_a_near_synonym_beside_a_loosely_listed_pair_is_not_a_calque_on_real_text(tmp_path: Path):
    assert _calque_story(
        tmp_path,
        "Neighbours said they had suffered sleep disorders since the laundry began working at night.",
        "Neighbours said they had suffered sleep disturbances since the laundry began working at night.") == []
