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
            span = ent
            if value is None:
                # "on Saturday, Oct 24": the NER takes the weekday alone, the month abbreviated and the day outside
                # any entity; the date they make is the weekday's
                span, value = self._day_after(doc, ent)
                if value is None:
                    continue
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

    def _day_after(self, doc: Doc, ent: Span) -> tuple[Span, DateValue | None]:
        """A weekday the NER read alone, widened over the month and day written after it outside any entity
        ("Saturday, Oct 24", "Saturday, the 24 October"), or (ent, None)."""
        vocab = self.vocabulary
        if ent.text.lower() not in vocab.weekdays:
            return ent, None
        for n in (2, 3, 4):
            end = ent.end + n
            if end > len(doc) or any(t.ent_type_ not in ("", "CARDINAL") for t in doc[ent.end:end]):
                break
            if not (_day_number(doc[end - 1]) or doc[end - 1].lower_.rstrip(".") in vocab.months):
                continue
            value = parse_date(doc[ent.start:end].text, vocab)
            if value is not None and value.month and value.day_lo and value.day_lo == value.day_hi:
                return doc[ent.start:end], value
        return ent, None

    def set_annotations(self, doc: Doc, matches: list[tuple[Span, DateValue]]) -> Doc:
        return annotate(doc, "dates", "date", matches)


@Language.factory("checker_dates", default_config={"vocabulary": vocabulary_config()})
def make_date_finder(nlp: Language, name: str, vocabulary: Vocabulary) -> DateFinder:
    return DateFinder(nlp, name, vocabulary=vocabulary)
