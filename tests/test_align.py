"""Alignment (stage 3) and the figures it groups. No spaCy model: sentences and claims built by hand,
their content words as the extraction gives them (lemmas, figures and reporting verbs left out).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from test_groups import fig

from checker.align import align_sentences
from checker.claims.claim import Claim
from checker.claims.sentences import Sentence
from checker.findings.figure_verdict import figure_verdict
from checker.groups.aligned import aligned_groups, slot_pairs
from checker.groups.figures import STORY, group_claims
from checker.values.types import DateValue

NAMES = {"norvane", "daniel", "krepp", "amberline", "star", "kessal", "bralic", "teodor"}


def sent(source: str, start: int, words: str, text: str | None = None) -> Sentence:
    ws = tuple(sorted(set(words.split())))
    text = text or words
    return Sentence(source, start, start + len(text), 1, start + 1, text, ws, tuple(w for w in ws if w in NAMES))


FILLER = [  # other sentences of each source (words its own): what makes a story's shared words rare
    "company share price trade week", "analyst expect market react investor", "union represent worker plant",
    "board meet discuss plan strategy", "factory close region town", "customer order product delay",
]


def corpus_of(*extra: Sentence) -> list[Sentence]:
    out = list(extra)
    for k, source in enumerate(("a", "b", "c")):
        for i, words in enumerate(FILLER):
            out.append(sent(source, 1000 + 100 * i + k, " ".join(f"{w}{source}" for w in words.split())))
    return out


def test_two_renderings_of_one_fact_align_and_say_what_they_share():
    a = sent("a", 0, "krepp daniel restructuring cost euro bonus severance", "Krepp said the restructuring would cost ...")
    b = sent("b", 0, "director finance daniel krepp restructuring cost euro", "The director of finances Daniel Krepp ...")
    al = align_sentences(corpus_of(a, b))
    (pair,) = [p for p in al.pairs if p.first.id == "a:0"]
    assert pair.second.id == "b:0"
    assert {"restructuring", "cost", "euro"} <= set(pair.shared)
    assert "aligned sentences sharing" in pair.describe() and "restructuring" in pair.describe()
    assert al.pair(a, b) is pair and al.pair(b, a) is pair


def test_sentences_about_one_person_that_report_different_facts_do_not_align():
    # Shared: only the admiral's names and "say"-like words, which the extraction drops or weighs less.
    a = sent("a", 0, "teodor bralic admiral people miss afternoon")
    b = sent("b", 0, "teodor bralic admiral hull lie side water")
    assert align_sentences(corpus_of(a, b)).pairs == ()


def test_a_sentence_aligns_with_its_best_match_in_each_other_source_only():
    a = sent("a", 0, "ferry capsize strait rough sea passenger")
    b1 = sent("b", 0, "ferry capsize strait rough sea evening")
    b2 = sent("b", 50, "ferry capsize strait passenger")
    pairs = [p for p in align_sentences(corpus_of(a, b1, b2)).pairs if p.first.id == "a:0"]
    assert [p.second.id for p in pairs] == ["b:0"]


def test_a_distinctive_figure_both_sentences_state_counts_towards_their_alignment():
    """"A 5.6 magnitude earthquake hit an island off the southern coast on Tuesday" and "An earthquake
    measuring 5.6 jolted Qeshm island off the southern coast on Sunday": the words alone are too few of
    each; the figure both state says they report one quake. A figure one states only takes nothing away."""
    from dataclasses import replace as _replace

    a = sent("a", 0, "earthquake hit island southern coast injure people damage building magnitude")
    b = sent("b", 0, "earthquake measure island southern coast jolt qeshm richter scale aftershock")
    assert align_sentences(corpus_of(a, b)).pairs == ()
    a5, b5 = _replace(a, anchors=("5.6",)), _replace(b, anchors=("5.6",))
    (pair,) = align_sentences(corpus_of(a5, b5)).pairs
    assert 0.4 <= pair.score < 0.5
    assert align_sentences(corpus_of(a5, _replace(b, anchors=("4.1",)))).pairs == ()


def test_an_anchor_is_a_figure_few_facts_share():
    from checker.claims.sentences import anchor
    from checker.values.numbers import iter_quantities

    def of(text: str) -> str | None:
        ((_, _, q),) = list(iter_quantities(text))
        return anchor(q)

    assert (of("5.6"), of("a 17-inch laptop"), of("$5.4 billion")) == ("5.6", "17", "5.4e+09")
    assert of("three people") is None and of("43") is None and of("a 41-year wait") is None


def test_sentences_of_one_source_never_align_with_each_other():
    a1 = sent("a", 0, "ferry capsize strait rough sea passenger")
    a2 = sent("a", 50, "ferry capsize strait rough sea passenger")
    assert align_sentences([a1, a2]).pairs == ()


def test_sentence_at_finds_the_sentence_holding_an_offset():
    a = sent("a", 10, "ferry capsize strait", "The ferry capsized.")
    al = align_sentences([a])
    assert al.sentence_at("a", 10) is a and al.sentence_at("a", 20) is a
    assert al.sentence_at("a", 9) is None and al.sentence_at("a", 29) is None and al.sentence_at("z", 10) is None


def test_the_pairs_among_some_sentences_are_those_that_hold_one_in_the_corpus_order():
    a = sent("a", 0, "ferry capsize strait rough sea passenger")
    b = sent("b", 0, "ferry capsize strait rough sea evening")
    c = sent("c", 0, "ferry capsize strait rough sea night")
    al = align_sentences(corpus_of(a, b, c))
    assert len(al.pairs) == 3
    assert al.pairs_among(["b:0"]) == [p for p in al.pairs if "b:0" in (p.first.id, p.second.id)]
    assert len(al.pairs_among(["b:0"])) == 2
    assert al.pairs_among(["c:0", "a:0", "b:0"]) == list(al.pairs)
    assert al.pairs_among(["z:0"]) == []
    assert al.word_counts == Counter(w for s in al.sentences for w in s.words)
    assert al.word_counts["ferry"] == 3


def test_the_index_compares_far_fewer_pairs_than_all_of_them():
    from checker.align.sentences import _candidates

    sentences = []
    for story in range(40):  # 40 stories, 3 sources each, 10 sentences: words of one story only
        for source in range(3):
            for i in range(10):
                sentences.append(sent(f"s{story}_{source}", i * 100, f"w{story}x{i} w{story}y{i} w{story}z{i} w{story}q{i % 3} common"))
    sentences.sort(key=lambda s: (s.source, s.start))
    # Rarity first: each sentence probes with its story's words, so stories never meet.
    df = Counter(w for s in sentences for w in s.words)
    rank = {w: r for r, w in enumerate(sorted(df, key=lambda w: (df[w], w)))}
    found = _candidates(sentences, rank, df)
    n = len(sentences)
    assert len(found) < n * (n - 1) / 2 / 20
    assert all(sentences[i].source.split("_")[0] == sentences[j].source.split("_")[0] for i, j in found)


# -- figures in the same slot ------------------------------------------------------------------


def at(c: Claim, s: Sentence) -> Claim:
    return replace(c, start=s.start + 2, end=s.start + 2 + len(c.span), sentence=s.text)


def count(text: str, source: str, unit: str, **facets) -> Claim:
    """A count of things ("212 passengers"): the number, its unit the noun, as the extraction gives it."""
    c = fig(text, source, **facets)
    return replace(c, value=replace(c.value, unit=unit, dimension="count"))


def aligned_pair():
    # The texts name the holders the tests give their figures (Norvane, Kestrel).
    a = sent("a", 0, "restructuring cost bonus severance euro krepp daniel", "Norvane, Kestrel: the restructuring ...")
    b = sent("b", 0, "restructuring cost director finance euro krepp daniel", "Norvane, Kestrel: the director ...")
    al = align_sentences(corpus_of(a, b))
    return al, a, b


def test_figures_in_the_same_slot_of_aligned_sentences_form_a_group_that_says_why():
    al, a, b = aligned_pair()
    x = at(fig("150 million euros", "a", subject=None, attribute=None), a)
    y = at(fig("250 million euros", "b", subject=None, attribute=None), b)
    (g,) = aligned_groups([x, y], al, [])
    assert {c.id for c in g.claims} == {x.id, y.id} and g.aligned
    assert g.subject == STORY and g.attribute == "currency"
    assert "aligned sentences sharing" in g.reason and "same slot" in g.reason
    v = figure_verdict(g)
    assert v is not None and v.relation == "contradict"  # judged, though no source names the holder


def test_two_figures_of_one_kind_in_a_sentence_pair_only_by_attribute():
    al, a, b = aligned_pair()
    x1 = at(count("212", "a", "passenger", subject=None, attribute="passenger"), a)
    x2 = replace(at(count("14", "a", "passenger", subject=None, attribute="crew"), a), start=a.start + 9)
    y1 = at(count("212", "b", "passenger", subject=None, attribute="passenger"), b)
    y2 = replace(at(count("15", "b", "passenger", subject=None, attribute="crew"), b), start=b.start + 9)
    pairs = slot_pairs(al.pairs[0], [x1, x2], [y1, y2])
    assert sorted((p.span, q.span) for p, q in pairs) == [("14", "15"), ("212", "212")]
    # Without attributes two figures of one kind have no known slot.
    bare = [replace(c, attribute=None) for c in (x1, x2, y1, y2)]
    assert slot_pairs(al.pairs[0], bare[:2], bare[2:]) == []


def test_figures_of_different_subjects_different_directions_or_a_gap_do_not_pair():
    al, a, b = aligned_pair()
    x = at(count("68", "a", "point", subject="Kestrel", attribute="point"), a)
    same = at(count("61", "b", "point", subject=None, attribute="point"), b)
    assert len(slot_pairs(al.pairs[0], [x], [same])) == 1  # the check below can fail
    assert slot_pairs(al.pairs[0], [x], [replace(same, subject="Dunmore")]) == []
    assert slot_pairs(al.pairs[0], [x], [replace(same, modifiers=("difference",))]) == []
    assert slot_pairs(al.pairs[0], [x], [replace(same, definite=True)]) == []
    up, down = at(fig("5%", "a", change="up", subject=None), a), at(fig("3%", "b", change="down", subject=None), b)
    assert len(slot_pairs(al.pairs[0], [up], [replace(down, value=replace(down.value, change="up"))])) == 1
    assert slot_pairs(al.pairs[0], [up], [down]) == []


def test_an_aligned_figure_joins_the_group_its_partner_is_in():
    al, a, b = aligned_pair()
    c_sent = sent("c", 0, "unrelated words here only")
    x = at(fig("150 million euros", "a", subject="Norvane", attribute="cost"), a)
    z = at(fig("150 million euros", "c", subject="Norvane", attribute="cost"), c_sent)
    y = at(fig("250 million euros", "b", subject=None, attribute=None), b)
    groups = group_claims([x, y, z])
    assert len(groups) == 1 and y.id not in {c.id for c in groups[0].claims}
    aside = fig("180 million euros", "c", subject="Norvane", attribute="cost", start=99)
    groups = [replace(groups[0], set_aside=(aside,))]  # as if the grouping had set one aside
    (g,) = aligned_groups([x, y, z], al, groups)
    assert {c.id for c in g.claims} == {x.id, y.id, z.id}
    assert g.block == groups[0].block and "joined by aligned sentences" in g.reason
    assert g.set_aside == (aside,)  # widened, the group still knows what it set aside
    v = figure_verdict(g)
    assert v is not None and v.majority == x.normalised and v.flagged == {y.normalised}  # two sources against one


def test_claims_grouped_apart_by_their_subjects_stay_apart():
    al, a, b = aligned_pair()
    x = at(fig("150 million euros", "a", subject="Norvane", attribute="cost"), a)
    y = at(fig("250 million euros", "b", subject="Olsberg", attribute="cost"), b)
    assert aligned_groups([x, y], al, []) == []


def test_figures_of_two_predicates_or_of_sentences_naming_different_holders_do_not_pair():
    al, a, b = aligned_pair()
    x = at(count("13,000", "a", "job", subject=None, attribute="job"), a)
    y = at(count("30,000", "b", "job", subject=None, attribute="job"), b)
    assert len(slot_pairs(al.pairs[0], [x], [y])) == 1
    assert slot_pairs(al.pairs[0], [replace(x, verb="kill")], [replace(y, verb="celebrate")]) == []
    pair = replace(al.pairs[0], first=replace(al.pairs[0].first, text="DaimlerChrysler said it would cut 13,000 jobs."),
                   second=replace(al.pairs[0].second, text="Ford Motor Company cutting 30,000 jobs"))
    assert len(slot_pairs(pair, [x], [y])) == 1
    assert slot_pairs(pair, [x], [replace(y, subject="Ford Motor Company")]) == []


def test_a_sentence_that_is_most_of_a_longer_one_aligns_with_it():
    a = sent("a", 0, "mandatory independent review government scientist perform eliminate")
    b = sent("b", 0, "mandatory independent review government scientist perform eliminate dam power plant timber "
                     "sale project developer welcome critic warn wildlife protection river habitat court ruling")
    al = align_sentences(corpus_of(a, b))
    (pair,) = [p for p in al.pairs if p.first.id == "a:0"]
    assert pair.score < 0.5 and pair.contained >= 0.8 and "of the shorter one's weight" in pair.describe()
    short = sent("b", 0, "mandatory review eliminate dam power plant timber sale project developer welcome critic")
    assert not [p for p in align_sentences(corpus_of(a, short)).pairs if p.first.id == "a:0"]


def test_a_named_holder_pairs_with_a_sentence_that_names_no_one_but_not_with_one_naming_others():
    al, a, b = aligned_pair()
    x = at(fig("$35,000", "a", subject="ATF", attribute="reward"), a)
    y = at(fig("$38,000", "b", subject=None, attribute="reward"), b)
    unnamed = replace(al.pairs[0], second=replace(al.pairs[0].second, names=(), text="Federal authorities offered ..."))
    assert len(slot_pairs(unnamed, [x], [y])) == 1
    assert slot_pairs(al.pairs[0], [x], [y]) == []  # b names Krepp and Norvane, not the ATF
    both = replace(al.pairs[0], first=replace(al.pairs[0].first, text="The ATF and FBI offered ..."),
                   second=replace(al.pairs[0].second, text="The FBI and ATF offered ..."))
    fx = replace(x, sentence=both.first.text)
    fy = replace(y, subject="FBI", sentence=both.second.text)
    assert len(slot_pairs(both, [fx], [fy])) == 1


# -- people named in aligned sentences ---------------------------------------------------------


def rehab(source: str, name: str, start: int = 0, words: str = "check rehab treatment center rep magazine",
          verb: str = "check"):
    from test_groups import person

    m = person(name, source, start=start, verb=verb)
    return m, sent(source, start, words, f"{name} checked into a rehab treatment center, her rep told the magazine.")


def test_two_first_names_of_one_surname_in_aligned_sentences_are_one_person_and_name001_says_why():
    from checker.findings.names import DIFFERENT, name_variants
    from checker.groups.people import group_people
    from checker.values.vocabulary import default_vocabulary

    (a, sa), (b, sb), (c, sc) = rehab("a", "Tara Reid"), rehab("b", "Tara Reid"), rehab("c", "Jacqueline Reid")
    al = align_sentences(corpus_of(sa, sb, sc))
    assert al.pair(sa, sc) is not None
    (p,) = group_people([a, b, c], alignment=al)
    (nv,) = name_variants(p, default_vocabulary())
    assert nv.variant == "Jacqueline Reid" and nv.relation == DIFFERENT
    assert "the same person by surname and aligned sentences" in nv.reason
    # Without the alignment, nothing says they are one person: two people.
    assert len(group_people([a, b, c])) == 2
    # Nor when they do different things in those sentences (a wife reported missing, a husband charged).
    other, _ = rehab("c", "Jacqueline Reid", verb="report")
    assert len(group_people([a, b, other], alignment=al)) == 2


def test_a_sentence_naming_two_people_of_one_surname_joins_neither():
    from test_groups import person

    from checker.groups.people import group_people

    (a, sa), (c, _) = rehab("a", "Lindsay Lohan"), rehab("c", "Dina Lohan")
    c2 = person("Michael Lohan", "c", start=40)
    sc = sent("c", 0, "check rehab treatment center rep magazine", "Dina Lohan and Michael Lohan said she checked into ...")
    al = align_sentences(corpus_of(sa, sc))
    assert al.pair(sa, sc) is not None
    assert len(group_people([a, c, c2], alignment=al)) == 3


def test_the_date_of_a_statement_or_of_the_day_an_article_was_written_is_not_paired():
    from test_groups import dated

    al, a, b = aligned_pair()
    x = at(replace(dated("June 5", "a", verb="speak"), subject=None), a)
    y = at(replace(dated("June 4", "b", verb="hold"), subject=None), b)
    assert len(slot_pairs(al.pairs[0], [x], [y])) == 1  # the one date of each, "hold" a light verb
    assert slot_pairs(al.pairs[0], [x], [replace(y, modifiers=("report",))]) == []
    assert slot_pairs(al.pairs[0], [replace(x, modifiers=("deictic",))], [y]) == []


def date_at(text: str, sentence: Sentence, verb: str) -> Claim:
    from test_groups import dated

    return at(dated(text, sentence.source, verb=verb, subject=None, attribute=None), sentence)


def test_the_one_date_of_aligned_sentences_pairs_across_a_light_verb_but_not_two_events():
    """"spoke by phone on June 5" / "held a phone call on June 4": one call (the light verb's noun
    names the event). "convicted in June 1998" / "returned to prison in June 1999": two events."""
    al, a, b = aligned_pair()
    pairs = al.pairs[0]
    assert slot_pairs(pairs, [date_at("June 5", a, "speak")], [date_at("June 4", b, "hold")], frozenset({"hold"}))
    assert slot_pairs(pairs, [date_at("June 5", a, "speak")], [date_at("June 4", b, "speak")])
    assert slot_pairs(pairs, [date_at("June 5", a, "convict")], [date_at("June 4", b, "return")],
                      frozenset({"hold"})) == []


def test_a_date_the_other_sentence_states_as_well_pairs_only_with_itself():
    """"the first flight will take off ... and land in Sydney on October 25" against "the A380 will make
    a charity flight on October 25 ... and begin service on October 28": the other sentence states
    October 25 too (of a holder the first does not name), so October 28 is not in its slot."""
    al, a, b = aligned_pair()
    pairs, light = al.pairs[0], frozenset({"take"})
    land = date_at("October 25", a, "take")
    fly = replace(date_at("October 25", b, "make"), subject="A380")
    begin = replace(date_at("October 28", b, "begin"), start=b.start + 9)
    assert slot_pairs(pairs, [land], [begin], light)  # alone, the two would pair: the check below can fail
    assert slot_pairs(pairs, [land], [fly, begin], light) == []
    assert slot_pairs(pairs, [fly, begin], [land], light) == []


def test_a_date_the_other_sentence_states_in_other_words_pairs_only_with_itself():
    """"the winner of Friday's second semifinal" (an article of Friday, March 8, 2013: the day is known)
    against "in Saturday's semifinals, Quillet will play Norvane, which beat Marrowby on Friday": the
    other sentence states that Friday too, as a weekday, so Saturday is not in its slot."""
    al, a, b = aligned_pair()
    pairs = al.pairs[0]
    friday = date_at("March 8, 2013", a, "semifinal")

    def weekday(text: str, day: int, verb: str, start: int) -> Claim:  # a weekday of an undated article
        c = date_at("March 8, 2013", b, verb)
        return replace(c, span=text, value=DateValue(text, None, 0, 0, 0, weekday=day), start=start)

    saturday, beat = weekday("Saturday", 5, "semifinal", b.start), weekday("Friday", 4, "beat", b.start + 9)
    assert slot_pairs(pairs, [friday], [saturday])  # alone, the two would pair: the check below can fail
    assert slot_pairs(pairs, [friday], [saturday, beat]) == []
