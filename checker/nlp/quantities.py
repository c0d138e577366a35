"""Component `checker_quantities`: every figure in the Doc as a span with its Quantity.

The statistical NER alone drops qualifiers ("over 60%" -> "60%") and misses "double-digit",
so figures are found by the grammar in values/numbers.py and the NER is used to keep out
what is not a figure: calendar dates, years, and numbers inside names ("FTSE 100").
"""

# No `from __future__ import annotations`: spaCy validates a factory's arguments against its
# annotations, which must be types, not strings.
import math
import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from checker.nlp.movement import movement, transition
from checker.nlp.registry import Entities, annotate, vocabulary_config
from checker.values.dates import calendar_words
from checker.values.numbers import (
    interval_for,
    iter_quantities,
    points_as_thousands,
    qualifier_kind,
    split_figures,
)
from checker.values.types import Interval, Quantity
from checker.values.vocabulary import Vocabulary

SHARE = re.compile(r"\s+of\s")
NAME_LABELS = {"ORG", "PRODUCT", "FAC", "LAW", "WORK_OF_ART", "PERSON", "GPE", "EVENT", "LOC", "NORP"}


def _named_numbers(vocab: Vocabulary) -> re.Pattern[str]:
    names = sorted(vocab.labels.named_numbers, key=len, reverse=True)
    return re.compile(r"(?<![\w&])(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names) + r")(?![\w])", re.I)


def _named_spans(text: str, vocab: Vocabulary) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in vocab.derived("named_numbers", _named_numbers).finditer(text)]


def _bare(q: Quantity) -> bool:
    return q.dimension in ("number", "count", "score") and not q.qualifier


def _names_something(span: Span, vocab: Vocabulary) -> bool:
    """A bare number that is an identifier, an address, a time or part of a name."""
    doc = span.doc
    first, last = span[0], span[-1]
    prev = doc[first.i - 1] if first.i > 0 else None
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    table = vocab.labels
    if prev is not None and prev.lower_ in table.label_nouns and first.like_num and not first.is_alpha:
        return True  # "category 4", "Game 7", "Section 230"
    if nxt is not None and nxt.lower_ in table.time_zones and nxt.text.isupper():
        return True  # "0401 GMT"
    if first.like_num and not first.is_alpha:
        after = doc[last.i + 1 : last.i + 6]
        for tok in after:  # "575 Elm Road", "9 E 71st St"; not "9 Supreme Court justices"
            if tok.lower_ in table.street_words and tok.text[:1].isupper():
                return first.head.i <= tok.i
            if not (tok.text[:1].isupper() or re.fullmatch(r"\d+(?:st|nd|rd|th)", tok.lower_)):
                break
        if first.text.isdigit() and nxt is not None and nxt.tag_ == "NNP" and nxt.is_title and len(nxt) > 2 \
                and first.head.i == nxt.i and nxt.ent_type_ not in ("NORP", "GPE"):
            return True  # a model name: "the 787 Dreamliner", "11 Pro"
        if prev is not None and prev.text == "(" and nxt is not None and nxt.text == ")" and first.i > 1 \
                and doc[first.i - 2].pos_ == "PROPN":
            return True  # a player's number after the name: "Ana Ruiz (4)"
    if first.is_alpha and first.text[:1].isupper() and not first.is_sent_start and prev is not None \
            and _is_name_part(prev):
        return True  # a number word inside a name: "the Fantastic Four"
    return False


def _inside(span: Span, labels: set[str], entities: Entities | None = None) -> Span | None:
    ent = (entities or Entities(span.doc)).at(span.start)
    return ent if ent is not None and ent.label_ in labels else None


def _inside_name(span: Span, entities: Entities | None = None) -> bool:
    """Inside a name the NER found, unless the name starts with the figure ("5kW solar system X")."""
    ent = _inside(span, NAME_LABELS, entities)
    return ent is not None and ent.start != span.start


def _is_name_part(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and any(ch.isupper() for ch in tok.text)


def _count_after_name(span: Span, name: Token) -> bool:
    """The number counts a plural noun of its own after a name: "Civic Union 25 seats"."""
    noun = span.root.head
    return span.root.dep_ == "nummod" and noun.tag_ == "NNS" and noun.i >= span.end and name.head.i != noun.i \
        and noun.head.i != noun.i and not noun.is_title


def _counts_in_thousands(span: Span) -> bool:
    """"2,000 beds", "2 000 people": a year is never written with a thousands separator."""
    return bool(re.search(r"\d[,\s\u00a0]\d{3}", span.text))


def _is_figure(span: Span, q: Quantity, named: list[tuple[int, int]], vocab: Vocabulary,
               entities: Entities | None = None) -> bool:
    if any(s <= span.start_char and span.end_char <= e for s, e in named):
        return False  # "the S&P 500"
    if _bare(q) and _names_something(span, vocab):
        return False
    entities = entities or Entities(span.doc)
    if _inside_name(span, entities) and not q.dimension.startswith(("physical", "currency", "percent")):
        return False
    date_ent = _inside(span, {"DATE", "TIME"}, entities)
    if date_ent is not None and q.dimension in ("number", "count", "score") \
            and (date_ent.label_ == "TIME" or calendar_words(vocab).search(date_ent.text)):
        return False  # "June 9", "11 a.m."
    if q.dimension == "number" and q.shape in ("exact", "range") and 1900 <= q.value <= 2100 and q.value.is_integer() \
            and 1900 <= q.interval.hi <= 2100 and not _counts_in_thousands(span):
        return False  # a year, or a span of years
    first = span[0]
    prev = span.doc[first.i - 1] if first.i > 0 else None
    if q.dimension == "number" and first.lower_ == "one" and len(span) == 1 and first.pos_ != "NUM":
        return False  # "each one", "the same one": a pronoun
    if q.dimension in ("number", "count") and not q.qualifier and first.like_num and not first.is_alpha:
        # A number inside a name: "FTSE 100", "Boeing 737", "iPhone 11 Pro", "Planet 9". Not a count
        # after a name, in a phrase of its own: "Civic Union 25 seats, Green Alliance 17" (in "Boeing 737
        # jets" the name and the number both modify the noun).
        if prev is not None and _is_name_part(prev) and not _count_after_name(span, prev):
            return False
    return True


def _counted_noun(span: Span, q: Quantity) -> Quantity:
    """A bare number that counts a noun ("seven hospitals") takes the noun as its unit."""
    if q.dimension != "number" or q.shape == "vague":
        return q
    # The number's token, not the span's root: in "An estimated 3,200 protesters" the article heads the span.
    root = next((t for t in span if t.dep_ == "nummod" and t.like_num), span.root)
    head = root.head
    if root.dep_ == "nummod" and head.pos_ in ("NOUN", "PROPN") and head.i >= span.end:
        return replace(q, unit=head.lemma_.lower(), dimension="count")
    return q


GUESSES = ("can", "could", "may", "might")  # "fines can go up to €10,000": as far as it may go, a bound


def _level_reached(span: Span, q: Quantity, vocab: Vocabulary) -> tuple[Span, Quantity]:
    """"The minimum wage will go up to €14.35": the level a verb's "up" reaches, not "up to" as a bound; the figure
    is the one after "to". Said as a guess ("fines can go up to €10,000"), or of a verb whose "up" is no direction
    ("gave up to 517 yards"), it is the bound still."""
    up = span[0]
    if q.qualifier != "up to" or up.lower_ != "up" or len(span) < 3 or span[1].lower_ != "to":
        return span, q
    verb = up.head
    if up.dep_ not in ("advmod", "prt") or verb.pos_ != "VERB" or verb.i != up.i - 1 \
            or verb.lemma_.lower() in vocab.movement.phrasal \
            or any(c.dep_ == "aux" and c.lower_ in GUESSES for c in verb.children):
        return span, q
    level = span[2:]
    return level, replace(q, text=level.text, shape="exact", qualifier="", interval=Interval(q.value, q.value),
                          change="up-to")


def _is_transition(span: Span, q: Quantity, vocab: Vocabulary) -> bool:
    """A range that is really a movement: "rose from 5% to 7%", "rose by $4bn to $41bn"."""
    if q.shape != "range":
        return False
    first = span[0]
    if first.lower_ == "from":
        return transition(first, vocab) in ("up", "down")
    if first.lower_ == "between" or " to " not in span.text:
        return False
    text = span.doc.text
    part = next(split_figures(text, span.start_char, span.end_char, vocab=vocab), None)
    lead = span.doc.char_span(part[0], part[1]) if part is not None else None
    return lead is not None and movement(lead, vocab=vocab) in ("up", "down")


def _restate(doc: Doc, before: tuple[Span, Quantity], after: tuple[Span, Quantity], vocab: Vocabulary) -> Quantity:
    """A conversion in brackets restates the figure before it, qualifier and movement included:
    "more than 100 km (60 miles)" is more than 60 miles. The second figure, restated or not."""
    (first, a), (second, b) = before, after
    if second.start != first.end + 1 or doc[first.end].text != "(" or b.qualifier or b.change:
        return b
    if not (a.qualifier or a.change) or a.dimension in ("number", "count") or b.dimension in ("number", "count"):
        return b
    kind = qualifier_kind(a.qualifier, vocab)
    if b.shape == "range":
        interval = b.interval
    else:
        interval = interval_for(kind, b.value, 100.0 if b.dimension == "percent" and a.interval.hi == 100.0 else math.inf)
    shape = b.shape if b.shape == "range" else a.shape
    return replace(b, interval=interval, shape=shape, qualifier=a.qualifier, change=a.change)


# A duration written in two units, the larger first ("4 hours 52 minutes", "four hours and 52 minutes", "2 days, 6
# hours"): how many of the smaller unit each of the larger holds.
DURATION_STEPS = {("day", "hour"): 24, ("hour", "minute"): 60, ("minute", "second"): 60}


def _compound_durations(doc: Doc, found: list[tuple[Span, Quantity]], vocab: Vocabulary) -> list[tuple[Span, Quantity]]:
    """Durations written in two units read as one figure in the smaller: "lasted 4 hours 52 minutes" is 292
    minutes, not a figure of 4 hours beside one of 52 minutes; "about 3 hours 41 minutes" is about 221."""
    out: list[tuple[Span, Quantity]] = []
    for span, q in found:
        if out:
            last, p = out[-1]
            step = DURATION_STEPS.get((p.unit, q.unit)) if p.dimension == q.dimension == "duration" else None
            between = [t.lower_ for t in doc[last.end : span.start]]
            if step and between in ([], ["and"], [","]) and p.shape in ("exact", "approx", "bound") \
                    and q.shape == "exact" and not (q.qualifier or p.change or q.change) \
                    and float(p.value).is_integer() and q.value < step:
                value = p.value * step + q.value
                merged = doc[last.start : span.end]
                interval = interval_for(qualifier_kind(p.qualifier, vocab), value, math.inf) if p.qualifier \
                    else Interval(value, value)
                out[-1] = (merged, replace(q, text=merged.text, value=value, interval=interval, shape=p.shape,
                                           qualifier=p.qualifier, step=1.0))
                continue
        out.append((span, q))
    return out


# Words after "twice" that make it a ratio ("twice as many", "twice the size", "twice that") or a frequency ("twice a
# week", "twice daily"), not how many times an act was done.
NOT_REPEATED = {"as", "the", "a", "an", "that", "this", "its", "his", "her", "their", "what", "more", "over", "than",
                "per", "each", "every", "daily", "weekly", "monthly", "yearly", "annually", "nightly", "hourly"}


def _repetitions(doc: Doc, found: list[tuple[Span, Quantity]], vocab: Vocabulary) -> list[tuple[Span, Quantity]]:
    """How many times a verb's act was done, said by an adverb ("trading was halted twice"): a count of times, as
    "halted three times" is. Not a ratio nor a frequency (NOT_REPEATED), nor a word a figure already covers."""
    taken = {i for span, _ in found for i in range(span.start, span.end)}
    out = []
    for tok in doc:
        n = vocab.numbers.repetitions.get(tok.lower_)
        if n is None or tok.i in taken or tok.dep_ not in ("advmod", "npadvmod") or tok.head.pos_ not in ("VERB", "AUX"):
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and (nxt.lower_ in NOT_REPEATED or nxt.text == "-"):
            continue
        out.append((doc[tok.i : tok.i + 1], Quantity(tok.text, float(n), Interval(float(n), float(n)), "time", "count",
                                                     "exact")))
    return out


class QuantityFinder:
    """Finds the figures of a Doc with the vocabulary's number grammar, units and labels."""

    def __init__(self, nlp: Language, name: str = "checker_quantities", *, vocabulary: Vocabulary):
        self.name = name
        self.vocabulary = vocabulary

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> list[tuple[Span, Quantity]]:
        """Each figure's span and Quantity, in order."""
        vocab = self.vocabulary
        found_spans: list[tuple[Span, Quantity]] = []
        text = doc.text
        named = _named_spans(text, vocab)
        share_at = lambda e: bool(SHARE.match(text, e))  # noqa: E731
        found = list(iter_quantities(text, share_at=share_at, vocab=vocab))
        entities = Entities(doc)
        for start, end, q in found:
            span = doc.char_span(start, end, alignment_mode="strict")
            if span is None and text[end : end + 1] == ".":
                span = doc.char_span(start, end + 1, alignment_mode="strict")  # "USD10m." is one token
            if span is not None and _is_transition(span, q, vocab):
                # "rose from 5% to 7%" is two levels, before and after, not a range.
                found.extend(split_figures(text, start, end, share_at, vocab))
                continue
            if span is None or not _is_figure(span, q, named, vocab, entities):
                continue
            span, q = _level_reached(span, q, vocab)
            q = _counted_noun(span, q)
            if q.dimension == "count" or q.dimension.startswith("currency"):
                q = points_as_thousands(q)
            if not q.change and q.shape != "score":
                q = replace(q, change=movement(span, q.unit if q.dimension == "count" else "", vocab))
            found_spans.append((span, q))
        found_spans += _repetitions(doc, found_spans, vocab)
        found_spans.sort(key=lambda f: (f[0].start, f[0].end))
        found_spans = _compound_durations(doc, found_spans, vocab)
        for k in range(1, len(found_spans)):
            found_spans[k] = (found_spans[k][0], _restate(doc, found_spans[k - 1], found_spans[k], vocab))
        return found_spans

    def set_annotations(self, doc: Doc, matches: list[tuple[Span, Quantity]]) -> Doc:
        return annotate(doc, "quantities", "quantity", matches)


@Language.factory("checker_quantities", default_config={"vocabulary": vocabulary_config()})
def make_quantity_finder(nlp: Language, name: str, vocabulary: Vocabulary) -> QuantityFinder:
    return QuantityFinder(nlp, name, vocabulary=vocabulary)


__all__ = ["QuantityFinder", "make_quantity_finder"]
