"""How common a word pair is in ordinary English: the word-pair and word counts symspellpy ships.

symspellpy's frequency_bigramdictionary_en_243_342.txt lists 242,342 lower-case word pairs with their
counts in the Google Books n-grams, down to pairs seen about 6.4 million times; a pair it does not
list is rarer than that. frequency_dictionary_en_82_765.txt lists single words the same way.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

PAIRS_FILE = "frequency_bigramdictionary_en_243_342.txt"
WORDS_FILE = "frequency_dictionary_en_82_765.txt"
SOURCE = "English word-pair counts (Google Books n-grams, as symspellpy ships them)"


def _read(name: str) -> dict[str, int]:
    # Each line is the words, a space, the count. Read at each run: rpartition, not split and join (0.3 -> 0.15 s).
    lines = files("symspellpy").joinpath(name).read_text(encoding="utf-8").splitlines()
    return {words: int(count) for words, _, count in (line.rstrip().rpartition(" ") for line in lines) if words}


@cache
def _pairs() -> dict[str, int]:
    return _read(PAIRS_FILE)


@cache
def _words() -> dict[str, int]:
    return _read(WORDS_FILE)


def pair_count(phrase: str) -> int:
    """How often the two words occur together, 0 when they are not listed (rarer than `listed_floor`)."""
    return _pairs().get(" ".join(phrase.lower().split()), 0)


def word_count(word: str) -> int:
    return _words().get(word.lower(), 0)


@cache
def words_total() -> int:
    """All the uses of all the words listed: with `word_count`, how rare a word is in English."""
    return sum(_words().values())


@cache
def words_floor() -> int:
    """The smallest count listed: a word it does not list (most names) is rarer than this."""
    return min(_words().values())


@cache
def listed_floor() -> int:
    """The smallest count listed: an unlisted pair occurs fewer times than this."""
    return min(_pairs().values())
