"""Doc -> the person whose age a figure states.

"The 31-year-old driver, Anna Keller", "Anna Keller, 32,", "Keller, aged 31", "Keller, who was 31":
the figure is an attribute of the person, compared across sources through the person's cluster
(groups/figures.py), not a quantity of the story.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from checker.nlp.registry import sentence_at
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


def _describes(name: Span) -> bool:
    """A name that modifies the noun after it ("a 66-year-old Marrowby woman", where the NER may see a
    person): the noun is who the age is of."""
    last, doc = name[-1], name.doc
    return last.dep_ == "compound" and last.head.i > last.i or (
        name.end < len(doc) and doc[name.end].pos_ == "NOUN" and doc[name.end].is_lower)


def _name_at(doc, i: int, vocab: Vocabulary, sentence_start_word: bool = False) -> Span | None:
    """A capitalised proper noun at token i that the NER did not call a person: the corpus's people may
    know it (groups/figures.py reads the age through the person's cluster). Not a place or a people
    that names what someone is ("a 39-year-old Marrowby resident", "the 40-year-old Canadian").
    `sentence_start_word`: a capitalised word opening the sentence may be a name the tagger took for a
    noun ("Brannigan, 50, escaped" tagged a plural noun)."""
    if not 0 <= i < len(doc):
        return None
    tok = doc[i]
    proper = tok.pos_ == "PROPN" or (sentence_start_word and tok.is_sent_start and tok.pos_ == "NOUN")
    if not (proper and tok.is_title and tok.is_alpha and len(tok) > 1):
        return None
    if tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL") and not (
            sentence_start_word and tok.ent_type_ == "DATE" and tok.lower_ not in vocab.months
            and tok.lower_ not in vocab.weekdays):
        # a date's word, not a name; but "Arcand, 61, served two terms", which the NER reads as a date ("June, 61"),
        # sets off a surname's age as any "Keller, 31," does
        return None
    if tok.ent_type_ == "NORP" and vocab.place(tok.text) is not None:
        return None  # "the 40-year-old Canadian": a demonym; the NER's NORP may be a surname it does not know
    if _describes(doc[i : i + 1]):
        return None  # "the 40-year-old Marrowby native": the word describes the native
    return doc[i : i + 1]


def _person_at(tok, people: list[Span]) -> Span | None:
    """The person mention holding the token; else, for a capitalised proper noun the NER took for no one
    ("Matthias Renholt, who died aged 87"), the name it ends (the corpus's people may know it)."""
    named = next((p for p in people if p.start <= tok.i < p.end), None)
    if named is not None or tok.pos_ != "PROPN" or not tok.is_title or tok.ent_type_ not in ("", "PERSON"):
        return named
    start = min((c.i for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.is_title), default=tok.i)
    return tok.doc[start : tok.i + 1]


def _beside(tok, people: list[Span]):
    """The token, or for a noun in apposition that no person mention holds, the name it stands beside ("Keller, the
    former mayor who died aged 91": the mayor is Keller)."""
    if tok.dep_ == "appos" and not any(p.start <= tok.i < p.end for p in people):
        return tok.head
    return tok


def _named_as(doc, i: int) -> int:
    """Where the words before a name at token i end, less a "named as" or "identified as" just before it ("a
    41-year-old driver identified as Dario Kell": the name is the driver's, not another clause's)."""
    if i >= 2 and doc[i - 1].lower_ == "as" and doc[i - 2].lower_ in ("named", "identified"):
        return i - 2
    return i


def _may_be_age(q: Quantity | None, vocab: Vocabulary) -> bool:
    """An exact figure, neither hedged nor a move, that a person's age can be."""
    return q is not None and q.shape == "exact" and not q.qualifier and not q.change and 0 < q.value <= vocab.max_age


def _bare_whole(q: Quantity) -> bool:
    """"32", not "32 years" or "3.2": an age written beside a name carries no unit."""
    return q.dimension in ("number", "count") and not q.unit and float(q.value) == int(q.value)


def _set_off(span: Span) -> bool:
    """"Keller, 32, said": the figure between a comma and a comma or the end of the clause."""
    doc = span.doc
    sent = sentence_at(doc, span.start)
    return span.start > sent.start and doc[span.start - 1].text == "," and (
        span.end >= sent.end or doc[span.end].text in (",", ".", ")", ";"))


def age_holder(span: Span, people: list[Span], vocab: Vocabulary) -> Span | None:
    """The person mention whose age the figure `span` states, or None."""
    q: Quantity | None = span._.quantity
    if not _may_be_age(q, vocab):
        return None
    doc = span.doc
    sent = sentence_at(doc, span.start)
    people = [p for p in people if sent.start <= p.start < sent.end]
    if is_year_old(span):
        after = _after_year_old(span)
        if after < len(doc) and doc[after].tag_ == "NN" and after + 1 < len(doc) and doc[after + 1].tag_ == "POS":
            return None  # "the 32-year-old singer's agent Jo Ortolan": the singer's age, not the agent's
        # "Anna Keller, a 31-year-old teacher": the name ends before the article and its comma.
        before = span.start - 1 if span.start and doc[span.start - 1].lower_ in ("a", "an", "the") else span.start
        if before < span.start and (named := _person_ending_at(people, before)) is not None:
            return named
        # A verb between the noun and a name makes the name another clause's ("the 51-year-old director
        # also said that Capaldi ..."): the age is the director's, whom no name here gives.
        ahead = [p for p in people if after <= p.start and (before_name := _named_as(doc, p.start)) <= after + NEAR
                 and not _describes(p) and not any(t.pos_ in ("VERB", "AUX") for t in doc[after:before_name])]
        if ahead:
            return ahead[0]  # "the 31-year-old driver, Anna Keller"
        # "the 40-year-old Vellacott", the NER's place; "the 36-year-old champion Okafor", a name the
        # NER missed after the noun that describes him.
        for i in range(after, min(len(doc), after + NEAR)):
            if (named := _name_at(doc, i, vocab)) is not None:
                return named
            if not (doc[i].pos_ in ("ADJ", "NOUN") and doc[i].is_lower):
                break
        return _person_ending_at(people, before)
    if not _bare_whole(q):
        if q.unit == "year" and not q.change and _set_off(span):
            return _person_ending_at(people, span.start - 1)  # "Anika Dravel, 26 years, was banned"
        lead = span.start - 1 - (span.start > sent.start + 1 and doc[span.start - 1].lower_ == "of")
        if q.unit == "year" and not q.change and lead >= sent.start and doc[lead].lower_ in vocab.age_words \
                and doc[lead].lower_ != "age":
            # "Keller, aged 31 years"; a translation's "Keller, aged of 68 years" (French "âgé de")
            return _person_ending_at(people, lead)
        return None
    prev = doc[span.start - 1] if span.start > sent.start else None
    if _set_off(span):
        # "Anna Keller, 32,"; "Brannigan, 50, escaped", the NER's organisation
        return _person_ending_at(people, span.start - 1) or _name_at(doc, span.start - 2, vocab, sentence_start_word=True)
    if prev is not None and prev.lower_ in vocab.age_words and (named := _person_ending_at(people, prev.i)):
        return named  # "Keller, aged 31"
    if prev is not None and prev.lower_ in vocab.age_words and prev.dep_ in ("acl", "amod"):
        # "Keller, the former mayor who died on Saturday aged 86": the age of the noun "aged" hangs on, the
        # person it stands in apposition to
        return _person_at(_beside(prev.head, people), people)
    if prev is not None and prev.lemma_ == "be" and prev.i >= 1 and doc[prev.i - 1].lower_ == "who":
        return _person_ending_at(people, prev.i - 1)  # "Keller, who was 31"
    return _died_at(span, people, vocab)


def particles(verb: Token) -> list[str]:
    """The words that make a phrasal verb of the verb: its particle ("stepped down"), or the adverb right after it,
    as the parse often reads one ("passed away")."""
    return [c.lower_ for c in verb.children if c.dep_ == "prt" or c.dep_ == "advmod" and c.i == verb.i + 1]


def _died_at(span: Span, people: list[Span], vocab: Vocabulary) -> Span | None:
    """"Keller dies at 91", "died at age 91", "died at the age of 91", "died on Saturday aged 91": the age of the
    verb's subject."""
    doc = span.doc
    sent = sentence_at(doc, span.start)
    words = [t.lower_ for t in doc[max(sent.start, span.start - 4) : span.start]]
    for lead in (["at"], ["at", "age"], ["at", "the", "age", "of"], ["aged"]):
        if words[-len(lead):] == lead:
            at = doc[span.start - len(lead)]
            break
    else:
        return None
    verb = at.head
    while verb.pos_ not in ("VERB", "AUX") and verb.dep_ in ("pobj", "prep", "npadvmod") and verb.head is not verb:
        verb = verb.head  # "died yesterday in federal prison at 77": the phrase may hang off the place
    if verb.dep_ == "prt":
        verb = verb.head  # "died at 91" and "passed away at 91": the phrase may hang off the particle
    if vocab.events.get(vocab.verb_key(verb.lemma_.lower(), particles(verb))) != "die":
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.lower_ in ("who", "that") and verb.dep_ == "relcl":
                child = verb.head  # "Keller, who died on Sunday at 91,"
            return _person_at(_beside(child, people), people)
    return None


def referred_holder(span: Span, people: list[Span]) -> Span | None:
    """"Capaldi was named on Sunday. The 55-year-old is ...": a bare "the 55-year-old" as the subject
    of its clause refers back to the one person the sentence before names (none named in its own
    sentence before it). Not as an object ("his assault on the 12-year-old"): that is often someone
    the story does not name."""
    doc = span.doc
    if not _bare_subject(span, people):
        return None
    sent = sentence_at(doc, span.start)
    if sent.start == 0:
        return None
    before = sentence_at(doc, sent.start - 1)
    named = [p for p in people if before.start <= p.start < before.end]
    if len({p[-1].lower_ for p in named}) != 1:
        return None
    inside = {i for p in named for i in range(p.start, p.end)}
    if any(t.pos_ == "PROPN" and t.i not in inside and t.ent_type_ in ("", "PERSON") for t in before):
        return None  # a name the tagger did not take for a person may be whom the age is of
    return named[-1]


def _bare_subject(span: Span, people: list[Span]) -> bool:
    """"The 55-year-old is ...": the age alone, as the subject of its clause, with no one named before it in its
    sentence."""
    doc = span.doc
    after = _after_year_old(span)
    if span.start == 0 or doc[span.start - 1].lower_ != "the" or after > len(doc):
        return False
    head = doc[after - 1]  # "old", or the token the parse hangs the phrase on
    if not any(t.dep_ in ("nsubj", "nsubjpass") for t in (head, span.root, doc[span.start - 1].head)):
        return False
    sent = sentence_at(doc, span.start)
    return not any(sent.start <= p.start < span.start for p in people)


def refers_to_paragraph_before(span: Span, people: list[Span]) -> bool:
    """A bare "the 24-year-old" as the subject of its paragraph's first sentence ("Anika Dravel was banned ...
    [new paragraph] The 24-year-old, one of Estavia's best-known athletes, was tested ..."): it refers back to the
    person the paragraph before ends by naming, which the Doc of this paragraph does not hold."""
    return sentence_at(span.doc, span.start).start == 0 and _bare_subject(span, people)


def as_age(q: Quantity) -> Quantity:
    """A figure read as an age: years, whether written "31-year-old" or "31"."""
    return q if q.unit == "year" else replace(q, unit="year", dimension="duration")


def _is_person_word(tok, vocab: Vocabulary) -> bool:
    lemma = tok.lemma_.lower()
    return (lemma in vocab.person_nouns or lemma in vocab.relatives or lemma in vocab.frames.people
            or lemma in vocab.title_words or tok.pos_ == "PROPN" or tok.ent_type_ in ("NORP", "PERSON"))


def described(span: Span, vocab: Vocabulary) -> str | None:
    """The noun that describes the person an age stands before ("a 61-year-old woman": "woman"; "a
    35-year-old sheriff's deputy": "deputy"; "the 40-year-old Canadian": "Canadian"), or None when
    the age is not a person's ("the 10-year-old law")."""
    doc = span.doc
    after = _after_year_old(span)
    for tok in doc[after : after + 3]:
        if tok.pos_ in ("ADJ", "PUNCT") or tok.dep_ == "amod":
            continue  # "a 33-year-old hard partying actress"
        if not _is_person_word(tok, vocab) and not (tok.dep_ in ("compound", "poss") and tok.head.i > tok.i
                                                   and _is_person_word(tok.head, vocab)):
            return None
        # The head the words before it describe: "Marrowby resident", and an office's "sheriff's deputy";
        # not "the 32-year-old actress's agent", the actress's age.
        while tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i <= after + 4 and (
                tok.dep_ == "compound" or tok.dep_ == "poss" and tok.lemma_.lower() in vocab.title_words):
            tok = tok.head
        return tok.text if tok.pos_ == "PROPN" or tok.ent_type_ else tok.lemma_.lower()
    return None


def of_a_thing(span: Span, vocab: Vocabulary) -> bool:
    """"the almost 30-year-old record", "a 30-year-old congregation": the age of something a noun names
    that is no person's word; not "the 28-year-old", "his assault on the 12-year-old"."""
    doc = span.doc
    after = _after_year_old(span)
    for tok in doc[after : after + 3]:
        if tok.pos_ in ("ADJ",) or tok.dep_ == "amod":
            continue
        return tok.pos_ == "NOUN" and not _is_person_word(tok, vocab)
    return False


def described_before(span: Span, vocab: Vocabulary) -> str | None:
    """The noun of "the former city treasurer, 48, was convicted": an age set off by commas after the
    noun that describes the person, with no name to hold it."""
    q: Quantity | None = span._.quantity
    if not _may_be_age(q, vocab) or not _bare_whole(q) or not _set_off(span) or span.start < 2:
        return None
    noun = span.doc[span.start - 2]
    if noun.pos_ != "NOUN" or not noun.is_lower or not _is_person_word(noun, vocab):
        return None
    if not any(t.dep_ == "det" and t.lower_ == "the" for t in noun.children):
        return None  # "the treasurer, 48,"; not "three officers, 48, ..."
    return noun.lemma_.lower()
