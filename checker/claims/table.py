"""Claims of a corpus: extraction over all sources and the table an editor can audit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.language import Language

from checker.claims.bigrams import Bigram, doc_bigrams
from checker.claims.cache import ExtractionCache
from checker.claims.claim import Claim
from checker.claims.extract import doc_claims, name_candidates
from checker.claims.sentences import Sentence, doc_sentences
from checker.corpus import Corpus, LoadProblem, Source
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

    def extend(self, other: Extraction) -> None:
        """Add what another extraction read (another source's, read before and kept)."""
        self.claims += other.claims
        self.bigrams += other.bigrams
        self.candidates += other.candidates
        self.sentences += other.sentences
        self.problems += other.problems


def pipeline_vocabulary(nlp: Language) -> Vocabulary | None:
    """The Vocabulary the pipeline's checker components read, or None when it has none."""
    found = {id(v): v for _, pipe in nlp.pipeline if isinstance(v := getattr(pipe, "vocabulary", None), Vocabulary)}
    if len(found) > 1:
        raise ValueError("the pipeline's components read different vocabularies")
    return next(iter(found.values()), None)


def extract(corpus: Corpus, nlp: Language | Callable[[], Language], vocab: Vocabulary | None = None,
            batch_size: int = 128, cache: ExtractionCache | None = None) -> Extraction:
    """Run the pipeline over every paragraph of every source.

    The claims are read with the vocabulary the components read (`vocab`, when given, must be it):
    one vocabulary finds a figure and says what it is about. Paragraphs go to the model 128 at a
    time: its matrix products cost less a paragraph in larger batches (about 5% of the model's time
    against 32). With a `cache`, a source read before is taken from it, and the model (`nlp` may be a
    function that loads it) is loaded only when a source is not.
    """
    read: dict[str, Extraction] = {}
    keys = {s.id: cache.key(s) for s in corpus} if cache is not None else {}
    for source_id, key in keys.items():
        if (entry := cache.get(key)) is not None:
            read[source_id] = entry
    todo = [s for s in corpus if s.id not in read]
    if todo:
        nlp = nlp if isinstance(nlp, Language) else nlp()
        components = pipeline_vocabulary(nlp)
        if vocab is not None and components is not None and vocab is not components:
            raise ValueError("extract: vocab is not the vocabulary the pipeline's components read; "
                             "build both from the same additions (load_vocabulary, load_pipeline)")
        fresh = _read(todo, nlp, vocab or components or default_vocabulary(), batch_size)
        for source_id, entry in fresh.items():
            read[source_id] = entry
            if cache is not None:
                cache.put(keys[source_id], entry)
    out = Extraction([], [])
    for s in corpus:  # in corpus order, however the sources were read
        out.extend(read[s.id])
    out.claims.sort(key=lambda c: (c.source, c.start, c.kind))
    out.candidates.sort(key=lambda c: (c.source, c.start))
    out.sentences.sort(key=lambda s: (s.source, s.start))
    return out


def _read(sources: list[Source], nlp: Language, vocab: Vocabulary, batch_size: int) -> dict[str, Extraction]:
    """What each source holds: its claims, word pairs, name candidates, sentences, and the paragraphs it could
    not read."""
    read = {s.id: Extraction([], []) for s in sources}
    by_id = {s.id: s for s in sources}
    items = [(p.text, (s.id, p)) for s in sources for p in s.paragraphs]
    for doc, (source_id, paragraph) in nlp.pipe(items, as_tuples=True, batch_size=batch_size):
        source = by_id[source_id]
        doc._.source = source_id
        doc._.offset = paragraph.start
        doc._.paragraph = paragraph
        doc._.original = source.text
        doc._.meta = source.meta
        try:
            paragraph_read = Extraction(doc_claims(doc, source.line_col, vocab), doc_bigrams(doc),
                                        name_candidates(doc, source.line_col), doc_sentences(doc, source.line_col, vocab))
        except Exception as exc:  # noqa: BLE001 (one paragraph's error is that paragraph's, not the run's)
            line = source.line_col(paragraph.start)[0]
            read[source_id].problems.append(LoadProblem(source.path, f"the paragraph at line {line} could not be "
                                                                     f"read ({exc.__class__.__name__}); the rest of "
                                                                     f"the file is"))
            continue
        read[source_id].extend(paragraph_read)
    return read


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
