"""Translation: how checker's translation findings fare on real machine translation and on planted calques.

Three subcommands:
- prepare: reads the WMT22 general test set from a wmt22-news-systems snapshot (a git directory with no
  work tree, read with `git show`): the xml/wmttest2022.<xx>-en.all.xml files that the snapshot holds
  in full (each document with its domain, a human reference and every system's output), keeps the
  news documents and writes one folder per document: the reference (ref_<translator>.txt) and three
  machine translations (mt_<system>.txt), four sources of one story, one sentence a line. The output
  never goes inside this repository.
- run: checker.run.check on each document folder; translation flags (the flagged passages of the
  translation rules) per 1,000 machine sentences and per 1,000 reference sentences, the share of flags
  on the reference, how often the reference reads least translated (translation score), and a seeded
  sample of flags on machine output, each with what the reference and the other systems write, to read.
- calques: bench/calques.tsv's word-for-word renderings planted one per cluster into real
  multi-article clusters (the ECB+ folders bench/coverage.py prepares). Where the English phrase
  occurs in two or more articles of a cluster, one occurrence is replaced by the calque; otherwise the
  entry's news sentence is added to three articles of a cluster (a sentence shared as wire copy is) and
  its calque version to a fourth. Recalled when a new loud translation finding cites the calque in
  the edited article; recall per language of origin, and loud translation findings per unedited cluster.

    .venv/bin/python bench/translation.py prepare --snapshot /work/.mirror/wmt-conference+wmt22-news-systems/repo
    .venv/bin/python bench/translation.py run [--data /tmp/checker-translation] [--sample 40] [--seed 0]
    .venv/bin/python bench/translation.py calques [--data /tmp/checker-coverage] [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from coverage import _settings, body_start, cites, inside_repository, loud  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = Path("/tmp/checker-translation")
COVERAGE_DATA = Path("/tmp/checker-coverage")
CALQUES = Path(__file__).resolve().parent / "calques.tsv"
PAIRS = ("cs", "de", "ja", "ru", "zh")
SYSTEMS = ("Online-A", "Online-B", "Online-G")  # commercial systems, as a reader meets machine translation
DOCS_PER_LANGUAGE = 20
MT_SOURCES = 3  # machine translations per document: the first of --systems that the language pair has
OTHER_DOMAINS = ("social", "ecommerce", "conversation")
TRANSLATION_RULES = ("TRANS001", "TRANS002")


# ---------------------------------------------------------------------------------------------
# prepare


def _git(snapshot: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", f"--git-dir={snapshot}", *args], capture_output=True, text=True)


def read_documents(snapshot: Path, systems: tuple[str, ...], per_language: int = DOCS_PER_LANGUAGE,
                   mt_sources: int = MT_SOURCES) -> dict[str, dict[str, list[str]]]:
    """Folder name -> file name -> sentences, for the news documents of every pair the snapshot holds."""
    out: dict[str, dict[str, list[str]]] = {}
    for xx in PAIRS:
        shown = _git(snapshot, "show", f"HEAD:xml/wmttest2022.{xx}-en.all.xml")
        if shown.returncode:
            print(f"  {xx}-en: no xml in the snapshot (a large file left out), skipped", file=sys.stderr)
            continue
        root = ET.fromstring(shown.stdout)
        docs = []
        for doc in root.iter("doc"):
            # Some documents carry no domain attribute; their id names it ("social_ru_197").
            domain = doc.get("domain") or next((d for d in OTHER_DOMAINS if doc.get("id", "").startswith(d)), "news")
            if domain != "news" or doc.get("origlang") != xx:
                continue
            files: dict[str, list[str]] = {}
            refs = sorted(doc.findall("ref"), key=lambda r: r.get("translator", ""))
            if refs:
                files[f"ref_{refs[0].get('translator', 'A')}.txt"] = [(s.text or "").strip() for s in refs[0].iter("seg")]
            hyps = {h.get("system"): h for h in doc.findall("hyp")}
            wanted = sorted(hyps) if systems == ("all",) else [name for name in systems if name in hyps]
            chosen = wanted[: mt_sources or None]  # the first three the pair has (0: every one)
            for name in chosen:
                files[f"mt_{name}.txt"] = [(s.text or "").strip() for s in hyps[name].iter("seg")]
            if refs and len(chosen) >= min(MT_SOURCES, mt_sources or MT_SOURCES):
                docs.append((doc.get("id"), files))
        for doc_id, files in sorted(docs)[: per_language or None]:
            out[f"{xx}_{re.sub(r'[^A-Za-z0-9.-]', '_', doc_id)}"] = files
    return out


def prepare(snapshot: Path, out: Path, systems: tuple[str, ...], per_language: int = DOCS_PER_LANGUAGE,
            mt_sources: int = MT_SOURCES) -> int:
    if inside_repository(out):
        print(f"error: --out {out} is inside the repository; third-party data stays outside it", file=sys.stderr)
        return 2
    docs = read_documents(snapshot, systems, per_language, mt_sources)
    if out.exists():
        shutil.rmtree(out)
    sentences = Counter()
    for name, files in docs.items():
        folder = out / name
        folder.mkdir(parents=True)
        for fname, lines in files.items():
            (folder / fname).write_text("\n".join(x for x in lines if x) + "\n", "utf-8")
            sentences[fname.split("_")[0]] += sum(1 for x in lines if x)
    by = Counter(n.split("_")[0] for n in docs)
    print(f"prepared {len(docs)} news documents ({', '.join(f'{k}-en {v}' for k, v in sorted(by.items()))}), "
          f"{sentences['ref']} reference and {sentences['mt']} machine sentences ({', '.join(systems)}) in {out}")
    return 0


# ---------------------------------------------------------------------------------------------
# run


def _sentence_count(path: Path) -> int:
    return sum(1 for line in path.read_text("utf-8").splitlines() if line.strip())


def run(data: Path, sample: int, seed: int, model: str | None) -> int:
    from checker.run import check

    folders = sorted(p for p in data.iterdir() if p.is_dir()) if data.is_dir() else []
    if not folders:
        print(f"error: no document folders in {data}; run prepare first", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    sentences = Counter()
    flags: list[tuple[str, str, object, object]] = []  # (folder, kind of source, finding, flagged evidence)
    per_rule = Counter()
    ref_least = ranked = 0
    mt_scores, ref_scores = [], []
    for folder in folders:
        for f in folder.glob("*.txt"):
            sentences[f.name.split("_")[0]] += _sentence_count(f)
        result = check(folder, _settings(model))
        for f in result.findings:
            if f.rule not in TRANSLATION_RULES:
                continue
            for e in f.evidence:
                if e.flagged:
                    flags.append((folder.name, e.source.split("_")[0], f, e))
                    per_rule[f.rule] += 1
        scores = {t.source: t.score for t in result.translation}
        ref = [v for k, v in scores.items() if k.startswith("ref_")]
        mts = [v for k, v in scores.items() if k.startswith("mt_")]
        ref_scores += ref
        mt_scores += mts
        if ref and mts and (any(mts) or any(ref)):
            ranked += 1
            ref_least += ref[0] < sum(mts) / len(mts)
    on_ref = sum(1 for _, kind, _, _ in flags if kind == "ref")
    on_mt = len(flags) - on_ref
    print(f"translation: {len(folders)} documents from {data}; {sentences['mt']} machine sentences, "
          f"{sentences['ref']} reference sentences; seed {seed}")
    print(f"(time: {time.perf_counter() - t0:.0f} s; not part of the deterministic output)", file=sys.stderr)
    print(f"  flags on machine output: {on_mt} ({1000 * on_mt / max(1, sentences['mt']):.1f} per 1,000 sentences)")
    print(f"  flags on the reference: {on_ref} ({1000 * on_ref / max(1, sentences['ref']):.1f} per 1,000 sentences)")
    print(f"  share of flags on the reference: {on_ref / max(1, len(flags)):.0%}; per rule: "
          + (", ".join(f"{r} {n}" for r, n in sorted(per_rule.items())) or "none"))
    print(f"  translation score, mean per source: machine {sum(mt_scores) / max(1, len(mt_scores)):.2f}, "
          f"reference {sum(ref_scores) / max(1, len(ref_scores)):.2f}; the reference reads less translated than the "
          f"systems' mean in {ref_least} of the {ranked} documents with any signal")
    machine = [x for x in flags if x[1] == "mt"]
    k = min(sample, len(machine))
    print(f"\na sample of {k} flags on machine output (seed {seed}), with what the other sources write")
    for i, j in enumerate(sorted(random.Random(seed).sample(range(len(machine)), k)), 1):
        name, _, f, e = machine[j]
        print(f"  {i}. {name}/{e.source}:{e.line}:{e.column} {f.rule} '{e.span}' for '{f.subject}'")
        print(f"      {e.sentence}")
        for o in f.evidence:
            if not o.flagged:
                print(f"      {o.source}: '{o.span}'")
    refs = [x for x in flags if x[1] == "ref"]
    if refs:
        print(f"\nflags on the reference ({len(refs)})")
        for name, _, f, e in refs:
            print(f"  {name}/{e.source}:{e.line}:{e.column} {f.rule} '{e.span}' for '{f.subject}'")
    return 0


# ---------------------------------------------------------------------------------------------
# calques


def read_calques(path: Path = CALQUES) -> list[tuple[str, str, str, str]]:
    """(language, English phrase, calque, a news sentence holding the phrase)."""
    out = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            language, phrase, calque, carrier = line.split("\t")
            out.append((language, phrase, calque, carrier))
    return out


def _phrase(phrase: str) -> re.Pattern:
    return re.compile(rf"\b{re.escape(phrase)}\b", re.IGNORECASE)


def _cased(calque: str, found: str) -> str:
    return calque[0].upper() + calque[1:] if found[0].isupper() else calque


def _insert_line(text: str, line: str) -> tuple[str, int]:
    """The text with a line added after the headline of its body, and where the line starts."""
    start = body_start(text)
    nl = text.find("\n", start)
    at = len(text) if nl < 0 else nl + 1
    return text[:at] + line + "\n" + text[at:], at


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def plant(arts: dict[str, str], entry, rng: random.Random) -> tuple[dict[str, str], str, tuple[int, int], str] | None:
    """The cluster's articles with the calque planted, the edited article, where the calque sits, and how."""
    _, phrase, calque, carrier = entry
    pat = _phrase(phrase)
    order = sorted(arts)
    rng.shuffle(order)
    # A real occurrence is used when two other articles hold the phrase in the same sentence (wire copy):
    # the one-off rule reads a phrase against the aligned sentences of the other sources.
    lines = {n: [ln for ln in arts[n][body_start(arts[n]):].splitlines() if pat.search(ln)] for n in order}
    for name in order:
        for line in lines[name]:
            words = set(re.findall(r"\w+", line.lower()))
            same = [o for o in order if o != name and any(_jaccard(words, set(re.findall(r"\w+", x.lower()))) >= 0.6
                                                            for x in lines[o])]
            if len(same) >= 2:
                break
        else:
            continue
        text = arts[name]
        m = pat.search(text, text.index(line, body_start(text)))
        new = _cased(calque, m.group())
        edited = dict(arts)
        edited[name] = text[: m.start()] + new + text[m.end():]
        return edited, name, (m.start(), m.start() + len(new)), "replaced"
    if len(order) < 4:
        return None
    edited = dict(arts)
    m = pat.search(carrier)
    for name in order[1:4]:
        edited[name], _ = _insert_line(arts[name], carrier)
    name = order[0]
    new = _cased(calque, m.group())
    line = carrier[: m.start()] + new + carrier[m.end():]
    edited[name], at = _insert_line(arts[name], line)
    return edited, name, (at + m.start(), at + m.start() + len(new)), "planted"


def calques(data: Path, seed: int, model: str | None) -> int:
    from checker.run import check

    clusters = sorted(p for p in data.iterdir() if p.is_dir()) if data.is_dir() else []
    if not clusters:
        print(f"error: no cluster folders in {data}; run bench/coverage.py prepare first", file=sys.stderr)
        return 2
    entries = read_calques()
    t0 = time.perf_counter()
    base: dict[str, list] = {}
    texts: dict[str, dict[str, str]] = {}
    for c in clusters:
        texts[c.name] = {p.name: p.read_text("utf-8") for p in sorted(c.glob("*.txt"))}
    stats: dict[str, Counter] = defaultdict(Counter)
    lines = []
    rng = random.Random(seed)
    usable = [c for c in clusters if len(texts[c.name]) >= 4]
    with tempfile.TemporaryDirectory(prefix="checker-calques-") as tmp:
        for i, entry in enumerate(entries):
            language, phrase, calque, _ = entry
            # A cluster where the phrase occurs in three articles is tried first (a real occurrence in shared
            # sentences is used there); else one in a seeded order, where the entry's sentence is planted.
            real = [c for c in usable if sum(bool(_phrase(phrase).search(t)) for t in texts[c.name].values()) >= 3]
            cluster = real[0] if real else usable[rng.randrange(len(usable))]
            planted = plant(texts[cluster.name], entry, random.Random(f"{seed}:{i}"))
            if planted is None:
                stats[language]["skipped"] += 1
                continue
            edited, name, (lo, hi), how = planted
            if cluster.name not in base:
                base[cluster.name] = loud(check(cluster, _settings(model)))
            before = {f.fingerprint for f in base[cluster.name]}
            copy = Path(tmp) / f"{i:03d}"
            copy.mkdir()
            for fname, text in edited.items():
                (copy / fname).write_text(text, "utf-8")
            after = check(copy, _settings(model))
            shutil.rmtree(copy)
            sid = Path(name).stem
            hits = [f for f in loud(after) if f.fingerprint not in before and f.rule in TRANSLATION_RULES
                    and cites(f, sid, edited[name], [(lo, hi)])]
            stats[language]["applied"] += 1
            stats[language][how] += 1
            stats[language]["recalled"] += bool(hits)
            lines.append(f"  {language:<9} {phrase!r} -> {calque!r} ({how}, {cluster.name}/{name}): "
                         + (f"recalled by {', '.join(sorted({h.rule for h in hits}))}" if hits else "missed"))
        for c in clusters:
            if c.name not in base:
                base[c.name] = loud(check(c, _settings(model)))
    print(f"calques: {len(entries)} entries from {CALQUES.name}, planted in clusters of {data}; seed {seed}")
    print(f"(time: {time.perf_counter() - t0:.0f} s; not part of the deterministic output)", file=sys.stderr)
    print(f"  {'language':<9} {'applied':>8} {'replaced':>9} {'planted':>8} {'recalled':>9} {'recall':>7}")
    tot: Counter = Counter()
    for language in sorted(stats):
        s = stats[language]
        tot.update(s)
        print(f"  {language:<9} {s['applied']:>8} {s['replaced']:>9} {s['planted']:>8} {s['recalled']:>9} "
              f"{s['recalled'] / max(1, s['applied']):>7.0%}")
    print(f"  {'overall':<9} {tot['applied']:>8} {tot['replaced']:>9} {tot['planted']:>8} {tot['recalled']:>9} "
          f"{tot['recalled'] / max(1, tot['applied']):>7.0%}")
    noise = [f for fs in base.values() for f in fs if f.rule in TRANSLATION_RULES]
    print(f"\n  loud translation findings on the {len(clusters)} unedited clusters: {len(noise)} "
          f"({len(noise) / len(clusters):.2f} per cluster)")
    for f in noise:
        print(f"    {f.rule} {f.message[:160]}")
    print("\n  entries:")
    print("\n".join(lines))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("prepare", help="write one folder per WMT22 news document: reference and three systems")
    p.add_argument("--snapshot", type=Path, required=True, help="the wmt22-news-systems git directory")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT)
    p.add_argument("--systems", default=",".join(SYSTEMS),
                   help="systems in order of preference; each document takes the first three its pair has")
    p.add_argument("--per-language", type=int, default=DOCS_PER_LANGUAGE,
                   help="news documents per language pair, in id order (0: all)")
    p.add_argument("--mt-sources", type=int, default=MT_SOURCES,
                   help="machine translations per document (0: every system of --systems; --systems all: every one)")
    r = sub.add_parser("run", help="translation flags on the documents, and a sample to read")
    r.add_argument("--data", type=Path, default=DEFAULT_OUT)
    r.add_argument("--sample", type=int, default=40)
    r.add_argument("--seed", type=int, default=0)
    r.add_argument("--model", default=None)
    c = sub.add_parser("calques", help="recall of planted word-for-word renderings, per language of origin")
    c.add_argument("--data", type=Path, default=COVERAGE_DATA)
    c.add_argument("--seed", type=int, default=0)
    c.add_argument("--model", default=None)
    args = ap.parse_args(argv)
    if args.command == "prepare":
        return prepare(args.snapshot, args.out, tuple(args.systems.split(",")), args.per_language, args.mt_sources)
    if args.command == "run":
        return run(args.data, args.sample, args.seed, args.model)
    return calques(args.data, args.seed, args.model)


if __name__ == "__main__":
    sys.exit(main())
