"""Component `checker_people`: people with the titles the text gives them.

The NER misses names next to titles ("Trade Commissioner Olav Brandt") and tags bare
surnames as places. Titles anchor names: "<title> <Name>", "<Name>, <title>", and
coordinated titles ("party member and Deputy Mayor Ana Ruiz"). Each person span
carries its PersonName in span._.person and the title spans in span._.titles. Offices,
ranks, places and abbreviations are the vocabulary's.
"""

# No `from __future__ import annotations`: spaCy validates a factory's arguments against its
# annotations, which must be types, not strings.

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from checker.nlp.registry import vocabulary_config
from checker.values import english
from checker.values.types import PersonName
from checker.values.vocabulary import Vocabulary, default_vocabulary

DETERMINERS = {"a", "an", "the"}
NOT_NAMES = {"PRON", "DET", "ADP", "VERB", "AUX", "CCONJ", "SCONJ", "PART", "NUM", "PUNCT"}


def _lowers(doc: Doc) -> list[str]:
    """The Doc's words in lower case, read once: every token is looked up as an office word."""
    cached = doc.user_data.get("checker.lowers")
    if cached is None:
        cached = doc.user_data["checker.lowers"] = [t.lower_ for t in doc]
    return cached


def _portfolio_noun(doc: Doc, i: int, vocab: Vocabulary) -> bool:
    """A lower-case noun that the office right after it is of ("Dagan Relsk, the tourism minister,"), not a noun
    a phrase hangs off ("New York, home of the director")."""
    return doc[i].pos_ == "NOUN" and doc[i].is_lower and i + 1 < len(doc) and bool(_office_at(doc, i + 1, vocab))


def _office_at(doc: Doc, i: int, vocab: Vocabulary) -> int:
    """Length in tokens of the office word(s) starting at token i, or 0."""
    lowers, index = _lowers(doc), vocab.office_index
    for words in index.get(lowers[i], ()):
        n = len(words)
        if i + n <= len(lowers) and all(lowers[i + k] == words[k] for k in range(1, n)):
            return n
    # An abbreviation the tokenizer parts from its full stop ("Capt" "."), or written without one ("Insp").
    dotted = lowers[i] + "."
    if dotted in index and (dotted,) in index[dotted]:
        return 2 if i + 1 < len(doc) and doc[i + 1].text == "." and not doc[i].whitespace_ else 1
    return 0


# Name words that are not all letters: a middle initial ("George W. Bush", "J.R. Smith") and an elided prefix ("O'Brien",
# "D'Angelo"). Cut there, a name loses its surname.
NAME_WORD = re.compile(r"(?:[A-Z]\.)+|[A-Z][a-z]?['’][A-Z][a-z]+")


def _is_cap(tok: Token, vocab: Vocabulary) -> bool:
    return tok.text[:1].isupper() and (tok.is_alpha or NAME_WORD.fullmatch(tok.text) is not None) \
        or tok.text in vocab.abbreviations


def _after_hyphen(tok: Token) -> bool:
    """The lower-case half of a hyphenated name: "Ki-moon"."""
    prev = tok.nbor(-1) if tok.i > 0 else None
    return tok.is_alpha and prev is not None and prev.text == "-" and not prev.whitespace_ and prev.i > 0 \
        and not prev.nbor(-1).whitespace_


def _is_title_word(tok: Token, vocab: Vocabulary) -> bool:
    return tok.lower_ in vocab.title_words or tok.lower_ + "." in vocab.title_words  # "Sgt" of "Sgt."


def _name_after(doc: Doc, i: int, vocab: Vocabulary) -> tuple[int, int] | None:
    """A name of 1-3 capitalised tokens starting at token i (not a title word, not a place)."""
    j = i
    while j < len(doc) and j - i < 3 and _is_cap(doc[j], vocab) and doc[j].pos_ not in NOT_NAMES | {"ADJ"} \
            and not _is_title_word(doc[j], vocab) and vocab.place(doc[j].text) is None:
        j += 1
    # A short surname that is also an English word ("He", "Ma") comes first in some naming orders;
    # capitalised right after a title and before a given name, it is a name, whatever the tagger says.
    if j == i and i + 1 < len(doc) and doc[i].is_title and len(doc[i]) <= 3 and doc[i].pos_ in ("PRON", "DET", "ADP", "CCONJ") \
            and _is_cap(doc[i + 1], vocab) and doc[i + 1].pos_ == "PROPN" and not _is_title_word(doc[i + 1], vocab):
        j = i + 2
    if j == i:
        return None
    while j + 1 < len(doc) and doc[j].text == "-" and _after_hyphen(doc[j + 1]):  # "Ban Ki-moon"
        j += 2
    if doc[j - 1].ent_type_ in ("GPE", "ORG", "NORP") and doc[i].ent_type_ in ("GPE", "ORG", "NORP") and j - i == 1 \
            and vocab.place(doc[i].text):
        return None
    return i, j


def _title_before(doc: Doc, end: int, vocab: Vocabulary, lower_ok: bool) -> tuple[int, int] | None:
    """A title phrase ending just before token `end`: rank/portfolio words and an office."""
    j = end - 1
    # The office ends the title; the longest that does ("prime minister", not "minister" alone: a lower-case
    # "prime" is no rank to run over).
    k = next((k for k in range(max(0, j - 2), j + 1) if (n := _office_at(doc, k, vocab)) and k + n - 1 == j), None)
    if k is None:
        return None
    if not lower_ok and not _is_cap(doc[k], vocab):
        return None
    start = k
    while start > 0:
        prev = doc[start - 1]
        if prev.ent_type_ == "NORP" and prev.pos_ == "ADJ" and vocab.place(prev.text) is None:
            # "The Salvenian minister of transport": a people's adjective says where the office is, not what; one
            # the place table knows ("Chinese") stays in the title as written, and the title's reading drops it
            break
        # A title in lower case runs over the lower-case words before its office ("the interior secretary"); one
        # whose office is capitalised does not ("we are pleased Secretary Marlow acted": no portfolio "pleased").
        if (prev.lower_ in vocab.ranks and prev.pos_ != "ADP") or (_is_cap(prev, vocab) and prev.pos_ in ("PROPN", "NOUN", "ADJ")) \
                or (lower_ok and prev.pos_ in ("ADJ", "NOUN") and not prev.ent_type_ and not _is_cap(doc[k], vocab)):
            start -= 1
        elif prev.text == "-" and start > 1:
            start -= 1
        elif prev.lower_ in ("and", "&") and start > 1 and prev.ent_iob_ == "I" and prev.ent_type_ != "PERSON" \
                and _is_cap(doc[start - 2], vocab):
            start -= 1  # "UN Relief and Works Agency spokesman": inside one organisation's name, not two titles
        else:
            break
    while start < k and doc[start].text == "-":
        start += 1
    return start, end


def _portfolio_after(doc: Doc, i: int, vocab: Vocabulary) -> int:
    """End of 'of/for [the] Capitalised ...' after an office at token i (chains of 'of')."""
    j = i
    while j + 1 < len(doc) and doc[j].lower_ in ("of", "for"):
        k = j + 1
        if k < len(doc) and doc[k].lower_ == "the":
            k += 1
        m = k
        while m < len(doc) and _is_cap(doc[m], vocab):
            m += 1
            # "Minister of Mines and Energy": a portfolio of two, not a second office ("of Finance and Deputy Mayor")
            if m + 1 < len(doc) and doc[m].lower_ in ("and", "&") and _is_cap(doc[m + 1], vocab) \
                    and not _is_title_word(doc[m + 1], vocab):
                m += 1
        if m == k:
            break
        if m < len(doc):
            m += _office_at(doc, m, vocab)  # "spokesman for the Bristol district attorney": whose office it is
        j = m
    return j


def _split_portfolio(doc: Doc, start: int, end: int, vocab: Vocabulary) -> tuple[int, tuple[int, int] | None]:
    """'for Health Ana Ruiz' -> portfolio 'for Health', name 'Ana Ruiz'.

    After the last 'of'/'for', a portfolio is one word or a known place ('the United States');
    capitalised words after it are the name.
    """
    k = max(t.i for t in doc[start:end] if t.lower_ in ("of", "for")) + 1
    definite = k < end and doc[k].lower_ == "the"
    if definite:
        k += 1
    run = list(range(k, end))
    if len(run) < 2:
        return end, None
    cut = k + 1
    if cut + 1 < end and doc[cut].lower_ in ("and", "&"):
        cut += 2  # "Minister of Mines and Energy Dagna Voss": a portfolio of two
    for n in range(min(4, len(run) - 1), 0, -1):
        if vocab.place(doc[k : k + n].text):
            cut = k + n
            break
    else:
        if definite and doc[k].ent_iob_ in ("B", "I") and doc[cut].ent_iob_ == "I" and doc[k].ent_type_ in ("ORG", "FAC"):
            return end, None  # "coach of the Portland Trail Blazers": one organisation, no name after it
    name = _name_after(doc, cut, vocab)
    if name is None or name[1] != end:
        return end, None
    return cut, name


def _person_name(span: Span, vocab: Vocabulary | None = None) -> PersonName:
    """Given names and surname; a two-word surname ("Lo Presti", "van Dijk") kept whole."""
    vocab = vocab or default_vocabulary()
    # Tokens written together are one word: "Ki-moon", "Jean-Pierre" are one name each.
    words: list[str] = []
    glued = False
    for t in span:
        if glued and words:
            words[-1] += t.text
        elif t.text != "-":
            words.append(t.text)
        glued = not t.whitespace_
    words = [w.strip("-") for w in words if w.strip("-")]
    while len(words) > 1 and words[-1] in vocab.name_suffixes:
        words.pop()
    cut = len(words) - 1
    while cut > 0 and words[cut - 1].lower() in vocab.surname_particles:
        cut -= 1
    return PersonName(span.text, tuple(words[:cut]), " ".join(words[cut:]))


def _without_address(span: Span, vocab: Vocabulary) -> Span:
    """"Mrs Palin", "Dr. Gupta": the words of address are not the name."""
    while len(span) > 1 and span[0].text.rstrip(".").lower() in vocab.honorifics:
        span = span[1:]
    return span


def _place_named(doc: Doc, start: int, vocab: Vocabulary) -> bool:
    """"the southern town of Marrowby": a name after "of" and a noun of settled places is the place's."""
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in vocab.settlement_nouns


Person = tuple[Span, PersonName, tuple[Span, ...]]  # a name, as read, and the titles the text gives it

# Labels the model gives a person's name now and then ("Marta Ilvane" a GPE, "Ines Halvik" a PRODUCT).
# Words a title before a comma may run to, its office first: "The president of the Estavian athletics federation,
# Helga Marrant".
TITLE_BEFORE_COMMA = 7
MISREAD_PERSON = {"GPE", "ORG", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"}


def _named_person(ent: Span, vocab: Vocabulary) -> bool:
    """A PERSON entity, or a name of two or three capitalised words that the model labelled otherwise and no
    place the vocabulary knows or organisation word is: asked only where a title stands beside it ("Marta
    Ilvane, director of the agency", "the museum's director, Sabine Ostrander"), which a place or a company
    does not take."""
    if ent.label_ == "PERSON":
        return True
    return ent.label_ in MISREAD_PERSON and 2 <= len(ent) <= 3 and vocab.place(ent.text) is None \
        and all(t.pos_ == "PROPN" and _is_cap(t, vocab) and t.lower_ not in vocab.organisation_words for t in ent)


def _given_before(doc: Doc, ent: Span, vocab: Vocabulary) -> int:
    """Where a person's name starts: at the entity, or at a capitalised word the NER left out before it that the
    parse makes part of the name ("Anders Kveldt", tagged a person at "Kveldt" alone). Not an office or a word of
    address ("Minister Kveldt", "Mr Kveldt"), nor a day or a month; nor an English word ("Warship Sukanya") or
    letters in capitals ("WR Jackson", a wide receiver), which name what the person is."""
    i = ent.start - 1
    if ent.label_ != "PERSON" or i < 0:
        return ent.start
    tok = doc[i]
    if tok.pos_ == "PROPN" and tok.is_title and tok.is_alpha and not tok.ent_type_ and tok.dep_ == "compound" \
            and not english.word_count(tok.lower_) \
            and ent.start <= tok.head.i < ent.end and not _office_at(doc, i, vocab) and not _is_title_word(tok, vocab) \
            and tok.lower_.rstrip(".") not in vocab.honorifics and tok.lower_ not in vocab.weekdays \
            and tok.lower_ not in vocab.months:
        return i
    return ent.start


def find_people(doc: Doc, vocab: Vocabulary | None = None) -> tuple[list[Span], list[Span]]:
    """People (spans with ._.person and ._.titles) and titles that name no one."""
    people, nameless = match_people(doc, vocab or default_vocabulary())
    _annotate(people)
    return [span for span, _, _ in people], nameless


def _annotate(people: list[Person]) -> None:
    for span, name, titles in people:
        span._.person = name
        span._.titles = titles


def match_people(doc: Doc, vocab: Vocabulary) -> tuple[list[Person], list[Span]]:
    """People with their titles, and titles that name no one; the Doc is left as it was."""
    found: dict[tuple[int, int], list[Span]] = {}
    nameless: list[Span] = []

    def add(name: tuple[int, int], title: tuple[int, int] | None) -> None:
        titles = found.setdefault(name, [])
        if title is not None:
            span = doc[title[0] : title[1]]
            if all(t.start != span.start for t in titles):
                titles.append(span)

    # <title> <Name>: "Finance Minister Maria Kowalska", "Secretary for Health Ana Ruiz"
    for i in range(len(doc)):
        n = _office_at(doc, i, vocab)
        if not n:
            continue
        end = _portfolio_after(doc, i + n, vocab)
        name = _name_after(doc, end, vocab)
        if name is None and end > i + n:
            end, name = _split_portfolio(doc, i + n, end, vocab)
        if name is None and end > i + n and _is_cap(doc[i], vocab):
            # A title with no name after it ("the Vice-Minister of X"): kept, the corpus may say who.
            title = _title_before(doc, i + n, vocab, lower_ok=False)
            if title is not None:
                nameless.append(doc[title[0] : end])
        if name is None:
            continue
        title = _title_before(doc, i + n, vocab, lower_ok=True)
        if title is None:
            continue
        if not _is_cap(doc[i], vocab) and not any(_is_cap(t, vocab) for t in doc[name[0] : name[1]]):
            continue
        add(name, (title[0], end))
        # Coordinated titles: "party member and Deputy Mayor Ana Ruiz".
        if title[0] >= 2 and doc[title[0] - 1].lower_ == "and":
            other = _title_before(doc, title[0] - 1, vocab, lower_ok=True)
            if other is not None:
                add(name, other)

    # <Name>, <title>: "Ana Ruiz, Minister of Health", "Tom Hale, a senior policy adviser"
    for ent in doc.ents:
        if ent.end + 2 >= len(doc) or doc[ent.end].text != "," or not _named_person(ent, vocab):
            continue
        j = ent.end + 1
        if doc[j].lower_ == "and" or doc[j].pos_ in ("CCONJ", "ADP"):
            # a list of people, or a new clause ("with Pompeo, but the CIA director is"), or a phrase of a
            # preposition ("Aurel Strommer, with the minister not related"): no apposition
            continue
        if doc[j].lower_ in DETERMINERS:
            j += 1
        k = j
        named = ent.label_ == "PERSON"
        while k < len(doc) and k - j < 8 and doc[k].text not in (",", ".", ";", "(", "“", '"'):
            n = _office_at(doc, k, vocab)
            if not n and not named and k == j and k + 2 < len(doc) and doc[k + 1].tag_ == "POS" \
                    and doc[k].pos_ in ("NOUN", "PROPN"):
                k += 2  # "Corinne Reyval, the plant's director": whose office it is, then the office
                continue
            if not n and not named and not (doc[k].pos_ in ("PROPN", "ADJ") or doc[k].lower_ in vocab.ranks
                                             or _portfolio_noun(doc, k, vocab)):
                break  # a name misread as a place takes a title at once ("Marta Ilvane, director of"), not
                # after a noun ("New York, home of the director")
            if n:
                end = _portfolio_after(doc, k + n, vocab)
                if end < len(doc) and _name_after(doc, end, vocab):
                    break  # "Ruiz, Finance Minister Maria Kowalska": the next person's title
                if not named and end < len(doc) and doc[end].text not in (",", ".", ";"):
                    break  # "Acme Foods, the chief executive said": the title opens a clause, it names no one
                ands = [t.i for t in doc[j:k] if t.lower_ == "and"]
                if ands:  # "Ana Ruiz, a biodiversity expert and director of X": the title is after "and"
                    j = ands[-1] + 1
                add((_given_before(doc, ent, vocab), ent.end), (j, end))
                if end < len(doc) and doc[end].lower_ == "and":
                    j = k = end + 1
                    continue
                break
            if doc[k].pos_ in ("VERB", "AUX") or doc[k].lower_ in vocab.relatives:
                break  # "Ana Ruiz, the daughter of the founder and chairman, ...": the titles are the relative's
            k += 1

    # <title>, <Name>: "the city's former treasurer, Oskar Lindqvaard", "the former treasurer of Halbrook,
    # Oskar Lindqvaard". The office ends the title, or an "of" phrase naming its place follows it.
    for ent in doc.ents:
        if ent.start < 2 or doc[ent.start - 1].text != "," or not _named_person(ent, vocab):
            continue
        comma = ent.start - 1
        for k in range(comma - 1, max(comma - TITLE_BEFORE_COMMA - 1, -1), -1):
            if doc[k].pos_ in ("VERB", "AUX") or doc[k].text in (",", ".", ";", ":"):
                break
            n = _office_at(doc, k, vocab)
            if not n:
                continue
            # The "of"/"for" phrase of its portfolio or place, up to the comma, is the title's ("The Minister of
            # Labour, Osric Fenwald", "the Minister for Mines and Energy, Dagna Voss"); a phrase of a common noun
            # only follows it ("The fire chief of the district, Aurel Strommer").
            tail = doc[k + n : comma]
            portfolio = len(tail) > 0 and _portfolio_after(doc, k + n, vocab) == comma
            if len(tail) and not portfolio and not (
                    tail[0].lower_ == "of" and all(t.pos_ in ("DET", "PROPN", "NOUN", "ADJ") for t in tail[1:])):
                break
            title = _title_before(doc, k + n, vocab, lower_ok=True)
            if title is not None:
                add((_given_before(doc, ent, vocab), ent.end), (title[0], comma if portfolio else k + n))
            break

    # <Name>, (aged) <age>,: "Tomasz Wierzbel, aged 42, a Polish national": an age set off beside a name the model
    # labelled otherwise marks a person, as a title does.
    for ent in doc.ents:
        if ent.label_ == "PERSON" or ent.end + 2 >= len(doc) or doc[ent.end].text != "," \
                or not _named_person(ent, vocab):
            continue
        k = ent.end + 1 + (doc[ent.end + 1].lower_ in vocab.age_words)
        # "Grandad Eino Salkari, 67,", "Skipper Alasdair Munroe, 51,": a word of kinship, a title or an English noun
        # before a name of two words is no part of it
        start = ent.start
        while ent.end - start > 2 and (doc[start].lower_ in vocab.relatives or _is_title_word(doc[start], vocab)
                                       or _office_at(doc, start, vocab) or english.word_count(doc[start].lower_)):
            start += 1
        if ent.end - start >= 2 and k + 1 < len(doc) and doc[k].text.isdigit() and 0 < int(doc[k].text) < 120 \
                and doc[k + 1].text in (",", ".", ";"):
            add((start, ent.end), None)

    # Plain PERSON entities with no title.
    taken = {i for (s, e), titles in found.items() for i in range(s, e)}
    taken |= {i for titles in found.values() for t in titles for i in range(t.start, t.end)}
    for ent in doc.ents:
        if ent.label_ != "PERSON" or _place_named(doc, ent.start, vocab):
            continue
        keep = [i for i in range(_given_before(doc, ent, vocab), ent.end) if i not in taken]
        if keep and keep == list(range(keep[0], keep[-1] + 1)):
            found.setdefault((keep[0], keep[-1] + 1), [])

    spans = []
    for (s, e), titles in sorted(found.items()):
        span = doc[s:e]
        while len(span) > 1 and not _is_cap(span[-1], vocab) and not _after_hyphen(span[-1]):  # "Ruiz and" from the NER
            span = span[:-1]
        span = _without_address(span, vocab)
        n = _office_at(doc, span.start, vocab)
        if n and len(span) > n and _is_cap(doc[span.start + n], vocab):
            # "Trooper Hakim, a bomb technician": the NER ran the office into the name; it is a title
            titles = _with_title(list(titles), doc[span.start : span.start + n])
            span = doc[span.start + n : span.end]
        if span.text.rstrip(".").lower() in vocab.honorifics:
            continue
        words_ok = all(_is_cap(t, vocab) or t.text == "-" or t.lower_ in vocab.surname_particles or _after_hyphen(t)
                       for t in span)
        if not _is_cap(span[0], vocab) or not words_ok or span[-1].lower_ in vocab.organisation_words \
                or all(_is_title_word(t, vocab) for t in span):
            continue
        if spans and spans[-1][0].start == span.start and spans[-1][0].end == span.end:
            # the same name reached twice ("Trooper Hakim" as the NER's and as "<title> <Name>"): one person
            merged = list(spans[-1][2])
            for t in titles:
                merged = _with_title(merged, t)
            spans[-1] = (span, spans[-1][1], tuple(merged))
            continue
        spans.append((span, _person_name(span, vocab), tuple(titles)))
    named_titles = {t.start for _, _, titles in spans for t in titles}
    return spans, [t for t in nameless if t.start not in named_titles]


def _with_title(titles: list[Span], title: Span) -> list[Span]:
    """The titles with one more, unless one of them holds it ("Trooper" in "Senior Trooper"); one it holds goes."""
    if any(t.start <= title.start and title.end <= t.end for t in titles):
        return titles
    return [*(t for t in titles if not (title.start <= t.start and t.end <= title.end)), title]


class PeopleFinder:
    """Finds people and their titles with the vocabulary's offices, ranks, places and abbreviations."""

    def __init__(self, nlp: Language, name: str = "checker_people", *, vocabulary: Vocabulary):
        self.name = name
        self.vocabulary = vocabulary

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> tuple[list[Person], list[Span]]:
        return match_people(doc, self.vocabulary)

    def set_annotations(self, doc: Doc, matches: tuple[list[Person], list[Span]]) -> Doc:
        people, nameless = matches
        _annotate(people)
        doc.spans["people"] = [span for span, _, _ in people]
        doc.spans["titles"] = nameless
        return doc


@Language.factory("checker_people", default_config={"vocabulary": vocabulary_config()})
def make_people_finder(nlp: Language, name: str, vocabulary: Vocabulary) -> PeopleFinder:
    return PeopleFinder(nlp, name, vocabulary=vocabulary)
