"""Figures with the same words around them (groups/nearby.py), and the parts of a wide group they
mark (Group.parts). No spaCy model: claims carry their nearby words as the extraction sets them.
"""

from __future__ import annotations

from dataclasses import replace

from test_align import FILLER, count, sent
from test_groups import dated, fig

from checker.align import align_sentences
from checker.claims.claim import Claim
from checker.findings.figure_verdict import figure_verdict, figure_verdicts
from checker.groups.aligned import aligned_groups
from checker.groups.figures import STORY, group_claims, measures_by_sentence, variants_apart
from checker.groups.nearby import nearby_pairs, value_kind


def near(c: Claim, words: str, *, names: str = "", dates: str = "", sentence: str | None = None,
         start: int = 0) -> Claim:
    """The claim with the words the extraction finds near it, in a sentence of its own."""
    return replace(c, near=tuple(sorted(words.split())), near_names=tuple(sorted(names.split())),
                   near_dates=tuple(sorted(dates.split("|"))) if dates else (), start=start, end=start + len(c.span),
                   sentence=sentence if sentence is not None else f"{c.span} {words} {names}")


def corpus():
    """The sentences whose words make the corpus's word rarity: each source has a few of its own."""
    out = []
    for k, source in enumerate(("a", "b", "c")):
        for i, words in enumerate(FILLER):
            out.append(sent(source, 1000 + 100 * i + k, " ".join(f"{w}{source}" for w in words.split())))
    # The story's own words, in each source's sentences: common, so that they weigh less.
    for source in ("a", "b", "c"):
        out.append(sent(source, 5000, "mayor flood village rescue"))
    return align_sentences(out)


def beds(source: str, text: str, words: str = "mayor ready gym school", **kw) -> Claim:
    return near(count(text, source, "bed", subject=None, attribute="bed"), words, **kw)


def test_figures_with_the_same_words_near_them_pair_and_say_which_words():
    a, b = beds("a", "2,000"), beds("b", "1,665", "mayor ready gym school volunteer")
    (pair,) = nearby_pairs([a, b], corpus())
    assert {pair.first.id, pair.second.id} == {a.id, b.id}
    assert {"ready", "gym", "school"} <= set(pair.shared)
    assert "the same words stand near both figures" in pair.describe() and "ready" in pair.describe()


def test_figures_near_the_same_names_only_do_not_pair():
    """"17 miles from Tel Aviv, at Gadera" and "about 32 km from Tel Aviv": a landmark both measure from,
    named near both, says where, not what is measured. A word of what is measured pairs them."""
    a = beds("a", "2,000", "marrowby quillet", names="marrowby quillet")
    b = beds("b", "1,665", "marrowby quillet", names="marrowby quillet")
    assert nearby_pairs([a, b], corpus()) == []
    c = beds("a", "2,000", "marrowby quillet ready", names="marrowby quillet")
    d = beds("b", "1,665", "marrowby quillet ready", names="marrowby quillet")
    assert len(nearby_pairs([c, d], corpus())) == 1


def test_a_counted_noun_alone_or_two_words_that_are_little_of_what_stands_near_do_not_pair():
    a = beds("a", "2,000", "bed")  # the counted noun is every such figure's
    b = beds("b", "1,665", "bed")
    assert nearby_pairs([a, b], corpus()) == []
    c = beds("a", "2,000", "ready gym lorry convoy border province road")
    d = beds("b", "1,665", "ready gym ship port harbour island coast")
    assert nearby_pairs([c, d], corpus()) == []


def test_other_names_other_time_frames_or_other_holders_near_the_figures_keep_them_apart():
    base = "finish game score"
    players = [near(count("15", "a", "point", subject=None, attribute="point"), base, names="okafor"),
               near(count("13", "b", "point", subject=None, attribute="point"), base, names="lindqvist")]
    assert nearby_pairs(players, corpus()) == []
    # A name near one figure that the other's sentence also holds is no other holder.
    same = [players[0], replace(players[1], sentence="Lindqvist and Okafor finish game score 13")]
    assert len(nearby_pairs(same, corpus())) == 1
    frames = [near(fig("$3.1 million", "a", subject=None, attribute="revenue"), "revenue rise company report",
                   dates="the third quarter"),
              near(fig("$4.2 million", "b", subject=None, attribute="revenue"), "revenue rise company report",
                   dates="last year")]
    assert nearby_pairs(frames, corpus()) == []
    holders = [near(fig("$3.1 million", "a", subject="Orlen"), "revenue rise company report"),
               near(fig("$4.2 million", "b", subject="Baxley"), "revenue rise company report")]
    assert nearby_pairs(holders, corpus()) == []


def test_a_figure_of_a_named_year_does_not_pair_with_one_of_no_time():
    """"When Quorvant cut 1,300 jobs in March 2025" is the last round; "it will cut 2,400 jobs" this one."""
    words = "cut job quorvant"
    last = near(count("1,300", "a", "job", subject=None, attribute="job"), words, dates="march 2025")
    this = near(count("2,400", "b", "job", subject=None, attribute="job"), words)
    assert nearby_pairs([last, this], corpus()) == []
    # Dated alike, or each by no year ("on Tuesday" against none), they pair as before.
    assert len(nearby_pairs([last, replace(this, near_dates=("march 2025",))], corpus())) == 1
    assert len(nearby_pairs([replace(last, near_dates=("tuesday",)), this], corpus())) == 1


def test_figures_of_different_kinds_units_or_directions_never_pair():
    words = "mayor ready gym school"
    pairs = [
        (beds("a", "2,000", words), near(count("1,665", "b", "cot", subject=None, attribute=None), words)),
        (near(fig("5%", "a", subject=None, change="up"), words), near(fig("5%", "b", subject=None, change="down"), words)),
        (near(fig("5%", "a", subject=None), words), near(fig("$5", "b", subject=None), words)),
    ]
    for x, y in pairs:
        assert nearby_pairs([x, y], corpus()) == [], (x.span, y.span)


def test_scores_bare_numbers_and_dates_of_statements_are_not_paired_by_nearby_words_and_ages_only_with_ages():
    assert value_kind(fig("3-1", "a", subject=None)) is None
    assert value_kind(fig("12", "a", subject=None)) is None  # a bare number measures nothing named
    assert value_kind(replace(count("two", "a", "side", subject=None), definite=True)) is None  # "the two sides"
    assert value_kind(replace(count("125", "a", "seat", subject=None), definite=True)) is not None  # "the 125 seats"
    said = replace(dated("June 5", "a"), modifiers=("report",))
    assert value_kind(said) is None and value_kind(dated("June 5", "a")) == "date"
    age = replace(fig("61 years", "a", subject=None, attribute="age"))
    assert value_kind(age) == "age" and value_kind(replace(age, subject="Eric Kirk")) == "age"
    assert value_kind(fig("61 years", "a", subject=None, attribute="sentence")) != "age"


def test_the_days_a_state_held_do_not_pair_on_words_they_share():
    """"48,000 households were without power on Sunday night", "9,500 were still without power on Tuesday": both
    may be true. The same words near the dates of one event pair them."""
    a = near(dated("December 6", "a", verb="be", attribute="household", subject=None), "household electricity grid")
    b = near(dated("December 8", "b", verb="be", attribute=None, subject=None), "household electricity grid")
    assert nearby_pairs([a, b], corpus()) == []
    assert len(nearby_pairs([replace(a, verb="cut"), replace(b, verb="cut")], corpus())) == 1


def test_the_dates_of_two_events_do_not_pair_on_words_they_share():
    a = near(dated("May 20", "a", verb="block"), "white house court trade appeal")
    b = near(dated("June 2", "b", verb="indicate"), "white house court trade appeal")
    assert nearby_pairs([a, b], corpus()) == []
    c = near(dated("June 2", "b", verb="block"), "white house court trade appeal")
    assert len(nearby_pairs([a, c], corpus())) == 1


def test_each_figure_keeps_only_its_best_partner_in_each_other_source():
    a = beds("a", "2,000", "mayor ready gym school volunteer")
    b1 = beds("b", "1,665", "mayor ready gym school volunteer", start=10)
    b2 = beds("b", "1,800", "mayor ready gym", start=90)
    (pair,) = nearby_pairs([a, b1, b2], corpus())
    assert {pair.first.id, pair.second.id} == {a.id, b1.id}


def test_paired_figures_no_group_holds_form_a_group_that_a_rule_judges():
    a, b = beds("a", "2,000"), beds("b", "1,665", "mayor ready gym school volunteer")
    (g,) = aligned_groups([a, b], corpus(), [])
    assert g.aligned and g.subject == STORY and g.attribute == "bed"
    assert "the same words stand near both figures" in g.reason
    v = figure_verdict(g)
    assert v is not None and v.relation == "contradict" and v.majority is None and not v.flagged


def test_a_wide_group_with_no_verdict_is_judged_by_the_part_the_nearby_words_mark():
    """A frame's counts of a week scatter with no majority ("86 arrests" on Saturday, "dozens" early on);
    the three sources that report one statement of the count still disagree among themselves."""
    words = "store smash loot hundred"

    def arrested(text: str, source: str, w: str = words) -> Claim:
        c = count(text, source, "people", subject=None, attribute="people", verb="arrest")
        return near(replace(c, frame="arrested", value=replace(c.value, unit="people")), w)

    claims = [arrested("more than 200", "a"), arrested("more than 200", "b"), arrested("more than 179", "c"),
              arrested("86", "d", "police protest saturday course"), arrested("dozens of", "e", "protest spread")]
    (wide,) = group_claims(claims)
    assert wide.block.space == "frame" and figure_verdict(wide) is None  # no bloc has a majority
    (g,) = aligned_groups(claims, corpus(), [wide])
    (part,) = g.parts
    assert {c.source for c in part.claims} == {"a", "b", "c"}
    assert "of these, the same words stand near both figures" in part.reason
    (v,) = figure_verdicts([g])
    assert v.group is part and v.majority == "(200, inf) people" and v.flagged == frozenset({"(179, inf) people"})


def test_a_wide_group_that_gives_a_verdict_is_not_judged_again_by_its_parts():
    claims = [near(count(t, s, "people", subject=None, attribute="people", verb="die"), "flood village kill")
              for t, s in (("63", "a"), ("63", "b"), ("58", "c"))]
    claims = [replace(c, frame="dead") for c in claims]
    (wide,) = group_claims(claims)
    (g,) = aligned_groups(claims, corpus(), [wide])
    assert g.parts and [v.group for v in figure_verdicts([g])] == [g]


def test_ages_pair_when_a_year_or_two_or_a_swap_of_digits_apart_and_not_otherwise():
    def age(text: str, source: str, subject=None) -> Claim:
        return near(replace(fig(f"{text} years", source, subject=subject, attribute="age"), verb="fight"),
                    "third fight decade ring bout")

    (g,) = aligned_groups([age("40", "a"), age("41", "b", "Marchetti")], corpus(), [])
    assert {c.span for c in g.claims} == {"40 years", "41 years"}
    assert aligned_groups([age("61", "a"), age("45", "b")], corpus(), []) == []  # the suspect's and the victim's
    assert len(aligned_groups([age("61", "a"), age("16", "b")], corpus(), [])) == 1


def test_a_proper_noun_the_ner_left_untagged_is_a_name_near_a_figure():
    """"Hansbrough finished with 20 points" against "Clark finished with 22 points": two players, though
    the NER tagged neither. A capitalised proper noun counts; a weekday or a month does not."""
    import spacy
    from spacy.tokens import Doc

    from checker.claims.extract import _holder_name
    from checker.values.vocabulary import default_vocabulary

    words = ["Quillet", "finished", "with", "20", "points", "on", "Friday", "in", "May", "."]
    pos = ["PROPN", "VERB", "ADP", "NUM", "NOUN", "ADP", "PROPN", "ADP", "PROPN", "PUNCT"]
    doc = Doc(spacy.blank("en").vocab, words=words, pos=pos)
    vocab = default_vocabulary()
    assert [t.text for t in doc if _holder_name(t, vocab)] == ["Quillet"]


def test_a_figure_pairs_with_the_same_figure_where_the_other_sentence_states_it():
    """"paying $281 million in cash" against "will pay $334 million, including $281 million in cash":
    the other sentence states $281 million as well, so the $334 million is not its partner."""
    words = "pay quillet cash norvane"
    cash = near(fig("$281 million", "a", subject=None, attribute=None), words, sentence="s-a")
    whole = near(fig("$334 million", "b", subject=None, attribute=None), words, sentence="s-b")
    assert len(nearby_pairs([cash, whole], corpus())) == 1  # alone, the two pair: the check below can fail
    part = replace(near(fig("$281 million", "b", subject=None, attribute=None), words + " include", sentence="s-b"),
                   start=40, end=52)
    pairs = nearby_pairs([cash, whole, part], corpus())
    assert [(p.first.span, p.second.span) for p in pairs] == [("$281 million", "$281 million")]
    # Not when that figure there stands among other words: "a level of 0.07%, under the limit of 0.08%"
    # against one source's "a limit of 0.07%" (misreported) pairs the two limits.
    level = replace(near(fig("$281 million", "b", subject=None, attribute=None), "debt bank owe lender",
                         sentence="s-b"), start=40, end=52)
    pairs = nearby_pairs([cash, whole, level], corpus())
    assert [(p.first.span, p.second.span) for p in pairs] == [("$281 million", "$334 million")]


def test_a_date_no_verb_governs_is_a_dateline_and_pairs_with_nothing():
    """"Port Halvek, 16 March." shares the place with "the ferry sank off Port Halvek on March 15"."""
    line = replace(dated("March 16", "a", verb=None, attribute=None, subject=None), near=("halvek", "port"))
    assert value_kind(line) is None
    assert value_kind(replace(line, verb="sink")) == "date"


def test_figures_of_two_models_measured_apart_do_not_pair():
    """"The 11-inch model ... 5 hours of battery life" and "the 13-inch model ... seven hours": each
    sentence measures, in a unit both use, something the other does not. Two models, not one figure."""
    def model(source: str, size: str, hours: str) -> list[Claim]:
        sentence = f"The {size} Norvane model comes with {hours} of battery life and flash storage."
        life = near(fig(hours, source, subject=None, attribute="life", verb=None), "battery life flash storage model",
                    sentence=sentence)
        inches = near(fig(size.replace("-inch", " inches"), source, subject=None, attribute="model", verb=None),
                      "battery life flash storage model", sentence=sentence, start=4)
        return [life, inches]

    assert [p for p in nearby_pairs(model("a", "11-inch", "5 hours") + model("b", "13-inch", "7 hours"), corpus())
            if p.first.attribute == "life"] == []
    same = nearby_pairs(model("a", "11-inch", "5 hours") + model("b", "11-inch", "7 hours"), corpus())
    assert [(p.first.span, p.second.span) for p in same if p.first.attribute == "life"] == [("5 hours", "7 hours")]
    # A named holder's figures, grouped by subject, attribute and verb, are kept apart the same way.
    grouped = group_claims([replace(c, subject="Norvane", verb="come") for c in
                            model("a", "11-inch", "5 hours") + model("b", "13-inch", "7 hours")])
    assert [g for g in grouped if g.attribute == "life"] == []
    # Counts do not tell two things apart: "22 points and nine rebounds" against "25 points and 16
    # rebounds" is one player's night told two ways.
    line = [near(count(t, s, u, subject="Okafor", attribute=u, verb="finish"), "finish night",
                 sentence=f"Okafor finished with {p} points and {r} rebounds.")
            for s, p, r in (("a", "22", "nine"), ("b", "25", "16")) for t, u in ((p, "point"), (r, "rebound"))]
    measures = measures_by_sentence(line)
    assert not variants_apart(line[0], line[2], measures)


def test_amounts_converted_at_each_outlets_rate_are_never_compared():
    a, b = (replace(beds(s, t), modifiers=("converted",)) for s, t in (("a", "2,000"), ("b", "1,665")))
    assert nearby_pairs([a, b], corpus()) == [] and group_claims([a, b]) == []


def test_a_figure_too_far_from_the_majority_is_another_quantity_left_aside():
    """Two sources' "three Palestinians died" in one strike against "more than 600" and "40" elsewhere:
    too far from three to be it misreported. The rest is judged, and the reason says what was set aside."""
    def dead(text: str, source: str) -> Claim:
        c = count(text, source, "people", subject="Gaza", attribute="people", verb="kill")
        return replace(c, frame="dead", value=replace(c.value, unit="people"))

    (g,) = group_claims([dead("three", "a"), dead("three", "b"), dead("more than 600", "c"), dead("25", "d")])
    assert figure_verdict(g) is None
    (g,) = group_claims([dead("three", "a"), dead("three", "b"), dead("four", "c"), dead("more than 600", "d")])
    v = figure_verdict(g)
    assert v.flagged == frozenset({"4 people"}) and v.majority == "3 people"
    assert "(600, inf) people left aside: too far from 3 people" in v.reason


def test_a_bound_beside_a_figure_tells_no_model_apart_from_another():
    """"up to 16GB of memory ... up to seven hours" holds every figure under it: it is no model's figure,
    so "4GB ... 5 hours" of one model is not the same model for sharing a figure with it."""
    def spec(source: str, memory: str, hours: str) -> list[Claim]:
        sentence = f"It comes with {memory} of memory and {hours} of battery life."
        return [near(fig(hours, source, subject=None, attribute="life", verb=None), "battery life memory",
                     sentence=sentence),
                near(fig(memory, source, subject=None, attribute="memory", verb=None), "battery life memory",
                     sentence=sentence, start=4)]

    claims = spec("a", "4GB", "5 hours") + spec("b", "up to 16GB", "up to 7 hours")
    measures = measures_by_sentence(claims)
    assert variants_apart(claims[0], claims[2], measures)
    same = spec("a", "4GB", "5 hours") + spec("b", "about 4GB", "7 hours")
    assert not variants_apart(same[0], same[2], measures_by_sentence(same))


def test_a_figure_the_other_source_states_too_among_its_words_pairs_with_no_other_figure_there():
    """"a trial ... that showed 71 per cent efficacy against laboratory-confirmed flu" against "showed 87.5% efficacy
    against severe, laboratory-confirmed disease" in a source that gives "a 12,600-person trial and a 71% efficacy
    figure" too: that source states the 71%, among the words near it, and its 87.5% is of another vaccine."""
    old = near(fig("71%", "a", subject=None, attribute=None), "trial people show efficacy laboratory confirm flu",
               sentence="s-a")
    new = near(fig("87.5%", "b", subject=None, attribute=None), "study participant show efficacy laboratory confirm",
               sentence="s-b")
    assert len(nearby_pairs([old, new], corpus())) == 1  # alone, the two pair: the check below can fail
    again = replace(near(fig("71%", "b", subject=None, attribute=None), "person trial efficacy figure build",
                         sentence="s-b2"), start=60, end=63)
    assert [(p.first.span, p.second.span) for p in nearby_pairs([old, new, again], corpus())] == []


def test_a_figure_one_source_gives_with_two_digits_swapped_pairs_on_one_word_near_both_whatever_verb():
    """"over €7.4 million paid from the flood fund" in one source, "steering €4.7 million from the flood fund" and
    "€4.7 million left the flood fund" in two: one word near both and two verbs, which keep other figures apart; two
    digits swapped say it is one figure misread."""
    def paid(source: str, text: str, verb: str, words: str, start: int = 0) -> Claim:
        return near(fig(text, source, subject=None, attribute=None, verb=verb, start=start), words, start=start)

    slip = paid("a", "€7.4 million", "pay", "fund impeach region")
    told = [paid("b", "€4.7 million", "steer", "fund consultancy"), paid("c", "€4.7 million", "leave", "fund case")]
    pairs = nearby_pairs([slip, *told], corpus())
    assert sorted(p.second.source for p in pairs if p.swapped == 2 and p.first is slip) == ["b", "c"]
    assert pairs[0].describe() == ("the same figure with two neighbouring digits swapped ('€7.4 million', '€4.7 "
                                   "million'), one source's against 2 sources', and the same words near both (fund)")
    # One source against one is no slip of one (two figures of the story whose digits happen to be alike), nor is a
    # figure of a source that gives the other too; nor is a figure whose digits are not two neighbours swapped.
    assert nearby_pairs([slip, told[0]], corpus()) == []
    both = paid("a", "€4.7 million", "steer", "fund consultancy", start=200)
    assert not any(p.swapped for p in nearby_pairs([slip, both, *told], corpus()))
    assert nearby_pairs([paid("a", "€7.9 million", "pay", "fund impeach region"), *told], corpus()) == []
    # Two digits of a small figure swapped are as often two figures of the story ("caught 3 passes for 37 yards" on
    # the "73-yard drive"): under a thousand, only a figure of three digits or more pairs so ("92.3%", "93.2%").
    def yards(source: str, text: str, verb: str, words: str) -> Claim:
        return near(fig(text, source, subject=None, attribute=None, verb=verb), words)

    drive = [yards("b", "73 yards", "embark", "drive touchdown"), yards("c", "73 yards", "cap", "drive pass")]
    assert nearby_pairs([yards("a", "37 yards", "catch", "drive pass"), *drive], corpus()) == []
    share = [paid("b", "93.2%", "reach", "coverage dose"), paid("c", "93.2%", "stand", "coverage dose")]
    assert any(p.swapped for p in nearby_pairs([paid("a", "92.3%", "give", "coverage"), *share], corpus()))
