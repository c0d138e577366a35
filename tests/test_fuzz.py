"""Generated hostile corpora: whatever the files hold or are called, reading never raises or hangs, every
offset maps back to the file, and no output gets a line it did not write.

Two hypothesis profiles (conftest.py): the default keeps `make test` fast; `--hypothesis-profile=long` runs
FUZZ_LONG_EXAMPLES corpora through the whole pipeline, each under FUZZ_TIME_LIMIT seconds (a hang is a
failure). The long run is a benchmark: `bench/fuzz.sh`.
"""

from __future__ import annotations

import json
import os
import signal
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from checker.corpus import load_corpus
from checker.corpus.characters import CONFUSABLES
from checker.reports import FORMATS, render_github

FUZZ_TIME_LIMIT = 60  # seconds for one corpus through the whole pipeline: a few short files take under one
# The default run reads a few hundred corpora and checks a few dozen; the long profile (conftest.py) every one.
LONG = settings.default.max_examples >= 1000
READ_EXAMPLES = settings.default.max_examples if LONG else 200
CHECK_EXAMPLES = settings.default.max_examples if LONG else 50

FRAGMENTS = [
    "Finance minister Arvid Lindqvaard said", "exports rose 12% in March", "on Monday, June 9, 2025",
    "about 4,200 people were evacuated", "the 31-year-old driver, Anna Okafor,", "Prime Minister Okafor",
    "a loss of $3.1 billion", "more than 70% of global supply", "the port of Marrowby", "Deputy Minister of Health",
    "at least 63 people died", "built in 1976", "a 90-day pause", "the rare earth magnets", "seat belt",
]
HOSTILE = [
    "\u200b", "\u200d", "\u00ad", "\u202e", "\u2066", "\ufeff", "\u0430", "\u0456", "|", "`", "*", "_", "#", "<",
    "<script>alert(1)</script>", "[link](http://example.invalid)", "![image](x.png)", "::error file=x::injected",
    "%0A", "\n", "\n\n", "\r", "\t", "\x00", "\x1b[31m", "\u2014", "\u2026", "((((", "- . - . - .", "1/0", "\udc80",
    "---", "&a", "*a", "1" * 400, "9" * 40 + "%", "(" * 300 + "1",
]
# Mostly reporting, so that most corpora reach the claims and the rules; hostile characters among it.
WORDS = st.one_of(*[st.sampled_from(FRAGMENTS)] * 4, st.sampled_from(HOSTILE), st.text(max_size=30))
TEXT = st.lists(WORDS, max_size=40).map(lambda parts: " ".join(parts) + ".\n")
FRONT = st.sampled_from([
    "", "---\noutlet: Korsk Herald\ndate: 2025-06-10\n---\n", "---\na: &a [x, x]\nb: [*a, *a]\n---\n",
    "---\nk: " + "[" * 200 + "]" * 200 + "\n---\n", "---\n: : :\n---\n", "---\n- a list\n---\n", "---\n",
])
NAMES = st.sampled_from(["a", "b", "c", "x\n::error file=evil::i", "d\u202etxt", "e\u200bf", "caf\u00e9", "-", " ",
                         "..a", "\udcff"])
SUFFIXES = st.sampled_from([".txt", ".md", ".html"])


@st.composite
def files(draw) -> tuple[str, bytes | str]:
    """A file name and what it holds: text (with front matter, as HTML, in latin-1) or random bytes; or a
    special file ("fifo", "dup", "loop", "devzero", "dir")."""
    name = draw(NAMES) + draw(SUFFIXES)
    kind = draw(st.sampled_from(["text", "text", "text", "bytes", "latin1", "html", "special"]))
    text = draw(TEXT)
    if kind == "bytes":
        return name, draw(st.binary(max_size=300))
    if kind == "latin1":
        return name, text.encode("latin-1", "replace")
    if kind == "html":
        return name, f"<html><body><article><p>{text}</p><template><p>{draw(TEXT)}</p></template></article></body></html>"
    if kind == "special":
        return name, draw(st.sampled_from(["fifo", "dup", "loop", "devzero", "dir"]))
    return name, draw(FRONT) + text + draw(TEXT)


@st.composite
def articles(draw) -> tuple[str, str]:
    """A text file that reads as an article: fragments of reporting with hostile characters among them."""
    front = draw(st.one_of(st.just(""), st.just("---\noutlet: Korsk Herald\n---\n"), FRONT))
    return draw(NAMES) + draw(st.sampled_from([".txt", ".md"])), front + draw(TEXT) + draw(TEXT)


# Two articles or more, so that the pipeline runs and compares, and up to three files of any kind beside them.
CORPORA = st.tuples(st.lists(articles(), min_size=2, max_size=3), st.lists(files(), max_size=3)).map(
    lambda parts: parts[0] + parts[1])
SPECIAL = ("fifo", "dup", "loop", "devzero", "dir")


def write(folder: Path, corpus: list[tuple[str, bytes | str]]) -> None:
    base = os.fsencode(folder)
    written: list[bytes] = []
    for i, (name, content) in enumerate(corpus):
        path = base + b"/" + os.fsencode(f"{i}{name}")  # one stem a file: a source's id
        if content in SPECIAL:
            if content == "fifo":
                os.mkfifo(path)
            elif content == "dup" and written:
                os.symlink(written[0], path)
            elif content == "loop":
                os.symlink(path, path)
            elif content == "devzero":
                os.symlink(b"/dev/zero", path)
            elif content == "dir":
                os.mkdir(path)
            continue
        data = content if isinstance(content, bytes) else content.encode("utf-8", "surrogateescape")
        with open(path, "wb") as fh:
            fh.write(data)
        written.append(path)


@contextmanager
def time_limit(seconds: int):
    """A hang is a failure: SIGALRM stops Python code that runs too long."""
    def expired(*_):
        raise TimeoutError(f"no result in {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def corpus_folder(corpus: list[tuple[str, bytes | str]]):
    """A folder holding the corpus, for as long as the time limit allows."""
    with tempfile.TemporaryDirectory() as tmp, time_limit(FUZZ_TIME_LIMIT):
        write(Path(tmp), corpus)
        yield Path(tmp)


def one_line(text: str) -> bool:
    return "\n" not in text and "\r" not in text


@settings(max_examples=READ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(CORPORA)
def test_reading_any_corpus_never_raises_and_every_offset_maps_back_to_the_file(corpus):
    with corpus_folder(corpus) as folder:
        loaded = load_corpus(folder)
    for problem in loaded.problems:
        assert one_line(problem.path) and one_line(problem.message), problem
    for source in loaded.sources:
        assert one_line(source.path) and one_line(source.id)
        for p in source.paragraphs:
            for i in (0, len(p.text) // 2, len(p.text) - 1):
                written, read = source.text[p.source_offset(i)], p.text[i]
                assert written == read or CONFUSABLES.get(written) == read or (read == " " and not written.isspace())


@pytest.mark.slow
@settings(max_examples=CHECK_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(CORPORA)
def test_checking_any_corpus_never_raises_or_hangs_and_no_output_gains_a_line(corpus):
    from checker.run import check

    with corpus_folder(corpus) as folder:
        result = check(folder)
        event(f"sources read: {min(len(result.sources), 3)}{'+' if len(result.sources) > 3 else ''}")
        outputs = {name: render(result) for name, render in FORMATS.items()}
        github = render_github(result)
    assert len(outputs["text"].splitlines()) == len(result.findings) + 1  # a line a finding, and the count
    json.loads(outputs["json"]), json.loads(outputs["sarif"])
    *commands, total = github.splitlines()
    assert len(commands) == len(result.findings) and all(c.startswith("::") for c in commands)  # one a finding
    assert total.startswith("checker: ")
    for f in result.findings:
        assert one_line(f.message) and one_line(f.subject)
        for e in f.evidence:
            assert one_line(e.path)
