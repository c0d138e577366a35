"""Stage 2 on real sentences from the seeds, through the real spaCy pipeline."""

from __future__ import annotations

import pytest

from checker.claims.extract import _dateline_end, doc_claims

# The real spaCy pipeline on real articles, or the command line in a subprocess.
pytestmark = pytest.mark.slow


def claims_of(nlp, text: str, kind: str | None = None):
    doc = nlp(text)
    doc._.source = "t"
    out = doc_claims(doc, lambda o: (1, o + 1))
    return [c for c in out if kind is None or c.kind == kind]


def test_share_of_supply_keeps_its_qualifier_and_subject(nlp):
    a, = claims_of(nlp, "Rare earths have become a flashpoint in US-China trade relations, with Beijing controlling "
                        "over 80% of the global supply.", "quantity")
    b, = claims_of(nlp, "China controls more than 70% of global supply, and disruptions in recent months have "
                        "triggered an alarm in major economies.", "quantity")
    assert (a.span, b.span) == ("over 80%", "more than 70%")
    assert a.subject == b.subject == "China"  # Beijing is an alias
    assert a.attribute == b.attribute == "supply"
    assert a.modifiers == b.modifiers == ("global",)
    assert str(a.value.interval) == "(80, 100]"


@pytest.mark.parametrize("text, attribute", [
    ("The minister says the budget will bring the deficit down to 2.3 percent of gross domestic product.", "deficit"),
    ("The budget foresees a deficit of 3.2 percent of the GDP next year.", "deficit"),
    ("Veldonia's deficit will narrow to 3.2 per cent of gross domestic product.", "deficit"),
    ("China controls more than 70% of global supply.", "supply"),  # a share of what it names
])
def test_a_share_of_gdp_is_a_share_of_what_the_sentence_names(nlp, text, attribute):
    """"3.2 per cent of GDP" measures the deficit against GDP: GDP is its base (words.toml share_bases), not what
    it measures, as "70% of global supply" is a share of the supply."""
    (c,) = [c for c in claims_of(nlp, text, "quantity") if c.value.unit == "%"]
    assert c.attribute == attribute


def test_a_day_the_ner_reads_as_a_number_beside_its_month_is_the_dates(nlp):
    """"on Thursday, 22 October, and went public": the NER reads "22" as a number and "October" alone as the date;
    the day is the date's, not a month's worth of days."""
    dates = [c for c in claims_of(nlp, "The bank says it discovered the breach on Thursday, 22 October, and went "
                                       "public on Monday, 9 November.", "date")]
    assert [(c.value.month, c.value.day_lo, c.value.day_hi) for c in dates][0] == (10, 22, 22)


def test_tariff_levels_carry_what_sets_them_apart(nlp):
    cs = claims_of(nlp, "Tariffs on Chinese goods climbed rapidly reaching a peak of 145% by April 9 before a truce in "
                        "May temporarily rolled back tariffs to 30%. In response, China reduced its retaliatory "
                        "tariffs to 10% and promised to ease restrictions on critical mineral exports.", "quantity")
    by_span = {c.span: c for c in cs}
    assert set(by_span) == {"145%", "30%", "10%"}
    assert "peak" in by_span["145%"].modifiers
    assert by_span["10%"].modifiers == ("retaliatory",)
    assert by_span["10%"].value.change == "down-to"
    assert by_span["30%"].subject is None  # who set it is not said: never grouped


def test_dates_and_years_are_not_figures(nlp):
    cs = claims_of(nlp, "The new round of negotiations took place on June 9-10 at Lancaster House. Since 2018 the "
                        "index has risen, and the S&P 500 rose more than 0.6%.")
    quantities = [c.span for c in cs if c.kind == "quantity"]
    dates = [c.normalised for c in cs if c.kind == "date"]
    assert quantities == ["more than 0.6%"]
    assert "????-06-09/10" in dates


def test_people_with_titles_in_a_list(nlp):
    cs = claims_of(nlp, "The U.S. delegation was led by Treasury Secretary Jeff Bessant and included Commerce "
                        "Secretary Lutnick and Trade Representative Greer. The Chinese delegation was led by Politburo "
                        "member and Vice Premier He Lifeng and included Commerce Minister Wang Wentao and Vice "
                        "Minister Li Chenggang.", "person")
    got = {c.normalised: [t[0] for t in c.titles] for c in cs}
    assert got == {
        "Jeff Bessant": ["Treasury Secretary"],
        "Lutnick": ["Commerce Secretary"],
        "Greer": ["Trade Representative"],
        "He Lifeng": ["Vice Premier", "Politburo member"],
        "Wang Wentao": ["Commerce Minister"],
        "Li Chenggang": ["Vice Minister"],
    }


def test_name_the_ner_misses_is_found_by_its_title(nlp):
    cs = claims_of(nlp, "U.S. Trade Representative Jamison Greer said the discussions also focused on ensuring "
                        "compliance with the agreement reached in Geneva.", "person")
    assert [(c.normalised, c.titles[0][0]) for c in cs] == [("Jamison Greer", "U.S. Trade Representative")]


def test_apposition_and_portfolio_titles(nlp):
    cs = claims_of(nlp, "According to China News Network, on June 11, Li Chenggang, International Trade Negotiation "
                        "Representative and Vice Minister of the Ministry of Commerce of China said that the two sides "
                        "had candid communication.", "person")
    assert [t[0] for t in cs[0].titles] == ["International Trade Negotiation Representative",
                                            "Vice Minister of the Ministry of Commerce of China"]
    cs = claims_of(nlp, "The talks include US Secretary for Trade Howard Lutnick and the Representative of the United "
                        "States Jamieson Greer.", "person")
    assert {c.normalised: c.titles[0][0] for c in cs} == {
        "Howard Lutnick": "US Secretary for Trade", "Jamieson Greer": "Representative of the United States"}


def test_a_list_of_people_does_not_lend_titles_across(nlp):
    cs = claims_of(nlp, "The US delegation was represented by Treasury Secretary Scott Bessent, Commerce Secretary "
                        "Howard Lutnick, and Trade Representative Jamieson Greer.", "person")
    assert {c.normalised: [t[0] for t in c.titles] for c in cs} == {
        "Scott Bessent": ["Treasury Secretary"], "Howard Lutnick": ["Commerce Secretary"],
        "Jamieson Greer": ["Trade Representative"]}


def test_one_source_giving_two_values_speaks_of_two_quantities(tmp_path):
    """Two days' moves in one article are not a disagreement with another article's one day."""
    from conftest import write_corpus

    from checker.run import check

    mixed = check(write_corpus(tmp_path / "a", "Toyota shares rose 2% on Monday. On Tuesday, Toyota shares rose 5%.",
                               "Toyota shares rose 5% on Tuesday.", "Toyota shares rose 2% on Monday."))
    assert not [f for f in mixed.findings if f.kind == "number"]
    clash = check(write_corpus(tmp_path / "b", "Toyota shares rose 2% on Monday.", "Toyota shares rose 5% on Monday.",
                               "Toyota shares rose 5% on Monday, traders said."))
    assert [(f.rule, f.subject) for f in clash.findings] == [("NUM001", "Toyota: share")]


def test_halted_twice_is_set_against_halted_three_times(tmp_path):
    """"twice" counts times as "three times" does: one count of the halts, whatever the outlet writes."""
    from conftest import write_corpus

    from checker.run import check

    result = check(write_corpus(tmp_path, "Trading on the bourse was halted twice on Thursday as prices fell.",
                                "Trading on the bourse was halted twice on Thursday, officials said.",
                                "Trading on the bourse was halted three times on Thursday as sellers rushed out."))
    (f,) = [f for f in result.findings if f.kind == "number"]
    assert f.rule == "NUM001"
    assert sorted((e.source, e.span, e.flagged) for e in f.evidence) == [
        ("s0", "twice", False), ("s1", "twice", False), ("s2", "three", True)]


def test_a_hailstorm_is_dated_by_whatever_it_did(tmp_path):
    """A storm over within hours is an event of its own (data/events.toml): "tore through", "fell" and "struck" date
    it alike, so one source's day is set against the two others'."""
    from conftest import write_corpus

    from checker.run import check

    dated = "---\ndate: 2026-11-17\n---\n"
    result = check(write_corpus(tmp_path, dated + "A violent hailstorm tore through the town of Mirabend on Monday evening.",
                                dated + "Heavy hail fell on the farming town of Mirabend for 25 minutes on Monday evening.",
                                dated + "The hailstorm that struck Mirabend on Sunday evening lasted barely 25 minutes."))
    (f,) = [f for f in result.findings if f.kind == "date"]
    assert f.rule == "DATE001"
    assert [(e.source, e.flagged) for e in f.evidence if e.flagged] == [("s2", True)]


@pytest.mark.parametrize("text, verb, event", [
    ("Lindqvaard stepped down on Wednesday after two years in office.", "step down", "resign"),
    ("Marsk stepped up to the lectern on Wednesday afternoon.", "step", None),
    ("Lindqvaard passed away on Friday in her sleep.", "pass away", "die"),
    ("The bill passed on Monday by 158 votes to 131.", "pass", None),
    ("Fire broke out at the plant on Tuesday evening.", "break out", "outbreak"),
    ("The slope broke away on Saturday morning.", "break", None),
    ("King Osric abdicated on Wednesday after 34 years on the throne.", "abdicate", "resign"),
    ("The storage tank ruptured on Monday, November 9.", "rupture", "collapse"),
])
def test_a_phrasal_verb_names_its_event_only_with_its_particle(nlp, text, verb, event):
    """"stepped down" is a resignation, "stepped up to the lectern" none; "passed away" a death, "the bill passed"
    none (data/events.toml lists such verbs with their particle)."""
    (c,) = claims_of(nlp, text, "date")
    assert (c.verb, c.event) == (verb, event)


def test_a_weekday_and_an_abbreviated_month_the_ner_left_out_are_one_date(nlp):
    """"on Saturday, Oct 24": the NER reads the weekday alone; the month and day after it are the weekday's date,
    not the Saturday before the article. A count after a weekday ("On Saturday, 24 divers came") is no day."""
    (c,) = claims_of(nlp, "The divers first spotted a cannon on Saturday, Oct 24, during a training dive.", "date")
    assert (c.span, c.value.month, c.value.day_lo) == ("Saturday, Oct 24", 10, 24)
    assert [d.value.day_lo for d in claims_of(nlp, "On Saturday, 24 divers came to the beach.", "date")] in ([], [0])


def test_a_figure_its_verb_says_was_first_given_is_an_earlier_stages(nlp):
    """"had first put the cost of repairs at €1.5 million, but raised its estimate": the figure of an earlier stage, not
    the cost the others give now; a figure its verb gives plainly is no such thing."""
    (first,) = claims_of(nlp, "The firm had first put the cost of repairs at €1.5 million.", "quantity")
    (plain,) = claims_of(nlp, "The firm put the cost of repairs at €2.3 million.", "quantity")
    assert "previous" in first.modifiers and "previous" not in plain.modifiers


def test_a_count_a_perfect_verb_had_reached_by_a_time_is_a_checkpoint(nlp):
    """"About 1,800 litres had leaked by 08:00": as far as the count had come then, not its total, which "2,300
    litres leaked" may be; a count with no such time is no checkpoint."""
    (by,) = claims_of(nlp, "About 1,800 litres of coolant had leaked into the building by 08:00, it said.", "quantity")
    (total,) = claims_of(nlp, "About 2,300 litres of coolant leaked into the building, it said.", "quantity")
    assert "checkpoint" in by.modifiers and "checkpoint" not in total.modifiers


def test_a_figure_carries_the_words_names_and_dates_near_it(nlp):
    (beds,) = claims_of(nlp, "The mayor said that 1,200 beds were ready in the gyms in case they were needed.",
                        "quantity")
    assert {"mayor", "bed", "ready", "gym"} <= set(beds.near) and "need" not in beds.near  # seven words away
    assert "say" not in beds.near  # who reports a fact is not what it is
    (worked,) = claims_of(nlp, "Forklift driver Pia Moravec, who has worked at the depot for nearly 30 years, "
                               "said she ran.", "quantity")
    assert "moravec" in worked.near_names  # whose figure it is, further off than the words
    (died,) = claims_of(nlp, "Pia Moravec said 30 people died in the fire at the depot.", "quantity")
    assert "moravec" not in died.near_names  # who says it
    (rose,) = claims_of(nlp, "Revenue rose 5% in the third quarter.", "quantity")
    assert rose.near_dates == ("third quarter",)  # the article the NER takes in or not says nothing of the time
    (poll,) = claims_of(nlp, "A survey published the last week found 58% opposed.", "quantity")
    assert poll.near_dates == ("last week",)


def test_an_age_of_someone_not_named_is_an_age(nlp):
    """Held by the one the noun describes, as another source may describe them."""
    (age,) = claims_of(nlp, "A 61-year-old man surrendered to police.", "quantity")
    assert (age.attribute, age.subject, age.normalised, age.verb) == ("age", "the unnamed man", "61 year", "surrender")


def test_a_weekday_night_is_the_late_end_of_the_day(nlp):
    """The NER leaves "night" out of "Friday night"; the date keeps it, so that it agrees with another
    source's "early Saturday"."""
    (day,) = claims_of(nlp, "Police said the Marrowby Chapel burned down on Friday night while people were inside.",
                       "date")
    assert (day.span, day.value.text) == ("Friday", "Friday night")


def test_a_weekday_the_ner_runs_into_a_count_after_it_ends_before_the_count(nlp):
    """"on Saturday 86 passengers": the NER's date takes the count; the date is the weekday."""
    (day,) = claims_of(nlp, "In the province have on Saturday 86 passengers of a gondola for hours in the air hung.",
                       "date")
    assert day.span == "Saturday"


def test_a_weekday_night_the_ner_reads_as_a_time_is_a_date(nlp):
    (day,) = claims_of(nlp, "The fire destroyed the chapel on Friday night, officials said.", "date")
    assert (day.span, day.value.text, day.value.weekday) == ("Friday night", "Friday night", 4)
    assert claims_of(nlp, "The fire started at 9pm, officials said.", "date") == []


def test_a_weekday_the_ner_reads_as_a_time_is_dated_by_the_article(nlp):
    doc = nlp("His body was recovered by a team of rescuers on Sunday afternoon after attempts on Saturday failed.")
    doc._.source, doc._.meta = "t", {"date": "2013-09-16"}
    days = sorted(c.normalised for c in doc_claims(doc, lambda o: (1, o + 1)) if c.kind == "date")
    assert days == ["2013-09-14", "2013-09-15"]


def test_a_year_old_no_one_is_named_for_is_an_age_not_a_duration(nlp):
    """"his assault on the 12-year-old" is set against no "20 years in prison"."""
    (age,) = claims_of(nlp, "Vellacott was jailed for his assault on the 12-year-old.", "quantity")
    assert (age.attribute, age.normalised) == ("age", "12 year")
    (record,) = claims_of(nlp, "Marrowby broke Okafor's almost 30-year-old record.", "quantity")
    assert record.attribute == "age"


def test_an_amount_paid_in_cash_or_part_of_a_price_is_not_the_price(nlp):
    (cash,) = claims_of(nlp, "Quillet is paying $281 million in cash for Norvane.", "quantity")
    assert {"cash", "part"} <= set(cash.modifiers)
    (revenue,) = claims_of(nlp, "Quillet reported $5 billion in revenue.", "quantity")
    assert revenue.attribute == "revenue" and "part" not in revenue.modifiers
    (part,) = claims_of(nlp, "Quillet said $281 million of the purchase price would be paid in cash.", "quantity")
    assert "part" in part.modifiers and part.attribute == "price"
    (whole,) = claims_of(nlp, "Quillet will pay a purchase price of $334 million for Norvane.", "quantity")
    assert "part" not in whole.modifiers


def test_a_date_before_a_noun_dates_what_the_noun_names(nlp):
    """Nichols was sentenced on one day for what he did on another: the date is the incident's."""
    (day,) = claims_of(nlp, "Judge Vellacott sentenced Nichols to life for the March 11, 2005, incident that left "
                            "four people dead.", "date")
    assert day.verb == "incident" and day.attribute is None
    (day,) = claims_of(nlp, "Judge Vellacott sentenced Nichols to life on March 11.", "date")
    assert day.verb == "sentence"


def test_an_amount_in_cash_and_stock_is_all_of_the_payment(nlp):
    (price,) = claims_of(nlp, "Norvane said it would buy Quillet for $5.4 billion in cash and stock.", "quantity")
    assert price.frame == "price" and price.attribute is None


def test_a_date_carries_the_event_its_verb_or_noun_names(nlp):
    (murdered,) = claims_of(nlp, "Police say Vellacott murdered two women at the Marrowby ice cream shop in 1967.",
                            "date")
    (slayings,) = claims_of(nlp, "A co-worker was charged in the 1967 slayings of two women in Marrowby.", "date")
    assert (murdered.verb, murdered.event) == ("murder", "kill")
    assert (slayings.verb, slayings.event) == ("slaying", "kill")
    (other,) = claims_of(nlp, "The shop was repainted in 1967.", "date")
    assert other.event is None and other.dated_event == "repaint"


@pytest.mark.parametrize("text", ["Mayor Ilse Marwick said on Friday that the bridge would reopen.",
                                  "Mayor Ilse Marwick tweeted on Friday that the bridge would reopen.",
                                  "Mayor Ilse Marwick late Thursday tweeted that the bridge would reopen."])
def test_a_date_a_statement_was_made_or_posted_on_is_the_reports(nlp, text):
    """A post is a statement: its date is when it was said, not when anything happened, and two posts of one person
    on two days are two posts."""
    (date,) = claims_of(nlp, text, "date")
    assert "report" in date.modifiers


def test_the_night_of_a_date_the_ner_reads_as_a_time_is_that_date(nlp):
    (night,) = claims_of(nlp, "The ferry sank on the night of March 15, the coastguard said.", "date")
    assert (night.normalised, night.verb, night.event) == ("????-03-15", "sink", "sink")
    assert claims_of(nlp, "The ferry sank at 9pm, the coastguard said.", "date") == []


def test_a_label_and_its_figure_and_a_large_definite_count_are_claims_of_their_frame(nlp):
    (label,) = claims_of(nlp, "Attendance: 41,262.", "quantity")
    assert (label.attribute, label.frame) == ("attendance", "attendance")
    (fans,) = claims_of(nlp, "For a while the 42,162 fans inside the ground were nervous.", "quantity")
    assert not fans.definite and fans.frame == "attendance"
    (sides,) = claims_of(nlp, "The two sides met again in the final.", "quantity")
    assert sides.definite  # a small count after "the" refers back


def test_a_frame_noun_the_tagger_takes_for_a_name_is_what_the_figure_measures(nlp):
    """"Turnout", capitalised at the start of a sentence, is tagged a person: it is still the turnout."""
    (a,) = claims_of(nlp, "Turnout in Sunday's vote was 61.4%, officials said.", "quantity")
    (b,) = claims_of(nlp, "Turnout was the highest in two decades at 64.1%, figures show.", "quantity")
    assert (a.attribute, a.frame, a.subject) == ("turnout", "turnout", None)
    assert (b.attribute, b.frame, b.subject) == ("turnout", "turnout", None)


def test_a_figure_the_tagger_takes_for_a_name_holds_nothing(nlp):
    """"$200MM" is tagged a proper noun, and the subject of "deal" read as a verb: a figure, not a holder,
    and the amount is 200 million dollars."""
    [money] = [c for c in claims_of(nlp, "The Norvane Hawks offered Peter Brandt an eight-year $200MM deal on Monday.",
                                    "quantity") if c.span == "$200MM"]
    assert money.normalised == "2e+08 USD" and money.subject != "200MM"


def test_a_figure_said_of_a_pronoun_or_of_its_holders_own_noun(nlp):
    """"He completed his first 17 passes": held by someone a pronoun stands for. "bring Marrowby Labs'
    281 employees into a new division": the holder's own figure, which no verb states ("Marrowby Labs has
    350 employees" does)."""
    (passes,) = claims_of(nlp, "He completed his first 17 passes.", "quantity")
    assert (passes.subject, passes.attribute, passes.pronoun) == (None, "pass", True)
    (it,) = claims_of(nlp, "It completed its first 17 tests.", "quantity")
    assert not it.pronoun
    (owned,) = claims_of(nlp, "The deal will bring Marrowby Labs' 281 employees into a new division.", "quantity")
    assert (owned.subject, owned.attribute, owned.verb) == ("Marrowby Labs", "employee", None)
    (had,) = claims_of(nlp, "Marrowby Labs has approximately 350 employees.", "quantity")
    assert (had.subject, had.verb) == ("Marrowby Labs", "have")


def test_a_day_restated_in_another_time_zone_is_not_a_date_of_its_own(nlp):
    """"at 6:41pm this evening (0241 GMT Friday)": readers elsewhere get the moment in their zone, a day
    apart from the local one by design. Outside parentheses the zone dates the event itself."""
    dates = claims_of(nlp, "Her agent said Nora Quillet died at 6:41pm PST this evening (0241 GMT Friday) in a "
                           "Marrowby hospital.", "date")
    assert [d.span for d in dates] == []
    (launch,) = claims_of(nlp, "The launch of the Norvane probe is set for Friday at 14:00 GMT.", "date")
    assert launch.span == "Friday"


@pytest.mark.parametrize("sentence, day, zone", [
    ("Norvane's announcement Saturday (local time) surprised Marrowby.", "Saturday", "local time"),
    ("The quake struck at 4:43 a.m. local time Sunday, officials said.", "Sunday", "local time"),
    ("The Norvane probe launched early Friday, Hong Kong time.", "early Friday", "Hong Kong time"),
    ("The polls in Marrowby closed Tuesday, Eastern time.", "Tuesday", "Eastern time"),
    ("The Marrowby final starts Friday at 10 p.m. ET on cable.", "Friday", "ET"),
    ("Mayor Ilse Marwick resigned on Friday for the first time.", "Friday", ""),
    ("Mayor Ilse Marwick was arrested Saturday in Marrowby.", "Saturday", ""),
])
def test_a_day_carries_the_time_zone_it_is_told_in(nlp, sentence, day, zone):
    """A day told in local time, a zone's name, a place's time or a zone's abbreviation carries the zone;
    a day the words beside it tell in no zone carries none."""
    (date,) = [d for d in claims_of(nlp, sentence, "date") if d.span == day]
    assert date.value.zone == zone


def test_a_birth_name_is_not_a_spelling_of_the_name(nlp):
    people = claims_of(nlp, "Quillet was born Nora Jean Quillete in Marrowby in 1931.", "person")
    assert [p.span for p in people if "Quillete" in p.span] == []
    (named,) = [p for p in claims_of(nlp, "Nora Quillete was born in Marrowby in 1931.", "person")]
    assert named.span == "Nora Quillete"


def test_a_count_joined_to_other_people_is_a_part_of_the_count(nlp):
    """"a man and two women" were three people: "two" counts some of them, never all."""
    parts = claims_of(nlp, "Two women and a man were killed in the Marrowby fire.", "quantity")
    assert [(c.span, "part" in c.modifiers) for c in parts] == [("Two", True)]
    whole = claims_of(nlp, "Two women were killed in the Marrowby fire.", "quantity")
    assert [(c.span, "part" in c.modifiers) for c in whole] == [("Two", False)]


def test_a_date_after_a_noun_made_from_a_verb_dates_that_noun(nlp):
    """"since its deployment on November 2" dates the deployment, not the sinking the sentence reports;
    "after a shooting at an office party Friday" dates the shooting, not the charge."""
    by_span = {c.span: c for c in claims_of(
        nlp, "On November 19, the frigate Norvane sank a pirate skiff, its third strike since its deployment on "
             "November 2 this year.", "date")}
    assert (by_span["November 19"].event, by_span["November 2 this year"].verb) == ("sink", "deployment")
    (friday,) = claims_of(nlp, "A man has been charged with murder after a shooting at an office party in Marrowby "
                               "Friday.", "date")
    assert (friday.verb, friday.event) == ("shooting", "kill")


def test_a_date_something_happens_by_is_a_deadline_not_its_day(nlp):
    (by,) = claims_of(nlp, "The operator was able to restore some services by Saturday afternoon.", "date")
    (on,) = claims_of(nlp, "The operator restored some services on Saturday afternoon.", "date")
    assert "deadline" in by.modifiers and "deadline" not in on.modifiers


def test_a_date_a_lasting_state_was_seen_on_dates_nothing(nlp):
    """"remained in critical condition on Sunday", and on Monday in Monday's paper: the days the state was seen, which
    each article moves on; "was taken to hospital on Saturday" dates what happened."""
    (seen,) = claims_of(nlp, "The referee remained in critical condition on Sunday at the county hospital.", "date")
    (taken,) = claims_of(nlp, "The referee was taken to the county hospital on Saturday.", "date")
    assert "checkpoint" in seen.modifiers and "checkpoint" not in taken.modifiers


def test_a_date_a_state_has_lasted_since_is_its_start_not_an_events_day(nlp):
    """"has fallen since Sunday": the day a state began, which lasts to the day others write of ("still without
    power on Tuesday"); no day of one event to set against theirs."""
    (since,) = claims_of(nlp, "The freezing rain which has fallen since Sunday evening has left 3,000 homes "
                              "without power.", "date")
    (on,) = claims_of(nlp, "The freezing rain began on Sunday evening.", "date")
    assert "since" in since.modifiers and "since" not in on.modifiers


def test_a_date_a_count_had_been_reached_by_is_a_checkpoint_that_dates_nothing(nlp):
    """"By Wednesday morning 23 MPs had signed": how far a count had come by then, no day anything happened and
    no deadline; "must reply by Friday" sets a deadline, and "had served until 2019" ends a term."""
    (by,) = claims_of(nlp, "By Wednesday morning 23 Civic Union MPs had signed the letter.", "date")
    assert "checkpoint" in by.modifiers and "deadline" not in by.modifiers
    (due,) = claims_of(nlp, "The minister must reply to the letter by Friday.", "date")
    assert "deadline" in due.modifiers and "checkpoint" not in due.modifiers
    (until,) = claims_of(nlp, "Quint had served as mayor until 2019.", "date")
    assert "checkpoint" not in until.modifiers


def test_a_date_the_parser_cuts_between_two_sentences_quotes_both(nlp):
    """The parser ends a sentence inside "on Wednesday, 11 November": the claim's sentence is the whole stretch,
    so that its evidence quotes the date it gives."""
    text = ("The new team will take the oath before President Aldo Renquist at the Palace of Lanterns on "
            "Wednesday, 11 November, the president's office said.")
    assert len(list(nlp(text).sents)) == 2  # as the model reads it
    (date,) = [c for c in claims_of(nlp, text, "date") if c.span == "Wednesday, 11 November"]
    assert date.sentence == text


def test_a_date_something_is_planned_for_is_not_the_day_it_was_planned(nlp):
    """"called a national day of boycotts for Thursday, 19 November" dates the boycott, not the call, and "For
    Thursday the students have called a boycott" in a Sunday's article is the coming Thursday; "the vote, which had
    been scheduled for Tuesday" is told in the past, and its Tuesday may be behind."""
    def date_in(text: str, article: str):
        doc = nlp(text)
        doc._.source, doc._.meta = "t", {"date": article}
        (date,) = [c for c in doc_claims(doc, lambda o: (1, o + 1)) if c.kind == "date"]
        return date.normalised, "planned" in date.modifiers

    assert date_in("The federation has called a national day of lecture boycotts for Thursday, 19 November.",
                   "2026-11-15") == ("2026-11-19", True)
    assert date_in("For Thursday the students have called a boycott of the lectures.", "2026-11-15") \
        == ("2026-11-19", True)
    assert date_in("The federation called a boycott of lectures on Thursday.", "2026-11-15") == ("2026-11-12", False)
    assert date_in("The hearing, which had been scheduled for Tuesday, was moved.", "2026-11-15")[0] == "2026-11-10"


def test_a_figure_of_what_the_company_owns_is_said_of_the_one_named_elsewhere(nlp):
    """"2.1 per cent of the company's global turnover": the organisation the others name, as a pronoun stands for it;
    "of its turnover" (it stands for anything) and "of annual turnover" are nobody's in particular."""
    def said_of(text: str) -> tuple:
        (c,) = claims_of(nlp, text, "quantity")
        return c.subject, c.pronoun

    assert said_of("The penalty is equivalent to 2.1 per cent of the company's global turnover.") == (None, True)
    assert said_of("The fine works out at 2.1% of its worldwide turnover.") == (None, False)
    assert said_of("The penalty amounted to 1.2 per cent of Quillmarket's global turnover.") == ("Quillmarket", False)
    assert said_of("The law allows fines of up to 4 per cent of annual turnover.")[1] is False


def test_an_amount_restated_in_another_currency_is_a_conversion(nlp):
    """"110 billion euros ($143 billion)": each outlet converts at its day's rate; the euros are the claim."""
    by_span = {c.span: c for c in claims_of(nlp, "Norvane agreed a EUR 110 billion ($143 billion) loan on Sunday.",
                                            "quantity")}
    assert by_span["$143 billion"].converted and not by_span["EUR 110 billion"].converted
    (plain,) = claims_of(nlp, "Norvane agreed a $143 billion loan on Sunday.", "quantity")
    assert not plain.converted


def test_a_date_on_a_verb_that_describes_an_event_noun_dates_that_event(nlp):
    """"an earthquake measuring 5.6 ... on Sunday": the quake's day, however the parse attaches it. A verb
    joined by "and" to an event's verb is no such description: the parse joins other clauses too."""
    (fueled,) = claims_of(nlp, "Anger over the death of a Marrowby teenager shot and killed by police fueled a riot "
                               "on the streets of Quillet Monday.", "date")
    assert fueled.event is None
    (measured,) = claims_of(nlp, "An earthquake measuring 5.6 on the Richter scale jolted Marrowby island off the "
                                 "southern coast on Sunday.", "date")
    assert measured.event == "quake"


def test_a_verb_that_names_no_event_dates_the_event_it_answers(nlp):
    """"alerted to the fire on Friday": the fire's day. Not the event a verb only has as its object
    ("investigated the fire on Friday"), nor one of a verb joined to it by "and"."""
    (repulsed,) = claims_of(nlp, "In another operation, the Norvane navy on Sunday repulsed an attack on a merchant "
                                 "vessel and nabbed 23 pirates.", "date")
    assert (repulsed.verb, repulsed.event) == ("repulse", "foil")  # its own act, not the arrest "and" joins
    (alerted,) = claims_of(nlp, "Officers were alerted to the fire on the roof of the store at 20:49 GMT on Friday.",
                           "date")
    assert (alerted.verb, alerted.event) == ("alert", "outbreak")
    (investigated,) = claims_of(nlp, "Officers investigated the fire at the Marrowby store on Friday.", "date")
    assert investigated.event is None


def test_a_fire_that_broke_out_is_an_event(nlp):
    (fire,) = claims_of(nlp, "It broke out in the roof of the Marrowby store at around 9pm on Friday.", "date")
    assert fire.event == "outbreak"


def test_what_a_counted_noun_is_for_narrows_it(nlp):
    """"one final chance to win" and "two chances to tie": two different chances, not one count."""
    (win,) = claims_of(nlp, "The Marrowby Rovers had one final chance to win the game.", "quantity")
    (tie,) = claims_of(nlp, "The Marrowby Rovers had two chances to tie the score.", "quantity")
    assert "win" in win.modifiers and tie.modifiers == ("tie",)


def test_a_market_close_is_kept_from_the_moves_of_the_day(nlp):
    """"stocks closed down 3.9%" is the day's close; "stocks plunged 5.4%" may be its low."""
    (closed,) = claims_of(nlp, "Marrowby stocks closed down 3.9 percent on Friday.", "quantity")
    (plunged,) = claims_of(nlp, "Marrowby stocks plunged 5.4 percent on Friday.", "quantity")
    assert "closing" in closed.modifiers and "closing" not in plunged.modifiers


def test_the_holder_of_a_figure_is_the_name_without_its_possessive(nlp):
    """The tagger may keep "'s" inside an organisation's name: the holder is the organisation."""
    (staff,) = claims_of(nlp, "The deal brings Lindqvaard Data's 350 employees into HP.", "quantity")
    assert (staff.subject, staff.attribute) == ("Lindqvaard Data", "employee")


def test_a_work_a_person_is_known_for_holds_no_date(nlp):
    """"the 'Silver Harbour' actress checked in on Friday": the date is of the story's event, not the film's."""
    (day,) = claims_of(nlp, '"Silver Harbour" actress and former travel reporter Tara Quillet checked into a clinic '
                            'on Friday.', "date")
    assert (day.subject, day.event) == (None, "enter")


@pytest.mark.parametrize("sentence, event", [
    ("Robbers stole jewels worth $80 million from the store on Thursday.", "rob"),
    ("The Colts overcame Jacksonville 31-24 on Thursday to reach the play-offs.", "win"),
])
def test_the_events_of_robberies_and_wins_worded_otherwise(nlp, sentence, event):
    (day,) = claims_of(nlp, sentence, "date")
    assert day.event == event


def test_the_holder_of_an_event_date_is_the_person_it_befalls_whoever_announces_it(nlp):
    (a,) = claims_of(nlp, "Even as gala organizers on Friday unveiled Hamish Vellacott as the host of their awards, "
                          "the strike loomed.", "date")
    (b,) = claims_of(nlp, "The Academy named Australian actor Hamish Vellacott as the host of the show on Friday.",
                     "date")
    assert (a.subject, a.event) == (b.subject, b.event) == ("Hamish Vellacott", "announce")


def test_the_person_an_event_befalls_may_be_named_beside_a_noun(nlp):
    (a,) = claims_of(nlp, "A court in Marrowby on Tuesday sentenced the town's former mayor, Olaf Brandt, to six years "
                          "in prison.", "date")
    assert (a.subject, a.event) == ("Olaf Brandt", "sentence")


def test_an_event_befalling_a_pronoun_is_held_by_no_one_named_there(nlp):
    # the judge does it, and is no holder of it: another outlet writes "Brandt was sentenced on Wednesday"
    (a,) = claims_of(nlp, "On Tuesday, November 17, Judge Anna Keller fined him $250,000 on top of the prison term.",
                     "date")
    assert a.subject is None
    assert (a.verb, a.event) == ("fine", "sentence")  # the tagger's "fin" mended; a fine is a sentence
    assert "keller" not in a.near_names
    (b,) = claims_of(nlp, "On Tuesday, Judge Anna Keller fined Peter Brandt $250,000.", "date")
    assert b.subject == "Peter Brandt" and "keller" in b.near_names  # the person fined, not the judge


@pytest.mark.parametrize("sentence", [
    "Norvane's electoral commission plans to hold elections on December 15 2013.",
    "Parliamentary elections in Norvane which are planned for December 15, 2013, will be held on a two-party basis.",
    "Parliamentary elections in Norvane are scheduled for December 15 of this year.",
    "Two parties will seek seats in the December 15 election.",
])
def test_a_date_set_for_an_event_or_of_an_event_held_is_the_events(nlp, sentence):
    """Held, planned, scheduled or named before the noun: the date of one election."""
    (day,) = claims_of(nlp, sentence, "date")
    assert (day.verb, day.event) == ("election", "vote")


def test_an_amount_of_the_cost_of_something_of_a_frame_is_of_that_frame(nlp):
    """"the cost of damage ... at about 200 million euros" and "caused 200 million euros of damage"."""
    (cost,) = claims_of(nlp, "The cost of damage to shops in Marrowby alone was estimated by the commerce "
                             "confederation at about 200 million euros.", "quantity")
    (caused,) = [c for c in claims_of(nlp, "Eight days of clashes have caused 200 million euros of damage.",
                                      "quantity") if "euros" in c.span]
    assert cost.attribute == caused.attribute == "damage" and cost.frame == caused.frame == "damage"
    (project,) = claims_of(nlp, "The cost of the project was 20 million euros.", "quantity")
    assert project.attribute == "cost"


def test_a_part_counted_of_a_whole_counts_its_noun_and_the_whole_is_set_apart(nlp):
    part, whole = claims_of(nlp, "In the council election, the Quillet Party won 23 of the 51 seats.", "quantity")
    assert (part.span, part.normalised, part.modifiers) == ("23", "23 seat", ())
    assert (whole.span, whole.normalised, whole.modifiers) == ("51", "51 seat", ("whole",))


def test_a_date_said_of_a_pronoun_says_so(nlp):
    (a,) = claims_of(nlp, "As expected, they beat the visitors 3-1 on Thursday.", "date")
    assert (a.subject, a.event, a.pronoun) == (None, "win", True)
    (b,) = claims_of(nlp, "As expected, the hosts beat the visitors 3-1 on Thursday.", "date")
    assert (b.subject, b.pronoun) == (None, False)


def test_the_age_of_a_thing_or_of_someones_relation_says_so(nlp):
    (a,) = claims_of(nlp, "He broke the almost 30-year-old record on Friday.", "quantity")
    assert (a.attribute, a.modifiers) == ("age", ("thing",))
    (b,) = claims_of(nlp, "Police said her 14-year-old son called for help.", "quantity")
    assert (b.subject, b.modifiers) == ("the unnamed son", ("possessed",))
    (c,) = claims_of(nlp, "The call came at noon. Police said the 28-year-old called for help.", "quantity")
    assert (c.subject, c.modifiers) == (None, ())


def test_a_noun_and_a_verb_of_one_lemma_may_name_two_events(nlp):
    (a,) = claims_of(nlp, "Investigators are still looking into the March 3 fire at the depot.", "date")
    (b,) = claims_of(nlp, "The depot manager was fired on March 3.", "date")
    assert (a.event, b.event) == ("outbreak", "fire")  # a blaze, a dismissal


def test_a_noun_counted_in_parts_gives_each_count_its_own_holder(nlp):
    """"12 Somali and 11 Yemeni pirates": the 11 are the Yemeni ones; "23 Somali and Yemeni pirates"
    counts both peoples, not the first named."""
    parts = claims_of(nlp, "Marine commandos boarded the boat to nab 12 Somali and 11 Yemeni pirates.", "quantity")
    by_span = {c.span: c for c in parts}
    assert (by_span["12"].subject, by_span["12"].modifiers) == ("Somali", ("somali",))
    assert (by_span["11"].subject, by_span["11"].modifiers) == ("Yemeni", ("yemeni",))
    (both,) = claims_of(nlp, "The navy said it had captured 23 Somali and Yemeni pirates.", "quantity")
    assert both.subject == "Somali and Yemeni"
    (one,) = claims_of(nlp, "The navy said it had captured 23 Somali pirates.", "quantity")
    assert one.subject == "Somali"


def test_a_date_without_its_year_takes_the_year_nearest_its_article(nlp):
    """"The quarter ends January 30" in an article of November 2007 is January 2008; "was arrested on
    December 28" in an article of January 2008 is December 2007; "on March 3" in a March article is
    that March."""
    def date_in(text: str, article: str) -> str:
        doc = nlp(text)
        doc._.source, doc._.meta = "t", {"date": article}
        (date,) = [c for c in doc_claims(doc, lambda o: (1, o + 1)) if c.kind == "date"]
        return date.normalised

    assert date_in("Quillet expects the deal to close in its first quarter, which ends January 30.",
                   "2007-11-12") == "2008-01-30"
    assert date_in("Olaf Brandt was arrested on December 28 outside his home.", "2008-01-09") == "2007-12-28"
    assert date_in("Olaf Brandt was arrested on March 3 outside his home.", "2008-03-09") == "2008-03-03"
    # Nearer ahead than behind, but told in the past tense: the one behind
    assert date_in("Olaf Brandt was arrested on December 28 outside his home.", "2008-07-01") == "2007-12-28"
    # A weekday beside the day settles the year: December 28 was a Friday in 2007, a Sunday in 2008
    assert date_in("Olaf Brandt will appear in court on Friday, December 28.", "2008-01-09") == "2007-12-28"
    assert date_in("Olaf Brandt was arrested on Sunday, December 28 outside his home.", "2009-01-09") == "2008-12-28"
    # A participle describing a noun is as done as the clause it sits in: the count the census recorded
    assert date_in("The count, taken on the night of Sunday, 15 March, recorded 426,300 more residents.",
                   "2026-11-17") == "2026-03-15"
    assert date_in("The count, taken on the night of 15 March, will record every resident.",
                   "2026-11-17") == "2027-03-15"


def test_a_noun_of_a_verb_only_event_dates_no_such_event(nlp):
    """"His touchdown pass ... Friday gave the Rovers a win" dates no death; "passed away on Friday" does."""
    (game,) = claims_of(nlp, "Quillet threw for 205 yards, and his touchdown pass to Okafor late in the fourth "
                             "quarter Friday gave the Marrowby Rovers a 20-13 win.", "date")
    (death,) = claims_of(nlp, "Lindqvaard passed away on Friday in her sleep.", "date")
    assert (game.event, death.event) == (None, "die")


def test_a_verb_of_happening_dates_the_event_its_subject_names(nlp):
    """"The explosion occurred Friday", "the announcement was made Sunday", "the vote took place on
    Monday": the date of the event the subject names. A guess ("may come as early as May 14") is not."""
    def event_of(text: str) -> str | None:
        (date,) = claims_of(nlp, text, "date")
        return date.event

    assert event_of("The explosion occurred Friday afternoon at a bank branch in Marrowby.") == "explode"
    assert event_of("A bomb exploded at a bank branch in Marrowby late Friday.") == "explode"
    assert event_of("The announcement was made Sunday during a live broadcast.") == "announce"
    assert event_of("The vote took place on Monday in the capital.") == "vote"
    assert event_of("The announcement may come as early as May 14, the source said.") is None
    # a meeting is an event, and "is on" says when it happens
    assert event_of("The committee's next scheduled meeting is on Thursday, 17 December.") == "meet"
    assert event_of("The next meeting of the committee takes place on Thursday, 10 December.") == "meet"
    assert event_of("The central bank's committee meets again on December 17th.") == "meet"
    # "hit" dates what its subject names: the aftershock, though the parse hangs the verb on the noun
    assert event_of("The aftershock, measured at magnitude 4.9, hit at 14:20 on Wednesday.") == "aftershock"



def test_a_clause_of_happening_dates_the_event_it_tells_of(nlp):
    """"The murder of Deputy Ruiz which took place on August 2": the parse hangs the clause on "Ruiz",
    but only an event takes place. "A suspect in a shooting that occurred Monday" tells of another event
    than the story's: an event the article introduces."""
    (murder,) = claims_of(nlp, "Two men were arrested in the murder of Deputy Juan Okafor which took place outside "
                               "his home on August 2.", "date")
    assert (murder.verb, murder.event) == ("murder", "kill")
    (other,) = claims_of(nlp, "Deputies were searching for Quillet because he was a suspect in a shooting that "
                              "occurred in the neighborhood Monday.", "date")
    assert other.event is None


def test_a_named_day_or_a_schedule_dates_nothing(nlp):
    """"Patch Tuesday", "Black Friday", "next month's Patch Tuesday", "every Sunday", "the second
    Tuesday of each month": no event's date. "Released the fix on Tuesday" is."""
    for text in ("Marrowby issued the patch outside of its normal Patch Tuesday cycle.",
                 "Marrowby may issue a fix ahead of next month's Patch Tuesday.",
                 "Shoppers crowded the Quillet stores on Black Friday.",
                 "Normally, Marrowby releases its bulletins on the second Tuesday of each month.",
                 "The Quillet market is closed every Sunday."):
        assert claims_of(nlp, text, "date") == [], text
    (fix,) = claims_of(nlp, "Marrowby released the fix on Tuesday.", "date")
    assert fix.event == "release"


def test_an_amount_worth_is_of_the_noun_it_values(nlp):
    """"Its offer, reportedly worth about $143 million" and "the deal is believed to be worth at least
    $160 million": amounts of one deal, in its frame; "deals worth about $2.5 billion" sums many."""
    (offer,) = claims_of(nlp, "The Quillet Rovers made their offer, reportedly worth about $143 million, during "
                              "the winter meetings.", "quantity")
    (deal,) = claims_of(nlp, "The deal is believed to be worth at least $160 million.", "quantity")
    assert (offer.attribute, offer.frame) == ("offer", "deal")
    assert (deal.attribute, deal.frame) == ("deal", "deal")
    (many,) = claims_of(nlp, "Norvane is well connected, with deals worth about $2.5 billion.", "quantity")
    assert many.frame is None


@pytest.mark.parametrize("sentence", [
    "KORSK, Velmaria \u2014 The harbour authority's chief, Olaf Brandt, announced early Saturday that the port "
    "would reopen.",
    "KORSK, Velmaria (Wirepress) \u2014 The harbour authority's chief, Olaf Brandt, announced early Saturday that "
    "the port would reopen.",
])
def test_a_dateline_is_never_the_holder_of_a_date(nlp, sentence):
    # The parse makes the dateline's place the verb's subject, and the place would hold every date of the
    # sentence: another outlet's "Brandt announced on Friday" would not be set against it.
    (day,) = claims_of(nlp, sentence, "date")
    assert day.subject == "Olaf Brandt"  # the chief, named in apposition after the dash
    assert day.attribute == "chief"  # the subject after the dash


def test_a_dateline_is_never_the_subject_of_a_passive(nlp):
    """"VELMORA, Nov 10 (Meridian) - At least 41 people were killed on Tuesday": the parse makes the dateline's
    place a passive subject too."""
    (day,) = claims_of(nlp, "VELMORA, Nov 10 (Meridian) - At least 41 people were killed on Tuesday evening when a "
                            "passenger jet crashed into farmland.", "date")
    assert (day.subject, day.attribute) == (None, "people")


def test_a_datelines_place_the_ner_takes_for_a_person_acts_in_no_sentence(nlp):
    """"VARNHOLM, 8 November (MWS) - Armed pirates hijacked": the place is no one who hijacked, so it is never read
    as a garbled name of someone who acts (NAME003 needs a verb)."""
    (place,) = claims_of(nlp, "VARNHOLM, 8 November (MWS) - Armed pirates hijacked a bulk carrier carrying fertiliser "
                              "in the early hours of Sunday.", "person")
    assert (place.span, place.verb) == ("VARNHOLM", None)
    (said,) = claims_of(nlp, "Varnholm hijacked a bulk carrier on Sunday.", "person")
    assert said.verb == "hijack"


@pytest.mark.parametrize("text, attribute", [
    ("The ministry's order, at 19 crowns per dose, is enough for two million people.", "per dose"),
    ("The Health Ministry has agreed to buy 4,500,000 doses at 23 crowns a dose.", "per dose"),
    ("The Health Ministry has ordered 4.5 million doses at 19 crowns each.", "per dose"),
    ("The shares were priced at $42 a share on Tuesday.", "per share"),
])
def test_a_price_of_one_of_a_thing_is_said_per_that_thing(nlp, text, attribute):
    """The price of one dose, however the outlet words it, is a property of the dose, not of what the verb does."""
    (price,) = [c for c in claims_of(nlp, text, "quantity") if c.value.dimension.startswith("currency")]
    assert price.attribute == attribute


def test_an_amount_per_stretch_of_time_is_no_price_of_one_thing(nlp):
    (pay,) = claims_of(nlp, "Ross will be paid $21 million a year.", "quantity")
    assert not (pay.attribute or "").startswith("per ")


def test_a_count_of_some_of_a_group_is_a_part_of_it(nlp):
    """"Twelve of the crew are Marvetian", "five of them": a part of the crew's count, never the whole 21."""
    def part(text: str) -> bool:
        (c,) = [c for c in claims_of(nlp, text, "quantity")]
        return "part" in c.modifiers

    assert part("Twelve of the crew are Marvetian.")
    assert part("At least five of them come from the estuary.")
    assert not part("All 21 of the crew are safe.")
    assert not part("The ship has a crew of 21.")


def test_a_word_standing_for_the_company_holds_its_figures_as_a_pronoun_does(nlp):
    """"The firm owes 418 million crowns": the company named elsewhere, as "it owes" would be."""
    (owed,) = claims_of(nlp, "The firm owes 418 million crowns to banks, landlords and suppliers.", "quantity")
    assert (owed.subject, owed.pronoun, owed.verb) == (None, True, "owe")
    (plain,) = claims_of(nlp, "A firm owes 418 million crowns to banks.", "quantity")
    assert plain.pronoun is False


def test_a_dateline_is_never_the_holder_of_a_figure(nlp):
    (n,) = claims_of(nlp, "KORSK, Velmaria \u2014 The Dremmel Shipping Company's chief, Olaf Brandt, sold 40 ships.",
                     "quantity")
    assert n.subject == "Dremmel Shipping Company"  # what stands in apposition to the dateline, after the dash


def test_an_agency_a_dateline_credits_is_never_the_holder_of_a_figure(nlp):
    """The parse hangs "Nov 10 (CPA)" on the subject after the dash: the agency is no part of it."""
    (n,) = claims_of(nlp, "KORSK, Nov 10 (CPA) - Customs officers in Velmaria seized 1.8 tonnes of cocaine "
                          "at the port early on Tuesday.", "quantity")
    assert n.subject == "Customs"  # the service the officers are of, not the agency



@pytest.mark.parametrize("sentence", [
    "KORSK, March 14 (Wirepress) - The harbour authority reopened the port on Friday.",
    "KORSK, Velmaria, March 14 (Wirepress) \u2014 The harbour authority reopened the port on Friday.",
])
def test_a_datelines_date_is_no_claim(nlp, sentence):
    """The day a story was filed, page furniture: not the day of what the sentence says happened, which may
    be the day before."""
    assert [d.span for d in claims_of(nlp, sentence, "date")] == ["Friday"]


def test_what_stands_beyond_a_semicolon_is_not_near_a_figure(nlp):
    """"a turnover of 1.84 billion euros last year; for this year it expects 2.05 billion euros": each figure's
    year is its own clause's."""
    last, this = claims_of(nlp, "Quillet made last year a turnover of 1.84 billion euros; for this year it expects "
                                "2.05 billion euros.", "quantity")
    assert (last.near_dates, this.near_dates) == (("last year",), ("this year",))


@pytest.mark.parametrize("sentence, day", [
    ("A drop-in clinic will open on Thursday, the mayor announced.", "2026-10-08"),
    ("The mayor said the clinic would open Thursday.", "2026-10-08"),
    ("A new clinic is due to open at the Saltmarket hall on Wednesday.", "2026-10-07"),
    ("The clinic opened on Thursday.", "2026-10-01"),
    ("The mayor said on Thursday that the clinic will open soon.", "2026-10-01"),
])
def test_a_weekday_said_of_what_is_to_come_is_the_next_one(nlp, sentence, day):
    """In an article of Monday, October 5: a future modal, or a word of what is planned, dates ahead."""
    doc = nlp(sentence)
    doc._.source, doc._.meta = "t", {"date": "2026-10-05"}
    (date,) = [c for c in doc_claims(doc, lambda o: (1, o + 1)) if c.kind == "date"]
    assert date.normalised == day


def test_a_phrase_of_a_preposition_after_a_name_is_no_title(nlp):
    """"Aurel Strommer, with the minister not related": no apposition, and "minister" is none of his titles."""
    from checker.nlp.people import match_people
    from checker.values.vocabulary import default_vocabulary

    people, _ = match_people(nlp("The fire chief of the district, Aurel Strommer, with the minister not related, "
                                 "praised his crews."), default_vocabulary())
    assert [[t.text for t in ts] for span, _, ts in people if span.text == "Aurel Strommer"] == [["fire chief"]]


def test_a_name_in_apposition_holds_the_figure(nlp):
    """"The ferry, the Nordlys Star, carried 412 passengers": the ferry is the Nordlys Star."""
    (n,) = claims_of(nlp, "The ferry, the Nordlys Star, carried 412 passengers.", "quantity")
    assert (n.subject, n.attribute) == ("Nordlys Star", "passenger")
    (m,) = claims_of(nlp, "The ferry carried 412 passengers.", "quantity")
    assert m.subject is None


@pytest.mark.parametrize("sentence, end", [
    ("KORSK \u2014 Harbour officials said 40 ships were stranded.", 1),
    ("Korsk (Wirepress) - Harbour officials said 40 ships were stranded.", 4),
    ("Velmaria \u2014 the region's largest exporter \u2014 sold 40 ships last year.", -1),  # no capitals, no credit
    ("UN officials said \u2014 after talks \u2014 that 40 ships were stranded.", -1),  # a verb: a sentence, no dateline
    ("US-led patrols found 40 ships stranded.", -1),  # a hyphen within a word
])
def test_a_dateline_runs_to_its_dash(nlp, sentence, end):
    assert _dateline_end(next(nlp(sentence).sents)) == end


def test_a_bound_its_verb_denies_turns_over(nlp):
    (n, _) = claims_of(nlp, "Having never scored fewer than 26 goals in his six seasons, Brandt is the safer signing.",
                       "quantity")
    assert (n.span, n.normalised) == ("fewer than 26", "[26, inf) goal")
    (m,) = claims_of(nlp, "The Korsk ferry company did not pay more than $5 million for the site.", "quantity")
    assert m.value.interval.lo == 0 and m.value.interval.hi == 5e6  # at most


@pytest.mark.parametrize("sentence, interval", [
    # The figure is in an adjunct: how long the run has lasted, not what was denied.
    ("Brandt, who has not lost in more than four years, won again.", "(4, inf)"),
    # The denial is written into the bound ("not more than"): at most 40.
    ("The toll was not more than 40, police said.", "[0, 40]"),
])
def test_a_bound_its_verb_does_not_deny_stays(nlp, sentence, interval):
    (n,) = claims_of(nlp, sentence, "quantity")
    assert str(n.value.interval) == interval


@pytest.mark.parametrize("sentence", [
    "Herald: Rovers make offer to Brandt (8 years?)",
    "A $200 million deal for Brandt?",
    "Should the Rovers go higher than $25 million a season for Brandt?",
    "Did the storm sink 40 ships?",
    "Will the vote be held on Sunday?",
])
def test_a_figure_or_date_put_as_a_question_is_no_claim(nlp, sentence):
    assert [c.span for c in claims_of(nlp, sentence) if c.kind in ("quantity", "date")] == []


@pytest.mark.parametrize("sentence, spans", [
    ("Why did 63 people die on Sunday?", ["63", "Sunday"]),  # what a question asks about it takes as given
    ('"Did you feel it?" More than 60 people reported shaking.', ["More than 60"]),
    ("The vote will be held on Sunday.", ["Sunday"]),
])
def test_a_question_keeps_what_it_takes_as_given(nlp, sentence, spans):
    assert [c.span for c in claims_of(nlp, sentence) if c.kind in ("quantity", "date")] == spans


def test_electing_on_a_day_dates_the_vote(nlp):
    # "elect" names the vote only as a verb: its dates group with "the election on Sunday" and "Sunday's vote"
    (elect,) = claims_of(nlp, "Voters in Velmaria elect a new parliament on Sunday.", "date")
    (election,) = claims_of(nlp, "Velmaria holds its parliamentary election on Sunday.", "date")
    assert elect.event == election.event == "vote"


@pytest.mark.parametrize("sentence, event", [
    ("The sixth aftershock shook the island on Monday.", "aftershock"),
    ("A powerful blast rocked the harbour on Friday.", "explode"),
    ("A strong earthquake shook the island on Sunday.", "quake"),
    ("It hit the island on Sunday.", "quake"),  # a subject that names no event: the verb's
])
def test_a_verb_that_names_an_event_only_as_a_verb_dates_what_its_subject_names(nlp, sentence, event):
    (day,) = claims_of(nlp, sentence, "date")
    assert day.event == event


def test_a_figure_of_a_relative_clause_is_the_nouns_it_stands_for(nlp):
    # "that" stands for the rate, and the rate frames the inflation: the figure is the inflation's.
    (q,) = claims_of(nlp, "The bank must fight an inflation rate that climbed to 8.6% in October.", "quantity")
    assert (q.attribute, q.modifiers) == ("inflation", ("rate",))
    (d,) = claims_of(nlp, "He signed a five-year deal that ties him to the club until the summer of 2030.", "date")
    assert d.attribute == "deal" and d.value.normalised == "2030" and d.span == "the summer of 2030"


def test_a_move_of_a_noun_keeps_the_words_that_narrow_it(nlp):
    (core,) = claims_of(nlp, "Core inflation rose 5.4 per cent in October.", "quantity")
    (prices,) = claims_of(nlp, "Consumer prices rose 6.8 per cent in October.", "quantity")
    assert (core.attribute, core.modifiers) == ("inflation", ("core",))
    assert (prices.attribute, prices.modifiers) == ("price", ("consumer",))


def test_a_collapse_is_an_event_its_dates_are_keyed_by(nlp):
    (a,) = claims_of(nlp, "Part of the bridge collapsed at about 5.40pm on Monday.", "date")
    (b,) = claims_of(nlp, "The levee burst on Saturday night.", "date")
    assert a.event == "collapse" and b.event == "collapse"


def test_an_abduction_and_a_seizure_of_people_date_one_event(nlp):
    """Taking people captive is one event whether the police or a gang does it, and outlets name it with
    either verb ("abducted", "kidnapped", "seized"): their dates are compared."""
    (abducted,) = claims_of(nlp, "The engineers were abducted by gunmen on 4 August.", "date")
    (seized,) = claims_of(nlp, "The group seized them on Friday, 14 August.", "date")
    (kidnapped,) = claims_of(nlp, "Two nurses were kidnapped on Tuesday near the border.", "date")
    assert abducted.event == seized.event == kidnapped.event == "arrest"


def test_saying_what_one_will_do_dates_an_announcement(nlp):
    (said,) = claims_of(nlp, "Quorvant Technologies said on Tuesday it would cut about 4,200 jobs.", "date")
    (announced,) = claims_of(nlp, "Quorvant Technologies announced on Wednesday that it will cut 4,200 jobs.", "date")
    assert said.event == announced.event == "announce" and "report" not in said.modifiers
    # What someone said happened is a report, dated when it was said.
    (report,) = claims_of(nlp, "The ministry said on Tuesday that talks had failed.", "date")
    assert "report" in report.modifiers and report.event != "announce"


def test_two_capitalised_words_alone_are_a_name_candidate(nlp):
    from checker.claims.extract import name_candidates

    def pairs(text: str) -> list[str]:
        doc = nlp(text)
        doc._.source = "t"
        return [c.span for c in name_candidates(doc, lambda o: (1, o + 1)) if " " in c.span]

    assert "Halima Otuvare" in pairs("In the competition of the women the victory went to Halima Otuvare from Mirovia.")
    assert "Edgar Hoover" not in pairs("The bureau was led for decades by J. Edgar Hoover, who died in 1972.")
    # The last two words of an organisation's name the NER ran into a name: a candidate the corpus may know.
    assert "Ingrid Marzalek" in pairs("The director of the Korvenian Meteorological Service Ingrid Marzalek said "
                                      "for our newspaper that the measurement is valid.")


def test_a_weekday_before_its_date_keeps_its_preposition(nlp):
    """"after fire broke out ... on Tuesday, 10 November": the parse hangs "10 November" on the sentence's main
    verb across the comma; the weekday, the object of "on", says which verb the date dates."""
    (c,) = claims_of(nlp, "Families spent a sleepless night in school halls after fire broke out at the plant shortly "
                          "before 11 p.m. on Tuesday, 10 November.", "date")
    assert (c.span, c.verb, c.event) == ("Tuesday, 10 November", "break out", "outbreak")


def test_a_crews_size_is_one_count_however_it_is_worded(nlp):
    """"a crew of 24", "his 21 crew", "All 21 crew members": counts of the people of one crew."""
    texts = ("The bulk carrier, which has a crew of 24, is stuck on the shoal.",
             "The ship's master and his 21 crew were still on board on Monday.",
             "All 21 crew members are safe and remain on board, the coastguard said.")
    counts = [c for t in texts for c in claims_of(nlp, t, "quantity")]
    assert [(c.span, c.frame, c.value.unit) for c in counts] == [("24", "crew", "people"), ("21", "crew", "people"),
                                                                 ("21", "crew", "people")]


def test_a_participle_narrows_a_noun_as_written_whatever_its_tag(nlp):
    """"sustained winds": the tagger reads "sustained" as an adjective in one sentence and as a past tense in
    another; the modifier and the words near the figure are the word as written in both."""
    (a,) = claims_of(nlp, "The storm came ashore with sustained winds of 185 km/h, the weather office said.", "quantity")
    (b,) = [c for c in claims_of(nlp, "Oruna made landfall late on Wednesday night west of Port Temmet, packing "
                                      "sustained winds of 185 km/h (about 115 mph).", "quantity") if c.span == "185 km/h"]
    assert a.modifiers == b.modifiers == ("sustained",)
    assert "sustained" in a.near and "sustained" in b.near
    # ... and as its verb, for the noun another outlet makes of it ("355 damaged shops", "565 shops suffering damage").
    (c,) = claims_of(nlp, "If it had, we would not have 355 damaged shops in Athens.", "quantity")
    assert {"damaged", "damage"} <= set(c.near)


def test_a_ship_or_a_storm_that_strikes_is_no_quake(nlp):
    """"hit" and "strike" date a quake when what hits is one ("a magnitude 6.4 earthquake struck", "a blast
    rocked"); a ship that strikes a shoal, or a named storm that hits the coast, is another event."""
    def event(text):
        (c,) = claims_of(nlp, text, "date")
        return c.event

    assert event("The Corvel Pioneer struck Gullhorn Shoal on Sunday.") is None
    assert event("Oruna hit the coast on Wednesday.") is None
    assert event("A magnitude 6.4 earthquake struck the highlands on Tuesday.") == "quake"
    assert event("The island was hit on Sunday.") == "quake"  # what hit it is unsaid: the verb's own event
    assert event("A blast rocked the city on Friday.") == "explode"
    # ... nor a ship the passive says struck, nor a plane that "descended ... and struck terrain"
    assert event("The fully laden tanker was struck by the bulk carrier Granholm Trader in thick fog on Tuesday.") \
        is None
    assert event("The island was hit by a magnitude 6.4 earthquake on Sunday.") == "quake"
    assert event("Investigators are examining why a Corvane Air jet descended below the glide path and struck "
                 "terrain short of the runway on Tuesday.") is None


def test_what_was_discovered_or_noticed_is_one_event(nlp):
    (a,) = claims_of(nlp, "The escape was discovered during the 6 a.m. head count on Sunday, 22 November.", "date")
    (b,) = claims_of(nlp, "The escape was noticed on Monday, 23 November, at the morning count.", "date")
    assert a.event == b.event == "discover"
    (c,) = claims_of(nlp, "The encryption was detected early on Saturday, 7 November.", "date")
    assert c.event == "discover"


def test_the_start_of_an_event_the_story_introduces_is_its_date(nlp):
    """"after a fire that began late on Monday night": the fire's outbreak, though the fire is introduced with
    "a"; "a suspect in a shooting that occurred Monday" is still another shooting than the story's."""
    (a,) = claims_of(nlp, "Crews will let the warehouse burn out, after a fire that began at the factory late on "
                          "Monday night.", "date")
    assert a.event == "outbreak"
    (b,) = claims_of(nlp, "Police arrested a suspect in a shooting that occurred Monday.", "date")
    assert b.event != "kill"


def test_who_points_to_an_event_does_not_hold_its_date(nlp):
    """"Haldane pointed to the fire at the same hall in March 2024": the fire's date, no one's named here."""
    (c,) = claims_of(nlp, "Gerrit Haldane, regional secretary of the union, pointed to the fire at the same hall in "
                          "March 2024.", "date")
    assert (c.event, c.subject) == ("outbreak", None)


def test_a_date_of_a_night_dates_the_noun_the_night_is_of(nlp):
    """"Friday night's crush": the crush is dated, not the verb the sentence hangs it on ("died after")."""
    dates = claims_of(nlp, "Eleven people are now known to have died after Friday night's crush at the stadium.", "date")
    assert [c.verb for c in dates] == ["crush"]


def test_an_announcement_said_after_what_it_makes_known_reports_it(nlp):
    """"Seven people have died, officials announced on Tuesday": the day it was said, as "said" gives; "officials
    announced on Tuesday that ..." dates an announcement."""
    (after,) = claims_of(nlp, "Seven people have died in the storm, officials announced on Tuesday.", "date")
    (before,) = claims_of(nlp, "Officials announced on Tuesday that seven people had died.", "date")
    assert "report" in after.modifiers and "report" not in before.modifiers


def test_an_event_told_again_is_marked_as_a_repeat(nlp):
    """"The replacement paper will be sat on Saturday" is not the first sitting ("sat the paper on Tuesday"); nor is
    "a second vote" or "another attack" the first."""
    (again,) = claims_of(nlp, "The replacement paper will be sat on Saturday, 20 June, the minister said.", "date")
    (first,) = claims_of(nlp, "Every candidate sat the paper on Tuesday, 9 June.", "date")
    (second,) = claims_of(nlp, "Parliament held a second vote on Thursday.", "date")
    assert "repeat" in again.modifiers and "repeat" not in first.modifiers and "repeat" in second.modifiers
    (more,) = claims_of(nlp, "More demonstrations are planned for Monday outside the police headquarters.", "date")
    assert "repeat" in more.modifiers  # the protests after the first


def test_a_noun_a_date_is_set_on_names_its_event(nlp):
    """"Friday night's draw", "Tuesday's blackout": the noun is the event the date dates, known to the vocabulary
    or not; a noun it knows by another word is read as its class ("Saturday's blast": an explosion)."""
    def event(text):
        (c,) = claims_of(nlp, text, "date")
        return c.event
    assert event("The syndicate matched all six numbers in Friday night's draw.") == "draw"
    assert event("Saturday's blast destroyed the depot.") == "explode"
    # The parse may hang the date on the event's name, and take the noun for a verb.
    assert event("The winning ticket was bought for Saturday evening's MegaCrown draw at a newsagent.") == "draw"


def test_a_weekday_set_on_a_noun_in_a_clause_of_what_is_to_come_is_past(nlp):
    """"the inquiry into Tuesday's blackout will focus on ...": the inquiry is to come, the blackout is past. In an
    article of Thursday, November 12, Tuesday is November 10."""
    doc = nlp("The inquiry into Tuesday's blackout will focus on the protection systems.")
    doc._.source, doc._.meta = "t", {"date": "2026-11-12"}
    (date,) = [c for c in doc_claims(doc, lambda o: (1, o + 1)) if c.kind == "date"]
    assert (date.event, date.normalised) == ("blackout", "2026-11-10")


def test_a_count_written_with_a_point_for_thousands_is_thousands(nlp):
    """"58.400 fans", as a translation keeps the point that groups thousands: 58,400 fans, not 58.4."""
    (c,) = claims_of(nlp, "The concert drew 58.400 fans to the stadium on Saturday.", "quantity")
    (d,) = claims_of(nlp, "The concert drew 58,400 fans to the stadium on Saturday.", "quantity")
    assert c.value.interval == d.value.interval and c.value.value == 58400


def dated_event(nlp, text: str) -> str | None:
    """The event the one date of a sentence dates."""
    (c,) = claims_of(nlp, text, "date")
    return c.event


def test_what_an_event_over_in_a_moment_did_dates_it(nlp):
    """"an explosion wrecked the block on Tuesday", "an avalanche hit the resort on Tuesday": a blast, a quake, a
    crash, a slide happen on the day of whatever they did. A fire spreads for days: what it did on Wednesday does
    not date its outbreak."""
    def event(text):
        return dated_event(nlp, text)

    assert event("Three people died after an explosion wrecked an apartment block in Carvessa on Tuesday.") == "explode"
    assert event("A suspected gas explosion ripped through the block early on Tuesday.") == "explode"
    assert event("Five people died after an avalanche hit the ski resort on Tuesday afternoon.") == "slide"
    assert event("The avalanche came down at the resort on Wednesday.") == "slide"
    assert event("The fire spread to the neighbouring warehouse on Wednesday.") is None
    assert event("The blasts shattered windows across the district on Tuesday.") is None  # several moments
    assert event("A strong earthquake rattled the province on Wednesday.") is None  # a quake story tells of several
    assert event("Shares slid sharply on Monday.") is None  # "slide" names the event only as a noun
    # A verb that names a moment of its own dates the moment of what its subject names: the meteorite's fall.
    assert event("A meteorite crashed through the roof of a barn on Tuesday evening.") == "meteor"
    assert event("The van crashed through the barrier on Tuesday evening.") == "crash"


def test_a_march_and_an_evacuation_are_events_whatever_verb_tells_them(nlp):
    """"About 2,300 people marched through the town on Saturday" and "the march on Sunday": one protest; "the village
    was evacuated on Monday" and "villagers fled on Monday": one evacuation. "Shares rallied on Monday" is no rally."""
    def event(text):
        return dated_event(nlp, text)

    assert event("About 2,300 people marched through the town on Saturday.") == "protest"
    assert event("Farmers held the march on Sunday despite the rain.") == "protest"
    assert event("The village of Oberlisten was evacuated on Monday.") == "evacuate"
    assert event("Frightened villagers fled on Monday as the ice moved.") == "evacuate"
    assert event("Shares rallied on Monday after the report.") is None


def test_a_resignation_announced_is_dated_as_the_resignation(nlp):
    """"announced his resignation on Tuesday" is "resigned on Tuesday"; "announced elections on Monday" does not
    date the vote."""
    (a,) = claims_of(nlp, "Halvic, who announced his resignation on Tuesday, has stayed out of sight.", "date")
    assert a.event == "resign"
    (b,) = claims_of(nlp, "The president announced elections on Monday.", "date")
    assert b.event == "announce"


def test_a_count_joined_to_the_thing_it_describes_is_near_the_things_words(nlp):
    """"ripped through a nine-storey apartment block in the Kesselmark district": the storeys are the block's,
    whatever the verb says befell it; the words near the figure are those of the thing."""
    (a,) = claims_of(nlp, "A gas explosion ripped through a nine-storey apartment block in the Kesselmark district "
                          "of Carvessa early on Tuesday.", "quantity")
    assert (a.attribute, a.verb, a.value.unit) == ("block", None, "storey")
    assert set(a.near) == {"apartment", "block"}


def test_a_figure_that_comes_with_what_someone_did_is_theirs(nlp):
    """"Pellham introduced its own restrictions last week, with fines of up to 800 crowns": Pellham's fines, not
    the story's; crowns are money, and the unit the NER tags a name holds nothing."""
    (a,) = claims_of(nlp, "The town of Pellham introduced its own restrictions last week, with fines of up to 800 "
                          "crowns for misuse of water.", "quantity")
    assert (a.subject, a.value.dimension) == ("Pellham", "currency:crown")
    (b,) = claims_of(nlp, "A city audit found that a 48.6 million crown contract had been awarded at inflated prices.",
                     "quantity")
    assert (b.subject, b.attribute, b.value.unit) == (None, "contract", "crown")


def test_how_many_a_place_can_take_is_its_capacity_not_the_crowd(nlp):
    """"the stadium, which holds 22,500 spectators" beside "the crowd of 18,400": a capacity, in a frame of its own,
    so that one source giving both is not read as giving two crowds. "Police held 12 people" is no capacity."""
    def frame(text):
        (c,) = claims_of(nlp, text, "quantity")
        return c.frame

    assert frame("The east stand roof was replaced in 2019 as part of a renovation of the stadium, which holds "
                 "22,500 spectators.") == "capacity"
    assert frame("The arena can seat 30,000 fans.") == "capacity"
    assert frame("Stewards began evacuating the crowd of 18,400.") == "attendance"
    assert frame("Police held 12 people overnight.") != "capacity"


def test_how_long_a_thing_lasts_is_no_time_frame_of_a_date(nlp):
    """"accepted a two-year pay deal on Wednesday": "two-year" says how long the deal runs, not when."""
    (a,) = claims_of(nlp, "The union on Wednesday accepted a two-year pay deal.", "date")
    assert a.near_dates == ()


def test_what_a_vote_decided_is_dated_as_the_vote(nlp):
    """"voted to accept the offer on Tuesday, 17 November": the day of the vote, as "voted on Wednesday to accept".
    A date the parse hangs on a clause of a noun is still the noun's event ("An earthquake measuring 5.6 ...")."""
    (a,) = claims_of(nlp, "The union's national council voted to accept the offer on Tuesday, 17 November.", "date")
    assert a.event == "vote"
    (b, _) = claims_of(nlp, "An earthquake measuring 5.6 on the Richter scale jolted Qeshm island off Iran's southern "
                            "coast on Sunday, followed by several aftershocks on Monday.", "date")
    assert (b.span, b.verb, b.event) == ("Sunday", "measure", "quake")
