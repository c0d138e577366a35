"""Doc -> claims. Pure functions: a processed Doc in, typed Claims out.

The facets (subject, attribute, modifiers, verb) come from the dependency parse:
"with Tokyo holding over 60% of the regional market" gives subject Japan (an alias of
Tokyo), attribute "market", modifiers ("regional",), verb "hold".
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from checker.claims.claim import Claim
from checker.claims.dates import parse_article_date, resolve
from checker.claims.types import Entity, PersonName
from checker.vocabulary import Vocabulary, default_vocabulary

PLACE_LABELS = {"GPE", "LOC", "FAC"}
ORG_LABELS = {"ORG", "NORP"}
ENTITY_LABELS = {"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC", "PRODUCT", "EVENT"}
# Nouns that only frame a figure ("a peak of 120%", "a share of 60%"): the attribute is what they frame.
FRAME_NOUNS = {"peak", "level", "rate", "high", "low", "total", "figure", "share", "record", "average", "sum", "amount", "stake", "portion"}
UP_VERBS = {"rise", "increase", "grow", "climb", "jump", "gain", "win", "add", "surge", "soar", "rally", "advance", "rocket", "leap", "spike", "double", "triple", "widen", "rebound", "recover", "expand", "raise", "hike", "lift", "boost"}
# Verbs that move a share or an index but not a count: "won 2%" against "won four titles".
NOT_OF_COUNTS = {"win"}
# Verbs whose "up"/"down" particle is not a direction: "gave up 517 yards", "set up 3 firms".
PHRASAL = {"give", "make", "take", "pick", "set", "use", "sign", "break", "turn", "track", "shut", "step", "put"}
# Verbs of movement that do not say which way: "went from 20 to 29".
MOVE_VERBS = {"go", "move", "change", "shift", "swing", "creep", "edge", "inch", "drift", "trend", "revise", "adjust"}
DOWN_VERBS = {"fall", "drop", "decline", "lose", "slide", "slip", "sink", "tumble", "plunge", "plummet", "slow", "slump", "dive", "sag", "shed", "trim", "halve", "narrow", "retreat", "weaken", "shrink", "cut", "reduce", "lower", "ease", "roll", "decrease", "contract", "dip"}


def _entity(tok: Token, vocab: Vocabulary) -> str | None:
    """Canonical entity named by a token (through its NER span and the alias table)."""
    doc = tok.doc
    if tok.ent_type_ in ENTITY_LABELS:
        ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
        text = ent.text if ent is not None else tok.text
        return vocab.place(text) or vocab.place(tok.text) or text.removeprefix("the ").strip()
    if tok.pos_ == "PROPN":
        return vocab.place(tok.text) or tok.text
    return vocab.place(tok.text) if tok.pos_ == "ADJ" else None


def _entity_in(tok: Token, vocab: Vocabulary) -> str | None:
    """The entity a noun phrase is about: the token itself, its possessor or its compounds."""
    found = _entity(tok, vocab)
    if found:
        return found
    for child in tok.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
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


def _modifiers(tok: Token, skip: Span | None = None) -> tuple[str, ...]:
    """Adjectives and compounds narrowing a noun, less the figure's own words ("18-month")."""
    return tuple(sorted(c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound") and c.is_alpha
                        and not (skip is not None and skip.start <= c.i < skip.end)))


# Dependency links a figure may climb to reach the verb whose subject it speaks of. A figure in
# an adjunct ("after three weeks of strikes, unions said") says nothing about the verb's subject.
ARGUMENT_DEPS = {"dobj", "attr", "npadvmod", "nsubj", "nsubjpass", "pobj", "compound", "nummod", "quantmod",
                 "amod", "appos", "conj", "acomp", "oprd"}
ARGUMENT_PREPS = {"of", "to", "by", "at", "from"}


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


def _verb_of(tok: Token) -> Token | None:
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def _subject_of(verb: Token, vocab: Vocabulary) -> tuple[str | None, Token | None]:
    """The entity that does what the verb says, following xcomp/conj/advcl chains up."""
    v: Token | None = verb
    while v is not None:
        for child in v.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return _entity_in(child, vocab), child
        if v.dep_ in ("xcomp", "conj", "advcl", "pcomp", "relcl") and v.head.i != v.i:
            v = v.head if v.dep_ != "relcl" else None
        else:
            v = None
    # "with Tokyo holding ...": the subject hangs off the preposition's object
    return None, None


def _direction(verb: Token) -> str:
    lemma = verb.lemma_.lower()
    return "up" if lemma in UP_VERBS else "down" if lemma in DOWN_VERBS else ""


def transition(prep: Token) -> str:
    """The movement a "from"/"to" phrase belongs to: "up", "down", "move" (direction unsaid) or ""."""
    head = prep.head
    if head.lower_ in ("up", "down") and head.pos_ in ("ADV", "ADP"):  # "up from 2.4 million"
        return head.lower_
    if head.pos_ in ("VERB", "AUX"):
        return _direction(head) or ("move" if head.lemma_.lower() in MOVE_VERBS else "")
    return ""


def movement(span: Span, counted: str = "") -> str:
    """Whether a figure measures a movement: "up" ("rose 0.3%", "up 19 cents"), "down",
    "up-to"/"down-to" for the level a movement ends at ("fell 2% to 4,100"), "up-from"/
    "down-from"/"from" for the level it starts from ("rose to 7 from 5"), or ""."""
    root = span.root
    if counted and root.dep_ == "nummod" and root.head.i >= span.end and root.head.lemma_.lower() == counted:
        root = root.head  # "lost 190 points": the counted noun stands for the figure
        if root.head.lemma_.lower() in NOT_OF_COUNTS:
            return ""
    head = root.head
    prev = span.doc[span.start - 1] if span.start > 0 else None
    first = span[0]
    before = span.doc[first.i - 1] if first.i > 0 else None
    if before is not None and before.lower_ == "to":
        # "plunged from $36,040 at 10pm to $34,935": the level it ends at
        origin = next((t for t in reversed(span.doc[span.sent.start : first.i]) if t.lower_ == "from"), None)
        # the same movement: "to" and "from" hang off one verb, or the parser put "to" inside the "from" phrase
        same = origin is not None and (before.head == origin.head or before.head in origin.subtree)
        d = transition(origin) if same else ""
        if not d and root.dep_ in ("dobj", "npadvmod", "attr") and head.pos_ == "VERB":
            d = _direction(head)  # "increased by $4bn to $41bn", "to" parsed into the figure
        if d and d != "move":
            return f"{d}-to"
    prep = first if first.lower_ == "from" else head if (root.dep_ == "pobj" and head.lower_ == "from") else None
    if prep is not None:
        # The level a movement starts from is not the level now: kept apart from levels.
        d = transition(prep)
        return "from" if d == "move" else f"{d}-from" if d else ""
    if prev is not None and prev.lower_ in ("up", "down") and prev.pos_ in ("ADV", "ADP", "ADJ") \
            and not (prev.dep_ == "prt" and prev.head.lemma_.lower() in PHRASAL):
        return prev.lower_
    if root.dep_ in ("dobj", "npadvmod", "advmod", "attr", "nsubj", "oprd") and head.pos_ in ("VERB", "AUX"):
        return _direction(head)
    if root.dep_ == "pobj" and head.lower_ == "by" and head.head.pos_ == "VERB":
        return _direction(head.head)
    if root.dep_ == "pobj" and head.lower_ in ("to", "at") and head.head.pos_ == "VERB":
        d = _direction(head.head)
        return f"{d}-to" if d else ""
    if root.dep_ in ("appos", "conj"):
        # "lost 80 points, or 1.2%", "grew by 125,600 jobs or 2.2%": as the figure it restates
        anchor = head
        if anchor.dep_ == "nummod" and anchor.head.pos_ == "NOUN":
            anchor = anchor.head
        if anchor.head.pos_ == "VERB" and anchor.dep_ in ("dobj", "npadvmod"):
            return _direction(anchor.head)
        if anchor.dep_ == "pobj" and anchor.head.lower_ == "by" and anchor.head.head.pos_ == "VERB":
            return _direction(anchor.head.head)
    return ""


def quantity_facets(span: Span, vocab: Vocabulary | None = None) -> dict:
    """subject, attribute, modifiers, verb and change for a quantity span."""
    vocab = vocab or default_vocabulary()
    root = span.root
    attribute: Token | None = None
    change = span._.quantity.change if span._.quantity is not None else movement(span)
    of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
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
        obj = obj or next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
        attribute = obj
    # A frame noun ("peak") hands over to what it frames ("prices ... reaching a peak").
    modifiers: tuple[str, ...] = ()
    if attribute is not None and attribute.lemma_.lower() in FRAME_NOUNS:
        modifiers = (attribute.lemma_.lower(),)
        framed = _verb_of(attribute)
        subj = _subject_of(framed, vocab)[1] if framed is not None else None
        if subj is not None and subj.pos_ == "NOUN":
            attribute = subj
    verb_tok = _verb_of(root)
    subject = None
    if attribute is not None:
        subject = _entity_in(attribute, vocab)
        modifiers = tuple(sorted(set(modifiers) | set(_modifiers(attribute, span))))
    arg_verb = _argument_verb(root)
    if subject is None and arg_verb is not None:
        subject = _subject_of(arg_verb, vocab)[0]
        if subject is None and arg_verb.dep_ == "pcomp":  # "with Tokyo holding over 60%"
            subj = next((c for c in arg_verb.children if c.dep_ == "nsubj"), None)
            subject = _entity_in(subj, vocab) if subj is not None else None
    if attribute is None and verb_tok is not None and change:
        # "The index rose 0.4%": the figure measures the subject's move
        subj = next((c for c in verb_tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        attribute = subj
    return {
        "subject": subject,
        "attribute": attribute.lemma_.lower() if attribute is not None else None,
        "modifiers": tuple(m for m in modifiers if m != (attribute.lemma_.lower() if attribute is not None else None)),
        "verb": verb_tok.lemma_.lower() if verb_tok is not None else None,
        "change": change,
        "definite": _definite(span),
    }


DEFINITE = {"the", "its", "their", "his", "her", "our", "both", "these", "those", "'s", "’s", "each", "every"}


def _definite(span: Span) -> bool:
    """A count after a definite determiner ("the two sides", "its three members") refers back."""
    prev = span.doc[span.start - 1] if span.start > 0 else None
    q = span._.quantity
    return prev is not None and prev.lower_ in DEFINITE and q is not None and q.dimension in ("count", "number")


def date_facets(span: Span, vocab: Vocabulary | None = None) -> dict:
    """What a date is the date of: the verb it modifies and that verb's subject or object."""
    vocab = vocab or default_vocabulary()
    verb = _verb_of(span.root)
    attribute = None
    subject = None
    if verb is not None:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.pos_ in ("NOUN", "PROPN"):
                attribute = attribute or child.lemma_.lower()
                subject = subject or _entity_in(child, vocab)
    return {"subject": subject, "attribute": attribute, "modifiers": (),
            "verb": verb.lemma_.lower() if verb is not None else None}


def _context(sent: Span) -> tuple[str, ...]:
    return tuple(sorted({t.lemma_.lower() for t in sent if t.is_alpha and not t.is_stop and t.pos_ in ("NOUN", "VERB", "PROPN", "ADJ")}))


def doc_claims(doc: Doc, locate, vocab: Vocabulary | None = None) -> list[Claim]:
    """All claims of one Doc. `locate(offset) -> (line, column)` maps a source offset."""
    vocab = vocab or default_vocabulary()
    base = doc._.offset
    source = doc._.source
    claims: list[Claim] = []

    def make(kind: str, span: Span, value, facets: dict, titles=()) -> Claim:
        start = base + span.start_char
        line, col = locate(start)
        sent = span.sent
        return Claim(kind=kind, source=source, start=start, end=base + span.end_char, line=line, column=col,
                     span=span.text, sentence=sent.text.strip(), value=value,
                     subject=facets.get("subject"), attribute=facets.get("attribute"),
                     modifiers=facets.get("modifiers", ()), verb=facets.get("verb"),
                     definite=facets.get("definite", False),
                     titles=titles, context=_context(sent))

    for span in doc.spans.get("quantities", []):
        q = span._.quantity
        facets = quantity_facets(span, vocab)
        claims.append(make("quantity", span, q, facets))
    # Dates: a year the text leaves out, and relative dates, come from the article's own date when
    # its metadata gives one; otherwise they stay as stated.
    article = parse_article_date((doc._.meta or {}).get("date"))
    dated = set()
    for span in doc.spans.get("dates", []):
        value = span._.date
        if value.year is None and article is not None:
            value = replace(value, year=article.year)
        dated.add(span.start)
        claims.append(make("date", span, value, date_facets(span, vocab)))
    for ent in doc.ents:
        if ent.label_ == "DATE" and ent.start not in dated:
            value = resolve(ent.text, article)
            if value is not None:
                claims.append(make("date", ent, value, date_facets(ent, vocab)))
    for span in doc.spans.get("people", []):
        titles = tuple((t.text, base + t.start_char, base + t.end_char) for t in span._.titles)
        # The verb a mention is the subject of ("Kowalsk told reporters"): context for a garbled name.
        acts = span.root.head.lemma_.lower() if span.root.dep_ in ("nsubj", "nsubjpass") else None
        claims.append(make("person", span, span._.person, {"verb": acts}, titles))
    # Places and organisations, aliases resolved: what the story is about, for the claims table.
    in_quantities = {i for span in doc.spans.get("quantities", []) for i in range(span.start, span.end)}
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS | ORG_LABELS and not any(i in in_quantities for i in range(ent.start, ent.end)):
            kind = "place" if ent.label_ in PLACE_LABELS else "organisation"
            name = vocab.place(ent.text) or ent.text.removeprefix("the ").strip()
            if kind == "organisation" and vocab.place(ent.text):
                kind = "place"
            claims.append(make(kind, ent, Entity(ent.text, name, ent.label_), {"subject": name}))
    # Capitalised words the NER did not call people (a surname tagged GPE): the corpus may know them.
    in_people = {i for span in doc.spans.get("people", []) for i in range(span.start, span.end)}
    for tok in doc:
        if tok.pos_ == "PROPN" and tok.is_title and tok.is_alpha and tok.i not in in_people and len(tok) > 1:
            claims.append(make("candidate", doc[tok.i : tok.i + 1], PersonName(tok.text, (), tok.text), {}))
    for span in doc.spans.get("titles", []):  # titles that name no one: "the Vice-Minister of X"
        claims.append(make("title", span, PersonName(span.text), {}, ((span.text, base + span.start_char, base + span.end_char),)))
    claims.sort(key=lambda c: (c.start, c.kind))
    return claims
