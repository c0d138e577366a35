"""Where the model's time goes: CPU seconds of each pipeline component over N real stories, read once by a
freshly loaded pipeline (its caches cold, as in a run), the model as shipped against the pipeline checker loads.

    .venv/bin/python bench/components.py --stories 40

The stories are bench/coverage.py's (run `bench/coverage.py prepare` first). Each component is run over all
the paragraphs in turn, at checker's batch size; the tokenizer is timed as making the Docs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from throughput import build_stories  # noqa: E402

from checker.corpus import load_corpus  # noqa: E402
from checker.nlp import DEFAULT_MODEL  # noqa: E402


def timings(nlp, texts: list[str], batch_size: int = 128) -> dict[str, float]:
    t0 = time.process_time()
    docs = [nlp.make_doc(t) for t in texts]
    spent = {"tokenizer": time.process_time() - t0}
    for name, proc in nlp.pipeline:
        t0 = time.process_time()
        docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        spent[name] = time.process_time() - t0
    return spent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=40)
    parser.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "checker-coverage")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    args = parser.parse_args()

    import spacy

    from checker.nlp.pipeline import load_pipeline, one_blas_thread

    with tempfile.TemporaryDirectory() as tmp:
        build_stories(Path(tmp), args.data, args.stories)
        texts = [p.text for s in load_corpus(Path(tmp)) for p in s.paragraphs]
    print(f"{args.stories} stories, {sum(len(t.split()) for t in texts):,} words, {len(texts):,} paragraphs; "
          f"CPU seconds, first reading")
    with one_blas_thread():  # as checker reads: the CPU time of one thread
        shipped = timings(spacy.load(args.model), texts)
        ours = timings(load_pipeline(args.model), texts)
    print(f"{'component':22s} {'shipped':>8s} {'checker':>8s}")
    for name in dict.fromkeys([*shipped, *ours]):
        a, b = shipped.get(name), ours.get(name)
        print(f"{name:22s} {'' if a is None else f'{a:8.2f}':>8s} {'' if b is None else f'{b:8.2f}':>8s}")
    print(f"{'model (shipped parts)':22s} {sum(shipped.values()):8.2f} {sum(ours.get(k, 0) for k in shipped):8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
