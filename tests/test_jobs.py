"""All cores: sources read by several processes give what one process reads; the progress bar shows on a
terminal only."""

from __future__ import annotations

import io
from functools import partial

import pytest
from conftest import ROOT

from checker import cli
from checker.claims.table import MIN_WORDS, _chunks, _processes, extract
from checker.config import Settings
from checker.corpus import Paragraph, Source, load_corpus

STORIES = ROOT / "tests" / "stories"


def source(sid: str, words: int) -> Source:
    text = " ".join(["word"] * words)
    return Source(sid, f"{sid}.txt", text, paragraphs=[Paragraph(0, text)])


def test_sources_are_shared_out_in_runs_of_about_the_same_words():
    sources = [source(f"s{i}", 500 + 100 * (i % 7)) for i in range(200)]
    chunks = _chunks(sources, 2)
    assert [s for c in chunks for s in c] == sources  # every source once, in order
    sizes = [sum(s.word_count for s in c) for c in chunks]
    assert len(chunks) >= 16 and max(sizes[:-1]) - min(sizes[:-1]) <= 1100


def test_a_small_corpus_is_read_in_this_process():
    sources = [source(f"s{i}", 1000) for i in range(30)]
    assert _processes(sources, 2, MIN_WORDS) == 2 and _processes(sources[:20], 2, MIN_WORDS) == 1
    assert _processes(sources[:1], 8, 0) == 1 and _processes(sources, 8, MIN_WORDS) == 2


@pytest.mark.slow
def test_two_processes_read_what_one_reads():
    from checker.run import pipeline

    corpus = load_corpus(STORIES)
    load = partial(pipeline, Settings().model, {})
    one, two = extract(corpus, load, jobs=1), extract(corpus, load, jobs=2, min_words=0)
    assert one.claims and (two.claims, two.bigrams, two.candidates, two.sentences) == \
        (one.claims, one.bigrams, one.candidates, one.sentences)


@pytest.mark.slow
def test_a_model_that_cannot_load_in_a_reading_process_is_one_error_not_a_hang():
    from checker.nlp import ModelNotFound
    from checker.run import pipeline

    with pytest.raises(ModelNotFound, match="spaCy model 'xx_no_such_model' is not installed"):
        extract(load_corpus(STORIES), partial(pipeline, "xx_no_such_model", {}), jobs=2, min_words=0)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("tty, env, shown", [(True, {}, True), (False, {}, False), (True, {"CI": "true"}, False),
                                             (True, {"TERM": "dumb"}, False)])
def test_the_progress_bar_shows_on_a_terminal_only(monkeypatch, tty, env, shown):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    err = Terminal() if tty else io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    with cli._progress() as progress:
        if progress is not None:
            for done in range(1, 11):
                progress("reading", done, 10)
    assert (progress is not None) == shown
    assert ("reading" in err.getvalue()) == shown


def test_the_command_line_and_a_run_import_no_spacy_until_a_source_is_parsed():
    """A run answered from the cache never loads the model, so it need not pay for importing spaCy."""
    import subprocess
    import sys

    code = ("import sys, checker.cli, checker.run, checker.reports, checker.config; "
            "checker.run.cache(checker.config.Settings(cache_dir='unused'))  # opening the cache names the model's version\n"
            "print(sorted(m for m in sys.modules if m.startswith('spacy')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
