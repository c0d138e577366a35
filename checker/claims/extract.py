"""Doc -> claims. Pure functions: a processed Doc in, typed Claims out.

The facets (subject, attribute, modifiers, verb) come from the dependency parse:
"with Tokyo holding over 60% of the regional market" gives subject Japan (an alias of
Tokyo), attribute "market", modifiers ("regional",), verb "hold".
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from checker.claims.ages import (
    age_holder,
    as_age,
    described,
    described_before,
    is_year_old,
    of_a_thing,
    particles,
    referred_holder,
    refers_to_paragraph_before,
)
from checker.claims.claim import REFERS_BACK, Claim, ClaimKind, unnamed
from checker.claims.offsets import source_stretch, source_text
from checker.claims.sentences import is_content, masked_tokens
from checker.nlp.movement import movement, verb_of
from checker.nlp.registry import Entities, sentence_at, sentences
from checker.values.dates import (
    day_named,
    named_weekday,
    parse_article_date,
    parse_date,
    parse_year,
    resolve,
    weekday_of,
)
from checker.values.numbers import joined_to_unit, negated
from checker.values.titles import singular
from checker.values.types import DateValue, Entity, PersonName
from checker.values.vocabulary import Vocabulary, default_vocabulary

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Entities that hold figures rather than being what a figure measures.
PERSON_LIKE = {"PERSON", "ORG", "GPE", "NORP"}
ORG_LABELS = {"ORG", "NORP"}
ENTITY_LABELS = {"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC", "PRODUCT", "EVENT"}


NUMERIC_LABELS = ("MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL")
PERSONAL_PRONOUNS = ("he", "she", "they")
HEDGES = ("may", "might", "could")  # modals that make a statement a guess
EARLIER = ("first", "initially", "originally", "previously", "earlier")  # a figure's verb said of an earlier stage


def _entity(tok: Token, vocab: Vocabulary) -> str | None:
    """Canonical entity named by a token (through its NER span and the alias table)."""
    doc = tok.doc
    if tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in vocab.weekdays or tok.lower_ in vocab.months:
        return None  # "a net loss of 240 million euros on Thursday": a date holds no figure
    if tok.ent_type_ in NUMERIC_LABELS:
        return None  # "an eight-year $200MM deal": the tagger may take a figure's word for a name
    if _framed(tok, vocab):
        return None  # "Turnout was 61.4%": what is measured, though tagged a name, holds nothing
    if tok.ent_type_ in ENTITY_LABELS:
        ent = Entities.of(doc).at(tok.i)
        text = ent.text if ent is not None else tok.text
        # The tagger sometimes keeps the possessive inside the name ("EYP MCF's"): the holder is the name
        text = re.sub(r"\s*['\u2019]s?$", "", text.removeprefix("the ").removeprefix("The ")).strip()
        return vocab.place(text) or vocab.place(tok.text) or text
    if tok.ent_type_ == "WORK_OF_ART":
        return None  # "the 'Titanic' director": a work names what the person is known for, not a holder
    if tok.pos_ == "PROPN":
        return vocab.place(tok.text) or tok.text
    return vocab.place(tok.text) if tok.pos_ == "ADJ" else None


def _entity_in(tok: Token, vocab: Vocabulary) -> str | None:
    """The entity a noun phrase is about: the token itself, its possessor, its compounds or the name in apposition
    to it ("the satellite, Tallow-1,")."""
    found = _entity(tok, vocab)
    if found:
        return found
    end = _dateline_end(tok.sent)
    for child in tok.children:
        if child.i < end:
            continue  # "HALVESSA, Nov 10 (CPA) - Customs officers ...": the parse hangs the dateline on the subject
        if child.dep_ in ("poss", "compound", "amod", "nmod") or child.dep_ == "appos" and _renames(tok, child):
            found = _entity(child, vocab)
            if found:
                return found
    for child in tok.children:  # "duties on Brazilian steel", "sales of German cars"
        if child.dep_ == "prep" and child.lower_ in ("on", "of", "from"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found = _entity_in(pobj, vocab)
                    if found:
                        return found
    return None


def _renames(noun: Token, appos: Token) -> bool:
    """An apposition that names what the noun phrase is ("the satellite, Tallow-1,", "its rival, Airbus,"), not a
    list's next item ("Civic Union 25 seats, Green Alliance 17"): the noun is determined, the apposition counts
    nothing."""
    return any(c.dep_ in ("det", "poss") for c in noun.children) and not any(t.like_num for t in appos.subtree)


def _with(modifiers: tuple[str, ...], *words: str) -> tuple[str, ...]:
    """The modifiers and the words, each once, sorted: how a claim keeps them."""
    return tuple(sorted({*modifiers, *words}))


def _modifier(tok: Token) -> str:
    """A narrowing word as claims keep it: its lemma, but a participle as written ("sustained winds"), which
    the tagger reads now as an adjective ("sustained"), now as a verb ("sustain")."""
    return tok.lower_ if tok.tag_.startswith("VB") else tok.lemma_.lower()


def _modifiers(tok: Token, skip: Span | None = None) -> tuple[str, ...]:
    """Adjectives and compounds narrowing a noun, less the figure's own words ("18-month"), and the verb of
    an infinitive that says what the noun is for ("two chances to tie the score": "tie")."""
    words = [_modifier(c) for c in tok.children if c.dep_ in ("amod", "compound") and c.is_alpha
             and not (skip is not None and skip.start <= c.i < skip.end)]
    words += [c.lemma_.lower() for c in tok.children if c.dep_ == "acl" and c.pos_ in ("VERB", "AUX")
              and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    return tuple(sorted(words))


# Dependency links a figure may climb to reach the verb whose subject it speaks of. A figure in
# an adjunct ("after three weeks of strikes, unions said") says nothing about the verb's subject.
ARGUMENT_DEPS = {"dobj", "attr", "npadvmod", "nsubj", "nsubjpass", "pobj", "compound", "nummod", "quantmod",
                 "amod", "appos", "conj", "acomp", "oprd"}
ARGUMENT_PREPS = {"of", "to", "by", "at", "from"}


def _with_holder(noun: Token, vocab: Vocabulary) -> str | None:
    """The named subject of the verb a "with" phrase of the noun goes with ("Pellby introduced restrictions last
    week, with fines of up to 800 crowns", "the municipality of Pellby adopted ..., with fines that can reach 800
    crowns"): what comes with what someone did is theirs."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "with" or noun.head.head.pos_ not in ("VERB", "AUX"):
        return None
    said = next((c for c in noun.head.head.children if c.dep_ == "nsubj"), None)
    return _entity_in(said, vocab) if said is not None else None


def _argument_verb(tok: Token) -> Token | None:
    """The verb the figure is an argument of, or None when it hangs off an adjunct."""
    while tok.head.i != tok.i:
        if tok.dep_ == "prep" and tok.lower_ not in ARGUMENT_PREPS:
            return None
        if tok.dep_ not in ARGUMENT_DEPS | {"prep"}:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


DATELINE_DASHES = frozenset({"\u2014", "\u2013", "-", "--"})
DATELINE_TOKENS = 10  # the longest a dateline runs: "WASHINGTON, April 30 (Reuters) -" is 8


def _dateline_end(sent: Span) -> int:
    """Where the dateline a sentence opens with ends (the index of its dash), or -1 for none. A dateline is page
    furniture: "NAIROBI, Kenya \u2014", "WASHINGTON, April 30 (Reuters) -". It runs to a dash within
    DATELINE_TOKENS words, without a verb, and its first word is in capitals or it credits an agency in brackets;
    the parse often makes its place the subject of the sentence's verb."""
    for tok in sent[:DATELINE_TOKENS + 1]:
        # a dash set apart by a space, or a long one: "US-led" joins words, it ends no dateline
        if tok.text in DATELINE_DASHES and (tok.text != "-" or tok.i > sent.start and tok.doc[tok.i - 1].whitespace_):
            run = sent.doc[sent.start:tok.i]
            if not run or any(t.pos_ in ("VERB", "AUX") for t in run):
                return -1
            first = next((t for t in run if t.is_alpha), None)
            capitals = first is not None and len(first) > 1 and first.is_upper
            return tok.i if capitals or any(t.text == "(" for t in run) else -1
    return -1


def _past_dateline(tok: Token) -> Token | None:
    """The token itself, or, for a dateline's word, what stands in apposition to it after the dash ("NAIROBI,
    Kenya \u2014 The country's leader ... announced": the leader); None when nothing does."""
    end = _dateline_end(tok.sent)
    if tok.i >= end:
        return tok
    return next((c for c in tok.subtree if c.i > end and c.dep_ == "appos" and c.head.i < end), None)


def _subject_of(verb: Token, vocab: Vocabulary) -> tuple[str | None, Token | None]:
    """The entity that does what the verb says, following xcomp/conj/advcl chains up."""
    v: Token | None = verb
    while v is not None:
        for child in v.children:
            if child.dep_ in ("nsubj", "nsubjpass") and (child := _past_dateline(child)) is not None:
                if child.tag_ in ("WDT", "WP") and v.dep_ == "relcl":
                    return _entity_in(v.head, vocab), v.head  # "Zorbia, which mines 35%": Zorbia mines it
                return _entity_in(child, vocab), child
        if v.dep_ in ("xcomp", "conj", "advcl", "pcomp", "relcl") and v.head.i != v.i:
            v = v.head if v.dep_ != "relcl" else None
        else:
            v = None
    # "with Tokyo holding ...": the subject hangs off the preposition's object
    return None, None


def _antecedent(tok: Token) -> Token:
    """The noun a relative pronoun stands for ("an inflation rate that climbed": the rate), else the token."""
    if tok.tag_ in ("WDT", "WP") and tok.head.dep_ == "relcl" and tok.head.head.pos_ in ("NOUN", "PROPN"):
        return tok.head.head
    return tok


def _verb_lemma(span: Span) -> str | None:
    verb = verb_of(span.root)
    return verb.lemma_.lower() if verb is not None else None


def is_difference(span: Span, vocab: Vocabulary) -> bool:
    """"two points behind", "two more than Ashford": the figure measures a gap, not a total."""
    doc = span.doc
    i = span.end
    if i < len(doc) and doc[i].pos_ == "NOUN" and doc[i].lower_ not in vocab.comparatives:
        i += 1  # the unit noun: "two points behind"
    if i >= len(doc):
        return False
    word = doc[i].lower_
    return word in vocab.difference_words or (word in vocab.comparatives and i + 1 < len(doc) and doc[i + 1].lower_ == "than")


def _share_base(noun: Token, vocab: Vocabulary) -> bool:
    """A noun phrase a share is measured against ("GDP", "the gross domestic product", "annual turnover")."""
    words = [t.lower_ for t in noun.subtree if t.dep_ != "det" and not t.is_punct]
    return " ".join(words) in vocab.share_bases


def quantity_facets(span: Span, vocab: Vocabulary | None = None) -> dict:
    """subject, attribute, modifiers and verb of a quantity span, and whether it refers back."""
    vocab = vocab or default_vocabulary()
    root = span.root
    attribute: Token | None = None
    change = span._.quantity.change if span._.quantity is not None else movement(span, vocab=vocab)
    of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is not None and _share_base(pobj, vocab):
        pobj = None  # "fall to 3.2 per cent of GDP": a share of the deficit the sentence names, measured against GDP
    if pobj is not None:  # "60% of the regional market"
        attribute = pobj
    elif root.dep_ in ("compound", "nummod", "amod", "npadvmod", "quantmod") and root.head.pos_ in ("NOUN", "PROPN") \
            and root.head.i >= span.end:  # "a 25 percent levy", "18-month ban"
        attribute = root.head
    elif root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ in ("NOUN", "PROPN"):
        attribute = root.head.head  # "a levy of 25%", "a peak of 120%"
    elif root.dep_ == "pobj" and root.head.lower_ in ("to", "by", "at", "from"):
        verb = root.head.head
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
        obj = obj or next((s for c in verb.children if c.dep_ == "nsubj" and (s := _antecedent(c)).pos_ == "NOUN"), None)
        attribute = obj
    if attribute is None and root.dep_ == "npadvmod" and root.head.lower_ == "worth":
        attribute = _worth_of(root.head)  # "the deal is worth $160 million", "its offer, worth $143 million"
    # A frame noun ("peak", vocab.frame_nouns) hands over to what it frames ("prices ... reaching a peak").
    modifiers: tuple[str, ...] = ()
    if attribute is not None and attribute.lemma_.lower() in vocab.frame_nouns:
        modifiers = (attribute.lemma_.lower(),)
        compound = next((c for c in attribute.children if c.dep_ == "compound" and c.pos_ == "NOUN"), None)
        framed = verb_of(attribute)
        subj = _subject_of(framed, vocab)[1] if framed is not None and compound is None else None
        if compound is not None:
            attribute = compound  # "an inflation rate that climbed to 8.6%": the rate frames the inflation
        elif subj is not None and subj.pos_ == "NOUN":
            attribute = subj
    if attribute is not None and attribute.lemma_.lower() in vocab.measure_nouns:
        # "the cost of the damage", "the value of the acquisition": the amount is of what the noun
        # measures, when that names a frame of money ("caused 200 million euros of damage")
        of_ = next((c for c in attribute.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        inner = next((c for c in of_.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None) if of_ else None
        if inner is not None and vocab.frames.frame_of(inner.lemma_.lower(), None, (), "money"):
            attribute = inner
    verb_tok = verb_of(root)
    subject = None
    if attribute is not None:
        subject = _entity_in(attribute, vocab)
        if subject is None and attribute.dep_ == "appos":
            subject = _entity(attribute.head, vocab)  # "Civic Union 25 seats, Green Alliance 17": a results line
        modifiers = tuple(sorted(set(modifiers) | set(_modifiers(attribute, span))))
        parts = _counted_in_parts(span, attribute)
        if parts is not None:  # "12 Somali and 11 Yemeni pirates": each count is of its own word's people
            own, others = parts
            subject = _entity(own, vocab) if own is not None else None
            modifiers = tuple(m for m in modifiers if m not in others)
        elif subject is not None and (joint := _joint_holders(attribute, vocab)):
            subject = joint  # "23 Somali and Yemeni pirates": a count of both, not of the first
    # "EYP's 350 employees": a figure of its holder's own, whatever the sentence's verb does with it
    # ("bring EYP's 350 employees into a new division", "EYP has 350 employees").
    owned = attribute is not None and subject is not None and any(
        c.dep_ == "poss" and _entity(c, vocab) == subject for c in attribute.children)
    arg_verb = _argument_verb(root)
    pronoun = False
    if subject is None and arg_verb is not None:
        subject, said_of = _subject_of(arg_verb, vocab)
        # "He completed his first 17 passes": someone named before, likelier the one the others name
        pronoun = subject is None and said_of is not None and (said_of.lower_ in PERSONAL_PRONOUNS
                                                               or _referring(said_of, vocab))
        # "2.1 per cent of the company's global turnover": the organisation named elsewhere
        pronoun = pronoun or subject is None and attribute is not None and _referred_owner(attribute, vocab)
        if subject is None and arg_verb.dep_ == "pcomp":  # "with Tokyo holding over 60%"
            subj = next((c for c in arg_verb.children if c.dep_ == "nsubj"), None)
            subject = _entity_in(subj, vocab) if subj is not None else None
    counted = span._.quantity.unit if span._.quantity is not None else ""
    if subject is None and attribute is not None and counted != attribute.lemma_.lower() \
            and (held := _with_holder(attribute, vocab)) is not None:
        # "Pellby introduced its own restrictions, with fines of up to 800 crowns": Pellby's fines. Not a count of
        # its own noun ("took off with 164 passengers"), which outlets word with and without a holder alike.
        subject = held
    if attribute is None and verb_tok is not None and change:
        # "The index rose 0.4%": the figure measures the subject's move
        subj = next((s for c in verb_tok.children if c.dep_ in ("nsubj", "nsubjpass") and (s := _antecedent(c)).pos_ != "PRON"),
                    None)
        attribute = subj
        if subj is not None:  # "Core inflation rose 0.3%" is not "inflation rose 0.3%"; "Toyota shares" are Toyota's
            modifiers = tuple(sorted(set(modifiers) | {_modifier(c) for c in subj.children if c.dep_ in ("amod", "compound")
                                                       and c.is_alpha and c.pos_ != "PROPN" and not c.ent_type_}))
    q = span._.quantity
    if attribute is None and verb_tok is not None and root.dep_ == "dobj" and q is not None \
            and (q.dimension.startswith("physical") or q.dimension == "percent"):
        # "speeds reached 120 mph", "the tremor measured 6.1": a measure is of what the subject names
        attribute = _noun_subject(verb_tok)
    if attribute is None and root.dep_ in ("attr", "acomp") and root.head.lemma_ == "be":
        # "Revenue was 3.1 million euros": the figure is what the subject is
        subj = next((c for c in root.head.children if c.dep_ == "nsubj" and (c.pos_ == "NOUN" or _framed(c, vocab))),
                    None)
        if subj is not None:
            attribute = subj
            modifiers = tuple(sorted(set(modifiers) | set(_modifiers(subj, span))))
            subject = subject or _entity_in(subj, vocab)
    if attribute is None and verb_tok is not None and verb_tok.lemma_ == "be":
        # "Turnout was the highest in two decades at 64.1%": a measure the subject's noun frames
        attribute = next((c for c in verb_tok.children if c.dep_ == "nsubj" and _framed(c, vocab)), None)
    if attribute is None and span.start >= 2 and span.doc[span.start - 1].text == ":" \
            and span.doc[span.start - 2].pos_ == "NOUN":
        attribute = span.doc[span.start - 2]  # "Attendance: 41,262", "Turnout: 64.1%": a label and its figure
    if attribute is not None and (attribute.pos_ == "PROPN" or attribute.ent_type_ in PERSON_LIKE) \
            and not _framed(attribute, vocab):
        # "sentenced Gigante to 12 years": the noun is the holder, not what the figure measures
        attribute = None
    if is_difference(span, vocab):
        modifiers = _with(modifiers, "difference")
    if _counted_beside_others(root, vocab) or q is not None and q.dimension in ("number", "count") and _partitive(span):
        modifiers = _with(modifiers, "part")
    if q is not None and q.dimension.startswith("currency"):
        attribute, modifiers = _part_of_payment(span, attribute, modifiers, pobj, vocab)
    if verb_tok is not None and verb_tok.lemma_.lower() in vocab.expectation_verbs:
        modifiers = _with(modifiers, "expected")  # a forecast is not the result
    if verb_tok is not None and _reached_by(verb_tok):
        modifiers = _with(modifiers, "checkpoint")  # "1,800 litres had leaked by 08:00": how far it had come then
    if verb_tok is not None and any(c.dep_ == "advmod" and c.lower_ in EARLIER for c in verb_tok.children):
        modifiers = _with(modifiers, "previous")  # "had first put the cost at €1.5 million": an earlier stage's figure
    if verb_tok is not None and verb_tok.lemma_.lower() == "close" and q is not None \
            and (q.dimension in ("percent", "fraction") or q.dimension.startswith("currency")):
        modifiers = _with(modifiers, "closing")  # "stocks closed down 3.9%": the day's close
    modifiers = tuple(sorted({vocab.modifier_synonyms.get(m, m) for m in modifiers}))  # "world" is "global"
    if subject is not None and subject.lower() in span.text.lower():
        subject = None  # "a 48.6 million crown contract": the figure's own unit, which the NER took for a name
    named = attribute.lemma_.lower() if attribute is not None else None
    if named is None and q is not None and len(span) == 1 and span.root.lower_ in vocab.numbers.repetitions:
        named = q.unit  # "halted twice": a count of times, as "halted three times" is
    if q is not None and q.dimension.startswith("currency") and (each := _per_unit(span)) is not None:
        named = f"per {each}"  # "at 19 crowns per dose", "23 crowns a dose", "4.5 million doses at 19 crowns each"
    return {
        "subject": subject,
        "attribute": named,
        "modifiers": tuple(m for m in modifiers if m != (attribute.lemma_.lower() if attribute is not None else None)),
        "verb": verb_tok.lemma_.lower() if verb_tok is not None and not owned and described_thing(span) is None
        else None,
        "definite": _definite(span, vocab),
        "pronoun": pronoun,
    }


PER_WORDS = ("a", "an", "per")  # "19 crowns a dose", "$42 per share"


def _per_unit(span: Span) -> str | None:
    """The thing an amount is the price of one of ("19 crowns per dose", "$42 a share", "4.5 million doses at 19
    crowns each"), singular, lower case; None for an amount of no such thing, or one per stretch of time ("$21
    million a year"), which sums what is paid over it."""
    doc, end = span.doc, span.end
    if end + 1 < len(doc) and doc[end].lower_ in PER_WORDS and doc[end + 1].pos_ == "NOUN":
        noun = doc[end + 1]
    elif end < len(doc) and doc[end].lower_ == "each" and span.root.dep_ == "pobj" and span.root.head.lower_ == "at":
        verb = span.root.head.head
        noun = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
    else:
        return None
    word = None if noun is None else noun.lower_ if noun.tag_ == "NN" else singular(noun.lower_)
    return None if word is None or word.rstrip("s") in TIME_NOUNS else word


def _ahead(span: Span, vocab: Vocabulary) -> bool:
    """Whether a date is said of what is to come: its verb takes a future modal ("will open on Thursday", "said
    it would open Thursday") or completes a word of what is planned ("is due to open on Wednesday"). Not a date
    set on a noun deeper in the clause than the verb's own subject or object: "the inquiry into Tuesday's blackout
    will focus on ..." looks ahead to the inquiry, back to the blackout."""
    verb = verb_of(span.root)
    noun = span.root.head if span.root.dep_ in ("poss", "compound") else None
    if noun is not None and noun.pos_ == "NOUN" and noun.head != verb:
        return False
    if _planned_for(span, verb, vocab) and not _past(verb):
        # "For Thursday the students have called a boycott": the day called for lies ahead ("the vote, which had
        # been scheduled for Tuesday", told in the past, may not)
        return True
    while verb is not None:
        if any(c.dep_ == "aux" and c.lower_ in vocab.future_modals for c in verb.children):
            return True
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return False
        verb = verb.head
        if verb.lemma_.lower() in vocab.future_heads:
            return True
    return False


YEAR_WINDOW = 183  # days: a date whose year the text leaves out lies within half a year of its article


def _year_of(value: DateValue, article: dt.date, span: Span) -> int:
    """The year of a date whose text gives none ("January 30"), from its article's date: the year that
    puts it nearest the article ("the quarter ends January 30" in a November article: the next
    January), but never after the article when a verb in the past tense dates it ("was arrested on
    December 28" in a January article: the December before). A weekday named beside the day settles
    it when one year near the article puts the day on that weekday ("Thursday, Jan. 8")."""
    month = value.month or article.month
    day = min(max(value.day_lo, 1), 28)  # near enough to weigh the distance, and a day every month has
    years = (article.year - 1, article.year, article.year + 1)
    if value.weekday is not None:
        fits = [y for y in years if weekday_of(replace(value, year=y)) == value.weekday
                and abs((dt.date(y, month, day) - article).days) <= YEAR_WINDOW]
        if len(fits) == 1:
            return fits[0]
    verb = verb_of(span.root)
    if verb is not None and _past(verb):
        years = tuple(y for y in years if dt.date(y, month, day) <= article) or years
    return min(years, key=lambda y: (abs((dt.date(y, month, day) - article).days), y))


def _past(verb: Token) -> bool:
    """A verb in the past tense ("was arrested", "recorded"), or a participle describing a noun ("The count,
    taken on the night of Sunday, 15 March, recorded ...") in a clause whose verb is: done by then."""
    if verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(
            c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" and c.lower_ != "would" for c in verb.children):
        return True
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        head = verb_of(verb.head)
        return head is not None and head.i != verb.i and _past(head)
    return False


def _worth_of(worth: Token) -> Token | None:
    """The noun "worth" says the amount of: the subject of the verb it completes ("the deal is believed
    to be worth $160 million"), else the noun just before it ("its offer, reportedly worth $143 million").
    One thing's: not a plural ("deals worth about $2.5 billion" sums many)."""
    if worth.dep_ == "acomp":
        verb = worth.head
        while True:
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"
                         and c.tag_ != "NNS"), None)
            if subj is not None or verb.dep_ != "xcomp":
                return subj
            verb = verb.head
    doc, i = worth.doc, worth.i - 1
    while i >= 0 and (doc[i].is_punct or doc[i].pos_ == "ADV"):
        i -= 1
    return doc[i] if i >= 0 and doc[i].pos_ == "NOUN" and doc[i].tag_ != "NNS" else None


def _restated(span: Span, ends: set[int]) -> bool:
    """An amount in parentheses right after another figure: "110 billion euros ($143 billion)", "a
    EUR 110-billion ($158-billion) bailout"; the figure before it may be a word on ("110 billion euro")."""
    doc = span.doc
    i = span.start - 1
    if i < 1 or doc[i].text != "(" or span.end >= len(doc) or doc[span.end].text != ")":
        return False
    return any(e in ends for e in range(max(0, i - 2), i + 1))


def _joint_holders(noun: Token, vocab: Vocabulary) -> str | None:
    """The holders a noun's modifier names with those joined to it ("Somali and Yemeni pirates"), as
    one, or None when the modifier names one holder."""
    for child in noun.children:
        if child.dep_ in ("compound", "amod") and (first := _entity(child, vocab)):
            joint = {e for c in child.children if c.dep_ == "conj" and (e := _entity(c, vocab))}
            return " and ".join(sorted({first, *joint})) if joint - {first} else None
    return None


def _counted_in_parts(span: Span, noun: Token) -> tuple[Token | None, set[str]] | None:
    """A noun counted in parts, each count with its own word after it ("12 Somali and 11 Yemeni
    pirates", "three Dutch and two Belgian riders"): the word this count stands before, and the lemmas
    of the words the other counts stand before. None when the noun is counted once."""
    doc = span.doc
    counts = [c for c in noun.children if c.dep_ == "nummod"]
    if len(counts) < 2 or not any(span.start <= c.i < span.end for c in counts):
        return None

    def word_after(i: int) -> Token | None:
        nxt = doc[i] if i < len(doc) else None
        return nxt if nxt is not None and nxt.head.i == noun.i and nxt.dep_ in ("amod", "compound") else None

    own = word_after(span.end)
    others = {w.lemma_.lower() for c in counts if not span.start <= c.i < span.end
              and (w := word_after(c.i + 1)) is not None}
    return (own, others) if others else None


def _counted_beside_others(root: Token, vocab: Vocabulary) -> bool:
    """A count of people joined to other people ("a man and two women", "two women and a man were
    killed"): a part of who is counted, never the whole ("three people")."""
    if root.dep_ != "nummod" or root.head.pos_ != "NOUN":
        return False
    noun = root.head
    partners = [c for c in noun.children if c.dep_ == "conj"] + ([noun.head] if noun.dep_ == "conj" else [])
    people = vocab.person_nouns | vocab.frames.people
    return noun.lemma_.lower() in people and any(
        p.pos_ == "NOUN" and p.lemma_.lower() in people for p in partners)


def _of_what(span: Span) -> Token | None:
    """The word a count is "of": "a trial of 4,120 adults" (trial), "23 of the 51 seats" (23)."""
    counted = span.root.head if span.root.dep_ == "nummod" and span.root.head.pos_ == "NOUN" else span.root
    return counted.head.head if counted.dep_ == "pobj" and counted.head.lower_ == "of" else None


CAPACITY = "capacity"  # the frame of how many a place can take (frames.toml)


def _capacity(span: Span, vocab: Vocabulary) -> bool:
    """A count of people a place can take, told of it in a clause of its own: "the stadium, which holds 22,500
    spectators", "an arena that can seat 30,000 fans" (vocab.capacity_verbs). Not "police held 12 people": a
    capacity is said in a relative clause or with "can"."""
    verb = verb_of(span.root)
    if verb is None or verb.lemma_.lower() not in vocab.capacity_verbs:
        return False
    return verb.dep_ == "relcl" or any(c.dep_ == "aux" and c.lower_ in ("can", "could") for c in verb.children)


def _of_noun(span: Span) -> str | None:
    """The noun whose members a count counts: "a trial of 4,120 adults", "a crowd of 40,000 people"."""
    of = _of_what(span)
    return of.lemma_.lower() if of is not None and of.pos_ == "NOUN" else None


def _thing_of(span: Span, vocab: Vocabulary) -> str | None:
    """The thing an amount its verb frames is said of, where a common noun names it ("The scanner, which cost €4.5
    million": scanner); None for a name, a pronoun or no subject."""
    verb = verb_of(span.root)
    # "The scanner went into service and cost €4.5 million": the first verb's subject; "which": what it stands for
    subj = _subject_of(verb, vocab)[1] if verb is not None else None
    return subj.lemma_.lower() if subj is not None and subj.pos_ == "NOUN" else None


def _place_left(span: Span, vocab: Vocabulary) -> str | None:
    """The place the people a count counts leave, by its verb or the verb that verb takes ("were moved out of their
    homes", "forced 1,400 from their homes", "had to leave their homes"; vocab.frames.leaving), or None."""
    verb = verb_of(span.root)
    if verb is None:
        return None
    for v in (verb, *(c for c in verb.children if c.dep_ == "xcomp")):
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "out"):
                of = next((x for x in c.children if x.dep_ == "prep" and x.lower_ == "of"), c) if c.lower_ == "out" else c
                place = next((x for x in of.children if x.dep_ == "pobj"), None)
            elif c.dep_ == "dobj" and v.lemma_.lower() in vocab.frames.leaving:
                place = c
            else:
                continue
            if place is not None and place.lemma_.lower() in vocab.frames.left:
                return place.lemma_.lower()
    return None


def _counted_of(span: Span) -> str | None:
    """What a number counts a part of, counted itself: "23 of the 51 seats" (seats), not "23 of them"."""
    of_ = next((c for c in span.root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    noun = next((c for c in of_.children if c.dep_ == "pobj"), None) if of_ is not None else None
    if noun is not None and noun.tag_ == "NNS" and any(c.dep_ == "nummod" for c in noun.children):
        return noun.lemma_.lower()
    return None


def _whole_of_part(span: Span) -> bool:
    """The count a part is counted of: the 51 of "won 23 of the 51 seats"."""
    of = _of_what(span)
    return of is not None and of.like_num


def _framed(tok: Token, vocab: Vocabulary) -> bool:
    """A noun a frame counts or measures, whatever the tagger made of it ("Turnout", capitalised at the
    start of a sentence, tagged a person's name)."""
    return tok.lower_ in vocab.frames.nouns


def _partitive(span: Span) -> bool:
    """A count of some of a group the story has named ("Twelve of the crew are Marvetian", "five of them"): a part
    of its count, never the whole. Not "all 21 of the crew", nor one of a whole counted there ("won 23 of the 51
    seats": the 23 seats are the party's, the 51 the whole)."""
    root, doc = span.root, span.doc
    of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((o for o in of.children if o.dep_ == "pobj"), None) if of is not None else None
    if whole is None or span.start and doc[span.start - 1].lower_ in ("all", "both", "each", "every") \
            or any(c.dep_ == "nummod" for c in whole.children):
        return False
    return whole.pos_ == "PRON" or any(c.dep_ in ("det", "poss") and c.lower_ != "a" for c in whole.children)


def _part_of_payment(span: Span, attribute: Token | None, modifiers: tuple[str, ...],
                     of_what: Token | None, vocab: Vocabulary) -> tuple[Token | None, tuple[str, ...]]:
    """What an amount is paid or held in ("$281 million in cash", "$5 billion in revenue") and whether it
    is a part of an amount named after it ("$281 million of the purchase price"): a form of payment
    (vocab.payment_forms) makes it a part; another noun after "in" is what the amount is when nothing
    else says, else it narrows it. A part is never the whole.
    "in cash and stock" names every form of the payment: all of it."""
    doc = span.doc
    i = span.end
    if i + 1 < len(doc) and doc[i].lower_ == "in" and doc[i + 1].pos_ == "NOUN" and not doc[i + 1].ent_type_ \
            and not any(c.dep_ == "conj" for c in doc[i + 1].children):  # "in cash and stock": all of it
        noun = doc[i + 1]
        if noun.lemma_.lower() in vocab.payment_media:
            pass  # "3.5 million crowns in bitcoin": the whole amount, asked in a currency of its own
        elif noun.lemma_.lower() in vocab.payment_forms:  # one form of the payment: a part of it
            modifiers = _with(modifiers, noun.lemma_.lower(), "part")
        elif attribute is None:
            attribute = noun
        else:
            modifiers = _with(modifiers, noun.lemma_.lower())
    if of_what is not None and any(c.dep_ in ("det", "poss") and c.lower_ != "a" for c in of_what.children):
        modifiers = _with(modifiers, "part")
    return attribute, modifiers


def _definite(span: Span, vocab: Vocabulary) -> bool:
    """A count after a definite determiner ("the two sides", "its three members") refers back. Not a
    large count in digits: "the 42,162 fans inside the ground" states how many there were."""
    prev = span.doc[span.start - 1] if span.start > 0 else None
    q = span._.quantity
    return prev is not None and prev.lower_ in vocab.definite and q is not None and q.dimension in ("count", "number") \
        and (q.value < 10 or not any(ch.isdigit() for ch in q.text))


def date_facets(span: Span, vocab: Vocabulary | None = None) -> dict:
    """What a date is the date of: the verb it modifies and that verb's subject or object."""
    vocab = vocab or default_vocabulary()
    verb = verb_of(span.root)
    # "for the March 11, 2005, incident", "Saturday's semifinal": the date of what the noun names, not of
    # what the sentence's verb says happened ("sentenced ... for the March 11 incident"); so for "held
    # elections on December 15" and "elections scheduled for December 15", as "the December 15 election".
    named = _dated_noun(span, vocab) or (_scheduled_noun(verb, vocab) if verb is not None else None)
    if named is not None:
        noun = named.lemma_.lower()
        # A noun a date is set on names an event of its own ("Friday night's draw", "Tuesday's blackout"), which
        # the vocabulary may know by another word ("Saturday's semifinal", "the Friday blast").
        return {"subject": None, "attribute": None, "modifiers": ("repeat",) if _a_repeat(named) else (), "verb": noun,
                "event": vocab.noun_event(noun) or noun}
    attribute = None
    subject = None
    pronoun = False
    repeat = False
    if verb is not None:
        agent = patient = None
        for child in verb.children:
            role = child.dep_
            if role in ("nsubj", "nsubjpass") and (child := _past_dateline(child)) is None:
                continue
            child = _antecedent(child)  # "a five-year deal that ties him to the club until 2030": the deal's date
            repeat = repeat or role in ("nsubj", "nsubjpass", "dobj") and _a_repeat(child)
            if role in ("nsubj", "nsubjpass", "dobj", "dative") and child.pos_ in ("NOUN", "PROPN"):
                if role != "dative":
                    attribute = attribute or child.lemma_.lower()
                found = _entity_in(child, vocab)
                subject = subject or found
                person = found if child.ent_type_ == "PERSON" else None
                if role == "nsubj":
                    agent = agent or person
                else:
                    patient = patient or person or _named_beside(child, vocab)
        if verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            # "Vanwalle called the decision theft and announced a demonstration on Saturday": the first verb's
            # subject does the second's too
            found, doer = _subject_of(verb, vocab)
            if doer is not None and doer.pos_ in ("NOUN", "PROPN"):
                subject = subject or found
                agent = agent or (found if doer.ent_type_ == "PERSON" else None)
        # "Oscar organizers on Friday unveiled Hugh Jackman as host", "the Academy named Jackman host on
        # Friday", "Judge Keller fined Olaf Brandt": the person an event befalls is named by every outlet;
        # who announced or did it varies.
        subject = patient or agent or subject
        if _befalls_pronoun(verb):
            # "Judge Castellane fined him on Tuesday": the event befalls someone the pronoun stands for,
            # not the judge; held by no one named here, it joins the one holder the others name.
            subject = None
        pronoun = subject is None and any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "dative") and c.pos_ == "PRON"
                                          and c.lower_ not in ("it", "this", "that", "which", "what")
                                          for c in verb.children)
    lemma = vocab.verb_key(verb.lemma_.lower(), particles(verb)) if verb is not None else None
    if lemma and lemma not in vocab.events and lemma + "e" in vocab.events and verb.lower_.startswith(lemma + "e"):
        lemma += "e"  # "fined" read as "fin": the tagger's lemma lost the silent e
    modifiers = []
    if lemma in ("say", "state") and verb is not None and _says_what_will_be(verb):
        # "Quorvant said on Tuesday it would cut 4,200 jobs": the day a plan was made known, as "announced on
        # Tuesday that it will cut" dates it; not a report of what happened
        lemma = "announce"
    elif lemma in vocab.reporting_verbs or vocab.events.get(lemma) == "announce" and _attributes(verb):
        modifiers.append("report")  # "police said Saturday": when it was said, not when it happened
    if any(w in span.text.lower() for w in vocab.deictic_dates):
        modifiers.append("deictic")  # "today": the day the article was written
    if lemma in vocab.lasting_verbs:
        modifiers.append("checkpoint")  # "remained in critical condition on Sunday": a day the state was seen
    prev = span.doc[span.start - 1].lower_ if span.start else ""
    if prev in DEADLINE_WORDS or span.root.dep_ == "pobj" and span.root.head.lower_ in DEADLINE_WORDS:
        if verb is not None and _perfect(verb) and "by" in (prev, span.root.head.lower_):
            # "By Wednesday morning 23 MPs had signed": how far a count had come by then, which a later checkpoint
            # passes; no day the thing happened, nor a deadline set. ("had served until 2019" ends a term.)
            modifiers.append("checkpoint")
        else:
            modifiers.append("deadline")  # "restored some services by Saturday": at the latest, not the day
    if prev == "since" or span.root.dep_ == "pobj" and span.root.head.lower_ == "since":
        # "has fallen since Sunday": when a state began that lasts to the day others write of ("still without power
        # on Tuesday"), where a lede opens on its latest turn (groups/ledes.py); the day it began all the same
        modifiers.append("since")
    if repeat:
        modifiers.append("repeat")  # "the replacement paper will be sat on Saturday": not the first sitting
    if _planned_for(span, verb, vocab):
        modifiers.append("planned")  # "called a boycott for Thursday": not the day of the call ("called on Monday")
    event = vocab.events.get(lemma) if lemma else None
    if event == "announce" and verb is not None:
        # "announced his resignation on Tuesday": the resignation's day, as "resigned on Tuesday" says
        made = next((e for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"
                     and (e := vocab.noun_event(c.lemma_.lower())) in vocab.announced_events), None)
        event = made or event
    if event is not None and lemma in vocab.event_verbs:
        # A verb that names an event only as a verb ("hit", "shook", "rocked") dates what its subject names, where
        # that is an event of its own: "the sixth aftershock shook the island on Monday", "a blast rocked the city".
        said = _noun_subject(verb)
        if said is None and verb.dep_ in ("acl", "relcl") and verb.head.pos_ == "NOUN":
            said = verb.head  # "The aftershock, measured at magnitude 4.9, hit at 14:20 on Wednesday" (parsed so)
        if lemma in vocab.happening_event_verbs and _names_no_event(verb, said, vocab):
            event = None  # "the Corvel Pioneer struck the shoal", "Oruna hit the coast": no quake
        else:
            event = (vocab.noun_event(said.lemma_.lower()) if said is not None else None) or event
    if event is None and verb is not None:
        event = _event_beside(verb, vocab)
        if event is not None:
            subject = None  # "Haldane pointed to the fire in March 2024": the fire is no one's named here
    if verb is not None and (event is None or event in vocab.instant_events):
        # "a meteorite crashed through the roof on Tuesday": the moment of the thing its subject names, though
        # the verb names a moment of its own
        event = _instant_subject(verb, vocab) or event
    if event is None and verb is not None and verb.dep_ == "xcomp" \
            and (held := vocab.events.get(verb.head.lemma_.lower())) in vocab.deciding_events:
        event = held  # "the council voted to accept the offer on Tuesday": the vote's day
    if event is None and verb is not None and verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        # "An earthquake measuring 5.6 ... on Sunday": the event the noun names. Not a verb joined to
        # another by "and": the parse joins clauses that report other events ("shot and killed by police
        # fueled a riot Monday").
        event = vocab.noun_event(verb.head.lemma_.lower())
    return {"subject": subject, "attribute": attribute, "modifiers": tuple(modifiers), "verb": lemma,
            "event": event, "pronoun": pronoun}


def _names_no_event(verb: Token, said: Token | None, vocab: Vocabulary) -> bool:
    """Whether the verb's subject (or the passive's agent) is named and names no event: "the Corvel Pioneer struck",
    "was struck by the bulk carrier", not "a magnitude 6.4 earthquake struck" (parsed with "magnitude" a subject too)
    nor "the island was hit" (no subject named)."""
    doer = verb
    while doer.dep_ == "conj" and doer.head.pos_ in ("VERB", "AUX") and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in doer.children):
        doer = doer.head  # "a jet descended below the glide path and struck terrain": the jet struck it
    # ... or whoever the passive says did it: "the tanker was struck by the bulk carrier Granholm Trader"
    by = [o for c in doer.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    named = [c for c in [*doer.children, *by] if c.dep_ in ("nsubj", "pobj") and c.pos_ in ("NOUN", "PROPN")] or (
        [said] if said is not None else [])
    return bool(named) and not any(vocab.noun_event(t.lemma_.lower()) for n in named for t in _antecedent(n).subtree)


def _noun_subject(verb: Token) -> Token | None:
    """The verb's subject where a common noun names it ("the blast rocked", "the quake struck")."""
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)


def _instant_subject(verb: Token, vocab: Vocabulary) -> str | None:
    """The event over in a moment that the verb's subject names, whatever the verb says it did: "an explosion
    wrecked the block on Tuesday", "the blast ripped through it early on Tuesday" (vocab.instant_events).
    Not said in the passive ("the collapse was blamed on Tuesday on ...")."""
    said = _noun_subject(verb)
    if said is None or said.tag_ == "NNS":
        return None  # "the blasts shattered windows on Tuesday": several moments, not the story's one
    event = vocab.noun_event(said.lemma_.lower())
    return event if event in vocab.instant_events else None


def _says_what_will_be(verb: Token) -> bool:
    """The verb of saying takes a clause of what the sayer will do, told of itself ("Quorvant said it would cut",
    "said that they will recall"): an announcement, not a report of what happened."""
    return any(c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in ("would", "will") for a in c.children)
               and any(s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in ("it", "they", "we") for s in c.children)
               for c in verb.children)


def _event_beside(verb: Token, vocab: Vocabulary) -> str | None:
    """The event a verb that names none answers, and dates with it: "officers were alerted to the fire on
    Friday", "crews were called to the blaze on Friday" (the fire's day). Not a verb joined to another by
    "and": "scored 20 points Thursday and beat Evansville" dates one game, "on Sunday repulsed an attack
    and nabbed 23 pirates" one operation, but the parse joins clauses of other days as often."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "to":
            for noun in child.children:
                if noun.dep_ == "pobj" and noun.pos_ == "NOUN" and (event := vocab.noun_event(noun.lemma_.lower())):
                    return event
    return None


ZONE_WORDS = 12


def in_other_zone(span: Span, vocab: Vocabulary) -> bool:
    """A day named in parentheses beside a clock time in a time zone ("at 6:41pm this evening (0241 GMT
    Friday)"): the moment restated for readers elsewhere, a day apart from the local one by design, not a
    date of its own. Outside parentheses the zone dates the event itself ("Friday at 14:00 GMT")."""
    doc = span.doc
    sent = sentence_at(doc, span.start)
    # A restated moment is a few words in brackets: the search looks no further than ZONE_WORDS either side.
    lo, hi = max(sent.start, span.start - ZONE_WORDS), min(sent.end, span.end + ZONE_WORDS)
    opening = next((i for i in range(span.start - 1, lo - 1, -1) if doc[i].text in "()"), None)
    closing = next((i for i in range(span.end, hi) if doc[i].text in "()"), None)
    if opening is None or closing is None or doc[opening].text != "(" or doc[closing].text != ")":
        return False
    return any(doc[i].lower_.strip(".") in vocab.time_zones and any(ch.isdigit() for ch in doc[i - 1].text)
               for i in range(opening + 2, closing))


ZONE_GAP = 6  # the most words between a day and the zone it is told in: "Saturday morning at 9 a.m. local time"
# Words between a day and its zone: a part of the day, a clock time, brackets and commas.
_ZONE_BETWEEN = frozenset(("(", ")", ",", "-", "–", "on", "at", "around", "about", "morning", "afternoon", "evening",
                           "night", "a.m.", "p.m.", "am", "pm", "a.", "m.", "p."))


def told_in_zone(span: Span, vocab: Vocabulary) -> str:
    """The time zone a day is told in, as written: "local time" ("Saturday (local time)", "4:43 a.m. local
    time Sunday"), a zone's name or a place before "time" ("Friday, Eastern time", "early Sunday Beijing
    time"), a zone's abbreviation ("Friday 10 p.m. ET"); "" when the words beside the day name none. A day
    told in one zone can be the day before or after in another: where the story happened and where its
    readers are."""
    doc = span.doc
    sent = sentence_at(doc, span.start)
    entities = Entities.of(doc)

    def zone_at(i: int) -> str:
        """The zone whose last word is doc[i]: an abbreviation, or a zone's name or a place and "time"."""
        tok = doc[i]
        if tok.text.isupper() and len(tok.text) > 1 and tok.lower_.strip(".") in vocab.time_zones:
            return tok.text
        if tok.lower_ != "time" or i == sent.start:
            return ""
        if doc[i - 1].lower_ in vocab.zone_names:
            return doc[i - 1 : i + 1].text
        place = entities.at(i - 1)
        return doc[place.start : i + 1].text if place is not None and place.label_ == "GPE" else ""

    def placed(tok: Token) -> bool:
        """A word that may stand between a day and its zone, or begin the zone's name."""
        return tok.lower_ in _ZONE_BETWEEN or tok.lower_ in vocab.zone_names or tok.ent_type_ == "GPE" \
            or any(ch.isdigit() for ch in tok.text)

    for i in range(span.end, min(sent.end, span.end + ZONE_GAP)):  # "Saturday (local time)", "Friday at 10 p.m. ET"
        if doc[i].ent_type_ == "DATE":
            break  # another day: the zone after it is its own
        if zone := zone_at(i):
            return zone
        if not placed(doc[i]):
            break
    i = span.start - 1  # before it: "at 4:43 a.m. local time Sunday"
    while i >= max(sent.start, span.start - 3) and doc[i].lower_ in ("on", ",", "("):
        i -= 1
    return zone_at(i) if i >= sent.start else ""


def _planned_for(span: Span, verb: Token | None, vocab: Vocabulary) -> bool:
    """A date a verb of planning sets something for ("called a day of boycotts for Thursday, 19 November", "For
    Thursday the students have called a boycott"): the day of what is planned, not of the planning."""
    return verb is not None and verb.lemma_.lower() in vocab.scheduling_verbs and span.root.dep_ == "pobj" \
        and span.root.head.lower_ == "for"


def _reached_by(verb: Token) -> bool:
    """A figure a verb in a perfect tense had reached by a time ("About 1,800 litres had leaked by 08:00", "by Sunday
    63 people had died"): a count as far as it had come then, which a later count passes, not its total."""
    return _perfect(verb) and any(c.dep_ == "prep" and c.lower_ == "by"
                                  and any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree) for c in verb.children)


def _perfect(verb: Token) -> bool:
    """A verb in a perfect tense ("had signed", "have been arrested"): what was done by a time."""
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


# Endings of nouns made from verbs ("deployment", "election", "arrival"): a date after one, by a
# preposition, dates what the noun names ("since its deployment on November 2").
NOMINAL_ENDINGS = ("ment", "tion", "sion", "ance", "ence", "al")
DEADLINE_WORDS = ("by", "until", "till")  # "by Saturday": at the latest
SEQUENCE_WORDS = ("after", "before", "since", "following", "during")  # what the story tells, set by an event
TIME_NOUNS = ("morning", "afternoon", "evening", "night", "day", "week", "month", "year", "time")


def _scheduled_noun(verb: Token, vocab: Vocabulary) -> Token | None:
    """The event noun a light verb takes as object ("held elections", or as subject in the passive: "the
    announcement was made Sunday"), a verb of planning says is set for the date ("elections are
    scheduled for", "elections which are planned for") or a verb of happening says happened ("the
    explosion occurred Friday", "the hearing took place on Monday"), if the vocabulary knows it as an
    event."""
    lemma = verb.lemma_.lower()
    happening = lemma in vocab.happening_verbs or lemma == "take" and any(
        c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    if happening:
        if any(c.dep_ == "aux" and c.lower_ in HEDGES for c in verb.children):
            return None  # "the announcement may come as early as May 14": a guess, not the event
        deps: tuple[str, ...] = ("nsubj", "nsubjpass")
    elif lemma in vocab.light_verbs:
        deps = ("dobj", "nsubjpass")
    elif lemma in vocab.scheduling_verbs:
        deps = ("nsubj", "nsubjpass")
    else:
        return None
    if deps[0] == "nsubj" and verb.dep_ in ("relcl", "acl"):
        # "elections which are planned for December 15", "the vote set for Sunday", "the murder of Deputy
        # Ruiz which took place on August 2": only an event takes place or is planned, and the parse
        # may hang the clause on the event noun's "of" complement.
        noun = verb.head
        while not vocab.noun_event(noun.lemma_.lower()) and noun.dep_ == "pobj" and noun.head.lower_ == "of":
            noun = noun.head.head
        # Not "a suspect in a shooting that occurred Monday": a happening told of an event the article
        # introduces is another event than the story's, unless what the story tells is set after it or
        # before it ("crews let the warehouse burn out after a fire that began on Monday").
        another = happening and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in noun.children) \
            and not (noun.dep_ == "pobj" and noun.head.lower_ in SEQUENCE_WORDS)
        if noun.pos_ == "NOUN" and vocab.noun_event(noun.lemma_.lower()) and not another:
            return noun
    return next((c for c in verb.children if c.dep_ in deps and c.pos_ == "NOUN"
                 and vocab.noun_event(c.lemma_.lower())), None)


def _attributes(verb: Token) -> bool:
    """Whether the verb tells who made known what the sentence says before it: "Seven people have died, officials
    announced on Tuesday", "has taken seven lives, announced on Tuesday the authorities". Said after the fact, the
    verb reports it, as "said" does."""
    if verb.dep_ in ("advcl", "parataxis", "ccomp") and verb.head.i < verb.i \
            and any(t.text == "," for t in verb.doc[verb.head.i : verb.i]):
        return True
    return any(c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for c in verb.children)


# Words that name an event again: "the replacement paper", "a second vote"; "more demonstrations are planned for
# Monday", "further protests": others after the first
REPEAT_WORDS = frozenset({"replacement", "second", "third", "another", "fresh", "repeat", "rerun", "re-run", "more",
                          "further"})


def _a_repeat(noun: Token) -> bool:
    """Whether the noun names the event again, another time ("the replacement paper", "a second vote", "another
    attack"): its date is not the first one's."""
    return any(c.dep_ in ("amod", "compound", "det") and c.lower_ in REPEAT_WORDS for c in noun.children)


def _nominal(tok: Token) -> bool:
    """A noun, or a word the tagger took for a verb in a noun's place ("bought for Saturday's draw")."""
    return tok.pos_ == "NOUN" or tok.pos_ == "VERB" and tok.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass")


def _dated_noun(span: Span, vocab: Vocabulary) -> Token | None:
    """The noun a date modifies ("the March 11, 2005, incident", "Saturday's semifinal", "its deployment
    on November 2", "his arrest on Monday"), if one."""
    root = span.root
    head = root.head
    if root.dep_ in ("compound", "npadvmod") and head.lemma_.lower() in TIME_NOUNS and head.i == span.end \
            and head.dep_ == "poss":
        root, head = head, head.head  # "Friday night's crush": the crush, dated by its night
    while head.dep_ == "compound" and head.pos_ == "PROPN" and head.head.i > head.i:
        head = head.head  # "Saturday evening's MegaCrown draw": the parse may hang the date on the draw's name
    if root.dep_ in ("compound", "poss", "nmod", "amod", "nummod") and _nominal(head) and head.i >= span.end \
            and head.lemma_.lower() not in TIME_NOUNS:
        return head
    noun = None
    if root.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("on", "in") and head.head.pos_ == "NOUN":
        noun = head.head  # "its deployment on November 2"
    elif root.dep_ == "npadvmod" and head.pos_ == "NOUN":
        noun = head  # "after a shooting at an office party Friday"
    if noun is not None:
        lemma = noun.lemma_.lower()
        if lemma not in TIME_NOUNS and (lemma.endswith(NOMINAL_ENDINGS) or vocab.noun_event(lemma)):
            return noun
    return None


def _context(sent: Span) -> tuple[str, ...]:
    return tuple(sorted({t.lemma_.lower() for t in sent if t.is_alpha and not t.is_stop and t.pos_ in ("NOUN", "VERB", "PROPN", "ADJ")}))


def _sentence_of(doc: Doc, span: Span) -> tuple[str, tuple[str, ...]]:
    """The text and context words of the span's sentence, read once a sentence. A span the parser's sentences
    cut in two ("on Wednesday, 11 | November, the office said") has the sentences it runs over."""
    starts, sents, read = sentences(doc)
    i = bisect_right(starts, span.start) - 1
    j = max(i, bisect_right(starts, span.end - 1) - 1)
    if (i, j) not in read:
        read[i, j] = (source_text(doc, sents[i].start_char, sents[j].end_char).strip(),
                      tuple(sorted(set().union(*(_context(sents[k]) for k in range(i, j + 1))))) if j > i
                      else _context(sents[i]))
    return read[i, j]


NEAR = 6  # words either side of a figure that say what it is the figure of
# How long something lasts, said of a noun ("a two-year pay deal", "a three-day strike", "a 48-hour walkout"): no
# time frame a figure or a date is set in.
LASTING = re.compile(r"[\w.]+-(?:year|month|week|day|hour|minute)s?(?:-long)?", re.IGNORECASE)


def described_thing(span: Span) -> Token | None:
    """The noun a count of things describes, joined to it by a hyphen ("a nine-storey apartment block", "a
    300-bed hospital"): a property of the thing, whatever the sentence's verb says befell it ("ripped through",
    "wrecked")."""
    root = span.root
    q = span._.quantity
    if q is None or not joined_to_unit(span.text, q):
        return None
    head = root.head
    if root.dep_ in ("compound", "nummod", "amod") and head.pos_ == "NOUN" and head.i >= span.end:
        return head
    return None


def nearby(span: Span, vocab: Vocabulary, width: int = NEAR,
           date: bool = False) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """What stands around a figure in its sentence, within `width` words either side: the content
    lemmas (figures and reporting verbs left out, as in claims/sentences.py), those of them that are
    names, and the other dates said there ("in the third quarter", "last year"), lower case.

    Two outlets that report one fact word the few words around its figure alike ("1,200 beds were
    ready in the school gyms"), however differently they build the rest of the sentence."""
    doc = span.doc
    sent = sentence_at(doc, span.start)
    lo, hi = max(span.start - width, sent.start), min(span.end + width, sent.end)
    masked = masked_tokens(doc)
    if (thing := described_thing(span)) is not None:
        lo, hi = thing.left_edge.i, thing.i + 1  # the thing's words: "apartment block", not the verb nor the place
    # A participle before a noun counts as written and as its verb ("damaged shops" is near "damage"; "sustained
    # winds" near "sustained" however the tagger read it).
    words = {w for t in (*doc[lo : span.start], *doc[span.end : hi]) if is_content(t, masked, vocab)
             for w in (t.lemma_.lower(), _modifier(t) if t.dep_ == "amod" else t.lemma_.lower())}
    # Names over twice the width: whose figure it is may stand further off ("Forklift driver Pia Moravec,
    # who has worked at the depot for nearly 30 years"). Not who reports it ("Moravec said").
    lo2, hi2 = max(span.start - 2 * width, sent.start), min(span.end + 2 * width, sent.end)
    above = {t.i for t in span.root.ancestors}  # "Pia Moravec, who has worked ... for 30 years, said": hers
    names = {t.lemma_.lower() for t in (*doc[lo2 : span.start], *doc[span.end : hi2])
             if _holder_name(t, vocab) and t.i not in masked
             and (_named_head(t) in above or not _reporter(t, vocab))
             and not (date and _agent_of_pronoun_patient(t))}
    # A date beyond a semicolon dates the other clause ("a turnover of 1.84 billion last year; for this year it
    # expects 2.05 billion"). Not so the names and words: a list's items, parted by semicolons, are of the thing
    # the sentence names ("The MacBook Pro's innards: up to 16GB of memory; up to seven hours of battery life").
    start = next((i + 1 for i in range(span.start - 1, lo - 1, -1) if doc[i].text == ";"), lo)
    end = next((i for i in range(span.end, hi) if doc[i].text == ";"), hi)
    # "the last week" is "last week": the article the NER took in with it or not says nothing of the time
    dates = {e.text.lower().removeprefix("the ") for e in Entities.of(doc).within(start, end) if e.label_ in ("DATE", "TIME")
             and not (e.start < span.end and span.start < e.end) and not LASTING.fullmatch(e.text)}
    return tuple(sorted(words)), tuple(sorted(names)), tuple(sorted(dates))


HOLDER_ENTS = {"PERSON", "ORG", "GPE", "NORP"}


def _named_beside(noun: Token, vocab: Vocabulary) -> str | None:
    """The person a noun is, named beside it: "the city's former treasurer, Oskar Lindqvaard"."""
    named = next((a for a in noun.children if a.dep_ == "appos" and a.ent_type_ == "PERSON"), None)
    return _entity_in(named, vocab) if named is not None else None


def _referring(noun: Token, vocab: Vocabulary) -> bool:
    """A word that stands for an organisation named before ("the company", "the firm")."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in vocab.referring_words \
        and any(d.lower_ == "the" for d in noun.children)


def _referred_owner(noun: Token, vocab: Vocabulary) -> bool:
    """The noun's owner is an organisation named before, referred to by a word that stands for it ("the company's
    global turnover", "the firm's profit"). Not "its": it stands for anything ("It completed its first 17 tests")."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    return owner is not None and _referring(owner, vocab)


def _befalls_pronoun(verb: Token) -> bool:
    """What the verb says befalls someone a pronoun stands for ("fined him", "he was sentenced")."""
    return any(c.dep_ in ("dobj", "dative", "nsubjpass") and c.pos_ == "PRON" for c in verb.children)


def _agent_of_pronoun_patient(tok: Token) -> bool:
    """The token names who does something to someone a pronoun stands for ("Judge Castellane fined him
    on Tuesday"): of a date, not whose event it is, which other outlets name ("Lindqvaard was sentenced")."""
    head = tok.doc[_named_head(tok)]
    return head.dep_ == "nsubj" and _befalls_pronoun(head.head)


def _holder_name(tok: Token, vocab: Vocabulary) -> bool:
    """A word of a name that may hold a figure: a person, organisation or place as the NER reads it,
    or a capitalised proper noun it left untagged ("Hansbrough finished with 20 points")."""
    if not tok.is_alpha:
        return False
    if tok.ent_type_ in HOLDER_ENTS:
        return True
    return (not tok.ent_type_ and tok.pos_ == "PROPN" and tok.is_title
            and tok.lower_ not in vocab.weekdays and tok.lower_ not in vocab.months)


def _named_head(tok: Token) -> int:
    """The head of the name a token is part of ("Pia" of "Pia Moravec" -> "Moravec")."""
    while tok.dep_ == "compound" and tok.head.i != tok.i:
        tok = tok.head
    return tok.i


def _reporter(tok: Token, vocab: Vocabulary) -> bool:
    """The token names who says something ("Moravec said", "police spokesman Moravec told")."""
    head = tok.doc[_named_head(tok)]
    return head.dep_ == "nsubj" and head.head.lemma_.lower() in vocab.reporting_verbs


def _claim(doc: Doc, kind: ClaimKind, span: Span, value, locate, facets: dict | None = None, titles=(),
           vocab: Vocabulary | None = None) -> Claim:
    """A claim on a span of a Doc; `locate(offset) -> (line, column)` maps a source offset. With
    `vocab`, the claim carries what stands near it (figures and dates)."""
    facets = facets or {}
    text, start, end = source_stretch(doc, span.start_char, span.end_char)
    line, col = locate(start)
    sentence, context = _sentence_of(doc, span)
    near, near_names, near_dates = nearby(span, vocab, date=kind is ClaimKind.DATE) if vocab is not None else ((), (), ())
    return Claim(kind=kind, source=doc._.source, start=start, end=end, line=line, column=col,
                 span=text, sentence=sentence, value=value,
                 subject=facets.get("subject"), attribute=facets.get("attribute"),
                 modifiers=facets.get("modifiers", ()), verb=facets.get("verb"),
                 definite=facets.get("definite", False), frame=facets.get("frame"), event=facets.get("event"),
                 pronoun=facets.get("pronoun", False),
                 titles=titles, context=context, near=near, near_names=near_names, near_dates=near_dates)


def _without_count(ent: Span) -> Span:
    """A date the NER ran into the count after it ("on Saturday 86 passengers"): a number past any day of a month
    that is no year either is the count's, and the date ends before it."""
    while len(ent) > 1 and ent[-1].like_num and not (ent[-1].text.isdigit() and (
            len(ent[-1].text) == 4 or 1 <= int(ent[-1].text) <= 31)):
        ent = ent[:-1]
    return ent


def _weekday_before(span: Span, vocab: Vocabulary) -> Token | None:
    """The weekday right before a day of the month, across a bracket or comma ("Monday (Jan. 6)",
    "Tuesday, May 12"): the day's own weekday."""
    doc = span.doc
    i = span.start - 1
    if i >= 0 and doc[i].text in ("(", ","):
        i -= 1
    if i < 0 or doc[i].lower_ not in vocab.weekdays or not span._.date.month or not span._.date.day_lo:
        return None
    return doc[i]


EVERY = ("every", "each")


def _recurring(ent: Span) -> bool:
    """A date that recurs ("every Sunday", "each Monday", "the second Tuesday of each month")."""
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start else ""
    after = [t.lower_ for t in doc[ent.end : ent.end + 2]]
    return before in EVERY or any(t.lower_ in EVERY for t in ent) or after[:1] == ["of"] and after[1:] in (["each"], ["every"])


def _then(span: Span) -> bool:
    """"then-15-year-old", "then 15-year-old": the figure is preceded by "then" (the tokenizer may
    keep the hyphen on it)."""
    doc = span.doc
    before = [t.lower_ for t in doc[max(0, span.start - 2) : span.start]]
    return before[-1:] in (["then"], ["then-"]) or before == ["then", "-"]


def _asked(span: Span) -> bool:
    """A figure or date put as a question, which asserts nothing: in a fragment with no verb that ends with
    a question mark ("Sox make offer (8 years?)", "A $200 million deal?"), or in a question to be answered yes
    or no ("Should the team go higher than $25 million?", "Did the quake kill 63?"). A question asking
    what, why or who keeps what it takes as given ("Why did 63 people die on Sunday?")."""
    doc = span.doc
    sent = span.sent
    bracket = next((t.i for t in reversed(doc[sent.start : span.start]) if t.text == "("), None)
    opened = sent.start if bracket is None else bracket + 1
    closed = sent.end if bracket is None else next((t.i for t in doc[span.end : sent.end] if t.text == ")"), sent.end)
    fragment = [t for t in doc[opened:closed] if not (t.is_space or t.is_quote)]
    if fragment and fragment[-1].text == "?" and not any(t.pos_ in ("VERB", "AUX") for t in fragment):
        return True
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    last = next((t for t in reversed(sent) if not (t.is_space or t.is_quote or t.is_bracket)), None)
    return bool(words) and last is not None and last.text == "?" and words[0].pos_ == "AUX"


def _negated_bound(span: Span) -> bool:
    """A bound that the verb it is an argument of denies: "has never hit fewer than 26 homers". Not a bound in
    an adjunct (`_argument_verb`): "has not lost in more than four years" says how long the run has lasted."""
    verb = _argument_verb(span.root)
    return verb is not None and any(c.dep_ == "neg" for c in verb.children)


def doc_claims(doc: Doc, locate, vocab: Vocabulary | None = None) -> list[Claim]:
    """All claims of one Doc. `locate(offset) -> (line, column)` maps a source offset."""
    vocab = vocab or default_vocabulary()
    claims: list[Claim] = []

    def make(kind: ClaimKind, span: Span, value, facets: dict, titles=()) -> Claim:
        near = kind in (ClaimKind.QUANTITY, ClaimKind.DATE)
        if kind is ClaimKind.DATE and (zone := told_in_zone(span, vocab)):
            value = replace(value, zone=zone)
        return _claim(doc, kind, span, value, locate, facets, titles, vocab if near else None)

    people = list(doc.spans.get("people", []))
    ends = {span.end for span in doc.spans.get("quantities", [])}
    for span in doc.spans.get("quantities", []):
        q = span._.quantity
        if is_year_old(span) and _then(span):
            continue  # "then-15-year-old Keller": the age at the time of the events, not now
        holder = age_holder(span, people, vocab)
        if holder is None and is_year_old(span) and q.shape == "exact":
            holder = referred_holder(span, people)
        if holder is not None:
            # An age is the person's: its subject is the name as written here, its cluster's name later.
            name = holder._.person.full if holder._.person is not None else holder.text
            claims.append(make(ClaimKind.QUANTITY, span, as_age(q), {"subject": name, "attribute": "age"}))
            continue
        if is_year_old(span) and q.shape == "exact" and (noun := described(span, vocab)) is not None:
            # "a 61-year-old woman": an age of someone not named, never a duration of the story; held by
            # the one the noun describes, as other sources describe them ("a 61-year-old woman").
            # "her 14-year-old son": someone's relation, another person than the story's
            kin = ("possessed",) if span.start and doc[span.start - 1].tag_ == "PRP$" else ()
            claims.append(make(ClaimKind.QUANTITY, span, as_age(q), {
                "subject": unnamed(noun), "attribute": "age", "verb": _verb_lemma(span), "modifiers": kin}))
            continue
        if (noun := described_before(span, vocab)) is not None:
            claims.append(make(ClaimKind.QUANTITY, span, as_age(q),
                               {"subject": unnamed(noun), "attribute": "age", "verb": _verb_lemma(span)}))
            continue
        if is_year_old(span):
            # "his assault on the 12-year-old", "the almost 30-year-old record": an age, of someone or
            # something no word here names; never a duration of the story ("20 years in prison"). Opening a
            # paragraph as its subject, of the person the paragraph before names (read when it is joined).
            thing = of_a_thing(span, vocab)
            referring = q.shape == "exact" and not thing and refers_to_paragraph_before(span, people)
            claims.append(make(ClaimKind.QUANTITY, span, as_age(q), {
                "attribute": "age", "verb": _verb_lemma(span), "subject": REFERS_BACK if referring else None,
                "modifiers": ("thing",) if thing else ()}))
            continue
        if _asked(span):
            continue
        if q.shape == "bound" and _negated_bound(span):
            q = negated(q, vocab) or q
        facets = quantity_facets(span, vocab)
        if q.dimension == "number" and q.shape != "vague" and (counted := _counted_of(span)) is not None:
            q = replace(q, unit=counted, dimension="count")  # "won 23 of the 51 seats": 23 seats
        if q.dimension.startswith("currency") and _restated(span, ends):
            facets["modifiers"] = _with(facets["modifiers"], "converted")
        if q.dimension in ("percent", "fraction") and not facets["definite"]:
            # "35% of world production", "a third of the global output": shares of one frame.
            facets["frame"] = vocab.frames.frame_of(facets["attribute"], None, (), "share")
        if q.dimension.startswith("currency") and not facets["definite"]:
            # "a net loss of 240 million euros", "it lost 240 million euros": amounts of one frame.
            facets["frame"] = vocab.frames.frame_of(facets["attribute"], facets["verb"], facets["modifiers"], "money")
            if facets["frame"] and vocab.frames.verbs.get(facets["verb"]) == facets["frame"]:
                q = replace(q, change="")  # "it lost 240 million euros" is the amount lost, not a fall
                if facets["frame"] in vocab.frames.of_subject and facets["attribute"] is None \
                        and (thing := _thing_of(span, vocab)) is not None:
                    # "the scanner cost €4.5 million", "the haul would have cost the state €2.4m": two things' costs
                    facets["modifiers"] = _with(facets["modifiers"], thing)
        if q.dimension in ("count", "number") and not facets["definite"]:
            facets["frame"] = vocab.frames.frame_of(facets["attribute"], facets["verb"], facets["modifiers"],
                                                    of=_of_noun(span), left=_place_left(span, vocab))
            if facets["frame"] and _capacity(span, vocab):
                facets["frame"] = CAPACITY  # "the stadium, which holds 22,500 spectators": not the crowd that came
            if _whole_of_part(span):
                facets["modifiers"] = _with(facets["modifiers"], "whole")
            if facets["frame"]:
                # "63 people", "58 persons", "a toll of 63", "131 survivors": all counts of people.
                q = replace(q, unit="people", dimension="count")
        claims.append(make(ClaimKind.QUANTITY, span, q, facets))
    # Dates: a year the text leaves out, and relative dates, come from the article's own date when
    # its metadata gives one; otherwise they stay as stated.
    article = parse_article_date((doc._.meta or {}).get("date"), vocab)
    dated = {i for ent in doc.ents if ent.label_ in ("DATE", "TIME") and in_other_zone(ent, vocab)
             for i in range(ent.start, ent.end)}
    # A dateline's date ("ORVIK, March 14 (Wire) -") is the day the story was filed, page furniture: not the date
    # of what the sentence after it says happened, which may be the day before.
    dated.update(i for span in (*doc.spans.get("dates", []), *doc.ents) if span.end <= _dateline_end(span.sent)
                 for i in range(span.start, span.end))
    # "Patch Tuesday", "Black Friday": names of days; "every Sunday", "the second Tuesday of each month":
    # a schedule. Neither dates an event.
    named_days = {i for t in doc if t.i and t.lower_ in vocab.weekdays
                  and f"{doc[t.i - 1].lower_} {t.lower_}" in vocab.named_days for i in (t.i - 1, t.i)}
    dated |= named_days
    dated.update(i for ent in doc.ents if ent.label_ in ("DATE", "TIME")
                 and (_recurring(ent) or ent.root.head.i in named_days)  # "next month's Patch Tuesday"
                 for i in range(ent.start, ent.end))
    for span in doc.spans.get("dates", []):
        if span.start in dated:
            continue
        if _asked(span):
            dated.add(span.start)  # nor read again as an entity below
            continue
        value = span._.date
        facets = date_facets(span, vocab)
        dated.add(span.start)
        weekday = named_weekday(span.text, value, vocab)
        if weekday is None and (before := _weekday_before(span, vocab)) is not None:
            span = doc[before.i : span.end]  # "on Monday (Jan. 6)", which the NER reads as two dates: one day
            dated.add(before.i)
            weekday = vocab.weekdays[before.lower_]
            if before.dep_ == "pobj" and before.head.pos_ == "ADP":
                # "broke out ... on Tuesday, 10 November": the parse may hang the day after the comma on the
                # sentence's main verb ("Families spent a sleepless night ..."); the weekday keeps its preposition.
                facets = date_facets(doc[before.i : before.i + 1], vocab)
        if weekday is not None:
            value = replace(value, weekday=weekday)  # "Monday (Jan 6)": a Monday, whatever the year
        if value.year is None and article is not None:
            value = replace(value, year=_year_of(value, article, span), year_stated=False)
        claims.append(make(ClaimKind.DATE, span, value, facets))
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME") and ent.start not in dated and _asked(ent):
            continue
        if ent.label_ == "TIME" and ent.start not in dated:
            # "on Friday night", which the NER reads as a time: a weekday, at the late end of it; "on the
            # night of March 15": the day it names.
            text = day_named(ent.text)
            value = resolve(text, article, vocab, _ahead(ent, vocab)) or parse_date(text, vocab)
            if value is not None and value.year is None and article is not None:
                value = replace(value, year=_year_of(value, article, ent), year_stated=False)
            if value is not None and (any(t.lower_ in vocab.weekdays for t in ent) or value.day_lo):
                claims.append(make(ClaimKind.DATE, ent, value, date_facets(ent, vocab)))
        if ent.label_ == "DATE" and ent.start not in dated:
            # A year alone is a date of an event too: "the ferry was built in 1976".
            # "Friday night": the NER leaves the night out of the date; its end of the day counts.
            night = f" {ent.doc[ent.end].text}" if ent.end < len(ent.doc) and ent.doc[ent.end].lower_ in (
                "night", "evening") else ""
            value = resolve(ent.text + night, article, vocab, _ahead(ent, vocab)) or parse_year(ent.text, vocab)
            if value is not None:
                claims.append(make(ClaimKind.DATE, _without_count(ent), value, date_facets(ent, vocab)))
    for span in doc.spans.get("people", []):
        if span.start > 0 and doc[span.start - 1].lower_ in vocab.birth_name_words:
            continue  # "she was born Jane Doe": a former name, not a spelling of the one the story uses
        titles = tuple(source_stretch(doc, t.start_char, t.end_char) for t in span._.titles)
        # The verb a mention is the subject of ("Kowalsk told reporters"): context for a garbled name.
        acts = span.root.head.lemma_.lower() if span.root.dep_ in ("nsubj", "nsubjpass") \
            and span.start >= _dateline_end(span.sent) else None  # "VARNHOLM, 8 November (MWS) - Armed pirates hijacked"
        claims.append(make(ClaimKind.PERSON, span, span._.person, {"verb": acts}, titles))
    # Places and organisations, aliases resolved: what the story is about, for the claims table.
    in_quantities = {i for span in doc.spans.get("quantities", []) for i in range(span.start, span.end)}
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS | ORG_LABELS and not any(i in in_quantities for i in range(ent.start, ent.end)):
            kind = ClaimKind.PLACE if ent.label_ in PLACE_LABELS else ClaimKind.ORGANISATION
            name = vocab.place(ent.text) or ent.text.removeprefix("the ").strip()
            if kind is ClaimKind.ORGANISATION and vocab.place(ent.text):
                kind = ClaimKind.PLACE
            claims.append(make(kind, ent, Entity(ent.text, name, ent.label_), {"subject": name}))
    for span in doc.spans.get("titles", []):  # titles that name no one: "the Vice-Minister of X"
        claims.append(make(ClaimKind.TITLE, span, PersonName(span.text), {},
                           (source_stretch(doc, span.start_char, span.end_char),)))
    claims.sort(key=lambda c: (c.start, c.kind))
    return claims


def name_candidates(doc: Doc, locate) -> list[Claim]:
    """Capitalised words the NER did not call people (a surname tagged GPE): the corpus may know them.

    Not claims: a candidate becomes a mention of a person only when the corpus names exactly one
    person with that surname (groups/people.py).
    """
    in_people = {i for span in doc.spans.get("people", []) for i in range(span.start, span.end)}
    word = [tok.pos_ == "PROPN" and tok.is_title and tok.is_alpha and tok.i not in in_people and len(tok) > 1
            for tok in doc]
    out = [_claim(doc, ClaimKind.PERSON, doc[tok.i : tok.i + 1], PersonName(tok.text, (), tok.text), locate)
           for tok in doc if word[tok.i]]
    # Two such words alone, no capitalised word beside them ("the victory went to Halima Otuvare", read as a
    # work of art; not "Edgar Hoover" of "J. Edgar Hoover"): a full name the corpus may know, spelt as written.
    out += [_claim(doc, ClaimKind.PERSON, doc[i : i + 2], PersonName(f"{doc[i].text} {doc[i + 1].text}", (doc[i].text,),
                                                                    doc[i + 1].text), locate)
            for i in range(len(doc) - 1) if word[i] and word[i + 1]
            and not (i > 0 and doc[i - 1].text[:1].isupper() and not _ends_organisation(doc, i))
            and not (i + 2 < len(doc) and doc[i + 2].text[:1].isupper())]
    return out


def _ends_organisation(doc: Doc, i: int) -> bool:
    """Whether the two words at i end an organisation's name the NER ran into them ("the director of the Korvenian
    Meteorological Service Ingrid Marzalek"): a name, not the organisation's last words, when the corpus knows it."""
    return doc[i].ent_iob_ == "I" and doc[i].ent_type_ in ("ORG", "FAC") and doc[i + 1].ent_iob_ == "I" \
        and (i + 2 >= len(doc) or doc[i + 2].ent_iob_ != "I")
