"""All cores: sources read by several processes give what one process reads, each story's as soon as it is
read; the claims table says each claim's story; the progress bar shows on a terminal only."""

from __future__ import annotations

import io
import subprocess
import sys
from dataclasses import replace
from functools import partial
from pathlib import Path

import pytest
from conftest import ROOT

from checker import cli
from checker.claims.claim import Claim
from checker.claims.table import MIN_WORDS, Extraction, _chunks, _processes, claims_frame, extract, extract_groups
from checker.config import Settings
from checker.corpus import Corpus, Paragraph, Source, load_corpus
from checker.values.types import PersonName

STORIES = ROOT / "tests" / "stories"


def run_script(path: Path, text: str, *args: str) -> subprocess.CompletedProcess:
    """The script run as a program of its own, as a user's would be: reading processes import it again as their
    main module, and what it imports is its own, not this test process's."""
    path.write_text(text, "utf-8")
    return subprocess.run([sys.executable, str(path), *args], capture_output=True, text=True, cwd=ROOT, timeout=300)


def source(sid: str, words: int) -> Source:
    text = " ".join(["word"] * words)
    return Source(sid, f"{sid}.txt", text, paragraphs=[Paragraph(0, text)])


def test_sources_are_shared_out_in_runs_that_shrink_to_the_end():
    sources = [source(f"s{i}", 500 + 100 * (i % 7)) for i in range(200)]
    chunks = _chunks(sources, 2)
    assert [s for c in chunks for s in c] == sources  # every source once, in order
    sizes = [sum(s.word_count for s in c) for c in chunks]
    words = sum(sizes)
    # The first run is a sixteenth of the corpus (an eighth of a process's half), the last ones the least.
    assert words // 16 <= sizes[0] < words // 16 + 1100
    assert all(later <= earlier + 1100 for earlier, later in zip(sizes, sizes[1:]))
    assert 2000 <= max(sizes[-4:]) < 2000 + 1100 and len(chunks) >= 24


def claim(sid: str, start: int) -> Claim:
    return Claim(source=sid, start=start, end=start + 1, kind="quantity", span="1", value=None, sentence="1",
                 line=1, column=start + 1)


def test_each_group_is_ready_as_soon_as_its_sources_are_read_and_in_corpus_order():
    corpus = Corpus(tuple(source(sid, 10) for sid in ("a1", "b1", "a2", "b2")))
    asked, told = [], []

    def reader(todo: list[Source]):
        asked.extend(s.id for s in todo)
        for s in reversed(todo):  # a reader may give them back in any order
            told.append(s.id)
            yield s.id, Extraction([claim(s.id, 5), claim(s.id, 1)], [])

    def never():
        pytest.fail("the model is loaded although a reader reads")

    out = [(g, list(told), [(c.source, c.start) for c in part.claims])
           for g, part in extract_groups(corpus, [("a1", "a2"), ("b1", "b2")], never, reader=reader)]
    assert asked == ["a1", "a2", "b1", "b2"]  # group after group, each group's sources in corpus order
    assert out == [(1, ["b2", "b1"], [("b1", 1), ("b1", 5), ("b2", 1), ("b2", 5)]),
                   (0, ["b2", "b1", "a2", "a1"], [("a1", 1), ("a1", 5), ("a2", 1), ("a2", 5)])]
    whole = extract(corpus, never, reader=reader)
    assert [(c.source, c.start) for c in whole.claims] == sorted((s, k) for s in ("a1", "a2", "b1", "b2") for k in (1, 5))


def test_the_reading_starts_before_the_stories_kept_in_the_cache_are_handed_on(tmp_path):
    from checker.claims.cache import ExtractionCache

    corpus = Corpus(tuple(source(sid, 10) for sid in ("a1", "b1")))
    cache = ExtractionCache(tmp_path, "no_model", "")
    cache.put(cache.key(corpus.sources[0]), Extraction([claim("a1", 1)], []))
    started = []

    def reader(todo: list[Source]):
        started.extend(s.id for s in todo)  # called, not iterated: how the processes start
        return iter([(s.id, Extraction([claim(s.id, 1)], [])) for s in todo])

    groups = extract_groups(corpus, [("a1",), ("b1",)], lambda: None, cache=cache, reader=reader)
    assert next(groups)[0] == 0 and started == ["b1"]  # the kept story comes first, the other already being read
    assert next(groups)[0] == 1 and cache.get(cache.key(corpus.sources[1])) is not None


def test_the_claims_table_says_each_claim_s_story():
    claims = [replace(claim(sid, 1), value=PersonName("Ilse Marwick", (), "Marwick")) for sid in ("a1", "b1", "c1")]
    frame = claims_frame(claims, {"a1": "ferry", "b1": "budget"})
    assert list(frame.columns[:2]) == ["story", "source"]
    assert list(frame["story"]) == ["ferry", "budget", ""]


def test_a_small_corpus_is_read_in_this_process():
    sources = [source(f"s{i}", MIN_WORDS // 10) for i in range(30)]  # enough for three processes
    assert _processes(sources, 2, MIN_WORDS) == 2 and _processes(sources[:19], 2, MIN_WORDS) == 1
    assert _processes(sources[:1], 8, 0) == 1 and _processes(sources, 8, MIN_WORDS) == 3


@pytest.mark.slow
def test_two_processes_read_what_one_reads():
    from checker.run import pipeline

    corpus = load_corpus(STORIES)
    load = partial(pipeline, Settings().model, {})
    one, two = extract(corpus, load, jobs=1), extract(corpus, load, jobs=2, min_words=0)
    assert one.claims and (two.claims, two.bigrams, two.candidates, two.sentences) == \
        (one.claims, one.bigrams, one.candidates, one.sentences)


@pytest.mark.slow
def test_a_paragraph_several_sources_carry_is_parsed_once_and_read_for_each(nlp, tmp_path):
    """A wire story three outlets run: one as sent, one under its own headline with a paragraph of its own, one
    copied with an invisible character inside a word (its paragraphs read the same; its quotes keep the character).
    The model parses each distinct paragraph once; each source reads the same claims as when read alone, at its
    own lines, quoting its own file."""
    from checker.claims.table import _read, pipeline_vocabulary

    sent = sorted((STORIES / "ferry").glob("*.txt"))[0].read_text("utf-8").strip()
    paragraphs = sent.split("\n\n")
    (tmp_path / "a.txt").write_text(sent, "utf-8")
    (tmp_path / "b.txt").write_text("\n\n".join(["Our own headline", *paragraphs[:2], "The ferry carried 42 cars.",
                                                  *paragraphs[3:]]), "utf-8")
    (tmp_path / "c.txt").write_text(sent.replace(" people", " peo\u200bple"), "utf-8")
    corpus = load_corpus(tmp_path)
    vocab = pipeline_vocabulary(nlp)
    parsed: list[str] = []

    class Counting:  # the pipeline, counting the texts it is given
        def pipe(self, items, **kwargs):
            return nlp.pipe(((parsed.append(text) or text, context) for text, context in items), **kwargs)

    together = dict(_read(list(corpus), Counting(), vocab, 4))  # batches of 4: the reading goes on as texts are read
    every = [p.text for s in corpus for p in s.paragraphs]
    assert len(parsed) == len(set(every)) < len(every) and sorted(parsed) == sorted(set(every))
    for s in corpus:
        alone = dict(_read([s], nlp, vocab, 128))[s.id]
        assert together[s.id].claims and (together[s.id].claims, together[s.id].bigrams, together[s.id].candidates,
                                          together[s.id].sentences) == \
            (alone.claims, alone.bigrams, alone.candidates, alone.sentences)
    a, b = ({(c.span, c.line) for c in together[sid].claims} for sid in ("a", "b"))
    assert {(span, line + 2) for span, line in a if line > 3} & b  # b's copy of a's paragraphs, two lines lower
    assert ("42", 7) in {(c.span, c.line) for c in together["b"].claims}
    assert any("\u200b" in c.sentence for c in together["c"].claims)


@pytest.mark.slow
def test_the_model_multiplies_with_one_blas_thread_while_it_reads_and_the_limit_is_let_go_after(nlp, tmp_path):
    """One reading process a core: a second BLAS thread in each would fight the other process for its core. The
    limit holds while the pipeline runs, and the process's own setting comes back when the reading ends."""
    from threadpoolctl import threadpool_info, threadpool_limits

    from checker.claims.table import _read, pipeline_vocabulary

    def blas_threads() -> set[int]:
        return {lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"}

    (tmp_path / "a.txt").write_text("The ferry carried 42 cars.\n\nIt left port at noon on Friday.", "utf-8")
    seen: list[set[int]] = []

    class Watched:  # the pipeline, noting the BLAS threads as each Doc is made
        def pipe(self, items, **kwargs):
            for item in nlp.pipe(items, **kwargs):
                seen.append(blas_threads())
                yield item

    with threadpool_limits(limits=2, user_api="blas"):
        assert blas_threads() == {2}
        read = dict(_read(list(load_corpus(tmp_path)), Watched(), pipeline_vocabulary(nlp), 128))
        assert blas_threads() == {2}
    assert read["a"].claims and len(seen) == 2 and all(threads == {1} for threads in seen)


@pytest.mark.slow
def test_a_doc_read_is_let_go_at_once_not_left_to_the_collector():
    """A Doc's extension values refer back to it (a person's title spans); kept, every Doc read would wait for the
    collector, and for the end of the run while what was read is frozen."""
    import gc

    from spacy.tokens import Doc

    from checker.run import pipeline

    corpus = load_corpus(ROOT / "corpus")
    load = partial(pipeline, Settings().model, {})
    load()  # the model's own loading leaves garbage of its own
    gc.collect()
    gc.disable()
    try:
        assert extract(corpus, load, jobs=1).claims
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        left = [o for o in gc.garbage if isinstance(o, Doc)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert left == []


@pytest.mark.slow
def test_a_model_that_cannot_load_in_a_reading_process_is_one_error_not_a_hang():
    from checker.nlp import ModelNotFound
    from checker.run import pipeline

    with pytest.raises(ModelNotFound, match="spaCy model 'xx_no_such_model' is not installed"):
        extract(load_corpus(STORIES), partial(pipeline, "xx_no_such_model", {}), jobs=2, min_words=0)


@pytest.mark.slow
def test_reading_processes_are_let_end_not_killed_when_a_run_stops_on_an_error():
    """A process killed while it sends its result holds the results' lock for good, and the pool that killed it
    then waits on that lock forever: a run whose model was missing hung so, now and then, on a busy machine. So
    when a run stops early, work not begun is dropped and the processes end by themselves (exit code 0), none
    killed (a negative exit code, the signal's)."""
    import multiprocessing

    from checker.claims.table import _read_in_processes
    from checker.nlp import ModelNotFound
    from checker.run import pipeline

    sources = [s for s in load_corpus(STORIES).sources if s.paragraphs]
    with pytest.raises(ModelNotFound):
        with _read_in_processes(sources, partial(pipeline, "xx_no_such_model", {}), 32, 2) as read:
            readers = multiprocessing.active_children()
            next(read)
    assert len(readers) == 2
    assert [p.exitcode for p in readers] == [0, 0]


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
    code = ("import sys, checker.cli, checker.run, checker.reports, checker.config; "
            "checker.run.cache(checker.config.Settings(cache_dir='unused'))  # opening the cache names the model's version\n"
            "print(sorted(m for m in sys.modules if m.startswith('spacy')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.slow
def test_what_reading_processes_and_the_cache_hand_back_is_read_without_importing_spacy(tmp_path):
    """The process that compares stories reads back the claims, word pairs and sentences that reading processes
    send, or that the cache kept, without importing spaCy: an import that takes a run the CPU of 80 paragraphs."""
    proc = run_script(tmp_path / "read_back.py", f"""
import sys
from functools import partial
from pathlib import Path

from checker.claims.cache import ExtractionCache
from checker.claims.table import extract
from checker.config import Settings
from checker.corpus import load_corpus
from checker.run import pipeline


def spacy_imported() -> bool:
    return any(m == "spacy" or m.startswith("spacy.") for m in sys.modules)


if __name__ == "__main__":
    corpus = load_corpus(Path({str(STORIES)!r}))
    load = partial(pipeline, Settings().model, {{}})
    cache = ExtractionCache(Path({str(tmp_path / "cache")!r}), Settings().model, "")
    read = extract(corpus, load, jobs=2, min_words=0, cache=cache)  # by two processes
    kept = extract(corpus, load, jobs=2, min_words=0, cache=cache)  # from the cache
    assert read.claims and read.bigrams and read.sentences and read.candidates
    assert (kept.claims, kept.bigrams, kept.sentences) == (read.claims, read.bigrams, read.sentences)
    print(spacy_imported())
""")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"


@pytest.mark.slow
def test_reading_processes_start_with_the_pipeline_their_server_loaded(tmp_path):
    """The server that reading processes are forked from loads the run's pipeline once, and each process starts
    with it. A pipeline the server cannot load, or a loader too large to hand it, is loaded by each process as
    before: the server still starts, and the run says why the model is missing. This process imports no spaCy,
    nor when it reads what comparing needs meanwhile."""
    script = f"""
import multiprocessing, sys
from functools import partial
from pathlib import Path

from checker import run
from checker.claims.table import LOADER_MAX_BYTES, extract, start_readers
from checker.config import Settings
from checker.corpus import load_corpus
from checker.values import load_tables


def loaded():
    from checker import run
    return [model for model, _ in sorted(run._PIPELINES)]


if __name__ == "__main__":
    model, case = Settings().model, sys.argv[1]
    load = {{"model": partial(run.pipeline, model, {{}}),
             "missing": partial(run.pipeline, "xx_no_such_model", {{}}),
             "large": partial(run.pipeline, model, {{"places": {{"Atlantis": ["x" * 2 * LOADER_MAX_BYTES]}}}})}}[case]
    start_readers(load)
    load_tables()  # what comparing reads, read while the server loads the model
    with multiprocessing.get_context("forkserver").Pool(1) as pool:
        print(pool.apply(loaded))
    try:
        read = extract(load_corpus(Path({str(STORIES)!r})), load, jobs=2, min_words=0)
        print(bool(read.claims))
    except Exception as exc:
        print(type(exc).__name__)
    print(any(m == "spacy" or m.startswith("spacy.") for m in sys.modules))
"""
    model = Settings().model
    for case, expected in [("model", [f"[{model!r}]", "True"]), ("missing", ["[]", "ModelNotFound"]),
                           ("large", ["[]", "True"])]:
        proc = run_script(tmp_path / "preload.py", script, case)
        assert proc.returncode == 0 and not proc.stderr, proc.stderr  # nothing failed to start on the way
        assert proc.stdout.split("\n")[:3] == [*expected, "False"], (case, proc.stdout)


@pytest.mark.slow
def test_the_reading_processes_leave_standard_output_to_the_run(tmp_path):
    """A pipe that reads a run's output (`checker check --format json | jq`) ends when the run ends: the server
    that reading processes are forked from, and they, write to standard error only, and do not hold the output
    open while the server is still loading a model the run no longer needs."""
    proc = run_script(tmp_path / "outputs.py", """
import multiprocessing, os

from checker.claims.table import start_readers


def outputs():
    out, err = os.fstat(1), os.fstat(2)
    return (out.st_dev, out.st_ino) == (err.st_dev, err.st_ino)


if __name__ == "__main__":
    start_readers()
    with multiprocessing.get_context("forkserver").Pool(1) as pool:
        print(outputs(), pool.apply(outputs))
""")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["False", "True"]  # this process's output is its own; the reading process's is not


def _raised(action) -> tuple:
    try:
        action()
    except Exception:  # noqa: BLE001
        return sys.exc_info()
    raise AssertionError("nothing raised")


def test_a_reading_process_forked_as_the_run_ends_says_nothing_other_errors_are_printed(capsys):
    """The server's hook (claims/preload.py) for a process that fails before it runs: the run's semaphores gone (an
    interrupt) is the end of the run, not an error; anything else is a traceback as ever."""
    from multiprocessing import synchronize

    from checker.claims.table import quiet_when_the_run_is_gone

    lock = synchronize.Lock.__new__(synchronize.Lock)
    gone = _raised(lambda: lock.__setstate__((0, 1, 1, "/checker-no-such-semaphore")))
    assert gone[0] is FileNotFoundError
    quiet_when_the_run_is_gone(*gone)
    assert capsys.readouterr().err == ""
    for other in (_raised(lambda: open("/checker/no/such/file")), _raised(lambda: 1 / 0)):
        quiet_when_the_run_is_gone(*other)
        assert "Traceback" in capsys.readouterr().err


@pytest.mark.slow
def test_the_processes_forked_from_the_server_have_its_hook():
    script = ("import multiprocessing\n"
              "from checker.claims.table import start_readers\n"
              "if __name__ == '__main__':\n"
              "    start_readers()\n"
              "    with multiprocessing.get_context('forkserver').Pool(1) as pool:\n"
              "        print(pool.apply(eval, ('__import__(\"sys\").excepthook.__name__',)))\n")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.stdout.strip() == "quiet_when_the_run_is_gone", proc.stderr
