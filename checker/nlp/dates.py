"""Component `checker_dates`: DATE entities that state a calendar date, with their DateValue."""

# No `from __future__ import annotations`: spaCy validates a factory's arguments against its
# annotations, which must be types, not strings.
from spacy.language import Language
from spacy.tokens import Doc, Span

from checker.nlp.registry import annotate, vocabulary_config
from checker.values.dates import parse_date
from checker.values.types import DateValue
from checker.values.vocabulary import Vocabulary


def _day_number(tok) -> bool:
    """A day of a month written in digits, outside any other entity than a number."""
    return tok.text.isdigit() and 1 <= int(tok.text) <= 31 and tok.ent_type_ in ("", "CARDINAL", "DATE")


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
            span = ent
            if not value.day_lo or value.day_lo != value.day_hi:
                # "22 October" the NER read as a number and a month ("22" CARDINAL, "October" DATE): the day is
                # the date's, before the month or after it ("October 22").
                for day in (ent.start - 1, ent.end):
                    if not 0 <= day < len(doc) or not _day_number(doc[day]):
                        continue
                    wider = doc[min(day, ent.start) : max(day + 1, ent.end)]
                    widened = parse_date(wider.text, self.vocabulary)
                    if widened is not None and widened.day_lo and widened.day_lo == widened.day_hi:
                        span, value = wider, widened
                        break
            # Widen "June 9" to "June 9-10" when the NER cut the range short.
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
