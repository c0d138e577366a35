"""Lede days (stage 4, groups/ledes.py): the day each source's opening gives is the story's own event's. No spaCy.

Sentences and claims are built by hand with their facets set, as the extraction would set them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from checker.align import Alignment
from checker.claims.claim import Claim, ClaimKind
from checker.claims.sentences import Sentence
from checker.groups.aligned import aligned_groups
from checker.groups.figures import EVENT, STORY, Block, Group
from checker.groups.ledes import lede_date, lede_pairs
from checker.values.dates import parse_date, parse_year


def sentence(source: str, start: int, text: str, words: str, names: str = "") -> Sentence:
    return Sentence(source, start, start + len(text), 1, start + 1, text, tuple(sorted(words.split())),
                    tuple(sorted(names.split())))


def day(text: str, s: Sentence, verb: str | None, *, event: str | None = None, modifiers: tuple[str, ...] = ()) -> Claim:
    start = s.start + s.text.index(text)
    value = parse_date(text) or parse_year(text)
    assert value is not None, text
    return Claim(ClaimKind.DATE, s.source, start, start + len(text), 1, start + 1, text, s.text, value,
                 verb=verb, event=event, modifiers=modifiers)


HEAD = "Storm tears roof off festival stage"  # a headline: no full stop
DAYS = {"tabloid": dt.date(2025, 7, 14)}  # the tabloid's article is dated after the day its lede gives


def story() -> tuple[list[Sentence], list[Claim]]:
    """Five outlets open on one storm, each with its own verb; the tabloid's day is the odd one."""
    s = [sentence("wire", 0, HEAD, "storm roof festival stage"),
         sentence("wire", 40, "A violent storm swept across the festival stage on 12 July 2025.", "storm sweep festival stage violent"),
         sentence("local", 0, "The storm that hit the festival on 12 July injured 19 people.", "storm hit festival injure people"),
         sentence("radio", 0, "Organisers evacuated the festival site on 12 July as the storm hit.", "organiser evacuate festival site storm hit"),
         sentence("tabloid", 0, "It was supposed to be the party of the summer.", "suppose party summer"),
         sentence("tabloid", 50, "Revellers ran for their lives on 11 July 2025 as a storm tore the festival stage apart.",
                  "reveller run life storm tear festival stage")]
    claims = [day("12 July 2025", s[1], "sweep"), day("12 July", s[2], "hit"), day("12 July", s[3], "evacuate"),
              day("11 July 2025", s[5], "run")]
    return s, claims


def test_a_sources_lede_day_is_the_first_day_its_first_prose_sentences_date():
    """The headline (no full stop) is no lede; the day may come in the second sentence ("It was supposed to be the
    party of the summer."). Not a year alone, a day a statement was made on, or one no verb dates."""
    s, claims = story()
    assert lede_date([c for c in claims if c.source == "wire"], s[:2])[0].span == "12 July 2025"
    assert lede_date([c for c in claims if c.source == "tabloid"], s[4:])[0].span == "11 July 2025"
    wire = s[:2]
    said = day("12 July 2025", s[1], "say", modifiers=("report",))
    assert lede_date([said], wire) is None
    assert lede_date([replace(said, verb=None, modifiers=())], wire) is None
    year = sentence("wire", 40, "The festival, founded in 2006, was hit by a storm.", "festival found hit storm")
    assert lede_date([day("2006", year, "found")], [year]) is None
    late = sentence("wire", 200, "Organisers cancelled 13 July's concerts.", "organiser cancel concert")
    assert lede_date([day("13 July", late, "cancel")], [s[1], sentence("wire", 120, "Dozens were hurt.", "dozen hurt"),
                                                        late]) is None  # past the lede


def test_ledes_that_share_words_beyond_names_pair_their_days():
    s, claims = story()
    pairs = lede_pairs(claims, Alignment(tuple(s), ()), DAYS)
    assert {(p.first.source, p.second.source) for p in pairs} == {
        ("local", "radio"), ("local", "tabloid"), ("local", "wire"), ("radio", "tabloid"), ("radio", "wire"),
        ("tabloid", "wire")}
    assert "lede" in pairs[0].describe()
    # The odd lede shares two words with each of the others' only: too little to be sure it tells their event.
    two = [replace(claims[3], sentence="Revellers ran for their lives on 11 July 2025 as a storm tore the tents.")]
    s2 = [*s[:5], sentence("tabloid", 50, two[0].sentence, "reveller run life storm tear tent festival")]
    assert lede_pairs([*claims[:3], replace(two[0], start=50 + two[0].sentence.index("11 July"))],
                      Alignment(tuple(s2), ()), DAYS) == []
    # Two against one, or days that scatter: ledes of a story followed over days, each on its latest turn.
    assert lede_pairs([c for c in claims if c.source != "radio"], Alignment(tuple(s), ()), DAYS) == []
    other = replace(claims[2], value=parse_date("13 July 2025"), span="13 July")
    assert lede_pairs([*claims[:2], other, claims[3]], Alignment(tuple(s), ()), DAYS) == []
    # Names alone say which story, not which of its events: "Hollerdune" and "Brackenveld" pair nothing.
    named = [sentence("a", 0, "Hollerdune was hit on 12 July at Brackenveld.", "hollerdune brackenveld hit",
                      "hollerdune brackenveld"),
             sentence("b", 0, "Hollerdune closed on 11 July near Brackenveld.", "hollerdune brackenveld close",
                      "hollerdune brackenveld")]
    assert lede_pairs([day("12 July", named[0], "hit"), day("11 July", named[1], "close")],
                      Alignment(tuple(named), ()), DAYS) == []
    # Two events the vocabulary tells apart: an arrest and a death.
    arrest, death = day("12 July 2025", s[1], "arrest", event="arrest"), day("12 July", s[2], "die", event="die")
    assert lede_pairs([arrest, death], Alignment(tuple(s[:3]), ()), DAYS) == []


def test_a_day_joined_to_a_group_brings_the_day_its_lede_pairs_with():
    """The wire's lede day joins the event's dates the others' verbs group; the tabloid's lede pairs with the wire's
    only, and joins through it: the group holds them all, the tabloid's 11 July against the others' 12 July."""
    s, claims = story()
    wire, local, radio, tabloid = claims
    other = sentence("broadcaster", 0, "Storm damage was assessed on 13 July.", "storm damage assess")
    extra = replace(day("12 July", s[2], "hit"), source="broadcaster", start=10, end=18)
    # The local paper's and the radio's ledes share two words with the wire's, and too little with the tabloid's for a
    # pair of their own.
    s[3] = sentence("radio", 0, "Organisers evacuated the grounds on 12 July as the violent storm hit.",
                    "organiser evacuate violent storm")
    radio = day("12 July", s[3], "evacuate")
    s[2] = sentence("local", 0, "The violent storm that hit on 12 July injured 19 people.", "storm violent hit injure people")
    local = day("12 July", s[2], "hit")
    group = Group(Block("date", EVENT, "hit", "", STORY), (local, extra), "the dates of one event")
    out = aligned_groups([wire, local, radio, tabloid, extra], Alignment((*s, other), ()), [group], None, DAYS)
    (joined,) = [g for g in out if tabloid in g.claims]
    assert set(joined.claims) == {wire, local, radio, tabloid, extra}
    assert "lede" in joined.reason


def test_a_lede_day_is_the_events_only_before_its_own_articles_date():
    """"Workers were waiting anxiously on 11 July" in a paper dated 11 July opens on the day's news, and a day after
    the article's date is a plan ("with a playoff game looming Saturday"): neither is the event the other ledes date,
    and an undated article's lede may be either. A day before its article's is the event's, slip or not."""
    s, claims = story()
    alignment = Alignment(tuple(s), ())
    assert lede_pairs(claims, alignment, {"tabloid": dt.date(2025, 7, 11)}) == []
    assert lede_pairs(claims, alignment, {"tabloid": dt.date(2025, 7, 10)}) == []
    assert lede_pairs(claims, alignment, {}) == []
    assert len(lede_pairs(claims, alignment, {"tabloid": dt.date(2025, 7, 12)})) == 6


def test_a_lede_of_an_event_no_other_lede_names_is_another_event():
    """Four ledes date the raid; the local paper's opens on the arrest days later ("was arrested on Tuesday"):
    another event, named by its verb, that pairs nothing. The same event named by two ledes still pairs."""
    s, claims = story()
    arrest = replace(claims[3], event="arrest")
    assert lede_pairs([*claims[:3], arrest], Alignment(tuple(s), ()), DAYS) == []
    storm = [replace(c, event="storm") for c in claims]
    assert len(lede_pairs(storm, Alignment(tuple(s), ()), DAYS)) == 6


def test_a_lede_of_an_event_another_lede_names_by_any_word_pairs():
    """"after 11 July's collapse": the tabloid's day dates a noun no other lede's date is keyed by, but another lede
    tells the collapse in its own sentence ("as the stage collapsed"): one event, one slip."""
    s, claims = story()
    s = [*s[:3], sentence("radio", 0, "Organisers evacuated the festival site on 12 July as the storm hit and the stage "
                                      "collapsed.", "organiser evacuate festival site storm hit stage collapse"), *s[4:]]
    collapse = replace(claims[3], verb="collapse", event="collapse")
    assert len(lede_pairs([*claims[:3], collapse], Alignment(tuple(s), ()), DAYS)) == 6
    alone = [*s[:3], sentence("radio", 0, "Organisers evacuated the festival site on 12 July as the storm hit.",
                              "organiser evacuate festival site storm hit"), *s[4:]]
    assert lede_pairs([*claims[:3], collapse], Alignment(tuple(alone), ()), DAYS) == []

