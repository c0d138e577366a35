"""ROLE001 role-conflict: a title that conflicts with the title the other sources give a person."""

from __future__ import annotations

from dataclasses import dataclass

from checker.claims.claim import Claim
from checker.findings.context import Context
from checker.findings.explanation import Explanation
from checker.findings.finding import Evidence, Finding
from checker.findings.registry import Rule
from checker.groups.moments import apart, article_dates, source_moments
from checker.values.titles import Title


@dataclass(frozen=True)
class RoleExplanation(Explanation):
    title: str
    normalised: str
    consensus: str
    consensus_sources: tuple[str, ...]
    reason: str


def _title_evidence(source, claim: Claim, title_start: int, title: Title, flagged: bool) -> Evidence:
    """The title and the name together: "Finance Minister Maria Kowalska", "Ana Ruiz, Minister of Health"."""
    start = min(title_start, claim.start)
    end = max(claim.end, title_start + len(title.text))
    return Evidence.at(source, start, end, claim, flagged, normalised=title.normalised)


def check(context: Context) -> list[Finding]:
    corpus = context.corpus
    findings = []
    moment = source_moments(article_dates(corpus))  # a title is judged within its moment
    made = set()  # the pairs of mentions reported one against one
    for p in context.people:
        for t, claim, text, start in p.titles:
            others = [(o, oc, ot) for o, oc, ot, _ in p.titles if oc.source != claim.source]
            # A title another source gives too is not judged, nor one a source's shortened title may be ("the
            # minister"), unless that source names the office in full elsewhere: "the minister" of a source that
            # says "Minister of Transport" too does not excuse "Finance Minister" (Title.backs).
            fuller = {c.source for o, c, _ in others if o.portfolio}
            if any((o.backs(t) or o.equivalent(t) and oc.source not in fuller) and not t.place_for_portfolio(o)
                   for o, oc, _ in others):
                continue
            # Consensus titles: equivalence classes attested by at least two sources: two others, or one other
            # and this source itself at another mention ("Secretary of State Rice" on one line of it and
            # "Secretary of Defense Rice" on another).
            best = None
            for o, _oc, _ot in others:
                why = t.conflicts(o, context.vocabulary.exclusive_offices, context.vocabulary.subordinate_ranks)
                if why is None:
                    continue
                # Backers of the same moment only: a title a year before or after may have been true then.
                backers = sorted({c.source for x, c, _ in others if x.backs(o)
                                  and not apart(claim.source, c.source, moment)})
                itself = any(x.backs(o) for x, c, _, _ in p.titles if c.source == claim.source and c is not claim)
                weight = len(backers) + itself
                if weight >= 2 and (best is None or weight > best[3]):
                    best = (o, why, backers, weight)
            if best is None:
                lone = _one_against_one(p, t, claim, context, moment)
                if lone is not None:
                    # Made once, from the mention that sorts first. Either mention may be the one judged here: a
                    # title another source gives too, of any time, is not judged (above).
                    (ta, ca, xa, sa), (tb, cb, xb, sb) = sorted([(t, claim, text, start), lone],
                                                                key=lambda m: (m[1].source, m[3]))
                    key = (ta.normalised, tb.normalised, ca.source, cb.source, sa, sb)
                    if key in made:
                        continue
                    made.add(key)
                    vocab = context.vocabulary
                    why = ta.conflicts(tb, vocab.exclusive_offices, vocab.subordinate_ranks)
                    evidence = [_title_evidence(corpus[ca.source], ca, sa, ta, False),
                                _title_evidence(corpus[cb.source], cb, sb, tb, False)]
                    where = "elsewhere in it" if ca.source == cb.source else f"in {cb.source}"
                    message = (f"{p.name} is '{xa}' ({ta.normalised}) in {ca.source} and '{xb}' ({tb.normalised}) "
                               f"{where}: {why}; no title has a majority")
                    findings.append(Finding.from_rule(
                        RULE, p.name, message, evidence, RoleExplanation(xa, ta.normalised, tb.normalised, (), why),
                        key=key[:4]))
                continue
            o, why, backers, weight = best
            itself = weight > len(backers)
            evidence = [_title_evidence(corpus[claim.source], claim, start, t, True)]
            seen = set()
            for x, c, _xt, xs in sorted(p.titles, key=lambda r: (r[1].source, r[3])):
                own = itself and c.source == claim.source and c is not claim
                if (c.source in backers or own) and c.source not in seen and x.equivalent(o):
                    seen.add(c.source)
                    evidence.append(_title_evidence(corpus[c.source], c, xs, x, False))
            givers = (f"{claim.source} itself elsewhere and {len(backers)} other source{'s' if len(backers) != 1 else ''}"
                      if itself else f"{len(backers)} other sources")
            message = f"{p.name} is '{text}' in {claim.source}; {givers} give '{o.text}' ({o.normalised}): {why}"
            consensus = tuple(sorted({*backers, *([claim.source] if itself else [])}))
            findings.append(Finding.from_rule(RULE, p.name, message, evidence,
                                              RoleExplanation(text, t.normalised, o.normalised, consensus, why),
                                              key=(t.normalised, claim.source)))
    return findings


def _one_against_one(p, t: Title, claim: Claim, context: Context, moment: dict[str, int]):
    """Two sources that each give the person one of two offices no one holds together ("judge",
    "prosecutor"), or one source that gives both at two of its mentions, and no other source backing
    either: the other mention (its title, claim, text and start), or None. Only the sources of the
    claim's moment count, for either title or against it: in articles written days apart the person
    may have changed office ("chief operating officer", weeks later "chief executive"), and a title of
    another time neither backs nor outweighs one of now. Only such offices: one against one, a
    different portfolio or rank is as often two true titles worded two ways ("Police Commissioner",
    "NYPD Commissioner"; "the head of UNRWA", "the head of the UN Relief and Works Agency")."""
    vocab = context.vocabulary
    now = [(x, c, xt, xs) for x, c, xt, xs in p.titles if c is not claim and not apart(claim.source, c.source, moment)]
    if any(x.equivalent(t) for x, *_ in now):
        return None  # this title has a backer (another source, or this one elsewhere): not one against one
    against = [(x, c, xt, xs) for x, c, xt, xs in now
               if t.conflicts(x, vocab.exclusive_offices, vocab.subordinate_ranks) is not None]
    if len({c.source for _, c, _, _ in against}) != 1:
        return None
    o, oc, _, _ = against[0]
    if any(not x.equivalent(o) for x, *_ in against) \
            or any(x.equivalent(o) for x, c, _, _ in now if c.source != oc.source) \
            or not t.exclusive_of(o, vocab.exclusive_offices):
        return None
    return against[0]


RULE = Rule(
    "ROLE001", "role-conflict", "role", "warning",
    summary="One source gives a person a title that conflicts with the title the other sources give.",
    why="A wrong title misstates who holds which office; synonyms (Foreign Minister = Minister of Foreign Affairs), "
        "acronyms (CIA Director = Central Intelligence Agency Director) and additional titles are not conflicts. "
        "Conflicts are a different portfolio for the same office, a different office at the same rank, the office at "
        "a rank below it (\"assistant coach\" for \"head coach\"), or a portfolio replaced by a place (\"Minister of "
        "Canada\" for \"Finance Minister\"), as word-for-word translation renders titles. Two sources alone that give"
        " two offices no one holds together (\"judge\", \"prosecutor\"), or one source that gives both, are both "
        "quoted, neither flagged: no title has a majority. A title is of its moment: it is judged against sources "
        "whose articles fall in the same run of dates (none more than three days after the one before; an undated "
        "source in every run), since a chief operating officer may be chief executive a year later.",
    example="\"Minister of Health Ana Ruiz\" where other sources have \"Finance Minister Ana Ruiz\".",
    explanation=RoleExplanation, check=check)
