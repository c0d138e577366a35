"""Titles as (rank, office, portfolio), so that synonyms compare equal.

"Deputy Minister of Health" and "Vice Health Minister" are both rank {vice}, office
minister, portfolio {health}; "Deputy Prime Minister" and "Vice-Premier" are both
rank {vice}, office premier. Where a title says where the office is ("US", "of China"),
that is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import permutations, product

from checker.values.vocabulary import Vocabulary, default_vocabulary


@dataclass(frozen=True)
class Title:
    text: str
    rank: frozenset[str]
    office: str
    portfolio: frozenset[str]
    place_of: str = ""  # the place an "of" phrase names ("Minister of Canada"), where a portfolio could stand
    # Every word the portfolio was written with, those that name no portfolio too ("Central Intelligence
    # Agency", "Federal Bureau of Investigation"): what an acronym of it ("CIA", "FBI") is made of.
    spelled: frozenset[str] = field(default=frozenset(), compare=False)
    # The portfolio's words that name the organisation as its owner ("Salvenia Air's director"), and whether the
    # title names its organisation by a noun referring back to one named elsewhere ("the airline's IT director").
    owner: frozenset[str] = field(default=frozenset(), compare=False)
    referred: bool = field(default=False, compare=False)

    @property
    def normalised(self) -> str:
        parts = [*sorted(self.rank), *sorted(self.portfolio), self.office]
        return " ".join(parts)

    @property
    def stems(self) -> frozenset[str]:
        """The portfolio's words in the singular, as they are compared."""
        return frozenset(singular(w) for w in self.portfolio)

    def against(self, other: Title) -> tuple[frozenset[str], frozenset[str]]:
        """The portfolios' words to set against each other: less an organisation one names as the owner where the
        other refers to its organisation ("Salvenia Air's director", "the airline's IT director": the airline is
        Salvenia Air, and the IT is all the other says more)."""
        mine, theirs = self.stems, other.stems
        if other.referred:
            mine -= {singular(w) for w in self.owner}
        if self.referred:
            theirs -= {singular(w) for w in other.owner}
        return mine, theirs

    def equivalent(self, other: Title) -> bool:
        """Same office and rank; portfolios equal or one more specific than the other."""
        if self.office != other.office or self.rank - {"former"} != other.rank - {"former"}:
            return False
        mine, theirs = self.against(other)
        return mine <= theirs or theirs <= mine

    def backs(self, other: Title) -> bool:
        """Whether this title says what the other says: equivalent, and with a portfolio where the other has one.
        A shortened title ("the minister", "the authority's chief executive") is the other's too, but says too
        little to take a side between "Finance Minister" and "Transport Minister"."""
        return self.equivalent(other) and (bool(self.portfolio) or not other.portfolio)

    def place_for_portfolio(self, other: Title) -> bool:
        """"Minister of Canada" against "Finance Minister": the same office with its portfolio gone and
        a place named where it stood, as a word-for-word translation renders "Canadian Finance
        Minister". A title merely shortened ("the Minister") is not this."""
        return bool(self.place_of and not self.portfolio and other.portfolio and self.office == other.office
                    and self.rank - {"former"} == other.rank - {"former"})

    def exclusive_of(self, other: Title, exclusive: frozenset[frozenset[str]]) -> bool:
        """Two offices no one holds together ("judge", "prosecutor"; vocabulary.exclusive_offices), unless one
        was held before: a "former Foreign Minister" may be the Prime Minister now."""
        return self.office != other.office and "former" not in self.rank | other.rank \
            and any({self.office, other.office} <= group for group in exclusive)

    def conflicts(self, other: Title, exclusive: frozenset[frozenset[str]] = frozenset(),
                  subordinate: frozenset[str] = frozenset()) -> str | None:
        """Why this title looks like a corruption of the other, or None. `exclusive`: groups of offices
        no one holds together (vocabulary.exclusive_offices); `subordinate`: ranks below the office they
        rank (vocabulary.subordinate_ranks)."""
        if self.place_for_portfolio(other):
            return (f"same office ({self.office}) with its portfolio ({', '.join(sorted(other.portfolio))}) "
                    f"gone and a place named where it stood ('of {self.place_of}')")
        if self.equivalent(other):
            return None
        if self.office == other.office and self.rank == other.rank and self.portfolio and other.portfolio \
                and not (self.stems & other.stems) and all(self.against(other)) \
                and not written_otherwise(self.spelled or self.stems, other.spelled or other.stems):
            return f"same office ({self.office}) but a different portfolio: {', '.join(sorted(self.portfolio))} " \
                   f"against {', '.join(sorted(other.portfolio))}"
        if self.exclusive_of(other, exclusive):
            return f"offices no one holds together: {self.office} against {other.office}"
        below = (self.rank ^ other.rank) & subordinate
        if self.office == other.office and below:
            mine, theirs = (", ".join(sorted(r & subordinate)) or "the office itself" for r in (self.rank, other.rank))
            return f"same office ({self.office}) at another rank: {mine} against {theirs}"
        if self.rank and self.rank == other.rank and self.office != other.office:
            return f"same rank ({', '.join(sorted(self.rank))}) but a different office: {self.office} against {other.office}"
        return None


FUNCTION_WORDS = {"of", "the", "for", "and", "on"}


def singular(word: str) -> str:
    """"prisons" as "prison", "athletics" as "athletic": one portfolio, whichever number a writer puts it in."""
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


PLACE_LETTERS = 2  # letters a place may put before an office's initials: "CHP", "NYPD"


def written_otherwise(a: frozenset[str], b: frozenset[str]) -> bool:
    """One portfolio written two ways: an acronym of the other's words ("UCS", "Union of Concerned
    Scientists"; "DA", "Bristol district attorney"), or the same words run together ("SeaMicro", "Sea Micro")."""
    for one, many in ((a - FUNCTION_WORDS, b), (b - FUNCTION_WORDS, a)):
        words = sorted(many - FUNCTION_WORDS)
        if len(one) != 1 or not 2 <= len(words) <= 5:
            continue
        (word,) = one
        for order in permutations(words):
            if word == "".join(order) or word in _initials(order):
                return True
            if any(word.endswith(init) and 1 <= len(word) - len(init) <= PLACE_LETTERS for init in _initials(order)):
                return True  # "CHP", "Highway Patrol": the initials after those of its place (California)
        if any(word == "".join(w[0] for w in order) for order in permutations(words, 2)):
            return True  # the acronym of two of its words: the office it serves, beside its place
    return False


def _initials(words: tuple[str, ...]) -> set[str]:
    """The acronyms of the words in this order: each word's first letter, or a short word whole, itself an
    acronym inside the longer one ("UNRWA", "UN Relief and Works Agency")."""
    return {"".join(parts) for parts in product(*((w[0], w) if len(w) <= 3 else (w[0],) for w in words))}


def _office_in(joined: str, vocab: Vocabulary) -> tuple[str, re.Match] | None:
    """The office a title names, and where. Offices are tried longest first ("prime minister" before
    "minister"); of two office words before any "of" or "for", the last is the head and the first its
    portfolio: "Justice Minister" is a minister, "Minister of Justice" too. A title joined by "and"
    keeps the first office found ("chairman and chief executive" is read as chief executive)."""
    head = re.search(r"\b(?:of|for)\b", joined)
    head_end = head.start() if head else len(joined)
    found: list[tuple[str, re.Match]] = []
    for candidate in vocab.offices:
        # "Gov." is read as "gov", "Dist. Atty." as "dist atty": the words' full stops are gone.
        for m in re.finditer(rf"\b{re.escape(candidate.replace('-', ' ').replace('.', ''))}\b", joined):
            if not any(m.start() < n.end() and n.start() < m.end() for _, n in found):
                found.append((candidate, m))
    if not found:
        return None
    before = [(c, m) for c, m in found if m.end() <= head_end]
    if not before or re.search(r"\band\b", joined):
        return found[0]
    return max(before, key=lambda cm: cm[1].end())


def parse_title(text: str, vocab: Vocabulary | None = None) -> Title | None:
    vocab = vocab or default_vocabulary()
    # A story's titles are few and said again and again; each is read once a vocabulary.
    read = vocab.derived("parsed_titles", lambda v: {})
    if text not in read:
        read[text] = _parse_title(text, vocab)
    return read[text]


def _parse_title(text: str, vocab: Vocabulary) -> Title | None:
    t = text.replace("’", "'")
    # Initials with their stops are one word: "L. A. Superior Court Judge" is "LA Superior Court Judge".
    t = re.sub(r"\b(?:[A-Z]\. ?){2,}", lambda m: m.group(0).replace(".", "").replace(" ", "") + " ", t)
    # Places (with their possessives) say where the office is, not what it is.
    words = re.findall(r"[A-Za-z][A-Za-z.']*", t.replace("-", " "))
    keep: list[str] = []
    i = 0
    while i < len(words):
        for n in (4, 3, 2, 1):
            if i + n <= len(words) and vocab.place(" ".join(words[i : i + n])):
                i += n
                break
        else:
            keep.append(words[i].lower().strip("."))
            i += 1
    joined = " ".join(w for w in keep if w)
    found = _office_in(joined, vocab)
    if found is None:
        return None
    office, m = found
    joined = joined[: m.start()] + " " + joined[m.end():]
    office = vocab.office_synonyms.get(office, office)
    rank: set[str] = set()
    portfolio: set[str] = set()
    rest = joined.split()
    phrase = " ".join(rest)
    for multi, canon in vocab.portfolio_synonyms.items():
        if " " in multi and multi in phrase:
            phrase = phrase.replace(multi, canon)
    spelled: set[str] = set()
    for w in phrase.split():
        w = w.removesuffix("'s")  # "SeaMicro's CEO" is SeaMicro's
        if w in vocab.ranks:
            rank.add(vocab.ranks[w])
            continue
        spelled.add(w)
        if w in vocab.jurisdiction_words or w in vocab.referring_words or w in ("a", "an", "and", "to", "at", "in"):
            continue
        portfolio.add(vocab.portfolio_synonyms.get(w, w))
    if office == "minister" and "ministry" in t.lower():
        portfolio.discard("ministry")
    of = re.search(r"\bof\s+((?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)\s*$", text.strip())
    place_of = of.group(1) if of and vocab.place(of.group(1)) else ""
    owned = _OWNER.search(t)
    owner = frozenset(w.lower() for w in owned.group(1).split()) & portfolio if owned else frozenset()
    referred = _REFERRING.search(t)
    if referred:
        portfolio.discard(referred.group(1))  # "the airline's": the organisation named elsewhere, no portfolio
    return Title(text, frozenset(rank), office, frozenset(portfolio), place_of, frozenset(spelled), owner,
                 bool(referred))


_OWNER = re.compile(r"((?:[A-Z][\w&.-]*\s+)*[A-Z][\w&.-]*)'s\b")  # "Salvenia Air's director"
# "the airline's IT director", "airline's IT director" (a title read from after its article)
_REFERRING = re.compile(r"(?:^|\b(?:the|its|their)\s+)(?:[a-z]+\s+)*?([a-z]+)'s\b")
