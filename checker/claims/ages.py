"""Doc -> the person whose age a figure states.

"The 31-year-old driver, Anna Keller", "Anna Keller, 32,", "Keller, aged 31", "Keller, who was 31":
the figure is an attribute of the person, compared across sources through the person's cluster
(groups/figures.py), not a quantity of the story.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from checker.values.types import Quantity
from checker.values.vocabulary import Vocabulary

NEAR = 4  # tokens between "31-year-old" and the name it describes ("the 31-year-old driver, Anna Keller")


def is_year_old(span: Span) -> bool:
    """"31-year-old": the figure's span ends in "year" and "-old" follows."""
    doc = span.doc
    tail = [t.lower_ for t in doc[span.end : span.end + 2]]
    return span[-1].lower_ in ("year", "years") and (tail[:2] == ["-", "old"] or tail[:1] == ["old"])


def _after_year_old(span: Span) -> int:
    """The token after "31-year-old" ("31-year" is the figure's span; "-old" or "old" follows)."""
    doc = span.doc
    return span.end + 2 if span.end < len(doc) and doc[span.end].text == "-" else span.end + 1


def _person_ending_at(people: list[Span], i: int) -> Span | None:
    """The person whose mention ends just before token i, a comma between them allowed."""
    for p in people:
        if p.end == i or (p.end == i - 1 and p.doc[i - 1].text == ","):
            return p
    return None


def _name_at(doc, i: int) -> Span | None:
    """A capitalised proper noun at token i that the NER did not call a person: the corpus's people may
    know it (groups/figures.py reads the age through the person's cluster)."""
    if not 0 <= i < len(doc):
        return None
    tok = doc[i]
    if tok.pos_ == "PROPN" and tok.is_title and tok.is_alpha and len(tok) > 1 \
            and tok.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
        return doc[i : i + 1]
    return None


def age_holder(span: Span, people: list[Span], vocab: Vocabulary) -> Span | None:
    """The person mention whose age the figure `span` states, or None."""
    q: Quantity | None = span._.quantity
    if q is None or q.shape != "exact" or q.qualifier or q.change or not (0 < q.value <= vocab.max_age):
        return None
    doc, sent = span.doc, span.sent
    people = [p for p in people if p.sent == sent]
    if is_year_old(span):
        after = _after_year_old(span)
        if after < len(doc) and doc[after].tag_ == "NN" and after + 1 < len(doc) and doc[after + 1].tag_ == "POS":
            return None  # "the 32-year-old singer's agent Jo Ortolan": the singer's age, not the agent's
        ahead = [p for p in people if after <= p.start <= after + NEAR]
        if ahead:
            return ahead[0]  # "the 31-year-old driver, Anna Keller"
        if (named := _name_at(doc, after)) is not None:
            return named  # "the 40-year-old Vellacott", the NER's place
        # "Anna Keller, a 31-year-old teacher": the name ends before the article and its comma.
        before = span.start - 1 if span.start and doc[span.start - 1].lower_ in ("a", "an") else span.start
        return _person_ending_at(people, before)
    if q.dimension not in ("number", "count") or q.unit or float(q.value) != int(q.value):
        return None
    prev = doc[span.start - 1] if span.start > sent.start else None
    nxt = doc[span.end] if span.end < sent.end else None
    if prev is not None and prev.text == "," and (nxt is None or nxt.text in (",", ".", ")", ";")):
        # "Anna Keller, 32,"; "Brannigan, 50, escaped", the NER's organisation
        return _person_ending_at(people, span.start - 1) or _name_at(doc, span.start - 2)
    if prev is not None and prev.lower_ in vocab.age_words:
        return _person_ending_at(people, prev.i)  # "Keller, aged 31"
    if prev is not None and prev.lemma_ == "be" and prev.i >= 1 and doc[prev.i - 1].lower_ == "who":
        return _person_ending_at(people, prev.i - 1)  # "Keller, who was 31"
    return None


def as_age(q: Quantity) -> Quantity:
    """A figure read as an age: years, whether written "31-year-old" or "31"."""
    return q if q.unit == "year" else replace(q, unit="year", dimension="duration")


def of_someone(span: Span, vocab: Vocabulary) -> bool:
    """"the 40-year-old American", "a 61-year-old man": an age standing before a person, named or not.
    Not "the 10-year-old law"."""
    after = _after_year_old(span)
    for tok in span.doc[after : after + 3]:
        if tok.pos_ in ("ADJ", "PUNCT") or tok.dep_ == "amod":
            continue  # "a 33-year-old hard partying actress"
        lemma = tok.lemma_.lower()
        return (lemma in vocab.person_nouns or lemma in vocab.relatives or lemma in vocab.frames.people
                or tok.pos_ == "PROPN" or tok.ent_type_ in ("NORP", "PERSON"))
    return False
