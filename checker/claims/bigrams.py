"""Doc -> bigrams: adjacent content words, the raw material of the translation check."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

WORD_POS = {"ADJ", "NOUN"}  # terms are noun phrases; names are the name rules' business
QUANTIFIERS = {"other", "another", "last", "first", "third", "next", "many", "several", "same", "own", "few",
               "former", "latter", "least", "less", "more", "most", "much", "various", "such", "whole", "enough",
               "further", "only"}
# Entities of measure ("last week", "two thirds") hold no term; the lower-case words of a name
# entity ("the coast guard said") are common nouns and may.
MEASURE_ENTITIES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}


@dataclass(frozen=True)
class Bigram:
    """Two adjacent content words in one source."""

    source: str
    first: str  # lemma, lower case
    second: str
    start: int  # offset in the source
    end: int
    text: str
    sentence: str
    window: tuple[str, ...]  # lemmas of the pair and its two neighbours


def _noun(t: Token) -> bool:
    # A lower-case word tagged as a proper noun is a common noun read as part of a name ("the coast guard").
    return t.pos_ == "NOUN" or (t.pos_ == "PROPN" and t.is_lower)


def _modifier(a: Token, b: Token) -> bool:
    """Whether `a` can open a term headed by `b`."""
    attached = a.head.i == b.i and a.dep_ in ("amod", "compound")
    if a.is_stop:
        # A stop-listed word that names a thing ("side effects", "front line"); the stop list's
        # quantifiers and ordinals open no term ("other sources", "last week").
        return attached and a.lower_ not in QUANTIFIERS
    if a.pos_ == "VERB":
        # A participle tagged as a verb, as sentence-initial ones often are ("Operating profit fell").
        return attached and a.tag_ in ("VBG", "VBN")
    return a.pos_ in WORD_POS or _noun(a)


def doc_bigrams(doc: Doc) -> list[Bigram]:
    out = []
    base = doc._.offset
    # Sentence by sentence: a pair never spans two, and each sentence's text is taken once
    # (Token.sent rebuilds the span at every call).
    for sent in doc.sents:
        sentence = None
        for a, b in zip(sent, sent[1:]):
            if not (a.is_alpha and b.is_alpha) or b.is_stop or not _noun(b) or not _modifier(a, b):
                continue
            if a.ent_type_ in MEASURE_ENTITIES or b.ent_type_ in MEASURE_ENTITIES or b.text[0].isupper() \
                    or (a.text[0].isupper() and not a.is_sent_start):
                continue
            if sentence is None:
                sentence = sent.text.strip()
            lo, hi = max(a.i - 1, 0), min(b.i + 2, len(doc))
            # A participle keeps its form: "operating profit" is one term whatever "Operating" is tagged.
            first = a.lower_ if a.pos_ == "VERB" else a.lemma_.lower()
            out.append(Bigram(doc._.source, first, b.lemma_.lower(), base + a.idx, base + b.idx + len(b),
                              doc.text[a.idx : b.idx + len(b)], sentence,
                              tuple(t.lemma_.lower() for t in doc[lo:hi])))
    return out
