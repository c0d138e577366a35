"""Hostile shapes: is any path super-linear in a file's length?

Each shape is a file of N characters of one kind (a line of punctuation, one long word, a table of
figures, thousands of names, a run of '%', ...) beside a one-line article; `checker.run.check` is timed
at N, 2N and 4N. A path linear in the file's length takes about twice as long per doubling; the last
column is the ratio of the last doubling.

    .venv/bin/python bench/shapes.py [--size 20000] [SHAPE ...]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ARTICLE = "Finance minister Arvid Lindqvaard said on Monday that exports rose 12% in March.\n"
SHAPES = {
    "punctuation": lambda n: "- . " * (n // 4),
    "one-word": lambda n: "x" * n,
    "digits": lambda n: "1" * n,
    "number-list": lambda n: "12, " * (n // 4),
    "percent-run": lambda n: "%" * n,
    "menu-lines": lambda n: "Home\n" * (n // 5) + "Advertisement\n",
    "figures": lambda n: "Exports rose 12% in March. " * (n // 27),
    "names": lambda n: "Arvid Lindqvaard met Okafor. " * (n // 29),
    "dates": lambda n: "On Monday, June 9, 2025 it rained. " * (n // 35),
    "zero-width": lambda n: "ab\u200b" * (n // 3),
    "brackets": lambda n: "(" * n,
    "html-tags": lambda n: "<p>" + "<b>x</b>" * (n // 8) + "</p>",
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("shapes", nargs="*", choices=[[], *SHAPES], metavar="SHAPE", help=", ".join(SHAPES))
    ap.add_argument("--size", type=int, default=20_000, help="N, the smallest file's characters")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from checker.run import check

    sizes = (args.size, 2 * args.size, 4 * args.size)
    print(f"{'shape':<12} " + " ".join(f"{n:>9,}" for n in sizes) + "   last doubling")
    for name in args.shapes or SHAPES:
        times = []
        for n in sizes:
            with tempfile.TemporaryDirectory() as tmp:
                Path(tmp, "a.txt").write_text(ARTICLE, "utf-8")
                Path(tmp, "b.txt").write_text(ARTICLE + SHAPES[name](n) + "\n", "utf-8")
                t0 = time.perf_counter()
                check(Path(tmp))
                times.append(time.perf_counter() - t0)
        print(f"{name:<12} " + " ".join(f"{t:>8.2f}s" for t in times) + f"   x{times[2] / max(times[1], 1e-3):.1f}",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
