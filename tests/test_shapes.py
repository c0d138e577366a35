"""The shapes of disagreement real coverage has, on text written for the test, through the real
pipeline: amounts worded differently, a scale slip, a duration, the date of a call, a share worded
differently, a weekday, a wrong conversion, a first name in aligned sentences."""

from __future__ import annotations

import pytest
from conftest import write_corpus

from checker.run import check

pytestmark = pytest.mark.slow


def findings(tmp_path, *texts, rule=None):
    result = check(write_corpus(tmp_path, *texts))
    return [f for f in result.findings if rule is None or f.rule == rule]


def flagged(f) -> list[tuple[str, str]]:
    return [(e.source, e.span) for e in f.evidence if e.flagged]


RESULTS = "Halvek Motors reports third-quarter loss\n\n"


def test_an_amount_worded_three_ways_is_one_quantity_and_the_swapped_digits_are_found(tmp_path):
    (f,) = findings(
        tmp_path,
        RESULTS + "Halvek Motors reported a third-quarter net loss of 240 million euros on Thursday.\n",
        RESULTS + "The carmaker said it lost 240 million euros in the three months to September.\n",
        RESULTS + "The headline number was ugly: a net loss of €420 million for the quarter.\n", rule="NUM001")
    assert flagged(f) == [("s2", "€420 million")]
    assert "same frame (loss" in f.explanation.grouped_because


def test_a_scale_slip_in_revenue_stated_with_a_copula(tmp_path):
    (f,) = findings(
        tmp_path,
        RESULTS + "Revenue in the quarter rose 4.2% to 3.1 billion euros, helped by strong demand.\n",
        RESULTS + "Revenue for the three months climbed to €3.1bn, up about 4% on a year ago.\n",
        RESULTS + "Revenue was 3.1 million euros, up 4.2% on the same period last year.\n", rule="NUM001")
    assert flagged(f) == [("s2", "3.1 million euros")]


def test_a_forecast_is_not_set_against_the_result(tmp_path):
    assert findings(
        tmp_path,
        RESULTS + "Operating profit fell to 310 million euros. Analysts had expected operating profit of 330 million euros.\n",
        RESULTS + "Halvek's operating profit came in at 310 million euros.\n", rule="NUM001") == []


TRUCE = "Zorbia and Kelland pause tariffs\n\n"


def test_a_changed_duration_and_the_date_of_a_call(tmp_path):
    fs = findings(
        tmp_path,
        TRUCE + "Zorbia and Kelland agreed on Monday to a 90-day pause in new tariffs, officials said.\n"
                "The two leaders spoke by phone on June 5 and agreed to meet in Geneva.\n",
        TRUCE + "Zorbia and Kelland have agreed to a 120-day pause in new tariffs, the trade ministry said.\n"
                "The leaders held a phone call on June 4 and agreed to meet in Geneva.\n")
    by_rule = {f.rule: f for f in fs}
    assert {e.span for e in by_rule["NUM001"].evidence} == {"90-day", "120-day"}
    assert {e.span for e in by_rule["DATE001"].evidence} == {"June 5", "June 4"}
    # One source against one: both sides quoted, neither flagged, and the message says so.
    assert not any(e.flagged for e in by_rule["DATE001"].evidence)
    assert "aligned sentences" in by_rule["DATE001"].explanation.grouped_because


def test_a_share_worded_differently_is_one_quantity(tmp_path):
    (f,) = findings(
        tmp_path,
        TRUCE + "Zorbia, which holds about 70% of world output of cobalt, will resume exports.\n",
        TRUCE + "Zorbia controls over 80% of the global supply of cobalt.\n", rule="NUM001")
    assert {e.span for e in f.evidence} == {"about 70%", "over 80%"}
    assert "same frame (supply" in f.explanation.grouped_because


def test_agreeing_shares_worded_differently_give_nothing(tmp_path):
    assert findings(
        tmp_path,
        TRUCE + "Zorbia, which holds about 90% of world output of cobalt, will resume exports.\n",
        TRUCE + "Zorbia controls over 80% of the global supply of cobalt.\n", rule="NUM001") == []


STORM = "Storm cuts power to coastal towns\n\n"


def test_a_changed_weekday_in_undated_articles(tmp_path):
    fs = findings(
        tmp_path,
        STORM + "The storm made landfall near Port Ellery on Tuesday, cutting power to thousands of homes along the coast.\n",
        STORM + "The storm made landfall near Port Ellery on Tuesday night, cutting power to homes along the coast.\n",
        STORM + "The storm made landfall near Port Ellery on Wednesday, cutting power to thousands of homes on the coast.\n",
        rule="DATE001")
    (f,) = fs
    assert flagged(f) == [("s2", "Wednesday")]
    assert "different days of the week" in f.message


def test_a_wrong_conversion_in_brackets(tmp_path):
    (f,) = findings(
        tmp_path,
        STORM + "The storm made landfall 40 miles (89 km) south of Port Ellery.\n",
        STORM + "Winds reached 90 mph (145 km/h) at the coast.\n", rule="NUM004")
    assert flagged(f) == [("s0", "89 km")]


def test_a_first_name_changed_in_one_source_of_aligned_sentences(tmp_path):
    (f,) = findings(
        tmp_path,
        "Singer enters rehab\n\nSinger Tara Reid checked into a treatment centre in Malibu on Tuesday, her representative told the magazine.\n",
        "Singer enters rehab\n\nTara Reid has checked into a Malibu treatment centre, her representative told the magazine.\n",
        "Singer enters rehab\n\nJacqueline Reid checked into a treatment centre in Malibu, her representative told the magazine.\n",
        rule="NAME001")
    assert flagged(f) == [("s2", "Jacqueline Reid")]
    assert "aligned sentences" in f.message


def test_a_weekday_the_calendar_does_not_give_the_day(tmp_path):
    """January 6, 2009 was a Tuesday: "on Monday (Jan. 6)" in an article of January 7 is at odds with
    itself, and against an undated outlet's "on Tuesday" the named weekday is what can be compared."""
    laptop = "Marrowby unveils laptop\n\n"
    (f,) = findings(tmp_path, "---\ndate: 2009-01-07\n---\n" + laptop
                    + "Marrowby on Monday (Jan. 6) introduced its thinnest laptop yet.\n", rule="DATE002")
    assert flagged(f) == [("s0", "Monday (Jan. 6")]
    assert "names a Monday, but 2009-01-06 is a Tuesday" in f.message
    (f,) = findings(tmp_path / "undated", laptop + "Marrowby on Monday (Jan. 6) introduced its thinnest laptop yet.\n",
                    laptop + "Marrowby on Tuesday launched its thinnest laptop yet.\n", rule="DATE001")
    assert "a Monday" in f.message


def test_a_moment_cut_from_a_group_is_grouped_again_without_the_dates_that_linked_it(tmp_path):
    """An undated outlet's "on Sunday" may be any day, and linked May 2 and June 20 (and another moment's
    Sunday) into one group of the quake's date. Cut to the articles of July, that group is grouped again
    without it: May 2 and June 20, seven weeks apart, are two dates, not one misreported."""
    def quake(date: str | None, when: str) -> str:
        head = f"---\ndate: {date}\n---\n" if date else ""
        return head + f"The earthquake struck the coast of Velmaria {when}, damaging hundreds of houses.\n"

    result = check(write_corpus(tmp_path, quake("2013-07-02", "on May 2, 2013"), quake("2013-07-02", "on May 2, 2013"),
                                quake("2013-07-03", "on June 20, 2013"), quake(None, "on Sunday"),
                                quake("2013-12-20", "on Sunday")))
    assert [sorted(c.span for c in g.claims) for g in result.groups if g.kind == "date"] == [["May 2, 2013"] * 2]
    assert result.findings == []
