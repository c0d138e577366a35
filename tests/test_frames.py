"""Counts of people framed by what they count, through the real pipeline: "at least 63 people died" and
"58 people were killed" are one quantity of the story's own event, which no source names."""

from __future__ import annotations

import pytest
from conftest import write_corpus

from checker.run import check

pytestmark = pytest.mark.slow

HEAD = "Landslide buries mountain village\n\n"


def numbers(result) -> list:
    return [f for f in result.findings if f.kind == "number"]


def test_a_toll_worded_with_different_verbs_is_one_quantity(tmp_path):
    result = check(write_corpus(
        tmp_path,
        HEAD + "At least 63 people died when the hillside gave way above the village early on Sunday.\n",
        HEAD + "Fifty-eight people were killed in the landslide, the regional governor said on Sunday.\n",
        HEAD + "Rescuers said 63 people perished under the mud, and 40 homes were destroyed.\n"))
    (f,) = numbers(result)
    assert f.rule == "NUM001" and f.subject == "the story: dead"
    assert [(e.source, e.span) for e in f.evidence if e.flagged] == [("s1", "Fifty-eight")]
    assert "same frame (dead: " in f.explanation.grouped_because
    assert "the story's own event" in f.explanation.grouped_because


def test_counts_of_different_frames_are_never_compared(tmp_path):
    result = check(write_corpus(
        tmp_path,
        HEAD + "At least 63 people died in the landslide, officials said.\n",
        HEAD + "Officials said 12 people were injured and 63 people died.\n",
        HEAD + "Rescuers pulled 31 survivors from the mud, and 63 people were killed.\n"))
    assert numbers(result) == []


def test_the_same_toll_written_as_bound_and_figure_agrees(tmp_path):
    result = check(write_corpus(
        tmp_path,
        HEAD + "At least 63 people died when the hillside gave way.\n",
        HEAD + "The death toll stood at 63 on Monday, the governor said.\n"))
    assert numbers(result) == []


def test_the_price_of_a_takeover_worded_three_ways_is_one_amount(tmp_path):
    """"buys ... for $5.4 billion", "the $5.4 billion takeover", "acquire ... for $4.6 billion": what a
    company is bought for, one amount of the story however the outlets word the deal."""
    head = "Chipmaker agrees takeover of graphics rival\n\n"
    result = check(write_corpus(
        tmp_path,
        head + "Norvane said on Monday it would buy the graphics maker Quillet for $5.4 billion in cash and stock.\n",
        head + "The $5.4 billion takeover makes Norvane the second-largest chip supplier, analysts said.\n",
        head + "Norvane agreed on Monday to acquire Quillet for about $4.6 billion, the companies said.\n"))
    (f,) = [f for f in result.findings if f.rule == "NUM001"]
    assert f.subject.endswith("price")
    assert [(e.source, e.span) for e in f.evidence if e.flagged] == [("s2", "about $4.6 billion")]


@pytest.mark.parametrize("head, texts, frame, flagged", [
    # "a trial of 4,120 adults" counts the people of the trial: the frame of "enrolled 4,120 adults"
    ("Ointment halves nosebleeds in children",
     ["The ointment cut nosebleeds by half in a trial of 2,640 children, doctors in Marrowby reported.",
      "Doctors at Marrowby General enrolled 2,460 children with recurrent nosebleeds in four cities.",
      "The study of 2,640 children was paid for by a charity."], "enrolled", ("s1", "2,460")),
    # "a crowd of 38,200 people" counts the people of the crowd: the attendance
    ("Quillet Rovers lose the cup final",
     ["A crowd of 38,200 people watched the final at the Norvane Stadium on Saturday.",
      "The final was attended by 38,200 spectators, the club said.",
      "Some 32,800 fans attended the final in the rain."], "attendance", ("s2", "Some 32,800")),
    # "moved out of their homes", "had to leave their homes": the people counted leave their homes, the evacuation
    ("Chlorine leak empties the riverside district",
     ["About 1,400 residents were evacuated after chlorine leaked from a tank at the water works.",
      "Around 1,700 people have been moved out of their homes after a chlorine leak at the water works.",
      "Some 1,400 residents had to leave their homes while firefighters sealed the tank."], "evacuated",
     ("s1", "Around 1,700")),
])
def test_a_count_of_the_people_of_a_frames_noun_is_of_that_frame(tmp_path, head, texts, frame, flagged):
    result = check(write_corpus(tmp_path, *(f"{head}\n\n{t}\n" for t in texts)))
    (f,) = numbers(result)
    assert f.rule == "NUM001" and f.subject == f"the story: {frame}"
    assert [(e.source, e.span) for e in f.evidence if e.flagged] == [flagged]


def test_what_cost_an_amount_keeps_two_things_costs_apart(tmp_path):
    """"The scanner, which cost €4.5 million" and "the haul would have cost the state €2.4 million": the costs of two
    things, each said by a noun of its own, are not one amount; one thing's costs are still compared."""
    port = "Customs seize cigarettes at the port\n\n"
    result = check(write_corpus(
        tmp_path / "a",
        port + "The scanner, which cost €4.5 million, flagged the container on Tuesday.\n",
        port + "The mobile scanner went into service in 2022 and cost €4.5 million.\n",
        port + "Customs said the haul would have cost the state €2.4 million in unpaid duty.\n",
        port + "The smuggled haul would have cost the treasury €2.4 million in duty and taxes.\n"))
    assert numbers(result) == []
    one = check(write_corpus(
        tmp_path / "b",
        port + "The scanner, which cost €4.5 million, flagged the container on Tuesday.\n",
        port + "The mobile scanner went into service in 2022 and cost €4.5 million.\n",
        port + "The new scanner cost €5.4 million, customs said.\n"))
    (f,) = numbers(one)
    assert [(e.source, e.span) for e in f.evidence if e.flagged] == [("s2", "€5.4 million")]


def test_a_crew_counted_three_ways_is_one_quantity(tmp_path):
    """"All 21 crew members", "his 21 crew" and "a crew of 24": one crew's size. The finding names what is
    counted once ("crew", not "crew crew" from the first count's "crew members")."""
    ship = "Cargo ship runs aground in the strait\n\n"
    result = check(write_corpus(
        tmp_path,
        ship + "The ship struck the shoal early on Sunday. All 21 crew members are safe and remain on board.\n",
        ship + "The ship's master and his 21 crew were still on board on Monday, the coastguard said.\n",
        ship + "The bulk carrier, which has a crew of 24, is stuck on the shoal off the coast.\n"))
    (f,) = numbers(result)
    assert (f.rule, f.subject) == ("NUM001", "the story: crew")
    assert [(e.source, e.span) for e in f.evidence if e.flagged] == [("s2", "24")]
