"""Movements read from the parse: whether a figure measures a rise, a fall, or a level before or after.

"rose 0.3%" is a move up; "fell 2% to 4,100" ends at 4,100; "rose to 7 from 5" starts from 5.
The verbs are the vocabulary's (data/movement.toml).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from checker.nlp.registry import sentence_at
from checker.values.vocabulary import Vocabulary, default_vocabulary


def verb_of(tok: Token) -> Token | None:
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def _direction(verb: Token, vocab: Vocabulary) -> str:
    lemma = verb.lemma_.lower()
    return "up" if lemma in vocab.movement.up else "down" if lemma in vocab.movement.down else ""


def transition(prep: Token, vocab: Vocabulary | None = None) -> str:
    """The movement a "from"/"to" phrase belongs to: "up", "down", "move" (direction unsaid) or ""."""
    vocab = vocab or default_vocabulary()
    head = prep.head
    if head.lower_ in ("up", "down") and head.pos_ in ("ADV", "ADP"):  # "up from 2.4 million"
        return head.lower_
    if head.pos_ in ("VERB", "AUX"):
        return _direction(head, vocab) or ("move" if head.lemma_.lower() in vocab.movement.move else "")
    if head.pos_ == "NOUN" and head.dep_ in ("dobj", "nsubjpass") and head.head.pos_ == "VERB":
        # "raise the stadium's capacity from 14,500 to 21,000": the noun the verb moves takes the phrase
        return _direction(head.head, vocab)
    return ""


def movement(span: Span, counted: str = "", vocab: Vocabulary | None = None) -> str:
    """Whether a figure measures a movement: "up" ("rose 0.3%", "up 19 cents"), "down",
    "up-to"/"down-to" for the level a movement ends at ("fell 2% to 4,100"), "up-from"/
    "down-from"/"from" for the level it starts from ("rose to 7 from 5"), or ""."""
    vocab = vocab or default_vocabulary()
    root = span.root
    if counted and root.dep_ == "nummod" and root.head.i >= span.end and root.head.lemma_.lower() == counted:
        root = root.head  # "lost 190 points": the counted noun stands for the figure
        if root.head.lemma_.lower() in vocab.movement.not_of_counts:
            return ""
    head = root.head
    prev = span.doc[span.start - 1] if span.start > 0 else None
    first = span[0]
    before = span.doc[first.i - 1] if first.i > 0 else None
    if before is not None and before.lower_ == "to":
        # "plunged from $36,040 at 10pm to $34,935": the level it ends at
        origin = next((t for t in reversed(span.doc[sentence_at(span.doc, span.start).start : first.i]) if t.lower_ == "from"), None)
        # the same movement: "to" and "from" hang off one verb, or the parser put "to" inside the "from" phrase
        same = origin is not None and (before.head == origin.head or before.head in origin.subtree)
        d = transition(origin, vocab) if same else ""
        if not d and root.dep_ in ("dobj", "npadvmod", "attr") and head.pos_ == "VERB":
            d = _direction(head, vocab)  # "increased by $4bn to $41bn", "to" parsed into the figure
        if d and d != "move":
            return f"{d}-to"
    prep = first if first.lower_ == "from" else head if (root.dep_ == "pobj" and head.lower_ == "from") else None
    if prep is not None:
        # The level a movement starts from is not the level now: kept apart from levels.
        d = transition(prep, vocab)
        return "from" if d == "move" else f"{d}-from" if d else ""
    if prev is not None and prev.lower_ in ("up", "down") and prev.pos_ in ("ADV", "ADP", "ADJ") \
            and not (prev.dep_ == "prt" and prev.head.lemma_.lower() in vocab.movement.phrasal):
        return prev.lower_
    if root.dep_ in ("dobj", "npadvmod", "advmod", "attr", "nsubj", "oprd") and head.pos_ in ("VERB", "AUX"):
        return _direction(head, vocab)
    if root.dep_ == "pobj" and head.lower_ == "by" and head.head.pos_ == "VERB":
        return _direction(head.head, vocab)
    if root.dep_ == "pobj" and head.lower_ in ("to", "at") and head.head.pos_ == "VERB":
        d = _direction(head.head, vocab)
        return f"{d}-to" if d else ""
    if root.dep_ in ("appos", "conj"):
        # "lost 80 points, or 1.2%", "grew by 125,600 jobs or 2.2%": as the figure it restates
        anchor = head
        if anchor.dep_ == "nummod" and anchor.head.pos_ == "NOUN":
            anchor = anchor.head
        if anchor.head.pos_ == "VERB" and anchor.dep_ in ("dobj", "npadvmod"):
            return _direction(anchor.head, vocab)
        if anchor.dep_ == "pobj" and anchor.head.lower_ == "by" and anchor.head.head.pos_ == "VERB":
            return _direction(anchor.head.head, vocab)
    return ""
