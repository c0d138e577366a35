"""Groups of one moment (groups/moments.py): articles dated days apart are not compared. No spaCy model."""

from __future__ import annotations

import datetime as dt

from checker.groups.figures import group_claims
from checker.groups.moments import by_moment, moments
from tests.test_groups import fig

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

