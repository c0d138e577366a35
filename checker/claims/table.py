"""Claims of a corpus: extraction over all sources and the table an editor can audit."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from checker.claims.cache import ExtractionCache
from checker.claims.claim import REFERS_BACK, Bigram, Claim, ClaimKind
from checker.corpus import Corpus, LoadProblem, Source
from checker.values.types import PersonName, Quantity
from checker.values.vocabulary import Vocabulary, default_vocabulary

if TYPE_CHECKING:  # pandas is loaded only to build the table, spaCy only to parse: a cached run needs neither
    import pandas as pd
    from spacy.language import Language

    from checker.claims.sentences import Sentence

COLUMNS = ["story", "source", "line", "column", "kind", "span", "normalised", "unit", "qualifier", "change",
           "subject", "attribute", "modifiers", "verb", "definite", "frame", "titles", "sentence"]


@dataclass
class Extraction:
    """What the pipeline read from a corpus: the claims, the content-word pairs for the translation
    check, and the sentences for alignment."""

    claims: list[Claim]
    bigrams: list[Bigram]
    candidates: list[Claim] = field(default_factory=list)  # words that may name a person the corpus knows
    sentences: list[Sentence] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)  # paragraphs that could not be read, one line each

    def only(self, sources: set[str]) -> Extraction:
        """What was read of these sources (by id) alone: one side of a story parted in two. Without the problems,
        which the run has taken from the whole."""
        return Extraction([c for c in self.claims if c.source in sources], [b for b in self.bigrams if b.source in sources],
                          [c for c in self.candidates if c.source in sources],
                          [s for s in self.sentences if s.source in sources])

    def extend(self, other: Extraction) -> None:
        """Add what another extraction read (another source's, read before and kept)."""
        self.claims += other.claims
        self.bigrams += other.bigrams
        self.candidates += other.candidates
        self.sentences += other.sentences
        self.problems += other.problems

    @classmethod
    def joined(cls, parts: Iterable[Extraction]) -> Extraction:
        """What the parts read, one after the other."""
        out = cls([], [])
        for part in parts:
            out.extend(part)
        return out


def refer_back(paragraphs: list[Extraction]) -> list[Extraction]:
    """A source's paragraphs, each read alone, with "the 24-year-old" that opens one (REFERS_BACK) given the
    person the paragraph before ends by naming: the one surname its last sentence names, where no capitalised
    word the NER did not call a person stands beside it (it may be whom the age is of). Else no one."""
    out = []
    for k, part in enumerate(paragraphs):
        if not any(c.subject == REFERS_BACK for c in part.claims):
            out.append(part)
            continue
        named = None
        before = paragraphs[k - 1] if k else None
        if before is not None and before.sentences:
            last = max(before.sentences, key=lambda s: s.start)
            people = [c for c in before.claims if c.kind is ClaimKind.PERSON and last.start <= c.start < last.end]
            if len({c.value.surname.lower() for c in people}) == 1 \
                    and not any(last.start <= c.start < last.end for c in before.candidates):
                named = people[-1].value.full
        claims = [replace(c, subject=named) if c.subject == REFERS_BACK else c for c in part.claims]
        out.append(replace(part, claims=claims))
    return out


def _is_pipeline(nlp) -> bool:
    """A loaded spaCy pipeline, not a function that loads one."""
    return hasattr(nlp, "pipe") and hasattr(nlp, "pipeline")


def pipeline_vocabulary(nlp: Language) -> Vocabulary | None:
    """The Vocabulary the pipeline's checker components read, or None when it has none."""
    found = {id(v): v for _, pipe in nlp.pipeline if isinstance(v := getattr(pipe, "vocabulary", None), Vocabulary)}
    if len(found) > 1:
        raise ValueError("the pipeline's components read different vocabularies")
    return next(iter(found.values()), None)


Progress = Callable[[str, int, int], None]  # (stage, done, total): told as the work goes on
Reader = Callable[[list[Source]], Iterable[tuple[str, "Extraction"]]]  # sources -> what was read of each
# Reading processes start nearly free: their server imports spaCy and loads the model while this process reads the
# corpus, work this process would do itself before reading alone. What is left is sending the sources and the
# claims back: two processes read 4,285 words in 1.95 s against 2.2 s here alone, and 1,696 words in 1.8 s
# against 1.7 s (the demo corpus, 3,837 words: 2.3 s against 3.3).
MIN_WORDS = 1_500


def extract(corpus: Corpus, nlp: Language | Callable[[], Language], vocab: Vocabulary | None = None,
            batch_size: int = 128, cache: ExtractionCache | None = None, jobs: int = 1,
            progress: Progress | None = None, reader: Reader | None = None,
            min_words: int = MIN_WORDS) -> Extraction:
    """Run the pipeline over every paragraph of every source: `extract_groups` with the whole corpus one group."""
    ((_, whole),) = extract_groups(corpus, [tuple(s.id for s in corpus)], nlp, vocab, batch_size, cache, jobs,
                                   progress, reader, min_words)
    return whole


def extract_groups(corpus: Corpus, groups: list[tuple[str, ...]], nlp: Language | Callable[[], Language],
                   vocab: Vocabulary | None = None, batch_size: int = 128, cache: ExtractionCache | None = None,
                   jobs: int = 1, progress: Progress | None = None, reader: Reader | None = None,
                   min_words: int = MIN_WORDS) -> Iterator[tuple[int, Extraction]]:
    """What the pipeline reads from each group of the corpus's sources (a story's; the groups take every source
    once), as (the group's index, its Extraction), each group as soon as all its sources are read: a story
    can be compared while the next are read.

    The claims are read with the vocabulary the components read (`vocab`, when given, must be it):
    one vocabulary finds a figure and says what it is about. Paragraphs go to the model 128 at a
    time: its matrix products cost less a paragraph in larger batches (about 5% of the model's time
    against 32). With a `cache`, a source read before is taken from it, and the model (`nlp` may be a
    function that loads it) is loaded only when a source is not. With `jobs` over 1, the sources not in
    the cache are read by that many processes, each loading the model by calling `nlp` (which must then
    be a function that pickle can name, like functools.partial of a module's function); each process is
    given at least `min_words` words to read, or the sources are read here. A `reader` reads
    them instead (the dask engine's, checker/distributed.py). The sources are read group after group, so
    that the first groups are ready first; each group's Extraction lists its sources' claims, pairs and
    sentences in corpus order, whatever order they were read in.
    """
    where = {source_id: i for i, members in enumerate(groups) for source_id in members}
    order = {s.id: k for k, s in enumerate(corpus)}
    members = [sorted(g, key=order.__getitem__) for g in groups]
    waiting = [len(g) for g in groups]
    read: dict[str, Extraction] = {}
    for g in (g for g, n in enumerate(waiting) if not n):
        yield g, Extraction([], [])  # a group of no source has nothing to wait for
    for source_id, entry in _each_source(sorted(corpus, key=lambda s: (where[s.id], order[s.id])), nlp, vocab,
                                         batch_size, cache, jobs, progress, reader, min_words):
        read[source_id] = entry
        g = where[source_id]
        waiting[g] -= 1
        if not waiting[g]:
            yield g, _assemble(read.pop(m) for m in members[g])


def _assemble(entries: Iterable[Extraction]) -> Extraction:
    """One Extraction of several sources' (given in corpus order), each list in corpus order."""
    out = Extraction.joined(entries)
    out.claims.sort(key=lambda c: (c.source, c.start, c.kind))
    out.candidates.sort(key=lambda c: (c.source, c.start))
    out.sentences.sort(key=lambda s: (s.source, s.start))
    return out


def _each_source(sources: list[Source], nlp: Language | Callable[[], Language],
                 vocab: Vocabulary | None, batch_size: int, cache: ExtractionCache | None, jobs: int,
                 progress: Progress | None, reader: Reader | None, min_words: int) -> Iterator[tuple[str, Extraction]]:
    """(source id, what was read of it) for each of `sources`: those in the cache first, then the rest, read in
    the order given (extract_groups says how), each put in the cache as it is read."""
    keys = {s.id: cache.key(s) for s in sources} if cache is not None else {}
    kept = {s.id: entry for s in sources if cache is not None and (entry := cache.get(keys[s.id])) is not None}
    todo = [s for s in sources if s.id not in kept]
    total, done = len(sources), 0

    def tell() -> None:
        if progress is not None:
            progress("reading", done, total)

    with ExitStack() as stack:
        # The reading starts before what was kept is handed on: processes read while kept stories are compared.
        if not todo:
            fresh = iter(())
        elif reader is not None:
            fresh = reader(todo)
        elif (processes := _processes(todo, jobs, min_words)) > 1 and not _is_pipeline(nlp):
            fresh = stack.enter_context(_read_in_processes(todo, nlp, batch_size, processes))
        else:
            nlp = nlp if _is_pipeline(nlp) else nlp()
            components = pipeline_vocabulary(nlp)
            if vocab is not None and components is not None and vocab is not components:
                raise ValueError("extract: vocab is not the vocabulary the pipeline's components read; "
                                 "build both from the same additions (load_vocabulary, load_pipeline)")
            fresh = _read(todo, nlp, vocab or components or default_vocabulary(), batch_size)
        tell()
        for source_id, entry in kept.items():
            done += 1
            tell()
            yield source_id, entry
        for source_id, entry in fresh:
            if cache is not None:
                cache.put(keys[source_id], entry)
            done += 1
            tell()
            yield source_id, entry


_WORKER_NLP: list = []  # the model a reading process loaded, once, or the error that loading raised


def _processes(sources: list[Source], jobs: int, min_words: int) -> int:
    """How many processes to read the sources with: at most `jobs`, each with `min_words` words or more."""
    words = sum(s.word_count for s in sources)
    return max(1, min(jobs, len(sources), words // max(min_words, 1)))


def _load_in_worker(load: Callable[[], Language]) -> None:
    try:
        _WORKER_NLP[:] = [load()]
    except Exception as exc:  # noqa: BLE001 (raised with the first chunk: an initializer that raises breaks the pool, with no word of why)
        _WORKER_NLP[:] = [exc]


def read_sources(sources: list[Source], nlp: Language, batch_size: int = 128) -> Iterable[tuple[str, Extraction]]:
    """What each source holds, read with the vocabulary the pipeline's components read, source by source."""
    return _read(sources, nlp, pipeline_vocabulary(nlp) or default_vocabulary(), batch_size)


def _read_chunk(args: tuple[list[Source], int]) -> list[tuple[str, Extraction]]:
    sources, batch_size = args
    nlp = _WORKER_NLP[0]
    if isinstance(nlp, Exception):
        raise nlp
    return list(read_sources(sources, nlp, batch_size))


def _chunks(sources: list[Source], jobs: int, least: int = 2000) -> list[list[Source]]:
    """Sources in runs that shrink as the corpus is shared out (guided scheduling): a run is an eighth of what
    each process has left to read, and at least `least` words, big enough to fill the model's batches. Early
    runs are long, so few are sent; the last are short, so that no process waits long for another's at the end."""
    left = sum(s.word_count for s in sources)
    chunks, current, filled = [], [], 0
    for s in sources:
        current.append(s)
        filled += s.word_count
        if filled >= max(left // (jobs * 8), least):
            chunks.append(current)
            left -= filled
            current, filled = [], 0
    return chunks + ([current] if current else [])


# The server is started with this process's environment, and the function that loads the pipeline rides in it,
# pickled: the server loads the pipeline once, and each reading process forked from it starts with the model loaded
# (0.6 s of CPU a process, and the pipeline's modules imported). A function too large for one environment variable
# (a very large vocabulary in the configuration) is left to each reading process to call.
LOADER = "CHECKER_READERS_LOAD"
LOADER_MAX_BYTES = 64_000


def start_readers(load: Callable[[], Language] | None = None) -> None:
    """Start, in the background, the server that reading processes are forked from. It imports spaCy and the
    pipeline's components as it starts, and loads the pipeline `load` loads (claims/preload.py). Called early
    (run.check calls it before it loads a large corpus), that work overlaps with this process's."""
    import base64
    import multiprocessing
    import os
    import pickle
    from multiprocessing import forkserver

    multiprocessing.get_context("forkserver").set_forkserver_preload(["checker.claims.preload"])
    spec = base64.b64encode(pickle.dumps(load)).decode("ascii") if load is not None else ""
    if len(spec) <= LOADER_MAX_BYTES:
        os.environ[LOADER] = spec
    try:
        forkserver.ensure_running()  # a server already running keeps what it loaded
    finally:
        os.environ.pop(LOADER, None)


def quiet_when_the_run_is_gone(kind, value, tb) -> None:
    """sys.excepthook in the server reading processes are forked from (claims/preload.py), which multiprocessing
    calls for an error a process meets before it runs. A process forked as the run ends (an interrupt) finds the
    run's semaphores gone: rebuilding one raises FileNotFoundError, and there is nothing to report but an
    interrupted run, which the run says itself. Any other error is printed as ever."""

    if isinstance(value, FileNotFoundError) and any(
            frame.f_code.co_name == "__setstate__" and frame.f_code.co_filename.endswith("synchronize.py")
            for frame, _ in traceback.walk_tb(tb)):
        return
    sys.__excepthook__(kind, value, tb)


@contextmanager
def _read_in_processes(sources: list[Source], load: Callable[[], Language], batch_size: int, jobs: int):
    """Each source's reading, from `jobs` processes that each load the model once: the processes start and are
    given their work on entering, and the sources' readings are iterated as they come back. Processes are forked
    from a fresh server process (forkserver), not from this one: a fork of a process that has started threads
    may hang.

    On leaving, work not begun is dropped and the processes finish what they hold, then end; none is killed.
    multiprocessing.Pool's terminate() kills them, and one killed while it sends its result holds the results'
    lock for good: the pool then waits on that lock forever (CPython issues 78178 and 96995), as a run whose
    model was missing did, one time in fifty on a busy machine."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    context = multiprocessing.get_context("forkserver")
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_load_in_worker, initargs=(load,))
    try:
        parts = [pool.submit(_read_chunk, (chunk, batch_size)) for chunk in _chunks(sources, jobs)]
        yield (entry for part in as_completed(parts) for entry in part.result())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _one_blas_thread(docs: Iterable) -> Iterator:
    """`docs`, made with numpy's BLAS held to one thread (nlp/pipeline.one_blas_thread), and let go after."""
    from checker.nlp.pipeline import one_blas_thread

    with one_blas_thread():
        yield from docs


def _read(sources: list[Source], nlp: Language, vocab: Vocabulary, batch_size: int):
    """What each source holds (its claims, word pairs, name candidates, sentences, and the paragraphs it could
    not read), source by source as each is finished.

    The model reads a paragraph that several sources carry word for word (a wire story that outlets run as
    sent) once: what the pipeline makes of a text depends on the text alone. Each source then reads its claims
    from that Doc as the pipeline left it, with its own place in its own file."""
    from checker.claims.bigrams import doc_bigrams
    from checker.claims.extract import doc_claims, name_candidates
    from checker.claims.sentences import doc_sentences

    for s in sources:
        if not s.paragraphs:
            yield s.id, Extraction([], [])  # nothing to read
    parts: dict[str, list[Extraction | None]] = {s.id: [None] * len(s.paragraphs) for s in sources if s.paragraphs}
    left = {s.id: len(s.paragraphs) for s in sources}
    carried: dict[str, list[tuple[Source, int]]] = {}  # a paragraph's text -> (source, paragraph's index) carrying it
    for s in sources:
        for k, p in enumerate(s.paragraphs):
            carried.setdefault(p.text, []).append((s, k))
    for doc, text in _one_blas_thread(nlp.pipe([(t, t) for t in carried], as_tuples=True, batch_size=batch_size)):
        readers = carried.pop(text)
        made = dict(doc.user_data) if len(readers) > 1 else None  # the values the components set
        finished = []
        for n, (source, k) in enumerate(readers):
            paragraph = source.paragraphs[k]
            if n:  # a later source reads the Doc as the components left it: what the last reading kept (its quotes) goes
                doc.user_data.clear()
                doc.user_data.update(made)
            doc._.source = source.id
            doc._.offset = paragraph.start
            doc._.paragraph = paragraph
            doc._.original = source.text
            doc._.meta = source.meta
            try:
                parts[source.id][k] = Extraction(doc_claims(doc, source.line_col, vocab), doc_bigrams(doc),
                                                 name_candidates(doc, source.line_col),
                                                 doc_sentences(doc, source.line_col, vocab))
            except Exception as exc:  # noqa: BLE001 (one paragraph's error is that paragraph's, not the run's)
                line = source.line_col(paragraph.start)[0]
                parts[source.id][k] = Extraction([], [], problems=[LoadProblem(
                    source.path, f"the paragraph at line {line} could not be read ({exc.__class__.__name__}); "
                                 f"the rest of the file is")])
            left[source.id] -= 1
            if not left[source.id]:
                finished.append(source.id)
        # Let the Doc go now: the values its extension attributes hold (a person's title spans) refer back to it,
        # a cycle that only the collector would free, and not at all while the run keeps what it read frozen.
        doc.user_data.clear()
        doc.spans.clear()
        for source_id in finished:
            yield source_id, Extraction.joined(refer_back(parts.pop(source_id)))


def claims_frame(claims: list[Claim], story_of: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One row a claim, in corpus order, with the story its source belongs to (`story_of`: source id -> story id;
    the story is blank without it)."""
    import pandas as pd

    story_of = story_of or {}
    rows = []
    for c in claims:
        v = c.value
        rows.append({
            "story": story_of.get(c.source, ""), "source": c.source, "line": c.line, "column": c.column,
            "kind": c.kind, "span": c.span, "normalised": c.normalised,
            "unit": v.unit if isinstance(v, Quantity) else "",
            "qualifier": v.qualifier if isinstance(v, Quantity) else "",
            "change": v.change if isinstance(v, Quantity) else "",
            "subject": c.subject or "", "attribute": c.attribute or "",
            "modifiers": " ".join(c.modifiers), "verb": c.verb or "", "definite": c.definite, "frame": c.frame or "",
            "titles": "; ".join(t[0] for t in c.titles) if isinstance(v, PersonName) else "",
            "sentence": c.sentence,
        })
    return pd.DataFrame(rows, columns=COLUMNS)
