"""TRANS002 translation-calque: a phrase one source writes where the others agree on other wording.

In sentences that report the same fact (the alignment stage's pairs), the sources mostly agree word
for word; a machine translation departs from them where it renders an idiom or a compound of its
source language literally: "the security belt" where the others write "seat belt", "a team of saving"
for "rescue team", "sky scratcher" for "skyscraper". Once is enough: unlike TRANS001, the phrase
need not recur, since the other sources' wording of the same sentence says what it stands for.

The slot is found by aligning the two sentences' words (difflib's opcodes): a stretch of one to four
words in one source, framed by words both sources share, where at least two other sources write the
same other words, more than half of those whose sentence is this one reworded in places, and none
writes the candidate. Rewording between outlets ("said"/"stated", "killed"/"died") is ordinary
English, so a slot is flagged only on evidence a reader can check:
- unlisted-pairing: a modifier-noun pair of the candidate is not listed among English word pairs
  (`checker.values.english`) while the others' pairs in the same place are ("security belt" /
  "seat belt", "news release meeting" / "press conference");
- of-chain: an "X of Y" chain where the others write a compound with the same head and another
  modifier ("team of saving" / "rescue team"), the one word made of X and Y ("end of week" /
  "weekend"), or where X is a common word English seldom follows by "of" ("the take of conscience" /
  "awareness", "card of credit" / "credit card");
- split-compound: the others' one English word written as two ("sky scratcher" / "skyscraper");
- to-chain: a purpose written with "to" where the others write the compound of the verb's "-ing" form
  ("machine to wash" / "washing machine").
An unlisted pair is no evidence by itself where English has near-synonyms just below the listing floor, so:
one word swapped beside a word both write ("sleep disturbances" / "sleep disorders") counts only when the others'
pair is listed MIN_SWAP_MARGIN times above the floor; the same word in the other number ("gift taxes" / "gift
tax"), a pair listed with its head in the other number ("retirement homes"), a word the others write with a
prefix ("improper nutrition" / "malnutrition") and a pair beside other changed words (a clause said otherwise)
are not calques; and a sentence counts as the same one reworded only when it shares MIN_SHARED_SHARE of its words.
A slot holding a name, a proper noun or a figure is the name and figure rules' business; a phrase
TRANS001 reports is not reported again; and wording another source uses elsewhere in the story is
its vocabulary, not one source's rendering.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from checker.findings.context import Context
from checker.findings.explanation import Explanation
from checker.findings.finding import Evidence, Finding
from checker.findings.registry import Rule
from checker.values import english

if TYPE_CHECKING:
    from checker.claims.sentences import Sentence

MAX_SLOT = 4  # words on either side of a differing slot: a phrase, not a rewritten clause
MAX_GAP = 1  # shared words between two differences read as one slot ("a [rescue] team [of saving]")
MIN_MAJORITY = 2  # other sources that write the same other words in the slot
MIN_SHARED_SHARE = 0.7  # share of the shorter sentence's words the two share: the same sentence, reworded in one place
MIN_OTHERS_PAIR = 1  # the others' pair must be listed in English word-pair counts (so, common: above the floor)
# One word swapped beside a word both write ("sleep disturbances" / "sleep disorders"): English has near-synonyms
# for most words of a phrase, and one just below the listing floor is unlisted though ordinary. The others' pair
# must be listed this many times above the floor, a margin an alternative in common use would not leave.
MIN_SWAP_MARGIN = 3.0
MAX_OF_SHARE = 0.35  # "X of" per use of X in English below this: X seldom opens an "of" phrase ("take of")
# ... and a head that opens an "of" phrase this seldom, when the others' compound keeps the chain's modifier:
# "agent of police" / "police officer", not "head of police" / "police chief" ("head of" is common English).
MAX_OF_SHARE_HEAD = 2.0
MIN_OF_WORD = 10_000_000  # ... for a word this common in English, whose "of" pair would be listed if English used it
MAX_PREFIX = 3  # letters before a word that make a derived word ("mal-", "dis-", "non-"), not a compound
STEM = 4  # letters two words share at the start to count as forms of one word ("rescue"/"rescuers")
DETERMINERS = {"a", "an", "the", "its", "their", "his", "her", "this", "that", "these", "those"}
# Closed-class words: they join a phrase's words but name nothing, so a pair with one says nothing of English usage.
FUNCTION_WORDS = DETERMINERS | {
    "about", "after", "against", "all", "also", "and", "any", "are", "as", "at", "be", "been", "before", "being",
    "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "him",
    "i", "if", "in", "into", "is", "it", "may", "me", "might", "must", "my", "no", "not", "of", "on", "or", "our",
    "over", "she", "should", "so", "some", "such", "than", "then", "there", "they", "to", "under", "up", "us",
    "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "whose", "will", "with",
    "would", "you", "your"}
TOKEN = re.compile(r"\w+(?:['’-]\w+)*|[^\w\s]")


@dataclass(frozen=True)
class CalqueExplanation(Explanation):
    phrase: str  # the flagged source's wording of the slot
    others_wording: str  # what the other sources write there
    others_sources: tuple[str, ...]  # the sources that write it
    aligned_sources: int  # other sources with an aligned sentence
    signals: tuple[str, ...]  # unlisted-pairing, of-chain, split-compound, to-chain
    phrase_pair: str = ""  # the candidate's rarest word pair ...
    phrase_pair_count_below: int = 0  # ... is not listed: rarer than this in English
    others_form: str = ""  # the others' wording as English lists it (a pair or one word) ...
    others_form_count: int = 0  # ... and its count there
    shape: str = ""  # the word-for-word shape, in words
    swap_margin: float = 0.0  # one word swapped beside a shared one: the others' pair count over the listing floor


@dataclass(frozen=True)
class _Token:
    text: str
    lower: str
    start: int  # offset in the source


def _tokens(s: Sentence) -> list[_Token]:
    return [_Token(m.group(), m.group().lower(), s.start + m.start()) for m in TOKEN.finditer(s.text)]


def _word(t: str) -> bool:
    return t[0].isalpha()


def _content(t: str) -> bool:
    return _word(t) and t not in FUNCTION_WORDS


def _named(toks: list[_Token], lo: int, hi: int, names: set[str]) -> bool:
    """A proper noun, name word or figure in toks[lo:hi]: capitalised past the sentence's first word, or a
    first word the parser read as a name. A lower-case word is no name, whatever the tagger says ("green lamp")."""
    for i in range(lo, hi):
        t = toks[i]
        if not _word(t.text) or any(c.isdigit() for c in t.text):
            return True
        if t.text[0].isupper() and (i > 0 or t.lower in names):
            return True
    return False


def _slots(a: list[str], b: list[str]) -> list[tuple[int, int, int, int]]:
    """The differing stretches of `a` against `b` as (a_lo, a_hi, b_lo, b_hi), nearby ones merged."""
    ops = [op for op in SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op[0] != "equal"]
    merged: list[list[int]] = []
    for _, i1, i2, j1, j2 in ops:
        if merged and i1 - merged[-1][1] <= MAX_GAP and j1 - merged[-1][3] <= MAX_GAP:
            merged[-1][1], merged[-1][3] = i2, j2
        else:
            merged.append([i1, i2, j1, j2])
    return [tuple(m) for m in merged]  # type: ignore[misc]


def _compare(a: list[str], b: list[str]) -> list[tuple[int, int, int, int]] | None:
    """The short differing slots of `a` against `b`, or None when `b` rewrites the sentence rather than
    rewording it in places (too few words in common)."""
    matched = sum(m.size for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    if matched < MIN_SHARED_SHARE * min(len(a), len(b)):
        return None
    return [(a_lo, a_hi, b_lo, b_hi) for a_lo, a_hi, b_lo, b_hi in _slots(a, b)
            if 0 < a_hi - a_lo <= MAX_SLOT and 0 < b_hi - b_lo <= MAX_SLOT]


def _same_stem(x: str, y: str) -> bool:
    n = min(STEM, len(x), len(y))
    return x[:n] == y[:n]


def _known(word: str) -> bool:
    """An English word, or a plural of one ("urgencies"): the word list holds few inflected forms."""
    if english.word_count(word):
        return True
    return word.endswith("s") and any(english.word_count(f) for f in (word[:-1], word[:-2], word[:-3] + "y") if len(f) > 2)


def _forms_of_one_word(x: str, y: str) -> bool:
    """Whether two words are the singular and plural of one word ("tax"/"taxes", "policy"/"policies")."""
    return x != y and (y in _number_forms(x) or x in _number_forms(y))


def _number_forms(word: str) -> set[str]:
    """The word with its plural or singular ("home"/"homes", "variety"/"varieties")."""
    out = {word, word + "s", word + "es"}
    if word.endswith("ies"):
        out.add(word[:-3] + "y")
    elif word.endswith("es"):
        out.add(word[:-2])
    if word.endswith("s"):
        out.add(word[:-1])
    if word.endswith("y"):
        out.add(word[:-1] + "ies")
    return out


def _listed(pair: str) -> bool:
    """Whether English lists the pair with its head in either number: "retirement homes" is unlisted, but
    "retirement home" is, so the plural is English too."""
    first, head = pair.split()
    return any(english.pair_count(f"{first} {h}") for h in sorted(_number_forms(head)))


def _prefixed(word: str, whole: str) -> bool:
    """Whether the one word `whole` is `word` behind a short prefix, not a compound of two words: "malnutrition"
    is "nutrition" with "mal-", which English writes as "improper nutrition" or "poor nutrition" too."""
    return whole.endswith(word) and 0 < len(whole) - len(word) <= MAX_PREFIX


def _opens(word: str, whole: str) -> bool:
    """Whether the one word `whole` is a compound that opens with `word` ("earth" in "earthquake")."""
    return whole.startswith(word) and len(whole) - len(word) >= STEM


def _compound_part(word: str, whole: str) -> bool:
    """Whether `word` may be a literal part of the one word `whole`: not a form of it (same stem), unless
    `whole` is a compound that opens with it ("sky" in "skyscraper", not "jet" in "jets")."""
    if not _same_stem(word, whole) and not whole.startswith(word):
        return True
    return _opens(word, whole)


def _of_chain(cand: list[str]) -> tuple[str, str] | None:
    """(X, Y) when the candidate is an "X of [the] Y" chain of content words."""
    words = [w for w in cand if w not in DETERMINERS]
    if len(words) == 3 and words[1] == "of" and _content(words[0]) and _content(words[2]):
        return words[0], words[2]
    return None


def _to_chain(cand: list[str]) -> tuple[str, str] | None:
    """(X, Y) when the candidate is "X to Y", a content word and a word."""
    if len(cand) == 3 and cand[1] == "to" and _content(cand[0]) and _content(cand[2]):
        return cand[0], cand[2]
    return None


def _of_share(word: str) -> float:
    """How often English follows the word by "of", per use of the word (pair and word counts)."""
    count = english.word_count(word)
    return english.pair_count(f"{word} of") / count if count else 0.0


def _of_shape(x: str, y: str, others: list[str]) -> str:
    """Why an "X of Y" chain reads word for word against the others' compound or word, or ""."""
    if len(others) == 2:
        z, w = others
        if w == x and not _same_stem(z, y):  # the same head, another modifier: "team of saving" / "rescue team"
            return f"'{x} of {y}' where the others write the compound '{z} {w}'"
        if _same_stem(z, y) and not _same_stem(w, x) and english.pair_count(f"{z} {w}") \
                and not english.pair_count(f"{y} {x}") and _of_share(x) < MAX_OF_SHARE_HEAD:
            # The same modifier, another head, and English has no compound of the chain's words:
            # "agent of police" / "police officer" ("police agent" is unlisted).
            return f"'{x} of {y}' where the others write the compound '{z} {w}', and '{y} {x}' is no English compound"
    elif len(x) > 2 and len(y) > 2 and x in others[0] and y.rstrip("s") in others[0]:
        return f"'{x} of {y}' where the others write the one word made of them, '{others[0]}'"  # "end of week"
    # A common word that English seldom follows by "of" ("take of", "card of"), where the others' wording is
    # English; a rare word's "of" pair is unlisted whatever its use ("osteoarthritis of the knee").
    if english.word_count(x) >= MIN_OF_WORD and _of_share(x) < MAX_OF_SHARE:
        if all(english.word_count(o) for o in others) and not any(_same_stem(o, x) and _same_stem(o, y) for o in others):
            return (f"'{x} of {y}' where the others write '{' '.join(others)}'; in English '{x}' seldom opens "
                    f"an 'of' phrase")
    return ""


def judge(cand: list[str], before: str, after: str, others: list[str], terms: set[str]) -> dict | None:
    """The signals that make the slot a translation artifact, or None.

    `cand` and `others` are the two wordings of the slot, lower case; `before` and `after` the shared
    words that frame it ("" at the sentence's edge), which make the pairs English lists ("seat belt").
    `terms` are the modifier-noun pairs the sentence holds (claims/bigrams.py), as written: only such a pair,
    a noun phrase, is judged by its English count ("police stated" beside "police said" is a choice of verb).
    """
    if not all(_known(w) for w in cand if _word(w)):
        return None  # an unknown word (a misspelling, a coinage) is no evidence of a pairing
    signals: list[str] = []
    out: dict = {}
    other_content = [w for w in others if _content(w)]
    # One word swapped inside a term, the rest in place ("security belt" / "seat belt"): the odd pair is unlisted
    # in English where the others' pair, at the same place, is listed well above the floor.
    if len(cand) == len(others):
        cand_ctx, other_ctx = [before, *cand, after], [before, *others, after]
        for i in range(len(cand_ctx) - 1):
            c_pair, o_pair = cand_ctx[i : i + 2], other_ctx[i : i + 2]
            if c_pair == o_pair or not all(c_pair) or not all(map(_content, c_pair + o_pair)):
                continue
            c_text, o_text = " ".join(c_pair), " ".join(o_pair)
            if c_text not in terms or _listed(c_text):
                continue
            # The pair is the slot's one difference, the rest in place: a rewording that changes words outside
            # it too ("keeping the main funds" / "to store fixed assets") is a clause said otherwise.
            if any(c != o and (_content(c) or _content(o)) for j, (c, o) in enumerate(zip(cand, others))
                   if j + 1 not in (i, i + 1)):
                continue
            # One word swapped beside a word both write: not a form of the same word ("gift taxes" / "gift tax"),
            # and the others' pair common by a clear margin.
            swapped = [(c, o) for c, o in zip(c_pair, o_pair) if c != o]
            margin = english.pair_count(o_text) / english.listed_floor()
            if len(swapped) == 1 and (_forms_of_one_word(*swapped[0]) or margin < MIN_SWAP_MARGIN):
                continue
            if english.pair_count(o_text) >= MIN_OTHERS_PAIR:
                signals.append("unlisted-pairing")
                out.update(phrase_pair=c_text, phrase_pair_count_below=english.listed_floor(), others_form=o_text,
                           others_form_count=english.pair_count(o_text))
                if len(swapped) == 1:
                    out["swap_margin"] = round(margin, 1)
                break
    # A phrase of other length whose own pair is unlisted where every pair of the others' wording is listed
    # ("news release meeting" / "press conference", "road transport incident" / "traffic accident").
    elif len(cand) > 1 and len(other_content) > 1:
        inner = [" ".join(p) for p in zip(cand, cand[1:]) if all(map(_content, p))]
        theirs = [" ".join(p) for p in zip(others, others[1:]) if all(map(_content, p))]
        odd = [p for p in inner if p in terms and not _listed(p)]
        if odd and theirs and all(english.pair_count(p) >= MIN_OTHERS_PAIR for p in theirs):
            form = min(theirs, key=lambda p: (english.pair_count(p), p))
            signals.append("unlisted-pairing")
            out.update(phrase_pair=odd[0], phrase_pair_count_below=english.listed_floor(), others_form=form,
                       others_form_count=english.pair_count(form))
    # One English word written as two ("sky scratcher" / "skyscraper", "fire car" / "train"); a word that is
    # a form of one of the two ("jet planes" / "jets", "investigative sources" / "investigators") is rewording.
    cand_words = [w for w in cand if w not in DETERMINERS]
    if len(cand_words) == 2 and all(map(_content, cand_words)) and len(others) == 1 and len(other_content) == 1 \
            and (" ".join(cand_words) in terms or _opens(cand_words[0], others[0])) \
            and not _listed(" ".join(cand_words)) \
            and english.word_count(others[0]) and all(_compound_part(w, others[0]) for w in cand_words) \
            and not any(_prefixed(w, others[0]) for w in cand_words):
        signals += ["unlisted-pairing", "split-compound"]
        out.update(phrase_pair=" ".join(cand_words), phrase_pair_count_below=english.listed_floor(),
                   others_form=others[0], others_form_count=english.word_count(others[0]),
                   shape=f"the two words '{' '.join(cand_words)}' where the others write one, '{others[0]}'")
    chain = _of_chain(cand)
    if chain and len([w for w in others if _word(w)]) == len(other_content) in (1, 2):
        shape = _of_shape(*chain, other_content)
        if shape:
            signals.append("of-chain")
            out["shape"] = shape
            if len(other_content) == 1:
                out.setdefault("others_form", other_content[0])
                out.setdefault("others_form_count", english.word_count(other_content[0]))
            else:
                out.setdefault("others_form", " ".join(other_content))
                out.setdefault("others_form_count", english.pair_count(" ".join(other_content)))
    # A purpose written as "to" and the verb where the others write the compound of its "-ing" form ("machine to
    # wash" / "washing machine", "pool to swim" / "swimming pool"), as French and Spanish build such nouns.
    purpose = _to_chain(cand)
    if purpose and len(others) == len(other_content) == 2:
        (x, y), (z, w) = purpose, others
        if w == x and z.endswith("ing") and _same_stem(z, y) and english.pair_count(f"{z} {w}"):
            signals.append("to-chain")
            out["shape"] = f"'{x} to {y}' where the others write the compound '{z} {w}'"
            out.setdefault("others_form", f"{z} {w}")
            out.setdefault("others_form_count", english.pair_count(f"{z} {w}"))
    if not signals:
        return None
    out["signals"] = tuple(signals)
    return out


def check(context: Context) -> list[Finding]:
    alignment = context.alignment
    if alignment is None:
        return []
    corpus = context.corpus
    partners: dict[str, dict[str, Sentence]] = defaultdict(dict)
    for p in alignment.pairs:
        partners[p.first.id][p.second.source] = p.second
        partners[p.second.id][p.first.source] = p.first
    reported = _trans001_spans(context)
    terms_at: dict[str, list[tuple[int, str, tuple[str, str]]]] = defaultdict(list)
    users: dict[tuple[str, str], set[str]] = defaultdict(set)  # each word pair (as lemmas) and the sources using it
    for b in context.bigrams:
        terms_at[b.source].append((b.start, " ".join(b.text.lower().split()), (b.first, b.second)))
        users[(b.first, b.second)].add(b.source)
    lowered = {src.id: " ".join(re.findall(r"\w+(?:['’-]\w+)*", src.text.lower())) for src in corpus}
    tokens: dict[str, list[_Token]] = {}

    def toks(s: Sentence) -> list[_Token]:
        if s.id not in tokens:
            tokens[s.id] = _tokens(s)
        return tokens[s.id]

    low_of: dict[str, tuple[list[str], str]] = {}

    def lowers(s: Sentence) -> tuple[list[str], str]:
        """The sentence's words in lower case, as a list and joined by spaces."""
        if s.id not in low_of:
            words = [t.lower for t in toks(s)]
            low_of[s.id] = (words, " ".join(words))
        return low_of[s.id]

    # Two wordings compared once, however many copies of each the corpus holds.
    compared: dict[tuple[str, str], list[tuple[int, int, int, int]] | None] = {}

    findings = []
    for s in alignment.sentences:
        others = partners.get(s.id)
        if not others or len(others) < MIN_MAJORITY:
            continue
        # Another source with this very sentence (a wire copy) writes whatever this one writes: no slot of
        # it is one source's wording.
        if any(o.text == s.text for o in others.values()):
            continue
        mine = toks(s)
        low, joined = lowers(s)
        names = set(s.names)
        # Per slot of this sentence, what each other source writes there.
        slots: dict[tuple[int, int], dict[str, tuple[int, int]]] = defaultdict(dict)
        texts: dict[str, str] = {}
        close = 0  # other sources whose sentence is this one reworded in places, not rewritten: the majority's pool
        for src, o in sorted(others.items()):
            their_low, texts[src] = lowers(o)
            if texts[src] == joined:
                slots.clear()  # the same words, other spacing or case: a copy too
                break
            key = (joined, texts[src])
            if key not in compared:
                compared[key] = _compare(low, their_low)
            found = compared[key]
            if found is None:
                continue
            close += 1
            for a_lo, a_hi, b_lo, b_hi in found:
                slots[(a_lo, a_hi)][src] = (b_lo, b_hi)
        for (a_lo, a_hi), theirs_at in sorted(slots.items()):
            cand = low[a_lo:a_hi]
            phrase = " ".join(cand)
            if _named(mine, a_lo, a_hi, names) or any(f" {phrase} " in f" {t} " for t in texts.values()):
                continue
            wordings: dict[tuple[str, ...], list[str]] = defaultdict(list)
            for src, (b_lo, b_hi) in theirs_at.items():
                o = others[src]
                ot = toks(o)
                if not _named(ot, b_lo, b_hi, set(o.names)):
                    wordings[tuple(t.lower for t in ot[b_lo:b_hi])].append(src)
            if not wordings:
                continue
            wording, backers = sorted(wordings.items(), key=lambda w: (-len(w[1]), w[0]))[0]
            backers = sorted(backers)
            if len(backers) < MIN_MAJORITY or 2 * len(backers) <= close:
                continue
            start, end = _span(mine, a_lo, a_hi)
            if any(start < e and b < end for b, e in reported.get(s.source, ())):
                continue
            before = low[a_lo - 1] if a_lo > 0 and _word(low[a_lo - 1]) else ""
            after = low[a_hi] if a_hi < len(low) and _word(low[a_hi]) else ""
            here = [(t, lemmas) for at, t, lemmas in terms_at.get(s.source, ()) if s.start <= at < s.end]
            verdict = judge(cand, before, after, list(wording), {t for t, _ in here})
            if verdict is None:
                continue
            # Wording another source uses elsewhere is the story's vocabulary, not one source's rendering:
            # "aerial vehicle" in one sentence of the reference, "unmanned aerial vehicles" in the systems' lead.
            lemmas = {lm for t, lm in here if t == verdict.get("phrase_pair")}
            wording_used = verdict.get("phrase_pair") or phrase  # two words at least: one word alone is any text's
            if any(users[lm] - {s.source} for lm in lemmas) or (" " in wording_used and any(
                    f" {wording_used} " in f" {text} " for src, text in lowered.items() if src != s.source)):
                continue
            # A framing word of the unlisted pair is shown with the slot: "security belt" / "seat belt".
            pair = verdict.get("phrase_pair", "").split()
            lo = 1 if pair and before and pair[0] == before else 0
            hi = 1 if pair and after and pair[-1] == after else 0
            findings.append(_finding(corpus, s, mine, (a_lo - lo, a_hi + hi), backers, others,
                                     {src: (b_lo - lo, b_hi + hi) for src, (b_lo, b_hi) in theirs_at.items()}, toks,
                                     verdict))
    return findings


def _span(toks: list[_Token], lo: int, hi: int) -> tuple[int, int]:
    return toks[lo].start, toks[hi - 1].start + len(toks[hi - 1].text)


def _finding(corpus, s: Sentence, mine, slot, backers, others, theirs_at, toks, verdict) -> Finding:
    start, end = _span(mine, *slot)
    shown = s.text[start - s.start : end - s.start]
    said = ""
    quoted = []
    for src in sorted(others):
        o = others[src]
        ot = toks(o)
        o_start, o_end = _span(ot, *theirs_at[src]) if src in theirs_at else (o.start, o.end)
        span = o.text[o_start - o.start : o_end - o.start]
        if src == backers[0]:
            said = " ".join(span.lower().split())
        o_line, o_col = corpus.locate(src, o_start)
        quoted.append((src, o_line, o_col, span, o.text))
    line, col = corpus.locate(s.source, start)
    evidence = [Evidence(s.source, corpus.path(s.source), line, col, shown, s.text, True, said)]
    evidence += [Evidence(src, corpus.path(src), ln, cl, span, text, False, said) for src, ln, cl, span, text in quoted]
    why = []
    if verdict.get("phrase_pair"):
        why.append(f"'{verdict['phrase_pair']}' is not a listed English word pair (fewer than "
                   f"{verdict['phrase_pair_count_below']:,} in {english.SOURCE}), '{verdict['others_form']}' occurs "
                   f"{verdict['others_form_count']:,} times")
        if verdict.get("swap_margin"):
            why[-1] += (f": one word swapped in a phrase English writes at least {verdict['swap_margin']:g} times "
                        f"as often as any unlisted pair")
    if verdict.get("shape"):
        why.append(verdict["shape"])
    message = (f"'{shown}' in {s.source} likely renders '{said}' word for word: {len(backers)} of the {len(others)} "
               f"other sources write '{said}' in the same sentence ({', '.join(backers)}); " + "; ".join(why))
    explanation = CalqueExplanation(shown, said, tuple(backers), len(others), verdict["signals"],
                                    verdict.get("phrase_pair", ""), verdict.get("phrase_pair_count_below", 0),
                                    verdict.get("others_form", ""), verdict.get("others_form_count", 0),
                                    verdict.get("shape", ""), verdict.get("swap_margin", 0.0))
    return Finding.from_rule(RULE, said, message, evidence, explanation, key=(shown.lower(), said, s.source))


def _trans001_spans(context: Context) -> dict[str, list[tuple[int, int]]]:
    """The passages TRANS001 flags, per source: a repeated garble is reported there, once."""
    from checker.findings.rules import trans001

    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    if not context.bigrams:
        return out
    for f in trans001.check(context):
        for e in f.evidence:
            if e.flagged:
                start = context.corpus[e.source].offset(e.line, e.column)
                out[e.source].append((start, start + len(e.span)))
    return out


RULE = Rule(
    "TRANS002", "translation-calque", "translation", "warning",
    summary="A phrase of an aligned sentence where the other sources agree on other wording, and the phrase is "
            "rare in English or a word-for-word shape where theirs is common.",
    why="Machine translation renders idioms and compounds word by word (\"the security belt\" for \"seat belt\"); "
        "even once, the calque misleads readers and marks the source as a translation.",
    example="\"a team of saving\" where the other sources write \"rescue team\" in the same sentence.",
    explanation=CalqueExplanation, check=check)
