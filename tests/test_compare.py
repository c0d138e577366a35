"""Comparing two statements of one quantity or date: agree, diverge or contradict. No spaCy model.

Quantities are read from text with the real number grammar (values/numbers.py), so that each case
is written as a reader sees it; dates are read with values/dates.py.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from checker.values.compare import (
    AGREE,
    CONTRADICT,
    DIVERGE,
    Verdict,
    comparable_interval,
    compare_dates,
    compare_intervals,
    compare_quantities,
    one_value,
)
from checker.values.dates import parse_date
from checker.values.numbers import parse_quantity, quantity_regex, unit_registry, written_step
from checker.values.types import DateValue, Interval, Quantity

# pint's registry (durations, physical units) takes a quarter of a second to build, once per process:
# built at import, so that no single test pays for it.
unit_registry()


def q(text: str, share: bool = False) -> Quantity:
    """The one figure `text` states, read as the extraction reads it."""
    m = quantity_regex().fullmatch(text)
    assert m is not None, text
    got = parse_quantity(m, share=share)
    assert got is not None, text
    return got


def relation(a: str, b: str) -> str | None:
    verdict = compare_quantities(q(a), q(b))
    return None if verdict is None else verdict.relation


def date(text: str) -> DateValue:
    d = parse_date(text)
    assert d is not None, text
    return d


# Points


def test_equal_points_agree():
    verdict = compare_quantities(q("40%"), q("40 per cent"))
    assert verdict == Verdict(AGREE, verdict.reason)
    assert "same value" in verdict.reason


def test_unequal_points_of_the_same_precision_contradict():
    verdict = compare_quantities(q("40%"), q("41%"))
    assert verdict.relation == CONTRADICT
    assert "do not overlap" in verdict.reason


def test_comparison_is_symmetric_in_relation():
    for a, b in [("over 80%", "more than 70%"), ("about 40%", "42%"), ("0.7%", "0.68%"), ("under 12", "15")]:
        assert relation(a, b) == relation(b, a), (a, b)


# Bounds, ranges and approximations


def test_two_overlapping_lower_bounds_diverge():
    """The module's own example: "over 60%" and "more than 50%" can both be true but are different figures."""
    assert relation("over 80%", "more than 70%") == DIVERGE
    assert relation("over 60%", "more than 50%") == DIVERGE


def test_an_upper_bound_below_a_point_contradicts():
    assert relation("under 12", "15") == CONTRADICT


def test_an_upper_bound_is_open():
    """"under 12" excludes 12 itself: a figure beyond it contradicts, one under it agrees."""
    assert relation("under 12", "13") == CONTRADICT
    assert relation("under 12", "11") == AGREE


def test_within_a_distance_is_a_bound():
    """"to within 20 miles of the city" is 20 miles at most: a town 17 miles away lies within it."""
    assert relation("within 20 miles", "17 miles") == AGREE
    assert relation("within 20 miles", "25 miles") == CONTRADICT


def test_a_figure_and_the_same_figure_hedged_are_one_figure():
    """News hedges the figure another outlet gives plainly ("nearly four years", "four years"; "over
    2.5 million", "2.5 million"): one figure, stated two ways, not a contradiction."""
    for hedged, plain in (("under 12", "12"), ("nearly 4 years", "four years"), ("over 2.5 million", "2.5 million"),
                          ("at least 63", "63"), ("about 40%", "40%"),
                          ("as many as 1 in 500", "one in every 500"), ("as many as 1 in 500", "roughly 0.2 percent"),
                          ("one in 500", "about 0.2%")):
        for a, b in ((hedged, plain), (plain, hedged)):
            verdict = compare_quantities(q(a), q(b))
            assert verdict.relation == AGREE and "hedged differently" in verdict.reason, (a, b, verdict)
    assert relation("more than 200", "fewer than 200") == CONTRADICT  # two hedges that exclude each other


def test_a_point_inside_a_range_agrees():
    assert relation("between 5% and 10%", "7%") == AGREE
    assert relation("5 to 10", "7") == AGREE


def test_a_point_outside_a_range_contradicts():
    assert relation("between 5% and 10%", "12%") == CONTRADICT


def test_overlapping_ranges_diverge_and_equal_ranges_agree():
    assert relation("5 to 10%", "8 to 12%") == DIVERGE
    assert relation("5 to 10%", "5 to 10%") == AGREE


def test_a_precise_figure_inside_an_approximation_agrees():
    verdict = compare_quantities(q("about 40%"), q("42%"))
    assert verdict.relation == AGREE
    assert verdict.reason == "'42%' lies within 'about 40%'"
    assert relation("about 120", "120") == AGREE


def test_a_figure_beyond_an_approximation_contradicts():
    assert relation("about 40%", "50%") == CONTRADICT


def test_two_approximations_that_overlap_diverge():
    """Neither is more precise than the other, so neither lies "within" the other."""
    assert relation("about 40%", "around 41%") == DIVERGE


def test_nearly_is_just_under_the_figure():
    assert relation("nearly 5%", "4.9%") == AGREE
    assert relation("nearly 5%", "5.2%") == CONTRADICT


def test_a_duration_inside_a_bound_in_other_units_agrees():
    """The module's example: "three days" lies within "more than 40 hours" (72 hours)."""
    assert relation("3 days", "more than 40 hours") == AGREE
    assert relation("1 day", "more than 40 hours") == CONTRADICT


# Rounding by written precision


def test_written_step_is_the_precision_as_written():
    assert written_step("0.4%", 0.4) == pytest.approx(0.1)
    assert written_step("$4.5 billion", 4.5e9) == pytest.approx(1e8)
    assert written_step("1,200", 1200.0) == 1.0
    assert written_step("5m", 5e6) == pytest.approx(1e6)


def test_written_step_is_none_for_words_and_zero():
    assert written_step("sixty", 60.0) is None
    assert written_step("0", 0.0) is None
    assert written_step("0.0%", 0.0) is None


def test_parse_quantity_records_the_step():
    assert q("0.68%").step == pytest.approx(0.01)
    assert q("$1.23 billion").step == pytest.approx(1e7)
    assert q("sixty kilometres").step is None


@pytest.mark.parametrize("coarse, fine", [
    ("0.7%", "0.68%"),
    ("0.4%", "0.38%"),
    ("$1.2 billion", "$1.23 billion"),
    ("$4.5 billion", "$4.53 billion"),
    ("$1.2 billion", "$1,230 million"),  # the same unit, a different scale word
])
def test_a_rounded_figure_agrees_with_the_precise_one(coarse, fine):
    for a, b in ((coarse, fine), (fine, coarse)):
        verdict = compare_quantities(q(a), q(b))
        assert verdict.relation == AGREE, (a, b)
        assert verdict.reason == f"{coarse!r} is {fine!r} rounded"


@pytest.mark.parametrize("a, b", [
    ("0.7%", "0.6%"),  # the same precision: two different figures
    ("1.2%", "1.26%"),  # 1.26 rounds to 1.3, not 1.2
    ("$1.2 billion", "$1.26 billion"),
    ("$1.2 billion", "$1.3 billion"),
])
def test_figures_that_do_not_round_to_each_other_contradict(a, b):
    assert relation(a, b) == CONTRADICT


def test_figures_in_different_units_agree_as_rounded():
    """Conversion never gives round numbers: "60 kilometres" is 37.28 miles."""
    verdict = compare_quantities(q("60 kilometres"), q("37 miles"))
    assert verdict.relation == AGREE
    assert "different units" in verdict.reason
    assert relation("sixty kilometres", "37 miles") == AGREE  # in words: the value's own digits
    assert relation("60 kilometres", "40 miles") == CONTRADICT


@pytest.mark.parametrize("a, b, expected", [
    # A round figure may be rounded at its last other digit, by a little: its conversion agrees.
    ("170,000 square feet", "15,800 square metres", AGREE),
    ("3 million cubic metres", "106 million cubic feet", AGREE),  # a volume converted
    ("3 million cubic metres", "10.6 million cubic feet", CONTRADICT),
    ("200 miles", "320 km", AGREE),
    ("about 15 miles", "about 24km", AGREE),  # two approximations, overlapping once converted
    ("up to 120 mph", "up to 193km/h", AGREE),  # two bounds of one kind, the bound converted
    ("up to 120 mph", "up to 150km/h", DIVERGE),
    ("up to 70 mph", "113 km/h", AGREE),  # one figure converted, one outlet hedging it as a bound
    ("more than 70 mph", "113 km/h", AGREE),
    ("up to 70 mph", "130 km/h", CONTRADICT),  # the figure beyond the bound
    ("up to 70 mph", "90 km/h", AGREE),  # a figure within the bound
    ("100 km", "50 miles", CONTRADICT),  # "100" is not anything from 50 to 150
    ("200ft", "about 60 metres", AGREE),  # a figure and an approximation of its conversion
])
def test_conversions_between_units(a, b, expected):
    assert relation(a, b) == expected


def test_a_ratio_in_words_compares_as_a_share():
    assert relation("one in four", "25%") == AGREE
    assert relation("one in four", "35%") == CONTRADICT


def test_a_ratio_in_digits_is_as_precise_as_in_words():
    assert relation("1 in 4", "35%") == relation("one in four", "35%") == CONTRADICT


def test_a_bare_magnitude_takes_the_unit_of_the_other_figure():
    assert relation("triple-digit", "$150") == AGREE
    assert relation("triple-digit", "$1,500") == CONTRADICT


# Not comparable


@pytest.mark.parametrize("a, b", [
    ("40%", "$40"),  # percent against currency
    ("$5", "£5"),  # two currencies: no exchange rate is assumed
    ("5 kg", "5 km"),  # mass against length
    ("5%", "5 percentage points"),  # a share against a change in share
    ("3-1", "3"),  # a score against a number
])
def test_different_dimensions_cannot_be_compared(a, b):
    assert compare_quantities(q(a), q(b)) is None
    assert compare_quantities(q(b), q(a)) is None


def test_comparable_interval_puts_shares_and_durations_in_one_unit():
    unit, interval = comparable_interval(q("one in four"))
    assert unit == "percent:%"
    assert interval == Interval(25.0, 25.0)
    hours_unit, hours = comparable_interval(q("more than 40 hours"))
    days_unit, days = comparable_interval(q("3 days"))
    assert hours_unit == days_unit == "duration:second"
    assert hours == Interval(144000.0, float("inf"), lo_open=True)
    assert days == Interval.point(259200.0)
    assert comparable_interval(q("$5"))[0].startswith("currency:")


# Scores


def test_equal_scores_agree():
    verdict = compare_quantities(q("3-1"), q("3-1"))
    assert verdict.relation == AGREE
    assert "3-1" in verdict.reason


def test_different_scores_contradict():
    """Only the second number differs: a score is one claim of two numbers."""
    verdict = compare_quantities(q("3-1"), q("3-2"))
    assert verdict == Verdict(CONTRADICT, "scores 3-1 and 3-2 differ")


# compare_intervals directly


def test_compare_intervals_agrees_only_with_the_more_precise_inside_the_vaguer():
    wide, narrow = Interval(0.0, 10.0), Interval(4.0, 6.0)
    assert compare_intervals(wide, narrow, "range", "approx", "0-10", "about 5").relation == AGREE
    # The same intervals with the inner one stated no more precisely: two different figures.
    assert compare_intervals(wide, narrow, "range", "range", "0-10", "4-6").relation == DIVERGE
    assert compare_intervals(wide, Interval(11.0, 12.0), "range", "range", "0-10", "11-12").relation == CONTRADICT


def test_compare_intervals_touching_open_ends_do_not_overlap():
    below, at = Interval(0.0, 5.0, hi_open=True), Interval.point(5.0)
    assert compare_intervals(below, at, "bound", "exact", "under 5", "5").relation == CONTRADICT


# Dates


def test_the_same_day_agrees():
    assert compare_dates(date("June 9, 2025"), date("9 June 2025")).relation == AGREE
    assert compare_dates(date("2025-06-11"), date("June 11, 2025")).relation == AGREE


def test_different_days_contradict():
    verdict = compare_dates(date("June 9, 2025"), date("June 10, 2025"))
    assert verdict == Verdict(CONTRADICT, "2025-06-09 and 2025-06-10 do not overlap")


def test_the_same_day_in_different_years_contradicts():
    assert compare_dates(date("June 9, 2024"), date("June 9, 2025")).relation == CONTRADICT


def test_a_range_of_days_containing_the_day_agrees():
    verdict = compare_dates(date("June 9-10, 2025"), date("June 9, 2025"))
    assert verdict.relation == AGREE
    assert verdict.reason == "'June 9, 2025' lies within 'June 9-10, 2025'"
    assert compare_dates(date("June 2025"), date("June 12, 2025")).relation == AGREE


def test_overlapping_and_disjoint_ranges_of_days():
    assert compare_dates(date("June 8-10"), date("June 9-11")).relation == DIVERGE
    assert compare_dates(date("June 8-9"), date("June 10-11")).relation == CONTRADICT


def test_an_unknown_year_is_compared_within_the_year():
    """Without a year on one side, only month and day can disagree."""
    assert compare_dates(date("June 9"), date("June 9, 2025")).relation == AGREE
    assert compare_dates(date("June 9, 2024"), date("June 9")).relation == AGREE
    verdict = compare_dates(date("June 9"), date("June 11, 2025"))
    assert verdict == Verdict(CONTRADICT, "????-06-09 and 2025-06-11 do not overlap")


@pytest.mark.parametrize("exact, bound", [("$1 million", "more than $1.2 million"), ("3 billion euros", "under 2.8 billion euros"),
                                          ("2.5 million", "more than 2.52 million")])
def test_a_figure_rounded_at_its_scale_diverges_from_a_bound_it_reaches(exact, bound):
    for a, b in ((exact, bound), (bound, exact)):
        v = compare_quantities(q(a), q(b))
        assert v.relation == DIVERGE and "as rounded" in v.reason


@pytest.mark.parametrize("exact, bound", [("63", "more than 70"), ("99", "more than 100"), ("20%", "over 21%"),
                                          ("101", "under 100"), ("$4 million", "more than $5 million")])
def test_a_figure_written_to_its_units_or_beyond_its_rounding_contradicts_a_bound(exact, bound):
    assert compare_quantities(q(exact), q(bound)).relation == CONTRADICT


def test_weekdays_are_set_against_weekdays_and_dates_of_a_known_year():
    from checker.values.dates import resolve

    tuesday, monday = resolve("on Tuesday", None), resolve("Monday", None)
    assert compare_dates(tuesday, resolve("last Tuesday", None)).relation == AGREE
    v = compare_dates(tuesday, monday)
    assert v.relation == CONTRADICT and "different days of the week" in v.reason
    assert compare_dates(tuesday, parse_date("June 10, 2025")).relation == AGREE  # a Tuesday
    assert compare_dates(monday, parse_date("June 10, 2025")).relation == CONTRADICT
    assert compare_dates(tuesday, parse_date("June 10")) is None  # no year: no day of the week
    assert compare_dates(tuesday, parse_date("June 2025")) is None  # a month is no one day



def test_a_day_of_no_known_year_is_the_weekday_its_text_names():
    """"Monday (Jan 6)" in an undated article: a Monday, against "Tuesday"; of a known year, the
    calendar's weekday is the date's (DATE002 says when the text's differs)."""
    from dataclasses import replace as _replace

    from checker.values.dates import named_weekday, resolve

    day = parse_date("Jan 6")
    monday_jan_6 = _replace(day, weekday=named_weekday("Monday (Jan 6", day))
    assert monday_jan_6.weekday == 0 and named_weekday("Jan 6", day) is None
    v = compare_dates(monday_jan_6, resolve("Tuesday", None))
    assert v.relation == CONTRADICT and "('Jan 6', a Monday)" in v.reason
    assert compare_dates(_replace(monday_jan_6, year=2009), resolve("Tuesday", None)).relation == AGREE


def test_a_year_taken_from_the_article_never_makes_two_dates_differ():
    from dataclasses import replace as _replace

    inferred = _replace(parse_date("June 20"), year=2005, year_stated=False)
    stated = parse_date("June 20, 2007")
    assert compare_dates(inferred, stated).relation == AGREE
    assert compare_dates(parse_date("June 20, 2005"), stated).relation == CONTRADICT


def test_a_year_alone_is_all_its_days():
    from checker.values.dates import parse_year

    y67, y76 = parse_year("1967"), parse_year("the year 1976")
    assert y67.normalised == "1967" and y76.normalised == "1976"
    assert compare_dates(y67, y76).relation == CONTRADICT
    assert compare_dates(y67, parse_date("July 14, 1967")).relation == AGREE  # a day of that year
    assert compare_dates(y67, parse_date("July 14")) is None  # a day of no known year: nothing to compare
    assert parse_year("1967-68") is None and parse_year("in 1967") is None and parse_year("2300") is None


@pytest.mark.parametrize("text", ["the summer of 2030", "summer 2030", "the end of 2030", "mid-2030", "early 2030",
                                  "the first half of 2030", "late autumn 2030"])
def test_a_part_of_a_year_is_read_as_its_year(text):
    from checker.values.dates import parse_year

    value = parse_year(text)
    assert value is not None and value.normalised == "2030" and value.text == text
    assert compare_dates(value, parse_date("June 2031")).relation == CONTRADICT
    assert compare_dates(value, parse_date("June 2030")).relation != CONTRADICT


def test_a_winter_runs_into_the_next_year_and_is_not_read():
    from checker.values.dates import parse_year

    assert parse_year("the winter of 2030") is None and parse_year("the summer of") is None


@pytest.mark.parametrize("a, b, expected", [
    ("12", "18", True),  # within a factor of two
    ("3.9%", "5.4%", True),
    ("63", "36", True),  # two digits swapped
    ("240 million euros", "420 million euros", True),
    ("$240 million", "$240 billion", True),  # the same digits, another scale word
    ("189 yards", "498 yards", False),  # a game's and a season's
    ("2", "8", False),  # one digit of two is no slip
    ("five years", "eight hours", False),
    ("3-1", "0-4", True),  # scores are compared as they are
    ("1,650", "165", True),  # a digit dropped
    ("16 florins", "168 million florins", False),  # a digit and the scale: two slips, two amounts
])
def test_figures_that_can_be_one_quantity_misreported(a, b, expected):
    from checker.values.compare import plausibly_one

    assert plausibly_one(q(a), q(b)) is expected


def test_one_figure_hedged_two_ways_agrees():
    assert relation("more than 20,000", "some 20,000") == AGREE
    assert relation("at least 6", "at least 7") == DIVERGE  # two figures
    assert relation("more than 200", "fewer than 200") == CONTRADICT


def test_dates_that_can_be_one_date_misreported():
    from checker.values.compare import plausibly_one_date
    from checker.values.dates import parse_year

    assert plausibly_one_date(parse_year("1967"), parse_year("1976"))  # two digits swapped
    assert not plausibly_one_date(parse_year("2007"), parse_year("2014"))  # two years of one recurring event
    assert plausibly_one_date(parse_date("June 3"), parse_date("June 4"))
    assert not plausibly_one_date(parse_date("April 6, 2013"), parse_date("July 2, 2013"))
    assert plausibly_one_date(parse_date("July 14, 1967"), parse_date("July 14, 1976"))


def test_late_one_day_and_early_the_next_are_one_night():
    from checker.values.dates import resolve

    late, early = resolve("late Thursday", None), resolve("Early Friday", None)
    assert compare_dates(late, early).relation == AGREE and compare_dates(early, late).relation == AGREE
    assert compare_dates(resolve("late Saturday", None), early).relation == CONTRADICT
    assert compare_dates(parse_date("late June 4"), parse_date("early June 5")).relation == AGREE


def test_one_days_night_and_early_the_next_are_one_night():
    """"Friday night" and "early Saturday": one night; "Friday" alone is the day, and "Saturday night"
    is the night after."""
    from checker.values.dates import resolve

    early = resolve("early Saturday", None)
    for night in ("Friday night", "Friday evening"):
        assert compare_dates(resolve(night, None), early).relation == AGREE
    assert compare_dates(resolve("Friday", None), early).relation == CONTRADICT
    assert compare_dates(resolve("Saturday night", None), resolve("early Saturday", None)).relation == AGREE
    assert compare_dates(resolve("Saturday night", None), resolve("early Friday", None)).relation == CONTRADICT


def test_a_move_written_with_a_minus_sign_beside_its_verb_is_the_same_move():
    """"has fallen by -3.16%" and "has fallen by 3.16%": one fall."""
    down = lambda text: replace(q(text), change="down")  # noqa: E731
    verdict = compare_quantities(down("-3.16%"), down("3.16%"))
    assert verdict.relation == AGREE and "sign" in verdict.reason
    assert compare_quantities(down("-3.16%"), down("2.16%")).relation == CONTRADICT
    assert compare_quantities(q("-3.16%"), q("3.16%")).relation == CONTRADICT  # no verb says the direction


def test_a_range_inside_a_bound_agrees_even_at_its_edge():
    verdict = compare_quantities(q("between 30 and 35"), q("fewer than 35"))
    assert verdict.relation == AGREE and "lies within" in verdict.reason
    assert relation("between 30 and 40", "fewer than 35") == DIVERGE


def test_one_value_however_written():
    """A weekday and the dated day it falls on, a date with and without its year: one value. Two days,
    or two figures, are not."""
    friday = DateValue("Friday", None, 0, 0, 0, weekday=4)
    assert one_value(friday, parse_date("March 8, 2013"))  # a Friday
    assert not one_value(friday, parse_date("March 9, 2013"))
    assert one_value(parse_date("December 15, 2013"), replace(parse_date("December 15, 2013"), year_stated=False))
    assert not one_value(parse_date("December 15, 2013"), parse_date("December 16, 2013"))


@pytest.mark.parametrize("a, b, said", [
    ("16 years", "10 years", "16 and 10 do not overlap"),
    ("16 years", "10 months", "[15.5, 16.5] year and [0.791667, 0.875] year do not overlap"),
    ("60 miles", "20 kilometres", "[58.5, 61.5] mile and [12.1167, 12.7381] mile do not overlap"),
])
def test_figures_in_two_units_are_set_against_each_other_in_a_unit_the_sources_write(a, b, said):
    """Compared in seconds or metres, they are said in the first's unit: never "5.04922e+08 and 3.15576e+08"."""
    verdict = compare_quantities(q(a), q(b))
    assert verdict.relation == "contradict" and verdict.reason.startswith(said)


def test_a_day_told_in_a_time_zone_and_the_day_next_to_it_diverge():
    """"Saturday (local time)" in a paper of Seoul's and "Friday" in one of New York's: one moment can fall on
    both days. Two days apart, or both told in local time, they still contradict."""
    from checker.values.dates import resolve

    local = replace(resolve("Saturday", None), zone="local time")
    friday, thursday = resolve("Friday", None), resolve("Thursday", None)
    verdict = compare_dates(friday, local)
    assert verdict.relation == DIVERGE and "'Saturday' is told in local time" in verdict.reason
    assert compare_dates(local, resolve("Sunday", None)).relation == DIVERGE  # the day after, too
    assert compare_dates(thursday, local).relation == CONTRADICT
    assert compare_dates(replace(friday, zone="local time"), local).relation == CONTRADICT
    assert compare_dates(resolve("Saturday", None), friday).relation == CONTRADICT  # no zone named
    # Days of the calendar, and a day a month holds (which is no day after it).
    assert compare_dates(replace(parse_date("June 10"), zone="Eastern time"), parse_date("June 9")).relation == DIVERGE
    assert compare_dates(replace(parse_date("June 12"), zone="Eastern time"), parse_date("June 9")).relation == CONTRADICT


def test_a_weekday_said_of_what_is_to_come_is_the_next_one():
    """In an article of Monday, October 5: "opened on Thursday" is October 1, "will open on Thursday" October 8;
    "last Thursday" is October 1 either way, and a Monday ahead is the day itself."""
    import datetime as dt

    from checker.values.dates import resolve

    monday = dt.date(2026, 10, 5)
    assert resolve("Thursday", monday).normalised == "2026-10-01"
    assert resolve("Thursday", monday, ahead=True).normalised == "2026-10-08"
    assert resolve("last Thursday", monday, ahead=True).normalised == "2026-10-01"
    assert resolve("Monday", monday, ahead=True).normalised == "2026-10-05"


def test_one_weekday_named_by_two_sources_agrees_whichever_week_their_articles_place_it_in():
    """"to be voted on Thursday" in an article of Wednesday (read as the Thursday before) and "a vote will be held
    Thursday" (the Thursday after): both say Thursday, and which week is the checker's reading, not theirs. A day
    the text gives with its date, or as "last Thursday", says the week."""
    import datetime as dt

    from checker.values.dates import resolve

    wednesday = dt.date(2010, 5, 5)
    before, after = resolve("Thursday", wednesday), resolve("Thursday", wednesday, ahead=True)
    assert (before.normalised, after.normalised) == ("2010-04-29", "2010-05-06")
    assert compare_dates(before, after).relation == AGREE
    assert compare_dates(resolve("last Thursday", wednesday), after).relation == CONTRADICT
    assert compare_dates(parse_date("April 29, 2010"), after).relation == CONTRADICT
    assert compare_dates(resolve("Friday", wednesday), after).relation == CONTRADICT
