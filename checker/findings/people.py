"""Judge the people of a corpus: name variants (NAME001-003) and conflicting titles (ROLE001)."""

from __future__ import annotations

from checker.claims.claim import Claim, ClaimKind
from checker.corpus import Corpus
from checker.findings.finding import Evidence, Finding
from checker.findings.rules import RULES
from checker.groups.people import Person, _attach_garbled, _given_relation, _words, cluster_people
from checker.values.titles import Title
from checker.values.vocabulary import Vocabulary, default_vocabulary


def _evidence(claim: Claim, corpus: Corpus, flagged: bool) -> Evidence:
    return Evidence.of(claim, corpus.path(claim.source), flagged)


def _reference(person: Person, exclude: set[str], corpus: Corpus, variant: str | None = None) -> list[Evidence]:
    """One mention per other source, preferring the given variant or a full name."""
    out = []
    for source in sorted({m.source for m in person.mentions} - exclude):
        ms = [m for m in person.mentions if m.source == source]
        pick = sorted(ms, key=lambda m: (" ".join(_words(m)) != variant, len(_words(m)) < 2, m.start))[0]
        out.append(_evidence(pick, corpus, False))
    return out


def name_findings(people: list[Person], corpus: Corpus, vocab: Vocabulary) -> list[Finding]:
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
            evidence = [_evidence(m, corpus, True) for m in ms] + _reference(p, out_sources, corpus, major)
            message = (f"{variant} in {', '.join(sorted(out_sources))}; {major} in {len(major_sources)} "
                       f"source{'s' if len(major_sources) != 1 else ''} ({why})")
            findings.append(_finding(rule, major, message, evidence, (variant.lower(), *sorted(out_sources)), {
                "variant": variant, "majority": major, "majority_sources": major_sources, "reason": why}))
        for m, why in p.garbled:
            shown = _words(m)[0] if m.kind == "person" else m.span
            evidence = [_evidence(m, corpus, True)] + _reference(p, {m.source} if m.kind == "person" else set(), corpus, major)
            findings.append(_finding("NAME003", major, f"'{shown}' in {m.source} looks like a garbled {major}", evidence,
                                     (shown.lower(), m.source), {"garbled": shown, "person": major, "reason": why}))
    return findings


def role_findings(people: list[Person], corpus: Corpus) -> list[Finding]:
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
            evidence = [_title_evidence(corpus[claim.source], claim, start, t, True)]
            seen = set()
            for x, c, xt, xs in sorted(p.titles, key=lambda r: (r[1].source, r[3])):
                if c.source in backers and c.source not in seen and x.equivalent(o):
                    seen.add(c.source)
                    evidence.append(_title_evidence(corpus[c.source], c, xs, x, False))
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


def reconcile_people(claims: list[Claim], corpus: Corpus, vocab: Vocabulary | None = None,
                     candidates: list[Claim] = ()) -> tuple[list[Person], list[Finding]]:
    """People of the corpus and the name and role findings."""
    vocab = vocab or default_vocabulary()
    people, unexplained = cluster_people(claims, vocab, candidates)
    _attach_garbled(people, unexplained, [c for c in claims if c.kind is ClaimKind.TITLE], vocab)
    return people, name_findings(people, corpus, vocab) + role_findings(people, corpus)
