"""Claims of a corpus: extraction over all sources and the table an editor can audit."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.language import Language

from checker.claims.bigrams import Bigram, doc_bigrams
from checker.claims.claim import Claim
from checker.claims.extract import doc_claims, name_candidates
from checker.claims.sentences import Sentence, doc_sentences
from checker.corpus import Corpus, LoadProblem
from checker.values.types import PersonName, Quantity
from checker.values.vocabulary import Vocabulary, default_vocabulary

if TYPE_CHECKING:  # pandas is loaded only to build the table: a check needs none of it
    import pandas as pd

COLUMNS = ["source", "line", "column", "kind", "span", "normalised", "unit", "qualifier", "change",
           "subject", "attribute", "modifiers", "verb", "definite", "frame", "titles", "sentence"]


@dataclass
class Extraction:
    """What the pipeline read from a corpus: the claims, the content-word pairs for the translation
    check, and the sentences for alignment."""

    claims: list[Claim]
    bigrams: list[Bigram]
    candidates: list[Claim] = field(default_factory=list)  # words that may name a person the corpus knows
    sentences: list[Sentence] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)  # paragraphs that could not be read, one line each


def pipeline_vocabulary(nlp: Language) -> Vocabulary | None:
    """The Vocabulary the pipeline's checker components read, or None when it has none."""
    found = {id(v): v for _, pipe in nlp.pipeline if isinstance(v := getattr(pipe, "vocabulary", None), Vocabulary)}
    if len(found) > 1:
        raise ValueError("the pipeline's components read different vocabularies")
    return next(iter(found.values()), None)


def extract(corpus: Corpus, nlp: Language, vocab: Vocabulary | None = None, batch_size: int = 128) -> Extraction:
    """Run the pipeline over every paragraph of every source.

    The claims are read with the vocabulary the components read (`vocab`, when given, must be it):
    one vocabulary finds a figure and says what it is about. Paragraphs go to the model 128 at a
    time: its matrix products cost less a paragraph in larger batches (about 5% of the model's time
    against 32).
    """
    components = pipeline_vocabulary(nlp)
    if vocab is not None and components is not None and vocab is not components:
        raise ValueError("extract: vocab is not the vocabulary the pipeline's components read; "
                         "build both from the same additions (load_vocabulary, load_pipeline)")
    vocab = vocab or components or default_vocabulary()
    items = [(p.text, (s.id, p)) for s in corpus for p in s.paragraphs]
    claims: list[Claim] = []
    bigrams: list[Bigram] = []
    candidates: list[Claim] = []
    sentences: list[Sentence] = []
    problems: list[LoadProblem] = []
    for doc, (source_id, paragraph) in nlp.pipe(items, as_tuples=True, batch_size=batch_size):
        source = corpus[source_id]
        doc._.source = source_id
        doc._.offset = paragraph.start
        doc._.paragraph = paragraph
        doc._.original = source.text
        doc._.meta = source.meta
        try:
            read = (doc_claims(doc, source.line_col, vocab), name_candidates(doc, source.line_col), doc_bigrams(doc),
                    doc_sentences(doc, source.line_col, vocab))
        except Exception as exc:  # noqa: BLE001 (one paragraph's error is that paragraph's, not the run's)
            line = source.line_col(paragraph.start)[0]
            problems.append(LoadProblem(source.path, f"the paragraph at line {line} could not be read "
                                                     f"({exc.__class__.__name__}); the rest of the file is"))
            continue
        claims.extend(read[0])
        candidates.extend(read[1])
        bigrams.extend(read[2])
        sentences.extend(read[3])
    claims.sort(key=lambda c: (c.source, c.start, c.kind))
    candidates.sort(key=lambda c: (c.source, c.start))
    sentences.sort(key=lambda s: (s.source, s.start))
    return Extraction(claims, bigrams, candidates, sentences, problems)


def claims_frame(claims: list[Claim]) -> pd.DataFrame:
    """One row a claim, in corpus order."""
    import pandas as pd

    rows = []
    for c in claims:
        v = c.value
        rows.append({
            "source": c.source, "line": c.line, "column": c.column, "kind": c.kind, "span": c.span,
            "normalised": c.normalised,
            "unit": v.unit if isinstance(v, Quantity) else "",
            "qualifier": v.qualifier if isinstance(v, Quantity) else "",
            "change": v.change if isinstance(v, Quantity) else "",
            "subject": c.subject or "", "attribute": c.attribute or "",
            "modifiers": " ".join(c.modifiers), "verb": c.verb or "", "definite": c.definite, "frame": c.frame or "",
            "titles": "; ".join(t[0] for t in c.titles) if isinstance(v, PersonName) else "",
            "sentence": c.sentence,
        })
    return pd.DataFrame(rows, columns=COLUMNS)
