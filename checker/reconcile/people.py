"""People across sources: one person per story, their name variants and titles.

Mentions are clustered in three passes:
1. full names (given + surname) merge when the surnames are near-identical and the given
   names are compatible (equal, nickname, initial, spelling variant) or the titles agree;
2. surname-only mentions ("Brandt said") join the one cluster whose name holds that word;
3. what is left is checked for garbling: a name never introduced in full, close to a person
   the same source names; a title's "of X" where X is close to a person's name.
Never corrects anything: the variants are shown with the majority for reference.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz.distance import JaroWinkler, Levenshtein

from checker.claims.claim import Claim
from checker.claims.types import PersonName
from checker.findings import RULES, Evidence, Finding
from checker.reconcile.components import connected
from checker.reconcile.titles import Title, parse_title
from checker.vocabulary import Vocabulary, default_vocabulary

SURNAME_SIMILARITY = 0.90  # Jaro-Winkler: Kowalska/Kowalski 0.94; near-identical surnames also need a given name or title to agree
GIVEN_SPELLING = 0.80  # normalised Levenshtein similarity: Katherine/Catherine 0.89
GARBLED_SIMILARITY = 0.70  # Jaro-Winkler for an unintroduced surname against the same source's people
TITLE_NAME_EDITS = 1  # "of Kowalsk" against "Kowalska": one letter lost, added or changed


@dataclass
class Person:
    """A cluster of mentions of one person, with the titles the sources give."""

    mentions: list[Claim] = field(default_factory=list)
    titles: list[tuple[Title, Claim, str, int]] = field(default_factory=list)  # title, claim, text, start
    garbled: list[tuple[Claim, str]] = field(default_factory=list)  # mention, why

    @property
    def full_mentions(self) -> list[Claim]:
        return [m for m in self.mentions if len(_words(m)) >= 2]

    def variants(self) -> dict[str, list[Claim]]:
        out: dict[str, list[Claim]] = defaultdict(list)
        for m in self.full_mentions:
            out[" ".join(_words(m))].append(m)
        return dict(out)

    def sources(self, mentions: list[Claim]) -> list[str]:
        return sorted({m.source for m in mentions})

    @property
    def name(self) -> str:
        """The best-attested full form: most sources, then most mentions, then alphabetical."""
        variants = self.variants()
        if not variants:
            return " ".join(_words(self.mentions[0]))
        return min(variants, key=lambda v: (-len(self.sources(variants[v])), -len(variants[v]), v))

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


def _words(claim: Claim) -> list[str]:
    v = claim.value
    assert isinstance(v, PersonName)
    return [*v.given, v.surname] if v.surname else list(v.given)


def _given_relation(a: tuple[str, ...], b: tuple[str, ...], vocab: Vocabulary) -> str:
    """'same', 'spelling', 'different' or 'unknown' (one side has no given name)."""
    if not a or not b:
        return "unknown"
    x, y = a[0], b[0]
    if x.lower() == y.lower() or vocab.given_name(x) == vocab.given_name(y):
        return "same"
    if (len(x.rstrip(".")) == 1 and y.lower().startswith(x[0].lower())) or (len(y.rstrip(".")) == 1 and x.lower().startswith(y[0].lower())):
        return "same"
    if Levenshtein.normalized_similarity(x.lower(), y.lower()) >= GIVEN_SPELLING:
        return "spelling"
    return "different"


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


def cluster_people(claims: list[Claim], vocab: Vocabulary | None = None) -> tuple[list[Person], list[Claim]]:
    """People of the corpus, and the single-word mentions that joined no one."""
    vocab = vocab or default_vocabulary()
    mentions = [c for c in claims if c.kind == "person"]
    by_name: dict[str, list[Claim]] = defaultdict(list)
    for m in mentions:
        if len(_words(m)) >= 2:
            by_name[" ".join(_words(m))].append(m)
    # Pass 1: merge full-name variants (over the sorted names, so the result is stable).
    def same_person(a: str, b: str) -> bool:
        wa, wb = a.split(), b.split()
        if wa[-1][0].lower() != wb[-1][0].lower() \
                or JaroWinkler.similarity(wa[-1].lower(), wb[-1].lower()) < SURNAME_SIMILARITY:
            return False
        rel = _given_relation(tuple(wa[:-1]), tuple(wb[:-1]), vocab)
        if rel == "unknown":
            return False
        titled = _share_title(by_name[a], by_name[b], vocab)
        return titled or (rel != "different" and wa[-1].lower() == wb[-1].lower())

    people = [Person(mentions=[m for n in group for m in by_name[n]])
              for group in connected(sorted(by_name), same_person)]
    # Pass 2: single words join the one person whose name holds them.
    owners_of: dict[str, list[Person]] = defaultdict(list)
    for p in people:
        for word in sorted({w.lower() for fm in p.full_mentions for w in _words(fm)}):
            owners_of[word].append(p)
    left: list[Claim] = []
    for m in mentions:
        words = _words(m)
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
        for word in {_words(fm)[-1] for fm in p.full_mentions}:
            surnames[word].append(p)
    for c in claims:
        if c.kind == "candidate" and len(surnames.get(c.span, [])) == 1:
            surnames[c.span][0].mentions.append(c)
    # Single words that no full name explains and that recur across sources are people in their own right.
    alone: dict[str, list[Claim]] = defaultdict(list)
    for m in left:
        alone[_words(m)[0]].append(m)
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


def _attach_garbled(people: list[Person], unexplained: list[Claim], titles: list[Claim], vocab: Vocabulary) -> None:
    """Garbled names: pass 3 of the clustering."""
    for m in unexplained:
        if not m.verb:
            # String similarity alone would pair a town the NER took for a person with anyone; a
            # garbled name still acts in its sentence ("Kowalsk told reporters").
            continue
        word = _words(m)[0]
        candidates = []
        for p in people:
            if m.source not in {x.source for x in p.mentions} or len(p.sources(p.mentions)) < 2:
                continue
            score = JaroWinkler.similarity(word.lower(), p.surname.lower())
            if score >= GARBLED_SIMILARITY and word[0].lower() == p.surname[0].lower():
                candidates.append((score, p))
        if candidates:
            score, p = max(candidates, key=lambda sp: (sp[0], sp[1].name))
            p.garbled.append((m, f"'{word}' is never introduced by full name in any source but acts as a person "
                                 f"(the subject of '{m.verb}'); the closest person named in the same source is {p.name} "
                                 f"(Jaro-Winkler {score:.2f} to '{p.surname}')"))
    for tc in titles:
        text = tc.titles[0][0]
        caps = [w.strip(".,") for w in text.split()[1:] if w[:1].isupper()]
        for word in caps:
            if vocab.place(word):
                continue
            for p in people:
                parts = {w for fm in p.full_mentions for w in _words(fm)}
                best = min(parts, key=lambda x: (Levenshtein.distance(word.lower(), x.lower()), x), default="")
                edits = Levenshtein.distance(word.lower(), best.lower()) if best else 99
                if len(word) >= 4 and word != best and edits <= TITLE_NAME_EDITS and len(p.sources(p.mentions)) >= 2:
                    p.garbled.append((tc, f"the title '{text}' names '{word}', which no source gives as a name; "
                                          f"it is {edits} edit away from '{best}' of {p.name}"))
                    # The title proper is what comes before "of <name>".
                    title_text = text[: text.index(word)].rstrip().removesuffix(" of").removesuffix(" for")
                    t = parse_title(title_text, vocab)
                    if t is not None:
                        p.titles.append((t, tc, title_text, tc.start))


def _evidence(claim: Claim, paths: dict[str, str], flagged: bool) -> Evidence:
    return Evidence.of(claim, paths[claim.source], flagged)


def _reference(person: Person, exclude: set[str], paths: dict[str, str], variant: str | None = None) -> list[Evidence]:
    """One mention per other source, preferring the given variant or a full name."""
    out = []
    for source in sorted({m.source for m in person.mentions} - exclude):
        ms = [m for m in person.mentions if m.source == source]
        pick = sorted(ms, key=lambda m: (" ".join(_words(m)) != variant, len(_words(m)) < 2, m.start))[0]
        out.append(_evidence(pick, paths, False))
    return out


def name_findings(people: list[Person], paths: dict[str, str], vocab: Vocabulary) -> list[Finding]:
    findings = []
    for p in people:
        variants = p.variants()
        major = p.name
        for variant, ms in sorted(variants.items()):
            if variant == major:
                continue
            vw, mw = variant.split(), major.split()
            rel = _given_relation(tuple(vw[:-1]), tuple(mw[:-1]), vocab)
            surname_differs = vw[-1] != mw[-1]
            if rel == "different":
                rule = "NAME001"
                why = f"first name '{vw[0]}' against '{mw[0]}'"
                if surname_differs:
                    why += f", and surname '{vw[-1]}' against '{mw[-1]}'"
                why += "; the same person by surname and title"
            elif rel == "spelling" or surname_differs:
                if vocab.accepted(vw[-1], mw[-1]) and (min(len(vw), len(mw)) < 2 or vocab.accepted(vw[0], mw[0])):
                    continue  # spellings the user accepts as one name
                rule = "NAME002"
                parts = []
                if rel == "spelling":
                    parts.append(f"'{vw[0]}' against '{mw[0]}'")
                if surname_differs:
                    parts.append(f"'{vw[-1]}' against '{mw[-1]}'")
                why = "spelt " + " and ".join(parts)
            else:
                continue
            out_sources = set(p.sources(ms))
            major_sources = p.sources(variants[major])
            evidence = [_evidence(m, paths, True) for m in ms] + _reference(p, out_sources, paths, major)
            message = (f"{variant} in {', '.join(sorted(out_sources))}; {major} in {len(major_sources)} "
                       f"source{'s' if len(major_sources) != 1 else ''} ({why})")
            findings.append(_finding(rule, major, message, evidence, (variant.lower(), *sorted(out_sources)), {
                "variant": variant, "majority": major, "majority_sources": major_sources, "reason": why}))
        for m, why in p.garbled:
            shown = _words(m)[0] if m.kind == "person" else m.span
            evidence = [_evidence(m, paths, True)] + _reference(p, {m.source} if m.kind == "person" else set(), paths, major)
            findings.append(_finding("NAME003", major, f"'{shown}' in {m.source} looks like a garbled {major}", evidence,
                                     (shown.lower(), m.source), {"garbled": shown, "person": major, "reason": why}))
    return findings


def role_findings(people: list[Person], sources: dict) -> list[Finding]:
    findings = []
    for p in people:
        for t, claim, text, start in p.titles:
            others = [(o, oc, ot) for o, oc, ot, _ in p.titles if oc.source != claim.source]
            if any(t.equivalent(o) and not t.place_for_portfolio(o) for o, _, _ in others):
                continue
            # Consensus titles: equivalence classes attested by at least two other sources.
            best = None
            for o, oc, ot in others:
                why = t.conflicts(o)
                if why is None:
                    continue
                backers = sorted({c.source for x, c, _ in others if x.equivalent(o)})
                if len(backers) >= 2 and (best is None or len(backers) > len(best[2])):
                    best = (o, why, backers)
            if best is None:
                continue
            o, why, backers = best
            evidence = [_title_evidence(sources[claim.source], claim, start, t, True)]
            seen = set()
            for x, c, xt, xs in sorted(p.titles, key=lambda r: (r[1].source, r[3])):
                if c.source in backers and c.source not in seen and x.equivalent(o):
                    seen.add(c.source)
                    evidence.append(_title_evidence(sources[c.source], c, xs, x, False))
            message = (f"{p.name} is '{text}' in {claim.source}; {len(backers)} other sources give "
                       f"'{o.text}' ({o.normalised}): {why}")
            findings.append(_finding("ROLE001", p.name, message, evidence, (t.normalised, claim.source), {
                "title": text, "normalised": t.normalised, "consensus": o.normalised,
                "consensus_sources": backers, "reason": why}))
    return findings


def _title_evidence(source, claim: Claim, title_start: int, title: Title, flagged: bool) -> Evidence:
    """The title and the name together: "Finance Minister Maria Kowalska", "Ana Ruiz, Minister of Health"."""
    start = min(title_start, claim.start)
    end = max(claim.end, title_start + len(title.text))
    return Evidence.at(source, start, end, claim, flagged, normalised=title.normalised)


def _finding(code: str, subject: str, message: str, evidence: list[Evidence], key: tuple, explanation: dict) -> Finding:
    rule = RULES[code]
    return Finding(rule=code, kind=rule.kind, severity=rule.severity, subject=subject, message=message,
                   evidence=tuple(evidence), explanation=explanation, key=tuple(str(k) for k in key))


def reconcile_people(claims: list[Claim], sources: dict, vocab: Vocabulary | None = None) -> tuple[list[Person], list[Finding]]:
    """People of the corpus and the name and role findings. `sources` maps source id -> Source."""
    vocab = vocab or default_vocabulary()
    people, unexplained = cluster_people(claims, vocab)
    _attach_garbled(people, unexplained, [c for c in claims if c.kind == "title"], vocab)
    paths = {k: s.path for k, s in sources.items()}
    return people, name_findings(people, paths, vocab) + role_findings(people, sources)
