"""Groups of one moment (groups/moments.py): articles dated days apart are not compared. No spaCy model."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import partial

from checker.groups.figures import group_claims
from checker.groups.moments import _moment_of, by_moment, moments
from checker.values.dates import resolve
from tests.test_groups import dated, fig

D = dt.date


def test_dates_run_while_each_is_within_the_gap_of_the_one_before():
    days = [D(2024, 3, 1), D(2024, 3, 3), D(2024, 3, 6), D(2024, 3, 20), D(2024, 3, 2)]
    assert moments(days, gap=3) == [[D(2024, 3, 1), D(2024, 3, 2), D(2024, 3, 3), D(2024, 3, 6)], [D(2024, 3, 20)]]


def test_a_group_of_articles_weeks_apart_is_cut_into_its_moments():
    claims = [fig("3.1%", "a"), fig("3.1%", "b"), fig("4.6%", "c"), fig("4.5%", "d"), fig("2%", "e")]
    [group] = group_claims(claims)
    dates = {"a": D(2024, 1, 8), "b": D(2024, 1, 9), "c": D(2024, 2, 20), "d": D(2024, 2, 21)}
    parts = by_moment([group], dates)
    assert [sorted(c.source for c in g.claims) for g in parts] == [["a", "b"], ["c", "d"]]
    # The undated source "e" cannot be placed in either moment; each part says why it stands alone.
    assert "only the articles dated 2024-01-08 to 2024-01-09" in parts[0].reason
    assert "more than 3 days away" in parts[1].reason


def test_a_story_followed_day_by_day_stays_one_group():
    claims = [fig("$41 million", "a"), fig("$44 million", "b"), fig("$47 million", "c")]
    [group] = group_claims(claims)
    dates = {"a": D(2024, 5, 1), "b": D(2024, 5, 3), "c": D(2024, 5, 6)}
    assert by_moment([group], dates) == [group]


def test_undated_sources_keep_their_group_whole():
    claims = [fig("3.1%", "a"), fig("4.6%", "b"), fig("4.5%", "c")]
    [group] = group_claims(claims)
    assert by_moment([group], {"a": D(2024, 1, 8)}) == [group]


def test_a_moment_of_one_source_is_no_group():
    claims = [fig("3.1%", "a"), fig("3.1%", "b"), fig("4.6%", "c")]
    [group] = group_claims(claims)
    parts = by_moment([group], {"a": D(2024, 1, 8), "b": D(2024, 1, 8), "c": D(2024, 6, 1)})
    assert [sorted(c.source for c in g.claims) for g in parts] == [["a", "b"]]



def test_a_part_cut_from_its_group_is_grouped_again_without_the_claims_that_linked_it():
    """An undated "Sunday" may be any day: it links May 2 and June 20 into one group. Cut to the articles of
    July, the group's part is grouped again (`regroup`), and May 2 and June 20, weeks apart, fall apart; a
    part that groups again whole is kept as it was."""
    sunday = replace(dated("May 2, 2013", "d"), span="Sunday", value=resolve("Sunday", None))
    claims = [dated("May 2, 2013", "a"), dated("May 2, 2013", "b"), dated("June 20, 2013", "c"), sunday,
              dated("December 15, 2013", "e")]
    [group] = group_claims(claims)
    dates = {"a": D(2013, 7, 2), "b": D(2013, 7, 2), "c": D(2013, 7, 3), "e": D(2013, 12, 20)}
    [part] = by_moment([group], dates)
    assert sorted(c.source for c in part.claims) == ["a", "b", "c"]  # as cut, still linked
    [again] = by_moment([group], dates, regroup=lambda cs: group_claims(list(cs)))
    assert sorted(c.source for c in again.claims) == ["a", "b"]
    assert again.reason.endswith("the others are more than 3 days away and speak of another moment")
    claims = [fig("3.1%", "a"), fig("3.1%", "b"), fig("4.6%", "c"), fig("4.5%", "d")]
    [group] = group_claims(claims)
    dates = {"a": D(2024, 1, 8), "b": D(2024, 1, 9), "c": D(2024, 2, 20), "d": D(2024, 2, 21)}
    assert by_moment([group], dates, regroup=lambda cs: group_claims(list(cs))) == by_moment([group], dates)


def test_a_figure_set_aside_for_another_moments_value_is_weighed_again_in_its_own():
    """Source c gives the budget as $6 million, and elsewhere a revenue of $9 million, the budget d gives months
    later: c's budget was set aside, as speaking of one of two quantities. In its own moment no source gives
    $9 million, and it is compared again. A figure set aside for a value its own moment gives stays aside: what
    its source says elsewhere is read as at first (group_claims' `context`)."""
    dates = {"a": D(2024, 1, 8), "b": D(2024, 1, 8), "c": D(2024, 1, 9), "d": D(2024, 6, 1)}

    def parts(elsewhere: str, context: bool = True):
        revenue = fig(elsewhere, "c", attribute="revenue", start=40)
        claims = [fig("$5 million", "a"), fig("$5 million", "b"), fig("$6 million", "c"), fig("$9 million", "d"),
                  revenue]
        [group] = [g for g in group_claims(claims) if g.attribute == "budget"]
        assert [c.source for c in group.set_aside] == ["c"]
        regroup = lambda cs: group_claims(list(cs), context=[revenue] if context else [])  # noqa: E731
        return [sorted(c.source for c in g.claims) for g in by_moment([group], dates, regroup=regroup)]

    assert parts("$9 million") == [["a", "b", "c"]]
    assert parts("$5 million") == [["a", "b"]]
    assert parts("$5 million", context=False) == [["a", "b", "c"]]  # what c says elsewhere, unread


def test_a_day_is_of_the_one_moment_it_falls_in_or_near():
    runs = [[D(2024, 1, 8), D(2024, 1, 9)], [D(2024, 1, 15)], [D(2024, 6, 1)]]
    assert [_moment_of(day, runs, 3) for day in (D(2024, 1, 9), D(2024, 1, 11), D(2024, 1, 12), D(2024, 3, 1))] == [
        0, 0, None, None]  # the 12th is near both the 9th and the 15th


def test_grouping_a_moment_again_reads_what_its_sources_say_elsewhere():
    from checker.align import align_sentences
    from checker.run import _regroup
    from checker.values.vocabulary import default_vocabulary

    claims = (fig("$5 million", "a"), fig("$5 million", "b"), fig("$6 million", "c"))
    every = [*claims, fig("$5 million", "c", attribute="revenue", start=40), fig("$9 million", "d")]
    regroup = partial(_regroup, every=every, people=[], alignment=align_sentences([]), vocab=default_vocabulary())
    # c gives elsewhere the $5 million a and b give: its $6 million is set aside, d's figure is not read
    assert [sorted(c.source for c in g.claims) for g in regroup(claims)] == [["a", "b"]]


def kept_whole(claims, dates):
    """The one group the claims form, which the cut by moment keeps whole."""
    [group] = group_claims(claims)
    [whole] = by_moment([group], dates)
    assert whole.claims == group.claims
    return whole


def test_a_figure_most_sources_give_at_two_moments_keeps_its_group_whole():
    """"paid $3 million" in articles of April 4 and of October the next year: the figure held, and the
    one source of April 9 that gives $5 million is judged against it, not set apart as another moment."""
    claims = [fig("$3 million", "a"), fig("$5 million", "b"), fig("$3 million", "c"), fig("$3 million", "d")]
    whole = kept_whole(claims, {"a": D(2012, 4, 4), "b": D(2012, 4, 9), "c": D(2013, 10, 2)})
    assert whole.reason.endswith("3 of 4 sources give 3e+06 USD, in articles dated 2012-04-04 to 2013-10-02: "
                                 "the figure held across those moments")


def test_a_figure_two_sources_of_another_moment_share_is_a_moment_of_its_own():
    """Sentences of six to 75 years in four articles of August, of seven to 75 years in two of the year
    before: the range moved with a new sentence, and each moment is judged alone."""
    claims = [fig(x, s) for x, s in (("$6 million", "a"), ("$6 million", "b"), ("$6 million", "c"),
                                     ("$6 million", "d"), ("$7 million", "e"), ("$7 million", "f"))]
    [group] = group_claims(claims)
    dates = {"a": D(2011, 8, 2), "b": D(2011, 8, 4), "c": D(2011, 8, 4), "d": D(2011, 8, 9),
             "e": D(2010, 9, 8), "f": D(2010, 6, 12)}
    parts = by_moment([group], dates)
    assert [sorted(c.source for c in g.claims) for g in parts] == [["a", "b", "c"]]


def test_an_events_dates_at_two_moments_are_cut_where_a_source_gives_its_own_day():
    """"announced today (October 14)" and, a week later, "announced on October 14", against "announced
    today, November 4" in a third: an event of one kind told on the day it happened, at two moments, is
    as often two events as one. "Elections planned for December 15" in articles a week apart, against
    one article's December 16, are one date."""
    claims = [dated("October 14, 2011", "a"), dated("October 14, 2011", "b"), dated("November 4, 2011", "c")]
    [group] = group_claims(claims)
    dates = {"a": D(2011, 10, 14), "b": D(2011, 10, 20), "c": D(2011, 11, 4)}
    assert by_moment([group], dates) == []
    claims = [dated("December 15, 2013", "a"), dated("December 15, 2013", "b"), dated("December 15, 2013", "c"),
              dated("December 16, 2013", "d")]
    whole = kept_whole(claims, {"a": D(2013, 9, 26), "b": D(2013, 9, 27), "c": D(2013, 10, 2), "d": D(2013, 10, 4)})
    assert "the date held across those moments" in whole.reason


def test_dates_written_in_full_keep_their_group_whole_across_moments():
    """"Elections planned for December 15" in two articles of one week and an undated one, "December 16"
    in the one article of the next: a day named by month and number does not move with the article's
    date, so the lone source of the later moment is judged against the others. A weekday does move."""
    claims = [dated("December 15, 2013", "a"), dated("December 15", "b"), dated("December 15, 2013", "c"),
              dated("December 16 2013", "d")]
    dates = {"a": D(2013, 9, 26), "b": D(2013, 9, 27), "d": D(2013, 10, 2)}
    whole = kept_whole(claims, dates)
    assert whole.reason.endswith("each source names the day by month and number, which holds whatever day its "
                                 "article was written")
    weekdays = [replace(dated("December 15", s), value=resolve(day, dates[s]))
                for day, s in (("Sunday", "a"), ("Sunday", "b"), ("Monday", "d"))]
    [group] = group_claims(weekdays)
    assert [sorted(c.source for c in g.claims) for g in by_moment([group], dates)] == [["a", "b"]]
