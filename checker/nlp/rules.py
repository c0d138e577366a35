"""Two of the model's rule components, made faster with the same output.

Reading a corpus once, about a fifth of the model's time went to two of its rule components, not to its
networks (bench/components.py, 40 stories: 2.6 of 13.2 CPU seconds):

- The lemmatizer checks each lemma it guesses for a word against the language's word list, a Python list
  of up to 57,000 words searched from the start: each new plural noun cost over a millisecond. `fast_lemmas`
  makes the lists dicts of the same words, which answer the same question at once (and still serialise with
  the pipeline, as sets would not), and puts KeptLemmas in its place: the same lemmatizer, which keeps the
  lemma of every word, part of speech and features it has read (spaCy's keeps only inflected forms').
- The attribute ruler (the tag map: a fine tag's part of speech and features, with some words' exceptions)
  runs a Matcher of some 180 patterns over every token. `TokenRules` answers each pattern for a token's
  attributes once and keeps the answer: a corpus holds far fewer distinct (tag, word, dependency) than tokens.
  A pattern it cannot read (an operator, another attribute) sends it back to the Matcher, whole.

Both change nothing in what the pipeline writes: tests/test_nlp_rules.py compares every token's part of
speech, features and lemma with the model's own components on real articles.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, ORTH, TAG
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

FACTORY = "checker_attribute_ruler"
LEMMATIZER = "checker_lemmatizer"

# What a token pattern may test, and the column of Doc.to_array it reads. A flag (IS_SPACE) is read as a
# bool, the others as strings.
_ATTRIBUTES = ("TAG", "LOWER", "ORTH", "DEP", "IS_SPACE")
_COLUMNS = (TAG, LOWER, ORTH, DEP, IS_SPACE)
_WORD = ("LOWER", "ORTH")


class _Unreadable(ValueError):
    """A pattern TokenRules does not read; the Matcher does."""


class KeptLemmas(EnglishLemmatizer):
    """spaCy's English lemmatizer that keeps each lemma it finds for a word, part of speech and features (what it
    reads of a token), and gives it again without asking: its own cache keeps only the lemmas of inflected forms,
    and the rest (most tokens) cost a reading of the token's features each time."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._kept: dict[tuple[int, int, int], int] = {}  # (word, part of speech, features) -> the lemma's hash

    def initialize(self, *args, **kwargs) -> None:
        super().initialize(*args, **kwargs)
        self._kept.clear()  # new tables, new lemmas: what was kept goes, and what spaCy keeps for itself
        self.cache.clear()

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables(Errors.E1004)
        kept, strings = self._kept, doc.vocab.strings
        try:
            for token in doc:
                if self.overwrite or token.lemma == 0:
                    key = (token.orth, token.pos, token.morph.key)
                    lemma = kept.get(key)
                    if lemma is None:
                        lemma = kept[key] = strings.add(self.lemmatize(token)[0])
                    token.lemma = lemma
            return doc
        except Exception as e:  # noqa: BLE001 (spaCy's own handler decides, as in Lemmatizer.__call__)
            self.get_error_handler()(self.name, self, [doc], e)


@Language.factory(LEMMATIZER, default_config={"mode": "rule", "overwrite": False})
def make_kept_lemmas(nlp: Language, name: str, mode: str, overwrite: bool) -> KeptLemmas:
    return KeptLemmas(nlp.vocab, None, name, mode=mode, overwrite=overwrite)


def fast_lemmas(nlp: Language) -> None:
    """The pipeline's English lemmatizer replaced by KeptLemmas with the same tables and settings, its word lists
    (the "lemma_index" table) as dicts of the same words, in the same order: the lemmatizer only asks whether a
    guessed lemma is in them."""
    if "lemmatizer" not in nlp.pipe_names or type(old := nlp.get_pipe("lemmatizer")) is not EnglishLemmatizer:
        return
    lookups = old.lookups
    if "lemma_index" in lookups:
        table = lookups.get_table("lemma_index")
        for key in list(table.keys()):
            if isinstance(table[key], list):
                table[key] = dict.fromkeys(table[key])
    nlp.replace_pipe("lemmatizer", LEMMATIZER, config={"mode": old.mode, "overwrite": old.overwrite}).lookups = lookups


def _test(value: Any) -> tuple[Callable[[Any], bool], frozenset | None]:
    """What one attribute's part of a token pattern asks of the token's value, and the values that alone
    pass it when they are few (an exact value, a list), for an index."""
    if not isinstance(value, dict):
        if not isinstance(value, str | bool):
            raise _Unreadable(value)  # a string's hash, which the Matcher reads as the string
        return (lambda actual: actual == value), frozenset([value])
    tests, among = [], None
    for op, arg in value.items():
        if op in ("IN", "NOT_IN") and not all(isinstance(v, str | bool) for v in arg):
            raise _Unreadable(op)
        if op == "IN":
            tests.append(lambda actual, arg=frozenset(arg): actual in arg)
            among = frozenset(arg) if among is None else among & frozenset(arg)
        elif op == "NOT_IN":
            tests.append(lambda actual, arg=frozenset(arg): actual not in arg)
        elif op == "REGEX":
            tests.append(lambda actual, rx=re.compile(arg): isinstance(actual, str) and rx.search(actual) is not None)
        else:
            raise _Unreadable(op)
    return (lambda actual: all(t(actual) for t in tests)), among


class _Spec:
    """One token of a pattern: its tests on the word (LOWER, ORTH, TEXT), with the words that alone can pass
    one of them when they are few (`named`: the attribute and its values), and its tests on the rest (TAG, DEP,
    IS_SPACE)."""

    def __init__(self, spec: dict[str, Any]):
        self.word: list[tuple[str, Callable[[Any], bool]]] = []
        self.rest: list[tuple[str, Callable[[Any], bool]]] = []
        self.named: tuple[str, frozenset] | None = None
        for key, value in spec.items():
            name = "ORTH" if key.upper() == "TEXT" else key.upper()
            if name not in _ATTRIBUTES:
                raise _Unreadable(key)
            test, among = _test(value)
            if name in _WORD:
                self.word.append((name, test))
                if among is not None and self.named is None:
                    self.named = (name, among)
            else:
                self.rest.append((name, test))

    def holds_for_word(self, word: dict[str, Any]) -> bool:
        return all(test(word[name]) for name, test in self.word)

    def holds_for_rest(self, rest: dict[str, Any]) -> bool:
        return all(test(rest[name]) for name, test in self.rest)


# The (pattern, position) of the specs that hold for a token, and the patterns that may start at it: (pattern,
# attribute id, length, match id).
_Held = tuple[frozenset[tuple[int, int]], tuple[tuple[int, int, int, int], ...]]


class TokenRules(AttributeRuler):
    """The attribute ruler, each pattern's answer for a token's attributes computed once.

    A token pattern here tests only the token's own attributes. Most test its tag, dependency or being a
    space, which take few values together: the answer is kept per (tag, dependency, space). The others name
    words (an exception list), found through an index of the words they name and kept per word; their tests
    on the rest are then asked of each token. What holds for a token is kept per (tag, dependency, space, word),
    with the patterns that may start there. The matches are the Matcher's, in its order (by pattern), and
    set_annotations applies them unchanged.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._reset()

    def _reset(self) -> None:
        self._specs: list[tuple[int, list[_Spec]]] | None = None  # (attribute id, its tokens' specs) per pattern
        self._readable = True
        self._general: dict[tuple[int, int, int], _Held] = {}
        self._by_word: dict[tuple[int, int], tuple[tuple[int, int, _Spec], ...]] = {}
        # (tag, dependency, space, lower case, text) -> the specs that hold, and the patterns that may start there
        self._token: dict[tuple[int, ...], _Held] = {}

    def add(self, patterns, attrs, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._reset()

    def clear(self) -> None:
        super().clear()
        self._reset()

    def _compile(self) -> None:
        self._specs = []
        try:
            for attr_id, entry in enumerate(self.patterns):
                for pattern in entry["patterns"]:
                    self._specs.append((attr_id, [_Spec(spec) for spec in pattern]))
        except _Unreadable:
            self._readable = False
            return
        # A word-naming spec is found through the words it names; a spec that names no fixed list (a REGEX,
        # NOT_IN) is asked of every new word.
        # Kept per word as the specs read it: by its lower case alone when no spec reads its text (as in the
        # English models), a tenth as many words to answer for.
        self._reads_text = any(name == "ORTH" for _, specs in self._specs for spec in specs for name, _ in spec.word)
        self._named: dict[tuple[str, Any], list[tuple[int, int, _Spec]]] = {}
        self._open: list[tuple[int, int, _Spec]] = []
        for p, (_, specs) in enumerate(self._specs):
            for k, spec in enumerate(specs):
                if not spec.word:
                    continue
                if spec.named:
                    name, values = spec.named
                    for value in values:
                        self._named.setdefault((name, value), []).append((p, k, spec))
                else:
                    self._open.append((p, k, spec))

    def _rest(self, key: tuple[int, int, int]) -> dict[str, Any]:
        strings = self.vocab.strings
        tag, dep, space = key
        return {"TAG": strings[tag] if tag else "", "DEP": strings[dep] if dep else "", "IS_SPACE": bool(space)}

    def _general_for(self, key: tuple[int, int, int]) -> _Held:
        """The specs that test no word, holding for this (tag, dependency, space)."""
        rest = self._rest(key)
        held = self._entry(frozenset((p, k) for p, (_, specs) in enumerate(self._specs) for k, spec in enumerate(specs)
                                     if not spec.word and spec.holds_for_rest(rest)))
        self._general[key] = held
        return held

    def _word_specs(self, key: tuple[int, int]) -> tuple[tuple[int, int, _Spec], ...]:
        """The word-testing specs whose word tests hold for this (lower case, text)."""
        lower, orth = key
        word = {"LOWER": self.vocab.strings[lower], "ORTH": self.vocab.strings[orth] if orth else ""}
        candidates = {c[:2]: c for name in _WORD for c in self._named.get((name, word[name]), ())}
        candidates.update({c[:2]: c for c in self._open})
        held = tuple(c for _, c in sorted(candidates.items()) if c[2].holds_for_word(word))
        self._by_word[key] = held
        return held

    def _held_for(self, key: tuple[int, ...]) -> _Held:
        """The specs that hold for a token of these attributes (tag, dependency, space, lower case, text)."""
        tag, dep, space, lower, orth = key
        rest_key = (tag, dep, space)
        general = self._general[rest_key] if rest_key in self._general else self._general_for(rest_key)
        word_key = (lower, orth)
        word = self._by_word[word_key] if word_key in self._by_word else self._word_specs(word_key)
        if not word:
            self._token[key] = entry = general  # most words: what holds for the tag, dependency and space
            return entry
        rest = self._rest(rest_key)
        self._token[key] = entry = self._entry(general[0] | {(p, k) for p, k, spec in word if spec.holds_for_rest(rest)})
        return entry

    def _entry(self, held: frozenset[tuple[int, int]]) -> _Held:
        """The specs that hold, with the patterns whose first spec is among them."""
        strings = self.vocab.strings
        return held, tuple((p, attr_id, len(specs), strings[str(attr_id)])
                           for p, k in sorted(held) if not k for attr_id, specs in (self._specs[p],))

    def match(self, doc: Doc):
        if self._specs is None:
            self._compile()
        if not self._readable:
            return super().match(doc)
        kept, reads_text = self._token, self._reads_text
        held, starts = [], []
        for tag, lower, orth, dep, space in doc.to_array(_COLUMNS).tolist():
            key = (tag, dep, space, lower, orth if reads_text else 0)
            entry = kept[key] if key in kept else self._held_for(key)
            held.append(entry[0])
            starts.append(entry[1])
        matches = set()
        for start, first in enumerate(starts):
            for p, attr_id, n, match_id in first:
                end = start + n
                if n == 1 or end <= len(held) and all((p, j) in held[start + j] for j in range(1, n)):
                    matches.add((attr_id, match_id, start, end))
        return sorted(matches)


@Language.factory(FACTORY)
def make_token_rules(nlp: Language, name: str) -> TokenRules:
    return TokenRules(nlp.vocab, name)


def fast_attribute_ruler(nlp: Language) -> None:
    """The pipeline's attribute ruler replaced by TokenRules holding its patterns."""
    if "attribute_ruler" not in nlp.pipe_names or not isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler):
        return
    patterns = nlp.get_pipe("attribute_ruler").patterns
    nlp.replace_pipe("attribute_ruler", FACTORY).add_patterns(patterns)
