"""A person's age, as news writes it beside the name, read through the real pipeline and compared
across sources by the person's cluster."""

from __future__ import annotations

import pytest
from conftest import write_corpus

from checker.claims.claim import ClaimKind
from checker.run import check

pytestmark = pytest.mark.slow

HEAD = "Driver charged after crash on ring road\n\n"


def ages(result) -> list[tuple[str, str, str]]:
    return [(c.source, c.span, c.subject) for c in result.claims
            if c.kind is ClaimKind.QUANTITY and c.attribute == "age"]


@pytest.mark.parametrize("sentence, span, subject", [
    ("The 31-year-old driver, Anna Keller, was charged on Tuesday, police said.", "31-year", "Anna Keller"),
    ("Police said 31-year-old Anna Keller was charged on Tuesday.", "31-year", "Anna Keller"),
    ("Anna Keller, a 31-year-old teacher, was charged on Tuesday.", "31-year", "Anna Keller"),
    ("Anna Keller, 31, appeared in court on Wednesday.", "31", "Anna Keller"),
    ("Police charged Anna Keller, aged 31, after the crash.", "31", "Anna Keller"),
    ("Anna Keller, who is 31, was released on bail.", "31", "Anna Keller"),
    ("Anna Keller, 31 years, appeared in court on Wednesday.", "31 years", "Anna Keller"),  # as translations write it
    ("Police charged Anna Keller, aged 31 years, after the crash.", "31 years", "Anna Keller"),
    ("It is Anna Keller, aged of 31 years, who gave the alert.", "31 years", "Anna Keller"),  # French "âgée de"
    # An obituary's age: the subject of the verb of dying.
    ("Anna Keller, the swimmer and actress, dies at 91.", "91", "Anna Keller"),
    ("Anna Keller died at age 77 in a prison hospital.", "77", "Anna Keller"),
    ("Former senator Anna Keller died at the age of 84 on Sunday.", "84", "Anna Keller"),
    ("Anna Keller, who died yesterday in a prison hospital at 77, ran the gang for decades.", "77", "Anna Keller"),
    ("Anna Keller, who has died aged 87, was the quietest mayor the town has had.", "87", "Anna Keller"),
    ("Anna Keller, the former mayor who died on Saturday aged 86, was known to everyone.", "86", "Anna Keller"),
    # The name that says who the person described is.
    ("One of them, a 41-year-old forklift operator identified as Anna Keller, was detained.", "41-year",
     "Anna Keller"),
])
def test_each_way_of_writing_an_age_is_read_as_the_persons(tmp_path, sentence, span, subject):
    result = check(write_corpus(tmp_path, HEAD + sentence + "\n"))
    assert ages(result) == [("s0", span, subject)]


@pytest.mark.parametrize("sentence", [
    "The 10-year-old law was repealed on Tuesday, Anna Keller said.",
    "Anna Keller said 31 people were hurt in the crash.",
    "Anna Keller, 45 percent of voters said, should resign.",
    "Anna Keller said on Tuesday that the road, 31 years old, needed repairs.",
    "The crash happened at 31 Elm Road, Anna Keller said.",
])
def test_figures_near_a_name_that_are_not_its_age(tmp_path, sentence):
    """No one holds them: "the 10-year-old law" and "the road, 31 years old" are ages of things."""
    assert [a for a in ages(check(write_corpus(tmp_path, HEAD + sentence + "\n"))) if a[2] is not None] == []


def test_two_ages_for_one_person_across_sources_are_a_contradiction(tmp_path):
    """The age is grouped by the person's cluster: "Keller, who is 31" joins "Anna Keller, 31"."""
    result = check(write_corpus(
        tmp_path,
        HEAD + "The 31-year-old driver, Anna Keller, was charged on Tuesday with dangerous driving.\n",
        HEAD + "Anna Keller, 32, appeared in court on Wednesday after the crash on the ring road.\n",
        HEAD + "Police charged Anna Keller after the crash. Keller, who is 31, was released on bail.\n"))
    (f,) = [f for f in result.findings if f.rule == "NUM001"]
    assert f.subject == "Anna Keller: age"
    assert [(e.source, e.span) for e in f.evidence if e.flagged] == [("s1", "32")]
    assert {e.source for e in f.evidence if not e.flagged} == {"s0", "s2"}
    assert "31 and 32 do not overlap" in f.message and "the majority gives 31 year" in f.message


def test_the_same_age_written_two_ways_agrees(tmp_path):
    result = check(write_corpus(
        tmp_path,
        HEAD + "The 31-year-old driver, Anna Keller, was charged on Tuesday.\n",
        HEAD + "Anna Keller, 31, appeared in court on Wednesday.\n"))
    assert len(ages(result)) == 2
    assert not [f for f in result.findings if f.kind == "number"]


def test_an_age_is_never_compared_with_a_count_of_the_same_story(tmp_path):
    result = check(write_corpus(
        tmp_path,
        HEAD + "Anna Keller, 31, was charged after a crash that injured 12 people on the ring road.\n",
        HEAD + "Anna Keller, 31, was charged after a crash that injured 31 people on the ring road.\n"))
    numbers = [f for f in result.findings if f.kind == "number"]
    assert all("age" not in f.subject for f in numbers)


def test_an_age_beside_a_surname_the_ner_misses_is_the_persons(tmp_path):
    """A surname the NER tags a place or an organisation ("said Vellacott, 40,") still holds the age, and
    the corpus's people say whose it is; "the 32-year-old actress's agent" is the actress's age, not the agent's."""
    head = "Presenter named for awards gala\n\n"
    result = check(write_corpus(
        tmp_path,
        head + "The academy named actor Hamish Vellacott as host on Friday. Vellacott, 40, will host in February.\n",
        head + "Actor Hamish Vellacott will host the gala. The 40-year-old Vellacott has hosted before.\n",
        head + "Hamish Vellacott was named host on Friday. Vellacott, 41, said he was thrilled.\n"))
    named = {(c.source, c.span): c.subject for c in result.claims if c.attribute == "age"}
    assert set(named.values()) <= {"Vellacott", "Hamish Vellacott"} and len(named) == 3, named
    (f,) = [f for f in result.findings if f.rule == "NUM001"]
    assert [(e.source, e.span) for e in f.evidence if e.flagged] == [("s2", "41")]
    agent = check(write_corpus(tmp_path / "agent", head + "The 32-year-old actress's agent Jack Ortolan spoke.\n"))
    assert [(c.span, c.subject) for c in agent.claims if c.attribute == "age"] == [("32-year", "the unnamed actress")]


@pytest.mark.parametrize("sentence, span, subject", [
    # The name the NER misses after the noun that describes the person.
    ("The 36-year-old champion Okafor said he was happy with the win.", "36-year", "Okafor"),
    # A place before the noun describes the person; it is no holder.
    ("Police named Anna Keller, a 39-year-old Marrowby resident, as the driver.", "39-year", "Anna Keller"),
    ("The crash killed a 66-year-old Marrowby woman on Tuesday.", "66-year", "the unnamed woman"),
    ("A 35-year-old sheriff's deputy was shot on Friday.", "35-year", "the unnamed deputy"),
    # A sentence-opening surname the tagger takes for a noun.
    ("Cheeks, 49, was fired on Monday after four seasons.", "49", "Cheeks"),
    # ... and one the NER reads with its age as a date ("Arcand, 61" as "June, 61")
    ("Arcand, 61, served two terms as mayor after a career as a pharmacist.", "61", "Arcand"),
    # A name in another clause, past a verb, is not who the noun describes.
    ("The 51-year-old director also said that Vellacott would stay on.", "51-year", "the unnamed director"),
    # "died aged 87" beside a name the NER misses: the age of the name the verb's subject ends, not a count of
    # the dead.
    ("Matthias Renholt, who has died aged 87, was the least flamboyant prime minister Vellmark has ever had.",
     "87", "Matthias Renholt"),
])
def test_whose_age_it_is_when_the_ner_misses_or_misleads(tmp_path, sentence, span, subject):
    assert ages(check(write_corpus(tmp_path, HEAD + sentence + "\n"))) == [("s0", span, subject)]


def test_a_bare_age_as_the_subject_refers_back_to_the_one_person_named_before(tmp_path):
    """"The 55-year-old is a popular choice" after a sentence naming one person is that person's age;
    not after a sentence naming two, nor as an object ("her attack on the 12-year-old"), nor when a
    capitalised word the tagger did not take for a person may be whom it is of."""
    result = check(write_corpus(
        tmp_path,
        HEAD + "The network named Harald Lindqvaard as the new host on Sunday. The 55-year-old is a popular choice.\n",
        HEAD + "Harald Lindqvaard met Anna Keller on Sunday. The 55-year-old is a popular choice.\n",
        HEAD + "Police charged Anna Keller with assault on Sunday. Her attack on the 12-year-old shocked the town.\n",
        HEAD + "The 55-year-old is a popular choice.\n"))
    assert ages(result) == [("s0", "55-year", "Harald Lindqvaard"), ("s1", "55-year", None),
                            ("s2", "12-year", None), ("s3", "55-year", None)]


def test_an_obituary_age_disagrees_with_the_age_set_off_by_commas(tmp_path):
    result = check(write_corpus(
        tmp_path,
        "Swimmer turned actress Anna Keller dies at 91\n\nAnna Keller, the swimmer, died on Thursday in her sleep.\n",
        "Anna Keller dies at 91\n\nThe swimmer and actress died on Thursday, her publicist said.\n",
        "Actress dies\n\nAnna Keller, 92, died early Thursday in her sleep, according to her publicist.\n"))
    (f,) = [f for f in result.findings if f.rule == "NUM001"]
    assert [(e.source, e.span) for e in f.evidence if e.flagged] == [("s2", "92")]


def test_a_source_giving_its_person_two_ages_years_apart_tells_two_times(tmp_path):
    """"died on Thursday at the age of 95" and "Keller, 92, told the show in 2006" in one source: her age then
    and now, not a slip the others' 95 shows up. Two years or less apart, one of them is a slip."""
    def run(then: str):
        return check(write_corpus(
            tmp_path / then,
            HEAD + "Anna Keller died on Thursday at the age of 95.\n\n\"I am proud of it,\" Anna Keller, " + then
            + ", told the Larry King show in 2006, her first public interview.\n",
            HEAD + "Anna Keller, 95, died on Thursday at her home.\n",
            HEAD + "Anna Keller died on Thursday at the age of 95, her family said.\n"))
    assert [f for f in run("92").findings if f.rule == "NUM001"] == []
    assert [f.rule for f in run("96").findings if f.rule == "NUM001"] == ["NUM001"]


def test_an_age_at_the_time_is_not_the_persons_age_now(tmp_path):
    result = check(write_corpus(tmp_path, HEAD + "The lawyer said the then-15-year-old Keller was at the scene.\n"))
    assert ages(result) == []


def test_ages_of_someone_described_are_compared_by_what_describes_them(tmp_path):
    """"a 66-year-old woman" in three sources and "a 65-year-old woman" in a fourth: one woman the
    story does not name, and the outlier is flagged."""
    result = check(write_corpus(
        tmp_path,
        HEAD + "A driver struck a 66-year-old woman outside the store on Tuesday night.\n",
        HEAD + "Police said the driver hit a 66-year-old woman in the car park and fled.\n",
        HEAD + "A 66-year-old woman was struck by a car outside the store, police said.\n",
        HEAD + "A man was charged after his car killed a 65-year-old woman outside the store.\n"))
    (f,) = [f for f in result.findings if f.rule == "NUM001"]
    assert f.subject == "the unnamed woman: age"
    assert [(e.source, e.span) for e in f.evidence if e.flagged] == [("s3", "65-year")]


def test_ages_of_two_people_described_alike_are_not_compared(tmp_path):
    """"a 36-year-old climber" and "a 32-year-old climber" are the two climbers the story names."""
    result = check(write_corpus(
        tmp_path,
        HEAD + "Ben Ford, 32, fell from the ridge on Sunday. A day earlier Ana Ruiz, 36, died there.\n",
        HEAD + "A 32-year-old climber fell from the ridge on Sunday, a day after Ana Ruiz, 36, died.\n",
        HEAD + "A 36-year-old climber died on the ridge on Saturday. Ben Ford, 32, fell on Sunday.\n",
        HEAD + "A 36-year-old climber died on Saturday, police said of Ana Ruiz.\n"))
    assert not [f for f in result.findings if f.rule == "NUM001" and "climber" in f.subject]


def test_an_age_of_someone_described_by_an_office_is_the_office_holders(tmp_path):
    """"the mayor, 53," and "the 53-year-old mayor" are Mayor Ilona Frisk's age when she is the one
    person the story calls mayor."""
    head = "Mayor opens new bridge\n\n"
    result = check(write_corpus(
        tmp_path,
        head + "Mayor Ilona Frisk, 52, opened the bridge on Saturday.\n",
        head + "Mayor Ilona Frisk cut the ribbon on Saturday. Frisk, 52, thanked the builders.\n",
        head + "Mayor Ilona Frisk opened the bridge. The mayor, 53, said it was overdue.\n"))
    assert ("s2", "53", "the unnamed mayor") in ages(result)
    (f,) = [f for f in result.findings if f.rule == "NUM001"]
    assert f.subject == "Ilona Frisk: age"
    assert [(e.source, e.span) for e in f.evidence if e.flagged] == [("s2", "53")]


def _dated(day: str, text: str) -> str:
    return f"---\ndate: \"{day}\"\n---\n{HEAD}{text}\n"


def test_a_year_more_in_an_article_months_later_is_a_birthday_and_weeks_later_a_disagreement(tmp_path):
    """Articles dated weeks apart still speak of one age (their group is not cut at the gap); a year
    more eight months later is likelier a birthday than a slip, and is not reported."""
    months = check(write_corpus(
        tmp_path / "months",
        _dated("2024-01-10", "Anna Keller, 26, was charged on Tuesday after the crash."),
        _dated("2024-01-11", "Police charged Anna Keller, 26, on Tuesday."),
        _dated("2024-09-20", "Anna Keller, 27, went on trial on Monday for the crash.")))
    assert [f for f in months.findings if f.rule == "NUM001"] == []
    weeks = check(write_corpus(
        tmp_path / "weeks",
        _dated("2024-01-10", "Anna Keller, 26, was charged on Tuesday after the crash."),
        _dated("2024-01-11", "Police charged Anna Keller, 26, on Tuesday."),
        _dated("2024-02-05", "Anna Keller, 27, went on trial on Monday for the crash.")))
    (f,) = [f for f in weeks.findings if f.rule == "NUM001"]
    assert [(e.source, e.span) for e in f.evidence if e.flagged] == [("s2", "27")]


def test_an_age_opening_a_paragraph_is_of_the_person_the_paragraph_before_ends_by_naming(tmp_path):
    """"... Anna Keller was charged." [new paragraph] "The 31-year-old was released on bail": the model reads each
    paragraph alone, and the age is joined to the one person the last sentence before it names."""
    result = check(write_corpus(
        tmp_path,
        HEAD + "Police charged driver Anna Keller after the crash on the ring road.\n\n"
               "The 31-year-old was released on bail on Wednesday.\n",
        HEAD + "Police charged driver Anna Keller and her passenger Tom Hale after the crash.\n\n"
               "The 31-year-old was released on bail on Wednesday.\n",  # two people named: whose age is unsaid
        HEAD + "The 31-year-old was released on bail on Wednesday.\n"))  # no paragraph before it
    assert ages(result) == [("s0", "31-year", "Anna Keller"), ("s1", "31-year", None), ("s2", "31-year", None)]
