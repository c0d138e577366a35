"""The rule registry and every rule, on hand-made claims, groups, people and bigrams.

No spaCy model, no pipeline, no seed corpus: each test builds the few sources it needs, with
claims whose offsets point at their real text, so the evidence a rule quotes can be checked.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from checker.claims.bigrams import Bigram
from checker.claims.claim import Claim, ClaimKind
from checker.corpus import Corpus, Source
from checker.findings import RULES, SEVERITIES, SEVERITY_RANK, Context, Finding, registry, run_rules
from checker.findings.catalogue import render_rules_markdown, render_rules_text
from checker.findings.explanation import Explanation
from checker.findings.figure_verdict import (
    FigureExplanation,
    UndatedFigureExplanation,
    UpdateExplanation,
    figure_verdict,
)
from checker.findings.names import NameExplanation
from checker.findings.rules import MODULES
from checker.findings.rules.name003 import GarbledExplanation
from checker.findings.rules.role001 import RoleExplanation
from checker.findings.rules.trans001 import TranslationExplanation
from checker.groups.figures import Block, Group, group_claims
from checker.groups.people import Person, _attach_garbled, cluster_people
from checker.values import english
from checker.values.dates import named_weekday, parse_date
from checker.values.numbers import iter_quantities
from checker.values.types import PersonName, Quantity
from checker.values.vocabulary import build_vocabulary, default_vocabulary

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ("NUM001", "NUM002", "NUM003", "NUM004", "NUM005", "NUM006", "DATE001", "DATE002", "NAME001", "NAME002", "NAME003", "NAME004", "ROLE001", "TRANS001",
             "TRANS002")


# --- building honest inputs ---------------------------------------------------------------------


def quantity(text: str, share: bool = True) -> Quantity:
    """The one figure of `text`, as the number grammar reads it ("over 80%" of something: share)."""
    found = list(iter_quantities(text, share_at=lambda _end: share))
    assert len(found) == 1, found
    return found[0][2]


class Article:
    """A source made of sentences, one a line, and claims located in its text."""

    def __init__(self, sid: str, *sentences: str):
        self.sid = sid
        self.sentences = sentences
        self.offsets = []
        pos = 0
        for s in sentences:
            self.offsets.append(pos)
            pos += len(s) + 1
        self.text = "\n".join(sentences) + "\n"
        self.source = Source(sid, f"corpus/{sid}.txt", self.text)

    def locate(self, span: str, sentence: int = 0) -> int:
        i = self.sentences[sentence].index(span)
        return self.offsets[sentence] + i

    def claim(self, kind: ClaimKind, span: str, value, sentence: int = 0, **facets) -> Claim:
        start = self.locate(span, sentence)
        line, column = self.source.line_col(start)
        assert self.text[start : start + len(span)] == span
        return Claim(kind, self.sid, start, start + len(span), line, column, span, self.sentences[sentence], value,
                     **facets)

    def figure(self, span: str, sentence: int = 0, subject: str = "Zorbia", attribute: str = "market",
               **facets) -> Claim:
        facets.setdefault("verb", "hold")  # "Zorbia holds 60% of the market"
        return self.claim(ClaimKind.QUANTITY, span, quantity(span), sentence, subject=subject, attribute=attribute,
                          **facets)

    def date(self, span: str, sentence: int = 0, subject: str = "Zorbia", attribute: str = "talks",
             verb: str = "begin") -> Claim:
        value = parse_date(span)
        assert value is not None, span
        return self.claim(ClaimKind.DATE, span, value, sentence, subject=subject, attribute=attribute, verb=verb)

    def person(self, name: str, sentence: int = 0, title: str | None = None, verb: str | None = None) -> Claim:
        words = name.split()
        value = PersonName(name, tuple(words[:-1]), words[-1])
        titles = ()
        if title is not None:
            t = self.locate(title, sentence)
            titles = ((title, t, t + len(title)),)
        return self.claim(ClaimKind.PERSON, name, value, sentence, titles=titles, verb=verb)

    def title(self, text: str, sentence: int = 0) -> Claim:
        """A title that names no one ("the Vice-Minister of Kowalsk")."""
        t = self.locate(text, sentence)
        return self.claim(ClaimKind.TITLE, text, PersonName(text, (), text), sentence, titles=((text, t, t + len(text)),))

    def bigram(self, text: str, first: str, second: str, sentence: int = 0, window: tuple[str, ...] = ()) -> Bigram:
        start = self.locate(text, sentence)
        return Bigram(self.sid, first, second, start, start + len(text), text, self.sentences[sentence],
                      window or (first, second))


def corpus(*articles: Article) -> Corpus:
    return Corpus(tuple(a.source for a in articles))


def figures_context(*pairs: tuple[Article, list[Claim]]) -> Context:
    """Articles and their figure claims, grouped by the real grouping."""
    claims = [c for _, cs in pairs for c in cs]
    return Context(corpus(*(a for a, _ in pairs)), groups=group_claims(claims))


def market(sid: str, figure: str, lead: str = "Trade was brisk on Monday.") -> tuple[Article, list[Claim]]:
    """An article whose second line says Zorbia holds `figure` of the market."""
    a = Article(sid, lead, f"Zorbia now holds {figure} of the market, officials said.")
    return a, [a.figure(figure, sentence=1)]


def findings_of(code: str, context: Context) -> list[Finding]:
    return RULES[code].check(context)


def people_context(*pairs: tuple[Article, list[Claim]], vocab=None, garbled: bool = False) -> Context:
    vocab = vocab or default_vocabulary()
    claims = [c for _, cs in pairs for c in cs]
    people, unexplained = cluster_people(claims, vocab)
    if garbled:
        _attach_garbled(people, unexplained, [c for c in claims if c.kind is ClaimKind.TITLE], vocab)
    return Context(corpus(*(a for a, _ in pairs)), people=people, vocabulary=vocab)


def minister(sid: str, name: str, title: str = "Finance Minister", tail: str = "said the budget would pass."):
    a = Article(sid, f"{title} {name} {tail}")
    return a, [a.person(name, title=title)]


# --- the registry -------------------------------------------------------------------------------


def test_rules_are_registered_in_catalogue_order():
    assert tuple(RULES) == CATALOGUE
    assert [m.RULE for m in MODULES] == list(RULES.values())


def test_every_rule_module_defines_exactly_one_rule():
    for module in MODULES:
        rules = [v for v in vars(module).values() if isinstance(v, registry.Rule)]
        assert rules == [module.RULE], module.__name__
        assert module.__name__.rsplit(".", 1)[-1] == module.RULE.code.lower()


def test_codes_and_names_are_unique_and_every_rule_is_complete():
    rules = list(RULES.values())
    assert len({r.code for r in rules}) == len({r.name for r in rules}) == len(rules)
    for r in rules:
        assert r.severity in SEVERITIES
        assert callable(r.check)
        assert r.summary and r.why and r.example and r.kind
        assert issubclass(r.explanation, Explanation) and r.explanation is not Explanation


def test_severities_are_ranked_most_severe_first():
    assert SEVERITIES == ("error", "warning", "info")
    assert SEVERITY_RANK == {"error": 0, "warning": 1, "info": 2}


def test_default_severities_and_kinds():
    got = {r.code: (r.kind, r.severity) for r in RULES.values()}
    assert got == {
        "NUM001": ("number", "error"), "NUM002": ("number", "warning"), "NUM003": ("number", "info"),
        "NUM004": ("number", "warning"), "NUM005": ("number", "error"), "NUM006": ("number", "warning"),
        "DATE001": ("date", "error"),
        "DATE002": ("date", "warning"),
        "NAME001": ("name", "error"), "NAME002": ("name", "warning"), "NAME003": ("name", "warning"), "NAME004": ("name", "warning"),
        "ROLE001": ("role", "warning"), "TRANS001": ("translation", "warning"),
        "TRANS002": ("translation", "warning"),
    }


def _noop(context):
    return []


def test_register_refuses_a_duplicate_code():
    before = dict(RULES)
    with pytest.raises(ValueError, match="registered twice"):
        registry.register(replace(RULES["NUM001"], name="another"))
    assert RULES == before


def test_register_refuses_an_unknown_severity():
    rule = registry.Rule("ZZZ001", "bogus", "number", "fatal", "s", "w", "e", check=_noop)
    with pytest.raises(ValueError, match="unknown severity 'fatal'"):
        registry.register(rule)
    assert "ZZZ001" not in RULES


def test_register_refuses_a_rule_without_a_check():
    rule = registry.Rule("ZZZ002", "bogus", "number", "info", "s", "w", "e")
    with pytest.raises(ValueError, match="has no check"):
        registry.register(rule)
    assert "ZZZ002" not in RULES


def test_register_keeps_registration_order(monkeypatch):
    monkeypatch.setattr(registry, "RULES", {})
    b = registry.register(registry.Rule("B001", "b", "x", "info", "s", "w", "e", check=_noop))
    a = registry.register(registry.Rule("A001", "a", "x", "error", "s", "w", "e", check=_noop))
    assert list(registry.RULES) == ["B001", "A001"]
    assert registry.RULES["A001"] is a and registry.RULES["B001"] is b


def test_from_rule_refuses_an_explanation_of_the_wrong_type():
    with pytest.raises(TypeError, match="NUM001 explains its findings with FigureExplanation, not NameExplanation"):
        Finding.from_rule(RULES["NUM001"], "s", "m", [], NameExplanation("a", "b", ("x",), "r"))
    with pytest.raises(TypeError):
        Finding.from_rule(RULES["NAME001"], "s", "m", [], Explanation())


def test_from_rule_takes_kind_and_severity_from_the_rule_and_keys_as_strings():
    rule = RULES["NAME002"]
    f = Finding.from_rule(rule, "Olaf Brandt", "m", [], NameExplanation("Olav Brandt", "Olaf Brandt", ("a",), "r"),
                          key=("olav brandt", 3))
    assert (f.rule, f.kind, f.severity) == ("NAME002", "name", "warning")
    assert f.key == ("olav brandt", "3")
    assert isinstance(f.evidence, tuple)


def test_explanation_to_dict_keeps_field_order_and_lists_tuples():
    e = NameExplanation("Olav Brandt", "Olaf Brandt", ("a", "b"), "spelt")
    assert e.to_dict() == {"variant": "Olav Brandt", "majority": "Olaf Brandt", "majority_sources": ["a", "b"],
                           "reason": "spelt"}
    assert list(e.to_dict()) == ["variant", "majority", "majority_sources", "reason"]
    assert Explanation().to_dict() == {}


def test_run_rules_on_an_empty_context_finds_nothing():
    assert run_rules(Context(Corpus())) == []


def test_docs_rules_md_is_generated_from_the_catalogue():
    assert (ROOT / "docs" / "rules.md").read_bytes() == render_rules_markdown().encode("utf-8")


def test_rules_text_has_one_line_per_rule():
    lines = render_rules_text().splitlines()
    assert len(lines) == len(RULES)
    for line, rule in zip(lines, RULES.values()):
        assert re.split(r"\s{2,}", line, maxsplit=3) == [rule.code, rule.kind, rule.severity,
                                                         f"{rule.name}: {rule.summary}"]
    # In columns: kind, severity and name start at the same place on every line.
    for field in ("kind", "severity", "name"):
        assert len({line.index(f"  {getattr(r, field)}") for line, r in zip(lines, RULES.values())}) == 1, field


def test_markdown_has_one_section_per_rule_in_order():
    md = render_rules_markdown()
    heads = [line[3:].split()[0] for line in md.splitlines() if line.startswith("## ")]
    assert heads == list(CATALOGUE)


# --- the helper itself ---------------------------------------------------------------------------


def test_article_claims_point_at_their_text():
    a, (c,) = market("a", "over 80%")
    assert a.text[c.start : c.end] == "over 80%"
    assert (c.line, c.column) == (2, len("Zorbia now holds ") + 1)
    assert c.sentence == "Zorbia now holds over 80% of the market, officials said."
    assert c.normalised == "(80, 100]%"


# --- NUM001 / NUM002 ------------------------------------------------------------------------------


def test_num001_flags_the_minority_of_non_overlapping_figures():
    ctx = figures_context(market("a", "80%"), market("b", "80%"), market("c", "60%"))
    assert len(ctx.groups) == 1
    (f,) = findings_of("NUM001", ctx)
    assert (f.rule, f.severity, f.kind) == ("NUM001", "error", "number")
    assert f.subject == "Zorbia: market"
    flagged = [e for e in f.evidence if e.flagged]
    assert [(e.source, e.span, e.line, e.column) for e in flagged] == [("c", "60%", 2, 18)]
    assert f.primary.source == "c" and f.primary.path == "corpus/c.txt"
    assert sorted(e.source for e in f.evidence if not e.flagged) == ["a", "b"]
    assert "the majority gives 80%" in f.message
    assert findings_of("NUM002", ctx) == []


def test_num001_explanation():
    ctx = figures_context(market("a", "80%"), market("b", "80%"), market("c", "60%"))
    (f,) = findings_of("NUM001", ctx)
    assert isinstance(f.explanation, FigureExplanation)
    d = f.explanation.to_dict()
    assert list(d) == ["grouped_because", "values", "judgement", "reason", "majority"]
    assert d["values"] == {"80%": ["a", "b"], "60%": ["c"]}
    assert d["judgement"] == "contradict"
    assert d["majority"] == "80%"
    assert "Zorbia" in d["grouped_because"] and "market" in d["grouped_because"]
    assert "do not overlap" in d["reason"]


def test_num001_with_two_sources_has_no_majority_and_flags_neither():
    """One source against one: both sides quoted, neither flagged, and the message says why."""
    ctx = figures_context(market("a", "80%"), market("b", "60%"))
    (f,) = findings_of("NUM001", ctx)
    assert f.explanation.majority is None and f.explanation.to_dict()["majority"] is None
    assert sorted(e.source for e in f.evidence) == ["a", "b"]
    assert not any(e.flagged for e in f.evidence)
    assert f.primary.source == f.evidence[0].source  # the reports point at the first side quoted
    assert "no value has a majority" in f.message and "the majority gives" not in f.message


def test_num001_times_an_event_had_lasted_in_articles_of_different_days_are_not_a_disagreement():
    """"after four days of riots" and "after eight days of riots": each the riots' age when its article
    was written, so undated articles, or articles of different days, do not disagree. Written on one
    day, they do; and a length not said as elapsed ("lasted four days") is compared as ever."""
    def riots(sid: str, days: str, words: str = "Marrowby was calm after {} of riots.") -> tuple[Article, list[Claim]]:
        a = Article(sid, words.format(days))
        return a, [a.figure(days, subject="Marrowby", attribute="riot", verb="be")]

    assert findings_of("NUM001", figures_context(riots("a", "four days"), riots("b", "eight days"))) == []
    (a, ca), (b, cb) = riots("a", "four days"), riots("b", "eight days")
    for x in (a, b):
        x.source = replace(x.source, meta={"date": "2024-12-14"})
    assert len(findings_of("NUM001", figures_context((a, ca), (b, cb)))) == 1
    lasted = "The riots in Marrowby lasted {}."
    assert len(findings_of("NUM001", figures_context(riots("a", "four days", lasted),
                                                     riots("b", "eight days", lasted)))) == 1


def test_num002_tie_flags_neither():
    (f,) = findings_of("NUM002", figures_context(market("a", "over 60%"), market("b", "more than 50%")))
    assert not any(e.flagged for e in f.evidence) and len(f.evidence) == 2
    assert f.explanation.majority is None and "no value has a majority" in f.message


def test_a_two_against_one_figure_still_flags_the_one():
    (f,) = findings_of("NUM001", figures_context(market("a", "80%"), market("b", "80%"), market("c", "60%")))
    assert [e.source for e in f.evidence if e.flagged] == ["c"]
    assert f.explanation.majority == "80%" and "the majority gives 80%" in f.message


@pytest.mark.parametrize("x, y", [
    ("over 80%", "more than 80%"),  # the same bound, said two ways
    ("80%", "80.2%"),  # one is the other rounded
    ("80%", "80%"),
    ("about 80%", "80%"),  # a more precise figure within an approximate one
])
def test_agreeing_figures_give_no_finding(x, y):
    ctx = figures_context(market("a", x), market("b", y))
    assert len(ctx.groups) == 1
    assert figure_verdict(ctx.groups[0]) is None
    assert run_rules(ctx) == []


def test_num002_overlapping_but_different_figures_are_a_warning_not_an_error():
    ctx = figures_context(market("a", "over 80%"), market("b", "more than 70%"))
    assert findings_of("NUM001", ctx) == []
    (f,) = findings_of("NUM002", ctx)
    assert (f.severity, f.explanation.judgement) == ("warning", "diverge")
    assert "overlap" in f.explanation.reason
    assert [f.rule for f in run_rules(ctx)] == ["NUM002"]


def test_a_contradiction_outweighs_a_divergence_in_one_group():
    ctx = figures_context(market("a", "over 80%"), market("b", "more than 70%"), market("c", "50%"))
    assert [f.rule for f in run_rules(ctx)] == ["NUM001"]


def test_a_source_giving_two_incompatible_values_itself_gives_no_finding():
    a = Article("a", "Zorbia held 80% of the market in May.", "Zorbia held 60% of the market in June.")
    b, bc = market("b", "80%")
    ctx = figures_context((a, [a.figure("80%", 0), a.figure("60%", 1)]), (b, bc))
    assert len(ctx.groups) == 1 and len(ctx.groups[0].claims) == 3
    assert figure_verdict(ctx.groups[0]) is None
    assert run_rules(ctx) == []


def test_a_source_at_odds_with_itself_and_with_every_other_source_is_flagged():
    """Its headline gives the figure every other source gives, its body another no one else gives
    (one occurrence changed): the odd one is the outlier, and the reason says the source gives both."""
    a = Article("a", "Zorbia now holds 80% of the market.", "Zorbia now holds 70% of the market, officials said.")
    ctx = figures_context((a, [a.figure("80%", 0), a.figure("70%", 1)]), market("b", "80%"), market("c", "80%"))
    (f,) = findings_of("NUM001", ctx)
    assert [(e.source, e.span) for e in f.evidence if e.flagged] == [("a", "70%")]
    assert "a gives the figure the others give" in f.explanation.reason
    # Not with one other source behind the shared figure, nor for two figures far apart, nor for two time frames.
    assert findings_of("NUM001", figures_context((a, [a.figure("80%", 0), a.figure("70%", 1)]), market("b", "80%"))) == []
    far = Article("a", "Zorbia now holds 80% of the market.", "Zorbia now holds 8% of the market, officials said.")
    assert findings_of("NUM001", figures_context((far, [far.figure("80%", 0), far.figure("8%", 1)]),
                                                  market("b", "80%"), market("c", "80%"))) == []
    both = Article("a", "Zorbia now holds 80% of the market, up from 70% of the market.")
    assert findings_of("NUM001", figures_context((both, [both.figure("80%"), both.figure("70%")]),
                                                  market("b", "80%"), market("c", "80%"))) == []
    dead = Article("a", "The blast killed 2 people.", "In all 3 people died, police said.")
    others = [Article(sid, "The blast killed 2 people.") for sid in ("b", "c")]
    toll = [(d, [d.figure(f, i, subject=None, attribute=None, frame="dead")
                 for i, f in enumerate(("2 people", "3 people")[: len(d.sentences)])]) for d in (dead, *others)]
    assert findings_of("NUM001", figures_context(*toll)) == []  # counts of people nest ("three with the gunman")
    june = replace(a.figure("70%", 1), near_dates=("june",))
    assert findings_of("NUM001", figures_context((a, [replace(a.figure("80%", 0), near_dates=("may",)), june]),
                                                  market("b", "80%"), market("c", "80%"))) == []


def test_figures_of_different_subjects_or_clashing_modifiers_are_not_compared():
    a = Article("a", "Zorbia holds 80% of the market.")
    b = Article("b", "Varnia holds 60% of the market.")
    c = Article("c", "Zorbia holds 60% of the market.")
    ctx = figures_context((a, [a.figure("80%", modifiers=("export",))]), (b, [b.figure("60%", subject="Varnia")]),
                          (c, [c.figure("60%", modifiers=("domestic",))]))
    assert ctx.groups == []
    assert run_rules(ctx) == []


def test_num001_subject_shows_modifiers_but_the_anchor_does_not():
    a = Article("a", "Zorbia holds 80% of the regional market.")
    b = Article("b", "Zorbia holds 60% of the regional market.")
    ctx = figures_context((a, [a.figure("80%", modifiers=("regional",))]),
                          (b, [b.figure("60%", modifiers=("regional",))]))
    (f,) = findings_of("NUM001", ctx)
    assert f.subject == "Zorbia: regional market"
    assert f.anchor == "Zorbia: market"


def test_figure_rules_ignore_groups_of_the_other_kind():
    a = Article("a", "The talks began on June 9.")
    b = Article("b", "The talks began on June 12.")
    ctx = figures_context((a, [a.date("June 9")]), (b, [b.date("June 12")]))
    assert findings_of("NUM001", ctx) == findings_of("NUM002", ctx) == []
    q = figures_context(market("a", "80%"), market("b", "60%"))
    assert findings_of("DATE001", q) == []


def test_a_hand_built_group_is_judged_like_a_grouped_one():
    (a, ac), (b, bc) = market("a", "80%"), market("b", "60%")
    group = Group(Block("quantity", "percent", "market", "", "Zorbia"), (*ac, *bc), "by hand")
    ctx = Context(corpus(a, b), groups=[group])
    (f,) = findings_of("NUM001", ctx)
    assert f.explanation.grouped_because == "by hand"


# --- fingerprints ---------------------------------------------------------------------------------


def test_fingerprint_is_stable_when_an_agreeing_source_is_added():
    base = [market("a", "80%"), market("b", "60%"), market("c", "80%")]
    (f,) = findings_of("NUM001", figures_context(*base))
    (g,) = findings_of("NUM001", figures_context(*base, market("d", "80%", lead="Markets opened late.")))
    assert f.fingerprint == g.fingerprint
    assert len(g.evidence) == len(f.evidence) + 1
    (h,) = findings_of("NUM001", figures_context(*base, market("d", "60%")))
    assert h.fingerprint == f.fingerprint  # same values stated, though the majority is gone


def test_fingerprint_changes_with_the_values_stated():
    (f,) = findings_of("NUM001", figures_context(market("a", "80%"), market("b", "60%")))
    (g,) = findings_of("NUM001", figures_context(market("a", "80%"), market("b", "55%")))
    assert f.fingerprint != g.fingerprint
    assert len(f.fingerprint) == 16


def test_findings_sort_errors_before_warnings():
    err = findings_of("NUM001", figures_context(market("a", "80%"), market("b", "60%")))[0]
    warn = findings_of("NUM002", figures_context(market("a", "over 80%"), market("b", "more than 70%")))[0]
    assert sorted([warn, err], key=Finding.sort_key) == [err, warn]


# --- DATE001 --------------------------------------------------------------------------------------


def talks(sid: str, when: str):
    a = Article(sid, "Delegations arrived in the capital.", f"The talks began on {when}, officials said.")
    return a, [a.date(when, sentence=1)]


def test_date001_flags_a_different_day():
    ctx = figures_context(talks("a", "June 9"), talks("b", "June 9"), talks("c", "June 12"))
    (f,) = findings_of("DATE001", ctx)
    assert (f.severity, f.kind) == ("error", "date")
    assert f.subject == "Zorbia: talks"  # the noun every source gives the event (its verb keys the group)
    assert [(e.source, e.span, e.line) for e in f.evidence if e.flagged] == [("c", "June 12", 2)]
    assert f.explanation.majority == "????-06-09"
    assert run_rules(ctx) == [f]


def test_date001_flags_a_different_year():
    ctx = figures_context(talks("a", "June 9, 2024"), talks("b", "June 9, 2025"))
    (f,) = findings_of("DATE001", ctx)
    assert set(f.explanation.to_dict()["values"]) == {"2024-06-09", "2025-06-09"}


def quake(sid: str, *days: str):
    """An article that dates the quake and, maybe, its aftershocks."""
    a = Article(sid, "A quake shook Marrowby island.", *(f"The island was shaken on {d}." for d in days))
    return a, [a.date(d, sentence=i + 1, attribute="island", verb="shake") for i, d in enumerate(days)]


def test_date001_a_lone_date_against_most_sources_where_some_date_two_moments():
    """The quake on June 9 and aftershocks on June 10 in two articles; the others give June 9, and one
    gives June 12 only: the lone date is flagged against the majority, the aftershocks stand."""
    ctx = figures_context(quake("a", "June 9", "June 10"), quake("b", "June 9", "June 10"), quake("c", "June 9"),
                          quake("d", "June 12"), quake("e", "June 9-10"))  # e's days hold June 9: no clash
    (f,) = findings_of("DATE001", ctx)
    assert [(e.source, e.span) for e in f.evidence if e.flagged] == [("d", "June 12")]
    assert {e.span for e in f.evidence} == {"June 9", "June 12"}
    assert "d gives only ????-06-12, which no other source gives, where 3 of 5 give ????-06-09" in f.message
    # Two lone dates: the moments cannot be told apart.
    assert findings_of("DATE001", figures_context(quake("a", "June 9", "June 10"), quake("b", "June 9", "June 10"),
                                                  quake("c", "June 12"), quake("d", "June 13"))) == []


def turnout(sid: str, *figures: str):
    """An article that gives this vote's turnout and, maybe, the last vote's or a region's."""
    a = Article(sid, "Voters backed the change.", *(f"Turnout was {f}." for f in figures))
    return a, [a.figure(f, sentence=i + 1, subject=None, attribute="turnout", verb="be", frame="turnout")
               for i, f in enumerate(figures)]


def test_num001_a_lone_figure_against_most_sources_where_some_give_two_of_the_frame():
    """This vote's turnout of 61.8% beside the last vote's 47.2% in two articles and a region's 58.4% in one; the
    others give 61.8% and one gives 68.1% only: the lone figure is flagged against the majority, as a lone date
    is, and the other votes' figures stand."""
    ctx = figures_context(turnout("a", "61.8%", "47.2%"), turnout("b", "61.8%", "47.2%"), turnout("c", "68.1%"),
                          turnout("d", "58.4%", "61.8%"), turnout("e", "61.8%"))
    (f,) = findings_of("NUM001", ctx)
    assert [(e.source, e.span) for e in f.evidence if e.flagged] == [("c", "68.1%")]
    assert {e.span for e in f.evidence} == {"61.8%", "68.1%"}
    assert "c gives only 68.1%, which no other source gives, where 4 of 5 give 61.8%" in f.message
    # Far from what most give, it is another figure, not this one misreported.
    assert findings_of("NUM001", figures_context(
        turnout("a", "61.8%", "47.2%"), turnout("b", "61.8%", "47.2%"), turnout("c", "6.5%"),
        turnout("d", "58.4%", "61.8%"), turnout("e", "61.8%"))) == []

    # Ages of someone described: "a 12-year-old girl and a 15-year-old girl" in most, "a 14-year-old girl" (another
    # case's) in one: two people in a source may be more in the story, and the lone age is no misprint of theirs.
    def girls(sid: str, *ages: str):
        a = Article(sid, "The leader was sentenced.", *(f"He assaulted a {n}-year-old girl." for n in ages))
        return a, [a.figure(f"{n}-year", sentence=i + 1, subject="the unnamed girl", attribute="age", verb="assault")
                   for i, n in enumerate(ages)]

    assert findings_of("NUM001", figures_context(girls("a", "12", "15"), girls("b", "12", "15"), girls("c", "12"),
                                                 girls("d", "14"), girls("e", "12"))) == []


def test_date001_one_named_holders_event_told_with_two_nouns_and_two_days_is_reported_without_a_majority():
    """"Zorbia announced the deal on Monday" / "Zorbia announced the acquisition on Saturday": one
    announcement of one named holder; with no majority, both sides quoted and neither flagged. Held by no
    one named, the two could be two events, and are not judged."""
    def announced(sid: str, when: str, noun: str, subject: str = "Zorbia"):
        a = Article(sid, "Markets rose.", f"It announced the {noun} on {when}.")
        return a, [a.date(when, sentence=1, subject=subject, attribute=noun, verb="announce")]

    (f,) = findings_of("DATE001", figures_context(announced("a", "June 9", "deal"), announced("b", "June 14", "acquisition")))
    assert not [e for e in f.evidence if e.flagged] and "no value has a majority" in f.message
    assert findings_of("DATE001", figures_context(announced("a", "June 9", "deal", None),
                                                  announced("b", "June 14", "acquisition", None))) == []


def test_date001_values_at_odds_only_with_each_other_are_not_set_against_the_majority():
    """"Released Wednesday" in three undated articles; "released on Oct. 23" and "release Dec. 9" in two
    others (the last such patch, the monthly one): days of no known year cannot be set against a weekday,
    and the two at odds with each other are no outliers of the majority."""
    from checker.values.dates import resolve

    def released(sid: str, when: str):
        a = Article(sid, "Markets rose.", f"Zorbia released the patch on {when}.")
        value = resolve(when, None) or parse_date(when)
        return a, [a.claim(ClaimKind.DATE, when, value, 1, subject="Zorbia", attribute="patch", verb="release")]

    ctx = figures_context(released("a", "Wednesday"), released("b", "Wednesday"), released("c", "Wednesday"),
                          released("d", "Oct. 23"), released("e", "Dec. 9"))
    assert findings_of("DATE001", ctx) == []
    ctx = figures_context(released("a", "Wednesday"), released("b", "Wednesday"), released("c", "Wednesday"),
                          released("d", "Tuesday"))
    assert [e.source for f in findings_of("DATE001", ctx) for e in f.evidence if e.flagged] == ["d"]


def test_date001_leaves_aside_another_time_the_event_happened():
    """The vote on December 15, 2025 in three sources, December 16 in one; three of them also date the vote
    before, in December 2020, which a day of no year ("December 15", either time's) groups with the rest: that
    other time is left aside, and the day misreported is flagged."""
    ctx = figures_context(quake("a", "December 15, 2025", "December 2020"), quake("b", "December 15, 2025"),
                          quake("c", "December 15, 2025", "December 2020"),
                          quake("d", "December 16, 2025", "December 2020"), quake("e", "December 15"))
    (f,) = findings_of("DATE001", ctx)
    assert [(e.source, e.span) for e in f.evidence if e.flagged] == [("d", "December 16, 2025")]
    assert "2020-12-01/31 left aside: too far from the dates most sources give to be one of them misreported" \
        in f.message
    # One source's date years off is another time too ("in contrast with the December 2020 election"); a slip of
    # the year's digits is not, and is flagged. ("December 16", of no year, joins them all, and is flagged.)
    def flagged(day: str) -> list[str]:
        ctx = figures_context(quake("a", "December 15, 2025"), quake("b", "December 15, 2025"),
                              quake("c", "December 15, 2025"), quake("e", "December 16"), quake("d", day))
        return sorted(e.span for f in findings_of("DATE001", ctx) for e in f.evidence if e.flagged)
    assert flagged("December 2020") == ["December 16"]
    assert flagged("December 15, 2052") == ["December 15, 2052", "December 16"]
    # Two sets of dates given by as many sources (four each): neither is the event's, nothing is left aside
    # (December 2021, a slip of 2020's digits, would be flagged against the rest were 2025's), and the sources
    # that give both make the group two events'.
    tie = figures_context(quake("a", "December 15, 2025", "December 2020"), quake("b", "December 15, 2025"),
                          quake("h", "December 15, 2025"), quake("c", "December 16, 2025", "December 2020"),
                          quake("e", "December 2020"), quake("g", "December 2021"), quake("f", "December 15"))
    assert findings_of("DATE001", tie) == []


def test_date001_a_day_told_in_a_time_zone_is_not_set_against_the_day_next_to_it():
    """"Saturday (local time)" in one source, "early Saturday" in a second, "Friday" in a third: once a source
    tells the day in a zone, a day apart is one moment told in two zones (the pair is judged as the source that
    names the zone states it). Two days apart, or with no zone named, the day is flagged."""
    from checker.values.dates import resolve

    def announced(sid: str, when: str, zone: str = ""):
        a = Article(sid, "Markets rose.", f"Zorbia announced the tests' end {when}.")
        value = replace(resolve(when, None), zone=zone)
        return a, [a.claim(ClaimKind.DATE, when, value, sentence=1, subject="Zorbia", attribute="end",
                           verb="announce")]

    def flagged(last: str, zone: str = "local time") -> list[str]:
        ctx = figures_context(announced("a", "early Saturday"), announced("b", "Saturday", zone),
                              announced("c", last))
        return [e.span for f in findings_of("DATE001", ctx) for e in f.evidence if e.flagged]

    assert flagged("Friday") == []
    assert flagged("Friday", zone="") == ["Friday"]
    assert flagged("Thursday") == ["Thursday"]


@pytest.mark.parametrize("x, y", [("June 9", "June 9-10"), ("June 9", "June 9, 2025")])
def test_overlapping_dates_are_not_contradictions(x, y):
    ctx = figures_context(talks("a", x), talks("b", y))
    assert findings_of("DATE001", ctx) == []


# --- NAME001 / NAME002 ----------------------------------------------------------------------------


def test_name001_two_first_names_one_source_gives_in_full_are_two_people():
    """"Minister of Railways Lidia Strommer" and "Aurel Strommer, who is no relation": one source names both, so a
    title they share in other sources makes them no one person."""
    def both(sid: str):
        a = Article(sid, "Minister Lidia Strommer visited the site.", "Minister Aurel Strommer, no relation, stayed.")
        return a, [a.person("Lidia Strommer", title="Minister"), a.person("Aurel Strommer", sentence=1,
                                                                              title="Minister")]

    ctx = people_context(minister("a", "Lidia Strommer", title="Minister"), minister("b", "Lidia Strommer",
                         title="Minister"), minister("c", "Aurel Strommer", title="Minister"))
    assert [f.rule for f in findings_of("NAME001", ctx)] == ["NAME001"]  # apart, by surname and title: one person
    ctx = people_context(both("a"), both("b"), minister("c", "Lidia Strommer", title="Minister"))
    assert findings_of("NAME001", ctx) == [] and len(ctx.people) == 2


@pytest.mark.parametrize("one, other, rule", [
    ("Maren Tolliver", "Karen Tolliver", "NAME001"),  # another first letter: another name
    ("Catherine Gomes", "Katherine Gomes", "NAME002"),  # a first letter that sounds alike: a spelling
    ("Yiannis Okafor", "Giannis Okafor", None),  # one name romanised two ways
])
def test_a_first_name_with_another_first_letter_is_another_name_unless_it_sounds_alike(one, other, rule):
    ctx = people_context(minister("a", one), minister("b", one), minister("c", other))
    found = [f.rule for code in ("NAME001", "NAME002") for f in findings_of(code, ctx)]
    assert found == ([rule] if rule else [])


def test_name001_a_different_first_name_is_an_error_against_the_majority():
    ctx = people_context(minister("a", "Maria Kowalska"), minister("b", "Maria Kowalska"),
                         minister("c", "Anna Kowalska"))
    assert len(ctx.people) == 1
    (f,) = findings_of("NAME001", ctx)
    assert (f.severity, f.subject) == ("error", "Maria Kowalska")
    assert [(e.source, e.span, e.column) for e in f.evidence if e.flagged] == [("c", "Anna Kowalska", 18)]
    assert sorted(e.source for e in f.evidence if not e.flagged) == ["a", "b"]
    assert isinstance(f.explanation, NameExplanation)
    assert f.explanation.to_dict() == {"variant": "Anna Kowalska", "majority": "Maria Kowalska",
                                       "majority_sources": ["a", "b"],
                                       "reason": "first name 'Anna' against 'Maria'; the same person by surname and title"}
    assert findings_of("NAME002", ctx) == []


def test_different_first_names_without_a_shared_title_are_two_people():
    ctx = people_context(minister("a", "Maria Kowalska"), minister("b", "Maria Kowalska"),
                         minister("c", "Anna Kowalska", title="Health Minister"))
    assert len(ctx.people) == 2
    assert run_rules(ctx) == []


def test_name002_a_spelling_variant_is_a_warning():
    ctx = people_context(minister("a", "Maria Kowalska"), minister("b", "Maria Kowalska"),
                         minister("c", "Marya Kowalska"))
    (f,) = findings_of("NAME002", ctx)
    assert (f.severity, f.subject, f.primary.span, f.primary.source) == ("warning", "Maria Kowalska",
                                                                         "Marya Kowalska", "c")
    assert f.explanation.reason == "spelt 'Marya' against 'Maria'"
    assert findings_of("NAME001", ctx) == []


@pytest.mark.parametrize("variant, usual", [("Olaf Brant", "Olaf Brandt"), ("Catherine Moore", "Katherine Moore")])
def test_name002_catalogue_examples_are_spellings(variant, usual):
    """The catalogue's examples are what the rule reports: with or without a title to agree."""
    ctx = people_context(minister("a", usual), minister("b", usual), minister("c", variant))
    assert [f.rule for f in run_rules(ctx)] == ["NAME002"]
    bare = people_context(*[(art, [replace(c, titles=()) for c in cs])
                            for art, cs in (minister("a", usual), minister("b", usual), minister("c", variant))])
    assert [f.rule for f in run_rules(bare)] == ["NAME002"]


def test_name002_a_surname_spelling_variant():
    ctx = people_context(minister("a", "Maria Kowalska"), minister("b", "Maria Kowalska"),
                         minister("c", "Maria Kowalsky"))
    (f,) = findings_of("NAME002", ctx)
    assert f.explanation.variant == "Maria Kowalsky"
    assert f.explanation.reason == "spelt 'Kowalsky' against 'Kowalska'"
    assert "Maria Kowalsky in c; Maria Kowalska in 2 sources" in f.message


@pytest.mark.parametrize("usual, inflected", [("Maria Kowalska", "Maria Kowalskas"),
                                                ("Tom Price", "Tom Price's"), ("Ada Jones", "Ada Joneses")])
def test_name002_a_plural_or_possessive_ending_is_no_spelling(usual, inflected):
    """"the latest MacBook Pros", "EYP Missions emphasis": a name with the ending running text gives it."""
    ctx = people_context(minister("a", usual), minister("b", usual), minister("c", inflected))
    assert findings_of("NAME002", ctx) == []
    # The ending is read only on its own: another letter changed as well is a spelling.
    misspelt = inflected.replace("Kowalskas", "Kowalsks")
    if misspelt != inflected:
        assert findings_of("NAME002", people_context(minister("a", usual), minister("b", usual),
                                                     minister("c", misspelt)))


@pytest.mark.parametrize("one, other, reason", [
    ("Marika Lenz", "Marica Lenz", "spelt 'Marika' against 'Marica'"),  # the first name
    ("Maria Kowalsky", "Maria Kowalska", "spelt 'Kowalsky' against 'Kowalska'"),  # the surname
])
def test_name002_one_source_against_one_flags_neither(one, other, reason):
    """Two spellings, one source each: both quoted, neither flagged, and no spelling has a majority."""
    ctx = people_context(minister("a", one), minister("b", other))
    (f,) = findings_of("NAME002", ctx)
    assert sorted((e.source, e.span) for e in f.evidence) == [("a", one), ("b", other)]
    assert not any(e.flagged for e in f.evidence)
    assert "no spelling has a majority" in f.message
    assert "in 1 source" not in f.message  # neither side is set up as the usual one
    assert isinstance(f.explanation, NameExplanation)
    d = f.explanation.to_dict()
    assert d["majority"] is None and d["majority_sources"] == []
    assert d["sides"] == {one: ["a"], other: ["b"]}
    assert (d["variant"], d["reason"]) == (one, reason) and f.subject == other  # the alphabetical first names it


def test_name001_one_source_against_one_flags_neither():
    ctx = people_context(minister("a", "Maria Kowalska"), minister("b", "Anna Kowalska"))
    (f,) = findings_of("NAME001", ctx)
    assert f.severity == "error" and not any(e.flagged for e in f.evidence)
    assert {e.span for e in f.evidence} == {"Maria Kowalska", "Anna Kowalska"}
    assert "no name has a majority" in f.message and f.explanation.majority is None


def test_a_two_against_one_name_still_flags_the_one():
    ctx = people_context(minister("a", "Marika Lenz"), minister("b", "Marika Lenz"), minister("c", "Marica Lenz"))
    (f,) = findings_of("NAME002", ctx)
    assert [(e.source, e.span) for e in f.evidence if e.flagged] == [("c", "Marica Lenz")]
    assert f.explanation.majority == "Marika Lenz" and f.explanation.majority_sources == ("a", "b")
    assert "has a majority" not in f.message and "Marika Lenz in 2 sources" in f.message


def test_the_majority_name_is_the_one_most_sources_give_and_mentions_only_name_the_subject():
    d = Article("d", "Finance Minister Marya Kowalska spoke.", "Marya Kowalska left early.")
    twice = (d, [d.person("Marya Kowalska", 0, title="Finance Minister"), d.person("Marya Kowalska", 1)])
    pairs = [minister("a", "Marya Kowalska"), minister("b", "Maria Kowalska"), minister("c", "Maria Kowalska")]
    # Two sources each; Marya has three mentions against two: it names the person, but has no majority.
    (f,) = findings_of("NAME002", people_context(*pairs, twice))
    assert f.subject == "Marya Kowalska"
    assert not any(e.flagged for e in f.evidence) and {e.source for e in f.evidence} == {"a", "b", "c", "d"}
    assert f.explanation.majority is None and "no spelling has a majority" in f.message
    # With one mention each in two sources, alphabetical order names the person; still no majority.
    (g,) = findings_of("NAME002", people_context(*pairs, minister("d", "Marya Kowalska")))
    assert g.subject == "Maria Kowalska"
    assert not any(e.flagged for e in g.evidence)
    # A third source decides, whatever the mentions.
    (h,) = findings_of("NAME002", people_context(*pairs, twice, minister("e", "Maria Kowalska")))
    assert h.subject == "Maria Kowalska"
    assert [(e.source, e.line) for e in h.evidence if e.flagged] == [("a", 1), ("d", 1), ("d", 2)]


def test_spellings_the_vocabulary_accepts_are_not_flagged():
    pairs = (minister("a", "Maria Kowalska"), minister("b", "Maria Kowalska"), minister("c", "Maria Kowalsky"))
    vocab = build_vocabulary(spellings={"Kowalska": ["Kowalsky"]})
    assert findings_of("NAME002", people_context(*pairs, vocab=vocab)) == []
    assert len(findings_of("NAME002", people_context(*pairs))) == 1


def test_a_name_written_without_its_accent_is_the_same_name():
    pairs = (minister("a", "Lucía Ferrant"), minister("b", "Lucía Ferrant"), minister("c", "Lucia Ferrant"),
             minister("d", "Lucía Pérez", tail="spoke."), minister("e", "Lucia Perez", tail="spoke."))
    assert findings_of("NAME002", people_context(*pairs)) == []
    # Beside a surname spelt otherwise, the accent joins the names: the surname is the slip.
    pairs = (minister("a", "Lucía Ferrant"), minister("b", "Lucía Ferrant"), minister("c", "Lucia Ferrand"))
    (f,) = findings_of("NAME002", people_context(*pairs))
    assert f.primary.span == "Lucia Ferrand" and "'Ferrand' against 'Ferrant'" in f.message


def test_a_surname_with_another_first_letter_is_a_slip_beside_the_same_first_name():
    pairs = (minister("a", "Joris Feldane"), minister("b", "Joris Feldane"), minister("c", "Joris Veldane"))
    (f,) = findings_of("NAME002", people_context(*pairs))
    assert f.primary.span == "Joris Veldane" and "'Veldane' against 'Feldane'" in f.message
    # Another first name too, or a surname short enough that one letter makes another: other people.
    assert findings_of("NAME002", people_context(minister("a", "Joris Feldane"), minister("b", "Joris Feldane"),
                                                 minister("c", "Anton Veldane"))) == []
    assert findings_of("NAME002", people_context(minister("a", "Joris Lee"), minister("b", "Joris Lee"),
                                                 minister("c", "Joris Kee"))) == []


def test_a_doubled_letter_written_once_beside_another_slip_is_one_name():
    """"Tarov" for "Tarrow": the doubled "r" written once and "w" for "v", beside the same first name."""
    pairs = (minister("a", "Rosalind Tarrow"), minister("b", "Rosalind Tarrow"), minister("c", "Rosalind Tarov"))
    (f,) = findings_of("NAME002", people_context(*pairs))
    assert f.primary.span == "Rosalind Tarov" and "'Tarov' against 'Tarrow'" in f.message
    assert findings_of("NAME002", people_context(minister("a", "Rosalind Tarrow"), minister("b", "Rosalind Tarrow"),
                                                 minister("c", "Anton Tarov"))) == []


def test_a_surname_alone_counts_for_the_full_name_it_belongs_to():
    # Two sources name the painter by her surname alone, one in full: "Vaskova" has three sources against one.
    pairs = (minister("a", "Ermina Vaskova"), minister("b", "Ermina Vaskowa"),
             minister("c", "Vaskova"), minister("d", "Vaskova"))
    (f,) = findings_of("NAME002", people_context(*pairs))
    assert f.subject == "Ermina Vaskova" and [e.source for e in f.evidence if e.flagged] == ["b"]
    assert "Ermina Vaskova in 3 sources, 2 of them by the surname alone" in f.message
    # A surname both full names share decides nothing: no majority.
    pairs = (minister("a", "Ermina Vaskova"), minister("b", "Ermine Vaskova"), minister("c", "Vaskova"))
    (g,) = findings_of("NAME002", people_context(*pairs))
    assert not any(e.flagged for e in g.evidence)


def test_w_for_v_is_one_outlets_spelling_unless_the_name_shows_a_romanisation():
    # "Vaskowa" among "Vaskova"s is how a German or Polish desk writes the name, not how the coverage does.
    pairs = (minister("a", "Ermina Vaskova"), minister("b", "Ermina Vaskova"), minister("c", "Ermina Vaskowa"))
    (f,) = findings_of("NAME002", people_context(*pairs))
    assert f.primary.span == "Ermina Vaskowa" and "'Vaskowa' against 'Vaskova'" in f.message
    # A name both write with a sign of romanisation (a Slavic "-ov") is one name read two ways.
    pairs = (minister("a", "Vladimir Okarov"), minister("b", "Vladimir Okarov"), minister("c", "Wladimir Okarov"))
    assert findings_of("NAME002", people_context(*pairs)) == []


@pytest.mark.parametrize("usual, other, misspelt", [
    ("Heidar Okafor", "Heydar Okafor", "Heydar Okaffor"), ("Giannis Okafor", "Yiannis Okafor", "Yiannis Okafer"),
    ("Ali Askar", "Ali Askhar", "Ali Askhaar"), ("Elias Okafor", "Ilias Okafor", "Ilias Okafour"),
    ("Vladimir Okarov", "Wladimir Okarov", "Wladimir Okarow"), ("Ali Younis", "Ali Yunis", "Ali Yunnis"),
])
def test_one_name_romanised_two_ways_is_no_spelling_variant(usual, other, misspelt):
    pairs = (minister("a", usual), minister("b", usual), minister("c", other))
    assert findings_of("NAME002", people_context(*pairs)) == []
    # A letter changed beside the romanisation is still a misspelling.
    (f,) = findings_of("NAME002", people_context(minister("a", usual), minister("b", usual), minister("c", misspelt)))
    assert f.primary.span == misspelt


def test_an_english_silent_gh_lost_is_a_misspelling_not_a_romanisation():
    """"gh" read as "g" romanises an Arabic or Persian name ("Ghassan", "Gassan"); English writes "gh" before "t"
    silent ("Wright"), and "Fenwrigt" is a misspelling of "Fenwright"."""
    (f,) = findings_of("NAME002", people_context(minister("a", "Samuel Fenwright"), minister("b", "Samuel Fenwright"),
                                                 minister("c", "Samuel Fenwrigt")))
    assert f.primary.span == "Samuel Fenwrigt"
    assert findings_of("NAME002", people_context(minister("a", "Ghassan Okafor"), minister("b", "Ghassan Okafor"),
                                                 minister("c", "Gassan Okafor"))) == []


@pytest.mark.parametrize("usual, other", [
    ("Kostas Mouzakis", "Costas Mouzakis"), ("Khassan Dudaev", "Khasan Dudaev"),
    ("Kurbandurdy Mukhtarov", "Gurbandurdi Mukhtarov"), ("Dimitrios Okafor", "Dimitris Okafor"),
    ("Rustam Mukhamedov", "Rustam Muhamedov"), ("Oleksiy Tymchenko", "Oleksiy Timchenko"),
])
def test_a_name_with_a_romanisation_sign_romanised_loosely_is_no_spelling_variant(usual, other):
    """An initial c, k or g, a "y" read as "i", a "kh" read as "h", a doubled letter: romanisation in a name
    both sources write with a romanisation sign ("ou", "kh", a surname's "-ov", "-enko"); the Greek short form
    "-is" for "-ios" in any name."""
    ctx = people_context(minister("a", usual), minister("b", usual), minister("c", other))
    assert len(ctx.people) == 1 and run_rules(ctx) == []


@pytest.mark.parametrize("usual, other", [
    ("Katherine Moore", "Catherine Moore"), ("Tomas Vellacott", "Tomas Vellacot"), ("Ali Younis", "Ali Yunnis"),
    ("Kostas Mouzakis", "Costas Mouzakos"), ("Kostas Mouzakis", "Kostas Mouzzaki"),
    ("Lynn Smyth", "Lynn Smith"), ("Rustam Mukhamedov", "Rustam Mukhamedova"),
])
def test_loose_romanisation_needs_a_sign_in_both_names_and_nothing_else_changed(usual, other):
    ctx = people_context(minister("a", usual), minister("b", usual), minister("c", other))
    (f,) = findings_of("NAME002", ctx)
    assert f.primary.span == other


def test_only_the_differing_words_are_read_for_romanisation():
    """A word the NER ran into the name ("Lawyer") does not make a romanised surname a misspelling."""
    usual, other = "Nikos Stergiou", "Lawyer Nikos Steryiou"
    assert findings_of("NAME002", people_context(minister("a", usual), minister("b", usual), minister("c", other))) == []
    misspelt = "Lawyer Nikos Steryou"
    (f,) = findings_of("NAME002", people_context(minister("a", usual), minister("b", usual), minister("c", misspelt)))
    assert f.primary.span == misspelt


def test_a_pet_name_spelt_with_another_ending_is_a_spelling_not_another_name():
    ctx = people_context(minister("a", "Maisy Okafor"), minister("b", "Maisy Okafor"), minister("c", "Maisie Okafor"))
    assert findings_of("NAME001", ctx) == []
    (f,) = findings_of("NAME002", ctx)
    assert f.explanation.reason == "spelt 'Maisie' against 'Maisy'"


@pytest.mark.parametrize("usual, pet", [("William Hague", "Bill Hague"), ("Terrence Robertson", "Terry Robertson"),
                                        ("Elizabeth Dole", "Betty Dole"), ("Jacob Lenz", "Jake Lenz")],
                         ids=["bill", "terry", "betty", "jake"])
def test_nicknames_are_the_same_name(usual, pet):
    """A pet form that does not begin its full name is in the nicknames table; without the table both would be
    NAME001 ("Terry" is neither a short form nor a spelling of "Terrence")."""
    ctx = people_context(minister("a", usual), minister("b", usual), minister("c", pet))
    assert len(ctx.people) == 1
    assert findings_of("NAME001", ctx) == findings_of("NAME002", ctx) == []


@pytest.mark.parametrize("usual, other", [("A.J. Lenz", "AJ Lenz"), ("W. Mark Lenz", "Mark Lenz"),
                                          ("Tywon Lenz", "Ty Lenz")],
                         ids=["initials-with-or-without-stops", "the-middle-name-as-first", "a-short-form"])
def test_ways_of_writing_one_first_name_are_no_variant(usual, other):
    ctx = people_context(minister("a", usual), minister("b", usual), minister("c", other))
    assert len(ctx.people) == 1
    assert run_rules(ctx) == []


def test_a_first_name_with_a_letter_added_is_a_spelling_not_another_name():
    ctx = people_context(minister("a", "John Lenz"), minister("b", "John Lenz"), minister("c", "Jon Lenz"))
    assert findings_of("NAME001", ctx) == []
    (f,) = findings_of("NAME002", ctx)
    assert f.explanation.reason == "spelt 'Jon' against 'John'"


def test_name001_another_middle_name_beside_the_same_first_name_and_surname():
    ctx = people_context(minister("a", "Ana Maria Ruiz"), minister("b", "Ana Maria Ruiz"),
                         minister("c", "Ana Lucia Ruiz"))
    (f,) = findings_of("NAME001", ctx)
    assert [e.span for e in f.evidence if e.flagged] == ["Ana Lucia Ruiz"]
    assert f.explanation.reason == "middle name 'Lucia' against 'Maria', with the same first name and surname"
    initial = people_context(minister("a", "Ana Maria Ruiz"), minister("b", "Ana Maria Ruiz"),
                             minister("c", "Ana M. Ruiz"))
    assert run_rules(initial) == []  # the initial of the same middle name


def test_name001_a_first_name_one_source_gives_the_only_person_of_that_surname():
    """No title to share: three sources name Olaf Brandt, one names Hugo Brandt and no other Brandt."""
    d = Article("d", "Hugo Brandt said the budget would pass.", "Brandt spoke in Berlin.")
    ctx = people_context(*(minister(s, "Olaf Brandt") for s in "abc"),
                         (d, [d.person("Hugo Brandt"), d.person("Brandt", 1)]))
    (f,) = findings_of("NAME001", ctx)
    assert [(e.source, e.span) for e in f.evidence if e.flagged] == [("d", "Hugo Brandt")]
    assert f.explanation.reason == ("first name 'Hugo' against 'Olaf'; the same person by surname: the only other "
                                    "person named Brandt in the story, whom 3 other sources name in full and d does not")


# --- NAME003 --------------------------------------------------------------------------------------


def test_name003_an_unintroduced_garbled_surname_acting_as_a_person():
    a = Article("a", "Finance Minister Maria Kowalska presented the budget.", "Kowalsk told reporters it was final.")
    b, bc = minister("b", "Maria Kowalska")
    ctx = people_context((a, [a.person("Maria Kowalska", 0, title="Finance Minister"),
                              a.person("Kowalsk", 1, verb="tell")]), (b, bc), garbled=True)
    (f,) = findings_of("NAME003", ctx)
    assert (f.severity, f.subject) == ("warning", "Maria Kowalska")
    assert [(e.source, e.span, e.line, e.column) for e in f.evidence if e.flagged] == [("a", "Kowalsk", 2, 1)]
    assert [e.source for e in f.evidence if not e.flagged] == ["b"]  # the garbled mention's own source is left out
    assert isinstance(f.explanation, GarbledExplanation)
    assert f.explanation.garbled == "Kowalsk" and "tell" in f.explanation.reason
    assert f.key == ("kowalsk", "a")


def test_a_lone_word_that_does_not_act_is_not_garbled():
    a = Article("a", "Finance Minister Maria Kowalska presented the budget.", "In Kowalsk the mood was calm.")
    b, bc = minister("b", "Maria Kowalska")
    ctx = people_context((a, [a.person("Maria Kowalska", 0, title="Finance Minister"), a.person("Kowalsk", 1)]),
                         (b, bc), garbled=True)
    assert findings_of("NAME003", ctx) == []


def test_name003_a_title_naming_a_garbled_person():
    a = Article("a", "Finance Minister Maria Kowalska presented the budget.",
                "The Vice-Minister of Kowalsk attended the session.")
    b, bc = minister("b", "Maria Kowalska")
    ctx = people_context((a, [a.person("Maria Kowalska", 0, title="Finance Minister"),
                              a.title("Vice-Minister of Kowalsk", 1)]), (b, bc), garbled=True)
    (f,) = findings_of("NAME003", ctx)
    assert f.primary.span == "Vice-Minister of Kowalsk"
    assert f.explanation.garbled == "Vice-Minister of Kowalsk"
    # a title claim's own source is not excluded from the reference mentions
    assert [e.source for e in f.evidence if not e.flagged] == ["a", "b"]


def test_name003_reads_a_garbled_mention_filled_in_by_hand():
    a = Article("a", "Olaf Brandt spoke first.", "Brunt told journalists the plan was sound.")
    b = Article("b", "Olaf Brandt spoke on Monday.")
    mentions = [a.person("Olaf Brandt"), b.person("Olaf Brandt")]
    brunt = a.person("Brunt", 1, verb="tell")
    p = Person(mentions=mentions, garbled=[(brunt, "by hand")])
    (f,) = findings_of("NAME003", Context(corpus(a, b), people=[p]))
    assert f.message == "'Brunt' in a looks like a garbled Olaf Brandt"
    assert f.explanation.to_dict() == {"garbled": "Brunt", "person": "Olaf Brandt", "reason": "by hand"}


# --- ROLE001 --------------------------------------------------------------------------------------


def test_role001_a_title_conflicting_with_two_other_sources():
    ctx = people_context(minister("a", "Olaf Brandt"), minister("b", "Olaf Brandt"),
                         minister("c", "Olaf Brandt", title="Health Minister"))
    (f,) = findings_of("ROLE001", ctx)
    assert (f.severity, f.subject) == ("warning", "Olaf Brandt")
    assert [(e.source, e.span) for e in f.evidence] == [("c", "Health Minister Olaf Brandt"),
                                                       ("a", "Finance Minister Olaf Brandt"),
                                                       ("b", "Finance Minister Olaf Brandt")]
    assert [e.flagged for e in f.evidence] == [True, False, False]
    assert f.primary.column == 1
    assert isinstance(f.explanation, RoleExplanation)
    assert f.explanation.consensus_sources == ("a", "b")
    assert "different portfolio" in f.explanation.reason


@pytest.mark.parametrize("title", ["Minister of Finance", "Finance Minister", "the Minister"])
def test_role001_synonyms_and_shortenings_are_not_conflicts(title):
    ctx = people_context(minister("a", "Olaf Brandt"), minister("b", "Olaf Brandt"),
                         minister("c", "Olaf Brandt", title=title))
    assert findings_of("ROLE001", ctx) == []


def test_role001_a_shortened_title_takes_no_side():
    """"the Minister" of a source that names the office in full elsewhere ("Finance Minister") neither excuses
    "Health Minister" against two sources' "Finance Minister" nor backs it. A source that gives the person only the
    shortened title may mean any minister: the title it might be is not judged."""
    d = Article("d", "Finance Minister Olaf Brandt presented the budget.", "Minister Olaf Brandt said so.")
    full = (d, [d.person("Olaf Brandt", 0, title="Finance Minister"), d.person("Olaf Brandt", 1, title="Minister")])
    ctx = people_context(minister("a", "Olaf Brandt"), minister("c", "Olaf Brandt", title="Health Minister"), full)
    (f,) = findings_of("ROLE001", ctx)
    assert [(e.source, e.flagged) for e in f.evidence][:2] == [("c", True), ("a", False)]
    only = people_context(minister("a", "Olaf Brandt"), minister("b", "Olaf Brandt"),
                          minister("c", "Olaf Brandt", title="Health Minister"),
                          minister("d", "Olaf Brandt", title="Minister"))
    assert findings_of("ROLE001", only) == []


def test_role001_one_source_against_one_quotes_both_and_flags_neither():
    """Two offices no one holds together, one source each: no side has a majority, both titles are
    quoted, neither is flagged, and the finding is made once."""
    ctx = people_context(minister("a", "Olaf Brandt", title="Judge"), minister("b", "Olaf Brandt", title="Prosecutor"))
    (f,) = findings_of("ROLE001", ctx)
    assert [(e.source, e.span, e.flagged) for e in f.evidence] == [
        ("a", "Judge Olaf Brandt", False), ("b", "Prosecutor Olaf Brandt", False)]
    assert f.message == ("Olaf Brandt is 'Judge' (judge) in a and 'Prosecutor' (prosecutor) in b: offices no one "
                         "holds together: judge against prosecutor; no title has a majority")
    # A third source that backs either side makes it a majority, judged as before.
    third = people_context(minister("a", "Olaf Brandt", title="Judge"), minister("b", "Olaf Brandt", title="Prosecutor"),
                           minister("c", "Olaf Brandt", title="Judge"))
    (f,) = findings_of("ROLE001", third)
    assert [(e.source, e.flagged) for e in f.evidence] == [("b", True), ("a", False), ("c", False)]


def test_role001_one_against_one_not_from_articles_written_weeks_apart():
    """"chief operating officer" in one article, "chief executive" in one of weeks later: promoted."""
    a, ac = minister("a", "Olaf Brandt", title="Judge")
    b, bc = minister("b", "Olaf Brandt", title="Prosecutor")
    a.source.meta["date"], b.source.meta["date"] = "2009-03-01", "2009-03-30"
    assert findings_of("ROLE001", people_context((a, ac), (b, bc))) == []
    b.source.meta["date"] = "2009-03-02"
    assert len(findings_of("ROLE001", people_context((a, ac), (b, bc)))) == 1


def test_role001_a_title_is_judged_against_sources_of_its_moment_only():
    """Two sources of March give "Finance Minister", one of the next year "Health Minister": the office may have
    changed. A source of a day later, or of days chained to theirs, is of their moment; an undated one of every."""
    def dated(*days):
        pairs = [minister("a", "Olaf Brandt"), minister("b", "Olaf Brandt"),
                 minister("c", "Olaf Brandt", title="Health Minister")]
        for (article, _), day in zip(pairs, days):
            if day:
                article.source.meta["date"] = day
        return findings_of("ROLE001", people_context(*pairs))

    assert dated("2009-03-01", "2009-03-02", "2010-06-01") == []
    assert [f.primary.source for f in dated("2009-03-01", "2009-03-02", "2009-03-03")] == ["c"]
    assert [f.primary.source for f in dated("2009-03-01", "2009-03-04", "2009-03-07")] == ["c"]  # one run of days
    assert [f.primary.source for f in dated("2009-03-01", "2009-03-02", None)] == ["c"]
    # Of its own moment, c has one backer, not two: a, a year before, does not count.
    assert dated("2009-03-01", "2010-06-01", "2010-06-02") == []


def test_role001_one_against_one_is_judged_among_the_sources_of_its_moment():
    """A judge in one article, a prosecutor in another of the next day, and a judge in two of the year before: of
    their moment, one source against one. Those of the year before neither back the judge nor hide the conflict."""
    pairs = [minister("a", "Olaf Brandt", title="Judge"), minister("b", "Olaf Brandt", title="Prosecutor"),
             minister("c", "Olaf Brandt", title="Judge"), minister("d", "Olaf Brandt", title="Judge")]
    for (article, _), day in zip(pairs, ("2009-03-01", "2009-03-02", "2008-02-01", "2008-02-02")):
        article.source.meta["date"] = day
    (f,) = findings_of("ROLE001", people_context(*pairs))
    assert [(e.source, e.span, e.flagged) for e in f.evidence] == [
        ("a", "Judge Olaf Brandt", False), ("b", "Prosecutor Olaf Brandt", False)]
    # All of one moment, the judge has a majority and the prosecutor is flagged.
    for article, _ in pairs:
        article.source.meta["date"] = "2009-03-01"
    (f,) = findings_of("ROLE001", people_context(*pairs))
    assert [(e.source, e.flagged) for e in f.evidence] == [("b", True), ("a", False), ("c", False), ("d", False)]


def test_role001_one_source_that_gives_two_offices_no_one_holds_together_conflicts_with_itself():
    """"Apple CFO" on one line, "Apple CEO" on another, and no other source of its moment giving either: both
    quoted from the one source, neither flagged, the finding made once."""
    c = Article("c", "Judge Olaf Brandt opened the hearing.", "Prosecutor Olaf Brandt said so.")
    own = (c, [c.person("Olaf Brandt", 0, title="Judge"), c.person("Olaf Brandt", 1, title="Prosecutor")])
    (f,) = findings_of("ROLE001", people_context(own))
    assert [(e.source, e.line, e.span, e.flagged) for e in f.evidence] == [
        ("c", 1, "Judge Olaf Brandt", False), ("c", 2, "Prosecutor Olaf Brandt", False)]
    assert f.message == ("Olaf Brandt is 'Judge' (judge) in c and 'Prosecutor' (prosecutor) elsewhere in it: "
                         "offices no one holds together: judge against prosecutor; no title has a majority")
    # Two portfolios of one office in one source are as often one title worded two ways: nothing.
    d = Article("d", "Finance Minister Olaf Brandt spoke.", "Health Minister Olaf Brandt said so.")
    two = (d, [d.person("Olaf Brandt", 0, title="Finance Minister"), d.person("Olaf Brandt", 1, title="Health Minister")])
    assert findings_of("ROLE001", people_context(two)) == []
    # Another source of its moment backing the judge: a majority, the prosecutor flagged.
    (f,) = findings_of("ROLE001", people_context(own, minister("a", "Olaf Brandt", title="Judge")))
    assert [(e.source, e.line, e.flagged) for e in f.evidence] == [("c", 2, True), ("a", 1, False), ("c", 1, False)]


def test_role001_one_against_one_needs_offices_no_one_holds_together():
    """A different portfolio, one source each, is as often one office worded two ways ("Police
    Commissioner", "NYPD Commissioner"): two sources backing one side are needed."""
    ctx = people_context(minister("a", "Olaf Brandt"), minister("b", "Olaf Brandt", title="Health Minister"))
    assert findings_of("ROLE001", ctx) == []


def test_role001_a_source_that_gives_another_title_elsewhere_itself_backs_the_other_source():
    """"Finance Minister Olaf Brandt" on one line, "Health Minister Olaf Brandt" on another, and a second
    source with "Finance Minister": two sources give Finance."""
    c = Article("c", "Finance Minister Olaf Brandt presented the budget.", "Health Minister Olaf Brandt said so.")
    own = (c, [c.person("Olaf Brandt", 0, title="Finance Minister"), c.person("Olaf Brandt", 1, title="Health Minister")])
    (f,) = findings_of("ROLE001", people_context(minister("a", "Olaf Brandt"), own))
    assert [(e.source, e.line, e.flagged) for e in f.evidence] == [("c", 2, True), ("a", 1, False), ("c", 1, False)]
    assert f.explanation.consensus_sources == ("a", "c")
    assert "Olaf Brandt is 'Health Minister' in c; c itself elsewhere and 1 other source give 'Finance Minister'" \
        in f.message
    alone = (c, [c.person("Olaf Brandt", 1, title="Health Minister")])
    assert findings_of("ROLE001", people_context(minister("a", "Olaf Brandt"), alone)) == []


def test_role001_a_place_where_the_portfolio_stood():
    ctx = people_context(minister("a", "Olaf Brandt"), minister("b", "Olaf Brandt"),
                         minister("c", "Olaf Brandt", title="Minister of Canada", tail="said so."))
    (f,) = findings_of("ROLE001", ctx)
    assert f.primary.source == "c"
    assert "portfolio (finance) gone" in f.explanation.reason


# --- TRANS001 -------------------------------------------------------------------------------------


def rates(sid: str, n: int) -> tuple[Article, list[Bigram]]:
    a = Article(sid, *[f"The bank held interest rates in round {i}." for i in range(n)])
    return a, [a.bigram("interest rates", "interest", "rate", i, ("hold", "interest", "rate", "in")) for i in range(n)]


def taxes(sid: str, n: int) -> tuple[Article, list[Bigram]]:
    a = Article(sid, *[f"The bank cut interest taxes again, step {i}." for i in range(n)])
    return a, [a.bigram("interest taxes", "interest", "tax", i, ("cut", "interest", "tax", "again")) for i in range(n)]


def translation_context(*pairs) -> Context:
    return Context(corpus(*(a for a, _ in pairs)), bigrams=[b for _, bs in pairs for b in bs])


def test_trans001_a_head_replaced_twice_against_a_fixed_phrase():
    ctx = translation_context(rates("a", 2), rates("b", 2), rates("c", 1), taxes("d", 2))
    (f,) = findings_of("TRANS001", ctx)
    assert (f.severity, f.subject) == ("warning", "interest rate")
    assert [(e.source, e.line, e.column, e.span) for e in f.evidence if e.flagged] == [
        ("d", 1, 14, "interest taxes"), ("d", 2, 14, "interest taxes")]
    assert [(e.source, e.span) for e in f.evidence if not e.flagged] == [
        ("a", "interest rates"), ("b", "interest rates"), ("c", "interest rates")]
    assert isinstance(f.explanation, TranslationExplanation)
    assert f.explanation.to_dict() == {"phrase": "interest taxes", "likely": "interest rate", "strength": 1.0,
                                       "term_uses": 5, "term_sources": ["a", "b", "c"], "phrase_uses": 2,
                                       "likely_english_form": "interest rate",
                                       "likely_english_count": english.pair_count("interest rate"),
                                       "phrase_english_count_below": english.listed_floor()}
    assert english.pair_count("interest rates") > english.listed_floor() > english.pair_count("interest taxes") == 0
    assert f.key == ("interest|rate|tax", "d")
    assert f"'interest rate' occurs {english.pair_count('interest rate'):,} times" in f.message
    assert f"'interest taxes' fewer than {english.listed_floor():,}" in f.message


def test_trans001_a_single_use_is_ordinary_english():
    ctx = translation_context(rates("a", 2), rates("b", 2), rates("c", 1), taxes("d", 1))
    assert findings_of("TRANS001", ctx) == []


def test_trans001_needs_the_phrase_three_times():
    # once in each of three sources is a fixed phrase of the story; twice in all is not
    assert len(findings_of("TRANS001", translation_context(rates("a", 1), rates("b", 1), rates("c", 1),
                                                            taxes("d", 2)))) == 1
    ctx = translation_context(rates("a", 1), rates("b", 1), taxes("d", 2))
    assert findings_of("TRANS001", ctx) == []


def pairs_of(sid: str, text: str, first: str, second: str, n: int) -> tuple[Article, list[Bigram]]:
    a = Article(sid, *[f"They spoke of the {text} in part {i}." for i in range(n)])
    return a, [a.bigram(text, first, second, i) for i in range(n)]


def test_trans001_an_odd_phrase_common_in_english_is_ordinary():
    assert english.pair_count("interest payments") > 0
    payments = pairs_of("d", "interest payments", "interest", "payment", 2)
    assert findings_of("TRANS001", translation_context(rates("a", 2), rates("b", 2), rates("c", 1), payments)) == []


def test_trans001_an_english_word_split_in_two_is_ordinary():
    # "class room" is the word "classroom"; the others' "class action" is no evidence against it
    actions = [pairs_of(s, "class action", "class", "action", 2) for s in "abc"]
    room = pairs_of("d", "class room", "class", "room", 2)
    assert english.pair_count("class action") > 0 and english.pair_count("class room") == 0
    assert findings_of("TRANS001", translation_context(*actions, room)) == []


def test_trans001_a_source_that_pairs_the_word_freely_chose_its_words():
    d, _ = taxes("d", 2)
    fees = Article("d", *d.sentences, "The interest groups met.")
    uses = [fees.bigram("interest taxes", "interest", "tax", i) for i in range(2)]
    others = (rates("a", 2), rates("b", 2), rates("c", 1))
    assert len(findings_of("TRANS001", translation_context(*others, (fees, uses)))) == 1
    free = uses + [fees.bigram("interest groups", "interest", "group", 2)]
    # "interest" with a third head in d: d writes the word freely, and 'interest taxes' is its choice
    assert findings_of("TRANS001", translation_context(*others, (fees, free))) == []


def test_trans001_a_phrase_unknown_to_english_is_no_evidence():
    # the story's own coinage may be named two ways; English says nothing on which is garbled
    truce = [pairs_of(s, "tariff truce", "tariff", "truce", 2) for s in "abc"]
    pause = pairs_of("d", "tariff pause", "tariff", "pause", 2)
    assert english.pair_count("tariff truce") == english.pair_count("tariff pause") == 0
    assert findings_of("TRANS001", translation_context(*truce, pause)) == []


def test_trans001_needs_the_phrase_in_three_other_sources():
    # four sources with bigrams would need three backers; with only a, b, d having bigrams two suffice
    assert len(findings_of("TRANS001", translation_context(rates("a", 3), rates("b", 3), taxes("d", 2)))) == 1
    e = Article("e", "The farm sold dairy cows.")
    ctx = translation_context(rates("a", 3), rates("b", 3), (e, [e.bigram("dairy cows", "dairy", "cow")]),
                              taxes("d", 2))
    assert findings_of("TRANS001", ctx) == []


def test_trans001_a_weak_association_is_not_a_fixed_phrase():
    a = Article("a", "The interest groups met.", "The interest groups left.")
    weak = (a, [a.bigram("interest groups", "interest", "group", i) for i in range(2)])
    ctx = translation_context(rates("b", 2), rates("c", 2), rates("e", 1), weak, taxes("d", 2))
    # "interest" goes with "rate" 5 times out of 7 in the others: below the 0.8 strength
    assert findings_of("TRANS001", ctx) == []


# --- fingerprints: every finding keeps its own ------------------------------------------------------


def test_a_garbled_name_recurring_in_one_source_is_one_finding_quoting_each_mention():
    a = Article("a", "Finance Minister Maria Kowalska presented the budget.", "Kowalsk told reporters it was final.",
                "Kowalsk said more.")
    b, bc = minister("b", "Maria Kowalska")
    ctx = people_context((a, [a.person("Maria Kowalska", 0, title="Finance Minister"),
                              a.person("Kowalsk", 1, verb="tell"), a.person("Kowalsk", 2, verb="say")]),
                         (b, bc), garbled=True)
    (f,) = findings_of("NAME003", ctx)
    assert [(e.line, e.span) for e in f.evidence if e.flagged] == [(2, "Kowalsk"), (3, "Kowalsk")]
    assert "'Kowalsk' in a (2 times) looks like a garbled Maria Kowalska" == f.message


def test_figure_findings_of_different_groups_have_distinct_fingerprints():
    def moved(sid, figure, change, sentence):
        art = Article(sid, sentence)
        c = art.figure(figure, attribute="exports")
        return art, [replace(c, value=replace(c.value, change=change))]

    ctx = figures_context(moved("a", "5%", "up", "Zorbia exports rose 5% in May."),
                          moved("b", "8%", "up", "Zorbia exports rose 8% in May."),
                          moved("c", "5%", "down", "Zorbia exports fell 5% in June."),
                          moved("d", "8%", "down", "Zorbia exports fell 8% in June."))
    assert len(ctx.groups) == 2
    fs = findings_of("NUM001", ctx)
    assert len(fs) == 2
    assert fs[0].fingerprint != fs[1].fingerprint


def test_figure_findings_of_groups_kept_apart_by_modifiers_have_distinct_fingerprints():
    """Two budgets of one council, kept apart by clashing modifiers, each disagreeing: two findings, two
    fingerprints, so that neither is lost when findings are made unique by fingerprint."""
    def budget(sid, figure, modifier):
        art = Article(sid, f"Zorbia set its {modifier} budget at {figure} on Monday.")
        return art, [art.figure(figure, attribute="budget", modifiers=(modifier,))]

    ctx = figures_context(budget("a", "$5 million", "annual"), budget("b", "$9 million", "annual"),
                          budget("c", "$5 million", "emergency"), budget("d", "$9 million", "emergency"))
    assert len(ctx.groups) == 2
    fs = findings_of("NUM001", ctx)
    assert len(fs) == 2 and fs[0].fingerprint != fs[1].fingerprint
    # A finding with no twin keeps the fingerprint it had: modifiers count only to tell two apart.
    (alone,) = findings_of("NUM001", figures_context(budget("a", "$5 million", "annual"),
                                                     budget("b", "$9 million", "annual")))
    assert not [k for k in alone.key if k.startswith(("modifiers:", "space:"))]
    assert [k for k in fs[0].key if k.startswith("modifiers:")] in (["modifiers:annual"], ["modifiers:emergency"])


def test_a_word_run_into_a_name_is_no_other_first_name_and_no_reference():
    """"the Minister of the Transport Ways Ilse Varga": the garbled title's last word runs into the name."""
    run_in = minister("c", "Ways Ilse Varga", title="Minister of the Transport")
    ctx = people_context(minister("a", "Ilse Varga"), minister("b", "Ilse Varga"), run_in)
    assert [f.rule for f in run_rules(ctx) if f.kind == "name"] == []
    # Beside a real variant, the run-in source is not quoted as one that gives the usual name.
    ctx = people_context(minister("a", "Ilse Varga"), minister("b", "Ilse Varga"), run_in,
                         minister("d", "Ilka Varga"))
    (f,) = [f for f in run_rules(ctx) if f.kind == "name"]
    assert f.subject == "Ilse Varga" and {e.source for e in f.evidence} == {"a", "b", "d"}


def test_values_that_agree_with_one_another_make_the_majority_together():
    """"at least 60%" and "60%" are one source each, but they agree: together they outweigh "45%"."""
    ctx = figures_context(market("a", "at least 60%"), market("b", "60%"), market("c", "45%"))
    (f,) = findings_of("NUM001", ctx)
    assert [e.source for e in f.evidence if e.flagged] == ["c"]
    assert f.explanation.majority is not None and "the majority gives" in f.message
    # Two blocs of one source each: no majority, neither side flagged, and the message says so.
    (g,) = findings_of("NUM001", figures_context(market("a", "60%"), market("c", "45%")))
    assert sorted(e.source for e in g.evidence) == ["a", "c"] and not any(e.flagged for e in g.evidence)
    assert g.explanation.majority is None and "no value has a majority" in g.message


def test_a_bound_that_holds_two_values_at_odds_weighs_for_neither():
    """"under 33%" (or "less than a third") holds both "31%" and "13%": it says nothing of which is right, and the two
    sources of 31% against the one of 13% make the majority. Were it weighed, it would join both and no side had one."""
    ctx = figures_context(market("a", "31%"), market("b", "31%"), market("c", "13%"), market("d", "under 33%"))
    (f,) = findings_of("NUM001", ctx)
    assert f.explanation.majority == "31%"
    assert [e.source for e in f.evidence if e.flagged] == ["c"]


def test_a_source_is_quoted_by_its_body_where_its_headline_drops_the_bodys_hedge():
    """"Zorbia holds 60% of market" over "Zorbia now holds about 60% of the market, officials said.": the source's
    figure is its body's, hedged as the body hedges it, not the headline's."""
    a = Article("a", "Zorbia holds 60% of market", "Zorbia now holds about 60% of the market, officials said.")
    ctx = figures_context((a, [a.figure("60%"), a.figure("about 60%", sentence=1)]), market("b", "60%"),
                          market("c", "45%"))
    (f,) = findings_of("NUM001", ctx)
    assert [e.span for e in f.evidence if e.source == "a"] == ["about 60%"]


def test_a_bound_that_holds_two_values_at_odds_leaves_them_judged_beside_a_day_at_odds_with_neither():
    """"early March" holds "March 8" and "March 13"; three undated sources' "Monday" neither holds nor contradicts
    either. Left out of the weighing, the bound would leave "Monday" a majority that flags nothing, and the two days
    at odds unreported: so the bound weighs as before, and the days are quoted with no majority."""
    from checker.values.dates import resolve

    def announced(sid: str, when: str) -> tuple[Article, list[Claim]]:
        a = Article(sid, f"Zorbia announced the tariffs {when}, officials said.")
        return a, [a.claim(ClaimKind.DATE, when, resolve(when, None) or parse_date(when), subject="Zorbia", attribute="tariff",
                           verb="announce")]

    ctx = figures_context(announced("a", "Monday"), announced("b", "Monday"), announced("c", "Monday"),
                          announced("d", "early March"), announced("e", "March 8"), announced("f", "March 13"))
    (f,) = findings_of("DATE001", ctx)
    assert f.explanation.majority is None and {"March 8", "March 13"} <= {e.span for e in f.evidence}


def toll(sid: str, figure: str) -> tuple[Article, list[Claim]]:
    """A count of the dead that names no holder: the story's own event."""
    a = Article(sid, f"Officials said {figure} people died in the landslide.")
    return a, [a.figure(figure, subject=None, attribute="people", verb="die", frame="dead")]


def test_a_count_of_the_story_is_judged_where_most_sources_agree():
    (f,) = findings_of("NUM001", figures_context(toll("a", "63"), toll("b", "63"), toll("c", "58")))
    assert f.subject == "the story: dead"
    assert [e.source for e in f.evidence if e.flagged] == ["c"]


def test_scattered_counts_of_the_story_are_not_judged():
    """One night's arrests and the week's: without a named holder and a majority, no finding."""
    assert run_rules(figures_context(toll("a", "63"), toll("b", "58"))) == []
    assert run_rules(figures_context(toll("a", "63"), toll("b", "58"), toll("c", "12"))) == []


# --- NUM003: counts that moved as the story developed --------------------------------------------


def dated(pair: tuple[Article, list[Claim]], day: str | None) -> tuple[Article, list[Claim]]:
    """The article with `day` as its metadata date (front matter or sidecar), or with none."""
    article, claims = pair
    if day is not None:
        article.source.meta["date"] = day
    return article, claims


def deaths(sid: str, figure: str, holder: str | None = "Zorbia", frame: str = "dead",
           verb: str = "die") -> tuple[Article, list[Claim]]:
    """A count of the dead (or another frame) that a holder gives: "Zorbia said 41 people died"."""
    said = {"die": "died", "miss": "were missing"}[verb]
    a = Article(sid, f"Zorbia said {figure} people {said} after the floods.")
    return a, [a.figure(figure, subject=holder, attribute="people", verb=verb, frame=frame)]


def rules_of(ctx: Context) -> list[str]:
    return [f.rule for f in run_rules(ctx)]


def test_num003_a_dated_count_that_rose_is_an_outdated_figure_in_the_earlier_article():
    ctx = figures_context(dated(deaths("a", "41"), "2024-03-14"), dated(deaths("b", "47"), "2024-03-15"))
    assert rules_of(ctx) == ["NUM003"]  # and no NUM001 for the same group
    (f,) = findings_of("NUM003", ctx)
    assert (f.severity, f.kind, f.subject) == ("info", "number", "Zorbia: dead")
    assert [(e.source, e.span) for e in f.evidence if e.flagged] == [("a", "41")]
    assert [(e.source, e.span) for e in f.evidence if not e.flagged] == [("b", "47")]
    assert "'41' in a (2024-03-14) was superseded by '47' in b (2024-03-15)" in f.message
    assert isinstance(f.explanation, UpdateExplanation)
    d = f.explanation.to_dict()
    assert list(d) == ["grouped_because", "values", "dates", "direction", "superseded", "latest", "reason"]
    assert d["values"] == {"41": ["a"], "47": ["b"]}
    assert d["dates"] == {"a": "2024-03-14", "b": "2024-03-15"}
    assert (d["direction"], d["superseded"], d["latest"]) == ("rising", ["41"], "47")
    assert "dated" in d["reason"] and "over time" in d["reason"]


def test_num003_a_toll_of_the_story_rising_over_three_days():
    """41, then 44, then 47 twice: the two earlier figures are outdated, the latest quoted."""
    ctx = figures_context(dated(toll("a", "41"), "2024-03-14"), dated(toll("b", "44"), "2024-03-15"),
                          dated(toll("c", "47"), "2024-03-16"), dated(toll("d", "47"), "2024-03-16"))
    assert rules_of(ctx) == ["NUM003"]
    (f,) = findings_of("NUM003", ctx)
    assert f.subject == "the story: dead"
    assert [e.source for e in f.evidence if e.flagged] == ["a", "b"]
    assert [e.source for e in f.evidence if not e.flagged] == ["c", "d"]
    assert "'41' in a (2024-03-14) and '44' in b (2024-03-15) were superseded by '47' in c (2024-03-16)" in f.message


def test_num003_the_same_figure_on_one_day_is_fine_and_a_falling_count_is_an_update_too():
    ctx = figures_context(dated(deaths("a", "41"), "2024-03-14"), dated(deaths("b", "47"), "2024-03-15"),
                          dated(deaths("c", "47"), "2024-03-15"))
    (f,) = findings_of("NUM003", ctx)
    assert [e.source for e in f.evidence if e.flagged] == ["a"]
    missing = figures_context(dated(deaths("a", "12", frame="missing", verb="miss"), "2024-03-14"),
                              dated(deaths("b", "9", frame="missing", verb="miss"), "2024-03-16"))
    (g,) = findings_of("NUM003", missing)
    assert g.explanation.direction == "falling" and [e.source for e in g.evidence if e.flagged] == ["a"]
    assert "fell" in g.message


def expelled(sid: str, figure: str, verb: str = "expel") -> tuple[Article, list[Claim]]:
    """A count a holder gives by a verb: "Aldmark expelled 14 Korvenian diplomats"."""
    a = Article(sid, f"Aldmark {verb}ed {figure} diplomats over the affair.")
    count = replace(quantity(figure), unit="diplomat", dimension="count")
    return a, [a.claim(ClaimKind.QUANTITY, figure, count, subject="Aldmark", attribute="diplomat", verb=verb)]


def test_num003_a_later_article_that_still_gives_the_earlier_figure_makes_it_no_update():
    """14 on the 11th, 16 on the 12th: read alone, a count that rose. But two articles of the 12th and the 14th
    give 14 of the same holder and noun, by another verb, and not 16: the count did not move, one source
    misstates it (NUM001). A later article that gives both figures tells how it moved, and leaves the update."""
    first, odd = dated(expelled("a", "14"), "2026-11-11"), dated(expelled("b", "16"), "2026-11-12")
    later = [dated(expelled("c", "14", verb="order"), "2026-11-12"), dated(expelled("d", "14", verb="order"), "2026-11-14")]
    claims = [c for _, cs in (first, odd, *later) for c in cs]
    grouped = group_claims([c for _, cs in (first, odd) for c in cs])
    ctx = Context(corpus(*(a for a, _ in (first, odd, *later))), groups=grouped, claims=claims)
    assert rules_of(ctx) == ["NUM001"]
    (f,) = findings_of("NUM001", ctx)
    assert sorted(e.span for e in f.evidence) == ["14", "16"]
    # Without the later articles, or with one that gives both figures, the update stands.
    alone = Context(corpus(first[0], odd[0]), groups=grouped, claims=[c for _, cs in (first, odd) for c in cs])
    assert rules_of(alone) == ["NUM003"]
    both_a = Article("e", "Aldmark ordered 14 diplomats out, then expelled 16 over the affair.")
    both = [both_a.claim(ClaimKind.QUANTITY, "14", replace(quantity("14"), unit="diplomat", dimension="count"),
                         subject="Aldmark", attribute="diplomat", verb="order"),
            both_a.claim(ClaimKind.QUANTITY, "16", replace(quantity("16"), unit="diplomat", dimension="count"),
                         subject="Aldmark", attribute="diplomat", verb="expel")]
    both_a.source.meta["date"] = "2026-11-14"
    told = Context(corpus(first[0], odd[0], both_a), groups=grouped, claims=[*claims[:2], *both])
    assert rules_of(told) == ["NUM003"]


def test_num003_a_count_that_rose_by_two_digits_swapped_is_a_slip_not_an_update():
    """2,486 on the 9th, 2,846 on the 11th: the same digits, two neighbours swapped; a misread count, not the story
    moving on. 2,486 then 2,912 is an update."""
    slip = figures_context(dated(expelled("a", "2,486"), "2026-11-09"), dated(expelled("b", "2,846"), "2026-11-11"),
                           dated(expelled("c", "2,846"), "2026-11-11"))
    assert rules_of(slip) == ["NUM001"]
    (f,) = findings_of("NUM001", slip)
    assert [e.source for e in f.evidence if e.flagged] == ["a"]
    moved = figures_context(dated(expelled("a", "2,486"), "2026-11-09"), dated(expelled("b", "2,912"), "2026-11-11"))
    assert rules_of(moved) == ["NUM003"]
    # An earlier figure that agrees with the swapped one ("more than 4,000" beside 4,300) keeps it a slip; one that
    # does not (2,000 two days before) tells of a move.
    bound = figures_context(dated(expelled("a", "4,300"), "2026-11-09"), dated(expelled("b", "4,300"), "2026-11-09"),
                            dated(expelled("c", "more than 4,000"), "2026-11-09"),
                            dated(expelled("d", "3,400"), "2026-11-11"))
    assert rules_of(bound) == ["NUM001"]
    earlier = figures_context(dated(expelled("b", "2,000"), "2026-11-07"), dated(expelled("a", "3,400"), "2026-11-09"),
                              dated(expelled("d", "4,300"), "2026-11-11"))
    assert rules_of(earlier) == ["NUM003"]


def traffic(sid: str, figure: str, per: str = "a day") -> tuple[Article, list[Claim]]:
    """A count the bridge carries, per span of time: "The bridge carries about 38,000 vehicles a day"."""
    a = Article(sid, f"The bridge carries {figure} vehicles {per}, the authority said.")
    count = replace(quantity(figure), unit="vehicle", dimension="count")
    return a, [a.claim(ClaimKind.QUANTITY, figure, count, subject="Aldwater Bridge", attribute="vehicle", verb="carry")]


def test_num003_a_count_per_day_is_a_rate_no_update_moves():
    # 38,000 vehicles a day in the earlier articles and 58,000 in the later one: a slip, not the story moving on.
    ctx = figures_context(dated(traffic("a", "38,000"), "2026-11-10"), dated(traffic("b", "38,000", "every day"), "2026-11-11"),
                          dated(traffic("c", "58,000"), "2026-11-12"))
    assert rules_of(ctx) == ["NUM001"]
    (f,) = findings_of("NUM001", ctx)
    assert [e.source for e in f.evidence if e.flagged] == ["c"]
    # The same count with no span of time is a count the story may move.
    plain = figures_context(dated(traffic("a", "38,000", "now"), "2026-11-10"), dated(traffic("c", "58,000", "now"), "2026-11-12"))
    assert rules_of(plain) == ["NUM003"]


def test_num003_a_count_that_goes_up_and_down_again_is_no_update():
    ctx = figures_context(dated(deaths("a", "47"), "2024-03-14"), dated(deaths("b", "41"), "2024-03-15"),
                          dated(deaths("c", "47"), "2024-03-16"))
    assert rules_of(ctx) == ["NUM001"]
    (f,) = findings_of("NUM001", ctx)
    assert [e.source for e in f.evidence if e.flagged] == ["b"]
    assert type(f.explanation) is FigureExplanation and "update" not in f.message


def test_num003_two_figures_on_one_day_are_no_update():
    ctx = figures_context(dated(deaths("a", "41"), "2024-03-15"), dated(deaths("b", "47"), "2024-03-15"))
    assert rules_of(ctx) == ["NUM001"]


def test_without_article_dates_a_count_is_judged_as_before_and_may_be_an_update():
    ctx = figures_context(deaths("a", "41"), deaths("b", "47"))
    assert rules_of(ctx) == ["NUM001"]
    (f,) = findings_of("NUM001", ctx)
    assert f.severity == "error" and not any(e.flagged for e in f.evidence)  # one against one: no majority
    assert isinstance(f.explanation, UndatedFigureExplanation) and isinstance(f.explanation, FigureExplanation)
    assert f.explanation.undated == ("a", "b")
    assert "article dates of a, b are unknown" in f.message and "may be an update" in f.message
    d = f.explanation.to_dict()
    assert d["undated"] == ["a", "b"] and "may be an update" in d["note"] and d["majority"] is None
    # One source dated, the other not: still no judgement by date; the undated one is named.
    (g,) = findings_of("NUM001", figures_context(dated(deaths("a", "41"), "2024-03-14"), deaths("b", "47")))
    assert g.explanation.undated == ("b",) and "article date of b is unknown" in g.message
    assert findings_of("NUM003", figures_context(dated(deaths("a", "41"), "2024-03-14"), deaths("b", "47"))) == []


def test_shares_are_not_updates_even_when_dated():
    """A share of a market is no count a story moves: dated or not, it is judged as before."""
    ctx = figures_context(dated(market("a", "60%"), "2024-03-14"), dated(market("b", "80%"), "2024-03-15"))
    assert rules_of(ctx) == ["NUM001"]
    (f,) = findings_of("NUM001", ctx)
    assert type(f.explanation) is FigureExplanation and "Note" not in f.message


def test_a_movement_within_one_source_is_left_as_it_was():
    """'The toll rose to 47 from 41' states both values: the source speaks of two moments, and no
    rule judges the group, dated or not; a movement's own figures ("rose by 6") are no level."""
    def rose(sid):
        a = Article(sid, "Zorbia said the toll rose to 47 from 41 people.")
        return a, [a.figure("47", subject="Zorbia", attribute="people", verb="die", frame="dead"),
                   a.figure("41", subject="Zorbia", attribute="people", verb="die", frame="dead")]

    for day in (None, "2024-03-15"):
        ctx = figures_context(dated(deaths("a", "41"), None if day is None else "2024-03-14"), dated(rose("b"), day))
        assert run_rules(ctx) == []
    a = Article("a", "Zorbia said the toll rose by 6 people.")
    b = Article("b", "Zorbia said the toll rose by 9 people.")
    up = [(art, [replace(c, value=replace(c.value, change="up"))
                 for c in [art.figure(n, subject="Zorbia", attribute="people", verb="die", frame="dead")]])
          for art, n in ((a, "6"), (b, "9"))]
    ctx = figures_context(dated(up[0], "2024-03-14"), dated(up[1], "2024-03-15"))
    assert findings_of("NUM003", ctx) == []
    assert [f.rule for f in run_rules(ctx)] == ["NUM001"]


def test_num003_a_level_a_count_reached_is_an_update():
    """"The outbreak had grown to 47 cases" on one day, "to 53 cases" the next: the level a count reached, which
    a developing story moves like any count; a move by a number ("rose by 6") is not."""
    def grown(sid, figure):
        a = Article(sid, f"The outbreak had grown to {figure} confirmed cases, officials said.")
        c = a.figure(figure, subject="Zorbia", attribute="case", verb="grow")
        return a, [replace(c, value=replace(c.value, unit="case", dimension="count", change="up-to"))]

    ctx = figures_context(dated(grown("a", "47"), "2024-03-14"), dated(grown("b", "53"), "2024-03-15"),
                          dated(grown("c", "53"), "2024-03-15"))
    assert rules_of(ctx) == ["NUM003"]


def test_num003_a_share_every_source_says_fell_to_is_an_update_and_only_when_it_fell():
    """"The reservoir had fallen to 26 per cent of capacity" on one day, "had fallen to 25 per cent" two days
    later: a level the sources say moved, read as an update although a share. Had the later figure been higher,
    the words ("fallen to") would not tell that move: a disagreement."""
    def fallen(sid, figure):
        a = Article(sid, f"The Durrow Reservoir had fallen to {figure} of capacity, the authority said.")
        c = a.figure(figure, subject="Durrow Reservoir", attribute="capacity", verb="fall")
        return a, [replace(c, value=replace(c.value, change="down-to"))]

    ctx = figures_context(dated(fallen("a", "26%"), "2026-08-13"), dated(fallen("b", "25%"), "2026-08-15"))
    assert rules_of(ctx) == ["NUM003"]
    (f,) = findings_of("NUM003", ctx)
    assert f.explanation.direction == "falling" and [e.source for e in f.evidence if e.flagged] == ["a"]
    risen = figures_context(dated(fallen("a", "25%"), "2026-08-13"), dated(fallen("b", "26%"), "2026-08-15"))
    assert rules_of(risen) == ["NUM001"]
    # Without the words of a move, a share is judged as before (test_shares_are_not_updates_even_when_dated).
    unsaid = figures_context(dated(market("a", "26%"), "2026-08-13"), dated(market("b", "25%"), "2026-08-15"))
    assert rules_of(unsaid) == ["NUM001"]


def test_a_count_that_describes_a_thing_is_no_update():
    """"a nine-storey block" on one day and "a 12-storey block" the next: a building does not grow storeys as a
    story develops; a count of things ("12 storeys collapsed") may move."""
    from checker.findings.figure_verdict import describes

    def count(span, figure, unit="storey", dimension="count"):
        a = Article("a", f"The blast wrecked a {span} apartment block.")
        return a.claim(ClaimKind.QUANTITY, span, replace(quantity(figure), text=span, unit=unit, dimension=dimension))

    assert describes(count("nine-storey", "9")) and describes(count("300-bed", "300", "bed"))
    assert not describes(count("12 storeys", "12"))
    assert not describes(count("nine-year", "9", "year", "duration"))  # a sentence's length, a term: not a thing's


# --- NUM004: a bracketed conversion ---------------------------------------------------------------


def storm(sid: str, line: str) -> tuple[Article, list[Claim]]:
    """An article of one line whose figures in physical units are its claims, as the extraction reads them."""
    from checker.values.numbers import parse_quantity, quantity_regex

    a = Article(sid, line)
    claims = []
    for m in quantity_regex().finditer(line):
        q = parse_quantity(m)
        if q is not None and (q.dimension == "duration" or q.dimension.startswith(("physical:", "currency"))):
            claims.append(a.claim(ClaimKind.QUANTITY, m.group(0), q))
    return a, claims


def conversion_context(*pairs) -> Context:
    from checker.groups.conversions import bracketed_conversions

    claims = [c for _, cs in pairs for c in cs]
    c = corpus(*(a for a, _ in pairs))
    return Context(c, conversions=bracketed_conversions(claims, c), claims=claims)


def test_num004_flags_a_bracketed_conversion_that_is_not_the_figure_converted():
    (f,) = findings_of("NUM004", conversion_context(storm("a", "It made landfall 40 miles (89 km) south of the city.")))
    assert f.rule == "NUM004" and f.severity == "warning"
    assert [(e.span, e.flagged) for e in f.evidence] == [("40 miles", False), ("89 km", True)]
    assert "64.37 kilometer" in f.message and "63.57 to 65.18" in f.message
    ex = f.explanation.to_dict()
    assert ex["stated"] == "40 mile" and ex["converted"] == "89 kilometer" and "brackets" in ex["grouped_because"]


def test_num004_reads_a_conversion_set_off_by_dashes_or_after_what_the_figure_measures():
    """"62 centimetres of snow on Velmont - about 31 inches - in a day": dashes set apart by spaces stand as brackets
    do, and a few words of what the figure measures may stand before them."""
    (f,) = findings_of("NUM004", conversion_context(storm("a", "It dropped 62 centimetres of snow on Velmont - about "
                                                               "31 inches - in less than a day.")))
    assert [e.span for e in f.evidence] == ["62 centimetres", "about 31 inches"] and "dashes" in \
        f.explanation.to_dict()["grouped_because"]
    (g,) = findings_of("NUM004", conversion_context(storm("a", "It added 12,000 square metres of new galleries "
                                                               "(roughly 39,000 square feet) below the square.")))
    assert g.evidence[1].span == "roughly 39,000 square feet"
    assert findings_of("NUM004", conversion_context(storm("a", "It dropped 62 centimetres of snow on Velmont - about "
                                                               "24 inches - in less than a day."))) == []


@pytest.mark.parametrize("line", [
    "It made landfall 40 miles (64 km) south of the city.",  # right, as rounded
    "It ran 40 miles - and later 89 km more - in a week.",  # a dash before other words: two distances
    "Winds reached 90 mph (145 km/h) at the coast.",
    "The lake is 15 km (about 9 miles) wide.",  # an approximate conversion that reaches the figure
    "The bridge is 1,200 feet (or 366 metres) long.",
    "It travelled 40 miles, and later 89 km more.",  # not a bracket: two distances
    "The walk runs 40 km, about 25 miles of it on the coast.",  # the phrase runs on: another measure
    "A drone flew at 400 feet, about 250 metres from the runway.",  # a distance from something: another
    "It was 40 miles from the coast (89 km from the capital, officials said) at noon.",  # not right after
    "The freighter will fly 5,600 miles (10,400 km) with a full load.",  # nautical miles, written as miles
    "The ship lay 200 km (108 miles) off the coast.",
])
def test_num004_passes_right_conversions_and_figures_that_are_not_conversions(line):
    assert findings_of("NUM004", conversion_context(storm("a", line))) == []


def test_num004_converts_the_figure_of_a_bound():
    """"up to 6 metres (about 12 feet)": the bound's figure is converted (about 20 feet), though an interval from zero
    up to 6 metres would hold the 12 feet."""
    (f,) = findings_of("NUM004", conversion_context(storm("a", "Adult whales measure up to 6 metres (about 12 feet).")))
    assert [e.span for e in f.evidence] == ["up to 6 metres", "about 12 feet"]
    assert findings_of("NUM004", conversion_context(storm("a", "Adult whales measure up to 6 metres (about 20 feet)."))) \
        == []
    assert findings_of("NUM004", conversion_context(storm("a", "Adult whales measure up to 6 metres (20 feet)."))) == []


def test_num004_reads_a_conversion_offered_with_or_after_a_comma():
    """"14 nautical miles, or about 22 kilometres,": another way to say the figure, as a bracket is (14 nautical miles
    are 25.9 km)."""
    (f,) = findings_of("NUM004", conversion_context(storm("a", "The ship sank 14 nautical miles, or about 22 kilometres, "
                                                               "off the port.")))
    assert [(e.span, e.flagged) for e in f.evidence] == [("14 nautical miles", False), ("about 22 kilometres", True)]
    assert "after a comma" in f.explanation.to_dict()["grouped_because"]
    assert findings_of("NUM004", conversion_context(storm("a", "The ship sank 14 nautical miles, or 26 kilometres, off "
                                                               "the port."))) == []
    (g,) = findings_of("NUM004", conversion_context(storm("a", "A pilot saw a drone at 400 feet, about 250 metres, near "
                                                               "the runway.")))  # hedged: 400 feet are 122 metres
    assert [(e.span, e.flagged) for e in g.evidence] == [("400 feet", False), ("about 250 metres", True)]


def test_num004_reads_every_source_on_its_own():
    ctx = conversion_context(storm("a", "It made landfall 40 miles (64 km) south."),
                             storm("b", "It made landfall 40 miles (89 km) south."))
    assert [f.primary.source for f in findings_of("NUM004", ctx)] == ["b"]


@pytest.mark.parametrize("line", ["It lies 300 kilometers (190 miles) from the capital.",
                                  "The cable runs 40,000 kilometres (25,000 miles) around the world.",
                                  "The quake struck 75 kilometers (50 miles) offshore."])
def test_num004_a_conversion_rounded_to_its_own_round_figure_agrees(line):
    assert findings_of("NUM004", conversion_context(storm("a", line))) == []


def test_num004_a_round_conversion_still_fails_beyond_its_rounding():
    (f,) = findings_of("NUM004", conversion_context(storm("a", "It lies 300 kilometers (250 miles) from the capital.")))
    assert f.evidence[1].span == "250 miles"


def test_num004_quotes_the_other_sources_that_convert_the_figure_right():
    ctx = conversion_context(storm("a", "It struck at a depth of 12 km (about 9 miles)."),
                             storm("b", "It occurred at a depth of 12 km (7.5 miles)."),
                             storm("c", "The quake struck 40 km (25 miles) away, at 12 km (9 miles)."))
    (f, g) = findings_of("NUM004", ctx)
    assert [(e.source, e.span, e.flagged) for e in f.evidence] == [
        ("a", "12 km", False), ("a", "about 9 miles", True), ("b", "12 km", False), ("b", "7.5 miles", False)]
    assert f.message.endswith("b converts it to '7.5 miles'") and f.explanation.converted_right_by == ("b",)
    assert g.primary.source == "c" and g.explanation.converted_right_by == ("b",)  # a's is no right one


def test_num004_quotes_the_other_sources_that_state_the_figure_unconverted():
    # The metres are the coverage's figure, the feet the slip: the finding shows it.
    ctx = conversion_context(storm("a", "The span fell about 14 metres (some 62 feet) into the river."),
                             storm("b", "Cars plunged about 14 metres into the water."),
                             storm("c", "Divers worked up to 14 metres down."),
                             storm("d", "The pier fell 15 metres, the deck 14 metres."),
                             storm("e", "The pier fell 15 metres."))
    (f,) = findings_of("NUM004", ctx)
    assert [(e.source, e.span, e.flagged) for e in f.evidence] == [
        ("a", "about 14 metres", False), ("a", "some 62 feet", True), ("b", "about 14 metres", False),
        ("c", "up to 14 metres", False), ("d", "14 metres", False)]
    assert f.message.endswith("b gives 'about 14 metres', c gives 'up to 14 metres', d gives '14 metres'")
    assert f.explanation.stated_also_by == ("b", "c", "d")
    # A right conversion of the same figure elsewhere is quoted as one, with its source; a source that
    # converts the figure wrongly too quotes it in its own finding.
    ctx = conversion_context(storm("a", "The quake struck 30 km/h (about 25 mph) gusts."),
                             storm("b", "Gusts of up to 30 km/h (about 19 mph) swept the course."),
                             storm("c", "Gusts of 30 km/h (about 25 mph) were recorded."))
    f, g = findings_of("NUM004", ctx)
    assert [(e.source, e.span) for e in f.evidence] == [
        ("a", "30 km/h"), ("a", "about 25 mph"), ("b", "up to 30 km/h"), ("b", "about 19 mph")]
    assert f.explanation.converted_right_by == ("b",) and f.explanation.stated_also_by == ()


def test_num004_converts_no_currency():
    """Rates move: a currency's bracket is NUM006's, judged against other sources' rates."""
    assert findings_of("NUM004", conversion_context(storm("a", "A fee of €42 million (£31 million) was paid."))) == []


# --- NUM006: sources converting money at rates too far apart ---------------------------------------------


def test_num006_flags_the_rate_the_others_contradict_agreeing_among_themselves():
    ctx = conversion_context(storm("a", "Athletic paid a fee of €42 million (£36.5 million) for him."),
                             storm("b", "He joined after a €42m (about £31 million) move."),
                             storm("c", "The club received €42 million, almost £37 million."))
    (f,) = findings_of("NUM006", ctx)
    assert f.rule == "NUM006" and f.severity == "warning" and f.kind == "number"
    assert [(e.source, e.span, e.flagged) for e in f.evidence] == [
        ("b", "€42m", False), ("b", "about £31 million", True), ("a", "€42 million", False),
        ("a", "£36.5 million", False), ("c", "€42 million", False), ("c", "almost £37 million", False)]
    ex = f.explanation.to_dict()
    assert ex["currencies"] == "EUR -> GBP" and ex["consensus"] == "0.8576 to 0.9036"
    assert "0.7176 to 0.759 GBP per EUR" in f.message


def test_num006_two_sources_alone_are_both_quoted_neither_flagged():
    ctx = conversion_context(storm("a", "Athletic paid a fee of €42 million (£36.5 million) for him."),
                             storm("b", "He joined after a €42m (about £31 million) move."))
    (f,) = findings_of("NUM006", ctx)
    assert not any(e.flagged for e in f.evidence) and "neither has a majority" in f.message


@pytest.mark.parametrize("other", [
    "He joined after a €42m (about £37 million) move.",  # one rate, rounded
    "The club paid $1.2bn (£950m) for the stadium.",  # other currencies
    "He earns £145,000 (€167,000) a week.",  # the other way round, at the same rate
    "The fee was €42 million, £31 million less than the record.",  # no hedge, no 'or': no conversion
])
def test_num006_passes_one_rate_and_what_is_no_conversion(other):
    ctx = conversion_context(storm("a", "Athletic paid a fee of €42 million (£36.5 million) for him."), storm("b", other))
    assert findings_of("NUM006", ctx) == []


def test_num006_rates_of_days_far_apart_are_not_compared():
    a, ca = storm("a", "Athletic paid a fee of €42 million (£36.5 million) for him.")
    b, cb = storm("b", "He joined after a €42m (about £31 million) move.")
    ctx = conversion_context((a, ca), (b, cb))
    meta = {"a": {"date": "2020-01-10"}, "b": {"date": "2026-08-20"}}
    sources = tuple(replace(s, meta=meta[s.id]) for s in ctx.corpus.sources)
    ctx = replace(ctx, corpus=replace(ctx.corpus, sources=sources))
    assert findings_of("NUM006", ctx) == []


# --- DATE002: a date's weekday against its day ----------------------------------------------------


def weekday_context(line: str, span: str, year: int | None, stated: bool = True) -> Context:
    """One article whose `line` dates something to `span`, of `year` (the text's or the article's)."""
    a = Article("a", line)
    value = parse_date(span)
    value = replace(value, year=year, year_stated=stated, weekday=named_weekday(span, value))
    return Context(corpus(a), claims=[a.claim(ClaimKind.DATE, span, value, verb="introduce")])


def test_date002_flags_a_weekday_the_calendar_does_not_give_the_day():
    """6 January 2009 was a Tuesday."""
    (f,) = findings_of("DATE002", weekday_context("Marrowby on Monday, January 6, 2009 introduced the laptop.",
                                                  "Monday, January 6, 2009", 2009))
    assert f.rule == "DATE002" and f.severity == "warning"
    assert [(e.span, e.flagged) for e in f.evidence] == [("Monday, January 6, 2009", True)]
    assert f.message == "'Monday, January 6, 2009' names a Monday, but 2009-01-06 is a Tuesday"
    assert f.explanation.to_dict() == {"date": "2009-01-06", "named": "Monday", "calendar": "Tuesday",
                                       "year_from": "the text"}


def test_date002_says_when_the_year_is_the_articles():
    (f,) = findings_of("DATE002", weekday_context("Marrowby on Monday (Jan 6) introduced the laptop.",
                                                  "Monday (Jan 6", 2009, stated=False))
    assert f.message.endswith("(the year from the article's date; no year near it puts the day on a Monday)")
    assert f.explanation.year_from == "the article's date"


@pytest.mark.parametrize("line, span, year", [
    ("Marrowby on Tuesday, January 6, 2009 introduced the laptop.", "Tuesday, January 6, 2009", 2009),  # right
    ("Marrowby on Monday, January 6 introduced the laptop.", "Monday, January 6", None),  # no year: no calendar
    ("Talks ran from Monday to Wednesday, January 5-7, 2009.", "Monday to Wednesday, January 5-7, 2009", 2009),
    ("Marrowby introduced the laptop on January 6, 2009.", "January 6, 2009", 2009),  # no weekday named
])
def test_date002_passes_right_weekdays_and_dates_it_cannot_place(line, span, year):
    assert findings_of("DATE002", weekday_context(line, span, year)) == []


# --- NAME004: a name with characters a reader does not see -----------------------------------------


@pytest.mark.parametrize(("written", "said"), [
    ("Arvid Lind\u200bqvaard", "a zero width space (U+200B)"),
    ("Arvid Lindqv\u0430ard", "a Cyrillic '\u0430' (U+0430) read as 'a'"),
    ("Arvid Lind\u00adqvaard", "a soft hyphen (U+00AD)"),
    ("Arvid \u202eLindqvaard", "a right-to-left override (U+202E)"),
])
def test_a_name_with_hidden_characters_is_read_plain_and_the_finding_says_so(written, said):
    a = Article("a", f"Finance minister {written} said exports rose.", f"{written} spoke again.")
    b = Article("b", "Finance minister Arvid Lindqvaard said exports rose.")
    ctx = Context(corpus(a, b), claims=[a.person(written), a.person(written, sentence=1), b.person("Arvid Lindqvaard")])
    (f,) = findings_of("NAME004", ctx)
    assert f.rule == "NAME004" and f.severity == "warning" and f.subject == "Arvid Lindqvaard"
    assert said in f.message and "read as 'Arvid Lindqvaard'" in f.message and "(2 mentions)" in f.message
    assert [(e.source, e.line, e.flagged) for e in f.evidence] == [("a", 1, True), ("a", 2, True)]
    assert f.evidence[0].span == written  # quoted as the file holds it
    assert "\u200b" not in f.message and "\u202e" not in f.message  # shown escaped: a message is one visible line
    assert f.explanation.read_as == "Arvid Lindqvaard" and f.explanation.mentions == 2


def test_a_plain_name_and_a_name_in_another_script_are_not_hidden_characters():
    a = Article("a", "Finance minister Arvid Lindqvaard met Sergei Ivanov and \u0421\u0435\u0440\u0433\u0435\u0439.")
    ctx = Context(corpus(a), claims=[a.person("Arvid Lindqvaard"), a.person("\u0421\u0435\u0440\u0433\u0435\u0439")])
    assert findings_of("NAME004", ctx) == []


@pytest.mark.parametrize("usual, pet", [("Matthias Roen", "Matti Roen"), ("Mirela Kastan", "Mira Kastan"),
                                        ("Dorothea Lenz", "Dora Lenz"), ("Nikolas Ferrand", "Nick Ferrand")],
                         ids=["matti", "mira", "dora", "nick"])
def test_a_pet_form_of_the_first_letters_is_the_same_name(usual, pet):
    """A pet form keeps the first letters and takes a pet ending ("Matti") or the name's own last letter ("Mira"),
    spelt with "c" or "k" for one sound ("Nick" for "Nikolas"); no table needs to list it."""
    ctx = people_context(minister("a", usual), minister("b", usual), minister("c", pet))
    assert len(ctx.people) == 1
    assert findings_of("NAME001", ctx) == findings_of("NAME002", ctx) == []


def test_a_first_name_with_one_letter_lost_is_a_misspelling_not_a_pet_form():
    ctx = people_context(minister("a", "Malcolm Tucker"), minister("b", "Malcolm Tucker"),
                         minister("c", "Malcom Tucker"))
    (f,) = findings_of("NAME002", ctx)
    assert f.explanation.reason == "spelt 'Malcom' against 'Malcolm'"


def test_the_first_letters_with_another_ending_are_another_name():
    """"Lena" is no pet form of "Lenore": it ends in a letter that is neither a pet ending nor the name's own."""
    ctx = people_context(minister("a", "Lenore Farkash"), minister("b", "Lenore Farkash"),
                         minister("c", "Lena Farkash"))
    (f,) = findings_of("NAME001", ctx)
    assert f.explanation.reason.startswith("first name 'Lena' against 'Lenore'")


def test_num001_two_counts_of_a_holder_too_far_apart_to_be_one_misreported_are_two_things():
    """"the four soldiers killed by friendly fire" and "killed at least 40 people" at a school: with no majority to set
    one aside, counts not within a factor of two nor a slip of each other's digits count two things. Near ones are
    one count told two ways, both quoted."""
    assert findings_of("NUM001", figures_context(deaths("a", "4"), deaths("b", "at least 40"))) == []
    (f,) = findings_of("NUM001", figures_context(deaths("a", "41"), deaths("b", "46")))
    assert sorted(e.source for e in f.evidence) == ["a", "b"] and f.explanation.majority is None
