"""The name-variant analysis NAME001 and NAME002 share, and the reference mentions every name rule
quotes: a person's full-name variants set against the best-attested one.

A variant that as many sources give as the best-attested name (one source against one) is no
outlier: the finding quotes both names, flags neither and says that no name has a majority.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from checker.claims.claim import Claim
from checker.corpus import Corpus
from checker.findings.explanation import Explanation
from checker.findings.finding import Evidence, Finding
from checker.findings.registry import Rule
from checker.groups.people import Person, given_relation, name_words, unaccented
from checker.values.vocabulary import Vocabulary

DIFFERENT, SPELLING = "different", "spelling"


@dataclass(frozen=True)
class NameExplanation(Explanation):
    variant: str
    majority: str | None  # None when no name has more sources than the variant
    majority_sources: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class TiedNameExplanation(NameExplanation):
    """A variant that as many sources give as the other name: no majority, both sides with their sources."""

    sides: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (name, its sources), the variant first

    def to_dict(self) -> dict:
        return {**super().to_dict(), "sides": {name: list(sources) for name, sources in self.sides}}


@dataclass(frozen=True)
class NameVariant:
    """A full name one source gives a person, against the majority name of that person."""

    person: Person
    variant: str
    mentions: tuple[Claim, ...]
    relation: str  # DIFFERENT (another first name) or SPELLING (a spelling of the first name or surname)
    reason: str
    tied: bool = False  # as many sources give the variant as the best-attested name: no majority


def run_in(name: str, variants) -> bool:
    """"Affairs Mara Quint" beside "Mara Quint": a word run into the name (the end of a garbled title, a
    middle name), not another first name; the shorter name speaks for it."""
    words = name.split()
    return len(words) > 2 and " ".join(words[1:]) in variants


def inflected(a: str, b: str) -> bool:
    """"MacBook Pros" beside "MacBook Pro": one word is the other with a plural or possessive ending,
    which a name takes in running text ("the Smiths", "Jones' car"); not a spelling of it."""
    short, long = sorted((a, b), key=len)
    return long in (short + "s", short + "es", short + "'s", short + "’s")


def other_middle_name(a: list[str], b: list[str], vocab: Vocabulary) -> int | None:
    """Where two names of as many words, with one first name, give another middle name ("Ana Maria Ruiz",
    "Ana Lucia Ruiz"), or None. An initial agrees with a name it begins ("Ana M. Ruiz")."""
    if len(a) != len(b) or len(a) < 3:
        return None
    for i in range(1, len(a) - 1):
        if given_relation((a[i],), (b[i],), vocab) == "different":
            return i
    return None


def one_romanisation(differing: list[tuple[str, str]], a: str, b: str, vocab: Vocabulary) -> bool:
    """Whether the differing words of two names are one name romanised two ways. Only those words are read:
    a word the NER ran into one name ("Lawyer Alexis Kouyias") is not a spelling. Where both names show a
    romanisation sign, the loose romanisations are read too ("Karolos Papoulias", "Carolos Papoulias")."""
    loose = vocab.romanisation_sign(a) and vocab.romanisation_sign(b)
    return bool(differing) and all(vocab.romanised(x, loose) & vocab.romanised(y, loose) for x, y in differing)


def name_variants(person: Person, vocab: Vocabulary) -> list[NameVariant]:
    """The person's variants that differ from the majority name, in alphabetical order."""
    out = []
    variants = person.variants()
    major = person.name
    major_count = len(person.attesting(major, variants))
    for variant, ms in sorted(variants.items()):
        if variant == major:
            continue
        vw, mw = variant.split(), major.split()
        if run_in(variant, variants) or variant.replace(" ", "").lower() == major.replace(" ", "").lower():
            continue  # a word run into the name; a particle written apart or together ("Del Giudice", "DelGiudice")
        rel = given_relation(tuple(vw[:-1]), tuple(mw[:-1]), vocab)
        surname_differs = unaccented(vw[-1]) != unaccented(mw[-1])  # "Pérez" and "Perez" are one spelling
        middle = other_middle_name(vw, mw, vocab) if rel == "same" else None
        if middle is not None:
            relation = DIFFERENT
            why = f"middle name '{vw[middle]}' against '{mw[middle]}', with the same first name and surname"
        elif rel == "different":
            relation = DIFFERENT
            why = f"first name '{vw[0]}' against '{mw[0]}'"
            if surname_differs:
                why += f", and surname '{vw[-1]}' against '{mw[-1]}'"
            if variant in person.aligned:
                why += f"; the same person by surname and {person.aligned[variant]}"
            elif variant in person.namesake:
                why += f"; the same person by surname: {person.namesake[variant]}"
            else:
                why += "; the same person by surname and title"
        elif rel == "spelling" or surname_differs:
            if vocab.accepted(vw[-1], mw[-1]) and (min(len(vw), len(mw)) < 2 or vocab.accepted(vw[0], mw[0])):
                continue  # spellings the user accepts as one name
            differing = ([(vw[0], mw[0])] if rel == "spelling" else []) + ([(vw[-1], mw[-1])] if surname_differs else [])
            if one_romanisation(differing, variant, major, vocab):
                continue  # one name romanised two ways ("Heydar", "Heidar"): a convention, not a misspelling
            if rel != "spelling" and inflected(vw[-1], mw[-1]):
                continue
            relation = SPELLING
            parts = []
            if rel == "spelling":
                parts.append(f"'{vw[0]}' against '{mw[0]}'")
            if surname_differs:
                parts.append(f"'{vw[-1]}' against '{mw[-1]}'")
            why = "spelt " + " and ".join(parts)
        else:
            continue
        # More mentions or an earlier place in the alphabet make the best-attested name, not a majority.
        tied = len(person.attesting(variant, variants)) == major_count
        out.append(NameVariant(person, variant, tuple(ms), relation, why, tied))
    return out


def mention_evidence(claim: Claim, corpus: Corpus, flagged: bool) -> Evidence:
    return Evidence.of(claim, corpus.path(claim.source), flagged)


def reference_evidence(person: Person, exclude: set[str], corpus: Corpus, variant: str | None = None) -> list[Evidence]:
    """One mention per other source, preferring the given variant or a full name."""
    out = []
    variants = person.variants()
    of_source: dict[str, list[Claim]] = defaultdict(list)  # each source's mentions, listed once
    for m in person.mentions:
        of_source[m.source].append(m)
    for source in sorted(set(of_source) - exclude):
        ms = [m for m in of_source[source] if not run_in(" ".join(name_words(m)), variants)]
        if not ms:
            continue  # a source that names the person only with a word run into the name is no reference
        pick = sorted(ms, key=lambda m: (" ".join(name_words(m)) != variant, len(name_words(m)) < 2, m.start))[0]
        out.append(mention_evidence(pick, corpus, False))
    return out


def variant_finding(rule: Rule, nv: NameVariant, corpus: Corpus) -> Finding:
    p, major = nv.person, nv.person.name
    out_sources = set(p.sources(list(nv.mentions)))
    major_sources = p.attesting(major)
    by_surname = len(set(major_sources) - set(p.sources(p.variants()[major])))
    counted = f", {by_surname} of them by the surname alone" if by_surname else ""
    key = (nv.variant.lower(), *sorted(out_sources))
    if nv.tied:
        # Neither name has more sources: both are quoted, neither is flagged.
        evidence = [mention_evidence(m, corpus, False) for m in nv.mentions]
        evidence += reference_evidence(p, out_sources, corpus, major)
        what = "spelling" if nv.relation == SPELLING else "name"
        message = (f"{nv.variant} in {', '.join(sorted(out_sources))}; {major} in {', '.join(major_sources)}{counted} "
                   f"({nv.reason}); no {what} has a majority")
        sides = ((nv.variant, tuple(sorted(out_sources))), (major, tuple(major_sources)))
        return Finding.from_rule(rule, major, message, evidence,
                                 TiedNameExplanation(nv.variant, None, (), nv.reason, sides), key=key)
    evidence = [mention_evidence(m, corpus, True) for m in nv.mentions] + reference_evidence(p, out_sources, corpus, major)
    message = (f"{nv.variant} in {', '.join(sorted(out_sources))}; {major} in {len(major_sources)} "
               f"source{'s' if len(major_sources) != 1 else ''}{counted} ({nv.reason})")
    return Finding.from_rule(rule, major, message, evidence,
                             NameExplanation(nv.variant, major, tuple(major_sources), nv.reason), key=key)


def variant_findings(rule: Rule, people, relation: str, vocab: Vocabulary, corpus: Corpus) -> list[Finding]:
    """The findings of one name rule: each person's variants of that relation to the majority name."""
    return [variant_finding(rule, nv, corpus) for p in people for nv in name_variants(p, vocab) if nv.relation == relation]
