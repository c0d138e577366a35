"""The extraction cache: a second run over an unchanged corpus parses nothing, a changed file is parsed alone,
a corrupt entry is read anew, and a run from the cache gives what a run without it gives."""

from __future__ import annotations

import dataclasses
import gc
import pickle
from pathlib import Path

import pytest
from conftest import run_cli, write_corpus

from checker.claims.cache import ExtractionCache
from checker.config import Settings
from checker.corpus import load_corpus

A = "Finance minister Arvid Lindqvaard said on Monday that exports rose 12% in March.\n"
B = "Finance minister Arvid Lindqvaard said exports rose 15% in March.\n"


def cache(tmp_path, model="m", additions="") -> ExtractionCache:
    return ExtractionCache(tmp_path / "cache", model, additions)


def test_an_entry_is_read_back_as_written_and_a_missing_one_is_none(tmp_path):
    c = cache(tmp_path)
    assert c.get("ab" * 32) is None
    c.put("ab" * 32, ([1], [2], [], [], []))
    assert c.get("ab" * 32) == ([1], [2], [], [], []) and (c.hits, c.misses) == (1, 1)
    assert [p.name for p in (tmp_path / "cache").rglob("*") if p.is_file()] == ["ab" * 32 + ".pickle"]


def test_an_entry_kept_for_the_run_is_left_out_of_the_collector_s_walks(tmp_path):
    """A run's Result read whole is a million objects the collector would walk at its next collections, and
    walk for nothing: it holds no cycles. Kept, it is moved to the permanent generation; any other entry is not."""
    c = cache(tmp_path)
    entry = [[k] for k in range(5000)]
    c.put("ab" * 32, entry)
    gc.unfreeze()
    try:
        assert c.get("ab" * 32) == entry and gc.get_freeze_count() == 0
        assert c.get("ab" * 32, lasting=True) == entry and gc.get_freeze_count() >= 5001
    finally:
        gc.unfreeze()


def test_the_command_line_keeps_its_result_to_the_end_of_the_process(tmp_path, monkeypatch):
    """The command line asks for a Result answered from the cache to be left out of the collector's walks (a
    library call does not: it leaves the collector as it was)."""
    from checker import cli, run
    from checker.findings.result import Result

    asked: list[bool] = []

    def check(path, settings=None, progress=None, lasting=False):
        asked.append(lasting)
        return Result(load_corpus(path))

    monkeypatch.setattr(run, "check", check)
    cli._run(write_corpus(tmp_path / "c", A, B), Settings())
    assert asked == [True]


@pytest.mark.parametrize("junk", [b"", b"not a pickle", pickle.dumps(([1],))[:5]])
def test_a_corrupt_entry_is_ignored(tmp_path, junk):
    c = cache(tmp_path)
    c.put("cd" * 32, ([1], [], [], [], []))
    (tmp_path / "cache" / "cd" / ("cd" * 32 + ".pickle")).write_bytes(junk)
    assert c.get("cd" * 32) is None


def test_the_key_changes_with_everything_the_reading_depends_on(tmp_path):
    write_corpus(tmp_path / "c", A)
    (source,) = load_corpus(tmp_path / "c").sources
    key = cache(tmp_path).key(source)
    assert key == cache(tmp_path).key(source)  # the same source, the same key
    assert cache(tmp_path, model="other").key(source) != key
    assert cache(tmp_path, additions="places=x").key(source) != key
    source.meta["date"] = "2025-06-10"  # a relative date reads against the article's date
    assert cache(tmp_path).key(source) != key


def test_an_unwritable_cache_is_no_cache_not_an_error(tmp_path):
    (tmp_path / "cache").write_text("a file where the folder should be", "utf-8")
    c = cache(tmp_path)
    c.put("ef" * 32, ([], [], [], [], []))
    assert c.get("ef" * 32) is None


@pytest.mark.slow
def test_a_warm_run_parses_nothing_a_changed_file_alone_and_gives_the_same_result(tmp_path, monkeypatch):
    from checker import run
    from checker.claims import table

    corpus = write_corpus(tmp_path / "c", A, B, A.replace("12%", "14%"))
    settings = Settings(cache_dir=str(tmp_path / "cache"))
    cold = run.check(corpus, settings)
    parsed: list[str] = []
    real_read = table._read
    monkeypatch.setattr(table, "_read", lambda sources, *a: parsed.extend(s.id for s in sources) or real_read(sources, *a))
    warm = run.check(corpus, settings)
    assert parsed == []  # the model read nothing
    assert [f.fingerprint for f in warm.findings] == [f.fingerprint for f in cold.findings]
    assert warm.claims == cold.claims
    (corpus / "s1.txt").write_text(B.replace("15%", "16%"), "utf-8")
    changed = run.check(corpus, settings)
    assert parsed == ["s1"]  # the changed file alone
    uncached = run.check(corpus, Settings())
    assert [f.fingerprint for f in changed.findings] == [f.fingerprint for f in uncached.findings]
    assert changed.claims == uncached.claims


@pytest.mark.slow
def test_the_command_line_caches_by_default_and_not_with_no_cache(tmp_path):
    corpus = write_corpus(tmp_path / "c", A, B)
    env = {"CHECKER_CACHE_DIR": str(tmp_path / "cache")}
    first = run_cli("check", str(corpus), "--format", "json", env=env)
    assert len(list((tmp_path / "cache").rglob("*.pickle"))) == 3  # each source's reading, and the run's Result
    second = run_cli("check", str(corpus), "--format", "json", env=env)
    assert first.stdout == second.stdout and first.returncode == second.returncode == 1
    run_cli("check", str(corpus), "--no-cache", "--cache-dir", str(tmp_path / "other"))
    assert not (tmp_path / "other").exists()


@pytest.mark.slow
def test_an_unchanged_corpus_is_answered_whole_and_any_change_is_read_again(tmp_path, monkeypatch):
    from checker import run
    from checker.reports import render_json

    corpus = write_corpus(tmp_path / "c", A, B)
    settings = Settings(cache_dir=str(tmp_path / "cache"))
    cold = run.check(corpus, settings)
    loaded: list[Path] = []
    real_load = run.load_corpus
    monkeypatch.setattr(run, "load_corpus", lambda path, **kw: loaded.append(path) or real_load(path, **kw))
    assert gc.get_freeze_count() == 0  # a run that reads lets go of what it froze
    warm = run.check(corpus, settings)
    assert loaded == [] and render_json(warm) == render_json(cold)  # no file read as a corpus: the Result, whole
    assert gc.get_freeze_count() == 0  # a library call leaves the collector as it was
    lasting = run.check(corpus, settings, lasting=True)
    assert loaded == [] and render_json(lasting) == render_json(cold)
    assert gc.get_freeze_count() > 0  # kept to the end of the process, as the command line keeps it: left out
    gc.unfreeze()
    changes = [
        lambda: Settings(cache_dir=settings.cache_dir, rules={"NUM001": "info"}),  # a setting the Result depends on
        lambda: (corpus / "s1.meta.yaml").write_text("outlet: Courier\n", "utf-8") and settings,  # a metadata file
        lambda: (corpus / "s1.txt").write_text(B + "\nMore.\n", "utf-8") and settings,  # an article
        lambda: (corpus / "s2.txt").write_text(A, "utf-8") and settings,  # a new article
    ]
    for change in changes:
        used, before = change(), len(loaded)
        result = run.check(corpus, used)
        assert len(loaded) == before + 1  # read again
        assert render_json(result) == render_json(run.check(corpus, dataclasses.replace(used, cache_dir=None)))
