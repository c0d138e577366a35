"""Markdown report for editors: summary, findings by severity with the evidence side by side,
people, coverage, sources. Quoted article text is escaped so that it cannot break the markdown."""

from __future__ import annotations

import re
from collections import defaultdict

from checker.findings import RULES, SEVERITIES, Finding
from checker.findings.result import Result
from checker.findings.translation_score import SIGNALS
from checker.reports.json_report import baseline_counts, summary
from checker.values.types import PersonName, Quantity

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")
HEADINGS = {"error": "Errors", "warning": "Warnings", "info": "For information"}


def md(text: str, strip: bool = True) -> str:
    """Escape text for a markdown table cell or paragraph: no markup, no HTML, one line."""
    text = re.sub(r"\s+", " ", str(text))
    return _MD_SPECIAL.sub(r"\\\1", text.strip() if strip else text)


def quote(sentence: str, span: str) -> str:
    """The sentence with the span in bold (escaped text, first occurrence)."""
    s = re.sub(r"\s+", " ", sentence).strip()
    sp = re.sub(r"\s+", " ", span).strip()
    i = s.find(sp)
    if i < 0 or not sp:
        return md(s)
    return f"{md(s[:i], strip=False)}**{md(sp)}**{md(s[i + len(sp):], strip=False)}"


def _finding_block(n: int | str, f: Finding, level: int = 3) -> list[str]:
    rule = RULES[f.rule]
    out = [f"{'#' * level} {n}. {md(f.subject)} ({f.rule} {rule.name})", "", md(f.message), ""]
    out += ["| | Source | Line:Col | Says |", "|---|---|---|---|"]
    for e in f.evidence:
        mark = "**flagged**" if e.flagged else "reference"
        norm = f" → {md(e.normalised)}" if e.normalised and e.normalised.lower() != e.span.lower() else ""
        out.append(f"| {mark} | {md(e.path)} | {e.line}:{e.column} | {quote(e.sentence, e.span)}{norm} |")
    out.append("")
    details = []
    for key, value in f.explanation.to_dict().items():
        if isinstance(value, dict):
            value = "; ".join(f"{k}: {', '.join(v) if isinstance(v, list) else v}" for k, v in value.items())
        elif isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        elif value is None:
            value = "none"  # a majority no side has
        details.append(f"- {md(key.replace('_', ' '))}: {md(value)}")
    out += details
    out += [f"- why it matters: {md(rule.why)}", f"- fingerprint: `{f.fingerprint}`"]
    if f.status:
        out.append(f"- baseline: {f.status}" + (f", accepted: {md(f.justification)}" if f.justification else ""))
    return out + [""]


def _people_table(result: Result, level: int = 2) -> list[str]:
    people = [p for p in result.people if len({m.source for m in p.mentions}) >= 2 or p.garbled]
    if not people:
        return []
    flagged = {(e.source, e.line, e.column) for f in result.findings if f.kind in ("name", "role") for e in f.evidence if e.flagged}
    ids = [s.id for s in result.sources]
    out = [f"{'#' * level} People", "", "Each person as the sources name them; flagged variants and titles are marked ⚑.", "",
           "| Person | " + " | ".join(md(i) for i in ids) + " |", "|---|" + "---|" * len(ids)]
    for p in sorted(people, key=lambda p: p.name):
        cells = []
        for sid in ids:
            names, titles = [], []
            for m in p.mentions:
                if m.source != sid:
                    continue
                v = m.value
                shown = v.full if isinstance(v, PersonName) else m.span
                mark = " ⚑" if (m.source, m.line, m.column) in flagged else ""
                if shown + mark not in names:
                    names.append(shown + mark)
            for _t, c, text, _ in p.titles:
                if c.source == sid:
                    mark = " ⚑" if (c.source, c.line, c.column) in flagged else ""
                    if text + mark not in titles:
                        titles.append(text + mark)
            for g, _why in p.garbled:
                if g.source == sid:
                    names.append((g.span if g.kind != "person" else g.value.full) + " ⚑")
            cell = "; ".join(md(x) for x in dict.fromkeys(names))
            if titles:
                cell += f" ({'; '.join(md(t) for t in titles)})"
            cells.append(cell)
        out.append(f"| {md(p.name)} | " + " | ".join(cells) + " |")
    return out + [""]


def _coverage(result: Result, level: int = 2) -> list[str]:
    ids = [s.id for s in result.sources]
    out = [f"{'#' * level} Coverage", "", "Figures that several sources give about the same thing (the groups the checker compared):", ""]
    if result.groups:
        out += ["| Subject: attribute | " + " | ".join(md(i) for i in ids) + " |", "|---|" + "---|" * len(ids)]
        for g in result.groups:
            cells = []
            for sid in ids:
                vals = [c.span for c in g.claims if c.source == sid]
                cells.append("; ".join(md(v) for v in dict.fromkeys(vals)))
            out.append(f"| {md(g.subject)}: {md(g.attribute)} | " + " | ".join(cells) + " |")
    else:
        out.append("No figure is given by two sources about the same subject and attribute.")
    grouped = {c.id for g in result.groups for c in g.claims}
    single = [c for c in result.claims if c.kind == "quantity" and c.subject and c.attribute and c.id not in grouped
              and not c.definite
              and isinstance(c.value, Quantity) and c.value.dimension != "number"]
    out += ["", "Figures only one source carries (with a subject and an attribute, so that another source could "
                "have confirmed them):", ""]
    if single:
        out += ["| Source | Line | Figure | About |", "|---|---|---|---|"]
        for c in single:
            out.append(f"| {md(c.source)} | {c.line} | {md(c.span)} | {md(c.subject)}: {md(' '.join((*c.modifiers, c.attribute)))} |")
    else:
        out.append("None.")
    return out + [""]


def _translation(result: Result) -> list[str]:
    if not result.translation:
        return []
    out = ["## How translated each source reads", "",
           "Signals of machine translation per 1,000 words, with the passages behind them "
           "(" + "; ".join(f"{name}: {why}" for name, why in SIGNALS.items()) + ").", "",
           "| Source | Words | Score | " + " | ".join(SIGNALS) + " |", "|---|---|---|" + "---|" * len(SIGNALS)]
    for t in sorted(result.translation, key=lambda t: (-t.score, t.source)):
        out.append(f"| {md(t.source)} | {t.words} | {t.score:.1f} | " + " | ".join(str(n) for n in t.counts.values()) + " |")
    out.append("")
    paths = {s.id: s.path for s in result.sources}
    for t in sorted(result.translation, key=lambda t: (-t.score, t.source)):
        if t.passages:
            out.append(f"- {md(paths.get(t.source, t.source))}: "
                       + "; ".join(f"{p.line}:{p.column} {p.signal} “{md(p.text)}”" for p in t.passages))
    return out + [""]


def _findings_table(findings: list[Finding], baseline: bool, numbers: list[str]) -> list[str]:
    status = " Status |" if baseline else ""
    out = [f"| # | Severity | Rule | Kind | Subject | Flagged in |{status}", "|---|---|---|---|---|---|"
           + ("---|" if status else "")]
    for n, f in zip(numbers, findings):
        # A finding with no majority flags no side: it says so rather than leave the cell blank.
        flagged = sorted({e.path for e in f.evidence if e.flagged}) or ["none"]
        out.append(f"| {n} | {f.severity} | {f.rule} | {f.kind} | {md(f.subject)} | {md(', '.join(flagged))} |"
                   + (f" {f.status} |" if status else ""))
    return out + [""]


def _by_severity(findings: list[Finding], numbers: list[str], level: int) -> list[str]:
    out = []
    for severity in SEVERITIES:
        group = [(n, f) for n, f in zip(numbers, findings) if f.severity == severity]
        if group:
            out += [f"{'#' * level} {HEADINGS[severity]}", ""]
            for n, f in group:
                out += _finding_block(n, f, level + 1)
    return out


def _how(story) -> str:
    if story.how == "folder":
        return f"The sources of the folder {md(story.id)}"
    if len(story.sources) == 1:
        return "One source, like no other in its words"
    if story.how == "one":
        return "The whole corpus, read as one story"
    parted = f"; {md(story.parted)}" if story.parted else ""
    return (f"Sources clustered by their words (mean likeness {story.similarity:.2f}; words they share most: "
            f"{md(', '.join(story.terms))}{parted})")


def _stories(result: Result) -> list[str]:
    """The index of stories, then a section for each: its findings, people and coverage."""
    out = ["## Stories", "", "Claims are compared within a story, never across stories.", "",
           "| Story | Sources | How | Errors | Warnings | For information |", "|---|---|---|---|---|---|"]
    for i, (story, part) in enumerate(zip(result.corpus.stories, result.by_story), 1):
        counts = summary(part.findings)
        how = story.how if story.how == "folder" or len(story.sources) > 1 else "alone"
        out.append(f"| {i}. {md(story.label)} | {len(story.sources)} | {how} | "
                   + " | ".join(str(counts[s]) for s in SEVERITIES) + " |")
    out.append("")
    for i, (story, part) in enumerate(zip(result.corpus.stories, result.by_story), 1):
        out += [f"## Story {i}: {md(story.label)}", "",
                f"{_how(story)}: " + ", ".join(md(s) for s in story.sources) + ".", ""]
        numbers = [f"{i}.{n}" for n in range(1, len(part.findings) + 1)]
        if part.findings:
            out += _findings_table(part.findings, bool(result.baseline), numbers)
        else:
            out += ["The sources agree on every claim the checker could compare.", ""]
        out += _by_severity(part.findings, numbers, 3)
        out += _people_table(part, 3)
        out += _coverage(part, 3)
    return out


def render_markdown(result: Result) -> str:
    counts = summary(result.findings)
    total_claims = defaultdict(int)
    for c in result.claims:
        total_claims[c.kind] += 1
    stories = len(result.corpus.stories) > 1
    out = ["# Claim consistency report", ""]
    out.append(f"{len(result.sources)} source{'s' if len(result.sources) != 1 else ''}"
               + (f" in {len(result.corpus.stories)} stories" if stories else "") + ", "
               f"{sum(total_claims.values())} claim{'s' if sum(total_claims.values()) != 1 else ''}"
               + (f" ({', '.join(f'{n} {k}' for k, n in sorted(total_claims.items()))})" if total_claims else "") + ", "
               f"{len(result.findings)} finding{'s' if len(result.findings) != 1 else ''}: "
               + ", ".join(f"{n} {s}" for s, n in counts.items()) + ".")
    out.append("")
    numbers = [str(n) for n in range(1, len(result.findings) + 1)]
    if result.findings and not stories:  # with stories, each story's section has its own table
        out += _findings_table(result.findings, bool(result.baseline), numbers)
    elif not result.findings:
        out += ["The sources agree on every claim the checker could compare.", ""]
    if result.baseline:
        n = baseline_counts(result)
        out += [f"Against the baseline {md(result.baseline)}: {n['new']} new, {n['baselined']} baselined, "
                f"{n['stale']} stale entr{'ies' if n['stale'] != 1 else 'y'}.", ""]
        if result.stale:
            out += ["Stale baseline entries (their finding is gone; `checker baseline --prune` drops them):", ""]
            out += [f"- `{e.fingerprint}` {e.rule} {md(e.subject)} (was at {md(e.hint)})" for e in result.stale]
            out.append("")
    if stories:
        out += _stories(result)
    else:
        out += _by_severity(result.findings, numbers, 2)
        out += _people_table(result)
        out += _coverage(result)
    out += _translation(result)
    story_of = {sid: str(i) for i, st in enumerate(result.corpus.stories, 1) for sid in st.sources} if stories else {}
    column = (" Story |", "---|") if stories else ("", "")
    out += ["## Sources", "", f"| Source | File | Outlet | Date | Words | Furniture lines left out |{column[0]}",
            f"|---|---|---|---|---|---|{column[1]}"]
    for s in result.sources:
        cut = ", ".join(f"{a}" if a == b else f"{a}-{b}" for a, b in s.furniture) or "none"
        out.append(f"| {md(s.id)} | {md(s.path)} | {md(s.meta.get('outlet', ''))} | {md(s.meta.get('date', ''))} | "
                   f"{s.word_count} | {cut} |" + (f" {story_of[s.id]} |" if stories else ""))
    out.append("")
    if result.problems:
        out += ["## Files not checked", ""]
        out += [f"- {md(p.path)}: {md(p.message)}" for p in result.problems]
        out.append("")
    out += ["## Rules", "", "| Code | Name | Kind | Default severity | Checks |", "|---|---|---|---|---|"]
    for r in RULES.values():
        out.append(f"| {r.code} | {r.name} | {r.kind} | {r.severity} | {md(r.summary)} |")
    return "\n".join(out) + "\n"
