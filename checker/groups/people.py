"""People across sources: one person per story, their name variants and titles.

Mentions are clustered in three passes:
1. full names (given + surname) merge when the surnames are near-identical and the given
   names agree (equal, nickname, initial, short form) or the titles agree; a spelling variant of the
   given name ("Katherine", "Catherine") merges only beside the same surname; a short surname one
   letter off ("Lund", "Lond") only beside the same given name. A full name that one source alone
   gives then joins the other person of that surname whom most sources name ("Hugo Brandt" in one
   source, "Olaf Brandt" in three, or in two described alike);
2. surname-only mentions ("Brandt said") join the one cluster whose name holds that word;
3. what is left is checked for garbling: a name never introduced in full, close to a person
   the same source names; a title's "of X" where X is close to a person's name.
Never corrects anything: the variants are shown with the majority for reference.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz.distance import OSA, JaroWinkler, Levenshtein

from checker.align import Alignment
from checker.claims.claim import Claim, ClaimKind
from checker.groups.components import connected
from checker.values.titles import Title, parse_title
from checker.values.types import Entity, PersonName
from checker.values.vocabulary import Vocabulary, default_vocabulary

SURNAME_SIMILARITY = 0.90  # Jaro-Winkler: Kowalska/Kowalski 0.94; near-identical surnames also need a given name or title to agree
# A short surname with one letter wrong scores low on Jaro-Winkler (Reid/Roid 0.85, Obama/Obuma 0.89): one
# edit (a letter changed, added, lost, or two swapped) from a surname of this length is near too, beside
# the same given name.
SURNAME_EDIT_LENGTH = 4
# Beside the same given name, two edits in a longer surname are still a spelling where the two stay near
# (Ashdown/Ashton 0.89, Marsk/Marsch 0.89); two people of one given name and surnames this near are rare.
TWO_EDITS_LENGTH = 5
TWO_EDITS_SIMILARITY = 0.85
NAMESAKE_SOURCES = 3  # sources that name the other person in full: a clear majority against the one source
GIVEN_SPELLING = 0.80  # normalised Levenshtein similarity: Katherine/Catherine 0.89
SHORT_GIVEN = 4  # letters of a given name in which one changed is still a spelling: "Anja", "Anna"
GARBLED_SIMILARITY = 0.70  # Jaro-Winkler for an unintroduced surname against the same source's people
TITLE_NAME_EDITS = 1  # "of Kowalsk" against "Kowalska": one letter lost, added or changed


@dataclass
class Person:
    """A cluster of mentions of one person, with the titles the sources give."""

    mentions: list[Claim] = field(default_factory=list)
    titles: list[tuple[Title, Claim, str, int]] = field(default_factory=list)  # title, claim, text, start
    garbled: list[tuple[Claim, str]] = field(default_factory=list)  # mention, why
    # Names joined because they stand in aligned sentences ("Mara Quint" / "Sara Quint"), and why.
    aligned: dict[str, str] = field(default_factory=dict)
    # Names joined because one source's name is the only other person of that surname in the story
    # (see _join_namesakes), and why.
    namesake: dict[str, str] = field(default_factory=dict)
    # One-source names of a common surname that would have joined this person as a first name changed, but for the
    # surname being common ("Francisco Rodriguez" beside "Alex Rodriguez"), each with its source.
    apart: dict[str, str] = field(default_factory=dict)

    @property
    def full_mentions(self) -> list[Claim]:
        return [m for m in self.mentions if len(name_words(m)) >= 2]

    def variants(self) -> dict[str, list[Claim]]:
        out: dict[str, list[Claim]] = defaultdict(list)
        for m in self.full_mentions:
            out[" ".join(name_words(m))].append(m)
        return dict(out)

    def sources(self, mentions: list[Claim]) -> list[str]:
        return sorted({m.source for m in mentions})

    def attesting(self, variant: str, variants: dict[str, list[Claim]] | None = None) -> list[str]:
        """The sources that write a full form: in full, or by its surname alone where no other form of the
        name has that surname ("Vaskova" beside "Ermina Vaskova" and "Ermina Vaskowa"). `variants`: the
        person's, when the caller has them."""
        variants = self.variants() if variants is None else variants
        surname = variant.split()[-1]
        own = all(other.split()[-1] != surname for other in variants if other != variant)
        alone = [m for m in self.mentions if own and name_words(m) == [surname]]
        return self.sources([*variants.get(variant, []), *alone])

    @property
    def name(self) -> str:
        """The best-attested full form: most sources, then most mentions, then alphabetical."""
        variants = self.variants()
        if not variants:
            return " ".join(name_words(self.mentions[0]))
        return min(variants, key=lambda v: (-len(self.attesting(v, variants)), -len(variants[v]), v))

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


def name_words(claim: Claim) -> list[str]:
    v = claim.value
    assert isinstance(v, PersonName)
    return [*v.given, v.surname] if v.surname else list(v.given)


def given_relation(a: tuple[str, ...], b: tuple[str, ...], vocab: Vocabulary) -> str:
    """'same', 'spelling', 'different' or 'unknown' (one side has no given name)."""
    if not a or not b:
        return "unknown"
    x, y = a[0].replace(".", ""), b[0].replace(".", "")  # "A.J." is "AJ"
    if same_given(x, y, vocab):
        return "same"
    # A first name given as a middle one: "W. Mark Felt" and "Mark Felt", "Arcade Joseph Quint" and "Joseph Quint".
    if any(same_given(x, n.replace(".", ""), vocab) for n in b[1:] if len(n.rstrip(".")) > 1) \
            or any(same_given(y, n.replace(".", ""), vocab) for n in a[1:] if len(n.rstrip(".")) > 1):
        return "same"
    short, long = sorted((x.lower(), y.lower()), key=len)
    if len(short) == 1 and long.startswith(short):
        return "same"  # an initial
    if len(short) >= 2 and long.startswith(short):
        return "same"  # a short form: "Ty" for "Tywon", "Sam" for "Samuel"
    if pet_form(short, long):
        return "same"  # "Matti" for "Matthias", "Mira" for "Mirela"
    if len(long) >= len(short) + PET_DROPS and len(short_k := sounded(short)) >= 2 and sounded(long).startswith(short_k):
        return "same"  # "Nick" for "Nikolas": a short form spelt with the other letter for one sound
    if short[0] != long[0] and frozenset((short[0], long[0])) not in SOUND_ALIKE_INITIALS \
            and not vocab.romanised(x, loose=True) & vocab.romanised(y, loose=True):
        # "Karen" and "Maren": another first letter, unless one sounding alike ("Katherine") or one name romanised
        # two ways ("Giannis", "Yiannis"; "Vladimir", "Wladimir")
        return "different"
    if Levenshtein.normalized_similarity(x.lower(), y.lower()) >= GIVEN_SPELLING \
            or (len(long) == len(short) + 1 and Levenshtein.distance(short, long) == 1) \
            or one_letter_changed(short, long) or pet_stem(short) == pet_stem(long):
        # "Katherine" and "Catherine"; a letter added: "Jon" and "John"; "Anja" and "Anna"; "Maisie" and "Maisy"
        return "spelling"
    return "different"


# First letters that spell one sound in given names: "Katherine" and "Catherine", "Ivette" and "Yvette", "Jeff" and
# "Geoff". Another first letter makes another name ("Karen", "Maren").
SOUND_ALIKE_INITIALS = frozenset(map(frozenset, ("ck", "iy", "gj")))
PET_ENDINGS = ("ie", "ey", "y", "i")  # the endings a pet name is spelt with: "Maisie", "Maisey", "Maisy", "Maisi"


def pet_stem(name: str) -> str:
    """The name without its pet-name ending, if what is left is long enough to be a stem: "maisie" as "mais"."""
    for ending in PET_ENDINGS:
        if name.endswith(ending) and len(name) - len(ending) >= 3:
            return name[:-len(ending)]
    return name


def sounded(name: str) -> str:
    """A given name (lower case) with the letters written for a "k" sound read as "k": "Nick" as "nik", "Nicolas"
    as "nikolas"."""
    return re.sub(r"c(?=[aoulrk]|$)", "k", name.replace("ck", "k"))


PET_STEM = 3  # letters of the full name a pet form keeps, at the least: "Mir" of "Mirela" in "Mira"
PET_DROPS = 2  # letters a pet form drops, at the least: one letter lost is a misspelling ("Malcom", "Malcolm")


def pet_form(short: str, long: str) -> bool:
    """A pet form of a given name (lower case): its first letters and a pet ending ("Matti" of "Matthias", "Dani"
    of "Daniel"), or its first letters and its own last letter ("Mira" of "Mirela", "Dora" of "Dorothea"). Another
    ending makes another name: "Lena" and "Lenore", "Carla" and "Carlos"; a pet ending after the same letters is
    one pet name spelt two ways ("Maisy", "Maisie"), and one letter lost a misspelling ("Malcom"): spellings."""
    for ending in (*PET_ENDINGS, long[-1]):
        stem = short[:-len(ending)]
        if short.endswith(ending) and len(stem) >= PET_STEM and len(long) >= len(short) + PET_DROPS \
                and long.startswith(stem) and long[len(stem):] not in PET_ENDINGS:
            return True
    return False


def one_letter_changed(a: str, b: str) -> bool:
    """"Anja" and "Anna": one letter changed after the first in a short given name, which a normalised
    similarity scores lower than the same slip in a long one."""
    return len(a) == len(b) >= SHORT_GIVEN and a[0] == b[0] and Levenshtein.distance(a, b) == 1


def unaccented(word: str) -> str:
    """The word in lower case without its accents: "Lucía" is written "Lucia" where a font or a desk drops
    them, one name either way."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(ch))


def same_given(x: str, y: str, vocab: Vocabulary) -> bool:
    return unaccented(x) == unaccented(y) or vocab.given_name(x) == vocab.given_name(y)


def _titles(claim: Claim, vocab: Vocabulary) -> list[tuple[Title, str, int]]:
    out = []
    for text, start, _end in claim.titles:
        t = parse_title(text, vocab)
        if t is not None and "former" not in t.rank:
            out.append((t, text, start))
    return out


def _share_title(a: list[Claim], b: list[Claim], vocab: Vocabulary) -> bool:
    ta = [t for m in a for t, _, _ in _titles(m, vocab)]
    tb = [t for m in b for t, _, _ in _titles(m, vocab)]
    return any(x.equivalent(y) for x in ta for y in tb)


def one_edit(a: str, b: str) -> bool:
    """"Roid" for "Reid", "Lynhc" for "Lynch": one letter changed, added or lost, or two swapped, in a
    surname long enough that one edit does not make another common name of it; a doubled letter is read as one
    beside it ("Tarov" for "Tarrow")."""
    if min(len(a), len(b)) < SURNAME_EDIT_LENGTH:
        return False
    a, b = a.lower(), b.lower()
    return OSA.distance(a, b) == 1 or (a != b and OSA.distance(_single(a), _single(b)) == 1)


def two_edits(a: str, b: str) -> bool:
    """"Ashton" for "Ashdown", "Marsch" for "Marsk": two letters changed, added or lost in a surname of five
    letters or more, the two still near; said only beside the same given name. Not of hyphened names, whose parts are
    syllables of their own ("Jong-il", "Jong-un")."""
    a, b = a.lower(), b.lower()
    return min(len(a), len(b)) >= TWO_EDITS_LENGTH and OSA.distance(a, b) == 2 and "-" not in a + b \
        and JaroWinkler.similarity(a, b) >= TWO_EDITS_SIMILARITY


def _single(word: str) -> str:
    """The word with each doubled letter written once ("tarrow" -> "tarow")."""
    return re.sub(r"(.)\1", r"\1", word)


def _relative_word(m: Claim, vocab: Vocabulary) -> str | None:
    """The word of kinship beside the mention ("his wife, Mara Quint", "Tom Quint, his brother"), or
    None: a relative shares the surname and is another person."""
    at = m.sentence.find(m.span)
    if at < 0:
        return None
    before = re.findall(r"[a-z]+(?:-[a-z]+)*", m.sentence[max(0, at - 40):at].lower())[-3:]
    after = re.findall(r"[a-z]+(?:-[a-z]+)*", m.sentence[at + len(m.span):at + len(m.span) + 30].lower())[:3]
    for word in [*reversed(before), *after]:
        if word in vocab.relatives:
            return word
    return None


def headline(sentence: str) -> bool:
    """A line in title case with no full stop ("Star Flips Rule On Species"): the NER reads names into it that
    are not names. A sentence listing names ends with its full stop."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", sentence) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words) \
        and not sentence.rstrip().endswith((".", "!", "?", '"', "”"))


def _join_namesakes(people: list[Person], mentions: list[Claim], vocab: Vocabulary,
                    organisations: frozenset[str] | set[str] = frozenset()) -> list[Person]:
    """One source's full name joins the only other person of that surname in the story.

    "Henry Quint" in one source, where three or more others name "Hugh Quint" in full and nobody else of
    that surname, and where that source names no Hugh Quint itself: a first name changed in one place,
    not a second Quint. Two sources are enough where the words around the names agree ("assistant chief
    fire officer", the same age). A surname many people hold (data/surnames.toml: "Rodriguez", "Kim") names none
    of them alone: there the words around the names or a title must agree too, however many sources name the
    other in full. Other Quints that one source each names in full (a brother beside Hugh,
    a headline's fragment) leave Hugh the one most sources name. It stays apart when it is introduced as
    a relative ("his brother Henry Quint") or, where the words around the names do not agree, as someone new
    ("Lotte Quint, a 19-year-old snowboarder,"), in a list of people no other source names, when the two
    carry different titles, or when its source calls the other by surname and a title of theirs
    ("President Quint") beside it, or when its first word is an organisation the story names
    (`organisations`, lower case): "Lockheed Martin", which the NER once took for a person, is no Steve
    Martin with another first name.
    """
    def surnames(p: Person) -> set[str]:
        return {name_words(m)[-1].lower() for m in p.full_mentions}

    by_surname: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(people):
        for word in sorted(surnames(p)):
            by_surname[word].append(i)
    joined: dict[int, tuple[int, str]] = {}  # index of the one-source name -> the person it joins, and why
    for i, p in enumerate(people):
        full = p.full_mentions
        if len(p.sources(full)) != 1 or len(surnames(p)) != 1 or all(headline(m.sentence) for m in full) \
                or not all(2 <= len(name_words(m)) <= 3 for m in full):
            continue
        (source,) = p.sources(full)
        (word,) = surnames(p)
        # Those its own source names in full beside it are others ("his daughter Kaisa Quint" beside "Henry Quint"
        # where the rest name "Hugh Quint"): the person it may be is among the rest.
        beside = [k for k in by_surname[word] if k != i and source in people[k].sources(people[k].full_mentions)]
        j = _namesake_of(i, [k for k in by_surname[word] if k != i and k not in beside], people)
        if j is None:
            continue  # nobody else of that surname, or several with no one most sources name
        q = people[j]
        n_sources = len(q.sources(q.full_mentions))
        if len(surnames(q)) != 1 or len(q.name.split()) > 3:
            continue
        alike = _described_alike(full, q.full_mentions)
        if n_sources < NAMESAKE_SOURCES and not (n_sources >= 2 and alike):
            continue  # two sources against one: only where the words around the names agree
        if any(_relative_word(m, vocab) for m in full) or all(_aside(m, mentions) for m in full):
            continue
        if not alike and any(_introduced(m) for m in full):
            continue  # "Lotte Quint, a 19-year-old snowboarder,": someone new to the reader, not the official
        if any(name_words(m)[0].lower() in organisations or " ".join(name_words(m)).lower() in organisations
               for m in full):
            continue  # a company named after its founders ("Lockheed Martin"), not a first name
        mine = [t for m in full for t, _, _ in _titles(m, vocab)]
        theirs = [t for m in q.full_mentions for t, _, _ in _titles(m, vocab)]
        if mine and theirs and not any(x.equivalent(y) for x in mine for y in theirs):
            continue  # two titles: two people of one surname
        if not mine and not alike and _titled_everywhere(q, vocab) and not any(_office_near(m, vocab) for m in full) \
                and _addressed(word, source, mentions, vocab):
            continue  # "Ingrid Stenmo had packed her knitting ... Mrs Stenmo said" beside "Interior Minister Halvard
            # Stenmo" in every other source: a source that names the minister gives an office, not only a "Mrs"
        surname_titles = [t for m in mentions if m.source == source and len(name_words(m)) == 1
                          and name_words(m)[0].lower() == word for t, _, _ in _titles(m, vocab)]
        if any(x.equivalent(y) for x in surname_titles for y in theirs) and not mine:
            continue  # the source gives the other their title by surname alone: it tells the two apart
        common = word in vocab.common_surnames
        if common and not alike and not _share_title(full, q.full_mentions, vocab):
            # "Francisco Rodriguez" beside "Alex Rodriguez": many people hold a common surname, and the surname
            # alone names none of them (data/surnames.toml); kept apart, and known as kept so (Person.apart)
            q.apart[p.name] = source
            continue
        only = "the only other person" if len(by_surname[word]) - len(beside) == 2 else \
            "the person most sources name of those"
        why = (f"{only} named {p.name.split()[-1]} in the story, whom {n_sources} other sources name in full and {source} "
               f"does not")
        if beside:
            named = " and ".join(people[k].name for k in beside)
            why += f" ({source} names {named} beside it: {'another person' if len(beside) == 1 else 'others'})"
        if n_sources < NAMESAKE_SOURCES or common:
            why += (f"; the words around the names agree ({', '.join(alike)})" if alike else
                    "; they share a title")
            if common:
                why += f", as {p.name.split()[-1]} is a common surname"
        joined[i] = (j, why)
    if not joined:
        return people
    out = []
    for j, q in enumerate(people):
        if j in joined:
            continue
        for i in sorted(k for k, (target, _) in joined.items() if target == j):
            p = people[i]
            q.mentions.extend(p.mentions)
            for name in sorted(p.variants()):
                q.namesake[name] = joined[i][1]
        out.append(q)
    return out


def _office_near(m: Claim, vocab: Vocabulary) -> bool:
    """A word of an office in the mention's sentence ("the general secretary of the Ostrevian Federation of Nurses
    and Midwives, Karen Tolliver"), read as a title or not."""
    return any(w in vocab.office_index for w in re.findall(r"[a-z]+", m.sentence.lower()))


SOCIAL_HONORIFICS = ("mr", "mrs", "ms", "miss", "mx")  # words of address that say no office


def _addressed(surname: str, source: str, mentions: list[Claim], vocab: Vocabulary) -> bool:
    """The source calls its person of that surname by a word of address alone ("Mrs Stenmo said")."""
    words = "|".join(h for h in SOCIAL_HONORIFICS if h in vocab.honorifics)
    pattern = re.compile(rf"\b(?:{words})\.?\s+{re.escape(surname)}\b", re.IGNORECASE)
    return any(m.source == source and pattern.search(m.sentence) for m in mentions)


def _titled_everywhere(q: Person, vocab: Vocabulary) -> bool:
    """Every source that names the person in full gives them an office with its portfolio ("Interior Minister"),
    and two sources or more do; not an occupation alone ("the architect"), which a writer may leave out."""
    sources = q.sources(q.full_mentions)
    titled = {m.source for m in q.full_mentions if any(t.portfolio for t, _, _ in _titles(m, vocab))}
    return len(sources) >= 2 and titled == set(sources)


def _namesake_of(i: int, others: list[int], people: list[Person]) -> int | None:
    """The other person of the surname a one-source name may be: the only one, or the one most sources name
    in full where each of the rest is named in full by one source ("Paul Quint", a brother, beside "Hugh
    Quint" in ten sources; a fragment of a headline)."""
    if not others:
        return None
    counts = {j: len(people[j].sources(people[j].full_mentions)) for j in others}
    best = max(others, key=lambda j: (counts[j], -j))
    if len(others) == 1 or (counts[best] >= NAMESAKE_SOURCES and all(counts[j] <= 1 for j in others if j != best)):
        return best
    return None


CONTEXT_WORDS = 4  # words either side of a name that describe its holder ("assistant chief fire officer")
# Words that describe no one: articles, pronouns, auxiliaries, prepositions, conjunctions.
FUNCTION_WORDS = frozenset("""a an the and or but nor of to in on at by for from with as into onto about after before
over under than that this these those who whom whose which what he she it they them his her its their him we us our
you your i me my is are was were be been being has have had do does did will would shall should can could may might
must not no so also then there here when where while if said says say told tells""".split())


def _context(m: Claim) -> set[str]:
    """The content words near a mention, the name's own words left out."""
    at = m.sentence.find(m.span)
    if at < 0:
        return set()
    before = re.findall(r"[a-z0-9][a-z0-9-]*", m.sentence[:at].lower())[-CONTEXT_WORDS:]
    after = re.findall(r"[a-z0-9][a-z0-9-]*", m.sentence[at + len(m.span):].lower())[:CONTEXT_WORDS]
    names = {w.lower() for w in name_words(m)}
    return {w for w in [*before, *after] if w not in FUNCTION_WORDS and w not in names and (len(w) > 2 or w.isdigit())}


def _described_alike(one: list[Claim], others: list[Claim]) -> list[str]:
    """The words around two names that agree, where they do: two content words ("Palmer Fire Chief", "field
    goal"), or a number (the same age: "Quint, 24,"); else none."""
    mine = set().union(*(_context(m) for m in one))
    theirs = set().union(*(_context(m) for m in others))
    shared = sorted(mine & theirs)
    return shared if len(shared) >= 2 or any(w.isdigit() for w in shared) else []


def _introduced(m: Claim) -> bool:
    """The name followed by a description with an indefinite article ("Lotte Quint, a 19-year-old snowboarder
    from Haldby,"): the writer presents a person the reader does not know yet, where a first name changed in one
    place would stand where the others name theirs, with the words that describe them there."""
    at = m.sentence.find(m.span)
    return at >= 0 and re.match(r",\s+(?:a|an)\s", m.sentence[at + len(m.span):]) is not None


def _aside(m: Claim, mentions: list[Claim]) -> bool:
    """A name in a list of people whom no other source names ("Bruce Quint, Rod Vell and Tim Marr are among the
    finalists"): a digression on other people, not the story's person."""
    here = [x for x in mentions if x.source == m.source and x is not m and len(name_words(x)) >= 2
            and x.sentence == m.sentence and name_words(x)[-1] != name_words(m)[-1]]
    if len(here) < 2:
        return False
    elsewhere = {" ".join(name_words(x)[-1:]).lower() for x in mentions if x.source != m.source}
    return not any(name_words(x)[-1].lower() in elsewhere for x in here)


def _aligned_names(by_name: dict[str, list[Claim]], alignment: Alignment | None) -> dict[frozenset[str], str]:
    """Full names of one surname that two aligned sentences give, each naming one person of that
    surname and not the other's name, each the subject of the same verb: "Mara Quint resigned as
    chair" / "Sara Quint resigned as chair" speak of one person. The reason, per pair of names."""
    if alignment is None:
        return {}
    at: dict[str, list[tuple[str, str, Claim]]] = defaultdict(list)  # sentence id -> (name, surname, mention)
    for name, ms in by_name.items():
        for m in ms:
            s = alignment.sentence_at(m.source, m.start)
            if s is not None:
                at[s.id].append((name, name.split()[-1], m))
    out: dict[frozenset[str], str] = {}
    for pair in alignment.pairs:
        xs, ys = at.get(pair.first.id, []), at.get(pair.second.id, [])
        for name_a, sur_a, ma in xs:
            for name_b, sur_b, mb in ys:
                if name_a == name_b or sur_a != sur_b:
                    continue
                if sum(s == sur_a for _, s, _ in xs) > 1 or sum(s == sur_b for _, s, _ in ys) > 1:
                    continue  # two people of one surname in a sentence: which is which is not known
                if ma.verb is None or ma.verb != mb.verb:
                    continue  # not doing the same thing: a husband and a wife in one story's sentences
                out.setdefault(frozenset((name_a, name_b)),
                               f"{pair.describe()} ({pair.first.source}, {pair.second.source})")
    return out


def cluster_people(claims: list[Claim], vocab: Vocabulary | None = None,
                   candidates: list[Claim] = (), alignment: Alignment | None = None) -> tuple[list[Person], list[Claim]]:
    """People of the corpus, and the single-word mentions that no name explains.

    A single word that is the name of two people ("Brandt" beside Olaf and Greta Brandt) is
    explained, though it joins neither: it is neither one person's nor a garbling.

    `candidates` are words the NER did not call people; one joins the person it is the surname of.
    """
    vocab = vocab or default_vocabulary()
    mentions = [c for c in claims if c.kind is ClaimKind.PERSON]
    by_name: dict[str, list[Claim]] = defaultdict(list)
    for m in mentions:
        if len(name_words(m)) >= 2:
            by_name[" ".join(name_words(m))].append(m)
    # Pass 1: merge full-name variants (over the sorted names, so the result is stable).
    def parts(name: str) -> tuple[tuple[str, ...], str]:
        """Given names and surname, the surname's particle run into it: "Del Giudice" is "DelGiudice"."""
        value = by_name[name][0].value
        assert isinstance(value, PersonName)
        return tuple(value.given), value.surname.replace(" ", "")

    def same_person(a: str, b: str) -> bool:
        (ga, sa), (gb, sb) = parts(a), parts(b)
        rel = given_relation(ga, gb, vocab)
        if rel == "unknown":
            return False
        if unaccented(sa[0]) != unaccented(sb[0]) and not (rel == "same" and one_edit(sa, sb)):
            return False  # another initial is another surname, but for one letter of a name given alike ("Joris Veldane")
        if rel == "different" and sources_of[a] & sources_of[b]:
            return False  # one source names both in full: two people ("Minister Lidia Strommer", "Aurel Strommer")
        if JaroWinkler.similarity(sa.lower(), sb.lower()) < SURNAME_SIMILARITY:
            # Two letters apart only beside a given name no family name is: "Kim Jong-il" and "Kim Jong-un" are
            # father and son, their family name written first
            return rel == "same" and (one_edit(sa, sb) or two_edits(sa, sb)
                                      and not {g.lower() for g in ga} & vocab.common_surnames)
        # A near surname needs one more thing to agree: the given name, or a title. A spelt-alike
        # given name is not enough beside a near surname (two changes make another person).
        if _share_title(by_name[a], by_name[b], vocab) or rel == "same":
            return True
        if frozenset((a, b)) in aligned:
            return True  # one surname, two first names, in sentences that report one fact
        if rel == "spelling" and one_letter_changed(ga[0].lower(), gb[0].lower()) \
                and any(_relative_word(m, vocab) for m in [*by_name[a], *by_name[b]]):
            return False  # "John Quint and his wife Joan Quint": a short name one letter off is a relative's
        return rel == "spelling" and sa.lower() == sb.lower()

    aligned = _aligned_names(by_name, alignment)
    sources_of = {name: {m.source for m in ms} for name, ms in by_name.items()}
    people = [Person(mentions=[m for n in group for m in by_name[n]],
                     aligned={n: why for pair, why in sorted(aligned.items(), key=lambda kv: sorted(kv[0]))
                              if pair <= set(group) for n in sorted(pair)})
              for group in connected(sorted(by_name), same_person)]
    organisations = {w.lower() for c in claims if c.kind is ClaimKind.ORGANISATION and isinstance(c.value, Entity)
                     for w in (c.value.name, c.span)}
    people = _join_namesakes(people, mentions, vocab, organisations)
    # Pass 2: single words join the one person whose name holds them.
    owners_of: dict[str, list[Person]] = defaultdict(list)
    for p in people:
        for word in sorted({w.lower() for fm in p.full_mentions for w in name_words(fm)}):
            owners_of[word].append(p)
    left: list[Claim] = []
    for m in mentions:
        words = name_words(m)
        if len(words) != 1:
            continue
        owners = owners_of.get(words[0].lower(), [])
        if len(owners) == 1:
            owners[0].mentions.append(m)
        elif not owners:
            left.append(m)
    # Corpus-level consolidation: a word the NER did not call a person (a surname tagged GPE) is
    # that person when it is the surname of exactly one person named in full.
    surnames: dict[str, list[Person]] = defaultdict(list)
    for p in people:
        for word in {name_words(fm)[-1] for fm in p.full_mentions}:
            surnames[word].append(p)
    # The people two sources name in full, by the first names and surnames they are given: a pair of words the
    # NER missed is looked up by its first word, not compared with every person of the corpus.
    named_by_first: dict[str, list[tuple[Person, str]]] = defaultdict(list)
    for p in people:
        if len(p.sources(p.full_mentions)) >= 2:
            for first, surname in sorted({(name_words(m)[0], name_words(m)[-1]) for m in p.full_mentions}):
                named_by_first[first].append((p, surname))
    for c in candidates:
        words = name_words(c) if isinstance(c.value, PersonName) else [c.span]
        if len(words) == 1 and len(surnames.get(c.span, [])) == 1:
            surnames[c.span][0].mentions.append(c)
        elif len(words) == 2:
            # "Halima Otuvare", a name the NER missed: the one person two sources name in full with that first
            # name, and a surname one letter off (a spelling to compare) or the same. One source's name may be
            # the NER's own misreading ("Fire Marshall").
            known = {id(p): p for p, surname in named_by_first.get(words[0], ())
                     if surname == words[1] or one_edit(surname, words[1])}
            if len(known) == 1:
                next(iter(known.values())).mentions.append(c)
    # Single words that no full name explains and that recur across sources are people in their own right.
    alone: dict[str, list[Claim]] = defaultdict(list)
    for m in left:
        alone[name_words(m)[0]].append(m)
    unexplained = []
    for word in sorted(alone):
        ms = alone[word]
        if len({m.source for m in ms}) >= 2:
            people.append(Person(mentions=list(ms)))
        else:
            unexplained.extend(ms)
    for p in people:
        p.mentions.sort(key=lambda c: (c.source, c.start))
        for m in p.mentions:
            for t, text, start in _titles(m, vocab):
                p.titles.append((t, m, text, start))
    return people, unexplained


def group_people(claims: list[Claim], vocab: Vocabulary | None = None, candidates: list[Claim] = (),
                 alignment: Alignment | None = None) -> list[Person]:
    """The people of the corpus, all three passes: clustered, and garbled mentions attached."""
    vocab = vocab or default_vocabulary()
    people, unexplained = cluster_people(claims, vocab, candidates, alignment)
    places = {(c.source, c.span.lower()) for c in claims if c.kind is ClaimKind.PLACE}
    _attach_garbled(people, unexplained, [c for c in claims if c.kind is ClaimKind.TITLE], vocab, places)
    return people


def _attach_garbled(people: list[Person], unexplained: list[Claim], titles: list[Claim], vocab: Vocabulary,
                    places: set[tuple[str, str]] | frozenset = frozenset()) -> None:
    """Garbled names: pass 3 of the clustering. `places`: (source, lower-case name) of the places each source
    names, which are no one's garbled name there ("Orlava still waits", "in Orlava")."""
    # Each person's sources and name words, read once: this pass leaves the mentions as they are.
    sources = [{x.source for x in p.mentions} for p in people]
    full = [bool(p.full_mentions) for p in people]
    for m in unexplained:
        if not m.verb or (m.source, m.span.lower()) in places:
            # String similarity alone would pair a town the NER took for a person with anyone; a
            # garbled name still acts in its sentence ("Kowalsk told reporters"), and is no place its source
            # names elsewhere.
            continue
        word = name_words(m)[0]
        candidates = []
        for k, p in enumerate(people):
            if m.source not in sources[k] or len(sources[k]) < 2 or not full[k]:
                continue  # a single word no source names in full ("Riot") is no person to garble
            score = JaroWinkler.similarity(word.lower(), p.surname.lower())
            if score >= GARBLED_SIMILARITY and word[0].lower() == p.surname[0].lower():
                candidates.append((score, p))
        if candidates:
            score, p = max(candidates, key=lambda sp: (sp[0], sp[1].name))
            p.garbled.append((m, f"'{word}' is never introduced by full name in any source but acts as a person "
                                 f"(the subject of '{m.verb}'); the closest person named in the same source is {p.name} "
                                 f"(Jaro-Winkler {score:.2f} to '{p.surname}')"))
    parts_of = [{w for fm in p.full_mentions for w in name_words(fm)} for p in people]
    for tc in titles:
        text = tc.titles[0][0]
        # A capitalised word followed by another begins a longer name, which is read by its last word: a
        # garbled name is one word ("of Kowalsk"), and "North" of "CEO of North America" or "Dirk" of
        # "Secretary of the Interior Dirk Kempthorne" garbles no Norah and no Dick.
        words = text.split()
        caps = [w.strip(".,") for i, w in enumerate(words) if i and w[:1].isupper()
                and not (i + 1 < len(words) and words[i + 1][:1].isupper())]
        for word in caps:
            if vocab.place(word):
                continue
            for k, p in enumerate(people):
                parts = parts_of[k]
                best = min(parts, key=lambda x: (Levenshtein.distance(word.lower(), x.lower()), x), default="")
                edits = Levenshtein.distance(word.lower(), best.lower()) if best else 99
                if len(word) >= 4 and word != best and edits <= TITLE_NAME_EDITS and len(sources[k]) >= 2:
                    p.garbled.append((tc, f"the title '{text}' names '{word}', which no source gives as a name; "
                                          f"it is {edits} edit away from '{best}' of {p.name}"))
                    # The title proper is what comes before "of <name>".
                    title_text = text[: text.index(word)].rstrip().removesuffix(" of").removesuffix(" for")
                    t = parse_title(title_text, vocab)
                    if t is not None:
                        p.titles.append((t, tc, title_text, tc.start))
