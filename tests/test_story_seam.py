"""A clustered story parted at its seam: two groups of sources alike across much less than within, and a
disagreement that follows the line between them, are two events of one kind, not one event told two ways."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from conftest import run_cli

from checker.config import ConfigError, Settings, load_settings
from checker.corpus import Corpus, Paragraph, Source
from checker.corpus.stories import SEAM_SIDE, Seam, cluster, seam
from checker.findings.finding import Evidence, Finding

# Two fights of one boxer, each told by three outlets: the champion, his belt and the arena words are shared,
# his opponents, trainers and cities are not, and his age moved on between them.
FIRST = {
    "a1_wire": "Velasquez keeps his title against Reinholt\n\nDario Velasquez, 32, kept his heavyweight title on "
               "Saturday, stopping Tomas Reinholt in the ninth round before a crowd of 18,000 at the Kessal Arena.\n\n"
               "Velasquez knocked Reinholt down twice in the eighth round. His trainer, Ilse Marwick, said the champion "
               "had been hurt by a body shot early on.\n\nReinholt's promoter asked for a rematch in Kessal next spring.\n",
    "a2_local": "Reinholt stopped in the ninth as Velasquez rules Kessal\n\nThe 32-year-old champion Dario Velasquez "
                "stopped Tomas Reinholt in round nine at the Kessal Arena on Saturday night.\n\nReinholt, the local "
                "favourite, was floored twice in the eighth. Trainer Ilse Marwick said Velasquez had shaken off an early "
                "body shot.\n\nA rematch in Kessal is being discussed, Reinholt's camp said.\n",
    "a3_daily": "Champion Velasquez too strong for Reinholt\n\nHeavyweight champion Dario Velasquez, 32, beat Tomas "
                "Reinholt at the Kessal Arena, ending the fight in the ninth round after two knockdowns in the eighth."
                "\n\nIlse Marwick, his trainer, said the champion was never in danger after the early rounds. Reinholt "
                "wants a rematch in Kessal.\n",
}
SECOND = {
    "b1_wire": "Velasquez outpoints Osei to keep heavyweight belt\n\nDario Velasquez, 34, kept his heavyweight title on "
               "Friday, beating Emeka Osei on points after twelve rounds at the Pellucca Dome.\n\nThe judges scored the "
               "fight 116-112, 117-111 and 115-113. Osei's trainer, Anouk Derwent, said her fighter had won the last "
               "four rounds.\n\nOsei's camp said it would appeal to the sanctioning body.\n",
    "b2_local": "Osei falls short in Pellucca as Velasquez wins on points\n\nThe 34-year-old champion Dario Velasquez "
                "beat Emeka Osei on a unanimous decision at the Pellucca Dome on Friday night.\n\nOsei took the late "
                "rounds, his trainer Anouk Derwent said, but the judges gave the fight to Velasquez 116-112, 117-111 and "
                "115-113.\n\nOsei's team will appeal to the sanctioning body.\n",
    "b3_daily": "Velasquez edges Osei at the Pellucca Dome\n\nHeavyweight champion Dario Velasquez, 34, kept his belt "
                "with a points win over Emeka Osei at the Pellucca Dome after twelve rounds.\n\nTrainer Anouk Derwent "
                "said Osei deserved the decision and would appeal to the sanctioning body over the scores of 116-112, "
                "117-111 and 115-113.\n",
}
# The first fight with one source giving the champion another age than the other two do.
FIRST_ODD_AGE = {**FIRST, "a2_local": FIRST["a2_local"].replace("32-year-old", "33-year-old")}
# A digest item that reads apart from all six fight stories, yet close enough to be clustered with them.
ODD = {"c1_digest": "Boxing's sanctioning bodies meet next month to review how heavyweight rankings are drawn up "
                    "after a busy year.\n"}
# Crowd trouble after the second fight, told by three outlets in words of their own: far from both fights' stories.
BRAWL = {
    "c1_wire": "Fans held after brawl at Dome\n\nPolice arrested twelve fans after a brawl broke out in the stands of "
               "the Dome late in the night. Two stewards were treated for cuts after the heavyweight fight, a police "
               "spokesman said.\n",
    "c2_local": "Twelve arrested over Dome brawl\n\nA brawl in the stands of the Dome ended with twelve fans arrested "
                "and two stewards treated for cuts after the heavyweight fight, police said.\n",
    "c3_daily": "Stewards hurt in Dome stands\n\nTwo stewards were treated for cuts after the heavyweight fight and "
                "police arrested twelve fans after a brawl in the stands at the Dome.\n",
}
# One fight told by six outlets in their own words: a seam is where they part most, and it is shallow.
ONE = [
    "Dario Velasquez stopped Tomas Reinholt in the ninth round at the Kessal Arena to keep his heavyweight title.",
    "Velasquez kept the heavyweight belt, stopping Reinholt in round nine before 18,000 fans at the Kessal Arena.",
    "At the Kessal Arena the champion Dario Velasquez floored Tomas Reinholt twice and stopped him in the ninth.",
    "Tomas Reinholt was stopped in the ninth by Dario Velasquez, who kept his heavyweight title in Kessal.",
    "The heavyweight champion Velasquez beat Reinholt at the Kessal Arena, ending the fight in round nine.",
    "Reinholt's camp asked for a rematch after Velasquez stopped him in the ninth round at the Kessal Arena.",
]


def source(sid: str, text: str) -> Source:
    return Source(sid, f"{sid}.txt", text, paragraphs=[Paragraph(0, text)])


def sources(texts: dict[str, str]) -> list[Source]:
    return [source(sid, text) for sid, text in texts.items()]


def test_two_events_of_one_kind_are_one_cluster_with_a_deep_seam_between_them():
    both = sources(FIRST) + sources(SECOND)
    ((members, _),) = cluster(both)  # alike enough to be clustered as one story
    assert len(members) == 6
    found = seam(both)
    assert found.sides == (tuple(FIRST), tuple(SECOND))
    assert found.across < 0.75 * sum(found.within) / 2 and found.deep()
    assert not found.deep(share=found.across / (sum(found.within) / 2))  # the share is where it stops
    assert "0.2" in found.describe() and "(3 and 3 sources)" in found.describe()


def test_copies_of_one_text_are_one_voice_at_a_seam_and_go_with_it():
    """A wire story run verbatim by several outlets is one text: its copies neither make a side nor inflate how
    alike a side is, and each goes to the side of the text it copies."""
    both = sources(FIRST) + sources(SECOND)
    copies = [source(f"copy_{s.id}", s.text) for s in both]
    found = seam(both + copies)
    assert found.voices == (3, 3) and set(found.sides[0]) == {*FIRST, *(f"copy_{sid}" for sid in FIRST)}
    assert found.within == seam(both).within and found.deep()
    assert found.voice("copy_a1_wire") == "a1_wire" and found.voice("a1_wire") == "a1_wire"
    assert "(6 and 6 sources, 6 copies counted once)" in found.describe()
    # Five texts, however many copies of each, have no seam.
    assert seam(both[:5] + copies[:5] + copies[:5]) is None


def test_a_source_reading_apart_from_all_others_is_set_aside_to_find_the_seam():
    """Average linkage joins last what reads least like the rest, often one outlet's odd item: the seam between
    the two events is the split below it, and the odd item goes with the group it reads likest."""
    both = sources(FIRST) + sources(SECOND)
    for order in (both + sources(ODD), sources(ODD) + both):
        found = seam(order)
        assert {frozenset(side) for side in found.sides} == {frozenset(FIRST), frozenset({*SECOND, *ODD})}
        assert found.aside == 1 and found.voices in ((3, 4), (4, 3)) and found.deep()
        assert "(3 and 4 sources, 1 reading apart from all the others put with the group it reads likest)" in \
            seam(both + sources(ODD)).describe()
    # Set aside only while what is left can still part into two groups of SEAM_SIDE: else the top split stands.
    few = seam(sources(FIRST) + sources(SECOND)[:2] + sources(ODD))
    assert few.sides[1] == tuple(ODD) and few.aside == 0 and not few.deep()
    # Still shallow within one event told six ways, with the odd item among them.
    one = seam([source(f"s{i}", t) for i, t in enumerate(ONE)] + sources(ODD))
    assert one.aside == 1 and not one.deep()


def test_sources_are_set_aside_only_while_the_rest_can_part_into_two_groups_of_seam_side():
    """Eight voices: one apart from all, then two apart from five. Past the first, the rest (7) could part into two
    groups of three; past the next two, five cannot: the top split stands, with nothing set aside."""
    import numpy as np
    from scipy.cluster.hierarchy import linkage, to_tree
    from scipy.spatial.distance import squareform

    from checker.corpus.stories import _split

    def split(together: list[range], apart: list[float]):
        sim = np.full((8, 8), 0.5)
        for group in together:
            sim[np.ix_(group, group)] = 0.9
        sim[7, :7] = sim[:7, 7] = apart
        np.fill_diagonal(sim, 1.0)
        a, b, aside = _split(to_tree(linkage(squareform(1 - sim, checks=False), "average")), sim)
        return (a, b, aside) if 0 in a else (b, a, aside)

    assert split([range(2), range(2, 7)], [0.05] * 7) == (list(range(7)), [7], 0)
    # Three and four past the one apart, which goes with the group it reads likest.
    assert split([range(3), range(3, 7)], [0.05] * 3 + [0.1] * 4) == ([0, 1, 2], [3, 4, 5, 6, 7], 1)
    assert split([range(3), range(3, 7)], [0.1] * 3 + [0.05] * 4) == ([0, 1, 2, 7], [3, 4, 5, 6], 1)


def test_the_seam_within_one_group_is_tried_when_the_storys_seam_parts_one_camp_from_the_rest():
    """The second fight told in two camps, the fight and the crowd trouble after it: the story's seam parts the
    crowd trouble from both fights, and the line between the fights is the seam within the other group, the
    crowd trouble going with the fight it reads likest."""
    from checker.corpus.stories import seams

    nine = sources(FIRST) + sources(SECOND) + sources(BRAWL)
    top, inner = seams(nine)
    assert top.sides == ((*FIRST, *SECOND), tuple(BRAWL)) and top == seam(nine) and not top.beside
    assert inner.sides == (tuple(FIRST), (*SECOND, *BRAWL)) and inner.beside == 3 and inner.deep()
    assert inner.describe().endswith("(3 and 6 sources, found within one group of the story's seam, the other "
                                     "group's 3 put with the half they read likest)")
    # Each line must be deep: at a share the whole line is not, only the story's own seam is left.
    share = inner.across / (sum(inner.within) / 2)
    assert [line.sides for line in seams(nine, share=share)] == [top.sides]
    # Nothing to try past a shallow seam of the story.
    assert not list(seams(nine, share=top.across / (sum(top.within) / 2)))


@pytest.mark.parametrize("a_to_c, share, lines", [
    (0.25, 0.37, 1),  # the seam within A and B is deep (0.33), the whole line A | B and C is not (0.385)
    (0.25, 0.39, 2),
    (0.10, 0.30, 1),  # the whole line is deep (0.28), the seam within A and B is not (0.33)
    (0.10, 0.34, 2),
])
def test_a_seam_within_a_group_is_tried_when_it_and_the_whole_line_are_deep(monkeypatch, a_to_c, share, lines):
    """Likenesses by hand: three groups of three (0.9 alike within), A and B 0.3 alike, B and C 0.28, A and C
    `a_to_c`. The story's seam parts C from A and B; the seam within them parts A from B, C going with B."""
    import numpy as np
    from scipy.sparse import csr_matrix

    from checker.corpus import stories
    from checker.corpus.stories import seams

    ids = [f"{g}{k}" for g in "abc" for k in range(3)]
    between = {("a", "b"): 0.3, ("b", "c"): 0.28, ("a", "c"): a_to_c}
    sim = np.array([[1.0 if i == j else 0.9 if i[0] == j[0] else between[tuple(sorted((i[0], j[0])))]
                     for j in ids] for i in ids])
    values, axes = np.linalg.eigh(sim)
    rows = dict(zip(ids, axes * np.sqrt(values.clip(0))))  # unit rows whose dot products are `sim`
    monkeypatch.setattr(stories, "vectors", lambda srcs, counts=None: csr_matrix([rows[s.id] for s in srcs]))
    found = list(seams([source(sid, sid) for sid in ids], share=share))
    assert found[0].sides == (tuple(ids[:6]), tuple(ids[6:]))
    assert len(found) == lines
    if lines == 2:
        assert found[1].sides == (tuple(ids[:3]), tuple(ids[3:])) and found[1].beside == 3


def test_a_story_is_parted_along_the_seam_within_a_group_that_a_disagreement_follows(monkeypatch):
    from checker import run
    from checker.claims.table import Extraction
    from checker.corpus.source import Story
    from checker.findings.result import Result

    nine = sources(FIRST) + sources(SECOND) + sources(BRAWL)
    corpus = Corpus(tuple(nine), (), (Story("fights", tuple(s.id for s in nine), "cluster", ("velasquez",), 0.5),))
    ages = _finding(("a1_wire", "32"), ("a2_local", "32"), ("b1_wire", "34"))
    monkeypatch.setattr(run, "reconcile", lambda c, *_: Result(c, findings=[ages] if len(c.sources) == 9 else []))
    out = run.compare(corpus, Extraction([], []), None, Settings())
    assert [r.corpus.stories[0].sources for r in out] == [tuple(FIRST), (*SECOND, *BRAWL)]
    assert "found within one group of the story's seam" in out[0].corpus.stories[0].parted


def test_one_event_told_six_ways_has_a_shallow_seam():
    found = seam([source(f"s{i}", t) for i, t in enumerate(ONE)])
    assert found is not None and len(found.sides[0]) + len(found.sides[1]) == 6
    assert not found.deep()


def test_too_few_sources_have_no_seam():
    assert seam(sources(FIRST) + sources(SECOND)[:SEAM_SIDE - 1]) is None


def test_a_seam_with_a_small_side_is_not_deep():
    assert not Seam((("a", "b", "c"), ("d", "e")), (0.9, 0.9), 0.1, (3, 2)).deep()
    assert Seam((("a", "b", "c"), ("d", "e", "f")), (0.9, 0.9), 0.1, (3, 3)).deep()
    assert not Seam((("a", "b", "c"), ("d", "e", "f")), (0.9, 0.9), 0.7, (3, 3)).deep()
    assert not Seam((("a", "b", "c"), ("d", "e", "f")), (0.9, 0.9), 0.1, (3, 1)).deep()  # e and f copies of d


def _finding(*quoted: tuple[str, str]) -> Finding:
    return Finding("NUM001", "number", "error", "Velasquez: age", "differs",
                   tuple(Evidence(sid, f"{sid}.txt", 1, 1, span, span, False, span) for sid, span in quoted))


@pytest.mark.parametrize("quoted, divides", [
    ((("a1", "32"), ("a2", "32"), ("b1", "34")), True),  # each value from one group
    ((("a1", "32"), ("b1", "34"), ("b2", "34")), True),
    ((("a1", "32"), ("a2", "34"), ("b1", "34")), False),  # 34 from both groups
    ((("a1", "32"), ("a2", "34")), False),  # all from one group: a disagreement within it
    ((("a1", "32"), ("b1", "32")), False),  # one value: nothing to divide
    ((("a1", "32"), ("b1", "34"), ("c1", "36")), False),  # a source in neither group
])
def test_a_finding_divides_two_groups_when_each_value_is_quoted_from_one_of_them(quoted, divides):
    assert _finding(*quoted).divides({"a1", "a2", "a3"}, {"b1", "b2", "b3"}) is divides


@pytest.mark.parametrize("quoted, quoting", [
    ((("a1", "32"), ("a2", "32"), ("b1", "34")), 3),
    ((("a1", "32"), ("b1", "34")), 2),
    ((("a1", "32"), ("a1", "33"), ("b1", "34")), 2),  # one source giving two values is one source
    ((("a1", "32"), ("copy_a1", "32"), ("b1", "34")), 2),  # a copy of a1's text is a1's voice
    ((), 0),
])
def test_the_sources_a_finding_quotes_are_counted_once_each_and_copies_of_one_text_once(quoted, quoting):
    voice = Seam((("a1", "copy_a1"), ("b1",)), (0.9, 0.9), 0.1, (1, 1), copies=(("copy_a1", "a1"),)).voice
    assert _finding(*quoted).quoting(voice) == quoting
    assert _finding(("a1", "32"), ("copy_a1", "32")).quoting() == 2  # told no voices, each source counts


@pytest.mark.parametrize("quoted, parted", [
    ((("a1_wire", "32"), ("a2_local", "32"), ("b1_wire", "34")), True),
    ((("a1_wire", "32"), ("b1_wire", "34"), ("b2_local", "34")), True),
    ((("a1_wire", "32"), ("b1_wire", "34"), ("b2_local", "36")), True),
    # One outlet against one: an outlet's slip, the one other source that states the fact in the other camp.
    ((("a1_wire", "32"), ("b1_wire", "34")), False),
    ((("a1_wire", "32"), ("copy_a1_wire", "32"), ("b1_wire", "34")), False),  # a copy is no third source
])
def test_a_disagreement_of_two_sources_alone_parts_no_story(monkeypatch, quoted, parted):
    from checker import run
    from checker.claims.table import Extraction
    from checker.corpus.source import Story
    from checker.findings.result import Result

    both = sources(FIRST) + sources(SECOND) + [source("copy_a1_wire", FIRST["a1_wire"])]
    corpus = Corpus(tuple(both), (), (Story("fights", tuple(s.id for s in both), "cluster", ("velasquez",), 0.5),))
    along = _finding(*quoted)
    monkeypatch.setattr(run, "reconcile", lambda c, *_: Result(c, findings=[along] if len(c.sources) == 7 else []))
    out = run.compare(corpus, Extraction([], []), None, Settings())
    assert [r.corpus.stories[0].sources for r in out] == (
        [(*FIRST, "copy_a1_wire"), tuple(SECOND)] if parted else [tuple(s.id for s in both)])
    if parted:
        values = " / ".join(dict.fromkeys(repr(span) for _, span in quoted))
        assert out[0].corpus.stories[0].parted.endswith(
            f"and 3 of the sources disagree along that line (NUM001, Velasquez: age: {values})")


@pytest.mark.parametrize("rule, kind, parted", [
    ("NUM001", "number", True), ("DATE001", "date", True), ("NAME001", "name", True),
    ("NAME002", "name", False), ("NAME003", "name", False), ("ROLE001", "role", False),
    ("TRANS001", "translation", False),
])
def test_only_a_figure_a_date_or_a_first_name_along_a_deep_seam_parts_a_clustered_story(monkeypatch, rule, kind,
                                                                                       parted):
    """Two events differ in their figures and days, and two people of one surname in their first names; a
    spelling, a title or a translation differs from outlet to outlet, and a machine translation's sources read
    apart from the others."""
    from checker import run
    from checker.claims.table import Extraction
    from checker.corpus.source import Story
    from checker.findings.result import Result

    both = sources(FIRST) + sources(SECOND)
    corpus = Corpus(tuple(both), (), (Story("fights", tuple(s.id for s in both), "cluster", ("velasquez",), 0.5),))
    along = replace(_finding(("a1_wire", "32"), ("a2_local", "32"), ("b1_wire", "34")), rule=rule, kind=kind)
    monkeypatch.setattr(run, "reconcile", lambda c, *_: Result(c, findings=[along] if len(c.sources) == 6 else []))
    out = run.compare(corpus, Extraction([], []), None, Settings())
    assert [r.corpus.stories[0].sources for r in out] == (
        [tuple(FIRST), tuple(SECOND)] if parted else [tuple(s.id for s in both)])


def test_two_people_of_a_common_surname_kept_apart_along_a_deep_seam_part_a_clustered_story(monkeypatch):
    """"Yossi Cohen" in one source, "Michael Cohen" in three on the other side of the seam: a rarer surname would have
    joined them as one person with a first name changed (NAME001), which parts a story; kept apart as the common
    surname's two people, they part it as well, and the story says why. Named on one side, they part nothing."""
    from checker import run
    from checker.claims.claim import Claim, ClaimKind
    from checker.claims.table import Extraction
    from checker.corpus.source import Story
    from checker.findings.result import Result
    from checker.groups.people import Person
    from checker.values.types import PersonName

    def mention(sid: str, name: str) -> Claim:
        words = name.split()
        return Claim(ClaimKind.PERSON, sid, 0, len(name), 1, 1, name, f"{name} said.",
                     PersonName(name, tuple(words[:-1]), words[-1]))

    both = sources(FIRST) + sources(SECOND)
    corpus = Corpus(tuple(both), (), (Story("fights", tuple(s.id for s in both), "cluster", ("velasquez",), 0.5),))
    spelled = replace(_finding(("a1_wire", "Osei"), ("b1_wire", "Osey")), rule="NAME002", kind="name")

    def result(kept_in: str):
        def reconcile(c, *_):
            michael = Person(mentions=[mention(sid, "Michael Cohen") for sid in SECOND], apart={"Yossi Cohen": kept_in})
            yossi = Person(mentions=[mention(kept_in, "Yossi Cohen")])
            return Result(c, findings=[spelled] if len(c.sources) == 6 else [], people=[michael, yossi])
        return reconcile

    monkeypatch.setattr(run, "reconcile", result("a1_wire"))
    out = run.compare(corpus, Extraction([], []), None, Settings())
    assert [r.corpus.stories[0].sources for r in out] == [tuple(FIRST), tuple(SECOND)]
    assert out[0].corpus.stories[0].parted.endswith(
        "and 4 of the sources name two people of the common surname Cohen along that line, one on each side "
        "('Yossi Cohen' / 'Michael Cohen')")
    monkeypatch.setattr(run, "reconcile", result("b1_wire"))
    assert len(run.compare(corpus, Extraction([], []), None, Settings())) == 1


def test_the_seam_setting_is_read_and_checked(tmp_path):
    (tmp_path / "checker.toml").write_text("story-seam = 0.5\n", "utf-8")
    settings = load_settings(start=tmp_path)
    assert settings.story_seam == 0.5 and settings.origin["story_seam"].endswith("checker.toml")
    assert Settings().story_seam == 0.75
    (tmp_path / "checker.toml").write_text("story-seam = 1.5\n", "utf-8")
    from checker.config import validate

    with pytest.raises(ConfigError, match="story-seam must be over 0 and at most 1, not 1.5"):
        validate(load_settings(start=tmp_path))


def write(folder, *texts: dict[str, str]):
    """Each text as <id>.txt in `folder`, made as needed."""
    folder.mkdir(parents=True, exist_ok=True)
    for t in texts:
        for sid, text in t.items():
            (folder / f"{sid}.txt").write_text(text, "utf-8")
    return folder


def _across(result) -> list:
    """The loud findings that quote both fights."""
    return [f for f in result.findings if f.severity in ("error", "warning")
            and {e.source.split("/")[-1][0] for e in f.evidence} == {"a", "b"}]


@pytest.mark.slow
def test_a_clustered_story_is_parted_where_a_disagreement_follows_its_seam(tmp_path):
    from checker.run import check

    folder = write(tmp_path / "flat", FIRST, SECOND)
    parted = check(folder, Settings())
    assert [st.sources for st in parted.corpus.stories] == [tuple(FIRST), tuple(SECOND)]
    first, second = parted.corpus.stories
    assert (first.id, second.id) == (f"{first.id[:-2]}.1", f"{first.id[:-2]}.2")
    assert first.parted.startswith(f"parted from {second.id}: the two groups' words are 0.2")
    assert "(3 and 3 sources), and 6 of the sources disagree along that line (" in first.parted
    assert first.similarity > 0.9 and "kessal" in first.terms and "osei" in second.terms
    assert not _across(parted)
    assert {f.story for f in parted.findings} <= {first.id, second.id}
    # An odd item clustered with them is set aside to find the seam, then goes with the group it reads likest.
    odd = check(write(tmp_path / "odd", FIRST, SECOND, ODD), Settings())
    assert [st.sources for st in odd.corpus.stories] == [tuple(FIRST), (*SECOND, *ODD)]
    assert "1 reading apart from all the others" in odd.corpus.stories[0].parted and not _across(odd)
    # Each fight alone gives what it gives in the mixed folder.
    for texts, story in ((FIRST, first), (SECOND, second)):
        alone = check(write(tmp_path / story.id, texts), Settings())
        assert [(f.rule, f.subject) for f in alone.findings] == \
            [(f.rule, f.subject) for f in parted.findings if f.story == story.id]
    # Without the seam, the two fights' claims are compared: the champion's age and fight day disagree.
    whole = check(folder, Settings(story_seam=0.1))
    (story,) = whole.corpus.stories
    assert story.sources == (*FIRST, *SECOND) and not story.parted
    assert {f.rule for f in _across(whole)} >= {"NUM001"}
    ages = next(f for f in _across(whole) if f.rule == "NUM001")
    assert ages.divides(set(FIRST), set(SECOND))
    # The seam's setting is part of what a kept run depends on.
    kept = str(tmp_path / "cache")
    assert len(check(folder, Settings(cache_dir=kept)).corpus.stories) == 2
    assert len(check(folder, Settings(cache_dir=kept, story_seam=0.1)).corpus.stories) == 1
    # A seam with no disagreement along it parts nothing: the second fight told with the first's age and day,
    # and one source of the first giving the champion another age, which its own group disagrees with.
    quiet = {sid: text.replace("34", "32").replace("Friday", "Saturday") for sid, text in SECOND.items()}
    calm = check(write(tmp_path / "calm", FIRST_ODD_AGE, quiet), Settings())
    (story,) = calm.corpus.stories
    assert len(story.sources) == 6 and not story.parted
    assert seam([calm.corpus[sid] for sid in story.sources]).deep()
    (age,) = [f for f in calm.findings if f.severity == "error" and f.rule == "NUM001"]
    assert age.primary.source == "a2_local" and not age.divides(set(FIRST), set(SECOND))
    # A folder is the user's word: its story is never parted.
    folders = check(write(tmp_path / "desk" / "fights", FIRST, SECOND).parent, Settings())
    (story,) = folders.corpus.stories
    assert story.how == "folder" and not story.parted and _across(folders)


@pytest.mark.slow
def test_one_outlet_against_the_one_other_source_of_a_fact_in_the_other_camp_is_reported_not_parted(tmp_path):
    """One event's coverage in two camps, its champion's age given by one source in each, one of them wrong: the
    disagreement follows the seam, yet one source against one is an outlet's slip as readily as two events."""
    from checker.run import check

    first = {**FIRST, "a2_local": FIRST["a2_local"].replace("The 32-year-old champion", "The champion"),
             "a3_daily": FIRST["a3_daily"].replace("Dario Velasquez, 32, beat", "Dario Velasquez beat")}
    second = {"b1_wire": SECOND["b1_wire"].replace("Velasquez, 34,", "Velasquez, 38,"),
              "b2_local": SECOND["b2_local"].replace("The 34-year-old champion", "The champion"),
              "b3_daily": SECOND["b3_daily"].replace("Dario Velasquez, 34, kept", "Dario Velasquez kept")}
    second = {sid: text.replace("Friday", "Saturday") for sid, text in second.items()}
    assert [t.count("32") + t.count("34") + t.count("38") for t in (*first.values(), *second.values())] == \
        [1, 0, 0, 1, 0, 0]
    result = check(write(tmp_path / "camps", first, second), Settings())
    (story,) = result.corpus.stories
    assert len(story.sources) == 6 and not story.parted
    assert seam([result.corpus[sid] for sid in story.sources]).deep()
    (age,) = [f for f in result.findings if f.rule == "NUM001" and f.subject.endswith("age")]
    assert age.severity == "error" and {(e.source, e.span) for e in age.evidence} == {("a1_wire", "32"),
                                                                                       ("b1_wire", "38")}
    assert age.divides(set(first), set(second)) and age.quoting() == 2


@pytest.mark.slow
def test_a_story_run_verbatim_by_several_outlets_is_not_parted(tmp_path):
    """The seed articles, each run three times: the copies of one article are as alike as can be, and the
    garbled article's disagreements follow the line around its copies; they are still one story."""
    from conftest import CORPUS

    from checker.run import check

    folder = tmp_path / "syndicated"
    folder.mkdir()
    for path in sorted(CORPUS.iterdir()):
        if path.is_file():
            for k in range(3):
                (folder / f"{k}_{path.name}").write_text(path.read_text("utf-8"), "utf-8")
    result = check(folder, Settings())
    (story,) = result.corpus.stories
    assert len(story.sources) == 15 and not story.parted
    assert any(f.severity in ("error", "warning") for f in result.findings)


@pytest.mark.slow
def test_the_reports_say_why_a_story_was_parted(tmp_path):
    folder = write(tmp_path / "flat", FIRST, SECOND)
    report = json.loads(run_cli("check", str(folder), "--format", "json", "--no-cache", "--exit-zero").stdout)
    assert [st["sources"] for st in report["stories"]] == [list(FIRST), list(SECOND)]
    assert all(st["parted"].startswith("parted from ") for st in report["stories"])
    markdown = run_cli("check", str(folder), "--format", "markdown", "--no-cache", "--exit-zero").stdout
    assert markdown.count("and 6 of the sources disagree along that line") == 2
    alone = json.loads(run_cli("check", str(write(tmp_path / "one", FIRST)), "--format", "json", "--no-cache",
                               "--exit-zero").stdout)
    assert "parted" not in alone["stories"][0]
