"""Coverage: how much checker finds on real multi-article coverage (ECB+ and MEANTIME English).

Two subcommands:
- prepare: reads the CoNLL token files of a Diverse_CDCR_datasets snapshot (a git directory with no
  work tree, read with `git show`), rebuilds each article's text (one sentence a line, the first as
  headline, a date found in the first lines kept as front-matter metadata) and writes one folder per
  cluster: ECB+ one per `<N>ecb` and `<N>ecbplus` sub-event, MEANTIME one per topic. Only
  ECBplus-prep/output_data/test_parsing/ and MEANTIME-prep/output_data/en/meantime.conll are read;
  the snapshot's other folders are kept for independent evaluation: `--held-out` writes NewsWCL50's
  ten stories instead (NewsWCL50-prep/output_data/NewsWCL50.conll, to /tmp/checker-held-out), for
  bench/stories.py --data. The output never goes inside this repository.
- run: (a) checker.run.check on each unedited cluster, loud findings (error, warning) per rule and
  per cluster; (b) a perturbation benchmark: one realistic edit of each class (figure, scale, date,
  age, first-name, spelling, title, conversion) in one article of each cluster, each in a fresh copy,
  recalled when a new loud finding (a fingerprint the unedited run lacks) cites the edited text in
  the edited article; (c) a seeded sample of loud findings on the unedited clusters, to read.

The article edited for a class is the first, in a seeded shuffle of the cluster's articles, that
holds a target for that class (a figure, date, age, name or title another article also states;
a bracketed conversion needs no second article). A cluster with no target anywhere is a skip.

That another article holds the same words does not make the edit a disagreement: "Thursday" may date
another event there. coverage_judged.tsv keeps, for each edit of seed 0, a reader's judgement of
whether another article of the cluster states the fact the edit changes (the same quantity, event
date, person's age, name or title), with where; `run` gives recall on the edits judged so as well.
The file holds hashes of the edits, no article text; edits it does not know are counted apart.

    .venv/bin/python bench/coverage.py prepare --snapshot /work/.mirror/anastasia-zhukova+Diverse_CDCR_datasets/repo
    .venv/bin/python bench/coverage.py prepare --held-out --snapshot <the same>
    .venv/bin/python bench/coverage.py run [--data /tmp/checker-coverage] [--clusters N] [--seed 0] [--sample 10]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = Path("/tmp/checker-coverage")
JUDGED = Path(__file__).with_name("coverage_judged.tsv")
ECB_DIR = "ECBplus-prep/output_data/test_parsing"
MEANTIME_FILE = "MEANTIME-prep/output_data/en/meantime.conll"
NEWSWCL_FILE = "NewsWCL50-prep/output_data/NewsWCL50.conll"
HELD_OUT = Path("/tmp/checker-held-out")
LOUD = ("error", "warning")
CLASSES = ("figure", "scale", "date", "age", "first-name", "spelling", "title", "conversion")

# ---------------------------------------------------------------------------------------------
# Detokenisation


NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", "%", ")", "]", "}", "...", "'s", "n't", "'re", "'m", "'ve",
                   "'ll", "'d", "’s", "’re", "’m", "’ve", "’ll", "’d", "n’t", "'S", "N'T"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "US$", "£", "€", "#", "C$", "A$", "HK$"}
OPEN_QUOTES = {"``", "“", "‘"}
CLOSE_QUOTES = {"''", "”"}
DASHES = {"--", "—", "–"}


def detokenise(tokens: list[str], quotes: dict | None = None) -> str:
    """One sentence's tokens as text: no space before punctuation or a clitic, none inside quotes,
    brackets or a hyphenated word ("free - agent" -> "free-agent"), "$ 160" -> "$160", "1 : 30" -> "1:30".
    PTB quotes (`` '') become straight double quotes. `quotes` carries which straight quotes are open
    from one sentence of an article to the next (a quotation often spans sentences)."""
    quotes = {} if quotes is None else quotes
    out = ""
    glue_next = False  # the previous token asks for no space after it
    dq_open = quotes.get("double", False)  # a straight double quote is open
    sq_open = quotes.get("single", False)
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i else ""
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        space = bool(out) and not glue_next
        glue_next = False
        text = tok
        if tok in OPEN_QUOTES:
            text = '"' if tok == "``" else tok
            glue_next = True
        elif tok in CLOSE_QUOTES:
            text = '"' if tok == "''" else tok
            space = False
        elif tok == '"':
            # the last token of a sentence closes a quotation, the first opens one, whatever came before
            if i == 0 and len(tokens) > 1:
                closing = False
            elif all(t in NO_SPACE_BEFORE for t in tokens[i + 1:]):
                closing = True
            else:
                closing = dq_open
            if closing:
                space = False
            else:
                glue_next = True
            dq_open = not closing
        elif tok in ("'", "’"):
            if sq_open:
                space, sq_open = False, False
            elif prev[-1:].lower() == "s" and not (nxt[:1].isalpha() and nxt[:1].isupper() and i == 0):
                space = False  # "the Nationals ' best": a plural possessive
            else:
                glue_next, sq_open = True, True
        elif tok in NO_SPACE_BEFORE or (tok.startswith("'") and tok.lower() in NO_SPACE_BEFORE):
            space = False
            if tok in (":", ".") and re.fullmatch(r"\D{0,3}\d+", prev) and nxt[:1].isdigit():
                glue_next = True  # 1:30, 40 . 3 million -> 40.3 million, $27 . 5 -> $27.5
            if tok == "," and re.fullmatch(r"\D{0,3}\d{1,3}", prev) and re.match(r"\d{3}(?!\d)", nxt):
                glue_next = True  # 1 , 150 -> 1,150; £910 , 000 -> £910,000; 2 , 000ft -> 2,000ft
        elif tok in NO_SPACE_AFTER:
            glue_next = True
        elif tok in ("/", "_"):
            space, glue_next = False, True
        elif tok == "-" and prev[-1:].isalnum() and nxt[:1].isalnum() and (nxt[:1].islower() or nxt[:1].isdigit()
                                                                          or prev[-1:].isdigit()):
            space, glue_next = False, True  # free - agent, 31 - year - old
        elif tok in DASHES:
            pass
        # A token carrying its own straight quotes ('"We', 'said."') moves the quote state on.
        if tok != '"' and tok.count('"') % 2:
            dq_open = not dq_open
        if re.fullmatch(r"\D{0,3}\d+\.", prev) and tok[:1].isdigit():
            space = False  # "8." "40am" -> 8.40am; "$1." "29" -> $1.29
        if space:
            out += " "
        out += text
    quotes["double"], quotes["single"] = dq_open, sq_open
    return out


# ---------------------------------------------------------------------------------------------
# Reading the snapshot

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
MONTH_RE = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _month(name: str) -> int:
    return next(i + 1 for i, m in enumerate(MONTHS) if m.lower().startswith(name.lower()[:3]))


def find_date(line: str) -> str | None:
    """An ISO date from a short dateline ("March 01, 2008", "June 7th, 2013 7:38pm EDT", "12/16/08 1:30 AM
    EST", "16 December 2008").
    A sentence is not a dateline: "She was born on April 22, 1923." dates a birth, not the article."""
    words = len(line.split())
    if words > 14 or (words > 8 and line.rstrip().endswith(".")):
        return None
    m = re.search(rf"\b({MONTH_RE})\.? (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b", line, re.I)
    if m:
        return f"{int(m.group(3)):04d}-{_month(m.group(1)):02d}-{int(m.group(2)):02d}"
    m = re.search(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? ({MONTH_RE})\.?,? (\d{{4}})\b", line, re.I)
    if m:
        return f"{int(m.group(3)):04d}-{_month(m.group(2)):02d}-{int(m.group(1)):02d}"
    m = re.search(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})(?![\d/])", line)
    if m and 1 <= int(m.group(1)) <= 12 and 1 <= int(m.group(2)) <= 31:
        year = int(m.group(3))
        year = year + 2000 if year < 50 else year + 1900 if year < 100 else year
        return f"{year:04d}-{int(m.group(1)):02d}-{int(m.group(2)):02d}"
    return None


def parse_conll(text: str) -> dict[str, list[list[str]]]:
    """Document id -> sentences -> tokens, in file order (columns: doc id, sentence id, token id, token, ...)."""
    docs: dict[str, dict[int, list[tuple[int, str]]]] = {}
    for line in text.split("\n"):
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 4:
            continue
        doc, sent, tok, word = cols[0], cols[1], cols[2], cols[3]
        docs.setdefault(doc, {}).setdefault(int(sent), []).append((int(tok), word))
    return {d: [[w for _, w in sorted(s[k])] for k in sorted(s)] for d, s in docs.items()}


def article_text(sentences: list[list[str]]) -> str:
    """An article file: YAML front matter (date, url) if the data has them, the headline, a blank line,
    then one sentence a line."""
    quotes: dict = {}
    lines = [detokenise(s, quotes) for s in sentences if s]
    meta = {}
    if lines and re.match(r"https?\s*:|www\.", lines[0]):
        meta["url"] = "".join(sentences[0])
        lines = lines[1:]
    for line in lines[:5]:
        date = find_date(line)
        if date:
            meta["date"] = date
            break
    head = "".join(f'{k}: "{v}"\n' for k, v in sorted(meta.items()) if '"' not in v)
    front = f"---\n{head}---\n" if head else ""
    if not lines:
        return front
    # The headline is the first line that is not a dateline; a dateline above it stays above it.
    head_at = next((i for i, line in enumerate(lines[:3]) if not (find_date(line) and len(line.split()) <= 8)), 0)
    return front + "\n".join(lines[: head_at + 1]) + "\n\n" + "\n".join(lines[head_at + 1:]) + "\n"


def _git_show(snapshot: Path, path: str) -> str:
    return subprocess.run(["git", "-C", str(snapshot), "show", f"HEAD:{path}"], capture_output=True, text=True,
                          check=True).stdout


def _git_ls(snapshot: Path, path: str) -> list[str]:
    out = subprocess.run(["git", "-C", str(snapshot), "ls-tree", "--name-only", "HEAD", path + "/"],
                         capture_output=True, text=True, check=True).stdout
    return [p for p in out.split("\n") if p]


def read_clusters(snapshot: Path) -> dict[str, dict[str, str]]:
    """Cluster name -> article file name -> file text."""
    clusters: dict[str, dict[str, str]] = {}
    for sub in _git_ls(snapshot, ECB_DIR):
        name = sub.rsplit("/", 1)[1]
        m = re.fullmatch(r"(\d+)(ecb|ecbplus)", name)
        if not m:
            continue
        conll = _git_show(snapshot, f"{sub}/annotation/original/{name}.conll")
        arts = {}
        for doc, sents in parse_conll(conll).items():
            topic, sub_event, number = doc.split("/")
            if sub_event != name:  # a folder's file may also hold other topics' documents: each in its own
                continue
            arts[f"{topic}_{number}{m.group(2)}.txt"] = article_text(sents)
        clusters[f"ecb_t{int(m.group(1)):02d}_{m.group(2)}"] = arts
    for doc, sents in parse_conll(_git_show(snapshot, MEANTIME_FILE)).items():
        corpus, number = doc.split("/")
        topic = corpus.removeprefix("corpus_")
        clusters.setdefault(f"meantime_{topic}", {})[f"{topic}_{number}.txt"] = article_text(sents)
    return dict(sorted(clusters.items()))


def read_held_out(snapshot: Path) -> dict[str, dict[str, str]]:
    """NewsWCL50, kept out of every figure the checker was tuned on: ten political stories of 2018, each told by
    five outlets from left to right (`<topic>_LL`, `_L`, `_M`, `_R`, `_RR`). A paragraph's end is a token of its
    own there (a backslash and an n, at times with a space), dropped. Cluster name -> article file name -> text."""
    clusters: dict[str, dict[str, str]] = {}
    for doc, sents in parse_conll(_git_show(snapshot, NEWSWCL_FILE)).items():
        topic, _, name = doc.split("/")
        sents = [[w for w in s if w.strip() != "\\n"] for s in sents]
        clusters.setdefault(f"newswcl_t{int(topic):02d}", {})[f"{name}.txt"] = article_text(sents)
    return dict(sorted(clusters.items()))


def inside_repository(path: Path) -> bool:
    path = path.expanduser().resolve()
    return path == ROOT or ROOT in path.parents


def prepare(snapshot: Path, out: Path | None, held_out: bool = False) -> int:
    out = out or (HELD_OUT if held_out else DEFAULT_OUT)
    if inside_repository(out):
        print(f"error: --out {out} is inside the repository; third-party data stays outside it", file=sys.stderr)
        return 2
    clusters = read_held_out(snapshot) if held_out else read_clusters(snapshot)
    if out.exists():
        shutil.rmtree(out)
    words = articles = 0
    for name, arts in clusters.items():
        folder = out / name
        folder.mkdir(parents=True)
        for fname, text in sorted(arts.items()):
            (folder / fname).write_text(text, "utf-8")
            words += len(_body(text).split())
            articles += 1
    dated = sum(1 for arts in clusters.values() for t in arts.values() if "\ndate: " in t)
    by = Counter(n.split("_")[0] for n in clusters)
    print(f"prepared {len(clusters)} clusters ({', '.join(f'{k} {v}' for k, v in sorted(by.items()))}), "
          f"{articles} articles ({dated} with a date), {words} words in {out}")
    return 0


# ---------------------------------------------------------------------------------------------
# Perturbations: each takes (article text, the cluster's other article texts, rng) and returns an
# Edit, or None when the article holds no target.


@dataclass(frozen=True)
class Edit:
    cls: str
    changes: tuple[tuple[int, str, str], ...]  # (offset, old, new), non-overlapping
    note: str

    def apply(self, text: str) -> str:
        for pos, old, new in sorted(self.changes, reverse=True):
            assert text[pos : pos + len(old)] == old
            text = text[:pos] + new + text[pos + len(old):]
        return text

    def new_ranges(self) -> list[tuple[int, int]]:
        """Where the new text sits in the edited article."""
        out, shift = [], 0
        for pos, old, new in sorted(self.changes):
            out.append((pos + shift, pos + shift + len(new)))
            shift += len(new) - len(old)
        return out


def body_start(text: str) -> int:
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end >= 0:
            close = text.find("\n", end + 4)
            return len(text) if close < 0 else close + 1
    return 0


def _body(text: str) -> str:
    return text[body_start(text):]


def _dateline(text: str, pos: int) -> bool:
    """The position is on a short line that is a date only: furniture, not a claim."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : end if end >= 0 else len(text)]
    return find_date(line) is not None and len(line.split()) <= 8


def _matches(pattern: str, text: str, flags: int = 0):
    b = body_start(text)
    return [m for m in re.finditer(pattern, text, flags) if m.start() >= b]


def _stated(pattern: str, others: list[str], flags: int = 0) -> bool:
    return any(re.search(pattern, _body(o), flags) for o in others)


def _pick(cands: list, rng: random.Random):
    return cands[rng.randrange(len(cands))] if cands else None


def _fmt_like(old: str, value: float) -> str:
    if "." in old:
        decimals = len(old.split(".")[1])
        return f"{value:,.{decimals}f}" if "," in old else f"{value:.{decimals}f}"
    return f"{int(value):,}" if "," in old else str(int(value))


def _nudge(old: str, rng: random.Random) -> str:
    value = float(old.replace(",", ""))
    if "." not in old and value < 10:
        new = value + rng.choice((1, 2))
    else:
        frac = rng.uniform(0.08, 0.2) * rng.choice((-1, 1))
        new = value * (1 + frac)
        if "." not in old:
            new = round(new)
            if new == value:
                new = value + 1
    out = _fmt_like(old, new)
    return out if out != old else _fmt_like(old, value + 1)


NUM = r"(?<![\w.,/:-])((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?![\w/:-]|[.,]\d)"


def perturb_figure(text: str, others: list[str], rng: random.Random) -> Edit | None:
    """A figure another article also states (same number, same next word) changed by a few to 20%."""
    cands = []
    for m in _matches(NUM + r"(\s*)(%|percent|per cent|[A-Za-z]+)", text):
        num = m.group(1)
        word = m.group(3)
        before = text[max(0, m.start() - 12) : m.start()]
        if re.fullmatch(r"(19|20)\d\d", num) or re.search(rf"{MONTH_RE}\.?\s*$|No\.\s*$|#\s*$", before):
            continue
        if word.lower() in ("year", "years") and text[m.end():m.end() + 4] == "-old":
            continue
        if word.lower() in ("a", "p", "am", "pm", "st", "nd", "rd", "th") or _dateline(text, m.start()):
            continue
        if _stated(rf"(?<![\w.,]){re.escape(num)}\s*{re.escape(word)}\b", others, re.I):
            cands.append((m.start(), num, word))
    pick = _pick(cands, rng)
    if pick is None:
        return None
    pos, num, word = pick
    new = _nudge(num, rng)
    return Edit("figure", ((pos, num, new),), f"{num} {word} -> {new} {word}")


def perturb_scale(text: str, others: list[str], rng: random.Random) -> Edit | None:
    """'160 million' -> '160 billion' where another article also states '160 million'."""
    swap = {"million": "billion", "billion": "million", "trillion": "billion"}
    cands = [m for m in _matches(r"(?<![\w.,])(\d[\d,.]*)\s+(million|billion|trillion)\b", text, re.I)
             if _stated(rf"(?<![\w.,]){re.escape(m.group(1))}\s+{m.group(2)}\b", others, re.I)]
    m = _pick(cands, rng)
    if m is None:
        return None
    old = m.group(2)
    new = swap[old.lower()]
    new = new.capitalize() if old[0].isupper() else new
    return Edit("scale", ((m.start(2), old, new),), f"{m.group(0)} -> {m.group(1)} {new}")


def perturb_date(text: str, others: list[str], rng: random.Random) -> Edit | None:
    """A day of month shifted (Dec. 16 -> Dec. 18), a weekday moved (Tuesday -> Thursday) or a year's
    last two digits swapped (1976 -> 1967), where another article states the same date, day or year."""
    cands = []
    for m in _matches(rf"\b({MONTH_RE})\.? (\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*[:.]\d)", text):
        month, day = _month(m.group(1)), m.group(2)
        if int(day) > 31 or _dateline(text, m.start()):
            continue
        if any(
                _month(o.group(1)) == month and int(o.group(2)) == int(day)
                for other in others for o in re.finditer(rf"\b({MONTH_RE})\.? (\d{{1,2}})\b", _body(other))):
            cands.append(("day", m.start(2), day))
    for m in _matches(r"\b(" + "|".join(WEEKDAYS) + r")\b", text):
        if not _dateline(text, m.start()) and _stated(rf"\b{m.group(1)}\b", others):
            cands.append(("weekday", m.start(), m.group(1)))
    for m in _matches(r"(?<![\w.,$])(19|20)(\d)(\d)(?![\w.,]\d|\d)", text):
        swapped = f"{m.group(1)}{m.group(3)}{m.group(2)}"
        if m.group(2) != m.group(3) and 1900 <= int(swapped) <= 2015 and not _dateline(text, m.start()) \
                and _stated(rf"(?<![\w.,$]){m.group(0)}\b", others):
            cands.append(("year", m.start(), m.group(0)))
    pick = _pick(cands, rng)
    if pick is None:
        return None
    kind, pos, old = pick
    if kind == "day":
        d = int(old)
        shift = rng.choice((1, 2, 3))
        new = str(d + shift if d + shift <= 28 else d - shift)
        new = new.zfill(len(old))
    elif kind == "weekday":
        i = WEEKDAYS.index(old)
        new = WEEKDAYS[(i + rng.choice((1, 2, -1, -2))) % 7]
    else:
        new = old[:2] + old[3] + old[2]
    return Edit("date", ((pos, old, new),), f"{kind}: {old} -> {new}")


def perturb_age(text: str, others: list[str], rng: random.Random) -> Edit | None:
    """'31-year-old' -> '32-year-old', or 'Smith, 31,' -> 'Smith, 30,', where another article gives the age."""
    cands = []
    for m in _matches(r"(?<![\w.,])(\d{1,3})(-year-old|\s+years?\s+old)\b", text):
        cands.append(m)
    for m in _matches(r"\b[A-Z][a-z]+, (\d{1,2}),", text):
        cands.append(m)
    ok = []
    for m in cands:
        age = m.group(1)
        if _stated(rf"(?<![\w.,]){age}(?:-year-old|\s+years?\s+old)\b|[A-Z][a-z]+, {age},|\baged {age}\b", others):
            ok.append(m)
    m = _pick(sorted(ok, key=lambda x: x.start()), rng)
    if m is None:
        return None
    age = m.group(1)
    new = str(int(age) + rng.choice((1, -1)))
    return Edit("age", ((m.start(1), age, new),), f"age {age} -> {new}: {m.group(0).strip(', ')!r}")


FIRST_NAMES = {
    "m": ("James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles",
          "Christopher", "Daniel", "Matthew", "Anthony", "Mark", "Donald", "Steven", "Paul", "Andrew", "Joshua",
          "Kenneth", "Kevin", "Brian", "George", "Timothy", "Ronald", "Edward", "Jason", "Jeffrey", "Ryan",
          "Jacob", "Gary", "Nicholas", "Eric", "Jonathan", "Stephen", "Larry", "Justin", "Scott", "Brandon",
          "Benjamin", "Samuel", "Gregory", "Frank", "Alexander", "Raymond", "Patrick", "Jack", "Dennis", "Jerry",
          "Tyler", "Aaron", "Henry", "Adam", "Peter", "Nathan", "Zachary", "Douglas", "Harold", "Carl", "Arthur",
          "Gerald", "Roger", "Keith", "Jeremy", "Terry", "Lawrence", "Sean", "Christian", "Albert", "Joe", "Ethan",
          "Austin", "Jesse", "Willie", "Billy", "Bryan", "Bruce", "Jordan", "Ralph", "Roy", "Noah", "Dylan",
          "Eugene", "Wayne", "Alan", "Juan", "Louis", "Russell", "Gabriel", "Randy", "Philip", "Harry", "Vincent",
          "Bobby", "Johnny", "Logan", "Bill", "Tom", "Jim", "Mike", "Steve", "Barack", "Tony", "Martin", "Hugh",
          "Simon", "Ian", "Neil", "Colin", "Graham", "Nick", "Dan", "Rick", "Ron", "Ben", "Sam", "Chris", "Bob"),
    "f": ("Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen",
          "Nancy", "Lisa", "Betty", "Margaret", "Sandra", "Ashley", "Kimberly", "Emily", "Donna", "Michelle",
          "Dorothy", "Carol", "Amanda", "Melissa", "Deborah", "Stephanie", "Rebecca", "Sharon", "Laura", "Cynthia",
          "Kathleen", "Amy", "Shirley", "Angela", "Helen", "Anna", "Brenda", "Pamela", "Nicole", "Emma", "Samantha",
          "Katherine", "Christine", "Debra", "Rachel", "Catherine", "Carolyn", "Janet", "Ruth", "Maria", "Heather",
          "Diane", "Virginia", "Julie", "Joyce", "Victoria", "Kelly", "Christina", "Lauren", "Joan", "Evelyn",
          "Olivia", "Judith", "Megan", "Cheryl", "Martha", "Andrea", "Frances", "Hannah", "Jacqueline", "Ann",
          "Gloria", "Jean", "Kathryn", "Alice", "Teresa", "Sara", "Janice", "Doris", "Madison", "Julia", "Grace",
          "Judy", "Abigail", "Marie", "Denise", "Beverly", "Amber", "Theresa", "Marilyn", "Danielle", "Diana",
          "Brittany", "Natalie", "Sophia", "Rose", "Isabella", "Alexis", "Kayla", "Charlotte", "Hillary", "Sarah",
          "Lindsay", "Britney", "Paris", "Tara", "Kate", "Jane", "Anne", "Sue", "Liz", "Eva", "Nicola"),
}
GENDER = {n: g for g, names in FIRST_NAMES.items() for n in names}
FULL_NAME = r"\b(" + "|".join(sorted(GENDER, key=len, reverse=True)) + r") ((?:[A-Z]\. )?)((?:Mc|Mac|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b"


def _full_names(text: str) -> list[re.Match]:
    """'First Last' with a common first name, not the start of a name of a thing ('Betty Ford Center')."""
    return [m for m in _matches(FULL_NAME, text) if not re.match(r" [A-Z][a-z]", text[m.end():m.end() + 3])]


def perturb_first_name(text: str, others: list[str], rng: random.Random) -> Edit | None:
    """The first name of a person named in full here and in another article replaced by another
    common first name (same gender, used nowhere in the cluster), in every full mention here."""
    cands = {}
    for m in _full_names(text):
        full = f"{m.group(1)} {m.group(2)}{m.group(3)}"
        if m.group(3) in GENDER or full in cands:
            continue
        if _stated(rf"\b{m.group(1)} (?:[A-Z]\. )?{m.group(3)}\b", others):
            cands[full] = m
    pick = _pick(sorted(cands), rng)
    if pick is None:
        return None
    m = cands[pick]
    first, last = m.group(1), m.group(3)
    used = set(re.findall(r"[A-Z][a-z]+", "\n".join([text, *others])))
    choices = [n for n in FIRST_NAMES[GENDER[first]] if n not in used and n != first]
    new = rng.choice(choices)
    changes = tuple((x.start(1), first, new) for x in _full_names(text) if x.group(1) == first and x.group(3) == last)
    return Edit("first-name", changes, f"{first} {last} -> {new} {last} ({len(changes)} mention(s))")


VOWELS = "aeiou"


def misspell(name: str, rng: random.Random, avoid: set[str]) -> str | None:
    """One letter of a surname changed: an interior vowel swapped for another, else two letters transposed."""
    options = []
    for i in range(1, len(name)):
        if name[i] in VOWELS:
            options += [name[:i] + v + name[i + 1:] for v in VOWELS if v != name[i]]
    if not options:
        options = [name[:i] + name[i + 1] + name[i] + name[i + 2:] for i in range(1, len(name) - 1)
                   if name[i] != name[i + 1]]
    options = [o for o in options if o not in avoid]
    return rng.choice(options) if options else None


def perturb_spelling(text: str, others: list[str], rng: random.Random) -> Edit | None:
    """One letter of a surname changed in every mention in this article, where another article names
    the person in full too."""
    cands = sorted({m.group(3) for m in _full_names(text) if len(m.group(3)) >= 4 and m.group(3) not in GENDER
                    and _stated(rf"\b{m.group(1)} (?:[A-Z]\. )?{m.group(3)}\b", others)})
    last = _pick(cands, rng)
    if last is None:
        return None
    words = set(re.findall(r"[A-Za-z]+", "\n".join([text, *others])))
    new = misspell(last, rng, words)
    if new is None:
        return None
    changes = tuple((m.start(), last, new) for m in _matches(rf"\b{last}\b", text))
    return Edit("spelling", changes, f"{last} -> {new} ({len(changes)} mention(s))")


TITLE_SWAPS = {
    "Interior Minister": "Finance Minister", "Finance Minister": "Interior Minister",
    "Foreign Minister": "Defence Minister", "Defence Minister": "Foreign Minister",
    "Defense Minister": "Foreign Minister", "Health Minister": "Education Minister",
    "Education Minister": "Health Minister", "Justice Minister": "Labour Minister",
    "Prime Minister": "Foreign Minister", "Deputy Prime Minister": "Prime Minister",
    "Secretary of State": "Secretary of Defense", "Defense Secretary": "Treasury Secretary",
    "Treasury Secretary": "Defense Secretary", "Attorney General": "Solicitor General",
    "Vice President": "President", "President": "Vice President", "President-elect": "Vice President-elect",
    "Governor": "Senator", "Gov.": "Sen.", "Senator": "Governor", "Sen.": "Gov.", "Rep.": "Sen.",
    "Representative": "Senator", "Mayor": "Governor", "Sheriff": "Mayor", "Judge": "Prosecutor",
    "General": "Colonel", "Gen.": "Col.", "Chancellor": "President", "Chief Executive": "Chief Financial Officer",
    "chief executive": "chief financial officer", "CEO": "CFO", "chairman": "chief executive",
    "Chairman": "Chief Executive", "coach": "general manager", "Coach": "General Manager",
    "Commissioner": "Secretary",
}
TITLE_RE = r"(?<![\w-])(?<!Vice )(?<!Deputy )(" + "|".join(re.escape(t) for t in sorted(TITLE_SWAPS, key=len, reverse=True)) + \
    r") ((?:[A-Z][a-z]+ )?(?:[A-Z]\. )?(?:Mc|Mac|O')?[A-Z][a-z]+)\b"


def perturb_title(text: str, others: list[str], rng: random.Random) -> Edit | None:
    """A title of office before a name swapped for another ("Interior Minister X" -> "Finance Minister X"),
    where another article gives the same person the same title."""
    cands = []
    for m in _matches(TITLE_RE, text):
        surname = m.group(2).split()[-1]
        if _stated(rf"(?<![\w-]){re.escape(m.group(1))} (?:[A-Z][a-z]+ )?(?:[A-Z]\. )?{surname}\b", others):
            cands.append(m)
    m = _pick(cands, rng)
    if m is None:
        return None
    old = m.group(1)
    new = TITLE_SWAPS[old]
    return Edit("title", ((m.start(1), old, new),), f"{old} {m.group(2)} -> {new} {m.group(2)}")


UNIT = r"(?:km|kilomet(?:re|er)s?|miles?|mph|km/h|kph|kg|kilograms?|pounds|lbs?|feet|foot|ft|met(?:re|er)s?|m|acres|hectares|ha|tons?|tonnes?|litres?|liters?|gallons?|inches|cm|degrees(?: [CF]| Celsius| Fahrenheit)?|°[CF]|square (?:miles|kilometres|kilometers|km))"
CONVERSION = rf"(?<![\w.,])(\d[\d,.]*)(?:-|\s*){UNIT}\s*\((?:about |around |some |roughly |nearly )?(\d[\d,.]*)(?:-|\s*){UNIT}\)"


def perturb_conversion(text: str, others: list[str], rng: random.Random) -> Edit | None:
    """'40 miles (64 km)' -> '40 miles (89 km)': a bracketed conversion made wrong by 30-60%.
    The target is the article's own pair of figures: no second article is needed."""
    m = _pick(_matches(CONVERSION, text), rng)
    if m is None:
        return None
    old = m.group(2).rstrip(".,")
    value = float(old.replace(",", ""))
    new = _fmt_like(old, max(1.0, round(value * rng.choice((1.4, 1.6, 0.6, 0.7)), 3 if "." in old else 0)))
    if new == old:
        new = _fmt_like(old, value + 2)
    return Edit("conversion", ((m.start(2), old, new),), f"{m.group(0)} -> ({new} ...)")


PERTURB = {"figure": perturb_figure, "scale": perturb_scale, "date": perturb_date, "age": perturb_age,
           "first-name": perturb_first_name, "spelling": perturb_spelling, "title": perturb_title,
           "conversion": perturb_conversion}


# ---------------------------------------------------------------------------------------------
# Running checker


def edit_key(cls: str, cluster: str, target: str, note: str) -> str:
    """An edit's name in the judgement file: a hash, so that no article text is kept in the repository."""
    return hashlib.sha256(f"{cls}|{cluster}/{target}|{note}".encode()).hexdigest()[:16]


def read_judged(path: Path) -> dict[str, str]:
    """Edit key -> yes / no / unclear: whether another article of the cluster states the fact the edit
    changes, so that the edited article now contradicts it (judged by reading the articles)."""
    if not path.is_file():
        return {}
    out = {}
    for line in path.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            key, _cls, label, *_ = line.split("\t")
            out[key] = label
    return out


def loud(result) -> list:
    return [f for f in result.findings if f.severity in LOUD]


def _offset(text: str, line: int, column: int) -> int:
    pos = 0
    for _ in range(line - 1):
        pos = text.find("\n", pos) + 1
    return pos + column - 1


def cites(finding, source_id: str, text: str, ranges: list[tuple[int, int]]) -> bool:
    """The finding quotes the edited text: an evidence span in the edited article overlaps it, or the
    flagged evidence's sentence there holds it."""
    for e in finding.evidence:
        if e.source != source_id:
            continue
        start = _offset(text, e.line, e.column)
        end = start + len(e.span)
        for lo, hi in ranges:
            if start < hi and lo < end:
                return True
            if e.flagged and text[lo:hi] in e.sentence:
                # the sentence the flagged evidence sits in: it starts before the span and covers the edit
                at = e.sentence.find(e.span)
                s_lo = start - max(at, 0)
                if s_lo <= lo and hi <= s_lo + len(e.sentence):
                    return True
    return False


@dataclass(frozen=True)
class Shown:
    """A loud finding as the report prints it (plain data, so that worker processes can return it)."""

    rule: str
    severity: str
    subject: str
    message: str
    evidence: tuple[tuple[str, int, int, str, bool], ...]  # source, line, column, span, flagged

    @classmethod
    def of(cls, f) -> Shown:
        return cls(f.rule, f.severity, f.subject, f.message,
                   tuple((e.source, e.line, e.column, e.span, e.flagged) for e in f.evidence))

    def describe(self) -> str:
        ev = "; ".join(f"{'*' if fl else ''}{s}:{ln}:{col} {span!r}" for s, ln, col, span, fl in self.evidence)
        return f"{self.rule} {self.severity} [{self.subject}] {self.message}\n      evidence (* flagged): {ev}"


_SETTINGS = None


def _settings(model: str | None):
    global _SETTINGS
    if _SETTINGS is None:
        from checker.config import Settings

        _SETTINGS = Settings(model=model) if model else Settings()
    return _SETTINGS


def cluster_job(job: tuple[int, str, int, str | None, str, tuple[str, ...]]) -> dict:
    """The unedited run and one edit of each class asked for, for one cluster (in a worker process)."""
    from checker.run import check

    ci, folder_name, seed, model, tmp, classes = job
    folder = Path(folder_name)
    settings = _settings(model)
    files = sorted(folder.glob("*.txt"))
    base_loud = loud(check(folder, settings))
    before = {f.fingerprint for f in base_loud}
    texts = {p.name: p.read_text("utf-8") for p in files}
    rng = random.Random(f"{seed}:{folder.name}")
    order = list(texts)
    rng.shuffle(order)
    edits = []  # (class, target, note, rules of the recalling findings) or (class, None, "", ())
    for cls in classes:
        edit = target = None
        for name in order:
            others = [t for n, t in texts.items() if n != name]
            edit = PERTURB[cls](texts[name], others, random.Random(f"{seed}:{folder.name}:{cls}:{name}"))
            if edit is not None:
                target = name
                break
        if edit is None:
            edits.append((cls, None, "", ()))
            continue
        copy = Path(tmp) / f"{ci:03d}-{cls}"
        shutil.copytree(folder, copy)
        edited = edit.apply(texts[target])
        (copy / target).write_text(edited, "utf-8")
        after = check(copy, settings)
        shutil.rmtree(copy)
        sid = Path(target).stem
        hits = [f for f in loud(after) if f.fingerprint not in before and cites(f, sid, edited, edit.new_ranges())]
        edits.append((cls, target, edit.note, tuple(sorted({h.rule for h in hits}))))
    return {"name": folder.name, "articles": len(files), "loud": [Shown.of(f) for f in base_loud], "edits": edits}


def run(data: Path, n_clusters: int | None, seed: int, sample: int, model: str | None, jobs: int, edits: int = 4,
        classes: tuple[str, ...] = CLASSES) -> int:
    clusters = sorted(p for p in data.iterdir() if p.is_dir()) if data.is_dir() else []
    if n_clusters:
        clusters = clusters[:n_clusters]
    if not clusters:
        print(f"error: no cluster folders in {data}; run prepare first", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    per_rule: Counter = Counter()
    stats = {c: Counter() for c in CLASSES}
    per_rule_recall: dict[str, Counter] = defaultdict(Counter)
    examples: dict[str, list[str]] = defaultdict(list)
    results = []
    with tempfile.TemporaryDirectory(prefix="checker-coverage-") as tmp:
        work = [(i, str(c), seed, model, tmp, classes) for i, c in enumerate(clusters)]
        if jobs > 1:
            import multiprocessing as mp

            with mp.get_context("fork").Pool(jobs) as pool:
                for res in pool.imap(cluster_job, work):
                    results.append(res)
                    print(f"  [{len(results)}/{len(clusters)}] {res['name']} ({time.perf_counter() - t0:.0f} s)",
                          file=sys.stderr)
        else:
            for w in work:
                results.append(cluster_job(w))
                print(f"  [{len(results)}/{len(clusters)}] {results[-1]['name']} ({time.perf_counter() - t0:.0f} s)",
                      file=sys.stderr)
    elapsed = time.perf_counter() - t0
    all_loud = [(r["name"], f) for r in results for f in r["loud"]]
    per_rule.update(f.rule for _, f in all_loud)
    judged = read_judged(JUDGED)
    for r in results:
        for cls, target, note, rules in r["edits"]:
            stats[cls]["attempted"] += 1
            if target is None:
                stats[cls]["skipped"] += 1
                continue
            stats[cls]["applied"] += 1
            if rules:
                stats[cls]["recalled"] += 1
                per_rule_recall[cls].update(rules)
            examples[cls].append(f"{r['name']}/{target}: {note}: {'recalled by ' + ', '.join(rules) if rules else 'missed'}")
            label = judged.get(edit_key(cls, r["name"], target, note), "unjudged")
            stats[cls][f"judged {label}"] += 1
            if rules:
                stats[cls][f"recalled {label}"] += 1
    n_articles = sum(r["articles"] for r in results)
    print(f"coverage: {len(clusters)} clusters, {n_articles} articles from {data}; seed {seed}")
    print(f"(time: {elapsed:.0f} s with {jobs} process(es); not part of the deterministic output)", file=sys.stderr)
    print("\n(a) loud findings (error, warning) on the unedited clusters")
    print(f"  total {len(all_loud)} in {sum(1 for r in results if r['loud'])} of {len(results)} clusters; per rule: "
          + (", ".join(f"{r} {n}" for r, n in sorted(per_rule.items())) or "none"))
    for r in results:
        counts = Counter(f.rule for f in r["loud"])
        detail = ", ".join(f"{k} {n}" for k, n in sorted(counts.items()))
        print(f"  {r['name']:<22} {r['articles']:>3} articles {len(r['loud']):>3} loud" + (f"  ({detail})" if detail else ""))
    print("\n(b) perturbation recall (a new loud finding citing the edited text in the edited article)")
    print(f"  {'class':<11} {'attempted':>9} {'skipped':>8} {'applied':>8} {'recalled':>9} {'recall':>7}  recalled by")
    tot: Counter = Counter()
    for cls in CLASSES:
        s = stats[cls]
        tot.update(s)
        rec = f"{s['recalled'] / s['applied']:.0%}" if s["applied"] else "-"
        rules = ", ".join(f"{k} {n}" for k, n in sorted(per_rule_recall[cls].items()))
        print(f"  {cls:<11} {s['attempted']:>9} {s['skipped']:>8} {s['applied']:>8} {s['recalled']:>9} {rec:>7}  {rules}")
    rec = f"{tot['recalled'] / tot['applied']:.0%}" if tot["applied"] else "-"
    print(f"  {'overall':<11} {tot['attempted']:>9} {tot['skipped']:>8} {tot['applied']:>8} {tot['recalled']:>9} {rec:>7}")
    print(f"\n  on the edits judged, by reading the cluster, to contradict another article ({JUDGED.name}):")
    print(f"  {'class':<11} {'judged':>8} {'yes':>5} {'no':>5} {'unclear':>8} {'recalled':>9} {'recall':>7}  "
          "recalled of no / unclear / unjudged")
    for cls in (*CLASSES, "overall"):
        s = tot if cls == "overall" else stats[cls]
        n = {lab: s[f"judged {lab}"] for lab in ("yes", "no", "unclear", "unjudged")}
        rec = f"{s['recalled yes'] / n['yes']:.0%}" if n["yes"] else "-"
        print(f"  {cls:<11} {n['yes'] + n['no'] + n['unclear']:>8} {n['yes']:>5} {n['no']:>5} {n['unclear']:>8} "
              f"{s['recalled yes']:>9} {rec:>7}  {s['recalled no']} / {s['recalled unclear']} / "
              f"{s['recalled unjudged']} of {n['unjudged']}")
    print(f"\n  edits (the first {edits} of each class):")
    for cls in CLASSES:
        for line in examples[cls][:edits]:
            print(f"    {cls}: {line}")
    k = min(sample, len(all_loud))
    print(f"\n(c) a sample of {k} loud findings on the unedited clusters (seed {seed})")
    for i, j in enumerate(sorted(random.Random(seed).sample(range(len(all_loud)), k)), 1):
        name, f = all_loud[j]
        print(f"  {i}. {name}: {f.describe()}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("prepare", help="write one folder of articles per cluster from the snapshot")
    p.add_argument("--snapshot", type=Path, required=True, help="the Diverse_CDCR_datasets git directory")
    p.add_argument("--out", type=Path, default=None, help=f"default {DEFAULT_OUT}, or {HELD_OUT} with --held-out")
    p.add_argument("--held-out", action="store_true",
                   help="NewsWCL50's ten stories instead, kept out of what the checker was tuned on")
    r = sub.add_parser("run", help="findings on the clusters, perturbation recall, a sample to read")
    r.add_argument("--data", type=Path, default=DEFAULT_OUT)
    r.add_argument("--clusters", type=int, default=0, help="only the first N clusters (0: all)")
    r.add_argument("--seed", type=int, default=0)
    r.add_argument("--sample", type=int, default=10)
    r.add_argument("--edits", type=int, default=4, help="edits listed per class, with whether each was recalled")
    r.add_argument("--classes", default=",".join(CLASSES),
                   help="the edit classes to run, comma-separated (default: all)")
    r.add_argument("--model", default=None)
    r.add_argument("--jobs", type=int, default=2, help="worker processes, each loading the pipeline once")
    args = ap.parse_args(argv)
    if args.command == "prepare":
        return prepare(args.snapshot, args.out, args.held_out)
    classes = tuple(c for c in CLASSES if c in args.classes.split(","))
    unknown = set(args.classes.split(",")) - set(CLASSES)
    if unknown or not classes:
        print(f"error: unknown edit class {', '.join(sorted(unknown)) or args.classes!r}; "
              f"the classes are {', '.join(CLASSES)}", file=sys.stderr)
        return 2
    return run(args.data, args.clusters or None, args.seed, args.sample, args.model, args.jobs, args.edits, classes)


if __name__ == "__main__":
    sys.exit(main())
