"""Doc -> sentences: each sentence of a source with the content words it shares with other sources'
sentences once its figures are masked. The raw material of the alignment stage (align/).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

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

    @cached_property  # read at every lookup of an aligned pair
    def id(self) -> str:
        return f"{self.source}:{self.start}"


def doc_sentences(doc: Doc, locate, vocab: Vocabulary | None = None) -> list[Sentence]:
    """The sentences of one Doc. `locate(offset) -> (line, column)` maps a source offset.

    Reporting verbs ("said", "told") are left out with the figures: they say who reports a fact.
    """
    vocab = vocab or default_vocabulary()
    masked = {i for name in ("quantities", "dates") for span in doc.spans.get(name, []) for i in range(span.start, span.end)}
    masked.update(i for ent in doc.ents if ent.label_ in FIGURE_ENTS for i in range(ent.start, ent.end))
    out = []
    base = doc._.offset
    for sent in doc.sents:
        content = [t for t in sent
                   if t.i not in masked and t.is_alpha and not t.is_stop and not t.like_num and t.pos_ in CONTENT_POS
                   and t.lemma_.lower() not in vocab.reporting_verbs]
        words = sorted({t.lemma_.lower() for t in content})
        names = sorted({t.lemma_.lower() for t in content if t.pos_ == "PROPN" or t.ent_type_})
        text = sent.text.strip()
        if not text:
            continue
        lead = len(sent.text) - len(sent.text.lstrip())
        start = base + sent.start_char + lead
        line, column = locate(start)
        out.append(Sentence(doc._.source, start, start + len(text), line, column, text, tuple(words), tuple(names)))
    return out
