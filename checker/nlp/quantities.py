"""Component `checker_quantities`: every figure in the Doc as a span with its Quantity.

The statistical NER alone drops qualifiers ("over 60%" -> "60%") and misses "double-digit",
so figures are found by the grammar in claims/quantity.py and the NER is used to keep out
what is not a figure: calendar dates, years, and numbers inside names ("FTSE 100").
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from checker.claims.quantity import parse_quantity, quantity_regex
from checker.claims.types import Interval, Quantity

NAME_LABELS = {"ORG", "PRODUCT", "FAC", "LAW", "WORK_OF_ART", "PERSON", "GPE", "EVENT", "LOC", "NORP"}
CALENDAR = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(1[89]|20)\d\d\b",
    re.IGNORECASE,
)
DEFINITE = {"the", "its", "their", "his", "her", "our", "both", "these", "those", "'s", "’s"}


def _inside(span: Span, labels: set[str]) -> Span | None:
    for ent in span.doc.ents:
        if ent.label_ in labels and ent.start <= span.start < ent.end:
            return ent
    return None


def _is_figure(span: Span, q: Quantity) -> bool:
    if _inside(span, NAME_LABELS):
        return False
    date_ent = _inside(span, {"DATE", "TIME"})
    if date_ent is not None and q.dimension != "duration" and CALENDAR.search(date_ent.text):
        return False
    if q.dimension == "number" and q.shape == "exact" and 1900 <= q.value <= 2100 and q.value.is_integer():
        return False  # a year
    first = span[0]
    prev = span.doc[first.i - 1] if first.i > 0 else None
    if q.dimension in ("number", "count") and not q.qualifier and prev is not None and prev.pos_ == "PROPN" \
            and prev.text[:1].isupper():
        return False  # a number that ends a name: "FTSE 100", "Boeing 737"
    if q.dimension == "number" and q.shape == "exact" and first.lower_ in ("one", "two"):
        # "the two sides", "one of the": reference, not a claim
        if prev is None or prev.lower_ in DEFINITE or first.lower_ == "one":
            return False
    return True


def _counted_noun(span: Span, q: Quantity) -> Quantity:
    """A bare number that counts a noun ("seven hospitals") takes the noun as its unit."""
    if q.dimension != "number" or q.shape == "vague":
        return q
    root = span.root
    head = root.head
    if root.dep_ == "nummod" and head.pos_ in ("NOUN", "PROPN") and head.i >= span.end:
        return Quantity(q.text, q.value, q.interval, head.lemma_.lower(), "count", q.shape, q.qualifier, q.change)
    return q


@Language.component("checker_quantities")
def checker_quantities(doc: Doc) -> Doc:
    spans = []
    for m in quantity_regex().finditer(doc.text):
        span = doc.char_span(m.start(), len(m.group(0).rstrip()) + m.start(), alignment_mode="strict")
        if span is None or not m.group(0).strip():
            continue
        share = bool(re.match(r"\s+of\s", doc.text[m.end() : m.end() + 4]))
        q = parse_quantity(m, share=share)
        if q is None or not _is_figure(span, q):
            continue
        span._.quantity = _counted_noun(span, q)
        spans.append(span)
    doc.spans["quantities"] = spans
    return doc


__all__ = ["checker_quantities", "Interval"]
