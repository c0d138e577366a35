"""Titles: synonyms compare equal; corruptions are told apart from additional titles."""

import pytest

from checker.values.titles import parse_title


@pytest.mark.parametrize("a, b", [
    ("Vice Premier", "Deputy Prime Minister"),
    ("Commerce Minister", "Minister of Commerce"),
    ("Vice Minister of Commerce", "Vice Commerce Minister"),
    ("U.S. Commerce Secretary", "US Secretary of Commerce"),
    ("Chinese Vice Commerce Minister", "Vice Minister of the Ministry of Commerce of China"),
    ("Trade Representative", "Representative of the United States"),
    ("International Trade Representative", "International Trade Negotiation Representative"),
    ("Foreign Minister", "Minister of Foreign Affairs"),
    ("finance chief", "Chief Financial Officer"),
    ("Chief Fire Officer", "fire chief"),
])
def test_synonyms_are_equivalent(a, b):
    assert parse_title(a).equivalent(parse_title(b))


@pytest.mark.parametrize("a, b, why", [
    ("US Secretary for Trade", "Commerce Secretary", "portfolio"),
    ("Vice-Minister", "Vice Premier", "office"),
    ("Representative of the United States", "Trade Representative", "portfolio"),
    ("Minister of Canada", "Finance Minister", "portfolio"),
])
def test_corruptions_conflict(a, b, why):
    assert why in parse_title(a).conflicts(parse_title(b))


@pytest.mark.parametrize("a, b", [
    ("director of UFC", "director of the Union of Concerned Scientists"),  # initials of other words
    ("chief executive of Sea Micro", "SeaMacro Chief Executive"),
    ("DNC chairman", "chairman of the Democratic Party"),  # a committee of the party, not the party
])
def test_a_portfolio_written_otherwise_must_be_the_same_words(a, b):
    why = "portfolio"
    assert why in parse_title(a).conflicts(parse_title(b))


@pytest.mark.parametrize("a, b", [
    ("Brightline's CEO", "Brightline Chief Executive"),  # a possessive
    ("the magazine's founder", "Quarto founder"),  # the organisation referred back to
    ("Team spokesman", "Harriers spokesman"),
    ("current Brightline CEO", "Brightline CEO"),  # a word describing the holder
    ("Prisons spokesman", "prison spokesman"),  # the portfolio in the plural
    ("athletic director", "athletics director"),
    ("senior VP", "senior vice president"),  # an abbreviation
    ("Gov.", "Governor"),
    ("U.S. Navy Vice Adm.", "Vice Admiral"),  # abbreviations of police, military and court titles
    ("Cpl.", "Corporal"),
    ("Dist. Atty.", "District Attorney"),
    ("Atty. Gen.", "Attorney General"),
    ("Head Coach", "coach"),
    ("L. A. Superior Court Judge", "LA Superior Court Judge"),  # initials with or without stops
    ("Supreme Court Justice", "Judge"),
    ("Justice Minister", "Minister of Justice"),
])
def test_one_title_written_otherwise_is_equivalent(a, b):
    from checker.values.vocabulary import default_vocabulary

    vocab = default_vocabulary()
    x, y = parse_title(a, vocab), parse_title(b, vocab)
    assert x.equivalent(y) and x.conflicts(y, vocab.exclusive_offices) is None


@pytest.mark.parametrize("a, b", [
    ("Brightline's CEO", "Acme's CEO"),  # two organisations, each named as the owner
    ("the health ministry's spokesman", "the finance ministry's spokesman"),  # what the ministries are of
    ("Salvenia Air's IT director", "the airline's finance director"),
])
def test_two_organisations_or_portfolios_named_with_a_possessive_conflict(a, b):
    assert "different portfolio" in parse_title(a).conflicts(parse_title(b))


@pytest.mark.parametrize("a, b", [("Justice Minister", "Foreign Minister"), ("Health Secretary", "Secretary of State")])
def test_the_last_office_word_is_the_office_and_the_first_its_portfolio(a, b):
    """"Justice Minister" is a minister of justice, not a justice of the ministry."""
    assert "different portfolio" in parse_title(a).conflicts(parse_title(b))


def test_a_co_founder_is_no_other_founder():
    from checker.values.vocabulary import default_vocabulary

    vocab = default_vocabulary()
    assert parse_title("co-founder", vocab).conflicts(parse_title("founder of Brightline", vocab),
                                                      vocab.exclusive_offices) is None


@pytest.mark.parametrize("a, b", [
    ("chief negotiator", "Vice Minister of Commerce"),  # an additional title
    ("Politburo member", "Vice Premier"),
    ("Treasury Secretary", "Commerce Minister"),  # different offices, different ranks: another person's title
    ("President of the United States", "US President"),  # the place is the office's, no portfolio anywhere
    ("the Minister", "Finance Minister"),  # shortened, not garbled
    ("Minister of Finance of Canada", "Finance Minister"),
    ("director of UCS", "director of the Union of Concerned Scientists"),  # an acronym of the portfolio
    ("chief executive of Sea Micro", "SeaMicro Chief Executive"),  # the same words run together
    ("DA spokesman", "spokesman for the Bristol district attorney"),  # the acronym of the office served
    # An acronym takes the words that name no portfolio too: "Agency", "Federal", "National"
    ("C.I.A. director", "Central Intelligence Agency Director"),
    ("FBI Director", "Director of the Federal Bureau of Investigation"),
    ("NSA director", "National Security Agency director"),
    ("UNRWA spokesman", "spokesman for the UN Relief and Works Agency"),  # an acronym holding an acronym
    ("CHP Officer", "Highway Patrol Officer"),  # the initials after its place's letter (California)
    # The organisation named as the owner in one, referred back to by a noun in the other: the airline is it
    ("Salvenia Air's director", "the airline's IT director"),
    ("Salvenia Air's director", "airline's director of information technology"),
    # A noun of the organisation's kind stands for the organisation the others name: no portfolio of its own
    ("Utility president", "Lorvane Energy president"),
    ("the charity's chief executive", "Harbour Aid chief executive"),
])
def test_other_titles_do_not_conflict(a, b):
    assert parse_title(a).conflicts(parse_title(b)) is None


@pytest.mark.parametrize("a, b", [
    ("Chief Financial Officer", "Chief Executive"),
    ("Chief Prosecutor", "Presiding Judge"),
    ("Vice President", "President"),
    ("Gov.", "Sen."),
    ("Governor", "Mayor"),
    ("Rep.", "Senator"),
    ("Sheriff", "Mayor"),
    ("Chancellor", "President"),
    ("Attorney General", "Solicitor General"),
    ("coach", "general manager"),
    ("Vice President-elect", "President-elect"),
    ("Prime Minister", "Foreign Minister"),
    ("Fire Chief", "Sheriff"),
    ("Police Chief", "Fire Chief"),
    ("Transport Minister", "Director-General"),  # a minister, and the head of an agency under one
    ("Deputy Interior Minister", "director of the National Civil Protection Agency"),
    ("chief curator", "Museum director"),
    ("Interior Minister", "provincial governor"),  # a governor runs a province, not a ministry
    ("chief quality officer", "chief executive"),  # a chief officer of one function is no chief executive
    ("Mayor", "Police chief"),  # a town's elected head commands neither its police nor its firefighters
    ("Fire Chief", "Mayor"),
    ("Regional Prosecutor", "Chief Auditor"),  # offices a state keeps apart, each to check the others
    ("Chief Auditor", "Judge"),
    ("police chief", "regional fire commander"),  # a fire commander is a fire service's chief
])
def test_offices_no_one_holds_together_conflict(a, b):
    from checker.values.vocabulary import default_vocabulary

    exclusive = default_vocabulary().exclusive_offices
    assert "offices no one holds together" in parse_title(a).conflicts(parse_title(b), exclusive)
    assert parse_title(a).conflicts(parse_title(b)) is None  # without the table, two offices are two titles


@pytest.mark.parametrize("a, b", [
    ("Chairman", "Chief Executive"),  # a chairman may also be chief executive
    ("Chief Executive Officer", "CEO"),
    ("Chief Financial Officer", "CFO"),
    ("former Foreign Minister", "Prime Minister"),  # an office held before
    ("former coach", "general manager"),
    ("director", "Director-General"),  # the head of a directorate, called its director
])
def test_offices_held_together_or_the_same_do_not_conflict(a, b):
    from checker.values.vocabulary import default_vocabulary

    assert parse_title(a).conflicts(parse_title(b), default_vocabulary().exclusive_offices) is None


@pytest.mark.slow
def test_a_portfolio_replaced_by_a_place_is_flagged_against_the_consensus(tmp_path):
    from conftest import write_corpus

    from checker.run import check

    result = check(write_corpus(
        tmp_path,
        "Finance Minister Olaf Brandt presented the budget on Monday. Brandt said taxes would stay flat.",
        "Canadian Finance Minister Olaf Brandt said the budget was balanced.",
        "The budget was presented by Finance Minister Olaf Brandt in Ottawa.",
        "The Minister of Canada Olaf Brandt presented the budget, the Minister said.",
    ))
    roles = [f for f in result.findings if f.rule == "ROLE001"]
    assert [(f.subject, f.primary.source) for f in roles] == [("Olaf Brandt", "s3")]
    assert "portfolio (finance) gone" in roles[0].message


def test_a_district_attorney_is_a_prosecutor():
    from checker.values.vocabulary import default_vocabulary

    vocab = default_vocabulary()
    assert parse_title("Albany County District Attorney", vocab).equivalent(parse_title("Prosecutor", vocab))


@pytest.mark.parametrize("a, b", [
    ("assistant coach", "head coach"),
    ("Deputy Finance Minister", "Finance Minister"),
    ("Under Secretary of State", "Secretary of State"),
    ("Vice Premier", "Premier"),
    ("deputy fire chief", "Chief Fire Officer"),
    ("Deputy Clerk", "Town Clerk"),
])
def test_an_office_at_a_rank_below_it_is_not_the_office(a, b):
    from checker.values.vocabulary import default_vocabulary

    vocab = default_vocabulary()
    x, y = parse_title(a, vocab), parse_title(b, vocab)
    assert "at another rank" in x.conflicts(y, vocab.exclusive_offices, vocab.subordinate_ranks)
    assert "at another rank" in y.conflicts(x, vocab.exclusive_offices, vocab.subordinate_ranks)
    assert x.conflicts(y) is None  # without the table, a rank is an additional word


@pytest.mark.parametrize("a, b", [("acting coach", "coach"), ("senior adviser", "adviser"), ("Deputy Minister", "Vice Minister")])
def test_ranks_that_keep_the_office_do_not_conflict(a, b):
    from checker.values.vocabulary import default_vocabulary

    vocab = default_vocabulary()
    assert parse_title(a, vocab).conflicts(parse_title(b, vocab), vocab.exclusive_offices, vocab.subordinate_ranks) is None


@pytest.mark.parametrize("text, office", [("Director-General", "director general"),
                                          ("director-general of the Vehicle Safety Directorate", "director general"),
                                          ("Director General", "director general"), ("chief curator", "curator"),
                                          ("Havrenne pharmacist", "pharmacist")])
def test_a_director_general_is_no_general_and_a_curator_an_office(text, office):
    assert parse_title(text).office == office


@pytest.mark.parametrize("text, office", [("Deputy Prosecutor-General", "prosecutor general"),
                                          ("Inspector General", "inspector general"),
                                          ("Governor-General", "governor general")])
def test_an_office_named_with_general_after_it_is_no_generals_rank(text, office):
    assert parse_title(text).office == office


@pytest.mark.parametrize("a, b", [("Rear Admiral", "Commodore"), ("Colonel", "General"), ("Commodore", "Admiral"),
                                  ("Chief Constable", "Superintendent"), ("Detective Sergeant", "Inspector"),
                                  ("Police Constable", "Sergeant")])
def test_an_officer_holds_one_rank_at_a_time(a, b):
    from checker.values.vocabulary import default_vocabulary

    why = parse_title(a).conflicts(parse_title(b), default_vocabulary().exclusive_offices)
    assert why is not None and "offices no one holds together" in why
