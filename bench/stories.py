"""Stories: a flat folder of many real stories against each story checked alone.

Takes the clusters bench/coverage.py prepares (real multi-source events of ECB+ and MEANTIME), copies
every article of N of them (a seeded choice) into one flat folder, named `<cluster>__<file>`, and
into one folder per cluster under the same names, then runs checker.run.check:
- on each cluster's folder alone: the findings an editor would get checking one story;
- on the flat folder, stories clustered (the default): how the sources were told apart (stories
  split, stories merged, adjusted Rand index against the clusters; the stories parted at a seam a
  disagreement followed, checker.run.compare, counted as found) and how its findings compare with
  the union of the alone runs: the same (by fingerprint), lost (a story split, or merged with one that
  changes what is compared) and extra (claims of two stories compared, or one story's claims grouped
  otherwise beside another's; each printed with the true stories it quotes);
- on the flat folder as one story (`stories = "one"`, as checker read every folder before): the extra
  findings that mixing stories made, for comparison.
Also prints the time each run spent reconciling (after extraction) and how many stories it saw.

    .venv/bin/python bench/stories.py [--data /tmp/checker-coverage] [--clusters 90] [--seed 0] [--jobs 2]
                                      [--cache-dir FOLDER] [--match "*_ecbplus,meantime_*"]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _loud(result) -> dict[str, object]:
    return {f.fingerprint: f for f in result.findings if f.severity in ("error", "warning")}


def stories_of(finding, truth: dict[str, str]) -> list[str]:
    """The true stories whose sources a finding quotes: one for a story's own claims grouped otherwise beside
    another story, two or more for claims of different stories set against each other."""
    return sorted({truth[e.source] for e in finding.evidence if e.source in truth})


def _timed_check(folder: Path, settings):
    """check(), with the time after extraction (reconciliation) measured apart."""
    import checker.run as run

    spent = {}
    reconcile = run.reconcile

    def timed(*args, **kwargs):
        t0 = time.perf_counter()
        out = reconcile(*args, **kwargs)
        spent["reconcile"] = spent.get("reconcile", 0.0) + time.perf_counter() - t0
        return out

    run.reconcile = timed
    try:
        result = run.check(folder, settings)
    finally:
        run.reconcile = reconcile
    return result, spent.get("reconcile", 0.0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=Path("/tmp/checker-coverage"))
    ap.add_argument("--clusters", type=int, default=90)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=1, help="processes that read the sources")
    ap.add_argument("--show", type=int, default=5, help="extra and lost findings to print")
    ap.add_argument("--cache-dir", type=Path, help="keep what was read here between runs (default: a new folder)")
    ap.add_argument("--match", help="only the clusters whose folder name matches one of these comma-separated "
                                    "globs ('*_ecbplus,meantime_*': one event of each ECB+ pair)")
    args = ap.parse_args()
    from sklearn.metrics import adjusted_rand_score

    from checker.config import Settings

    clusters = sorted(p for p in args.data.iterdir() if p.is_dir()) if args.data.is_dir() else []
    if args.match:
        clusters = [c for c in clusters if any(fnmatch(c.name, glob) for glob in args.match.split(","))]
    if not clusters:
        print(f"error: no cluster folders in {args.data}; run bench/coverage.py prepare first", file=sys.stderr)
        return 2
    random.Random(args.seed).shuffle(clusters)
    clusters = sorted(clusters[:args.clusters])
    with tempfile.TemporaryDirectory(prefix="checker-stories-") as tmp:
        if args.cache_dir:  # the same paths each run, so that the cache's entries (keyed by path too) are found
            tmp = str(args.cache_dir.with_name(args.cache_dir.name + "-work"))
            shutil.rmtree(tmp, ignore_errors=True)
        flat, alone_root = Path(tmp) / "flat", Path(tmp) / "alone"
        cache = args.cache_dir or Path(tmp) / "cache"
        flat.mkdir(parents=True)
        truth = {}
        for c in clusters:
            (alone_root / c.name).mkdir(parents=True)
            for f in sorted(c.glob("*.txt")):
                name = f"{c.name}__{f.name}"
                shutil.copy(f, flat / name)
                shutil.copy(f, alone_root / c.name / name)
                truth[Path(name).stem] = c.name
        # One cache for all runs: the alone and flat runs read the same text under different paths, so each
        # is parsed once per layout, and the second flat run reads none.
        settings = Settings(cache_dir=str(cache), jobs=args.jobs)
        t0 = time.perf_counter()
        union: dict[str, object] = {}
        alone_reconcile = 0.0
        for c in clusters:
            result, spent = _timed_check(alone_root / c.name, Settings(cache_dir=str(cache), jobs=args.jobs,
                                                                          stories="one"))
            union.update(_loud(result))
            alone_reconcile += spent
        t_alone = time.perf_counter() - t0
        mixed, mixed_reconcile = _timed_check(flat, settings)
        one, one_reconcile = _timed_check(flat, Settings(cache_dir=str(cache), jobs=args.jobs, stories="one"))

    found = {sid: st.id for st in mixed.corpus.stories for sid in st.sources}
    ids = sorted(truth)
    ari = adjusted_rand_score([truth[i] for i in ids], [found[i] for i in ids])
    true_stories: dict[str, set[str]] = {}
    for sid in ids:
        true_stories.setdefault(truth[sid], set()).add(found[sid])
    split = sorted(c for c, s in true_stories.items() if len(s) > 1)
    merged = sorted(st.id for st in mixed.corpus.stories if len({truth[s] for s in st.sources}) > 1)
    articles = len(ids)
    off = sum(len([s for s in ids if truth[s] == c]) - max(Counter(found[s] for s in ids if truth[s] == c).values())
              for c in true_stories)
    print(f"{len(clusters)} stories, {articles} articles in one flat folder (alone runs {t_alone:.0f} s)")
    print(f"stories found: {len(mixed.corpus.stories)}; adjusted Rand index {ari:.3f}; stories split: {len(split)} "
          f"({off} articles outside their story's largest part); found stories merging two or more: {len(merged)}")
    parted = [st for st in mixed.corpus.stories if st.parted]
    if parted:  # sides of a clustered story parted at a seam a disagreement followed (checker.run.compare)
        pure = sum(len({truth[s] for s in st.sources}) == 1 for st in parted)
        print(f"stories parted at a seam: {len(parted)} sides, {pure} of them one true story each")
    for name, result, spent in (("clustered", mixed, mixed_reconcile), ("one story", one, one_reconcile)):
        loud = _loud(result)
        same, lost, extra = loud.keys() & union.keys(), union.keys() - loud.keys(), loud.keys() - union.keys()
        across = sum(len(stories_of(loud[fp], truth)) > 1 for fp in extra)
        print(f"{name:10s}: {len(loud)} loud findings; {len(same)} of the {len(union)} the stories give alone, "
              f"{len(lost)} lost, {len(extra)} extra ({across} quoting two stories or more); reconcile {spent:.1f} s "
              f"(alone, all stories: {alone_reconcile:.1f} s)")
        for kind, keys, pool in (("extra", extra, loud), ("lost", lost, union)):
            for fp in sorted(keys)[:args.show]:
                f = pool[fp]
                print(f"    {kind} [{', '.join(stories_of(f, truth))}]: {f.rule} {f.subject}: "
                      + "; ".join(f"{e.source}:{e.line} {e.span!r}" for e in f.evidence))
    if split:
        print("split:", ", ".join(split))
    return 0


if __name__ == "__main__":
    sys.exit(main())
