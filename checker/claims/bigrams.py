"""Doc -> bigrams: adjacent content words, the raw material of the translation check."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

WORD_POS = {"ADJ", "NOUN"}  # terms are noun phrases; names are the name rules' business


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


def doc_bigrams(doc: Doc) -> list[Bigram]:
    out = []
    base = doc._.offset
    # Sentence by sentence: a pair never spans two, and each sentence's text is taken once
    # (Token.sent rebuilds the span at every call).
    for sent in doc.sents:
        sentence = None
        for a, b in zip(sent, sent[1:]):
            if not (a.is_alpha and b.is_alpha) or a.is_stop or b.is_stop or b.pos_ != "NOUN" or a.pos_ not in WORD_POS:
                continue
            if a.ent_type_ or b.ent_type_ or b.text[0].isupper() or (a.text[0].isupper() and not a.is_sent_start):
                continue
            if sentence is None:
                sentence = sent.text.strip()
            lo, hi = max(a.i - 1, 0), min(b.i + 2, len(doc))
            out.append(Bigram(doc._.source, a.lemma_.lower(), b.lemma_.lower(), base + a.idx, base + b.idx + len(b),
                              doc.text[a.idx : b.idx + len(b)], sentence,
                              tuple(t.lemma_.lower() for t in doc[lo:hi])))
    return out
