"""NewsQuant: quantity extraction scored with the published protocol (CQE, EMNLP 2023).

Runs checker's quantity component over ../shared/benchmarks/newsquant/NewsQuant.json and prints
value P/R/F1, value+unit F1 and value+change F1 beside the published figures. The mapping of
checker's units and qualifiers onto the benchmark's labels lives here, not in the product.

    .venv/bin/python bench/newsquant.py [--data PATH] [--errors N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import numpy as np

from checker.nlp import DEFAULT_MODEL
from checker.nlp.pipeline import load_pipeline
from checker.values.numbers import QUALIFIERS, iter_quantities
from checker.values.types import Quantity

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "benchmarks" / "newsquant" / "NewsQuant.json"
PUBLISHED = {  # value P / R / F1, value+unit F1, value+change F1
    "CQE": (92.0, 91.9, 92.0, 85.6, 88.1),
    "quantulum3": (65.0, 83.3, 73.0, 47.2, None),
    "Recognizers-Text": (59.7, 82.2, 69.1, 34.2, None),
    "GPT-3": (72.1, 69.1, 70.6, 59.1, 51.9),
}
UNIT_NAMES = {"%": "percentage", "pp": "percentage point", "bp": "basis point", "USD": "dollar", "EUR": "euro",
              "GBP": "pound sterling", "JPY": "japanese yen", "CNY": "chinese yuan", "INR": "indian rupee",
              "AUD": "australian dollar", "MYR": "malaysian ringgit", "ILS": "shekel", "HKD": "hong kong dollar",
              "CAD": "canadian dollar", "SGD": "singapore dollar", "NZD": "new zealand dollar", "KRW": "south korean won",
              "GBX": "point", "": "-", "oil_barrel": "barrel", "degree_Celsius": "celsius",
              "degree_Fahrenheit": "fahrenheit", "mile / hour": "mile per hour", "kilometer / hour": "kilometre per hour",
              "mile / gallon": "mile per gallon", "gigatonne": "gigaton"}
# pint's American spellings and operators -> the benchmark's names
SPELLING = [("meter", "metre"), ("liter", "litre"), (" / ", " per ")]


def unit_label(unit: str, text: str, after: str = "") -> str:
    if unit == "year" and (text.lower().endswith("year-old") or re.match(r"[- ]old\b", after)):
        return "year of age"  # "27-year-old"
    name = UNIT_NAMES.get(unit, unit)
    if name.endswith(" ** 2"):
        name = "square " + name[: -len(" ** 2")]
    for a, b in SPELLING:
        name = name.replace(a, b)
    return name
CHANGE = {"gt": ">", "ge": ">", "lt": "<", "le": "<", "near": "<", "just_over": ">", "approx": "~"}


def to_label(q: Quantity, after: str = "") -> tuple[str, str, str]:
    """(value, normalised unit, change) in the benchmark's terms."""
    if q.shape == "score":
        value = f"{q.value}-{q.second}"  # NewsQuant writes a score as a range in text order
    elif q.shape in ("range", "vague"):
        value = f"{q.interval.lo}-{q.interval.hi}"
    else:
        value = str(q.value)
    unit = unit_label(q.unit, q.text, after)
    # NewsQuant labels a movement by its direction even when qualified ("up nearly 57%": up).
    change = CHANGE.get(QUALIFIERS.get(q.qualifier, "")) or {"up": "up", "down": "down"}.get(q.change) or "="
    return value, unit.lower(), change


def _after_to(span) -> bool:
    tok = span[0]
    while tok.i > 0 and tok.nbor(-1).is_currency:
        tok = tok.nbor(-1)
    return tok.i > 0 and tok.nbor(-1).lower_ == "to"


def labels(doc) -> list[tuple[str, str, str]]:
    """The benchmark's labels for one sentence. NewsQuant writes a movement "from X to Y" as one
    range "X-Y" in text order; checker keeps the two levels apart (before and after), so they are
    joined here."""
    spans = list(doc.spans["quantities"])
    out, i = [], 0
    while i < len(spans):
        s = spans[i]
        q = s._.quantity
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        if nxt is not None and q.change.endswith("from") and q.shape != "range" and nxt.sent.start == s.sent.start \
                and (nxt._.quantity.change.endswith("-to") or (q.change == "from" and not nxt._.quantity.change
                                                                and _after_to(nxt))):
            value, unit, _ = to_label(q)
            unit = unit or to_label(nxt._.quantity)[1]
            out.append((f"{q.value}-{nxt._.quantity.value}", unit, "="))
            i += 2
            continue
        if q.dimension == "duration" and len(parts := list(iter_quantities(q.text))) > 1:
            # "24 hours, 39 minutes": checker reads one duration of 1,479 minutes; NewsQuant labels each unit's
            # figure apart
            out.extend(to_label(part) for _, _, part in parts)
        else:
            out.append(to_label(q, s.doc.text[s.end_char : s.end_char + 5]))
        i += 1
    return out


def _values(v: str) -> tuple[float, ...]:
    m = re.fullmatch(r"\s*(-?[\d.]+(?:[eE][-+]?\d+)?)\s*-\s*(-?[\d.]+(?:[eE][-+]?\d+)?)\s*", v)
    if m:  # "low-high"; "1.99E-29" is one number
        return float(m.group(1)), float(m.group(2))
    return (float(v),)


def value_match(a: str, b: str) -> bool:
    va, vb = _values(a), _values(b)
    return len(va) == len(vb) and bool(np.all(np.isclose(va, vb, rtol=1e-5, atol=1e-8)))


def score(gold: list[list[dict]], pred: list[list[tuple[str, str, str]]], need: str = "") -> tuple[float, float, float]:
    tp = n_pred = n_gold = 0
    for g, p in zip(gold, pred):
        n_gold += len(g)
        n_pred += len(p)
        used = set()
        for gq in g:
            for j, pq in enumerate(p):
                if j in used or not value_match(gq["value"], pq[0]):
                    continue
                if need == "unit" and gq["normalized_unit"].lower() != pq[1]:
                    continue
                if need == "change" and gq["change"] != pq[2]:
                    continue
                used.add(j)
                tp += 1
                break
    prec = tp / n_pred if n_pred else 0.0
    rec = tp / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return 100 * prec, 100 * rec, 100 * f1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--model", default=DEFAULT_MODEL)
    ap.add_argument("--errors", type=int, default=0, help="print this many sentences with misses")
    args = ap.parse_args()
    data = json.loads(args.data.read_text("utf-8"))
    nlp = load_pipeline(args.model)
    t0 = time.perf_counter()
    pred = [labels(doc) for doc in nlp.pipe(d["text"] for d in data)]
    elapsed = time.perf_counter() - t0
    gold = [d["quantities"] for d in data]
    p, r, f = score(gold, pred)
    fu = score(gold, pred, "unit")[2]
    fc = score(gold, pred, "change")[2]
    print(f"NewsQuant: {len(data)} sentences, {sum(map(len, gold))} gold quantities, {elapsed:.1f} s")
    print(f"{'system':<18} {'value P':>8} {'value R':>8} {'value F1':>9} {'+unit F1':>9} {'+change F1':>11}")
    fmt = lambda x: f"{x:.1f}" if x is not None else "-"  # noqa: E731
    print(f"{'checker':<18} {p:>8.1f} {r:>8.1f} {f:>9.1f} {fu:>9.1f} {fc:>11.1f}")
    for name, (pp, rr, ff, uu, cc) in PUBLISHED.items():
        print(f"{name:<18} {pp:>8.1f} {rr:>8.1f} {ff:>9.1f} {uu:>9.1f} {fmt(cc):>11}")
    shown = 0
    for d, pq in zip(data, pred):
        if shown >= args.errors:
            break
        g = [(q["value"], q["normalized_unit"], q["change"]) for q in d["quantities"]]
        missed = [x for x in g if not any(value_match(x[0], y[0]) for y in pq)]
        extra = [y for y in pq if not any(value_match(x[0], y[0]) for x in g)]
        if missed or extra:
            shown += 1
            print(f"\n{d['text']}\n  missed: {missed}\n  extra:  {extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
