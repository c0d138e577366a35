"""TRANS002 translation-calque: one source's wording of a slot of an aligned sentence, against the others'.

No spaCy: each source is one sentence a line, its content words and its modifier-noun pairs written by
hand; the alignment stage runs for real on them.
"""

from __future__ import annotations

import re

import pytest

from checker.align import align_sentences
from checker.claims.bigrams import Bigram
from checker.claims.sentences import Sentence
from checker.corpus import Corpus, Source
from checker.findings import Context
from checker.findings.rules import trans002
from checker.findings.rules.trans002 import CalqueExplanation, judge
from checker.findings.translation_score import translation_scores
from checker.values import english

FUNCTION = {"a", "an", "the", "of", "to", "in", "on", "at", "and", "was", "were", "had", "has", "its", "his", "her",
            "by", "for", "from", "after", "when", "said", "with", "it", "will", "be"}
OTHERS = ("01_wire", "02_local", "03_broadcaster")


def source(sid: str, lines: list[str], terms: list[str], names: tuple[str, ...] = ()) -> tuple[Source, list, list]:
    text = "\n".join(lines) + "\n"
    src = Source(sid, f"corpus/{sid}.txt", text)
    sentences, bigrams = [], []
    pos = 0
    for line in lines:
        words = tuple(sorted({w.lower() for w in re.findall(r"[A-Za-z]+", line)} - FUNCTION))
        ln, col = src.line_col(pos)
        sentences.append(Sentence(sid, pos, pos + len(line), ln, col, line, words,
                                  tuple(sorted(n.lower() for n in names if n in line))))
        for t in terms:
            for m in re.finditer(rf"\b{t}\b", line, re.IGNORECASE):
                a, b = m.group().lower().split()
                bigrams.append(Bigram(sid, a, b, pos + m.start(), pos + m.end(), m.group(), line, (a, b)))
        pos += len(line) + 1
    return src, sentences, bigrams


def story(plain: str, odd: str, terms: list[str], odd_sources: int = 1, names: tuple[str, ...] = (),
          extra: dict[str, str] | None = None) -> Context:
    """Three sources (or fewer, when several write the odd sentence) write `plain`, the rest `odd`;
    each source also holds two sentences of its own."""
    built = []
    sids = list(OTHERS[: 4 - odd_sources]) + [f"0{5 - i}_translated" for i in range(odd_sources, 0, -1)]
    for i, sid in enumerate(sids):
        lines = ["Crane falls at the Norvane Tower site in Marrowby.",
                 odd if i >= len(sids) - odd_sources else plain,
                 f"Reporter number {i} filed this story from the harbour district."]
        if extra and sid in extra:
            lines.append(extra[sid])
        built.append(source(sid, lines, terms, names))
    corpus = Corpus(tuple(s for s, _, _ in built))
    alignment = align_sentences([x for _, ss, _ in built for x in ss])
    return Context(corpus, bigrams=[b for _, _, bs in built for b in bs], alignment=alignment)


def calques(ctx: Context):
    return trans002.check(ctx)


# The shapes: each on a sentence of its own, three sources agreeing and the fourth writing it word for word.
SHAPES = [
    ("Police said the operator was wearing a seat belt and walked away without injury.",
     "Police said the operator was wearing a security belt and walked away without injury.",
     ["seat belt", "security belt"], "security belt", "seat belt", ("unlisted-pairing",)),
    ("A rescue team reached the site within ten minutes and freed two workers.",
     "A team of saving reached the site within ten minutes and freed two workers.",
     ["rescue team"], "team of saving", "rescue team", ("of-chain",)),
    ("Mayor Ellis Vellacott said the accident should raise awareness of safety on building sites.",
     "Mayor Ellis Vellacott said the accident should raise the take of conscience of safety on building sites.",
     ["building sites"], "the take of conscience", "awareness", ("of-chain",)),
    ("The Norvane Tower will be the tallest skyscraper in the region when it is finished.",
     "The Norvane Tower will be the tallest sky scratcher in the region when it is finished.",
     ["sky scratcher"], "sky scratcher", "skyscraper", ("unlisted-pairing", "split-compound")),
    ("The city council gave the green light to the tower after a long debate about its height.",
     "The city council gave the green lamp to the tower after a long debate about its height.",
     ["green light", "green lamp", "city council", "long debate"], "green lamp", "green light",
     ("unlisted-pairing",)),
]


@pytest.mark.parametrize("plain, odd, terms, shown, said, signals", SHAPES, ids=[s[3] for s in SHAPES])
def test_each_shape_is_found_once_with_what_the_others_write(plain, odd, terms, shown, said, signals):
    (f,) = calques(story(plain, odd, terms))
    assert (f.rule, f.severity, f.subject) == ("TRANS002", "warning", said)
    flagged = [e for e in f.evidence if e.flagged]
    assert [(e.source, e.line, e.span) for e in flagged] == [("04_translated", 2, shown)]
    assert flagged[0].column == odd.index(shown) + 1
    assert [(e.source, e.span) for e in f.evidence if not e.flagged] == [(s, said) for s in OTHERS]
    assert isinstance(f.explanation, CalqueExplanation)
    assert f.explanation.signals == signals
    assert f.explanation.others_sources == OTHERS and f.explanation.aligned_sources == 3
    assert f"3 of the 3 other sources write '{said}'" in f.message


def test_the_english_counts_are_in_the_finding():
    plain, odd, terms, *_ = SHAPES[0]
    (f,) = calques(story(plain, odd, terms))
    x = f.explanation
    assert (x.phrase_pair, x.others_form) == ("security belt", "seat belt")
    assert english.pair_count("security belt") == 0 and x.phrase_pair_count_below == english.listed_floor()
    assert x.others_form_count == english.pair_count("seat belt") >= trans002.MIN_OTHERS_PAIR
    assert f"'seat belt' occurs {english.pair_count('seat belt'):,} times" in f.message


@pytest.mark.parametrize("plain, odd, terms", [
    # rewording between outlets: common English on both sides
    ("Police said the driver was killed in the crash on the coast road.",
     "Police said the driver died in the crash on the coast road.", ["coast road"]),
    ("The minister said the bridge would reopen after the inspections.",
     "The minister stated the bridge would reopen after the inspections.", []),
    # a one-word form of one of the two words is rewording, not a split compound
    ("They have thirty jets at the air base near the coast, the agency said.",
     "They have thirty jet planes at the air base near the coast, the agency said.", ["jet planes", "air base"]),
    # both pairs unlisted: no evidence the odd one is rarer
    ("Citizens believe dubious advice on the internet and begin to treat themselves.",
     "Citizens believe questionable advice on the internet and begin to treat themselves.",
     ["dubious advice", "questionable advice"]),
    # an "of" phrase English writes ("number of victims"), no compound with the same head
    ("The death toll rose again on Sunday as more bodies were found.",
     "The number of victims rose again on Sunday as more bodies were found.", ["death toll"]),
])
def test_ordinary_rewording_is_not_flagged(plain, odd, terms):
    assert calques(story(plain, odd, terms)) == []


def test_a_name_is_left_to_the_name_rules():
    plain = "Mayor Ellis Vellacott said the accident should never have happened at the site."
    odd = "Mayor Ellis Vellacot said the accident should never have happened at the site."
    assert calques(story(plain, odd, [], names=("Ellis", "Vellacott", "Vellacot"))) == []
    odd = "Mayor Elis Fire Vellacott said the accident should never have happened at the site."
    assert calques(story(plain, odd, [], names=("Ellis", "Elis", "Vellacott"))) == []


def test_two_sources_writing_the_odd_phrase_is_not_one_source_s_garble():
    plain, odd, terms, *_ = SHAPES[0]
    # two write "seat belt", two "security belt": no majority either way
    assert calques(story(plain, odd, terms, odd_sources=2)) == []


def test_no_alignment_no_finding():
    plain, odd, terms, *_ = SHAPES[0]
    ctx = story(plain, odd, terms)
    assert calques(Context(ctx.corpus, bigrams=ctx.bigrams)) == []


def test_judge_needs_the_odd_pair_to_be_a_term_of_the_sentence():
    assert judge(["security"], "a", "belt", ["seat"], {"security belt"})["signals"] == ("unlisted-pairing",)
    assert judge(["security"], "a", "belt", ["seat"], set()) is None
    assert judge(["end", "of", "week"], "the", "", ["weekend"], set())["signals"] == ("of-chain",)


def test_the_translated_source_reads_most_translated():
    contexts = [story(p, o, t) for p, o, t, *_ in SHAPES]
    for ctx in contexts:
        scores = {t.source: t for t in translation_scores(ctx.corpus, calques(ctx))}
        assert scores["04_translated"].counts["calque"] == 1
        assert [p.signal for p in scores["04_translated"].passages] == ["calque"]
        assert all(not scores[s].passages for s in OTHERS)


@pytest.mark.parametrize("cand, others, signal", [
    ("agent of police", "police officer", "of-chain"),  # the others' modifier, another head, no "police agent"
    ("card of credit", "credit card", "of-chain"),  # "card" seldom opens an "of" phrase
    ("end of week", "weekend", "of-chain"),  # the others' one word is made of the two
    ("room of urgencies", "emergency room", "of-chain"),  # a plural the word list lacks is still English
    ("earth shaking", "earthquake", "split-compound"),  # no noun pair ("shaking" read as a verb): the compound opens with it
    ("news release meeting", "press conference", "unlisted-pairing"),  # three words for two
])
def test_word_for_word_shapes(cand, others, signal):
    verdict = judge(cand.split(), "the", "was", others.split(), {"release meeting"})
    assert verdict is not None and signal in verdict["signals"]


@pytest.mark.parametrize("cand, others", [
    ("head of police", "police chief"),  # "head of" is common English
    ("leaders of the party", "party leaders"),  # the same words, reordered
    ("number of victims", "death toll"),
    ("osteoarthritis of the knee", "knee osteoarthritis"),  # a rare word's "of" pair says nothing
    ("jet planes", "jets"),
])
def test_english_of_phrases_and_forms_are_not_shapes(cand, others):
    assert judge(cand.split(), "the", "was", others.split(), {cand}) is None


def test_a_source_that_rewrites_the_whole_sentence_does_not_count_against_the_majority():
    plain, odd, terms, *_ = SHAPES[0]
    ctx = story(plain, odd, terms)
    rewritten = "The operator, police said, had a seat belt on and walked away from the cab without injury."
    extra = source("05_daily", ["Crane falls at the Norvane Tower site in Marrowby.", rewritten,
                                "Reporter number 5 filed this story from the harbour district."], terms)
    sentences = list(ctx.alignment.sentences) + extra[1]
    ctx = Context(Corpus((*ctx.corpus.sources, extra[0])), bigrams=[*ctx.bigrams, *extra[2]],
                  alignment=align_sentences(sentences))
    (f,) = calques(ctx)
    assert f.explanation.others_sources == OTHERS and f.explanation.aligned_sources == 4  # the daily's sentence is aligned too


def test_wording_another_source_uses_elsewhere_is_the_story_s():
    plain, odd, terms, *_ = SHAPES[0]
    elsewhere = "Inspectors checked every security belt on the remaining cranes before work resumed."
    assert calques(story(plain, odd, terms, extra={"02_local": elsewhere})) == []
    # one word of it used elsewhere is any text's: the calque stands
    elsewhere = "Security at the site was tightened after the accident, and a guard now stands at the gate."
    assert len(calques(story(plain, odd, terms, extra={"02_local": elsewhere}))) == 1


def test_one_word_swapped_beside_a_shared_word_needs_a_clear_margin():
    # "sleep disorders" is listed, but less than MIN_SWAP_MARGIN times the floor: a near-synonym just below the
    # floor ("sleep disturbances") would be unlisted though ordinary English
    floor = english.listed_floor()
    assert 0 < english.pair_count("sleep disorders") < trans002.MIN_SWAP_MARGIN * floor
    assert judge(["disturbances"], "sleep", "and", ["disorders"], {"sleep disturbances"}) is None
    # "side effects" is listed far above the floor: "side events" beside it is a word rendered in another sense
    assert english.pair_count("side effects") >= trans002.MIN_SWAP_MARGIN * floor
    verdict = judge(["events"], "side", "and", ["effects"], {"side events"})
    assert verdict["signals"] == ("unlisted-pairing",)
    assert verdict["swap_margin"] == round(english.pair_count("side effects") / floor, 1)


def test_the_margin_is_in_the_finding():
    plain, odd, terms, *_ = SHAPES[0]
    (f,) = calques(story(plain, odd, terms))
    margin = round(english.pair_count("seat belt") / english.listed_floor(), 1)
    assert f.explanation.swap_margin == margin
    assert f"one word swapped in a phrase English writes at least {margin:g} times as often as any unlisted pair" \
        in f.message


@pytest.mark.parametrize("cand, before, after, others, terms", [
    (["taxes"], "gift", "and", ["tax"], {"gift taxes"}),  # the plural of the others' word
    (["retirement"], "and", "homes", ["nursing"], {"retirement homes"}),  # "retirement home" is listed
    (["improper", "nutrition"], "by", "but", ["malnutrition"], {"improper nutrition"}),  # a prefix, not a compound
    # the pair is not the slot's one difference: a clause said otherwise
    (["keeping", "the", "main", "funds"], "for", "on", ["to", "store", "fixed", "assets"], {"main funds"}),
    (["access", "to", "the", "internet"], "the", "was", ["internet", "access"], set()),  # English reorders "to"
])
def test_forms_derived_words_and_reworded_clauses_are_not_calques(cand, before, after, others, terms):
    assert judge(cand, before, after, others, terms) is None


def test_a_purpose_written_with_to_is_a_word_for_word_shape():
    verdict = judge(["machine", "to", "wash"], "a", "and", ["washing", "machine"], set())
    assert verdict["signals"] == ("to-chain",)
    assert verdict["shape"] == "'machine to wash' where the others write the compound 'washing machine'"
    assert verdict["others_form_count"] == english.pair_count("washing machine") > 0


def test_a_pair_beside_another_difference_is_read_where_it_covers_the_slot():
    # "faulty dust" / "faulty vacuum" leaves "sucker" / "cleaner" outside it; "dust sucker" / "vacuum cleaner" is read
    verdict = judge(["dust", "sucker"], "faulty", "in", ["vacuum", "cleaner"], {"faulty dust", "dust sucker"})
    assert verdict["phrase_pair"] == "dust sucker" and verdict["others_form"] == "vacuum cleaner"


def test_a_sentence_sharing_too_few_words_is_rewritten_not_reworded():
    a = "the operator was wearing a security belt and walked away without injury".split()
    close = "the operator was wearing a seat belt and walked away without injury".split()
    assert trans002._compare(a, close) == [(5, 6, 5, 6)]
    # 8 of 12 words shared (two thirds), under MIN_SHARED_SHARE: the same fact said in another sentence
    far = "the operator was wearing a seat belt and walked off site unhurt".split()
    shared = sum(m.size for m in trans002.SequenceMatcher(None, a, far, autojunk=False).get_matching_blocks())
    assert shared == 8 and len(a) == len(far) == 12 and 8 / 12 < trans002.MIN_SHARED_SHARE
    assert trans002._compare(a, far) is None
