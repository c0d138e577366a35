"""The dask engine: checker.run's stages on a dask.distributed cluster, for a corpus one machine is too small for.

The corpus is loaded and told apart into stories here, as checker.run does; then
- the sources not in the cache are a dask bag, read in partitions by the cluster's workers (each loads the
  model once and keeps it for later partitions), and what they read comes back to be cached here;
- each story, as soon as its sources are read, is a task of its own on the cluster: it is compared on a
  worker (checker.run.compare) while the others read, and the Results come back to be combined in story
  order.
The functions are checker.run's own, fed the same sources and stories, so the findings are those of the
local engine: tests/test_distributed.py compares them on the seeds and on a corpus of several stories.

With no scheduler address, a LocalCluster of one worker process a core starts for the run and stops after
it. With `scheduler`, the run connects to a running cluster; its workers need checker, its model and the
same version of both installed (docs/distributed.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from checker.claims.table import Extraction, Progress, read_sources
from checker.config import Settings
from checker.corpus import Corpus, LoadProblem, Source
from checker.findings.result import Result
from checker.run import combine, compare, cores, load, read_stories, with_problems


class EngineError(RuntimeError):
    """The cluster cannot be reached or dask is not installed; the message is one line."""


@contextmanager
def client(settings: Settings):
    """A dask.distributed Client: of the scheduler `settings.scheduler` names, else of a LocalCluster made for
    this run (one single-threaded worker process a core, or `settings.jobs` of them)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise EngineError("the dask engine needs dask.distributed: pip install 'checker[dask]'") from None
    if settings.scheduler:
        try:
            with Client(settings.scheduler, timeout="10s") as c:
                yield c
        except OSError as exc:
            raise EngineError(f"cannot reach the dask scheduler at {settings.scheduler} ({exc})") from None
        return
    workers = settings.jobs or cores()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=50) as cluster, Client(cluster) as c:
        yield c


def _read_partition(sources: list[Source], model: str, extensions: dict, batch_size: int) -> list:
    """One partition of the documents' bag, read on a worker: checker.run.pipeline keeps the model loaded in the
    worker's process for the next partition."""
    from checker.run import pipeline

    return list(read_sources(sources, pipeline(model, extensions), batch_size))


def _compare_story(item: tuple[Corpus, Extraction], vocabulary_settings: Settings) -> list[Result]:
    corpus, extraction = item
    return compare(corpus, extraction, vocabulary_settings.vocabulary(), vocabulary_settings)


def reader(c, settings: Settings, batch_size: int = 128):
    """A function from the sources to read to (source id, Extraction) pairs, each partition's as it is done."""
    import dask.bag as db
    from distributed import as_completed

    def read_on_cluster(sources: list[Source]) -> Iterator[tuple[str, Extraction]]:
        workers = max(len(c.scheduler_info().get("workers", {})), 1)
        bag = db.from_sequence(sources, npartitions=min(len(sources), workers * 8))
        parts = bag.map_partitions(_read_partition, settings.model, settings.vocabulary_extensions(), batch_size)
        for future in as_completed(c.compute(parts.to_delayed())):
            yield from future.result()

    return read_on_cluster


def check(path: Path, settings: Settings | None = None, progress: Progress | None = None) -> Result:
    """checker.run.check, read and compared on a dask cluster."""
    settings = settings or Settings()
    corpus = load(path, settings)
    if not corpus.sources:
        return Result(corpus)
    problems: list[LoadProblem] = []
    compared = {}  # each story's task, by the story's index
    with client(settings) as c:
        # Each story goes to the cluster to be compared as soon as its sources are read, while the workers read
        # the next: one task a story.
        for i, extraction in read_stories(corpus, settings, settings.vocabulary(), progress, reader=reader(c, settings)):
            problems += extraction.problems
            compared[i] = c.submit(_compare_story, (corpus.story(corpus.stories[i]), extraction), settings,
                                   pure=False)
        results = c.gather([compared[i] for i in range(len(corpus.stories))])
    if progress is not None:
        progress("comparing", len(results), len(results))
    return combine(with_problems(corpus, problems), [r for parts in results for r in parts])
