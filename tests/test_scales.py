"""The same digits with another scale word (groups/scales.py) and NUM005. No spaCy model: claims are
built by hand with the words the extraction finds near them."""

from __future__ import annotations

from dataclasses import replace

from test_rules import Article, corpus, quantity

from checker.claims.claim import Claim, ClaimKind
from checker.findings import RULES, Context
from checker.groups.figures import group_claims
from checker.groups.scales import scale_sets, written


def deal(sid: str, figure: str, near: str = "deal worth offer", names: str = "") -> tuple[Article, Claim]:
    a = Article(sid, f"The team made an offer, a deal worth {figure}, on Friday.")
    c = a.claim(ClaimKind.QUANTITY, figure, quantity(figure, share=False), subject=None, attribute=None)
    return a, replace(c, near=tuple(sorted(near.split())), near_names=tuple(sorted(names.split())))


def check(*pairs: tuple[Article, Claim], groups=()) -> list:
    claims = [c for _, c in pairs]
    return RULES["NUM005"].check(Context(corpus(*(a for a, _ in pairs)), groups=groups, scale_sets=scale_sets(claims)))


def test_the_digits_and_scale_word_a_figure_is_written_with():
    assert written(deal("a", "$240 million")[1]) == ("240", 1e6)
    assert written(deal("a", "48.6 billion")[1]) == ("48.6", 1e9)
    assert written(deal("a", "more than $1 million")[1]) == ("1", 1e6)
    assert written(deal("a", "$240")[1]) is None and written(deal("a", "240,000 euros")[1]) is None


def test_a_scale_word_one_source_slips_is_flagged_against_the_majority_and_says_why():
    (f,) = check(deal("a", "$240 million"), deal("b", "$240 million"), deal("c", "$240 billion"))
    assert f.rule == "NUM005" and f.severity == "error"
    assert [e.source for e in f.evidence if e.flagged] == ["c"]
    ex = f.explanation.to_dict()
    assert ex["majority"] == "million" and ex["scales"] == {"million": ["a", "b"], "billion": ["c"]}
    assert "1,000 times" in f.message and "every digit agrees" in f.message
    assert "the same words near them (deal, offer, worth)" in ex["grouped_because"]


def test_one_source_against_one_flags_neither():
    (f,) = check(deal("a", "48.6 million", "people tune watch"), deal("b", "48.6 billion", "people tune decade"))
    assert not any(e.flagged for e in f.evidence) and f.explanation.majority is None
    assert "no scale word has a majority" in f.message


def test_figures_of_other_kinds_other_digits_or_nothing_in_common_near_them_are_not_set_side_by_side():
    assert check(deal("a", "$240 million"), deal("b", "240 billion euros")) == []  # two currencies
    assert check(deal("a", "$240 million"), deal("b", "$24 billion")) == []  # other digits
    assert check(deal("a", "$1.5 million", "bridge financing government"),
                 deal("b", "$1.5 billion", "lose quarter division")) == []
    # A name both share says whose the figures are, not what they are of.
    assert check(deal("a", "$1.5 million", "gm financing", "gm"), deal("b", "$1.5 billion", "gm lose", "gm")) == []


def test_the_verb_that_states_a_figure_says_what_it_is_of_unless_a_verb_of_every_sentence():
    """"sold the oil field for $30 million" / "sold for a reported $30 billion": nothing else near both."""
    sold = [(a, replace(c, verb="sell")) for a, c in (deal("a", "$30 million", "field oil"),
                                                       deal("b", "$30 million", "generation"),
                                                       deal("c", "$30 billion", "family"))]
    claims = [c for _, c in sold]
    (f,) = RULES["NUM005"].check(Context(corpus(*(a for a, _ in sold)),
                                         scale_sets=scale_sets(claims, frozenset({"be", "have", "say"}))))
    assert [e.source for e in f.evidence if e.flagged] == ["c"] and "(sell)" in f.explanation.grouped_because
    had = [replace(c, verb="have") for c in claims]
    assert scale_sets(had, frozenset({"be", "have", "say"})) == []


def test_a_source_giving_the_digits_with_both_scale_words_speaks_of_two_figures():
    a = Article("a", "A $5 million fee and a $5 billion fund.")
    fee = replace(a.claim(ClaimKind.QUANTITY, "$5 million", quantity("$5 million", share=False)), near=("fund", "fee"))
    fund = replace(a.claim(ClaimKind.QUANTITY, "$5 billion", quantity("$5 billion", share=False)), near=("fund", "fee"))
    b, other = deal("b", "$5 billion", "fund fee")
    claims = [fee, fund, other]
    assert RULES["NUM005"].check(Context(corpus(a, b), scale_sets=scale_sets(claims))) == []


def test_a_slip_a_figure_rule_already_flags_is_reported_there_only():
    pairs = [deal(s, f) for s, f in (("a", "$240 million"), ("b", "$240 million"), ("c", "$240 billion"))]
    claims = [replace(c, subject="Acme", attribute="deal", verb="be") for _, c in pairs]
    groups = group_claims(claims)
    assert groups and RULES["NUM001"].check(Context(corpus(*(a for a, _ in pairs)), groups=groups))
    assert check(*zip([a for a, _ in pairs], claims), groups=groups) == []
