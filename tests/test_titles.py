"""Titles: synonyms compare equal; corruptions are told apart from additional titles."""

import pytest

from checker.reconcile.titles import parse_title


@pytest.mark.parametrize("a, b", [
    ("Vice Premier", "Deputy Prime Minister"),
    ("Commerce Minister", "Minister of Commerce"),
    ("Vice Minister of Commerce", "Vice Commerce Minister"),
    ("U.S. Commerce Secretary", "US Secretary of Commerce"),
    ("Chinese Vice Commerce Minister", "Vice Minister of the Ministry of Commerce of China"),
    ("Trade Representative", "Representative of the United States"),
    ("International Trade Representative", "International Trade Negotiation Representative"),
    ("Foreign Minister", "Minister of Foreign Affairs"),
])
def test_synonyms_are_equivalent(a, b):
    assert parse_title(a).equivalent(parse_title(b))


@pytest.mark.parametrize("a, b, why", [
    ("US Secretary for Trade", "Commerce Secretary", "portfolio"),
    ("Vice-Minister", "Vice Premier", "office"),
])
def test_corruptions_conflict(a, b, why):
    assert why in parse_title(a).conflicts(parse_title(b))


@pytest.mark.parametrize("a, b", [
    ("chief negotiator", "Vice Minister of Commerce"),  # an additional title
    ("Politburo member", "Vice Premier"),
    ("Treasury Secretary", "Commerce Minister"),  # different offices, different ranks: another person's title
])
def test_other_titles_do_not_conflict(a, b):
    assert parse_title(a).conflicts(parse_title(b)) is None
