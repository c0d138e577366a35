"""What checker registers with spaCy: the Doc and Span attributes its components fill, and the
function their configs name to get the Vocabulary.

A component's config holds the user's additions to the vocabulary as plain tables, so that it
serialises with the pipeline:

    [components.checker_people.vocabulary]
    @misc = "checker.vocabulary.v1"
    [components.checker_people.vocabulary.places]
    "European Central Bank" = ["ECB"]

Every component given equal additions receives the same Vocabulary object, and so does the
extraction that reads their output (values/vocabulary.py load_vocabulary builds each once).
"""

# No `from __future__ import annotations`: spaCy validates a registered function's arguments
# against its annotations, which must be types, not strings.
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from typing import Any

import spacy
from spacy.tokens import Doc, Span

from checker.values.vocabulary import Vocabulary, load_vocabulary

VOCABULARY_FUNCTION = "checker.vocabulary.v1"


def vocabulary_config(extensions: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The config block that hands a component the vocabulary with these additions."""
    return {"@misc": VOCABULARY_FUNCTION, **{k: v for k, v in (extensions or {}).items() if v}}


@spacy.registry.misc(VOCABULARY_FUNCTION)
def vocabulary(places: dict[str, list[str]] | None = None, offices: list[str] | None = None,
               office_synonyms: dict[str, str] | None = None, nicknames: dict[str, str] | None = None,
               spellings: dict[str, list[str]] | None = None, qualifiers: dict[str, str] | None = None,
               movement: dict[str, list[str]] | None = None,
               frames: dict[str, dict[str, list[str]]] | None = None,
               surnames: list[str] | None = None) -> Vocabulary:
    """The shipped vocabulary with the user's additions, built once for equal additions."""
    return load_vocabulary(places=places, offices=offices, office_synonyms=office_synonyms, nicknames=nicknames,
                           spellings=spellings, qualifiers=qualifiers, movement=movement,
                           frames=frames, surnames=surnames)


def annotate(doc: Doc, group: str, attribute: str, matches: list[tuple[Span, Any]]) -> Doc:
    """What a component found, on the Doc: the spans in doc.spans[group], each value on its span."""
    for span, value in matches:
        setattr(span._, attribute, value)
    doc.spans[group] = [span for span, _ in matches]
    return doc


def register_extensions() -> None:
    # The source a Doc is a paragraph of, and the paragraph with the source's text: offsets and quotes are the file's.
    for name in ("source", "meta", "paragraph", "original"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Doc.has_extension("offset"):
        Doc.set_extension("offset", default=0)
    for name in ("quantity", "date", "person", "titles"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register_extensions()


class Entities:
    """A Doc's entities, listed once with where each starts: Doc.ents builds every entity anew at each read,
    and a figure asks which entity it stands in (a thousand figures in a table asked it a thousand times)."""

    def __init__(self, doc: Doc):
        self.ents = list(doc.ents)
        self.starts = [e.start for e in self.ents]

    @classmethod
    def of(cls, doc: Doc) -> "Entities":
        """The entities of a finished Doc, listed once for all its claims. A pipeline component makes its own:
        a component after it may still change them."""
        cached = doc.user_data.get("checker.entities")
        if cached is None:
            cached = doc.user_data["checker.entities"] = cls(doc)
        return cached

    def within(self, lo: int, hi: int) -> list[Span]:
        """The entities that start in tokens lo..hi-1."""
        return self.ents[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]

    def at(self, i: int) -> "Span | None":
        """The entity holding token i (entities never overlap)."""
        k = bisect_right(self.starts, i) - 1
        return self.ents[k] if k >= 0 and i < self.ents[k].end else None


def sentences(doc: Doc) -> tuple[list[int], list[Span], dict]:
    """The Doc's sentences and where they start, listed once, with a dict for what a reader keeps per sentence:
    Span.sent and Token.sent walk back to the sentence's start at every call, which in a long sentence of
    many figures is quadratic."""
    cache = doc.user_data.get("checker.sentences")
    if cache is None:
        sents = list(doc.sents)
        cache = doc.user_data["checker.sentences"] = ([s.start for s in sents], sents, {})
    return cache


def sentence_at(doc: Doc, i: int) -> Span:
    """The sentence holding token i."""
    starts, sents, _ = sentences(doc)
    return sents[bisect_right(starts, i) - 1]
