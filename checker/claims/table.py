"""Claims of a corpus: extraction over all sources and the table an editor can audit."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from spacy.language import Language

from checker.claims.claim import Claim
from checker.claims.extract import doc_claims
from checker.claims.types import PersonName, Quantity
from checker.corpus import Source
from checker.reconcile.translation import Bigram, doc_bigrams

COLUMNS = ["source", "line", "column", "kind", "span", "normalised", "unit", "qualifier", "change",
           "subject", "attribute", "modifiers", "verb", "definite", "titles", "sentence"]


@dataclass
class Extraction:
    """What the pipeline read from a corpus: the claims, and the content-word pairs for the translation check."""

    claims: list[Claim]
    bigrams: list[Bigram]


def extract(sources: list[Source], nlp: Language, batch_size: int = 32) -> Extraction:
    """Run the pipeline over every paragraph of every source."""
    by_id = {s.id: s for s in sources}
    items = [(p.text, (s.id, p.start)) for s in sources for p in s.paragraphs]
    claims: list[Claim] = []
    bigrams: list[Bigram] = []
    for doc, (source_id, offset) in nlp.pipe(items, as_tuples=True, batch_size=batch_size):
        doc._.source = source_id
        doc._.offset = offset
        doc._.meta = by_id[source_id].meta
        claims.extend(doc_claims(doc, by_id[source_id].line_col))
        bigrams.extend(doc_bigrams(doc))
    claims.sort(key=lambda c: (c.source, c.start, c.kind))
    return Extraction(claims, bigrams)


def claims_frame(claims: list[Claim]) -> pd.DataFrame:
    """One row a claim, in corpus order."""
    rows = []
    for c in claims:
        if c.kind == "candidate":  # raw material for name consolidation, not claims
            continue
        v = c.value
        rows.append({
            "source": c.source, "line": c.line, "column": c.column, "kind": c.kind, "span": c.span,
            "normalised": c.normalised,
            "unit": v.unit if isinstance(v, Quantity) else "",
            "qualifier": v.qualifier if isinstance(v, Quantity) else "",
            "change": v.change if isinstance(v, Quantity) else "",
            "subject": c.subject or "", "attribute": c.attribute or "",
            "modifiers": " ".join(c.modifiers), "verb": c.verb or "", "definite": c.definite,
            "titles": "; ".join(t[0] for t in c.titles) if isinstance(v, PersonName) else "",
            "sentence": c.sentence,
        })
    return pd.DataFrame(rows, columns=COLUMNS)
