"""The one Vocabulary: shipped data read once, extended by the user, shared by every reader. No spaCy model."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from checker.config import Settings
from checker.corpus.furniture import FurnitureRules, default_rules, furniture_lines
from checker.values import vocabulary as vocabulary_module
from checker.values.dates import parse_date
from checker.values.numbers import iter_quantities, parse_quantity, quantity_regex
from checker.values.vocabulary import (
    DATA_FILES,
    build_vocabulary,
    default_vocabulary,
    load_data,
    load_vocabulary,
)


def shipped(name: str) -> dict:
    """A data file read directly, to compare the vocabulary against."""
    return tomllib.loads(resources.files("checker.data").joinpath(f"{name}.toml").read_text("utf-8"))


def figures(text: str, vocab=None) -> list[str]:
    return [q.normalised for _, _, q in iter_quantities(text, vocab=vocab)]


def test_every_data_file_is_read_once(monkeypatch):
    reads: list[str] = []
    real = vocabulary_module._read
    monkeypatch.setattr(vocabulary_module, "_read", lambda name: reads.append(name) or real(name))
    load_data.cache_clear()
    try:
        for extra in ({}, {"extra_places": {"Zorblandia": ["Zorbia"]}}, {"extra_qualifiers": {"north of": "gt"}}):
            vocab = build_vocabulary(**extra)
            figures("more than 5%", vocab)
            parse_date("June 9", vocab)
            FurnitureRules.of(vocab)
    finally:
        load_data.cache_clear()
    assert sorted(reads) == sorted(DATA_FILES)


def test_every_data_file_is_valid_toml_with_its_tables():
    for name in DATA_FILES:
        assert load_data(name), name
    assert {"places", "nicknames"} <= set(load_data("aliases"))
    assert {"qualifiers", "vague", "ones", "tens", "scale_words"} <= set(load_data("numbers"))
    assert {"up", "down", "move", "phrasal", "not_of_counts"} <= set(load_data("movement"))


def test_shipped_data_cannot_be_changed_in_place():
    with pytest.raises(TypeError):
        load_data("aliases")["places"]["Zorblandia"] = ("Zorbia",)
    assert isinstance(load_data("titles")["offices"], tuple)


def test_the_default_vocabulary_is_one_object():
    assert default_vocabulary() is default_vocabulary() is load_vocabulary()
    assert load_vocabulary(places={}, offices=[]) is default_vocabulary()  # empty additions are none


def test_equal_additions_give_the_same_vocabulary_whatever_their_order():
    a = load_vocabulary(places={"Zorblandia": ["Zorbia"]}, nicknames={"kit": "christopher"})
    b = load_vocabulary(nicknames={"kit": "christopher"}, places={"Zorblandia": ["Zorbia"]})
    assert a is b and a is not default_vocabulary()


def test_an_unknown_addition_is_refused():
    with pytest.raises(ValueError, match="unknown vocabulary extension"):
        load_vocabulary(planets={"Mars": ["the red planet"]})


def test_an_added_place_reaches_place():
    vocab = load_vocabulary(places={"Zorblandia": ["Zorbia", "Zorbian", "Port Zor"]})
    assert vocab.place("Zorbia") == "Zorblandia"
    assert vocab.place("zorbian") == "Zorblandia"
    assert vocab.place("Zorbia's") == "Zorblandia"  # possessives, case and spaces do not count
    assert vocab.place("port  zor") == "Zorblandia"
    assert vocab.place("Zorblandia") == "Zorblandia"
    assert vocab.place("Beijing") == "China"  # the shipped aliases stay
    assert default_vocabulary().place("Zorbia") is None  # the shipped vocabulary is left alone


def test_aliases_added_to_a_shipped_place_keep_its_shipped_ones():
    vocab = load_vocabulary(places={"Japan": ["Nippon"]})
    assert vocab.place("Nippon") == vocab.place("Tokyo") == "Japan"


def test_added_nicknames_and_spellings():
    vocab = load_vocabulary(nicknames={"kit": "christopher"}, spellings={"Zelenskyy": ["Zelensky", "Zelenskiy"]})
    assert vocab.given_name("Kit") == "christopher"
    assert vocab.given_name("Bill") == "william"  # shipped
    assert vocab.accepted("Zelensky", "zelenskiy")
    assert not vocab.accepted("Zelensky", "Zelinsky")
    assert not default_vocabulary().accepted("Zelensky", "Zelenskiy")


def test_added_offices_reach_the_office_index_and_title_words():
    vocab = load_vocabulary(offices=["ombudsman", "chief whip"], office_synonyms={"whip": "chief whip"})
    assert ("ombudsman",) in vocab.office_index["ombudsman"]
    assert ("chief", "whip") in vocab.office_index["chief"]
    assert "ombudsman" in vocab.title_words
    assert vocab.office_synonyms["whip"] == "chief whip"
    assert "ombudsman" not in default_vocabulary().office_index


def test_qualifiers_and_number_words_come_from_the_data():
    data = shipped("numbers")
    words = default_vocabulary().numbers
    assert dict(words.qualifiers) == data["qualifiers"]
    assert words.qualifiers["more than"] == "gt" and words.qualifiers["roughly"] == "approx"
    assert dict(words.ones) == data["ones"] and dict(words.tens) == data["tens"]
    assert words.vague["dozens of"] == (12, 120)
    assert figures("more than 60% of the market, roughly 200 people, dozens of firms") == \
        ["(60, inf)%", "[190, 210]", "[12, 120]"]


def test_movement_verbs_come_from_the_data():
    data = shipped("movement")
    movement = default_vocabulary().movement
    assert movement.up == frozenset(data["up"]) and "rise" in movement.up
    assert movement.down == frozenset(data["down"]) and "plunge" in movement.down
    assert movement.move == frozenset(data["move"])
    assert movement.phrasal == frozenset(data["phrasal"]) and movement.not_of_counts == {"win"}


def test_frame_nouns_determiners_and_abbreviations_come_from_the_data():
    data = shipped("words")
    vocab = default_vocabulary()
    assert vocab.frame_nouns == frozenset(data["frame_nouns"]) and "peak" in vocab.frame_nouns
    assert vocab.definite == frozenset(data["definite"]) and "its" in vocab.definite
    assert vocab.abbreviations == {"U.S.", "U.K.", "E.U."}


def test_months_come_from_the_data():
    vocab = default_vocabulary()
    assert dict(vocab.months) == shipped("calendar")["months"]
    assert vocab.weekdays["tuesday"] == 1
    d = parse_date("Sept. 3, 2025")
    assert (d.year, d.month, d.day_lo) == (2025, 9, 3)


def test_units_and_labels_come_from_the_data():
    vocab = default_vocabulary()
    assert vocab.units["percent"]["per cent"] == "%"
    assert "ftse 100" in vocab.labels.named_numbers
    assert "category" in vocab.labels.label_nouns and "gmt" in vocab.labels.time_zones


def test_an_added_qualifier_reaches_the_number_grammar():
    vocab = load_vocabulary(qualifiers={"North of": "gt"})
    assert figures("Prices rose north of 40% this year.", vocab) == ["(40, inf)%"]
    assert figures("Prices rose north of 40% this year.") == ["40%"]  # not in the shipped grammar
    # A match is parsed with the grammar that made it, vocabulary or not.
    m = quantity_regex(vocab=vocab).search("north of 40%")
    assert parse_quantity(m).qualifier == "north of" and parse_quantity(m).interval.lo_open


def test_a_qualifier_of_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="qualifier kinds"):
        build_vocabulary(extra_qualifiers={"north of": "above"})


def test_added_movement_verbs():
    vocab = load_vocabulary(movement={"up": ["Balloon"], "down": ["crater"]})
    assert {"balloon", "rise"} <= vocab.movement.up and "crater" in vocab.movement.down
    assert "balloon" not in default_vocabulary().movement.up
    with pytest.raises(ValueError, match="movement verbs"):
        build_vocabulary(extra_movement={"sideways": ["crab"]})


def test_furniture_rules_are_compiled_once_from_the_vocabulary():
    rules = default_rules()
    assert rules is FurnitureRules.of(default_vocabulary())
    assert len(rules.patterns) == len(shipped("furniture")["line_patterns"])
    assert rules.short_line_words == shipped("furniture")["short_line_words"]
    assert furniture_lines(["Advertisement", "", "The port reopened on Monday after a week of strikes by dock workers."]) \
        == {0}


def test_settings_vocabulary_is_the_one_loaded_for_its_additions():
    settings = Settings(places={"Zorblandia": ["Zorbia"]}, nicknames={"kit": "christopher"})
    assert settings.vocabulary_extensions() == {"places": {"Zorblandia": ["Zorbia"]}, "nicknames": {"kit": "christopher"}}
    assert settings.vocabulary() is load_vocabulary(places={"Zorblandia": ["Zorbia"]}, nicknames={"kit": "christopher"})
    assert Settings().vocabulary() is default_vocabulary() and Settings().vocabulary_extensions() == {}


def test_components_built_from_a_config_read_the_settings_vocabulary():
    spacy = pytest.importorskip("spacy")
    from checker.nlp.pipeline import COMPONENTS
    from checker.nlp.registry import vocabulary_config

    settings = Settings(places={"Zorblandia": ["Zorbia"]})
    nlp = spacy.blank("en")  # no model: only the components are built
    for name in COMPONENTS:
        nlp.add_pipe(name, config={"vocabulary": vocabulary_config(settings.vocabulary_extensions())})
    assert all(nlp.get_pipe(name).vocabulary is settings.vocabulary() for name in COMPONENTS)
    # The additions are plain tables in the pipeline's config, and survive its round trip.
    config = spacy.util.load_config_from_str(nlp.config.to_str())
    assert config["components"]["checker_people"]["vocabulary"]["places"] == {"Zorblandia": ["Zorbia"]}
    plain = spacy.blank("en")
    assert plain.add_pipe("checker_dates").vocabulary is default_vocabulary()


# Frames: what a count of people measures


@pytest.mark.parametrize("attribute, verb, modifiers, frame", [
    ("people", "die", (), "dead"),  # "63 people died"
    ("person", "perish", (), "dead"),  # "63 persons perished"
    (None, "kill", (), "dead"),  # "58 were killed"
    ("toll", "climb", ("death",), "dead"),  # "the death toll climbs to 58"
    ("death", None, (), "dead"),  # "58 deaths"
    ("survivor", "pull", (), "rescued"),  # "rescuers pulled 131 survivors"
    ("people", "rescue", (), "rescued"),
    ("people", "miss", (), "missing"),
    ("people", "injure", (), "injured"),
])
def test_a_count_of_people_is_framed_by_its_verb_or_noun(attribute, verb, modifiers, frame):
    assert default_vocabulary().frames.frame_of(attribute, verb, modifiers) == frame


@pytest.mark.parametrize("attribute, verb", [
    ("car", "kill"),  # "the storm killed 12 cars"? a count of things, not people: no frame
    ("people", "visit"),  # a verb no frame knows
    (None, None),
    ("share", "die"),
])
def test_other_counts_have_no_frame(attribute, verb):
    assert default_vocabulary().frames.frame_of(attribute, verb) is None


def test_a_count_of_the_people_of_a_frame_noun_is_framed_by_it():
    frames = default_vocabulary().frames
    assert frames.frame_of("adult", "prevent", of="trial") == "enrolled"  # "in a trial of 4,120 adults"
    assert frames.frame_of(None, "be", of="study") == "enrolled"  # "the study of 4,120"
    assert frames.frame_of("people", "watch", of="crowd") == "attendance"  # "a crowd of 40,000 people watched"
    assert frames.frame_of("mouse", "be", of="study") is None  # counts no people
    assert frames.frame_of("people", "watch", of="series") is None
    assert frames.frame_of("people", "move", left="home") == "evacuated"  # "were moved out of their homes"
    assert frames.frame_of("house", "leave", left="home") is None  # counts no people
    # "the scanner cost": the subject is the thing; "kidnappers demanded": it is who asked
    assert "cost" in frames.of_subject and "ransom" not in frames.of_subject


def test_frames_are_extended_by_the_configuration():
    vocab = load_vocabulary(frames={"dead": {"verbs": ["succumb"]}, "stranded": {"nouns": ["stranded"]}})
    assert vocab.frames.frame_of("people", "succumb") == "dead"
    assert vocab.frames.frame_of("stranded", None) == "stranded"
    assert vocab.frames.frame_of("people", "die") == "dead"  # the shipped frames stay
    vocab = load_vocabulary(frames={"enrolled": {"of": ["survey"]}})
    assert vocab.frames.frame_of("people", "ask", of="survey") == "enrolled"
    vocab = load_vocabulary(frames={"displaced": {"from": ["village"]}})
    assert vocab.frames.frame_of("people", "flee", left="village") == "displaced"
    with pytest.raises(ValueError, match="lists verbs, nouns, of and from"):
        load_vocabulary(frames={"dead": {"adjectives": ["late"]}})


def test_an_event_noun_may_differ_from_the_verb_of_its_lemma():
    vocab = default_vocabulary()
    assert (vocab.noun_event("fire"), vocab.events["fire"]) == ("outbreak", "fire")
    assert vocab.noun_event("election") == vocab.events["election"] == "vote"
    assert vocab.noun_event("teacup") is None
    # A lemma that names the event only as a verb: "passed away" is a death, "a touchdown pass" none; and only
    # with its particle: "passed the bill" is none, "stepped down" a resignation, "stepped onto the stage" none
    assert vocab.verb_key("pass", ["away"]) == "pass away" and vocab.events["pass away"] == "die"
    assert vocab.verb_key("pass", []) == "pass" and "pass" not in vocab.events and vocab.noun_event("pass") is None
    assert vocab.events[vocab.verb_key("step", ["down"])] == "resign" and vocab.verb_key("step", ["up"]) == "step"
    assert "step" not in vocab.events
    assert (vocab.events["name"], vocab.noun_event("name")) == ("announce", None)
    assert vocab.noun_event("death") == "die"
    # "foiled a hijack attempt on Saturday", "repulsed an attack on Saturday": one act
    assert vocab.events["foil"] == vocab.events["repulse"] == vocab.events["thwart"] == "foil"
    # Names of days and schedules: data a newsroom extends
    assert "patch tuesday" in vocab.named_days and "black friday" in vocab.named_days
