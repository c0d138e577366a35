"""Stories: a corpus is told apart into stories (one subfolder each, or a flat folder clustered by its words),
claims are compared within a story only, and a mixed folder gives the union of its stories' findings."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT, run_cli
from hypothesis import given
from hypothesis import strategies as st

from checker.config import ConfigError, Settings, load_settings
from checker.corpus import Corpus, Paragraph, Source, load_corpus
from checker.corpus import stories as stories_module
from checker.corpus.stories import cluster, find_stories, terms, weight, words

STORIES = ROOT / "tests" / "stories"

# Two invented stories, three outlets each, in their own words: what a flat folder of a news desk holds.
FERRY = [
    "The ferry Amberline ran aground off Kessal harbour on Sunday with 212 passengers aboard, the coastguard said. "
    "Captain Ilse Marwick steered the ferry onto a sandbank in fog; no one was hurt and tugs refloated the vessel.",
    "Fog drove the Amberline ferry onto a sandbank near Kessal harbour, and its 212 passengers waited six hours "
    "for tugs. The coastguard praised Captain Ilse Marwick for keeping the ferry's passengers calm.",
    "Tugs refloated the ferry Amberline at Kessal after it ran aground in thick fog. Captain Ilse Marwick and the "
    "coastguard said all 210 passengers and crew were safe and the harbour reopened.",
]
BUDGET = [
    "The Dunmore council approved a budget of 48 million crowns for schools on Tuesday, after councillor Petra "
    "Lindqvaard argued that classrooms in the eastern district were overcrowded.",
    "Councillor Petra Lindqvaard won the vote: Dunmore's council passed a schools budget of 48 million crowns, "
    "with new classrooms promised for the overcrowded eastern district.",
    "Dunmore's council voted through 46 million crowns for its schools. Councillor Petra Lindqvaard said the "
    "eastern district's overcrowded classrooms could not wait another year.",
]
# Two events of one kind, told in the same common words ("magnitude", "geological survey", "aftershocks",
# "church tower" or "school wall", "residents ... outdoors"): only their people and places differ.
QUAKE_A = [
    "An earthquake of magnitude 5.2 struck near the town of Varnholt on Monday, the geological survey said. "
    "The quake closed the Halvard Bridge; in Varnholt a church tower cracked and residents of Ostrelle slept outdoors.",
    "Residents of Varnholt and Ostrelle fled their homes when a magnitude 5.2 earthquake shook the valley, "
    "the geological survey reported. Mayor Teodor Vasko said the Halvard Bridge and the church tower would be inspected.",
    "The magnitude 5.1 quake centred near Varnholt cracked a church tower, Mayor Teodor Vasko said, and "
    "aftershocks kept Ostrelle's residents outdoors overnight, according to the geological survey.",
]
QUAKE_B = [
    "A magnitude 4.8 earthquake shook the coast near Pellucca on Friday, the geological survey said. "
    "In Pellucca a wall of the Quillon Academy school collapsed, and Governor Anouk Derwent ordered residents of "
    "Sarrine to stay outdoors.",
    "Governor Anouk Derwent said no one died when a magnitude 4.8 quake hit Pellucca, though a school wall "
    "fell at the Quillon Academy and aftershocks rattled Sarrine, the geological survey reported.",
    "Aftershocks followed the magnitude 4.9 earthquake that collapsed a school wall in Pellucca, the geological "
    "survey said; Governor Anouk Derwent told Sarrine's residents to sleep outdoors.",
]


def source(sid: str, text: str, folder: str = "") -> Source:
    return Source(sid, f"{sid}.txt", text, paragraphs=[Paragraph(0, text)], folder=folder)


def flat(*texts: list[str]) -> Corpus:
    sources = [source(f"{chr(97 + i)}{k}", t) for i, story in enumerate(texts) for k, t in enumerate(story)]
    return Corpus(tuple(sorted(sources, key=lambda s: s.id[::-1])))  # the stories' sources interleaved


def test_a_flat_folder_is_clustered_into_its_stories():
    stories = find_stories(flat(FERRY, BUDGET))
    assert sorted(sorted(st.sources) for st in stories) == [["a0", "a1", "a2"], ["b0", "b1", "b2"]]
    assert {st.how for st in stories} == {"cluster"}
    assert all(0 < st.similarity < 1 for st in stories)


def test_one_story_stays_one_however_its_outlets_word_it():
    (story,) = find_stories(flat(FERRY))
    assert story.sources == ("a0", "a1", "a2") and story.how == "cluster"


def test_a_story_is_clustered_the_same_alone_and_among_others():
    """The words' weights come from English, not from the corpus: what else lies in the folder does not change
    how alike two of a story's sources are."""
    alone = cluster(list(flat(FERRY)))
    mixed = cluster(list(flat(FERRY, BUDGET)))
    ferry = next(likeness for members, likeness in mixed if members[0].id.startswith("a"))
    assert alone[0][1] == ferry


def test_a_rare_name_weighs_more_than_a_common_word():
    assert weight("lindqvaard") > weight("harbour") > weight("said")


def test_a_story_is_shown_by_the_words_its_sources_share():
    (story,) = find_stories(flat(FERRY))
    assert story.terms == terms(flat(FERRY).sources) and set(story.terms) <= {"amberline", "kessal", "marwick",
                                                                             "ilse", "coastguard", "ferry"}
    assert story.id == "-".join(story.terms)


def test_subfolders_are_stories_and_loose_files_are_clustered():
    sources = [source("ferry/a", FERRY[0], "ferry"), source("x", BUDGET[0]), source("ferry/b", FERRY[1], "ferry"),
               source("y", BUDGET[1]), source("z", BUDGET[2])]
    stories = find_stories(Corpus(tuple(sources)))
    assert [(st.id, st.how, st.sources) for st in stories][0] == ("ferry", "folder", ("ferry/a", "ferry/b"))
    assert stories[1].how == "cluster" and stories[1].sources == ("x", "y", "z")


@pytest.mark.parametrize("mode, expected", [
    ("one", [("a0", "a1", "b0", "b1")]),
    ("folders", [("a0", "a1"), ("b0", "b1")]),
    ("cluster", [("a0", "a1"), ("b0", "b1")]),
])
def test_each_mode(mode, expected):
    # The folders say the opposite of the words: "folders" follows the folders, "cluster" the words.
    sources = (source("a0", FERRY[0], "x"), source("a1", FERRY[1], "y"), source("b0", BUDGET[0], "x"),
               source("b1", BUDGET[1], "y"))
    if mode == "folders":
        expected = [("a0", "b0"), ("a1", "b1")]
    assert [st.sources for st in find_stories(Corpus(sources), mode)] == expected


def test_an_unknown_mode_is_an_error():
    with pytest.raises(ValueError, match="stories: unknown mode 'stories'"):
        find_stories(flat(FERRY), "stories")


def test_a_source_like_no_other_is_a_story_of_its_own():
    lone = "Quarterly wheat yields in Halvor county doubled, agronomists at Brennic University reported."
    stories = find_stories(Corpus((*flat(FERRY).sources, source("w", lone))))
    assert [st.sources for st in stories] == [("a0", "a1", "a2"), ("w",)] and stories[1].similarity is None


def test_a_cluster_id_is_unique():
    stories = find_stories(flat(FERRY, BUDGET), "cluster", threshold=1e-9)  # next to nothing joins
    assert len(stories) >= 4 and len({st.id for st in stories}) == len(stories)
    assert any(st.id.endswith("-2") for st in stories)  # two clusters sharing their terms, told apart


def test_the_corpus_of_a_story_holds_its_sources_only():
    corpus = flat(FERRY, BUDGET)
    corpus = Corpus(corpus.sources, (), find_stories(corpus))
    story = corpus.story_of("b1")
    assert [s.id for s in corpus.story(story)] == sorted(story.sources) and corpus.story(story).stories == (story,)


def test_files_of_the_same_name_in_two_story_folders_are_both_read(tmp_path):
    for story in ("ferry", "budget"):
        (tmp_path / story).mkdir()
        (tmp_path / story / "wire.txt").write_text(f"The {story} story, as the wire tells it.\n", "utf-8")
    corpus = load_corpus(tmp_path)
    assert [(s.id, s.folder) for s in corpus] == [("budget/wire", "budget"), ("ferry/wire", "ferry")]
    assert not corpus.problems


def test_the_stories_settings_are_read_and_checked(tmp_path):
    (tmp_path / "checker.toml").write_text('stories = "folders"\nstory-threshold = 0.8\n', "utf-8")
    settings = load_settings(tmp_path / "checker.toml")
    assert (settings.stories, settings.story_threshold) == ("folders", 0.8)
    (tmp_path / "checker.toml").write_text('stories = "topics"\n', "utf-8")
    with pytest.raises(ConfigError, match="stories must be one of auto, folders, cluster, one, not 'topics'"):
        load_settings(tmp_path / "checker.toml")
    (tmp_path / "checker.toml").write_text("story-threshold = 2\n", "utf-8")
    with pytest.raises(ConfigError, match="story-threshold must be over 0 and at most 1, not 2.0"):
        load_settings(tmp_path / "checker.toml")


# Real pipeline ------------------------------------------------------------------------------------------------


def _flat_copy(folder: Path, stories: list[Path]) -> dict[str, str]:
    """Every article of the stories in one flat folder, as `<story>__<file>`; the truth: source id -> story."""
    truth = {}
    for story in stories:
        for f in sorted(story.glob("*.txt")):
            shutil.copy(f, folder / f"{story.name}__{f.name}")
            truth[f"{story.name}__{f.stem}"] = story.name
    return truth


def _identity(f) -> tuple:
    """A finding as an editor reads it: rule, subject and every quoted place."""
    return (f.rule, f.severity, f.subject, tuple((e.source, e.line, e.column, e.span, e.flagged) for e in f.evidence))


@pytest.mark.slow
def test_a_flat_folder_of_several_stories_gives_the_union_of_their_findings_no_more(tmp_path):
    from checker.run import check

    stories = [STORIES / name for name in ("court", "election", "ferry", "landslide", "trial")] + [CORPUS]
    (tmp_path / "flat").mkdir()
    truth = _flat_copy(tmp_path / "flat", stories)
    settings = Settings()
    mixed = check(tmp_path / "flat", settings)
    assert sorted(sorted(st.sources) for st in mixed.corpus.stories) == sorted(
        sorted(sid for sid, story in truth.items() if story == name) for name in {*truth.values()})
    union = []
    for story in stories:
        alone = tmp_path / "alone" / story.name
        alone.mkdir(parents=True)
        _flat_copy(alone, [story])
        union += check(alone, settings).findings
    assert sorted(map(_identity, mixed.findings)) == sorted(map(_identity, union))
    assert {f.story for f in mixed.findings} == {st.id for st in mixed.corpus.stories if
                                                 any(f.story == st.id for f in mixed.findings)}
    # Read as one story, the same folder compares claims across stories: findings no story gives alone.
    one = check(tmp_path / "flat", Settings(stories="one"))
    assert set(map(_identity, one.findings)) - set(map(_identity, union))


@pytest.mark.slow
def test_a_folder_a_story_gives_each_story_its_own_findings():
    from checker.run import check

    mixed = check(STORIES, Settings())
    assert [st.id for st in mixed.corpus.stories] == sorted(p.name for p in STORIES.iterdir() if p.is_dir())
    for story, part in zip(mixed.corpus.stories, mixed.by_story):
        assert {e.source.split("/")[0] for f in part.findings for e in f.evidence} <= {story.id}
        assert all(f.story == story.id for f in part.findings)
    alone = check(STORIES / "ferry", Settings())
    ferry = mixed.by_story[[st.id for st in mixed.corpus.stories].index("ferry")]
    assert [(f.rule, f.subject, f.message.replace("ferry/", "")) for f in ferry.findings] == \
        [(f.rule, f.subject, f.message) for f in alone.findings]


@pytest.mark.slow
def test_every_report_carries_the_story(tmp_path):
    proc = run_cli("check", str(STORIES), "--format", "json", "--no-cache", "--exit-zero")
    report = json.loads(proc.stdout)
    ids = [st["id"] for st in report["stories"]]
    assert ids == sorted(p.name for p in STORIES.iterdir() if p.is_dir())
    assert all(st["how"] == "folder" and st["summary"] for st in report["stories"])
    assert {f["story"] for f in report["findings"]} <= set(ids)
    sarif = json.loads(run_cli("check", str(STORIES), "--format", "sarif", "--no-cache", "--exit-zero").stdout)
    run = sarif["runs"][0]
    assert [st["id"] for st in run["properties"]["stories"]] == ids
    assert [r["properties"]["story"] for r in run["results"]] == [f["story"] for f in report["findings"]]
    markdown = run_cli("check", str(STORIES), "--format", "markdown", "--no-cache", "--exit-zero").stdout
    assert "## Stories" in markdown and [line for line in markdown.splitlines() if line.startswith("## Story ")] == \
        [f"## Story {i}: {sid}" for i, sid in enumerate(ids, 1)]
    text = run_cli("check", str(STORIES), "--no-cache", "--exit-zero").stdout
    assert text.splitlines()[-1].endswith(f"({len(ids)} stories)")


def test_sources_with_no_word_to_liken_them_by_are_stories_of_their_own():
    stories = find_stories(Corpus((source("a", ". 12 ."), source("b", "- 7 -"))))
    assert [st.sources for st in stories] == [("a",), ("b",)]


def test_a_word_no_other_source_uses_does_not_pull_a_source_away_from_its_story():
    """A machine translation or a careless outlet misspells the names: words no other source uses and no
    dictionary lists, which would weigh most. They cannot make two sources alike, so they count for nothing."""
    garbled = ("The Ambarlene is free. Captain Ilsa Marvik of the Ambarlene told the Kassel Gazette that the "
               "Ambarlene passengers were safe, and Marvik thanked Kassel's tugs.")
    without = "The is free. Captain of the told the Gazette that the passengers were safe, and thanked tugs."
    likeness = [cluster(list(flat([*FERRY[:2], text])))[0][1] for text in (garbled, without)]
    assert likeness[0] == likeness[1] > 0.5


def test_a_possessive_is_the_word_it_belongs_to():
    assert words(source("a", "Kessal’s harbour and Kessal's ferry left Kessal."))["kessal"] == 3


def test_two_events_of_one_kind_are_told_apart_by_their_names(monkeypatch):
    """Two earthquakes share their common words; the towns, officials and buildings of each are its own. A name
    counts more than a common word, so the two are two stories, and each, alone, stays one."""
    assert sorted(st.sources for st in find_stories(flat(QUAKE_A, QUAKE_B))) == [("a0", "a1", "a2"),
                                                                                 ("b0", "b1", "b2")]
    assert [st.sources for st in find_stories(flat(QUAKE_A))] == [("a0", "a1", "a2")]
    assert [st.sources for st in find_stories(flat(QUAKE_B))] == [("a0", "a1", "a2")]
    # By rarity alone, the shared words of the kind of event ("magnitude", "aftershocks") make one story.
    monkeypatch.setattr(stories_module, "NAME_WEIGHT", 1.0)
    assert len(find_stories(flat(QUAKE_A, QUAKE_B))) == 1


def test_a_name_is_a_word_its_source_capitalises_away_from_a_sentence_start():
    import pickle

    text = ("Police said the iMac of Ilse Marwick was found in Kessal on Sunday. \u201cHarbour staff found it,\u201d "
            "police said in March. Kessal police thanked Marwick. Staff were calm.")
    counts = words(source("a", text))
    # "police" and "staff" start sentences but are written in lower case too; "Harbour" only starts one, and
    # is never written otherwise: a name, for all this source says. Months and weekdays are no story's names.
    assert counts.names == {"imac", "ilse", "marwick", "kessal", "harbour"}
    assert counts["police"] == 3 and pickle.loads(pickle.dumps(counts)).names == counts.names


@given(st.integers(1, 8).flatmap(lambda rows: st.lists(
    st.lists(st.one_of(st.just(0.0), st.floats(1e-6, 1e3)), min_size=6, max_size=6), min_size=rows, max_size=rows)))
def test_the_rows_are_scaled_to_length_one_as_scikit_learn_scales_them(rows):
    """Bit for bit: the likeness of two sources, and so which stories are found, stays what it was."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.preprocessing import normalize

    expected = normalize(csr_matrix(np.array(rows)))
    got = stories_module._unit_rows(csr_matrix(np.array(rows)))
    assert np.array_equal(got.indptr, expected.indptr) and np.array_equal(got.indices, expected.indices)
    assert np.array_equal(got.data, expected.data)


# Invented names and common words: sources that share some of either, so that some pairs are alike and some not.
_NAMES = ["Amberline", "Kessal", "Marwick", "Dunmore", "Lindqvaard", "Varnholt", "Pellucca", "Derwent"]
_COMMON = ["ferry", "harbour", "council", "budget", "earthquake", "magnitude", "passengers", "schools"]


@given(st.lists(st.lists(st.sampled_from(_NAMES + _COMMON), min_size=1, max_size=8), min_size=2, max_size=9))
def test_the_stories_are_those_average_linkage_finds_over_the_whole_corpus(texts):
    """Sources are clustered a block of alike pairs at a time, and a block whose pairs are all alike is one story
    without asking scikit-learn: the stories are those its clustering finds over every pair of the corpus."""
    from sklearn.cluster import AgglomerativeClustering

    sources = [source(f"s{k}", " ".join(words) + ".") for k, words in enumerate(texts)]
    found = {frozenset(s.id for s in members) for members, _ in cluster(sources)}
    x = stories_module.vectors(sources)
    if not x.shape[1]:
        expected = {frozenset([s.id]) for s in sources}
    else:
        labels = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                         distance_threshold=stories_module.THRESHOLD).fit(1 - (x @ x.T).toarray()).labels_
        expected = {frozenset(s.id for s, label in zip(sources, labels) if label == k) for k in set(labels)}
    assert found == expected


def test_the_sources_of_one_story_are_grouped_without_importing_scikit_learn():
    """Its import takes 0.7 s, most of a small corpus's grouping: a story whose sources are all alike needs none."""
    import subprocess
    import sys

    code = ("import sys; sys.path.insert(0, 'tests'); from test_story_split import FERRY, flat; "
            "from checker.corpus.stories import find_stories; "
            "print(len(find_stories(flat(FERRY))), any(m.startswith('sklearn') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split() == ["1", "False"]
