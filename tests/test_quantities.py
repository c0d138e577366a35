"""Figures: parsing, intervals and the comparison that judges them."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.claims.dates import parse_date
from checker.claims.quantity import parse_number, parse_quantity, quantity_regex
from checker.claims.types import Interval
from checker.reconcile.compare import AGREE, CONTRADICT, DIVERGE, compare_dates, compare_quantities


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
    ("up to 30%", "up to 30%", Interval(0, 30), "%", "bound"),
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
    from checker.claims.quantity import iter_quantities

    got = [q.normalised for _, _, q in iter_quantities(text)]
    assert got == [normalised]


@pytest.mark.parametrize("text, figures", [
    ("fell 0.4 per cent to 13,176", ["0.4%", "13176"]),  # not a range: the unit is the first figure's
    ("increased by $43.6 billion to $419.2 billion", ["4.36e+10 USD", "4.192e+11 USD"]),
    ("Dow +0.2% Nasdaq -0.8%", ["0.2%", "-0.8%"]),
    ("a 5 m wall", ["5"]),  # "5m" is five million; "5 m" is not
])
def test_what_is_not_one_range(text, figures):
    from checker.claims.quantity import iter_quantities

    assert [q.normalised for _, _, q in iter_quantities(text)] == figures


@given(st.integers(1, 5000), st.sampled_from([("kilometer", "mile"), ("kilogram", "pound"), ("degree_Celsius", "degree_Fahrenheit"),
                                               ("kilometer / hour", "mile / hour"), ("day", "hour")]))
def test_conversions_round_trip(n, units):
    from checker.claims.quantity import unit_registry

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


def test_movements_are_kept_apart_from_qualifiers(nlp):
    doc = nlp("Tesla shares were up nearly 57% this year. The index fell 0.9% to 4,100 while exports rose by 3%.")
    got = {s.text: (s._.quantity.qualifier, s._.quantity.change) for s in doc.spans["quantities"]}
    assert got == {"nearly 57%": ("nearly", "up"), "0.9%": ("", "down"), "4,100": ("", "down-to"), "3%": ("", "up")}


def test_relative_dates_need_the_article_date():
    from checker.claims.dates import parse_article_date, resolve

    article = parse_article_date("2025-06-11")  # a Wednesday
    assert resolve("on Tuesday", article).normalised == "2025-06-10"
    assert resolve("yesterday", article).normalised == "2025-06-10"
    assert resolve("last month", article).normalised == "2025-05-01/31"
    assert resolve("on Tuesday", None) is None  # no article date: not guessed


def test_article_date_resolves_dates_in_claims(tmp_path):
    from checker.run import check

    (tmp_path / "a.md").write_text("---\ndate: 2025-06-11\n---\nThe council voted on Tuesday to close the bridge on June 20.\n", "utf-8")
    (tmp_path / "b.txt").write_text("The council voted on Tuesday to close the bridge on June 20.\n", "utf-8")
    result = check(tmp_path)
    dates = {(c.source, c.span): c.normalised for c in result.claims if c.kind == "date"}
    assert dates[("a", "Tuesday")] == "2025-06-10"
    assert dates[("a", "June 20")] == "2025-06-20"
    assert dates[("b", "June 20")] == "????-06-20"
    assert ("b", "Tuesday") not in dates
