"""Component `checker_quantities`: every figure in the Doc as a span with its Quantity.

The statistical NER alone drops qualifiers ("over 60%" -> "60%") and misses "double-digit",
so figures are found by the grammar in claims/quantity.py and the NER is used to keep out
what is not a figure: calendar dates, years, and numbers inside names ("FTSE 100").
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from checker.claims.extract import movement
from checker.claims.quantity import iter_quantities
from checker.claims.types import Quantity

SHARE = re.compile(r"\s+of\s")
NAME_LABELS = {"ORG", "PRODUCT", "FAC", "LAW", "WORK_OF_ART", "PERSON", "GPE", "EVENT", "LOC", "NORP"}
CALENDAR = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(1[89]|20)\d\d\b",
    re.IGNORECASE,
)


def _inside(span: Span, labels: set[str]) -> Span | None:
    for ent in span.doc.ents:
        if ent.label_ in labels and ent.start <= span.start < ent.end:
            return ent
    return None


def _inside_name(span: Span) -> bool:
    """Inside a name the NER found, unless the name starts with the figure ("5kW solar system X")."""
    ent = _inside(span, NAME_LABELS)
    return ent is not None and ent.start != span.start


def _is_name_part(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and any(ch.isupper() for ch in tok.text)


def _is_figure(span: Span, q: Quantity) -> bool:
    if _inside_name(span):
        return False
    date_ent = _inside(span, {"DATE", "TIME"})
    if date_ent is not None and q.dimension != "duration" and (date_ent.label_ == "TIME" or CALENDAR.search(date_ent.text)):
        return False  # "June 9", "11 a.m."
    if q.dimension == "number" and q.shape in ("exact", "range") and 1900 <= q.value <= 2100 and q.value.is_integer() \
            and 1900 <= q.interval.hi <= 2100:
        return False  # a year, or a span of years
    first = span[0]
    prev = span.doc[first.i - 1] if first.i > 0 else None
    if q.dimension == "number" and first.lower_ == "one" and len(span) == 1 and first.pos_ != "NUM":
        return False  # "each one", "the same one": a pronoun
    if q.dimension in ("number", "count") and not q.qualifier and first.like_num and not first.is_alpha:
        # A number inside a name: "FTSE 100", "Boeing 737", "iPhone 11 Pro", "Planet 9".
        if prev is not None and _is_name_part(prev):
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
    text = doc.text
    for start, end, q in iter_quantities(text, share_at=lambda e: bool(SHARE.match(text, e))):
        span = doc.char_span(start, end, alignment_mode="strict")
        if span is None or not _is_figure(span, q):
            continue
        q = _counted_noun(span, q)
        if not q.change:
            q = replace(q, change=movement(span))
        span._.quantity = q
        spans.append(span)
    doc.spans["quantities"] = spans
    return doc


__all__ = ["checker_quantities"]
