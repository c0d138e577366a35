"""People across sources: the variant classes, and the cases that must stay silent."""

from __future__ import annotations

import pytest
from conftest import write_corpus

from checker.run import check

# The real spaCy pipeline on real articles, or the command line in a subprocess.
pytestmark = pytest.mark.slow


def rules_of(result) -> list[tuple[str, str]]:
    return [(f.rule, f.subject) for f in result.findings]


def test_seed_name_findings(seed_result):
    got = {(f.rule, f.primary.span) for f in seed_result.findings if f.kind in ("name", "role")}
    assert got == {
        ("NAME001", "Jeff Bessant"),
        ("NAME002", "Jamison Greer"),
        ("NAME003", "Larick"),
        ("NAME003", "Vice-Minister of Lifeg"),
        ("ROLE001", "US Secretary for Trade Howard Lutnick"),
        ("ROLE001", "Representative of the United States Jamieson Greer"),  # nice to find
        ("ROLE001", "Vice-Minister of Lifeg"),
    }


def test_seed_people_are_one_person_each(seed_result):
    names = sorted(p.name for p in seed_result.people if len({m.source for m in p.mentions}) >= 2)
    assert names == ["Donald Trump", "He Lifeng", "Howard Lutnick", "Jamieson Greer", "Li Chenggang", "Scott Bessent",
                     "Wang Wentao", "Xi Jinping"]
    lutnick = next(p for p in seed_result.people if p.name == "Howard Lutnick")
    # surname-only mentions that the NER tags as places still join the person
    assert sum(len(m.span.split()) == 1 for m in lutnick.mentions) >= 8


def test_first_name_change_is_an_error_and_spelling_a_warning(tmp_path):
    result = check(write_corpus(tmp_path,
        "Finance Minister Maria Kowalska said the budget would pass. Kowalska spoke in Warsaw on Monday.",
        "Finance Minister Maria Kowalska told reporters the budget was final.",
        "Finance Minister Anna Kowalska said the vote would be close.",
        "Finance Minister Marya Kowalska defended the plan in parliament.",
    ))
    got = {(f.rule, f.primary.span) for f in result.findings}
    assert ("NAME001", "Anna Kowalska") in got
    assert ("NAME002", "Marya Kowalska") in got
    assert not any(f.rule == "ROLE001" for f in result.findings)


def test_relatives_sharing_a_surname_are_not_merged(tmp_path):
    result = check(write_corpus(tmp_path,
        "Former President George Bush attended the ceremony with Governor Jeb Bush.",
        "Governor Jeb Bush said his brother, former President George Bush, would speak.",
        "The crowd cheered Governor Jeb Bush as he arrived.",
    ))
    assert not [f for f in result.findings if f.kind == "name"]


def test_nicknames_and_synonym_titles_are_not_conflicts(tmp_path):
    result = check(write_corpus(tmp_path,
        "Deputy Prime Minister William Hague met the delegation in Paris.",
        "Vice Premier Bill Hague said the meeting had gone well.",
        "Deputy Prime Minister William Hague left Paris on Friday.",
    ))
    assert not result.findings, rules_of(result)


def test_the_pronoun_he_is_not_a_person(tmp_path):
    result = check(write_corpus(tmp_path,
        "Vice Premier He Lifeng led the delegation. He said the talks were candid.",
        "He told reporters that Vice Premier He Lifeng had left early.",
    ))
    names = [p.name for p in result.people]
    assert names == ["He Lifeng"]
    assert not result.findings


def test_common_surname_li_is_not_one_person(tmp_path):
    result = check(write_corpus(tmp_path,
        "Premier Li Qiang met Vice Minister Li Chenggang in Beijing. Li said the plan was sound.",
        "Vice Minister Li Chenggang briefed Premier Li Qiang on the talks.",
    ))
    assert sorted(p.name for p in result.people) == ["Li Chenggang", "Li Qiang"]
    assert not result.findings


def test_garbled_names_outside_the_seeds(tmp_path):
    """A name no source introduces, close to a person the same source names; a title 'of' a near-name."""
    result = check(write_corpus(tmp_path,
        "Finance Minister Olaf Brandt said the budget would pass. Deputy Mayor Ana Ruiz backed the plan.",
        "Finance Minister Olaf Brandt told reporters the budget was final. Brandt spoke in Berlin.",
        "Finance Minister Olaf Brandt met the Deputy Mayor of Ruis. \"We will pass it,\" Brunt told journalists. "
        "Deputy Mayor Ana Ruiz agreed.",
        "Deputy Mayor Ana Ruiz said Finance Minister Olaf Brandt had her support.",
    ))
    got = {(f.rule, f.primary.span, f.subject) for f in result.findings if f.rule == "NAME003"}
    assert got == {("NAME003", "Brunt", "Olaf Brandt"), ("NAME003", "Deputy Mayor of Ruis", "Ana Ruiz")}


def test_an_unrelated_unintroduced_name_is_not_garbled(tmp_path):
    result = check(write_corpus(tmp_path,
        "Finance Minister Olaf Brandt said the budget would pass, Keller told journalists.",
        "Finance Minister Olaf Brandt told reporters the budget was final.",
    ))
    assert not [f for f in result.findings if f.rule == "NAME003"]


def test_a_near_name_that_does_not_act_is_not_garbled(tmp_path):
    """Similarity alone is not enough: the same near-name as the subject of 'told' is flagged, as the
    object of 'met' (a place or another person the NER took for one) it is not."""
    base = ["Finance Minister Olaf Brandt presented the budget on Monday. Brandt said taxes would stay flat.",
            "Finance Minister Olaf Brandt said the budget was balanced.",
            "The budget was presented by Finance Minister Olaf Brandt in Ottawa."]
    acting = check(write_corpus(tmp_path / "a", *base,
                                "Finance Minister Olaf Brandt spoke on Monday. Brondt told reporters the budget was balanced."))
    assert [(f.rule, f.primary.span) for f in acting.findings if f.rule == "NAME003"] == [("NAME003", "Brondt")]
    assert "the subject of 'tell'" in acting.findings[0].explanation.reason
    passive = check(write_corpus(tmp_path / "b", *base,
                                 "Finance Minister Olaf Brandt spoke on Monday. Officials later met Brondt at the ministry."))
    assert not [f for f in passive.findings if f.rule == "NAME003"]


def test_words_of_address_and_two_word_surnames_are_not_first_names(tmp_path):
    head = "Mayor resigns\n\n"
    result = check(write_corpus(
        tmp_path,
        head + "Mayor Sarah Quint resigned on Monday. Mrs Quint said she was leaving politics.\n",
        head + "Sarah Quint resigned as mayor. Dr. Paolo Lo Bianco, her deputy, takes over.\n",
        head + "Ms Quint, who resigned, thanked Paolo Lo Bianco. Lo Bianco will act as mayor.\n"))
    assert [f for f in result.findings if f.kind == "name"] == []
    names = {p.name for p in result.people}
    assert "Sarah Quint" in names and "Paolo Lo Bianco" in names
    assert not any(n.split()[0] in ("Mrs", "Ms", "Dr", "Dr.", "Lo") for n in names)


def test_initials_and_elided_prefixes_are_part_of_a_name(tmp_path):
    """"Judge Ada B. Kessler", "Liam O'Dwyer": cut at the initial or the apostrophe, a name loses its surname."""
    result = check(write_corpus(tmp_path,
        "Judge Ada B. Kessler sentenced the man on Monday. Kessler said the crime was grave.",
        "Judge Ada B. Kessler handed down the sentence. Coach Liam O'Dwyer was in court.",
        "The sentence was read by Judge Ada B. Kessler. Coach Liam O'Dwyer left early.",
        "Coach Liam O'Dwayer was in court when Judge Ada B. Kessler spoke.",
    ))
    assert {"Ada B. Kessler", "Liam O'Dwyer"} <= {p.name for p in result.people}
    assert [(f.rule, f.primary.span) for f in result.findings if f.kind == "name"] == [("NAME002", "Liam O'Dwayer")]


def test_a_first_name_one_source_gives_the_only_person_of_that_surname_is_name001(tmp_path):
    """No title, no aligned sentence: three sources name Hugo Brennan, one names Declan Brennan and no other."""
    corpus = ["Organisers named the actor Hugo Brennan as host of the awards, and Brennan said he was thrilled.",
              "Hugo Brennan will host the awards ceremony in March, organisers said on Friday.",
              "The academy said on Friday that Hugo Brennan would host this year's show."]
    result = check(write_corpus(tmp_path / "a", *corpus,
                                "Organisers on Friday unveiled Declan Brennan as the host of the gala film awards."))
    got = [(f.rule, f.primary.span, f.primary.source) for f in result.findings if f.kind == "name"]
    assert got == [("NAME001", "Declan Brennan", "s3")]
    assert "the only other person named Brennan in the story" in result.findings[0].explanation.reason
    relative = check(write_corpus(tmp_path / "b", *corpus,
                                  "Organisers unveiled the host on Friday. His brother, Declan Brennan, was there too."))
    assert [f for f in relative.findings if f.kind == "name"] == []


def test_one_letter_of_a_short_surname_is_a_spelling(tmp_path):
    result = check(write_corpus(tmp_path,
        "Singer Tara Lund checked into a clinic, her agent said. Lund was well.",
        "Tara Lund checked into a clinic on Friday, a spokesman said.",
        "Tara Lond checked into a clinic, her agent told the magazine. Lond was resting.",
    ))
    got = [(f.rule, f.primary.span) for f in result.findings if f.kind == "name"]
    assert got == [("NAME002", "Tara Lond")]


def test_two_letters_of_a_longer_surname_beside_the_same_given_name_are_a_spelling(tmp_path):
    """"Maureen Ashton" for "Maureen Ashdown": two letters changed, the given name the same. With another given
    name, the near surname is another person's."""
    corpus = ["Festival director Maureen Ashdown said the show would go on, and Ashdown thanked the crowd.",
              "Maureen Ashdown, the festival director, cancelled Sunday's programme on Saturday."]
    result = check(write_corpus(tmp_path / "a", *corpus,
                                "Festival boss Maureen Ashton said she was devastated by the crash."))
    assert [(f.rule, f.primary.span) for f in result.findings if f.kind == "name"] == [("NAME002", "Maureen Ashton")]
    other = check(write_corpus(tmp_path / "b", *corpus,
                               "Festival boss Maureen Ashdown spoke to Peter Ashton, a pilot, on Saturday."))
    assert [f for f in other.findings if f.kind == "name"] == []
    # A family name written first ("Kim") is no given name two people cannot share: father and son
    korea = check(write_corpus(tmp_path / "c",
        "North Korean leader Kim Jong-un inspected the missile site on Monday.",
        "Kim Jong-un watched the launch on Monday, state media said.",
        "The programme began under his father, Kim Jong-il, who died in 2011."))
    assert [f for f in korea.findings if f.kind == "name"] == []


def test_an_age_set_off_beside_a_name_the_model_misread_marks_a_person(tmp_path):
    """"Tomasz Wierzbel, aged 42," (the model's organisation): an age beside a name makes it a person's, as a title
    does, so the ages are compared and the spelling one source gives is read against it."""
    result = check(write_corpus(tmp_path,
        "The dead man was named locally as Tomasz Wierzbel, aged 42, a Polish national.",
        "The man who died was Tomasz Wierzbel, aged 42, a father of two.",
        "Gardai have named the dead man as Tomasz Wierzbel, aged 24, who was originally from Poland.",
        "His colleague Tomasz Wierzbol, 42, was killed when the scaffold fell."))
    got = sorted((f.rule, f.primary.span) for f in result.findings if f.severity != "info")
    assert got == [("NAME002", "Tomasz Wierzbol"), ("NUM001", "24")]


def test_titles_abbreviated_or_of_sport_conflict_as_offices_no_one_holds_together(tmp_path):
    result = check(write_corpus(tmp_path,
        "Alaska Gov. Mara Quint will attend the service on Sunday. Coach Dale Ferrow will not.",
        "Gov. Mara Quint said she would attend the service, and coach Dale Ferrow agreed.",
        "The service will be attended by Gov. Mara Quint, as coach Dale Ferrow said.",
        "Alaska Sen. Mara Quint will attend the service on Sunday, general manager Dale Ferrow said.",
    ))
    roles = sorted((f.subject, f.primary.span, f.explanation.reason) for f in result.findings if f.rule == "ROLE001")
    assert roles == [("Dale Ferrow", "general manager Dale Ferrow", "offices no one holds together: general manager against coach"),
                     ("Mara Quint", "Alaska Sen. Mara Quint", "offices no one holds together: senator against governor")]


def test_an_abbreviated_title_keeps_its_name_in_the_sentence(tmp_path):
    """"said Dist. Atty. Steve Okafor": the abbreviations' full stops end no sentence, so the name
    keeps its title, and "District Attorney Jeffrey Okafor" elsewhere is the same office, the same
    person, another first name."""
    result = check(write_corpus(tmp_path,
        "District Attorney Jeffrey Okafor announced today that charges were filed in the Marrowby case.",
        "Charges were filed in the Marrowby case, said Dist. Atty. Steve Okafor.",
    ))
    (f,) = [f for f in result.findings if f.rule == "NAME001"]
    assert {e.span for e in f.evidence} == {"Jeffrey Okafor", "Steve Okafor"}
    assert "the same person by surname and title" in f.message


def test_a_title_after_and_in_an_apposition_is_the_title(tmp_path):
    """"Ada Kessler, a soil scientist and director of X": the title is "director of X"."""
    result = check(write_corpus(tmp_path,
        "Ada Kessler, a soil scientist and director of the Marsh Institute, said the land was dry.",
        "Ada Kessler, director of the Marsh Institute, said the land was dry.",
    ))
    [kessler] = [p for p in result.people if p.name == "Ada Kessler"]
    assert sorted({text for _, _, text, _ in kessler.titles}) == ["director of the Marsh Institute"]
    assert not result.findings


@pytest.mark.parametrize("sentence", [
    "Grant said he would replace Tillman with Kessler, but the CIA director is still waiting for a confirmation vote.",
    "They met Ada Kessler, or the health minister as she is known there.",
])
def test_a_clause_after_a_name_and_a_comma_is_no_apposition(nlp, sentence):
    """"with Kessler, but the CIA director is waiting": a new clause, whose office is no title of Kessler's."""
    from checker.nlp.people import match_people
    from checker.values.vocabulary import default_vocabulary

    people, _ = match_people(nlp(sentence), default_vocabulary())
    assert [(span.text, titles) for span, _, titles in people if "Kessler" in span.text] in (
        [("Kessler", ())], [("Ada Kessler", ())])


def test_the_titles_of_a_relative_named_in_apposition_are_the_relatives(nlp):
    """"Greta Halvorsen, the daughter of the founder and chairman, Otto Halvorsen": the chairman is Otto, not
    Greta; were the title hers, the two Halvorsens would be one person given two first names."""
    from checker.nlp.people import match_people
    from checker.values.vocabulary import default_vocabulary

    people, _ = match_people(nlp("The company is run by Greta Halvorsen, the daughter of the founder and chairman, "
                                 "Otto Halvorsen."), default_vocabulary())
    titles = {span.text: [t.text for t in ts] for span, _, ts in people}
    assert titles == {"Greta Halvorsen": [], "Otto Halvorsen": ["chairman"]}


def test_a_match_official_is_named_by_the_office(nlp):
    """"chair umpire Beatrix Lunde", which the NER takes for an organisation: the office anchors the name."""
    from checker.nlp.people import match_people
    from checker.values.vocabulary import default_vocabulary

    people, _ = match_people(nlp("The match turned when chair umpire Beatrix Lunde overruled a line judge."),
                             default_vocabulary())
    assert {span.text: [t.text for t in ts] for span, _, ts in people} == {"Beatrix Lunde": ["chair umpire"]}


def test_a_lower_case_office_of_two_words_is_read_whole(nlp):
    """"the party of prime minister Elsa Moravec": the office is "prime minister", not "minister" with a word the
    tagger called a proper noun left before it (which made her a minister against the others' Prime Minister)."""
    from checker.nlp.people import match_people
    from checker.values.vocabulary import default_vocabulary

    people, _ = match_people(nlp("Estravia is governed by the Civic Renewal Party of prime minister Elsa Moravec, "
                                 "which had promised a hard fight against corruption."), default_vocabulary())
    assert {span.text: [t.text for t in ts] for span, _, ts in people} == {"Elsa Moravec": ["prime minister"]}


def test_generations_are_not_names(tmp_path):
    result = check(write_corpus(tmp_path,
        "Tom Quint III appeared before the committee on Monday. Quint said he was innocent.",
        "Tom Quint told the committee he was innocent.",
    ))
    assert {p.name for p in result.people} == {"Tom Quint"}
    assert not [f for f in result.findings if f.kind == "name"]


def test_a_name_the_ner_gives_an_organisation_is_not_a_person(nlp):
    """The NER tags "Select Committee" PERSON on real copy; a word that ends the names of organisations
    says it is none."""
    from spacy.tokens import Span

    from checker.nlp.people import match_people
    from checker.values.vocabulary import default_vocabulary

    doc = nlp("The Select Committee heard Tom Quint on Monday.")
    doc.ents = [Span(doc, 1, 3, "PERSON"), Span(doc, 4, 6, "PERSON")]
    people, _ = match_people(doc, default_vocabulary())
    assert [span.text for span, _, _ in people] == ["Tom Quint"]


@pytest.mark.parametrize("sentence, people", [
    ("Marta Ilvane, director of the National Civil Protection Agency, told reporters on Tuesday.",
     [("Marta Ilvane", ["director of the National Civil Protection Agency"])]),
    ("The director of the Civil Protection, Marta Ilvane, has said that more places are ready.",
     [("Marta Ilvane", ["director of the Civil Protection"])]),  # the office and its "of" phrase, up to the comma
    ("Seismologist Ines Halvik said the aftershock was expected.", [("Ines Halvik", ["Seismologist"])]),
    ("Acme Foods, the chief executive said, will close two plants.", []),  # a title that opens a clause
    ("Paris, the capital, and New York, home of the director of the museum, agreed.", []),  # a place's noun
])
def test_a_name_the_ner_gives_a_place_takes_the_title_beside_it(nlp, sentence, people):
    """The NER labels some names a place or an organisation ("Marta Ilvane" a GPE); a title beside such a name,
    which no place or company takes in apposition, makes it a person's."""
    from spacy.tokens import Span

    from checker.nlp.people import match_people
    from checker.values.vocabulary import default_vocabulary

    doc = nlp(sentence)
    misread = {"Marta Ilvane": "GPE", "Acme Foods": "ORG", "New York": "GPE"}  # as the model labels them, or may
    doc.ents = [Span(doc, e.start, e.end, misread.get(e.text, e.label_)) for e in doc.ents]
    found, _ = match_people(doc, default_vocabulary())
    assert [(span.text, [t.text for t in titles]) for span, _, titles in found] == people


def test_the_rest_of_an_organisation_after_a_portfolio_is_no_name(nlp):
    """"head coach of the Portland Trail Blazers": the NER reads one organisation across what would be a
    one-word portfolio and a name; "for Research Ada Kessler" keeps its name."""
    from checker.nlp.people import match_people
    from checker.values.vocabulary import default_vocabulary

    vocab = default_vocabulary()
    team, _ = match_people(nlp("He was the head coach of the Portland Trail Blazers for two seasons."), vocab)
    assert team == []
    navy, _ = match_people(nlp("Assistant Secretary of the Navy for Research Ada Kessler said the ships were late."),
                           vocab)
    assert [(span.text, [t.text for t in titles]) for span, _, titles in navy] == [
        ("Ada Kessler", ["Assistant Secretary of the Navy for Research"])]


def test_the_office_a_portfolio_serves_is_part_of_the_title(nlp):
    """"a spokesman for the Bristol district attorney": cut after "Bristol", the title reads as another
    portfolio than "DA spokesman"."""
    from checker.nlp.people import match_people
    from checker.values.vocabulary import default_vocabulary

    people, _ = match_people(nlp("He left early, according to Gregg Miliote, a spokesman for the Bristol district "
                                 "attorney."), default_vocabulary())
    assert [[t.text for t in titles] for _, _, titles in people] == [["spokesman for the Bristol district attorney"]]


@pytest.mark.parametrize("one, other", [("Marika Lenz", "Marica Lenz"), ("Tomas Vellacott", "Tomas Vellacot")])
def test_two_spellings_one_source_each_are_reported_with_neither_flagged(tmp_path, one, other):
    """No majority is still a finding: both sides quoted, neither flagged, and the message says so."""
    result = check(write_corpus(tmp_path,
        f"{one}, the harbour master of Marrowby, said the ferry would sail on Tuesday. Lenz said the crossing was safe.",
        f"The harbour master, {other}, told reporters in Marrowby that the ferry would leave on Tuesday.",
    ))
    (f,) = [f for f in result.findings if f.kind == "name"]
    assert (f.rule, f.severity) == ("NAME002", "warning")
    assert sorted((e.source, e.span) for e in f.evidence) == [("s0", one), ("s1", other)]
    assert not any(e.flagged for e in f.evidence)
    assert "no spelling has a majority" in f.message and f.explanation.majority is None


def test_a_name_after_the_town_of_is_the_towns(tmp_path):
    result = check(write_corpus(tmp_path,
        "Troops moved on the southern town of Tell Amin. Farida Okafor said the roads were closed.",
        "A shell hit a school in the town of Tel Amin, Farida Okafor told reporters.",
    ))
    assert [p.name for p in result.people] == ["Farida Okafor"]
    assert not [f for f in result.findings if f.kind == "name"]


def test_an_assistant_where_the_others_say_head_coach_is_a_role_conflict(tmp_path):
    result = check(write_corpus(tmp_path,
        "Marrowby head coach Ivo Brannagh said his side had been lucky.",
        "Head coach Ivo Brannagh refused to talk about the table.",
        "Marrowby assistant coach Ivo Brannagh said the second half was better.",
    ))
    (f,) = [f for f in result.findings if f.rule == "ROLE001"]
    assert [(e.source, e.flagged) for e in f.evidence][0] == ("s2", True)
    assert "at another rank: assistant against the office itself" in f.message


def test_a_short_first_name_one_letter_off_in_one_source_is_a_spelling(tmp_path):
    result = check(write_corpus(tmp_path,
        "Candidate Anja Dravik of the Green List took 41% of the vote.",
        "Anja Dravik of the Green List conceded on Sunday night.",
        "Anja Dravik (Green List) came second. Green List candidate Anna Dravik said she would stay on the council.",
    ))
    got = [(f.rule, f.primary.span, f.primary.source) for f in result.findings if f.kind == "name"]
    assert got == [("NAME002", "Anna Dravik", "s2")]


def test_a_preposition_before_a_title_is_no_rank(tmp_path):
    """"the first poll under President Brannagh": 'under' is no under-secretary's rank."""
    result = check(write_corpus(tmp_path,
        "President Ivo Brannagh called the vote in March.",
        "The reforms of President Ivo Brannagh were approved.",
        "It was the first poll held under President Ivo Brannagh since the reforms.",
    ))
    assert not [f for f in result.findings if f.rule == "ROLE001"]



def test_a_title_set_before_a_name_by_a_comma_is_the_title(nlp):
    """"the city's former treasurer, Oskar Vellacott", "the harbour master of Marrowby, Ada Kessler"."""
    from checker.nlp.people import match_people
    from checker.values.vocabulary import default_vocabulary

    vocab = default_vocabulary()
    people, _ = match_people(nlp("A court on Tuesday sentenced the city's former treasurer, Oskar Vellacott, to six "
                                 "years in prison."), vocab)
    assert [(span.text, [t.text for t in titles]) for span, _, titles in people] == [
        ("Oskar Vellacott", ["former treasurer"])]
    people, _ = match_people(nlp("The treasurer of Marrowby, Ada Kessler, said the accounts were closed."), vocab)
    assert [[t.text for t in titles] for _, _, titles in people] == [["treasurer of Marrowby"]]  # and its place
    people, _ = match_people(nlp("The treasurer resigned, Ada Kessler said on Monday."), vocab)
    assert [[t.text for t in titles] for _, _, titles in people] == [[]]  # a verb between: not her title


def test_an_age_given_with_a_former_office_is_the_former_office_holders(tmp_path):
    """"The former city treasurer, 48," is the age of the one person the story calls its former treasurer."""
    result = check(write_corpus(tmp_path,
        "A court sentenced the city's former treasurer, Oskar Vellacott, to six years. Vellacott, 47, will appeal.",
        "The former city treasurer, 48, was convicted in September of embezzling public money.",
        "Oskar Vellacott, 47, was sentenced on Wednesday for embezzling public money from Marrowby.",
    ))
    (f,) = [f for f in result.findings if f.rule == "NUM001"]
    assert f.subject == "Oskar Vellacott: age"
    assert [(e.source, e.span) for e in f.evidence if e.flagged] == [("s1", "48")]


@pytest.mark.parametrize("sentence, title", [
    ("The Minister of Labour, Osric Fenwald, will meet the management this week.", "Minister of Labour"),
    ("The Minister for Mines and Energy, Dagna Voss, announced an inquiry.", "Minister for Mines and Energy"),
    ("Dagna Voss, Kavenland's Minister of Mines and Energy, flew to the site.", "Kavenland's Minister of Mines and Energy"),
    ("Minister of Mines and Energy Dagna Voss flew to the site.", "Minister of Mines and Energy"),
    ("Minister of Finance and Deputy Mayor Dagna Voss flew to the site.", "Deputy Mayor"),  # two offices, not one portfolio
])
def test_a_title_before_a_comma_keeps_its_portfolio(nlp, sentence, title):
    from checker.nlp.people import match_people
    from checker.values.vocabulary import default_vocabulary

    found, _ = match_people(nlp(sentence), default_vocabulary())
    assert [(span.text, [t.text for t in titles]) for span, _, titles in found] == [(
        "Osric Fenwald" if "Fenwald" in sentence else "Dagna Voss", [title])]


@pytest.mark.parametrize("sentence, person", [
    ("Anders Kveldt, the council's director of digital services, said the copies were intact.", "Anders Kveldt"),
    ("Anders Kveldt said the copies were intact.", "Anders Kveldt"),  # the NER's person is "Kveldt" alone
    ("Minister Kveldt said the copies were intact.", "Kveldt"),  # an office, not a first name
    ("Mr Kveldt said the copies were intact.", "Kveldt"),
])
def test_a_first_name_the_ner_left_out_of_a_person_is_the_names(nlp, sentence, person):
    from checker.nlp.people import match_people
    from checker.values.vocabulary import default_vocabulary

    found, _ = match_people(nlp(sentence), default_vocabulary())
    assert [span.text for span, _, _ in found] == [person]


def test_a_capitalised_office_takes_no_lower_case_word_before_it(nlp):
    """"We are pleased Secretary Marlow acted": a title in title case does not run over the lower-case
    words before it, as "the interior secretary" does."""
    from checker.nlp.people import match_people
    from checker.values.vocabulary import default_vocabulary

    vocab = default_vocabulary()
    found, _ = match_people(nlp("We are pleased Secretary Marlow acted to restore the Wetlands Act to its intended "
                                "strength."), vocab)
    assert [[t.text for t in titles] for span, _, titles in found if span.text == "Marlow"] == [["Secretary"]]
    found, _ = match_people(nlp("The order was signed by the interior secretary, Olaf Brandt, on Monday."), vocab)
    assert [[t.text for t in titles] for span, _, titles in found if span.text == "Olaf Brandt"] == [
        ["interior secretary"]]


def test_a_peoples_adjective_before_an_office_is_no_part_of_the_title(nlp):
    """"The Salvenian minister of transport": the people's adjective says whose minister, as "Salvenia" would."""
    from checker.nlp.people import match_people
    from checker.values.vocabulary import default_vocabulary

    found, _ = match_people(nlp("The Salvenian minister of transport, Ilse Kortwright, has demanded a full report."),
                            default_vocabulary())
    assert [(span.text, [t.text for t in titles]) for span, _, titles in found] == [("Ilse Kortwright", ["minister"])]


@pytest.mark.parametrize("sentence, person, title", [
    ("Corinne Reyval, the plant's director, told analysts on a call on Thursday that it was too early.",
     "Corinne Reyval", "plant's director"),  # the NER's organisation, a person by the office after it
    ("Dorran Vesk, Oberlund's environment commissioner, said the air was safe.", "Dorran Vesk",
     "Oberlund's environment commissioner"),
])
def test_a_name_and_whose_office_it_holds_after_a_comma(nlp, sentence, person, title):
    from checker.nlp.people import match_people
    from checker.values.vocabulary import default_vocabulary

    found, _ = match_people(nlp(sentence), default_vocabulary())
    assert [(span.text, [t.text for t in titles]) for span, _, titles in found] == [(person, [title])]
    # A company's name before a clause of what its officer said is no person.
    assert match_people(nlp("Acme Foods, the company's chief executive said, would grow."), default_vocabulary())[0] == []


@pytest.mark.parametrize("sentence, person, title", [
    ("The eldest, 61-year-old nurse Agathe Corrin, waved to the cameras.", "Agathe Corrin", "nurse"),
    ("Among those freed was logistician Tomas Ferrante, 34.", "Tomas Ferrante", "logistician"),
    ("Between the liberated persons is the nurse Agathe Korrin, from Vessaria.", "Agathe Korrin", "nurse"),
    ("Taxi driver Per Holt saw the span fall.", "Per Holt", "Taxi driver"),
])
def test_an_occupation_before_a_name_anchors_it(nlp, sentence, person, title):
    """The NER misses many names; an occupation news sets before one as a title finds it."""
    from checker.nlp.people import match_people
    from checker.values.vocabulary import default_vocabulary

    found, _ = match_people(nlp(sentence), default_vocabulary())
    assert [(span.text, [t.text for t in titles]) for span, _, titles in found] == [(person, [title])]


@pytest.mark.parametrize("sentence, titles", [
    ("UN Relief and Works Agency spokesman Christopher Gunness said the school was hit.",
     ["UN Relief and Works Agency spokesman"]),  # "and" inside one organisation's name
    ("Party member and Deputy Mayor Ana Ruiz said the school was hit.", ["Deputy Mayor", "Party member"]),
    ("Smith and Finance Minister Ana Ruiz said the school was hit.", ["Finance Minister"]),
])
def test_and_joins_a_title_only_inside_a_name(nlp, sentence, titles):
    from checker.nlp.people import match_people
    from checker.values.vocabulary import default_vocabulary

    found, _ = match_people(nlp(sentence), default_vocabulary())
    assert [[t.text for t in ts] for span, _, ts in found if span.text in ("Christopher Gunness", "Ana Ruiz")] == [titles]


def test_an_office_the_ner_runs_into_a_name_is_a_title(nlp):
    """"Trooper Hakim, a bomb technician": not a first name "Trooper" (another than "William Hakim"'s)."""
    from checker.nlp.people import match_people
    from checker.values.vocabulary import default_vocabulary

    vocab = default_vocabulary()
    found, _ = match_people(nlp("Captain Tennant was a veteran, and Trooper Hakim, a bomb technician, had served "
                                "11 years."), vocab)
    assert [(span.text, sorted(t.text for t in ts)) for span, _, ts in found] == [
        ("Tennant", ["Captain"]), ("Hakim", ["Trooper", "bomb technician"])]
    found, _ = match_people(nlp("Senior Trooper William Hakim, a bomb squad technician, died."), vocab)
    assert [(span.text, sorted(t.text for t in ts)) for span, _, ts in found] == [
        ("William Hakim", ["Senior Trooper", "bomb squad technician"])]


@pytest.mark.parametrize("first, person", [
    ("Anders", "Anders Kveldt"),
    ("Warship", "Kveldt"),  # an English word names what the person (or the ship) is
    ("WR", "Kveldt"),  # letters in capitals: a position, a ship's prefix
])
def test_only_a_word_that_is_no_english_word_is_taken_for_a_left_out_first_name(first, person):
    """A Doc as the parse leaves it: the first word a compound of the name, outside the NER's person."""
    import spacy
    from spacy.tokens import Doc

    from checker.nlp.people import match_people
    from checker.values.vocabulary import default_vocabulary

    doc = Doc(spacy.blank("en").vocab, words=[first, "Kveldt", "said", "so", "."],
              pos=["PROPN", "PROPN", "VERB", "ADV", "PUNCT"], heads=[1, 2, 2, 2, 2],
              deps=["compound", "nsubj", "ROOT", "advmod", "punct"], ents=["O", "B-PERSON", "O", "O", "O"])
    found, _ = match_people(doc, default_vocabulary())
    assert [span.text for span, _, _ in found] == [person]


@pytest.mark.parametrize("sentence, titles", [
    # a name the NER takes for an organisation, then a lower-case office and the noun it is of
    ("Dagan Relsk, the tourism minister, said the government would pay.", ["tourism minister"]),
    ("Dagan Relsk, the tourism minister, is expected in Kelmorra on Monday.", ["tourism minister"]),
])
def test_a_lower_case_office_after_a_name_the_ner_misread_is_its_title(nlp, sentence, titles):
    """"Dagan Relsk, the tourism minister," with the name read as an organisation: the noun right before the office
    is its portfolio, as "a senior policy adviser" is read after a person. Not a noun a phrase hangs off ("New
    York, home of the director")."""
    from checker.nlp.people import match_people
    from checker.values.vocabulary import default_vocabulary

    people, _ = match_people(nlp(sentence), default_vocabulary())
    assert {span.text: [t.text for t in ts] for span, _, ts in people} == {"Dagan Relsk": titles}
    people, _ = match_people(nlp("New York, home of the director, said so."), default_vocabulary())
    assert people == [] or all(ts == () for _, _, ts in people)
