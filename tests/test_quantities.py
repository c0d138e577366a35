"""Figures: parsing, intervals and the comparison that judges them."""

from __future__ import annotations

import math
import re
from functools import cache

import pytest
from conftest import CORPUS, ROOT
from hypothesis import example, given
from hypothesis import strategies as st

from checker.values import numbers
from checker.values.compare import AGREE, CONTRADICT, DIVERGE, compare_dates, compare_quantities
from checker.values.dates import parse_date
from checker.values.numbers import iter_quantities, parse_number, parse_quantity, quantity_regex
from checker.values.patterns import alternation
from checker.values.types import Interval
from checker.values.vocabulary import default_vocabulary


def q(text: str, share: bool = False):
    m = quantity_regex().search(text)
    assert m is not None, text
    return parse_quantity(m, share=share)


@pytest.mark.parametrize("text, span, interval, unit, shape", [
    ("over 80% of the global supply", "over 80%", Interval(80, 100, lo_open=True), "%", "bound"),
    ("more than 70% of global supply", "more than 70%", Interval(70, 100, lo_open=True), "%", "bound"),
    ("almost 1%", "almost 1%", Interval(0.9, 1, hi_open=True), "%", "approx"),
    ("triple-digit figures", "triple-digit", Interval(100, 999), "", "vague"),
    ("a 10 percent tariff", "10 percent", Interval(10, 10), "%", "exact"),
    ("10-11 percent", "10-11 percent", Interval(10, 11), "%", "range"),
    ("between 20 and 30 per cent", "between 20 and 30 per cent", Interval(20, 30), "%", "range"),
    ("the 39,000-bottle wine cellar", "39,000-bottle", Interval(39000, 39000), "bottle", "exact"),
    ("the 90-day truce", "90-day", Interval(90, 90), "day", "exact"),
    ("a 90 -day break", "90 -day", Interval(90, 90), "day", "exact"),
    ("More than 20 hours of negotiations", "More than 20 hours", Interval(20, math.inf, lo_open=True), "hour", "bound"),
    ("about 200 people", "about 200", Interval(190, 210), "", "approx"),
    ("a $1.2bn deal", "$1.2bn", Interval(1.2e9, 1.2e9), "USD", "exact"),
    ("5 million yuan", "5 million yuan", Interval(5e6, 5e6), "CNY", "exact"),
    # a thousand million, as a translation keeps it; with its decimal comma
    ("worth 2,4 milliard euros", "2,4 milliard euros", Interval(2.4e9, 2.4e9), "EUR", "exact"),
    ("the median age has passed to 41,6 years", "41,6 years", Interval(41.6, 41.6), "year", "exact"),
    # money several countries name alike: the story's country says which
    ("a 4.5 billion dinar package", "4.5 billion dinar", Interval(4.5e9, 4.5e9), "dinar", "exact"),
    ("fined 300,000 Swiss francs", "300,000 Swiss francs", Interval(3e5, 3e5), "CHF", "exact"),
    # a currency's ISO code before the figure
    ("sold for CZK 18.6 billion", "CZK 18.6 billion", Interval(1.86e10, 1.86e10), "CZK", "exact"),
    ("a SEK 450m fine", "SEK 450m", Interval(4.5e8, 4.5e8), "SEK", "exact"),
    ("up to 30%", "up to 30%", Interval(0, 30), "%", "bound"),
    # "MM", finance's million, only after a currency sign: "35mm" and "a 35-mm lens" are millimetres
    ("a $200MM deal", "$200MM", Interval(2e8, 2e8), "USD", "exact"),
    ("a $5-MM fee", "$5-MM", Interval(5e6, 5e6), "USD", "exact"),
    ("shot on 35mm film", "35mm", Interval(35, 35), "millimeter", "exact"),
    ("a 35-mm lens", "35-mm", Interval(35, 35), "millimeter", "exact"),
])
def test_parse(text, span, interval, unit, shape):
    got = q(text, share=" of " in text)
    assert got.text == span
    assert got.interval == interval
    assert got.unit == unit
    assert got.shape == shape


def test_no_figure_inside_words_or_ordinals():
    texts = ["trade tensions eased", "on the 9th", "his often repeated line"]
    for t in texts:
        assert [m.group(0) for m in quantity_regex().finditer(t)] == [], t


@pytest.mark.parametrize("text, value", [("seven", 7), ("twenty-five", 25), ("39,000", 39000), ("a third", 1 / 3),
                                         ("1.2bn", 1.2e9), ("half", 0.5), ("3 million", 3e6)])
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@given(st.integers(min_value=0, max_value=10_000))
def test_percent_spellings_are_one_value(n):
    forms = [f"{n}%", f"{n} percent", f"{n} per cent"]
    values = {(q(f).interval, q(f).unit, q(f).dimension) for f in forms}
    assert len(values) == 1


@given(st.floats(min_value=0.1, max_value=1e6, allow_nan=False), st.sampled_from(["more than", "at least", "under", "up to", "about", "nearly"]))
def test_interval_holds_its_stated_bound_side(v, qualifier):
    text = f"{qualifier} {v:.1f}%"
    got = q(text)
    stated = float(f"{v:.1f}")
    if qualifier in ("more than", "at least"):
        assert got.interval.lo == stated and got.interval.hi > stated
    elif qualifier in ("under", "up to"):
        assert got.interval.hi == stated and got.interval.lo < stated
    elif qualifier == "about":
        assert got.interval.lo < stated < got.interval.hi
    else:
        assert got.interval.hi == stated and got.interval.hi_open


@pytest.mark.parametrize("text, lo, hi", [("nearly 49 million crowns", 48e6, 49e6), ("nearly 390 beds", 380, 390),
                                          ("nearly 50 million", 45e6, 50e6), ("almost 5%", 4.5, 5),
                                          ("nearly forty people", 36, 40)],
                         ids=["last-digit", "before-its-zero", "round-capped", "capped", "in-words"])
def test_nearly_is_just_under_the_figure_by_one_of_its_last_digit(text, lo, hi):
    """"nearly 49 million" is between 48 and 49 million, so not the 46.8 million another source gives; "nearly 390"
    may be 386 (one of the tens, the last digit before its zero). Never more than a tenth under, and a figure in words
    keeps that tenth."""
    got = q(text)
    assert (got.interval.lo, got.interval.hi, got.interval.hi_open) == pytest.approx((lo, hi, True))


@given(st.integers(1, 1000), st.integers(1, 1000))
def test_exact_figures_agree_only_when_equal(a, b):
    v = compare_quantities(q(f"{a}%"), q(f"{b}%"))
    assert v.relation == (AGREE if a == b else CONTRADICT)


def test_comparison_semantics():
    assert compare_quantities(q("over 80%", True), q("more than 70%", True)).relation == DIVERGE
    assert compare_quantities(q("145%"), q("triple-digit")).relation == AGREE  # the magnitude takes the unit
    assert compare_quantities(q("45%"), q("triple-digit")).relation == CONTRADICT
    assert compare_quantities(q("two days"), q("More than 20 hours")).relation == AGREE
    assert compare_quantities(q("two days"), q("under 20 hours")).relation == CONTRADICT
    assert compare_quantities(q("30%"), q("30 days")) is None
    assert compare_quantities(q("about 200"), q("205")).relation == AGREE


def test_dates():
    assert parse_date("Tuesday, June 10, 2025").normalised == "2025-06-10"
    assert parse_date("June 9-10").normalised == "????-06-09/10"
    assert parse_date("15 of March").normalised == "????-03-15"
    assert parse_date("2025-06-11").normalised == "2025-06-11"
    assert parse_date("last month") is None
    assert compare_dates(parse_date("June 9"), parse_date("June 9-10")).relation == AGREE
    assert compare_dates(parse_date("June 9"), parse_date("June 12")).relation == CONTRADICT


@pytest.mark.parametrize("text, normalised", [
    ("256GB", "256 gigabyte"), ("a 10kW array", "10 kilowatt"), ("~1.2mm", "[1.14, 1.26] millimeter"),
    ("1.38pc", "1.38%"), ("USD10m", "1e+07 USD"), ("A$5 million", "5e+06 AUD"), ("4 hundred million", "4e+08"),
    ("between 15kHz and 17kHz", "[15, 17] kilohertz"), ("ranging from $200 to $4 million", "[200, 4e+06] USD"),
    ("from $10 to $15 billion", "[1e+10, 1.5e+10] USD"), ("-5 yards", "-5 yard"),
])
def test_units_codes_scales_and_signs(text, normalised):
    from checker.values.numbers import iter_quantities

    got = [q.normalised for _, _, q in iter_quantities(text)]
    assert got == [normalised]


@pytest.mark.parametrize("text, figures", [
    ("fell 0.4 per cent to 13,176", ["0.4%", "13176"]),  # not a range: the unit is the first figure's
    ("Dow +0.2% Nasdaq -0.8%", ["0.2%", "-0.8%"]),
    ("a 5 m wall", ["5"]),  # "5m" is five million; "5 m" is not
])
def test_what_is_not_one_range(text, figures):
    from checker.values.numbers import iter_quantities

    assert [q.normalised for _, _, q in iter_quantities(text)] == figures


@pytest.mark.parametrize("text, figure", [
    ("a mirror built from 61 hexagonal segments", "61"),  # "from" opens no range here: the figure alone
    ("chosen from 1,200 applicants", "1,200"),
    ("between 40 delegates", "40"),
])
def test_a_range_word_before_a_lone_figure_is_not_the_figure(text, figure):
    [(start, end, q)] = list(iter_quantities(text))
    assert text[start:end] == q.text == figure


@pytest.mark.parametrize("text, figures", [
    ("inflation climbed to 6,8 % in October", ["6.8%"]),  # not 6 and 8%
    ("raised the rate to 4,75 %", ["4.75%"]),
    ("a loss of 2,5 million euros", ["2.5e+06 EUR"]),
    ("at a depth of 12,5 km", ["12.5 kilometer"]),
    ("1,500 tonnes", ["1500 metric_ton"]),  # three digits after the comma: thousands
    ("pages 3,4 and 5", ["3", "4", "5"]),  # no unit after it: a list
])
def test_a_decimal_comma_before_a_unit_is_a_decimal_point(text, figures):
    assert [q.normalised for _, _, q in iter_quantities(text)] == figures


@pytest.mark.parametrize("text, figures", [
    ("1.200.000 people", ["1.2e+06"]),  # two points: thousands, never a decimal
    ("a slick 6 nautical miles long", ["6 nautical_mile"]),
    ("pay 28,000 florins in costs", ["28000 AWG"]),
    ("a fine of 40,000 zlotys", ["40000 PLN"]),
    ("the airport reached 46.3C (115.3F)", ["46.3 degree_Celsius", "115.3 degree_Fahrenheit"]),
    ("a 46.3c reading", ["46"]),  # a unit's letter after the digits counts only as written
])
def test_how_europe_and_the_sea_write_figures(text, figures):
    assert [q.normalised for _, _, q in iter_quantities(text)] == figures


def test_a_count_or_an_amount_to_three_decimals_is_in_thousands():
    """"18.000 florins", "58.400 fans": no one counts fans or florins to a thousandth; a point before three digits
    groups thousands there. A measure keeps its decimals, and so does a figure with a scale word."""
    from checker.values.numbers import points_as_thousands

    def read(text):
        [(_, _, q)] = list(iter_quantities(text))
        return points_as_thousands(q)

    assert read("18.000 euros").interval == Interval(18000, 18000)
    assert read("nearly 46.750 florins").interval == Interval(46740, 46750, hi_open=True)
    assert read("1.500 billion euros").value == 1.5e9
    assert read("18.5 euros").value == 18.5
    assert read("46.75 euros").value == 46.75


def test_a_decimal_comma_is_written_to_its_decimals():
    [(_, _, q)] = list(iter_quantities("rose 6,8 %"))
    [(_, _, p)] = list(iter_quantities("rose 6.8%"))
    assert q.step == p.step == pytest.approx(0.1)
    assert compare_quantities(q, p).relation == AGREE


@pytest.mark.slow
@pytest.mark.parametrize("text, figures", [
    # a movement and the level it ends at, which the parse tells from a range
    ("The deficit increased by $43.6 billion to $419.2 billion.", [("4.36e+10 USD", "up"), ("4.192e+11 USD", "up-to")]),
    ("Sales rose $4bn to $41bn.", [("4e+09 USD", "up"), ("4.1e+10 USD", "up-to")]),
    ("Horsepower jumped from 240 to 273.", [("240", "up-from"), ("273", "up-to")]),
    ("Bitcoin plummeted from $36,040 at 10pm to $34,935 at 5am.", [("36040 USD", "down-from"), ("34935 USD", "down-to")]),
    ("Revenue rose to $7.36 billion from $6.78 billion.", [("7.36e+09 USD", "up-to"), ("6.78e+09 USD", "up-from")]),
    # the phrase on the noun the verb moves
    ("The works will raise the stadium's capacity from 14,500 to 21,000 seats.", [("14500", "up-from"),
                                                                                   ("21000 seat", "up-to")]),
    # ranges stay ranges
    ("The agency would impose a fine of $3 billion to $5 billion.", [("[3e+09, 5e+09] USD", "")]),
    ("Prices range from $370,000 to $5.5 million.", [("[370000, 5.5e+06] USD", "")]),
    ("Over the past three or four years, lenders changed.", [("[3, 4] year", "")]),
])
def test_movements_are_not_ranges(nlp, text, figures):
    doc = nlp(text)
    got = [(s._.quantity.normalised, s._.quantity.change) for s in doc.spans["quantities"]]
    assert got == figures


@pytest.mark.slow
@pytest.mark.parametrize("text, figures", [
    ("The Dow fell, the S&P 500 was flat and the FTSE 100 rose 2%.", ["2%"]),  # index names
    ("The airline ordered Boeing 737 jets.", []),  # a model: the name and the number modify one noun
    ("Seats: Civic Union 25 seats, Green Alliance 17, independents 3.", ["25 seat", "3"]),  # a count after a name
    ("A category 4 storm hit Section 230 of the law.", []),  # identifiers
    ("The office at 575 Elm Road sold for $2m.", ["2e+06 USD"]),  # addresses
    ("Trading opened at 0401 GMT with 300 contracts.", ["300 contract"]),  # clock times
    ("The club ended 2-2 after leading 3-1.", ["2-2", "3-1"]),  # scores are one claim of two numbers
    ("The 24/7 desk covered the 9/11 anniversary.", []),
    ("Pupils at PS 150 stream lessons in 1080p on a PS5.", []),  # a school, a resolution, a console
    ("In a week 40 people died.", ["40 people"]),  # a count after a noun that can label ("Week 5") is a count
    ("By 2000, 2,000 tents and 1,950 beds were ready.", ["2000 tent", "1950 bed"]),  # a year has no comma
    ("A $143-billion bailout and a 170,000-square-foot hall.", ["1.43e+11 USD", "170000 foot ** 2"]),
    # volumes, in words, symbols and hyphenated before a noun
    ("Exactly 40 million cubic metres poured out of a 5,000-cubic-metre tank, 300,000 m3 and 20 m³ in all.",
     ["4e+07 meter ** 3", "5000 meter ** 3", "300000 meter ** 3", "20 meter ** 3"]),
    ("The slide moved 2.5 cubic kilometres (0.6 cubic miles) and 7 cu m of a 40 km² slope.",
     ["2.5 kilometer ** 3", "0.6 mile ** 3", "7 meter ** 3", "40 kilometer ** 2"]),
    ("It patched a zero-day flaw in a zero-sum game.", []),  # terms whose number names a kind of thing
    ("Take 1/2 pound of flour and 1/16 of a pint of milk.", ["0.0625"]),
    ("One in five adults and two-thirds of voters agreed; half the members left.", ["0.2", "0.666667", "0.5"]),
    ("The fund rose 6.5% to 164p, or PS8.1bn, while the PS5 console sold Y=5,182.", ["6.5%", "164 GBX", "8.1e+09 GBP", "5182 JPY"]),
    ("It is a million dollar house, worth USD10m.", ["1e+06 USD", "1e+07 USD"]),
    ("Temperatures were 2.14degF (1.19deg C) higher.", ["2.14 degree_Fahrenheit", "1.19 degree_Celsius"]),
])
def test_what_names_rather_than_measures_and_other_hard_cases(nlp, text, figures):
    doc = nlp(text)
    got = [s._.quantity.normalised for s in doc.spans["quantities"]]
    assert got == figures


@pytest.mark.slow
@pytest.mark.parametrize("text, figures", [
    ("The final lasted 4 hours 52 minutes.", [("4 hours 52 minutes", "292 minute")]),
    ("a match that ran to four hours and 52 minutes", [("four hours and 52 minutes", "292 minute")]),
    ("Last year's final lasted about 3 hours 41 minutes.", [("about 3 hours 41 minutes", "[209.95, 232.05] minute")]),
    ("They were trapped for 2 days, 6 hours.", [("2 days, 6 hours", "54 hour")]),
    # two durations, not one: the smaller first, or a count of the smaller too large to be a part
    ("It took 90 minutes and 3 hours.", [("90 minutes", "90 minute"), ("3 hours", "3 hour")]),
    ("He waited 3 hours and 75 minutes.", [("3 hours", "3 hour"), ("75 minutes", "75 minute")]),
])
def test_a_duration_in_two_units_is_one_figure_in_the_smaller(nlp, text, figures):
    doc = nlp(text)
    assert [(s.text, s._.quantity.normalised) for s in doc.spans["quantities"]] == figures


@pytest.mark.slow
@pytest.mark.parametrize("text, figures", [
    ("Trading was halted twice under the circuit breakers.", [("twice", "2 time")]),
    ("The bill was twice rejected by parliament.", [("twice", "2 time")]),
    ("Trading was halted three times.", [("three", "3 time")]),
    # a ratio or a frequency, not how many times something was done
    ("The index fell twice as much as in 2008.", []),
    ("The company now has twice the staff.", []),
    ("The council meets twice a week.", []),
    ("Patients are checked twice daily.", []),
])
def test_twice_counts_the_times_an_act_was_done(nlp, text, figures):
    doc = nlp(text)
    assert [(s.text, s._.quantity.normalised) for s in doc.spans["quantities"]] == figures


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "About 3,200 protesters descended on the town on Sunday.",
    "An estimated 3,200 protesters descended on the town on Sunday.",  # the article heads the span
])
def test_a_number_counts_the_noun_it_stands_before(nlp, text):
    doc = nlp(text)
    assert [(s._.quantity.unit, s._.quantity.dimension) for s in doc.spans["quantities"]] == [("protester", "count")]


@pytest.mark.slow
def test_an_area_written_before_its_noun_is_an_area(nlp):
    """"the 45-hectare (111-acre) training ground": hectares and acres written in the singular, joined to the
    figure, are areas, which a bracket converts (NUM004), not counts of a noun."""
    doc = nlp("The club will rebuild its 45-hectare (111-acre) training ground.")
    assert [(s.text, s._.quantity.dimension) for s in doc.spans["quantities"]] == [
        ("45-hectare", "physical:[length] ** 2"), ("111-acre", "physical:[length] ** 2")]


@pytest.mark.slow
def test_a_bracketed_conversion_keeps_the_qualifier(nlp):
    doc = nlp("The moths can fly more than 100 kilometers (60 miles).")
    after = doc.spans["quantities"][-1]._.quantity
    assert (after.text, after.qualifier, str(after.interval)) == ("60 miles", "more than", "(60, inf)")


@given(st.integers(1, 5000), st.sampled_from([("kilometer", "mile"), ("kilogram", "pound"), ("degree_Celsius", "degree_Fahrenheit"),
                                               ("kilometer / hour", "mile / hour"), ("day", "hour")]))
def test_conversions_round_trip(n, units):
    from checker.values.numbers import unit_registry

    ureg = unit_registry()
    a, b = units
    there = ureg.Quantity(n, a).to(b)
    back = there.to(a).magnitude
    assert back == pytest.approx(n, rel=1e-9)


def test_the_same_distance_in_two_units_agrees():
    assert compare_quantities(q("60 kilometres"), q("37 miles")).relation == AGREE
    assert compare_quantities(q("60 kilometres"), q("45 miles")).relation == CONTRADICT
    assert compare_quantities(q("100 km/h"), q("62 mph")).relation == AGREE
    assert compare_quantities(q("20°C"), q("68°F")).relation == AGREE
    assert compare_quantities(q("60 kilometres"), q("60 kg")) is None  # never across dimensions


@pytest.mark.slow
def test_a_verbs_up_to_is_the_level_it_reaches_not_a_bound(nlp):
    """"will go up to €14.35 an hour": the wage's new level, which other outlets give as "will rise to €14.60"; "can go
    up to" is as far as it may go, and "up to 300 people" a bound."""
    doc = nlp("The minimum wage will go up to €14.35 an hour. Fines can go up to €10,000. Up to 300 people were hurt.")
    got = [(s.text, s._.quantity.shape, s._.quantity.change) for s in doc.spans["quantities"]]
    assert got == [("€14.35", "exact", "up-to"), ("up to €10,000", "bound", ""), ("Up to 300", "bound", "")]


@pytest.mark.slow
def test_movements_are_kept_apart_from_qualifiers(nlp):
    doc = nlp("Tesla shares were up nearly 57% this year. The index fell 0.9% to 4,100 while exports rose by 3%.")
    got = {s.text: (s._.quantity.qualifier, s._.quantity.change) for s in doc.spans["quantities"]}
    assert got == {"nearly 57%": ("nearly", "up"), "0.9%": ("", "down"), "4,100": ("", "down-to"), "3%": ("", "up")}


def test_relative_dates_need_the_article_date():
    from checker.values.dates import parse_article_date, resolve

    article = parse_article_date("2025-06-11")  # a Wednesday
    assert resolve("on Tuesday", article).normalised == "2025-06-10"
    assert resolve("yesterday", article).normalised == "2025-06-10"
    assert resolve("last month", article).normalised == "2025-05-01/31"
    # No article date: no calendar date is guessed; a weekday stays a weekday, and nothing else is kept.
    tuesday = resolve("on Tuesday", None)
    assert (tuesday.year, tuesday.month, tuesday.weekday, tuesday.normalised) == (None, 0, 1, "Tuesday")
    assert resolve("last Friday", None).normalised == "Friday"
    assert resolve("yesterday", None) is None and resolve("last month", None) is None


@pytest.mark.slow
def test_article_date_resolves_dates_in_claims(tmp_path):
    from checker.run import check

    (tmp_path / "a.md").write_text("---\ndate: 2025-06-11\n---\nThe council voted on Tuesday to close the bridge on June 20.\n", "utf-8")
    (tmp_path / "b.txt").write_text("The council voted on Tuesday to close the bridge on June 20.\n", "utf-8")
    result = check(tmp_path)
    dates = {(c.source, c.span): c.normalised for c in result.claims if c.kind == "date"}
    assert dates[("a", "Tuesday")] == "2025-06-10"
    assert dates[("a", "June 20")] == "2025-06-20"
    assert dates[("b", "June 20")] == "????-06-20"
    assert dates[("b", "Tuesday")] == "Tuesday"  # no article date: a weekday, no calendar date guessed


def test_a_share_in_words_compares_with_a_percentage():
    assert compare_quantities(q("one in four voters"), q("25% of voters")).relation == AGREE
    assert compare_quantities(q("a third of voters"), q("33% of voters")).relation == AGREE
    assert compare_quantities(q("a third of voters"), q("45% of voters")).relation == CONTRADICT


@pytest.mark.parametrize("text, figures", [
    ("The satellite Tallow-1 of 1,200 kilograms reached orbit.", ["1,200 kilograms"]),  # a name's number
    ("The Kestrel-2 of 6 engines failed.", ["6"]),
    ("About 1 in 10 homes lost power.", ["About 1 in 10"]),
    ("3 of 4 judges agreed.", ["3 of 4"]),
])
def test_a_number_ending_a_hyphened_name_starts_no_share(text, figures):
    """"Tallow-1 of 1,200 kilograms": the 1 is the satellite's name's, not one of 1,200."""
    assert [q.text for _, _, q in iter_quantities(text, share_at=lambda _end: False)] == figures


def test_scores_agree_only_when_both_numbers_do():
    assert compare_quantities(q("won 3-1"), q("a 3-1 win")).relation == AGREE
    assert compare_quantities(q("won 3-1"), q("won 3-2")).relation == CONTRADICT
    assert compare_quantities(q("won 3-1"), q("3 goals")) is None


def test_a_figure_rounded_by_one_source_agrees():
    assert compare_quantities(q("0.7 percent"), q("0.68 per cent")).relation == AGREE
    assert compare_quantities(q("$1.2 billion"), q("$1.23 billion")).relation == AGREE
    assert compare_quantities(q("80%"), q("79.6%")).relation == AGREE
    assert compare_quantities(q("0.7 percent"), q("0.62 per cent")).relation == CONTRADICT  # 0.62 rounds to 0.6
    assert compare_quantities(q("$1.2 billion"), q("$1.31 billion")).relation == CONTRADICT
    assert compare_quantities(q("0.7%"), q("0.6%")).relation == CONTRADICT  # same precision: different figures


@pytest.mark.parametrize("text, value", [("250 000 dollars", 250000), ("41 262 spectators", 41262),
                                         ("12 345 678 euros", 12345678), ("250\u00a0000 euros", 250000)])
def test_thousands_grouped_with_spaces_are_one_figure(text, value):
    (found,) = [q for _, _, q in iter_quantities(text, share_at=lambda _end: False)]
    assert found.value == value and found.step == 1


@pytest.mark.parametrize("text", ["June 5 100 people were evacuated", "In 2019 200 people came", "1 500 people"])
def test_a_single_digit_or_a_year_before_a_number_is_not_a_thousands_group(text):
    values = [q.value for _, _, q in iter_quantities(text, share_at=lambda _end: False)]
    assert all(v < 10000 for v in values), values


def test_a_run_of_digits_too_long_for_a_float_is_no_figure():
    """400 digits read as a float are infinity, which no comparison or message can use."""
    assert list(iter_quantities("1" * 400)) == []
    found = [q for _, _, q in iter_quantities("between 5 and " + "9" * 400 + " people")]
    assert found and all(math.isfinite(q.value) and math.isfinite(q.interval.hi) for q in found)


# The figure pattern is written for speed: each word list as a trie (values/patterns.alternation) and a first line that
# turns away the inside of a word (_OUTSIDE_A_WORD). It must find what its plain form finds, at every place.

def _flat(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _matches(pattern: re.Pattern[str], text: str) -> list:
    """What the pattern matches from each place of the text: where, and each group."""
    return [(m.span(), m.groups()) if (m := pattern.match(text, pos)) else None for pos in range(len(text) + 1)]


@given(st.lists(st.text(alphabet="aAbmMsſ .", max_size=3), max_size=8), st.text(alphabet="aAbmMsſ .x", max_size=16),
       st.booleans())
@example(["a", "ab"], "ab", False)  # the longer word first
@example(["M", "ma"], "ma", True)  # two branches begin alike, case aside: the longer word first still
@example(["s", "ſa"], "sa", True)  # ... and the long s is an s
def test_a_word_list_as_a_trie_matches_what_the_flat_alternation_matches(words, text, ignore_case):
    flags = re.IGNORECASE if ignore_case else 0
    # What follows the words is matched too, so that the order in which the words are tried shows.
    tail = r"(a*)(b|\.|$)"
    trie = re.compile(f"((?:{alternation(words)})){tail}", flags)
    flat = re.compile(f"((?:{_flat(words)})){tail}", flags)
    assert _matches(trie, text) == _matches(flat, text)


@cache
def _plain_figure_pattern() -> re.Pattern[str]:
    fast = numbers.alternation
    numbers.alternation = _flat
    try:
        figure = numbers.NumberGrammar(default_vocabulary()).figure
    finally:
        numbers.alternation = fast
    return re.compile(figure.pattern.replace(numbers._OUTSIDE_A_WORD, "", 1), figure.flags)


def _searched(pattern: re.Pattern[str], text: str) -> list:
    """The figures as iter_quantities reads them: each search from the end of the last."""
    out, pos = [], 0
    while (m := pattern.search(text, pos)) is not None:
        out.append((m.span(), m.groupdict()))
        pos = max(m.end(), pos + 1)
    return out


def test_the_figure_pattern_finds_what_its_plain_form_finds_in_real_copy():
    plain, fast = _plain_figure_pattern(), quantity_regex()
    assert plain.pattern != fast.pattern
    paragraphs = [p for f in sorted([*CORPUS.glob("*.txt"), *(ROOT / "tests" / "stories").glob("*/*.txt")])
                  for p in f.read_text("utf-8").split("\n") if p.strip()]
    assert len(paragraphs) > 300
    found = 0
    for text in paragraphs:
        figures = _searched(fast, text)
        assert figures == _searched(plain, text), text
        found += len(figures)
    assert found > 400


_PIECES = ["5", "1,200", "0.5", ".5", "19", "US$", "$", "€", "£", "about", "more than", "nearly", "~", "sub-", "half",
           "one", "twenty", "-five", "in", "of", "every", "out", "between", "from", "and", "to", "-", "−", "+", "minus",
           "million", "bn", "m", "MM", "%", "per cent", "km", "mph", "day", "square-foot", "a", "x", "COVID", "é", "_",
           "K", "/", "9/11", "1/2", "first", "dozens", "the"]


@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(["", " ", "  ", ", "])), max_size=12))
@example([("x", ""), ("~", ""), ("5", "")])  # a figure may begin right after a letter, at a sign
@example([("5", ""), ("$", ""), ("5", "")])  # ... or after a digit
@example([("é", ""), ("$", ""), ("5", "")])  # ... or after a letter that is not A to Z
@example([("_", ""), ("5", " "), ("km", "")])
@example([("COVID", ""), ("19", "")])  # and never inside a word
def test_the_figure_pattern_finds_what_its_plain_form_finds_wherever_words_meet(pieces):
    text = "".join(piece + gap for piece, gap in pieces)
    assert _searched(quantity_regex(), text) == _searched(_plain_figure_pattern(), text)


@pytest.mark.parametrize("dask_first", [False, True])
def test_pint_s_registry_is_built_without_importing_dask_and_dask_imports_after(dask_first):
    import subprocess
    import sys

    code = ("import sys\n" + ("import dask\n" if dask_first else "") +
            "from checker.values.numbers import to_base\n"
            "print(to_base(60.0, 'mile'), any(m == 'dask' or m.startswith('dask.') for m in sys.modules))\n"
            "import dask.bag\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["(96560.64,", "'meter')", str(dask_first)]


@pytest.mark.parametrize("text, interval, qualifier", [
    ("fewer than 26 homers", Interval(26, math.inf), "not fewer than"),
    ("more than 40 ships", Interval(0, 40), "not more than"),
    ("at least 30 seats", Interval(0, 30, hi_open=True), "not at least"),
    ("at most 12 boats", Interval(12, math.inf, lo_open=True), "not at most"),
    ("not more than 40 ships", Interval(40, math.inf, lo_open=True), "more than"),  # denied twice
])
def test_a_denied_bound_turns_over(text, interval, qualifier):
    flipped = numbers.negated(q(text))
    assert flipped is not None
    assert (flipped.interval, flipped.qualifier, flipped.value) == (interval, qualifier, q(text).value)


@pytest.mark.parametrize("text", ["26 homers", "about 26 homers", "nearly 40 ships", "between 20 and 30 ships"])
def test_a_denied_figure_that_is_no_bound_says_nothing(text):
    assert numbers.negated(q(text)) is None


def test_a_denied_bound_written_out_is_a_bound():
    assert q("not more than 40 ships").interval == Interval(0, 40)
    assert q("not fewer than 26 homers").interval == Interval(26, math.inf)
