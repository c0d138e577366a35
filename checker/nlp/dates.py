"""Component `checker_dates`: DATE entities that state a calendar date, with their DateValue."""

# No `from __future__ import annotations`: spaCy validates a factory's arguments against its
# annotations, which must be types, not strings.
from spacy.language import Language
from spacy.tokens import Doc, Span

from checker.nlp.registry import annotate, vocabulary_config
from checker.values.dates import parse_date
from checker.values.types import DateValue
from checker.values.vocabulary import Vocabulary


class DateFinder:
    """Reads the NER's DATE entities with the vocabulary's month names."""

    def __init__(self, nlp: Language, name: str = "checker_dates", *, vocabulary: Vocabulary):
        self.name = name
        self.vocabulary = vocabulary

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> list[tuple[Span, DateValue]]:
        found = []
        for ent in doc.ents:
            if ent.label_ != "DATE":
                continue
            value = parse_date(ent.text, self.vocabulary)
            if value is None:
                continue
            # Widen "June 9" to "June 9-10" when the NER cut the range short.
            span = ent
            if value.day_lo == value.day_hi and ent.end + 1 < len(doc) and doc[ent.end].text in ("-", "–"):
                wider = doc[ent.start : ent.end + 2]
                widened = parse_date(wider.text, self.vocabulary)
                if widened is not None and widened.day_hi > value.day_hi:
                    span, value = wider, widened
            found.append((span, value))
        return found

    def set_annotations(self, doc: Doc, matches: list[tuple[Span, DateValue]]) -> Doc:
        return annotate(doc, "dates", "date", matches)


@Language.factory("checker_dates", default_config={"vocabulary": vocabulary_config()})
def make_date_finder(nlp: Language, name: str, vocabulary: Vocabulary) -> DateFinder:
    return DateFinder(nlp, name, vocabulary=vocabulary)
