"""Grouping (stage 4): figures and dates about one quantity, mentions of one person. No spaCy model.

Claims are built by hand with their facets set directly, as the extraction would set them.
"""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from checker.claims.claim import Claim, ClaimKind
from checker.groups.components import connected, linked_by
from checker.groups.figures import EVENT, NOUN_EVENT, Block, Group, block_key, group_claims
from checker.groups.people import Person, _attach_garbled, cluster_people
from checker.values.dates import parse_date, parse_year
from checker.values.numbers import parse_quantity, quantity_regex, unit_registry
from checker.values.types import Entity, PersonName, Quantity
from checker.values.vocabulary import default_vocabulary, load_vocabulary

# pint's registry (durations) takes a quarter of a second to build, once per process: built at
# import, so that no single test pays for it.
unit_registry()


def quantity(text: str) -> Quantity:
    got = parse_quantity(quantity_regex().fullmatch(text))
    assert got is not None, text
    return got


def fig(text: str, source: str, *, subject: str | None = "Acme", attribute: str | None = "budget",
        modifiers: tuple[str, ...] = (), change: str | None = None, definite: bool = False, start: int = 0,
        verb: str | None = "be") -> Claim:
    """A figure claim of `source` ("It was 5%."), its facets as given."""
    q = quantity(text)
    if change is not None:
        q = replace(q, change=change)
    return Claim(ClaimKind.QUANTITY, source, start, start + len(text), 1, start + 1, text, f"It was {text}.", q,
                 subject=subject, attribute=attribute, modifiers=modifiers, definite=definite, verb=verb)


def dated(text: str, source: str, *, verb: str | None = "sign", attribute: str = "deal", subject: str = "Acme",
          start: int = 0) -> Claim:
    d = parse_date(text)
    assert d is not None, text
    return Claim(ClaimKind.DATE, source, start, start + len(text), 1, start + 1, text, f"On {text}.", d,
                 subject=subject, attribute=attribute, verb=verb)


def person(name: str, source: str, *, title: str = "", verb: str | None = "say", start: int = 0) -> Claim:
    """A PERSON mention in a sentence "<title> <name> said.", offsets into that source's text.

    The title span is (start, start + len(title)), the name follows it after one space, as the
    extraction gives them (absolute character offsets in the source).
    """
    words = name.split()
    value = PersonName(name, tuple(words[:-1]), words[-1])
    name_start = start + (len(title) + 1 if title else 0)
    sentence = f"{title + ' ' if title else ''}{name} said."
    titles = ((title, start, start + len(title)),) if title else ()
    return Claim(ClaimKind.PERSON, source, name_start, name_start + len(name), 1, name_start + 1, name, sentence,
                 value, verb=verb, titles=titles)


def ids(groups: list[Group]) -> list[tuple[str, ...]]:
    return [tuple(c.id for c in g.claims) for g in groups]


def by_name(people: list[Person]) -> dict[str, Person]:
    return {p.name: p for p in people}


# Figures: blocks


def test_block_key_is_kind_space_attribute_change_subject():
    assert block_key(fig("40%", "a")) == Block("quantity", "percent", "budget", "", "Acme")
    assert block_key(fig("$5 million", "a")) == Block("quantity", "currency", "budget", "", "Acme")
    assert block_key(fig("+2%", "a")).change == "up"


@pytest.mark.parametrize("claim", [
    fig("40%", "a", subject=None),
    fig("40%", "a", attribute=None),
    fig("40%", "a", subject=""),
    fig("40%", "a", definite=True),  # like "the two sides": refers back, claims nothing
], ids=["no subject", "no attribute", "empty subject", "definite"])
def test_a_claim_without_scope_is_not_blocked(claim):
    assert block_key(claim) is None
    assert group_claims([claim, replace(claim, source="b")]) == []


def test_an_amount_a_named_holder_is_said_to_get_by_a_verb_is_keyed_by_the_verb():
    """"Ross was paid $3 million to direct": no noun names the amount; the verb does."""
    def paid(text: str, source: str, verb: str = "pay"):
        return fig(text, source, subject="Ross", attribute=None, verb=verb)

    assert block_key(paid("$3 million", "a")) == Block("quantity", "currency", "pay", "", "Ross")
    (g,) = group_claims([paid("$3 million", "a"), paid("$5 million", "b")])
    assert sorted(c.source for c in g.claims) == ["a", "b"]
    assert block_key(paid("$3 million", "a", verb="give"), frozenset({"give"})) is None  # a light verb names nothing
    three = fig("3", "a", subject="Ross", attribute=None, verb="raise")
    assert block_key(replace(three, value=replace(three.value, unit="child", dimension="count"))) is None  # a count


def test_a_bare_number_measures_nothing_and_is_not_blocked():
    assert block_key(fig("1,200", "a")) is None
    assert block_key(fig("triple-digit", "a")) is None


def test_shares_and_ratios_share_a_block():
    """"one in four" is a share: it is compared with percentages."""
    assert block_key(fig("one in four", "a")) == block_key(fig("25%", "b"))


def test_durations_in_different_units_share_a_block():
    assert block_key(fig("3 days", "a", attribute="strike")) == block_key(fig("40 hours", "b", attribute="strike"))


# Figures: groups


def test_two_sources_with_the_same_subject_attribute_and_space_group():
    a, b = fig("40%", "a"), fig("75%", "b")
    [group] = group_claims([a, b])
    assert group.claims == (a, b)
    assert (group.kind, group.subject, group.attribute) == ("quantity", "Acme", "budget")
    assert group.reason == ("same subject (Acme), same attribute (budget), same verb (be), comparable units, "
                            "different sources")


def test_a_subject_and_a_noun_stated_by_different_verbs_keep_apart():
    """"Acme spent $212 million of its budget" and "Acme asked for a budget of $300 million": the
    subject and the noun match, but the figures are of two quantities."""
    spent, asked = fig("$212 million", "a", verb="spend"), fig("$300 million", "b", verb="ask")
    assert group_claims([spent, asked]) == []
    assert group_claims([fig("$212 million", "a", verb=None), fig("$300 million", "b", verb=None)]) == []
    assert len(group_claims([spent, fig("$300 million", "b", verb="spend")])) == 1


def test_figures_stated_by_verbs_of_one_act_group():
    """"Marine commandos nabbed 11 Yemeni pirates" and "the navy seized 9 Yemeni pirates": two verbs
    the vocabulary reads as one act (an arrest) state one count. Verbs of two acts keep apart."""
    vocab = default_vocabulary()

    def pirates(text: str, source: str, verb: str) -> Claim:
        c = fig(text, source, subject="Yemeni", attribute="pirate", verb=verb)
        return replace(c, value=replace(c.value, dimension="count", unit="pirate"))

    nabbed, seized = pirates("11", "a", "nab"), pirates("9", "b", "seize")
    (group,) = group_claims([nabbed, seized], vocab=vocab)
    assert "one act, arrest, (nab, seize)" in group.reason
    assert group_claims([nabbed, seized]) == []  # verbs alone: two predicates
    assert group_claims([nabbed, pirates("9", "b", "release")], vocab=vocab) == []
    # "Brandt received a sentence of 392 years", "Brandt was sentenced to 485 years": the light verb's
    # noun names the act
    received = fig("392 years", "a", subject="Brandt", attribute="sentence", verb="receive")
    sentenced = fig("485 years", "b", subject="Brandt", attribute="sentence", verb="sentence")
    (group,) = group_claims([received, sentenced], vocab=vocab)
    assert "one act, sentence, (receive, sentence)" in group.reason
    assert group_claims([received, sentenced]) == []


def test_a_holder_named_by_its_initials_or_legal_form_is_the_one_named_in_full():
    """"H-P will buy it for $16.1 billion", "Quillet-Marrowby values the deal at $13.9 billion" and
    "Quillet-Marrowby Corp.'s $13.9 billion deal": one holder, and the reason says how it was read."""
    initials = fig("$16.1 billion", "a", subject="Q-M", attribute="deal", verb="value")
    full = fig("$13.9 billion", "b", subject="Quillet-Marrowby", attribute="deal", verb="value")
    legal = fig("$13.9 billion", "c", subject="Quillet-Marrowby Corp.", attribute="deal", verb="value")
    (group,) = group_claims([initials, full, legal], vocab=default_vocabulary())
    assert group.subject == "Quillet-Marrowby"
    assert "a names Q-M, read as Quillet-Marrowby, the name the story gives in full" in group.reason
    assert "c names Quillet-Marrowby Corp., read as Quillet-Marrowby" in group.reason
    # Initials that fit two names of the story read as neither
    other = fig("$2 billion", "d", subject="Quentin Mills", attribute="loan", verb="take")
    assert group_claims([initials, full, other]) == []


def test_a_figure_stated_by_no_verb_groups_with_the_subjects_figure_of_that_noun():
    """A results line ("Quillet Party 25 seats, Norvane League 17") says by no verb what another
    source says was won ("the Quillet Party won 23 seats")."""
    won, listed = fig("$212 million", "a", verb="win"), fig("$300 million", "b", verb=None)
    (group,) = group_claims([won, listed])
    assert "stated by win or by no verb (a line that lists the figure, or a figure of the holder's own" in group.reason
    # Not where the others are stated by two verbs: it would bridge two quantities
    assert group_claims([won, listed, fig("$300 million", "c", verb="lose")]) == []
    # ... unless they agree ("takes 23 seats", "won 23 seats")
    assert len(group_claims([won, listed, fig("$212 million", "c", verb="take")])) == 1


def test_a_figure_said_of_a_pronoun_joins_the_one_holder_the_others_name():
    """"He completed his first 20 passes" against "Okafor completed his first 17 passes" in two others: a
    figure of someone named before, taken for the one holder the others name for that noun. Not when
    they name two: the pronoun could be either."""
    def passes(text: str, source: str, subject: str | None) -> Claim:
        c = fig(text, source, subject=subject, attribute="pass", verb="complete")
        return replace(c, value=replace(c.value, dimension="count", unit="pass"), pronoun=subject is None)

    (group,) = group_claims([passes("20", "a", None), passes("17", "b", "Okafor"), passes("17", "c", "Okafor")])
    assert (group.subject, [c.source for c in group.claims]) == ("Okafor", ["a", "b", "c"])
    assert group.reason.endswith("a says it of a pronoun, and Okafor is the one holder the others name")
    two = group_claims([passes("20", "a", None), passes("17", "b", "Okafor"), passes("15", "c", "Lindqvist"),
                        passes("17", "d", "Okafor")])
    assert [sorted(c.source for c in g.claims) for g in two] == [["b", "d"]]
    # A figure of no one, not even a pronoun, has no holder and is not grouped this way.
    assert group_claims([replace(passes("20", "a", None), pronoun=False), passes("17", "b", "Okafor")]) == []


def test_a_source_that_gives_the_others_value_elsewhere_for_the_holder_is_left_out():
    """"was sentenced to seven years" in a source that writes of the same man's "12-year sentence"
    elsewhere, where the others give 12 years: it speaks of two sentences, and which one the others
    mean is not known. Without its other figure it is judged with them."""
    def years(text: str, source: str, attribute: str | None = None, verb: str = "sentence", start: int = 0) -> Claim:
        c = fig(text, source, subject="Gigante", attribute=attribute, verb=verb, start=start)
        return replace(c, value=replace(c.value, dimension="duration", unit="year"))

    seven, twelve, again = years("7", "a"), years("12", "b"), years("12", "c")
    (group,) = group_claims([seven, twelve, again])
    assert [c.source for c in group.claims] == ["a", "b", "c"]
    served = years("12", "a", attribute="sentence", verb="serve", start=40)  # "serving a 12-year sentence"
    (group,) = group_claims([seven, served, twelve, again])
    assert [c.source for c in group.claims] == ["b", "c"]


def test_counts_of_one_subject_too_far_apart_to_be_one_count_keep_apart():
    """"Okafor has 1,000 career points" and "Okafor scored 14 points": the subject, the noun and the verb
    match, but no slip turns one into the other; "14 points" and "16 points" may be one misreported."""
    def points(text: str, source: str) -> Claim:
        c = fig(text, source, subject="Okafor", attribute="point")
        return replace(c, value=replace(c.value, dimension="count", unit="point"))
    assert group_claims([points("1,000", "a"), points("14", "b")]) == []
    assert len(group_claims([points("14", "a"), points("16", "b")])) == 1
    assert len(group_claims([points("14", "a"), points("41", "b")])) == 1  # digits swapped
    # Shares and moves are compared as they are: "rose 2%" against "rose 5%".
    assert len(group_claims([fig("2%", "a", change="up"), fig("5%", "b", change="up")])) == 1


def test_one_source_alone_is_not_a_group():
    """Two figures of one source are that source's business: grouping compares sources."""
    assert group_claims([fig("40%", "a"), fig("75%", "a", start=50)]) == []


def test_a_run_of_a_sequence_is_not_the_count_of_the_whole():
    """"missed the next four games" / "will miss the final two games" / "missed four games": three counts."""
    def games(text: str, source: str, *modifiers: str) -> Claim:
        c = fig(text, source, subject="Okafor", attribute="game", verb="miss")
        return replace(c, value=replace(c.value, dimension="count", unit="game"), modifiers=modifiers)

    assert group_claims([games("4", "a"), games("3", "b", "final", "regular", "season"), games("4", "c", "next")]) == []
    assert len(group_claims([games("3", "b", "final"), games("2", "a", "final")])) == 1
    assert len(group_claims([games("3", "b"), games("2", "a")])) == 1


def test_different_subjects_keep_apart():
    assert group_claims([fig("40%", "a", subject="Acme"), fig("40%", "b", subject="Globex")]) == []


def test_different_attributes_keep_apart():
    assert group_claims([fig("40%", "a", attribute="budget"), fig("40%", "b", attribute="turnout")]) == []


def test_clashing_modifiers_keep_apart():
    """"annual budget" against "emergency budget": two quantities, not a disagreement."""
    annual, emergency = fig("$5 million", "a", modifiers=("annual",)), fig("$9 million", "b", modifiers=("emergency",))
    assert group_claims([annual, emergency]) == []


def test_shared_or_missing_modifiers_do_not_clash():
    annual = fig("$5 million", "a", modifiers=("annual",))
    also_annual = fig("$5 million", "b", modifiers=("annual", "military"))
    bare = fig("$5 million", "c")
    [group] = group_claims([annual, also_annual, bare])
    assert [c.source for c in group.claims] == ["a", "b", "c"]
    assert "same attribute (budget, annual military)" in group.reason


def test_only_the_sources_that_match_form_the_group():
    """Within a block, a figure that clashes with every other source's is left out."""
    a = fig("$5 million", "a", modifiers=("annual",))
    a_emergency = fig("$9 million", "a", modifiers=("emergency",), start=40)
    b = fig("$5 million", "b", modifiers=("annual",))
    [group] = group_claims([a, a_emergency, b])
    assert group.claims == (a, b)


def test_different_directions_of_change_keep_apart():
    assert group_claims([fig("2%", "a", change="up"), fig("2%", "b", change="")]) == []
    assert group_claims([fig("2%", "a", change="up"), fig("2%", "b", change="down")]) == []


def test_the_same_direction_of_change_groups_and_says_so():
    [group] = group_claims([fig("2%", "a", change="up"), fig("3%", "b", change="up")])
    assert group.block.change == "up"
    assert "same direction (up)" in group.reason


def test_currency_and_percent_keep_apart():
    assert group_claims([fig("$40", "a"), fig("40%", "b")]) == []


def test_dates_group_by_the_event_their_verb_names_and_its_holder():
    """"Acme signed the deal on June 9" and "the deal Acme signed on June 10": one event, however each outlet
    words its nouns; another verb or another holder is another event."""
    signed_a, signed_b = dated("June 9, 2025", "a"), dated("June 10, 2025", "b", attribute="agreement")
    announced = dated("June 9, 2025", "c", verb="announce")
    other_holder = dated("June 9, 2025", "d", subject="Baxley")
    [group] = group_claims([signed_a, announced, signed_b, other_holder])
    assert group.block == Block("date", EVENT, "sign", "", "Acme")
    assert group.claims == (signed_a, signed_b)
    assert "the dates of one event (what 'sign' says happened, of Acme)" in group.reason


def test_a_date_no_source_attributes_joins_the_one_holder_the_others_name():
    named, unnamed = dated("June 9, 2025", "a"), dated("June 12, 2025", "b", subject=None)
    [group] = group_claims([named, unnamed])
    assert group.subject == "Acme" and group.claims == (named, unnamed)
    assert "the one the sources name" in group.reason
    # Two holders named: the story's date is neither's.
    other = dated("June 9, 2025", "c", subject="Baxley")
    assert all(unnamed not in g.claims for g in group_claims([named, unnamed, other, dated("June 9, 2025", "d")]))


def test_dates_of_one_verb_far_apart_are_two_occasions():
    assert group_claims([dated("June 9, 2025", "a"), dated("March 2, 2021", "b")]) == []


def test_dates_of_statements_today_and_light_verbs_are_not_keyed_by_the_verb():
    said = replace(dated("June 9", "a", verb="say"), modifiers=("report",))
    assert block_key(said) is None
    today = replace(dated("June 9", "a"), modifiers=("deictic",))
    assert block_key(today) == Block("date", "sign", "deal", "", "Acme")  # by its noun and holder, as before
    held = dated("June 9", "a", verb="hold", attribute="hearing")
    assert block_key(held, frozenset({"hold"})) == Block("date", "hold", "hearing", "", "Acme")


def test_a_date_without_verb_blocks_under_no_verb():
    assert block_key(dated("June 9", "a", verb=None)) == Block("date", "", "deal", "", "Acme")


def test_claims_of_other_kinds_are_not_grouped():
    entity = Entity("Berlin", "Germany", "GPE")
    place = Claim(ClaimKind.PLACE, "a", 0, 6, 1, 1, "Berlin", "Berlin.", entity, subject="Acme", attribute="seat")
    assert block_key(place) is None


def test_group_order_is_deterministic_whatever_the_input_order():
    claims = [
        fig("40%", "a", start=10), fig("45%", "b", start=3), fig("41%", "c", start=7),
        fig("$5 million", "b", start=30), fig("$6 million", "a", start=60),
        dated("June 9", "c", start=90), dated("June 10", "a", start=5),
        fig("2%", "a", attribute="turnout", change="up", start=44), fig("3%", "b", attribute="turnout", change="up"),
    ]
    expected = ids(group_claims(claims))
    assert len(expected) == 4
    rng = random.Random(7)
    for _ in range(10):
        shuffled = claims[:]
        rng.shuffle(shuffled)
        assert ids(group_claims(shuffled)) == expected
    # Groups in block order, claims by source then position.
    assert [g.block for g in group_claims(claims)] == sorted(g.block for g in group_claims(claims))
    assert all(list(g.claims) == sorted(g.claims, key=lambda c: (c.source, c.start)) for g in group_claims(claims))


# Connected components


def test_connected_is_the_transitive_closure_in_input_order():
    items = [1, 2, 3, 10, 11, 20]
    groups = connected(items, lambda a, b: abs(a - b) == 1)
    assert groups == [[1, 2, 3], [10, 11], [20]]


def test_linked_by_gives_what_connected_gives_from_the_pairs_themselves():
    items = [5, 1, 2, 9, 3, 10]
    pairs = [(a, b) for a in items for b in items if a < b and abs(a - b) == 1]
    assert linked_by(items, pairs, lambda x: x) == connected(items, lambda a, b: abs(a - b) == 1)
    assert linked_by(["c", "a"], [("a", "z")], lambda x: x) == [["c"], ["a"]]  # a key no item has links nothing


def test_connected_without_links_keeps_every_item_alone():
    assert connected(["c", "a", "b"], lambda a, b: False) == [["c"], ["a"], ["b"]]
    assert connected([], lambda a, b: True) == []


# People: clustering


def test_a_full_name_in_three_sources_and_a_surname_only_mention_are_one_person():
    claims = [person("Olaf Brandt", s) for s in "abc"] + [person("Brandt", "b", start=80)]
    people, unexplained = cluster_people(claims)
    [brandt] = people
    assert unexplained == []
    assert brandt.name == "Olaf Brandt"
    assert brandt.surname == "Brandt"
    assert len(brandt.mentions) == 4
    assert brandt.sources(brandt.mentions) == ["a", "b", "c"]
    assert list(brandt.variants()) == ["Olaf Brandt"]
    assert [(m.source, m.start) for m in brandt.mentions] == [("a", 0), ("b", 0), ("b", 80), ("c", 0)]


def test_a_near_surname_with_a_shared_title_merges_and_is_a_variant():
    claims = [person("Olaf Brandt", s, title="Trade Commissioner") for s in "abc"]
    claims.append(person("Olaf Brant", "d", title="Trade Commissioner"))
    [p], _ = cluster_people(claims)
    assert p.name == "Olaf Brandt"  # the majority, for reference
    variants = p.variants()
    assert sorted(variants) == ["Olaf Brandt", "Olaf Brant"]
    assert p.sources(variants["Olaf Brant"]) == ["d"]


def test_a_near_surname_with_another_given_name_and_no_title_stays_apart():
    claims = [person("Olaf Brandt", s) for s in "abc"] + [person("Hans Brant", "d")]
    people, _ = cluster_people(claims)
    assert sorted(p.name for p in people) == ["Hans Brant", "Olaf Brandt"]


def test_a_near_surname_with_the_same_given_name_merges():
    claims = [person("Olaf Brandt", s) for s in "abc"] + [person("Olaf Brant", "d")]
    people, _ = cluster_people(claims)
    assert [p.name for p in people] == ["Olaf Brandt"]


@pytest.mark.parametrize("usual, misspelt", [("Nina Lund", "Nina Lond"), ("Ole Wendt", "Ole Wandt")])
def test_a_short_surname_one_letter_off_beside_the_same_given_name_merges(usual, misspelt):
    """Jaro-Winkler scores one wrong letter of a short surname low (Lund/Lond 0.85): one edit is near too."""
    people, _ = cluster_people([person(usual, "a"), person(usual, "b"), person(misspelt, "c")])
    [p] = people
    assert sorted(p.variants()) == sorted([usual, misspelt])


@pytest.mark.parametrize("usual, other", [("Nina Lund", "Karl Lond"),  # two changes: another person
                                          ("Nina Lu", "Nina Le")])  # one letter of two is another name
def test_a_short_surname_one_letter_off_stays_apart_with_another_given_name_or_too_short(usual, other):
    people, _ = cluster_people([person(usual, "a"), person(usual, "b"), person(other, "c")])
    assert sorted(p.name for p in people) == sorted([usual, other])


def test_a_surname_particle_written_apart_or_together_is_one_surname():
    """"Ada Del Rio" and "Ada DelRio": one surname, and no spelling of it to report."""
    from checker.findings.names import name_variants

    apart = [replace(person("Ada Del Rio", s), value=PersonName("Ada Del Rio", ("Ada",), "Del Rio")) for s in "ab"]
    [p] = cluster_people([*apart, person("Ada DelRio", "c")])[0]
    assert sorted(p.variants()) == ["Ada Del Rio", "Ada DelRio"]
    assert name_variants(p, default_vocabulary()) == []


def test_a_spelt_alike_given_name_beside_a_near_surname_stays_apart():
    """Two changes at once ("Catherine Brant" for "Katherine Brandt") make another person, unless a title agrees."""
    claims = [person("Katherine Brandt", s) for s in "abc"] + [person("Catherine Brant", "d")]
    people, _ = cluster_people(claims)
    assert sorted(p.name for p in people) == ["Catherine Brant", "Katherine Brandt"]


def test_a_nickname_in_the_vocabulary_merges_given_names():
    claims = [person("Christopher Moore", "a"), person("Christopher Moore", "b"), person("Kit Moore", "c")]
    default_people, _ = cluster_people(claims, default_vocabulary())
    assert len(default_people) == 2  # "kit" is not a shipped nickname
    vocab = load_vocabulary(nicknames={"kit": "christopher"})
    [moore], _ = cluster_people(claims, vocab)
    assert moore.name == "Christopher Moore"
    assert sorted(moore.variants()) == ["Christopher Moore", "Kit Moore"]


def test_a_shipped_nickname_merges_without_configuration():
    [moore], _ = cluster_people([person("Christopher Moore", "a"), person("Chris Moore", "b")])
    assert sorted(moore.variants()) == ["Chris Moore", "Christopher Moore"]


@pytest.mark.parametrize("a, b", [("O. Brandt", "Olaf Brandt"), ("Katherine Moore", "Catherine Moore")],
                         ids=["initial", "spelling"])
def test_an_initial_or_a_spelling_of_the_given_name_merges(a, b):
    people, _ = cluster_people([person(a, "a"), person(b, "b")])
    assert len(people) == 1


def test_two_people_with_one_surname_and_different_given_names_stay_apart():
    """Relatives, or two officials: a surname alone does not make one person."""
    claims = [person("Olaf Brandt", "a"), person("Olaf Brandt", "b"), person("Greta Brandt", "a", start=50),
              person("Greta Brandt", "b", start=50), person("Brandt", "c")]
    people, unexplained = cluster_people(claims)
    names = by_name(people)
    assert sorted(names) == ["Greta Brandt", "Olaf Brandt"]
    # The surname alone could be either: it joins neither.
    assert all(len(p.mentions) == 2 for p in people)


def test_different_given_names_with_a_shared_title_merge():
    """The title identifies the person; NAME001 then reports the changed first name."""
    claims = [person("Maria Kowalska", "a", title="Finance Minister"), person("Anna Kowalska", "b", title="Finance Minister")]
    [p], _ = cluster_people(claims)
    assert sorted(p.variants()) == ["Anna Kowalska", "Maria Kowalska"]


def test_titles_are_collected_per_person_with_claim_text_and_offset():
    a = person("Olaf Brandt", "a", title="Trade Commissioner", start=20)
    b = person("Olaf Brandt", "b", title="EU Trade Commissioner")
    c = person("Greta Lind", "a", title="Finance Minister", start=100)
    people, _ = cluster_people([a, b, c, person("Greta Lind", "b", start=200)])
    names = by_name(people)
    got = [(t.office, claim.source, text, start) for t, claim, text, start in names["Olaf Brandt"].titles]
    assert got == [("commissioner", "a", "Trade Commissioner", 20), ("commissioner", "b", "EU Trade Commissioner", 0)]
    assert names["Olaf Brandt"].titles[0][0].equivalent(names["Olaf Brandt"].titles[1][0])
    assert [text for _, _, text, _ in names["Greta Lind"].titles] == ["Finance Minister"]


def test_a_former_title_is_not_collected():
    [p], _ = cluster_people([person("Olaf Brandt", "a", title="former Trade Commissioner"), person("Olaf Brandt", "b")])
    assert p.titles == []


# People: a first name one source gives the only person of that surname


def namesakes(*extra: Claim, usual_in: str = "abc", title: str = "") -> list[Person]:
    people, _ = cluster_people([person("Olaf Brandt", s, start=10, title=title) for s in usual_in] + list(extra))
    return people


def test_one_sources_other_first_name_joins_the_only_person_of_that_surname():
    """Three sources name Olaf Brandt, one names Hugo Brandt and no other Brandt: one person, a first
    name changed in one place."""
    [p] = namesakes(person("Hugo Brandt", "d"), person("Brandt", "d", start=60))
    assert sorted(p.variants()) == ["Hugo Brandt", "Olaf Brandt"]
    assert p.sources(p.mentions) == ["a", "b", "c", "d"]
    assert p.namesake == {"Hugo Brandt": "the only other person named Brandt in the story, whom 3 other sources "
                                         "name in full and d does not"}


def as_said(claim: Claim, sentence: str) -> Claim:
    return replace(claim, sentence=sentence)


@pytest.mark.parametrize("extra, usual_in, title", [
    ((person("Hugo Brandt", "d"),), "ab", ""),  # two sources are no clear majority
    ((person("Hugo Brandt", "a", start=80),), "abc", ""),  # the source names Olaf Brandt too: two people
    ((person("Hugo Brandt", "d"), person("Greta Brandt", "e"), person("Greta Brandt", "f")), "abc", ""),  # which?
    ((as_said(person("Hugo Brandt", "d"), "His brother Hugo Brandt said so."),), "abc", ""),  # a relative
    ((as_said(person("Hugo Brandt", "d"), "Brandt Flips Rule On Species Listing"),), "abc", ""),  # a headline
    ((as_said(person("Hugo Brandt", "d"), "Hugo Brandt, a 19-year-old snowboarder, watched the slide."),), "abc",
     ""),  # someone new to the reader, described as no other source describes Olaf
    ((as_said(person("Hugo Brandt", "d"), "Hugo Brandt - no relation to the chief executive - said so."),), "abc",
     ""),  # "no relation": the writer says so
    ((as_said(person("Hugo Brandt", "d", title="Health Minister"), "The Health Minister Hugo Brandt said so."),),
     "abc", "Finance Minister"),  # another title than Olaf's
], ids=["two-sources", "same-source", "two-brandts", "relative", "headline", "introduced", "no-relation",
         "other-title"])
def test_a_namesake_stays_apart(extra, usual_in, title):
    people = namesakes(*extra, usual_in=usual_in, title=title)
    assert "Hugo Brandt" in {p.name for p in people}
    # The same name with nothing to keep it apart joins Olaf Brandt: what keeps it apart is the case's.
    assert [p.name for p in namesakes(person("Hugo Brandt", "d"), title=title)] == ["Olaf Brandt"]


def test_a_namesake_introduced_as_the_others_introduce_theirs_joins_them():
    """"Hugo Brandt, a 19-year-old snowboarder," where three sources write "Olaf Brandt, a 19-year-old snowboarder,":
    the words around the names agree, so the one source changed the first name of the same person."""
    said = "{}, a 19-year-old snowboarder, watched the slide."
    usual = [as_said(person("Olaf Brandt", s), said.format("Olaf Brandt")) for s in "abc"]
    people, _ = cluster_people([*usual, as_said(person("Hugo Brandt", "d"), said.format("Hugo Brandt"))])
    assert [sorted(p.variants()) for p in people] == [["Hugo Brandt", "Olaf Brandt"]]


def test_a_namesake_is_none_of_the_people_its_own_source_names_beside_it():
    """"Hugo Brandt" and "his daughter Greta Brandt" in one source, where three others name Olaf Brandt and one more
    Greta: the source tells Greta from Hugo, so Hugo may be Olaf only. Greta named by two sources would otherwise
    leave it unclear which of the two he is (test_a_namesake_stays_apart, two-brandts)."""
    greta = [person("Greta Brandt", s, start=80) for s in "de"]
    people, _ = cluster_people([person("Olaf Brandt", s, start=10) for s in "abc"] + [person("Hugo Brandt", "d")] + greta)
    assert sorted(sorted(p.variants()) for p in people) == [["Greta Brandt"], ["Hugo Brandt", "Olaf Brandt"]]
    (olaf,) = (p for p in people if p.name == "Olaf Brandt")
    assert olaf.namesake["Hugo Brandt"] == ("the only other person named Brandt in the story, whom 3 other sources name "
                                            "in full and d does not (d names Greta Brandt beside it: another person)")


def test_a_namesake_joins_the_person_most_sources_name_beside_one_source_namesakes():
    """Paul Brandt, a brother whom one source names beside Olaf, does not keep Hugo apart from Olaf; Greta Brandt,
    named in full by two sources, does (test_a_namesake_stays_apart, two-brandts)."""
    people = namesakes(person("Hugo Brandt", "d"), person("Paul Brandt", "a", start=80))
    assert sorted(sorted(p.variants()) for p in people) == [["Hugo Brandt", "Olaf Brandt"], ["Paul Brandt"]]
    (olaf,) = (p for p in people if p.name == "Olaf Brandt")
    assert olaf.namesake["Hugo Brandt"].startswith("the person most sources name of those named Brandt")


def test_two_sources_against_one_join_where_the_words_around_the_names_agree():
    said = "Assistant chief fire officer {} said the roof had gone."
    usual = [as_said(person("Olaf Brandt", s), said.format("Olaf Brandt")) for s in "ab"]
    hugo = as_said(person("Hugo Brandt", "d"), said.format("Hugo Brandt"))
    [p], _ = cluster_people([*usual, hugo])
    assert sorted(p.variants()) == ["Hugo Brandt", "Olaf Brandt"]
    assert p.namesake["Hugo Brandt"].endswith("the words around the names agree (assistant, chief, fire, officer, roof)")
    # The same age is enough; a word that describes no one ("the") is not.
    aged = [as_said(person("Olaf Brandt", s), "Olaf Brandt, 24, was charged.") for s in "ab"]
    assert len(cluster_people([*aged, as_said(person("Hugo Brandt", "d"), "Hugo Brandt, 24, appeared.")])[0]) == 1
    assert len(cluster_people([*aged, as_said(person("Hugo Brandt", "d"), "Then Hugo Brandt left.")])[0]) == 2


def test_a_namesake_of_a_common_surname_joins_only_where_the_words_around_or_a_title_agree():
    """"Francisco Rodriguez" in one source beside "Alex Rodriguez" in three: many people hold the surname, and it
    alone does not make them one (data/surnames.toml). The same title, or the same words around the names, do."""
    alex = [person("Alex Rodriguez", s, start=10) for s in "abc"]
    people, _ = cluster_people([*alex, person("Francisco Rodriguez", "d")])
    assert sorted(p.name for p in people) == ["Alex Rodriguez", "Francisco Rodriguez"]
    titled = [person("Alex Rodriguez", s, start=10, title="Finance Minister") for s in "abc"]
    [p], _ = cluster_people([*titled, person("Francisco Rodriguez", "d", title="Finance Minister")])
    assert sorted(p.variants()) == ["Alex Rodriguez", "Francisco Rodriguez"]
    said = "Assistant chief fire officer {} said the roof had gone."
    alike = [as_said(person("Alex Rodriguez", s), said.format("Alex Rodriguez")) for s in "abc"]
    [p], _ = cluster_people([*alike, as_said(person("Francisco Rodriguez", "d"), said.format("Francisco Rodriguez"))])
    assert p.namesake["Francisco Rodriguez"].endswith("(assistant, chief, fire, officer, roof), as Rodriguez is a "
                                                      "common surname")
    # A surname the user adds is one too; the same names with a rarer surname join (test_one_sources_other_...).
    extended = load_vocabulary(surnames=["Brandt"])
    people, _ = cluster_people([person("Olaf Brandt", s, start=10) for s in "abc"] + [person("Hugo Brandt", "d")],
                               extended)
    assert sorted(p.name for p in people) == ["Hugo Brandt", "Olaf Brandt"]


def test_a_namesake_in_a_list_of_people_no_other_source_names_stays_apart():
    """"Hugo Brandt, Rod Vell and Tim Marr are among the finalists": a digression on other people."""
    listed = "Hugo Brandt, Rod Vell and Tim Marr are among the finalists."
    extra = [as_said(person(n, "d", start=at), listed) for n, at in (("Hugo Brandt", 0), ("Rod Vell", 13), ("Tim Marr", 26))]
    assert "Hugo Brandt" in {p.name for p in namesakes(*extra)}
    # Where another source names the others too, the list is the story's: Hugo joins Olaf.
    told = namesakes(*extra, as_said(person("Rod Vell", "a", start=90), "Rod Vell said so."))
    assert "Hugo Brandt" not in {p.name for p in told}


def test_a_short_given_name_one_letter_off_is_a_spelling_unless_a_relative():
    [p], _ = cluster_people([person("Anja Lind", "a"), person("Anja Lind", "b"), person("Anna Lind", "c")])
    assert sorted(p.variants()) == ["Anja Lind", "Anna Lind"]
    wife = as_said(person("Joan Lind", "c"), "His wife Joan Lind said so.")
    people, _ = cluster_people([person("John Lind", "a"), person("John Lind", "b"), wife])
    assert sorted(p.name for p in people) == ["Joan Lind", "John Lind"]


def test_a_sentence_listing_names_in_title_case_is_no_headline():
    """A headline has no full stop; a sentence that lists people with their titles does."""
    listed = "Judge Rowland Barnes, Deputy Hoyt Teasley and Customs Agent Hugo Brandt."
    [p] = namesakes(as_said(person("Hugo Brandt", "d"), listed))
    assert sorted(p.variants()) == ["Hugo Brandt", "Olaf Brandt"]
    assert len(namesakes(as_said(person("Hugo Brandt", "d"), listed.rstrip(".")))) == 2


def test_a_namesake_stays_apart_when_its_source_gives_the_other_their_title_by_surname():
    """"Finance Minister Brandt ... Hugo Brandt": the source tells the two apart."""
    olaf = [person("Olaf Brandt", s, title="Finance Minister") for s in "abc"]
    minister = person("Brandt", "d", title="Finance Minister", start=40)
    people, _ = cluster_people([*olaf, minister, person("Hugo Brandt", "d", start=90)])
    assert sorted(p.name for p in people) == ["Hugo Brandt", "Olaf Brandt"]
    joined, _ = cluster_people([*olaf, person("Hugo Brandt", "d", start=90)])
    assert [p.name for p in joined] == ["Olaf Brandt"]


def test_a_namesake_a_source_addresses_as_mrs_stays_apart_from_a_minister_every_other_source_titles():
    """"Ingrid Brandt had packed her knitting ... Mrs Brandt said" where every other source writes "Finance Minister
    Olaf Brandt": a source that named the minister would give the office, not only a word of address. Where its
    sentence holds an office's word (one the titles did not read), or the others leave Olaf untitled, it may be him."""
    olaf = [person("Olaf Brandt", s, title="Finance Minister") for s in "abc"]
    ingrid = as_said(person("Ingrid Brandt", "d"), "Ingrid Brandt had packed her knitting for the short hop.")
    mrs = as_said(person("Brandt", "d", start=90), "\"Nobody screamed,\" Mrs Brandt said at the airport.")
    people, _ = cluster_people([*olaf, ingrid, mrs])
    assert sorted(p.name for p in people) == ["Ingrid Brandt", "Olaf Brandt"]
    near = as_said(person("Ingrid Brandt", "d"), "The general secretary of the union, Ingrid Brandt, said so.")
    assert [p.name for p in cluster_people([*olaf, near, mrs])[0]] == ["Olaf Brandt"]
    untitled = [person("Olaf Brandt", s) for s in "abc"]
    assert [p.name for p in cluster_people([*untitled, ingrid, mrs])[0]] == ["Olaf Brandt"]


def test_a_single_word_in_two_sources_is_a_person_and_in_one_is_unexplained():
    people, unexplained = cluster_people([person("Larick", "a"), person("Larick", "b"), person("Zorn", "a")])
    assert [p.name for p in people] == ["Larick"]
    assert [m.span for m in unexplained] == ["Zorn"]


def test_a_candidate_word_joins_the_one_person_it_is_the_surname_of():
    """The NER tags a bare surname as a place; the consolidation takes it back."""
    place = Claim(ClaimKind.PLACE, "c", 5, 11, 1, 6, "Brandt", "Brandt said.", Entity("Brandt", "Brandt", "GPE"))
    [p], _ = cluster_people([person("Olaf Brandt", "a"), person("Olaf Brandt", "b")], candidates=[place])
    assert place in p.mentions
    assert p.sources(p.mentions) == ["a", "b", "c"]


def test_a_two_word_candidate_joins_the_one_person_given_that_first_name_with_that_surname_or_one_letter_off():
    """"the victory went to Halima Otuvare" (a work of art to the NER): the runner's name, misspelt."""
    def candidate(name: str, source: str) -> Claim:
        given, surname = name.split()
        return Claim(ClaimKind.PERSON, source, 5, 5 + len(name), 1, 6, name, f"{name} won.",
                     PersonName(name, (given,), surname))

    runners = [person("Halima Otuvere", "a"), person("Halima Otuvere", "b"), person("Samuel Otuvere", "c")]
    odd = candidate("Halima Otuvare", "d")
    people, _ = cluster_people(runners, candidates=[odd, candidate("Halima Peters", "d"),
                                                    candidate("Samira Otuvere", "d")])
    halima = next(p for p in people if p.name == "Halima Otuvere")
    assert odd in halima.mentions and len(halima.mentions) == 3  # neither another surname nor another first name
    assert sorted(p.name for p in people) == ["Halima Otuvere", "Samuel Otuvere"]
    # A name one source alone gives in full may be the NER's misreading ("Fire Marshall"): nothing joins it.
    lone, _ = cluster_people([person("Fire Marshall", "a")], candidates=[candidate("Fire Marshal", "b")])
    assert [len(p.mentions) for p in lone] == [1]


def test_people_do_not_depend_on_input_order():
    claims = [person("Olaf Brandt", "a"), person("Greta Lind", "b"), person("Olaf Brandt", "c"),
              person("Greta Lind", "a", start=40), person("Lind", "c", start=60), person("Brandt", "b", start=9)]
    first, _ = cluster_people(claims)
    again, _ = cluster_people(list(reversed(claims)))
    assert sorted((p.name, tuple(m.id for m in p.mentions)) for p in first) == \
        sorted((p.name, tuple(m.id for m in p.mentions)) for p in again)


# People: garbled names (pass 3)


def brandt_story(*extra: Claim) -> tuple[list[Person], list[Claim]]:
    claims = [person("Olaf Brandt", s) for s in "abc"] + list(extra)
    return cluster_people(claims)


def test_an_unintroduced_surname_acting_near_a_person_of_its_source_is_garbled():
    garbled = person("Brondt", "b", verb="tell", start=60)
    people, unexplained = brandt_story(garbled)
    assert unexplained == [garbled]
    _attach_garbled(people, unexplained, [], default_vocabulary())
    [(mention, why)] = people[0].garbled
    assert mention is garbled
    assert "'Brondt' is never introduced by full name" in why
    assert "subject of 'tell'" in why
    assert "Olaf Brandt" in why


def test_an_unintroduced_word_that_does_not_act_is_not_garbled():
    """A town the NER took for a person would otherwise pair with anyone."""
    people, unexplained = brandt_story(person("Brondt", "b", verb=None, start=60))
    _attach_garbled(people, unexplained, [], default_vocabulary())
    assert people[0].garbled == []


def test_a_place_its_source_names_is_no_garbled_name():
    """"Orlava still waits" in a headline, where the article also writes "in Orlava": the country, not a garbled
    "Oltrava"; the same word in another source's places says nothing of this one."""
    people, unexplained = brandt_story(person("Brondt", "b", verb="wait", start=60))
    _attach_garbled(people, unexplained, [], default_vocabulary(), {("b", "brondt")})
    assert people[0].garbled == []
    _attach_garbled(people, unexplained, [], default_vocabulary(), {("a", "brondt")})
    assert len(people[0].garbled) == 1


def test_a_garbled_name_needs_the_person_in_its_own_source():
    people, unexplained = brandt_story(person("Brondt", "z", verb="tell"))
    _attach_garbled(people, unexplained, [], default_vocabulary())
    assert people[0].garbled == []


def test_a_garbled_name_needs_a_person_several_sources_name():
    people, unexplained = cluster_people([person("Olaf Brandt", "a"), person("Brondt", "a", verb="tell", start=60)])
    _attach_garbled(people, unexplained, [], default_vocabulary())
    assert people[0].garbled == []


def test_a_word_no_source_names_in_full_is_no_person_to_garble():
    """"Riot" in two sources is a person by the NER's word only; "Ricochet" acting near it is no garbling."""
    people, unexplained = cluster_people([person("Riot", "a"), person("Riot", "b"),
                                          person("Ricochet", "a", verb="tell", start=60)])
    _attach_garbled(people, unexplained, [], default_vocabulary())
    assert [p.garbled for p in people] == [[]]
    # Named in full, the same surname is a person whose name "Ricochet" may garble.
    named, unexplained = cluster_people([person("Ada Riot", "a"), person("Ada Riot", "b"),
                                         person("Ricochet", "a", verb="tell", start=60)])
    _attach_garbled(named, unexplained, [], default_vocabulary())
    assert [m.span for m, _ in named[0].garbled] == ["Ricochet"]


def test_a_dissimilar_unintroduced_name_is_not_garbled():
    people, unexplained = brandt_story(person("Bauer", "b", verb="tell", start=60))
    _attach_garbled(people, unexplained, [], default_vocabulary())
    assert people[0].garbled == []


def test_a_title_naming_a_near_miss_of_a_person_is_garbled_and_its_title_kept():
    text = "Trade Commissioner of Brandd"
    title = Claim(ClaimKind.TITLE, "b", 70, 70 + len(text), 2, 1, text, f"The {text} spoke.",
                  Entity(text, text, "TITLE"), titles=((text, 70, 70 + len(text)),))
    people, unexplained = brandt_story()
    _attach_garbled(people, unexplained, [title], default_vocabulary())
    [(mention, why)] = people[0].garbled
    assert mention is title
    assert "names 'Brandd'" in why and "1 edit away from 'Brandt'" in why
    [(t, claim, title_text, start)] = people[0].titles
    assert (t.office, claim, title_text, start) == ("commissioner", title, "Trade Commissioner", 70)


# Figures about a person: grouped by the person's cluster


def age(text: str, source: str, subject: str) -> Claim:
    from checker.claims.ages import as_age

    c = fig(text, source, subject=subject, attribute="age", start=100)
    return replace(c, value=as_age(c.value))


def test_an_age_written_beside_a_surname_joins_the_persons_cluster():
    """"Keller, who is 31" in one source and "Anna Keller, 32" in another are about one subject."""
    people, _ = cluster_people([person("Anna Keller", "a"), person("Keller", "a", start=50),
                                person("Anna Keller", "b")])
    claims = [age("31", "a", "Keller"), age("32", "b", "Anna Keller")]
    assert group_claims(claims) == []  # without the clusters, two subjects
    [g] = group_claims(claims, people)
    assert g.block == Block("quantity", "duration", "age", "", "Anna Keller")
    assert [c.span for c in g.claims] == ["31", "32"]


def test_an_age_beside_a_surname_the_tagger_missed_is_of_the_one_person_of_that_surname_in_its_source():
    """"Keller, 52, became ...": no mention of "Keller" alone here, but the source names one Keller."""
    people, _ = cluster_people([person("Anna Keller", "a"), person("Anna Keller", "b")])
    [g] = group_claims([age("52", "a", "Keller"), age("51", "b", "Anna Keller")], people)
    assert g.subject == "Anna Keller" and [c.span for c in g.claims] == ["52", "51"]
    people, _ = cluster_people([person("Anna Keller", "a"), person("Olaf Keller", "a", start=40),
                                person("Anna Keller", "b")])
    assert group_claims([age("52", "a", "Keller"), age("51", "b", "Anna Keller")], people) == []


def test_an_age_of_someone_not_named_is_the_age_of_the_one_person_near_it_whom_its_source_names():
    """"Olaf Brandt, 28" in one source, "the 28-year-old Marrowby native" in another that names Brandt."""
    people, _ = cluster_people([person("Olaf Brandt", "a"), person("Olaf Brandt", "b")])
    named, bare = age("28", "a", "Olaf Brandt"), age("29", "b", None)
    described = age("29", "b", "the unnamed native")
    for unnamed in (bare, described):
        [g] = group_claims([named, unnamed], people)
        assert g.subject == "Olaf Brandt"
        assert "b's '29' names no one, and is taken for Olaf Brandt's age" in g.reason
    assert group_claims([named, replace(bare, source="c")], people) == []  # c does not name Brandt
    assert group_claims([named, age("31", "b", None)], people) == []  # three years apart: someone else
    for modifier in ("thing", "possessed"):  # "the 29-year-old record", "her 29-year-old son"
        assert group_claims([named, replace(bare, modifiers=(modifier,))], people) == []
    # Two people of the story near that age: it is taken for neither
    people, _ = cluster_people([person("Olaf Brandt", "a"), person("Olaf Brandt", "b"), person("Anna Keller", "a"),
                                person("Anna Keller", "b", start=40)])
    assert group_claims([named, age("29", "a", "Anna Keller"), bare], people) == []


def test_a_year_of_what_was_done_that_no_noun_holds_joins_the_same_year_or_its_digits_swapped():
    """"was built in 1998" in three sources, "built in 1989" in one: a year of the story's own thing that the sentences
    do not name, compared only with the same year or its digits swapped ("1926" is not "1998"); the verbs may differ
    ("laid", "put in service")."""
    def year(text: str, source: str, verb: str = "build") -> Claim:
        return replace(dated("June 9, 2025", source, verb=verb), subject=None, attribute=None, span=text,
                       value=parse_year(text))

    [g] = group_claims([year("1998", "a"), year("1998", "b", verb="lay"), year("1998", "c"), year("1989", "d")])
    assert g.block.space == "story-year" and [c.source for c in g.claims] == ["a", "b", "c", "d"]
    assert "the same year or its digits with two swapped" in g.reason
    [g] = group_claims([year("1998", "a"), year("1998", "b"), year("1926", "d")])
    assert [c.source for c in g.claims] == ["a", "b"]
    assert group_claims([year("1998", "a"), replace(year("1989", "b"), subject="Acme", attribute="plant")]) == []


def test_an_age_written_before_a_name_that_is_anothers_is_taken_for_that_persons():
    """"The 22-year-old beat title-holder Viktor Halloran", parsed as one noun phrase, gives the name 22; two other
    sources give 22 as Seitbekov's and none as Halloran's, whose age they give as 34: the age is Seitbekov's, whose
    surname its source writes. An age set beside the name by commas ("Halloran, 22,") stays the name's."""
    people, _ = cluster_people([person("Daniyar Seitbekov", s) for s in "abc"]
                               + [person("Viktor Halloran", s, start=40) for s in "abc"])
    old = [age("22", "a", "Daniyar Seitbekov"), age("22", "b", "Daniyar Seitbekov"), age("34", "a", "Viktor Halloran"),
           age("34", "b", "Viktor Halloran")]
    described = replace(age("22", "c", "Viktor Halloran"), span="22-year",
                        sentence="The 22-year-old beat title-holder Viktor Halloran on Thursday.")
    groups = {g.subject: g for g in group_claims([*old, described], people)}
    assert sorted(c.source for c in groups["Daniyar Seitbekov"].claims) == ["a", "b", "c"]
    assert sorted(c.source for c in groups["Viktor Halloran"].claims) == ["a", "b"]
    assert "c's '22-year' describes someone beside Viktor Halloran's name, and is taken for Daniyar Seitbekov's age" \
        in groups["Daniyar Seitbekov"].reason
    beside = replace(age("22", "c", "Viktor Halloran"), sentence="Viktor Halloran, 22, lost on Thursday.")
    groups = {g.subject: g for g in group_claims([*old, beside], people)}
    assert sorted(c.source for c in groups["Viktor Halloran"].claims) == ["a", "b", "c"]
    # A source that does not write the other's surname: its age stays the name's.
    people, _ = cluster_people([person("Daniyar Seitbekov", s) for s in "ab"]
                               + [person("Viktor Halloran", s, start=40) for s in "abc"])
    groups = {g.subject: g for g in group_claims([*old, described], people)}
    assert sorted(c.source for c in groups["Viktor Halloran"].claims) == ["a", "b", "c"]


def test_two_ages_set_beside_a_name_are_compared_whatever_year_their_clauses_tell_of():
    """"Augustin Brennock, 74, bought the club in 2003" and "Augustin Brennock, 71, said": each the man's age now,
    though a year stands near one; "then 51" is his age that year, kept apart."""
    people, _ = cluster_people([person("Augustin Brennock", s) for s in "ab"])
    bought = replace(age("74", "a", "Augustin Brennock"), near_dates=("2003",),
                     sentence="Outgoing owner Augustin Brennock, 74, bought the club in 2003 for €18 million.")
    said = replace(age("71", "b", "Augustin Brennock"), sentence="For Augustin Brennock, 71, it is the end of a reign.")
    [g] = group_claims([bought, said], people)
    assert sorted(c.span for c in g.claims) == ["71", "74"]
    then = replace(bought, sentence="In 2003 Augustin Brennock, then 51, bought the club.", span="51")
    assert group_claims([then, said], people) == []


def test_a_surname_two_people_share_names_neither():
    people, _ = cluster_people([person("Olaf Brandt", "a"), person("Greta Brandt", "a", start=40),
                                person("Brandt", "a", start=80), person("Olaf Brandt", "b")])
    claims = [age("31", "a", "Brandt"), age("32", "b", "Olaf Brandt")]
    assert group_claims(claims, people) == []


def test_a_figure_whose_subject_is_not_a_person_keeps_its_subject():
    people, _ = cluster_people([person("Anna Keller", "a"), person("Anna Keller", "b")])
    claims = [fig("$5 million", "a"), fig("$9 million", "b")]
    assert [g.subject for g in group_claims(claims, people)] == ["Acme"]


# Framed counts: the story's own event as holder


def framed(text: str, source: str, frame: str, *, verb: str, subject: str | None = None, start: int = 0) -> Claim:
    c = fig(text, source, subject=subject, attribute="people", start=start)
    return replace(c, frame=frame, verb=verb, value=replace(c.value, unit="people", dimension="count"))


def test_framed_counts_with_no_holder_are_grouped_under_the_story():
    from checker.groups.figures import STORY

    claims = [framed("at least 63", "a", "dead", verb="die"), framed("58", "b", "dead", verb="kill"),
              framed("131", "b", "rescued", verb="rescue", start=40), framed("131", "c", "rescued", verb="rescue")]
    groups = group_claims(claims)
    assert [(g.block.attribute, g.subject) for g in groups] == [("dead", STORY), ("rescued", STORY)]
    assert groups[0].reason == ("same frame (dead: die, kill, people), same holder (the story's own event, "
                                "named by no source), different sources")


def test_a_framed_count_with_a_named_holder_stays_with_that_holder():
    claims = [framed("12", "a", "dead", verb="die", subject="Zorbia"), framed("15", "b", "dead", verb="die")]
    assert group_claims(claims) == []


def test_an_unframed_count_with_no_subject_is_still_not_grouped():
    assert group_claims([fig("12", "a", subject=None), fig("15", "b", subject=None)]) == []


# Amounts of money in frames


def amount(text: str, source: str, frame: str, *, subject: str | None = None, modifiers: tuple[str, ...] = (),
           change: str = "", start: int = 0) -> Claim:
    c = fig(text, source, subject=subject, attribute=frame, modifiers=modifiers, start=start)
    return replace(c, frame=frame, value=replace(c.value, change=change))


def test_money_frames_are_read_by_noun_or_by_verb_and_not_as_counts_of_people():
    frames = default_vocabulary().frames
    assert frames.frame_of("loss", "report", ("net",), "money") == "loss"
    assert frames.frame_of(None, "lose", (), "money") == "loss"  # "it lost 240 million euros"
    assert frames.frame_of("turnover", "grow", (), "money") == "revenue"
    assert frames.frame_of("revenue", "rise", ()) is None  # a count of revenue is no count of people
    assert frames.frame_of(None, "die", (), "money") is None


def test_an_amount_no_source_attributes_joins_the_one_holder_named_for_its_frame():
    from checker.groups.figures import STORY

    claims = [amount("240 million euros", "a", "loss", subject="Norvane", modifiers=("net",)),
              amount("€420 million", "b", "loss", modifiers=("net",)),
              amount("240 million euros", "c", "loss")]
    (g,) = group_claims(claims)
    assert g.subject == "Norvane" and g.block.space == "frame:currency" and len(g.claims) == 3
    assert "the one holder the sources name for this frame" in g.reason
    # Two holders named: whose the unattributed figure is, is not known.
    two = claims + [amount("90 million euros", "d", "loss", subject="Halvek Group")]
    assert all(g.subject != "Norvane" or len(g.claims) == 1 for g in group_claims(two))
    assert any(g.subject == STORY for g in group_claims(two))


def test_a_holder_named_shorter_by_one_source_is_the_one_holder_named():
    """"the Kessenar Highlands" and "Kessenar": one holder named in full and shorter, so a figure no source
    attributes joins it; two holders that are not one name shortened stay two."""
    claims = [amount("240 million euros", "a", "loss", subject="Norvane Group", modifiers=("net",)),
              amount("€420 million", "b", "loss", modifiers=("net",)),
              amount("240 million euros", "c", "loss", subject="Norvane")]
    (g,) = group_claims(claims)
    assert g.subject == "Norvane Group" and len(g.claims) == 3
    assert "the one holder the sources name for this frame" in g.reason
    other = claims[:2] + [amount("240 million euros", "c", "loss", subject="Halvek Group")]
    assert all(g.subject != "Norvane Group" or len(g.claims) == 1 for g in group_claims(other))


def test_an_amount_does_not_join_a_holder_whose_figures_it_would_mix():
    from checker.groups.figures import STORY

    # The holder's figure is the year's; the story's are the quarter's: a source gives both.
    claims = [amount("12.4 billion euros", "a", "revenue", subject="Norvane"),
              amount("3.1 billion euros", "a", "revenue", start=60), amount("3.1 billion euros", "b", "revenue"),
              amount("3.1 million euros", "c", "revenue"), amount("12.4 billion euros", "b", "revenue", subject="Norvane", start=60)]
    groups = {g.subject: g for g in group_claims(claims)}
    assert sorted(c.span for c in groups[STORY].claims) == ["3.1 billion euros", "3.1 billion euros", "3.1 million euros"]


def test_a_level_a_movement_reaches_is_blocked_with_levels_and_a_forecast_never_with_results():
    rose = amount("3.1 billion euros", "a", "revenue", change="up-to")
    was = amount("3.1 million euros", "b", "revenue")
    assert block_key(rose) == block_key(was)
    assert block_key(amount("4.2%", "a", "revenue", change="up")) != block_key(was)
    expected = amount("330 million euros", "a", "profit", subject="Norvane", modifiers=("expected", "operating"))
    result = amount("310 million euros", "b", "profit", subject="Norvane", modifiers=("operating",))
    assert group_claims([expected, result]) == []
    assert len(group_claims([replace(expected, modifiers=("operating",)), result])) == 1


def test_dates_of_one_event_worded_with_different_verbs_group_by_the_event():
    """"murdered two women in March" / "the March slayings": one event, "kill", in the vocabulary."""
    a = replace(dated("March 3, 1967", "a", verb="murder", attribute="woman", subject=None), event="kill")
    b = replace(dated("March 4, 1967", "b", verb="slaying", attribute="woman", subject=None), event="kill")
    (g,) = group_claims([a, b])
    assert g.block.attribute == "kill" and "'murder', 'slaying' say happened, one event: kill" in g.reason
    assert group_claims([replace(a, event=None), replace(b, event=None)]) == []  # without the classes: two verbs


def test_a_date_with_no_noun_to_its_verb_is_keyed_only_when_the_verb_names_a_known_event():
    """"she went to the clinic on Tuesday" dates the event "enter"; "Published: March 13" dates nothing."""
    went = replace(dated("March 3, 2008", "a", verb="go", attribute=None, subject=None), event="enter")
    assert block_key(went) == Block("date", EVENT, "enter", "", "the story")
    assert block_key(replace(went, event=None, verb="publish")) is None


def test_a_noun_a_source_dates_as_its_event_is_the_event_its_clauses_date():
    """"Tuesday's blackout" (the noun dated, an event of its own), "the blackout that cut power on Monday" and "the
    blackout that left the city dark on Tuesday": the noun's clauses date the blackout, whatever their verbs. A noun
    no source dates itself is no event: "the crowd that gathered on Monday" and "the crowd that left on Tuesday"."""
    noun = replace(dated("November 10, 2026", "a", verb="blackout", attribute=None, subject=None), event="blackout")
    cut = dated("November 9, 2026", "b", verb="cut", attribute="blackout", subject=None)
    left = dated("November 10, 2026", "c", verb="leave", attribute="blackout", subject=None)
    vocab = default_vocabulary()
    (g,) = group_claims([noun, cut, left], vocab=vocab)
    assert g.block == Block("date", NOUN_EVENT, "blackout", "", "the story") and len(g.claims) == 3
    assert "the blackout, which a source sets a date on as an event of its own" in g.reason
    assert group_claims([replace(cut, attribute="crowd"), replace(left, attribute="crowd")], vocab=vocab) == []
    # A noun of the vocabulary's classes is dated by its verbs: "the fire spread on Wednesday" dates no outbreak.
    fire = replace(noun, verb="fire", event="outbreak")
    spread = dated("November 11, 2026", "b", verb="spread", attribute="fire", subject=None)
    assert [len(g.claims) for g in group_claims([fire, spread], vocab=vocab)] == []


def test_the_dates_of_an_event_and_of_its_repeat_keep_apart():
    """"sat the paper on Tuesday, 9 June" and "the replacement paper will be sat on Saturday, 20 June"."""
    first = dated("June 9, 2026", "a", verb="sit", attribute="candidate", subject=None)
    again = replace(dated("June 20, 2026", "b", verb="sit", attribute="paper", subject=None), modifiers=("repeat",))
    assert group_claims([first, again]) == []
    assert len(group_claims([first, replace(again, modifiers=())])) == 1


def test_an_event_no_class_holds_is_judged_only_where_three_sources_agree():
    """"Friday night's loss" against "Wednesday's home loss" may be two of a team's losses; "Friday night's draw"
    against the Saturday three other sources give is one draw misdated."""
    from checker.findings.figure_verdict import figure_verdict

    def noun(day: str, source: str) -> Claim:
        return replace(dated(day, source, verb="draw", attribute=None, subject=None), event="draw")
    vocab = default_vocabulary()
    (two,) = group_claims([noun("November 14, 2026", "a"), noun("November 14, 2026", "b"),
                           noun("November 13, 2026", "c")], vocab=vocab)
    assert figure_verdict(two) is None
    (three,) = group_claims([noun("November 14, 2026", "a"), noun("November 14, 2026", "b"),
                             noun("November 14, 2026", "d"), noun("November 13, 2026", "c")], vocab=vocab)
    assert figure_verdict(three).flagged == {"2026-11-13"}
    # An event of the vocabulary is judged on a majority of two: "Friday's explosion" is one blast.
    blast = [replace(c, verb="explosion", event="explode") for c in two.claims]
    (g,) = group_claims(blast, vocab=vocab)
    assert g.block.space == EVENT and figure_verdict(g).flagged == {"2026-11-13"}


def test_dates_near_the_names_of_two_different_people_are_two_events():
    """"receiver Jackson was arrested Jan. 6" / "tackle Williams was arrested early Sunday"."""
    a = replace(dated("January 6, 2009", "a", verb="arrest", attribute="receiver", subject=None),
                near_names=("jackson", "vincent"), sentence="Receiver Vincent Jackson was arrested Jan. 6.")
    b = replace(dated("February 1, 2009", "b", verb="arrest", attribute="tackle", subject=None),
                near_names=("jamal", "williams"), sentence="Tackle Jamal Williams was arrested early Sunday.")
    assert group_claims([a, b]) == []
    assert len(group_claims([a, replace(b, near_names=("jackson",), sentence="Jackson was arrested Feb. 1.")])) == 1
    # Both name the person whose event it is: other names near the dates are of other clauses ("Ada Quint
    # issued the rules Thursday, weeks before Obama takes office" / "... that Interior officials defended").
    quint = [replace(dated(d, s, verb="issue", attribute="minister", subject="Ada Quint"), near_names=names,
                     sentence=f"Ada Quint issued the rules on {d}; {' and '.join(names)} spoke.")
             for d, s, names in (("December 11, 2008", "a", ("quint", "interior")),
                                 ("December 13, 2008", "b", ("quint", "obama")))]
    people = [Person(mentions=[person("Ada Quint", "a"), person("Ada Quint", "b")])]
    assert len(group_claims(quint, people)) == 1
    # A place is no such holder: "the aftershock shook the island on Monday" is another event.
    assert group_claims([replace(c, subject="Marrowby") for c in quint]) == []


def test_a_date_said_of_a_pronoun_joins_the_one_holder_the_others_name_whatever_names_stand_near():
    """"the Quillet Rovers beat Norvane on Thursday" / "they overcame Marrowby City on Wednesday": the
    pronoun stands for the one holder the others name; the opponent named near it is no second holder."""
    named = replace(dated("January 8, 2009", "a", verb="beat", attribute="rovers", subject="Quillet Rovers"),
                    event="win", near_names=("norvane", "quillet", "rovers"),
                    sentence="The Quillet Rovers beat Norvane on Thursday.")
    they = replace(dated("January 7, 2009", "b", verb="overcome", attribute=None, subject=None), event="win",
                   near_names=("city", "marrowby"), sentence="They overcame Marrowby City on Wednesday.")
    (group,) = group_claims([named, replace(they, pronoun=True)])
    assert group.subject == "Quillet Rovers" and "the one the sources name" in group.reason
    assert group_claims([named, they]) == []  # "the home side overcame Marrowby City": whose win is not said


def test_figures_with_a_year_said_near_one_and_not_the_other_are_two_quantities():
    """"55.2% in the 2022 election" against the story's "61.4%": two elections' turnouts."""
    now = replace(fig("61.4%", "a", subject=None, attribute="turnout"), frame="turnout")
    then = replace(fig("55.2%", "b", subject=None, attribute="turnout"), frame="turnout", near_dates=("2022",))
    assert group_claims([now, then]) == []
    assert len(group_claims([now, replace(then, near_dates=("sunday",))])) == 1  # not a year: no time frame said


def test_figures_of_two_years_said_from_the_articles_own_are_two_quantities():
    """"A turnover of 1.84 billion last year" against "revenue of 2.05 billion this year": two years' revenue.
    A year said near one figure only, from the article's own, says nothing against the other."""
    last = replace(fig("1.84 billion euros", "a", attribute="revenue"), near_dates=("last year",))
    this = replace(fig("2.05 billion euros", "b", attribute="revenue"), near_dates=("this year",))
    assert group_claims([last, this]) == []
    assert len(group_claims([last, replace(this, near_dates=("the previous year",))])) == 1  # one year, two ways
    assert len(group_claims([last, replace(this, near_dates=())])) == 1


def test_counts_over_spans_their_sentences_give_apart_are_two_quantities():
    """"At least 30 goals in each of the past five seasons" and "never fewer than 26 goals in his six seasons":
    two records of one player. A sentence that counts no span, or the same span, is compared."""
    def counted(text: str, source: str, unit: str, sentence: str, start: int = 0, attribute: str = "goal") -> Claim:
        c = fig(text, source, subject="Ana Ruiz", attribute=attribute, verb="score", start=start)
        return replace(c, sentence=sentence, value=replace(c.value, unit=unit, dimension="count"))

    def record(source: str, goals: str, seasons: str | None) -> list[Claim]:
        sentence = f"Ruiz scored {goals} goals" + (f" in each of the past {seasons} seasons." if seasons else ".")
        claims = [counted(goals, source, "goal", sentence)]
        if seasons:
            claims.append(counted(seasons, source, "season", sentence, start=40, attribute="season"))
        return claims

    vocab = default_vocabulary()
    goals = lambda groups: [g for g in groups if g.block.attribute == "goal"]  # noqa: E731
    assert goals(group_claims(record("a", "30", "5") + record("b", "26", "6"), vocab=vocab)) == []
    for other in (record("b", "26", "5"), record("b", "26", None)):
        (g,) = goals(group_claims(record("a", "30", "5") + other, vocab=vocab))
        assert sorted(c.source for c in g.claims) == ["a", "b"]


@pytest.mark.parametrize("text", [
    "Director of Communications Olav Kempsen",  # a full name the NER missed: Olav is not Olaf, Kempsen no Brandt
    "Trade Commissioner of Brandd Islands",  # a place of two words
])
def test_a_word_that_begins_a_longer_name_in_a_title_garbles_no_one(text):
    title = Claim(ClaimKind.TITLE, "b", 70, 70 + len(text), 2, 1, text, f"The {text} spoke.",
                  Entity(text, text, "TITLE"), titles=((text, 70, 70 + len(text)),))
    people, unexplained = brandt_story()
    _attach_garbled(people, unexplained, [title], default_vocabulary())
    assert people[0].garbled == []


def organisation(name: str, source: str, start: int = 200) -> Claim:
    return Claim(ClaimKind.ORGANISATION, source, start, start + len(name), 3, 1, name, f"{name} said so.",
                 Entity(name, name, "ORG"), subject=name)


@pytest.mark.parametrize("named", ["Quarto", "Quarto Brandt"])
def test_a_company_named_after_a_person_is_no_namesake(named):
    """"Quarto Brandt" in one source, where the story names the company Quarto (or Quarto Brandt) as an
    organisation: a company the NER took for a person once, not Olaf Brandt with another first name."""
    people = namesakes(person("Quarto Brandt", "d"), organisation(named, "e"))
    assert sorted(p.name for p in people) == ["Olaf Brandt", "Quarto Brandt"]
    # Without the organisation, the name joins Olaf Brandt: the organisation is what keeps it apart.
    assert [p.name for p in namesakes(person("Quarto Brandt", "d"))] == ["Olaf Brandt"]


def story_count(text: str, source: str, verb: str) -> Claim:
    """A count of its own noun that no one named holds ("carrying 146 passengers")."""
    c = fig(text, source, subject=None, attribute="passenger", verb=verb)
    return replace(c, value=replace(c.value, unit="passenger", dimension="count"))


def test_a_count_no_one_holds_groups_with_its_equals_and_its_digits_swapped_whatever_the_verbs():
    """"with 164 passengers on board", "was carrying 146 passengers", "In the board were 164 passengers": one count
    told with three verbs, one of them with two digits swapped. A count far from it, or not a swap of its digits
    ("341,700 vehicles" beside "214,000"), is as often another thing counted (a whole and its part): kept apart."""
    claims = [story_count("164", "a", "take"), story_count("146", "b", "carry"), story_count("164", "c", "be"),
              story_count("138", "d", "carry")]
    (g,) = group_claims(claims)
    assert sorted(c.span for c in g.claims) == ["146", "164", "164"] and g.subject == "the story"
    assert group_claims([story_count("164", "a", "take"), story_count("174", "b", "carry")]) == []
    assert len(group_claims([story_count("2.4 million", "a", "take"), story_count("4.2 million", "b", "be")])) == 1
    assert group_claims([story_count("214,000", "a", "sell"), story_count("341,700", "b", "recall")]) == []


def test_one_sources_only_count_no_one_holds_joins_the_one_count_three_sources_give_alone():
    """"140 rescuers took part" in three sources, each its only count of rescuers, and "around 240 rescuers" in a
    fourth: that count misread, though no digits are swapped. Not where a source counts the noun twice (a whole
    and a part), where the counts scatter ("nine carries", "6 carries", "22 carries": several players'), where two
    sources alone give the count, or where the two are too far apart to be one misread."""
    told = [story_count("140", s, "take") for s in "abc"]
    (g,) = group_claims([*told, story_count("around 240", "d", "work")])
    assert sorted(c.source for c in g.claims) == ["a", "b", "c", "d"]
    assert "or one source's only count of it against the one count that 3 or more sources give alone" in g.reason
    (g,) = group_claims([*told, story_count("around 240", "d", "work"), story_count("40", "d", "dive")])
    assert sorted(c.source for c in g.claims) == ["a", "b", "c"]
    (g,) = group_claims([*told, story_count("240", "d", "work"), story_count("22", "e", "have")])
    assert sorted(c.source for c in g.claims) == ["a", "b", "c"]
    (g,) = group_claims([*told[:2], story_count("240", "d", "work")])
    assert sorted(c.source for c in g.claims) == ["a", "b"]
    (g,) = group_claims([*told, story_count("400", "d", "work")])
    assert sorted(c.source for c in g.claims) == ["a", "b", "c"]
    (g,) = group_claims([story_count("two", s, "surround") for s in "abc"] + [story_count("three", "d", "attempt")])
    assert sorted(c.source for c in g.claims) == ["a", "b", "c"]  # small counts: as often of two things


def story_measure(text: str, source: str, verb: str, attribute: str | None = None) -> Claim:
    """A measure no one named holds ("some 14 million cubic metres of water poured out")."""
    return fig(text, source, subject=None, attribute=attribute, verb=verb)


def test_each_sources_only_measure_no_one_holds_joins_the_one_figure_three_sources_give_alone():
    """"about 3 million cubic metres" of rock in three sources, each its only volume, stated by three verbs with three
    nouns, and "30 million cubic metres" in a fourth: that figure misreported, a zero added. One figure written in two
    units is one ("3.5 tonnes", "3,500 kilograms"). Not where a source gives the dimension twice, where the story
    gives it three values, where two sources alone give the figure, or where the two are too far apart to be one."""
    told = [story_measure("about 3 million cubic metres", "a", "come", "material"),
            story_measure("3 million cubic metres", "b", "break", "volume"),
            story_measure("an estimated three million cubic metres", "c", "send", "ice")]
    odd = story_measure("30 million cubic metres", "d", "thunder")
    (g,) = group_claims([*told, odd])
    assert sorted(c.source for c in g.claims) == ["a", "b", "c", "d"] and g.subject == "the story"
    assert "each source's only figure of its dimension" in g.reason
    masses = [story_measure("3.5 tonnes", "a", "release"), story_measure("3,500 kilograms", "b", "flow"),
              story_measure("an estimated 3.5 tonnes", "c", "send")]
    (g,) = group_claims([*masses, story_measure("5.3 tonnes", "d", "reach")])
    assert len(g.claims) == 4
    assert group_claims([*told, odd, story_measure("400 cubic metres", "d", "hold")]) == []  # two volumes in d
    assert group_claims([*told, odd, story_measure("8 million cubic metres", "e", "hold")]) == []  # three values
    assert group_claims([*told[:2], odd]) == []  # two sources against one: no majority to read a slip by
    assert group_claims([*told, story_measure("300 million cubic metres", "d", "hold")]) == []  # a hundredfold
    assert group_claims([*told, replace(odd, subject="Lake Vell")]) == []  # a named holder's: keyed by it


def test_a_date_an_organisation_is_said_to_set_joins_no_person_the_others_name():
    """"Judge Roth announced the decision on Thursday" / "The company declared on Wednesday that it is not under
    suspicion": held by no one named, the company's statement is no act of the one person the others name; a date
    said of someone unnamed ("the judge") still joins them."""
    people = [Person(mentions=[person("Anselm Roth", "a"), person("Anselm Roth", "b")])]
    judge = replace(dated("November 12, 2026", "a", verb="announce", attribute="roth", subject="Anselm Roth"),
                    event="announce")
    company = replace(dated("November 11, 2026", "b", verb="declare", attribute="company", subject=None),
                      event="announce")
    vocab = default_vocabulary()
    assert group_claims([judge, company], people, vocab) == []
    (group,) = group_claims([judge, replace(company, attribute="judge")], people, vocab)
    assert group.subject == "Anselm Roth" and "the one the sources name" in group.reason


def test_an_amount_a_verb_says_of_a_word_standing_for_a_name_joins_the_one_holder_the_others_name():
    """"Corvell owes creditors 481 million crowns" / "The firm owes 418 million crowns": the firm is Corvell, the
    one holder the others name for what is owed, as "it owes" would be."""
    named = fig("481 million euros", "a", subject="Corvell", attribute=None, verb="owe")
    firm = replace(fig("418 million euros", "b", subject=None, attribute=None, verb="owe"), pronoun=True)
    (group,) = group_claims([named, firm])
    assert group.subject == "Corvell" and group.claims == (named, firm)
    # Said of no one, not even a word standing for someone, the amount is keyed by nothing.
    assert group_claims([named, replace(firm, pronoun=False)]) == []


def test_prices_of_one_of_a_thing_group_whatever_verb_states_them():
    """"ordered 4.5 million doses at 19 crowns each" / "agreed to buy doses at 23 crowns a dose": the price of one dose
    is the dose's, whatever the verb; held by no one named, it joins the one holder the others name."""
    ordered = fig("€19", "a", subject="Health Ministry", attribute="per dose", verb="order")
    bought = fig("€23", "b", subject=None, attribute="per dose", verb="buy")
    (group,) = group_claims([ordered, bought])
    assert group.subject == "Health Ministry" and group.claims == (ordered, bought)
    assert "same attribute (per dose)" in group.reason
