"""Component `checker_dates`: DATE entities that state a calendar date, with their DateValue."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from checker.values.dates import parse_date


@Language.component("checker_dates")
def checker_dates(doc: Doc) -> Doc:
    spans = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        value = parse_date(ent.text)
        if value is None:
            continue
        # Widen "June 9" to "June 9-10" when the NER cut the range short.
        span = ent
        if value.day_lo == value.day_hi and ent.end + 1 < len(doc) and doc[ent.end].text in ("-", "–"):
            wider = doc[ent.start : ent.end + 2]
            widened = parse_date(wider.text)
            if widened is not None and widened.day_hi > value.day_hi:
                span, value = wider, widened
        span._.date = value
        spans.append(span)
    doc.spans["dates"] = spans
    return doc
