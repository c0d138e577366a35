"""Doc -> sentences: each sentence of a source with the content words it shares with other sources'
sentences once its figures are masked. The raw material of the alignment stage (align/).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from checker.claims.offsets import source_stretch
from checker.values.vocabulary import Vocabulary, default_vocabulary

if TYPE_CHECKING:  # the alignment stage reads Sentences without loading spaCy
    from spacy.tokens import Doc

CONTENT_POS = {"NOUN", "VERB", "PROPN", "ADJ"}
# Entity types that are figures: masked, so that "58 were killed" and "63 were killed" read alike.
FIGURE_ENTS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "DATE", "TIME"}


@dataclass(frozen=True)
class Sentence:
    """One sentence of one source: where it is, and its content lemmas with figures masked."""

    source: str
    start: int  # offset in the source
    end: int
    line: int
    column: int
    text: str
    words: tuple[str, ...]  # content lemmas, lower case, sorted, each once; no figure or date words
    names: tuple[str, ...] = ()  # those of `words` that are names (proper nouns, entities)
    anchors: tuple[str, ...] = ()  # the distinctive figures it states ("5.6", "91"), each once

    @cached_property  # read at every lookup of an aligned pair
    def id(self) -> str:
        return f"{self.source}:{self.start}"


def masked_tokens(doc: Doc) -> set[int]:
    """The tokens of figures and dates, read once a Doc: what varies between sources that report one fact."""
    cached = doc.user_data.get("checker.masked")
    if cached is None:
        cached = {i for name in ("quantities", "dates") for s in doc.spans.get(name, []) for i in range(s.start, s.end)}
        cached.update(i for ent in doc.ents if ent.label_ in FIGURE_ENTS for i in range(ent.start, ent.end))
        doc.user_data["checker.masked"] = cached
    return cached


def is_content(tok, masked: set[int], vocab: Vocabulary) -> bool:
    """A content word that says what a fact is: no figure, date, stop word or reporting verb."""
    return (tok.i not in masked and tok.is_alpha and not tok.is_stop and not tok.like_num and tok.pos_ in CONTENT_POS
            and tok.lemma_.lower() not in vocab.reporting_verbs)


def doc_sentences(doc: Doc, locate, vocab: Vocabulary | None = None) -> list[Sentence]:
    """The sentences of one Doc. `locate(offset) -> (line, column)` maps a source offset.

    Reporting verbs ("said", "told") are left out with the figures: they say who reports a fact.
    """
    from checker.nlp.registry import sentence_at  # spaCy's: Sentences are read without it elsewhere

    vocab = vocab or default_vocabulary()
    masked = masked_tokens(doc)
    # Each sentence's distinctive figures, read in one pass over the figures: by the sentence they start in.
    anchors_in: dict[int, set[str]] = defaultdict(set)
    for span in doc.spans.get("quantities", []):
        if (a := anchor(span._.quantity)) is not None:
            anchors_in[sentence_at(doc, span.start).start].add(a)
    out = []
    for sent in doc.sents:
        content = [t for t in sent if is_content(t, masked, vocab)]
        words = sorted({t.lemma_.lower() for t in content})
        names = sorted({t.lemma_.lower() for t in content if t.pos_ == "PROPN" or t.ent_type_})
        raw, start, _ = source_stretch(doc, sent.start_char, sent.end_char)
        text = raw.strip()
        if not text:
            continue
        start += len(raw) - len(raw.lstrip())
        line, column = locate(start)
        anchors = sorted(anchors_in.get(sent.start, ()))
        out.append(Sentence(doc._.source, start, start + len(text), line, column, text, tuple(words), tuple(names),
                            tuple(anchors)))
    return out


def anchor(q) -> str | None:
    """A figure two sentences share only when they report one fact ("a 5.6 magnitude earthquake", "an
    earthquake measuring 5.6"; "a 17-inch laptop", "the 17-inch model"): not a small count, and not a
    whole number of nothing or of years, which every sentence about a person repeats ("Hiller, 43,")."""
    if q is None or q.second is not None:
        return None
    v = q.value
    if v == int(v) and (v <= 12 or not q.unit or q.unit == "year"):
        return None
    return f"{v:g}"
