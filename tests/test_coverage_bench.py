"""bench/coverage.py, its pure parts: detokenisation, article files, each perturbation, the --out guard.

No spaCy model is loaded: checker is never run here.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("coverage_bench", ROOT / "bench" / "coverage.py")
coverage = importlib.util.module_from_spec(spec)
sys.modules["coverage_bench"] = coverage  # dataclasses look their module up by name
spec.loader.exec_module(coverage)


def rng() -> random.Random:
    return random.Random(0)


@pytest.mark.parametrize("tokens, text", [
    (["The", "team", "offered", "at", "least", "$", "160", "million", "."],
     "The team offered at least $160 million."),
    (["``", "We", "are", "done", ",", "''", "he", "said", "."], '"We are done," he said.'),
    (['"', "We", "are", "done", ",", '"', "he", "said", "."], '"We are done," he said.'),
    (["The", "Nationals", "'", "best", "chance", "(", "so", "far", ")", "is", "gone", "!"],
     "The Nationals' best chance (so far) is gone!"),
    (["He", "does", "n't", "think", "it", "'s", "a", "31", "-", "year", "-", "old", "free", "-", "agent", "."],
     "He doesn't think it's a 31-year-old free-agent."),
    (["12", "/", "16", "/", "08", "1", ":", "30", "AM", "EST"], "12/16/08 1:30 AM EST"),
    (["Boston", "-", "The", "Red", "Sox", "--", "again", "..."], "Boston - The Red Sox -- again..."),
    (["It", "rose", "5", "%", ";", "wait", "?"], "It rose 5%; wait?"),
    (["Watched", "by", "40", ".", "3", "million", "at", "8.", "40am", "in", "2008", "."],
     "Watched by 40.3 million at 8.40am in 2008."),
    (["Qeshm", ",", "1", ",", "150", "kilometers", "(", "700", "miles", ")", "away", ",", "2", ",", "3", "."],
     "Qeshm, 1,150 kilometers (700 miles) away, 2, 3."),
    (["thieves", "stole", "£910", ",", "000", "worth", ",", "fell", "2", ",", "000ft", "below", "$1.", "29", "."],
     "thieves stole £910,000 worth, fell 2,000ft below $1.29."),
])
def test_detokenise(tokens, text):
    assert coverage.detokenise(tokens) == text


def test_find_date_reads_the_datelines_of_both_corpora():
    assert coverage.find_date("March 01 , 2008".replace(" ,", ",")) == "2008-03-01"
    assert coverage.find_date("12/16/08 1:30 AM EST") == "2008-12-16"
    assert coverage.find_date("Tuesday, 16 December 2008") == "2008-12-16"
    assert coverage.find_date("June 7th, 2013 7:38pm EDT") == "2013-06-07"  # an ordinal day
    assert coverage.find_date("21st July 2013") == "2013-07-21"
    assert coverage.find_date("The team said on March 1, 2008 that it had agreed a deal with the player and "
                              "his agent after a long winter of talks.") is None  # a sentence, not a dateline


def test_article_text_headline_date_and_url_metadata():
    conll = "\n".join([
        "#begin document (1/1ecbplus/1); part 000",
        "1/1ecbplus/1\t0\t0\thttp\t-", "1/1ecbplus/1\t0\t1\t:\t-", "1/1ecbplus/1\t0\t2\t//x.com\t-", "",
        "1/1ecbplus/1\t1\t0\tLohan\t-", "1/1ecbplus/1\t1\t1\tchecks\t-", "1/1ecbplus/1\t1\t2\tin\t-", "",
        "1/1ecbplus/1\t2\t0\tMay\t-", "1/1ecbplus/1\t2\t1\t03\t-", "1/1ecbplus/1\t2\t2\t,\t-", "1/1ecbplus/1\t2\t3\t2013\t-",
        "", "1/1ecbplus/1\t3\t1\tday\t-", "1/1ecbplus/1\t3\t0\tA\t-", "1/1ecbplus/1\t3\t2\t.\t-", "#end document",
    ])
    docs = coverage.parse_conll(conll)
    assert list(docs) == ["1/1ecbplus/1"]
    text = coverage.article_text(docs["1/1ecbplus/1"])
    assert text == '---\ndate: "2013-05-03"\nurl: "http://x.com"\n---\nLohan checks in\n\nMay 03, 2013\nA day.\n'
    assert coverage.body_start(text) == text.index("Lohan")


def _check(edit, text, cls):
    """The edit is of its class, each change quotes the text it replaces, and applying it changes only that."""
    assert edit is not None and edit.cls == cls and edit.note
    new = edit.apply(text)
    for (lo, hi), (_, old, repl) in zip(edit.new_ranges(), sorted(edit.changes)):
        assert new[lo:hi] == repl and repl != old
    return new


def test_figure_changes_a_number_another_article_states():
    text = "Crash\n\nThe crash killed 63 people and injured 12 others in 2008.\n"
    others = ["Officials said 63 people died.", "Nobody else was hurt."]
    edit = coverage.perturb_figure(text, others, rng())
    new = _check(edit, text, "figure")
    assert "63 people" not in new and "12 others" in new and "2008" in new
    assert coverage.perturb_figure(text, ["Officials said 64 people died."], rng()) is None


def test_figure_leaves_years_dates_and_ages_alone():
    text = "On March 12, 2008, a 31-year-old man was hurt.\n"
    others = ["On March 12, 2008, a 31-year-old man was hurt."]
    assert coverage.perturb_figure(text, others, rng()) is None


def test_scale_swaps_million_and_billion():
    text = "Deal\n\nThe contract is worth $40 billion over ten years.\n"
    edit = coverage.perturb_scale(text, ["a $40 billion tanker deal"], rng())
    new = _check(edit, text, "scale")
    assert "$40 million" in new
    assert coverage.perturb_scale(text, ["a $35 billion tanker deal"], rng()) is None


def test_date_shifts_a_day_a_weekday_or_swaps_a_year():
    text = "Arrest\n\nHe was arrested on Dec. 16 after the 1976 case.\n"
    edit = coverage.perturb_date(text, ["Police arrested him December 16.", "The 1976 case"], rng())
    new = _check(edit, text, "date")
    assert new.count("16") + new.count("1976") == 1  # exactly one of the two changed
    if "1976" not in new:
        assert "1967" in new
    week = coverage.perturb_date("Quake\n\nIt struck on Tuesday.\n", ["The quake of Tuesday"], rng())
    assert _check(week, "Quake\n\nIt struck on Tuesday.\n", "date").count("Tuesday") == 0
    assert coverage.perturb_date(text, ["He was arrested last week."], rng()) is None


def test_date_skips_the_dateline():
    text = "Arrest\n\nDecember 16, 2008\nHe was arrested.\n"
    assert coverage.perturb_date(text, ["December 16, 2008"], rng()) is None


def test_age_moves_by_one_year():
    text = "Actor\n\nThe 31-year-old actor and Smith, 40, were there.\n"
    edit = coverage.perturb_age(text, ["the actor, a 31-year-old"], rng())
    new = _check(edit, text, "age")
    assert ("30-year-old" in new or "32-year-old" in new) and "Smith, 40," in new
    edit = coverage.perturb_age(text, ["John Smith, 40, said"], rng())
    assert "Smith, 40," not in _check(edit, text, "age")
    assert coverage.perturb_age(text, ["an actor in his thirties"], rng()) is None


def test_first_name_replaced_in_every_full_mention():
    text = "Talks\n\nMark Teixeira met the Angels. Later Mark Teixeira left; Teixeira said no.\n"
    edit = coverage.perturb_first_name(text, ["Free agent Mark Teixeira"], rng())
    new = _check(edit, text, "first-name")
    assert "Mark Teixeira" not in new and len(edit.changes) == 2
    first = edit.changes[0][2]
    assert first in coverage.FIRST_NAMES["m"] and f"{first} Teixeira" in new
    assert coverage.perturb_first_name(text, ["Teixeira signed."], rng()) is None  # named in full once only
    assert coverage.perturb_first_name("Rehab\n\nShe went to the Betty Ford Center.\n",
                                       ["the Betty Ford Center"], rng()) is None  # a place, not a person


def test_spelling_changes_one_letter_of_a_surname():
    text = "Talks\n\nMark Teixeira met the Angels; Teixeira said no.\n"
    edit = coverage.perturb_spelling(text, ["Free agent Mark Teixeira"], rng())
    new = _check(edit, text, "spelling")
    assert "Teixeira" not in new and len(edit.changes) == 2
    wrong = edit.changes[0][2]
    assert len(wrong) == len("Teixeira") and sum(a != b for a, b in zip(wrong, "Teixeira")) in (1, 2)
    assert coverage.perturb_spelling(text, ["The Angels won."], rng()) is None


def test_title_swaps_the_office():
    text = "Talks\n\nInterior Minister Ali Khan spoke.\n"
    edit = coverage.perturb_title(text, ["said Interior Minister Khan"], rng())
    assert "Finance Minister Ali Khan" in _check(edit, text, "title")
    vp = "Visit\n\nVice President Joe Biden came.\n"
    assert "President Joe Biden" in coverage.perturb_title(vp, ["Vice President Biden"], rng()).apply(vp)
    assert coverage.perturb_title(text, ["Khan spoke."], rng()) is None


def test_conversion_gets_a_wrong_bracketed_figure():
    text = "Storm\n\nWinds reached 100 miles (161 km) an hour.\n"
    edit = coverage.perturb_conversion(text, [], rng())
    new = _check(edit, text, "conversion")
    assert "100 miles (" in new and "(161 km)" not in new
    assert coverage.perturb_conversion("Storm\n\nWinds reached 100 miles an hour.\n", [], rng()) is None


def test_perturbations_are_deterministic():
    text = "Crash\n\nThe crash killed 63 people, 12 cars and 40 sheep.\n"
    others = ["63 people, 12 cars and 40 sheep"]
    assert coverage.perturb_figure(text, others, random.Random(3)) == coverage.perturb_figure(text, others,
                                                                                              random.Random(3))


def test_cites_finds_an_evidence_span_over_the_edit():
    class E:
        def __init__(self, source, line, column, span, sentence, flagged):
            self.source, self.line, self.column, self.span = source, line, column, span
            self.sentence, self.flagged = sentence, flagged

    class F:
        def __init__(self, *evidence):
            self.evidence = evidence

    text = "Head\n\nThe crash killed 58 people on Monday.\n"
    lo = text.index("58")
    ranges = [(lo, lo + 2)]
    sentence = "The crash killed 58 people on Monday."
    assert coverage.cites(F(E("a", 3, 18, "58 people", sentence, False)), "a", text, ranges)
    assert not coverage.cites(F(E("b", 3, 18, "58 people", sentence, True)), "a", text, ranges)  # another article
    assert coverage.cites(F(E("a", 3, 31, "Monday", sentence, True)), "a", text, ranges)  # flagged, same sentence
    assert not coverage.cites(F(E("a", 3, 31, "Monday", sentence, False)), "a", text, ranges)


def test_prepare_refuses_an_out_inside_the_repository(tmp_path, capsys):
    assert coverage.main(["prepare", "--snapshot", str(tmp_path), "--out", str(ROOT / "data" / "coverage")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "inside the repository" in err
    assert not (ROOT / "data" / "coverage").exists()
    assert coverage.inside_repository(ROOT) and not coverage.inside_repository(tmp_path)


def test_a_quotation_may_span_sentences():
    quotes: dict = {}
    first = coverage.detokenise(['"', "We", "waited", "."], quotes)
    second = coverage.detokenise(["Many", "left", ".", '"'], quotes)
    third = coverage.detokenise(["He", "said", '"', "no", '"', "twice", "."], quotes)
    assert (first, second, third) == ('"We waited.', 'Many left."', 'He said "no" twice.')


def test_the_headline_is_the_first_line_that_is_not_a_dateline():
    text = coverage.article_text([["27", "NOVEMBER", ",", "2005"], ["Did", "the", "earth", "move", "?"],
                                  ["It", "did", "."]])
    assert text == '---\ndate: "2005-11-27"\n---\n27 NOVEMBER, 2005\nDid the earth move?\n\nIt did.\n'


def test_the_judged_edits_file_names_each_edit_by_a_hash_with_a_label():
    """The judgement of every applied edit is kept as a hash, a class and a label: no article text is
    in the repository, and each key is read once."""
    lines = [ln for ln in coverage.JUDGED.read_text("utf-8").splitlines() if ln and not ln.startswith("#")]
    judged = coverage.read_judged(coverage.JUDGED)
    assert len(judged) == len(lines) > 400
    for line in lines:
        key, cls, label, where = line.split("\t")
        assert len(key) == 16 and int(key, 16) >= 0
        assert cls in coverage.CLASSES and label in ("yes", "no", "unclear")
        assert where


def test_an_edit_key_depends_on_class_article_and_edit():
    key = coverage.edit_key("date", "ecb_t01_ecb", "1_1ecb.txt", "weekday: Tuesday -> Monday")
    assert key == coverage.edit_key("date", "ecb_t01_ecb", "1_1ecb.txt", "weekday: Tuesday -> Monday")
    assert key != coverage.edit_key("date", "ecb_t01_ecb", "1_2ecb.txt", "weekday: Tuesday -> Monday")
    assert key != coverage.edit_key("figure", "ecb_t01_ecb", "1_1ecb.txt", "weekday: Tuesday -> Monday")
    assert coverage.read_judged(Path("/nonexistent/judged.tsv")) == {}


def test_the_held_out_stories_are_read_without_their_paragraph_tokens(tmp_path, monkeypatch, capsys):
    """NewsWCL50's CoNLL marks a paragraph's end with a token of its own, a backslash and an n, at times with a
    space; each topic is a cluster, each outlet's article a file (invented tokens here)."""
    rows = [("3/-/3_L", 0, ["Council", "votes", "to", "close", "Brinmoor", "pier", "."]),
            ("3/-/3_L", 1, ["The", "vote", "was", "7", "to", "2", ".", "\\n"]),
            ("3/-/3_L", 2, ["Repairs", "would", "cost", "$", "4", "million", ".", " \\n"]),
            ("3/-/3_RR", 0, ["Brinmoor", "pier", "to", "shut", "."]),
            ("12/-/12_M", 0, ["Ferry", "fares", "rise", "."])]
    conll = "\n".join(f"{doc}\t{sent}\t{k}\t{word}\t-" for doc, sent, words in rows for k, word in enumerate(words))
    monkeypatch.setattr(coverage, "_git_show", lambda snapshot, path: conll if path == coverage.NEWSWCL_FILE else "")
    clusters = coverage.read_held_out(tmp_path)
    assert {name: sorted(arts) for name, arts in clusters.items()} == {
        "newswcl_t03": ["3_L.txt", "3_RR.txt"], "newswcl_t12": ["12_M.txt"]}
    assert clusters["newswcl_t03"]["3_L.txt"] == ("Council votes to close Brinmoor pier.\n\nThe vote was 7 to 2.\n"
                                                  "Repairs would cost $4 million.\n")
    out = tmp_path / "held-out"
    assert coverage.main(["prepare", "--held-out", "--snapshot", str(tmp_path), "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["newswcl_t03", "newswcl_t12"]
    assert "prepared 2 clusters (newswcl 2), 3 articles" in capsys.readouterr().out
