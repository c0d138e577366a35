"""Doc -> bigrams: adjacent content words, the raw material of the translation check."""

from __future__ import annotations

from spacy.attrs import IS_ALPHA, IS_STOP, POS
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Token

from checker.claims.claim import Bigram
from checker.claims.offsets import source_stretch, source_text

WORD_POS = {"ADJ", "NOUN"}  # terms are noun phrases; names are the name rules' business
HEADS = {NOUN, PROPN}  # the parts of speech a term's head may have (see _noun), as the ids the Doc keeps
QUANTIFIERS = {"other", "another", "last", "first", "third", "next", "many", "several", "same", "own", "few",
               "former", "latter", "least", "less", "more", "most", "much", "various", "such", "whole", "enough",
               "further", "only"}
# Entities of measure ("last week", "two thirds") hold no term; the lower-case words of a name
# entity ("the coast guard said") are common nouns and may.
MEASURE_ENTITIES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}


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
    # Sentence by sentence: a pair never spans two, and each sentence's text is taken once
    # (Token.sent rebuilds the span at every call).
    # The cheap tests read from one array; Tokens are made only for the pairs that pass them.
    flags = doc.to_array([POS, IS_ALPHA, IS_STOP]).tolist()
    for sent in doc.sents:
        sentence = None
        for i in range(sent.start, sent.end - 1):
            pos_b, alpha_b, stop_b = flags[i + 1]
            if pos_b not in HEADS or stop_b or not alpha_b or not flags[i][1]:
                continue
            a, b = doc[i], doc[i + 1]
            if not _noun(b) or not _modifier(a, b):
                continue
            if a.ent_type_ in MEASURE_ENTITIES or b.ent_type_ in MEASURE_ENTITIES or b.text[0].isupper() \
                    or (a.text[0].isupper() and not a.is_sent_start):
                continue
            if sentence is None:
                sentence = source_text(doc, sent.start_char, sent.end_char).strip()
            lo, hi = max(a.i - 1, 0), min(b.i + 2, len(doc))
            # A participle keeps its form: "operating profit" is one term whatever "Operating" is tagged.
            first = a.lower_ if a.pos_ == "VERB" else a.lemma_.lower()
            text, start, end = source_stretch(doc, a.idx, b.idx + len(b))
            out.append(Bigram(doc._.source, first, b.lemma_.lower(), start, end, text, sentence,
                              tuple(t.lemma_.lower() for t in doc[lo:hi])))
    return out
