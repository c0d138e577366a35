"""Read a folder of articles into Sources. Bad files are reported, never fatal.

Formats: .txt, .md (optional YAML front matter), .html/.htm (main text extracted
with trafilatura). Metadata may also come from a sidecar `<name>.meta.yaml`,
`.meta.yml` or `.meta.json` next to the article (keys: outlet, date, url, language, title).
"""

from __future__ import annotations

import fnmatch
import json
import os
from pathlib import Path

import yaml

from checker.corpus.furniture import FurnitureRules, furniture_lines
from checker.corpus.source import Corpus, LoadProblem, Paragraph, Source

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
META_KEYS = ("outlet", "date", "url", "language", "title", "author")
SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml", ".meta.json")
MAX_BYTES = 5_000_000


class SourceError(Exception):
    """Raised for a file that cannot become a Source; the message is one line."""


def _is_sidecar(path: Path) -> bool:
    return any(path.name.endswith(s) for s in SIDECAR_SUFFIXES)


def _selected(rel: str, include: list[str], exclude: list[str]) -> bool:
    if include and not any(fnmatch.fnmatch(rel, g) for g in include):
        return False
    return not any(fnmatch.fnmatch(rel, g) for g in exclude)


def discover(root: Path, include: list[str] | None = None, exclude: list[str] | None = None) -> list[Path]:
    """Article files under root (or root itself), sorted so that runs are reproducible."""
    if root.is_file():
        return [root]
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            path = Path(dirpath) / name
            if name.startswith(".") or _is_sidecar(path):
                continue
            if path.suffix.lower() in SUFFIXES and _selected(path.relative_to(root).as_posix(), include or [], exclude or []):
                found.append(path)
    return sorted(found, key=lambda p: p.as_posix())


def _decode(raw: bytes) -> str:
    if b"\x00" in raw[:8192]:
        raise SourceError("binary file, not an article")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(f"not UTF-8 (byte {exc.start}); convert it with iconv or save it as UTF-8") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _front_matter(text: str) -> tuple[dict, str]:
    """Split YAML front matter ('---' fenced at the very top) from the body.

    The body keeps its line numbers: the front matter lines are blanked, not removed.
    """
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end < 0:
        return {}, text
    close = text.find("\n", end + 4)
    close = len(text) if close < 0 else close
    try:
        meta = yaml.safe_load(text[4:end]) or {}
    except yaml.YAMLError as exc:
        raise SourceError(f"front matter is not valid YAML ({exc.__class__.__name__})") from None
    if not isinstance(meta, dict):
        raise SourceError("front matter is not a mapping of keys to values")
    blank = "\n" * text[:close].count("\n")
    return meta, blank + text[close:]


def _sidecar(path: Path) -> dict:
    for suffix in SIDECAR_SUFFIXES:
        side = path.with_name(path.stem + suffix)
        if side.exists():
            raw = side.read_text("utf-8")
            try:
                meta = json.loads(raw) if suffix == ".meta.json" else yaml.safe_load(raw)
            except (ValueError, yaml.YAMLError):
                raise SourceError(f"metadata file {side.name} cannot be parsed") from None
            if not isinstance(meta, dict):
                raise SourceError(f"metadata file {side.name} is not a mapping")
            return meta
    return {}


def _html_text(html: str) -> tuple[str, dict]:
    import trafilatura  # imported here: only HTML needs it, and it is slow to import

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    meta = {}
    doc = trafilatura.extract_metadata(html)
    if doc is not None:
        for key, attr in (("title", "title"), ("date", "date"), ("url", "url"), ("outlet", "sitename"), ("author", "author")):
            value = getattr(doc, attr, None)
            if value:
                meta[key] = value
    return text or "", meta


def _continues(line: str, next_line: str) -> bool:
    """A hard-wrapped line: no closing punctuation and the next line carries on in lower case."""
    end = line.rstrip()[-1:]
    return bool(end) and end not in ".!?:;\"\u201d)" and next_line.lstrip()[:1].islower()


def _paragraphs(text: str, skip: set[int]) -> list[Paragraph]:
    """Runs of non-furniture lines; a line is a paragraph unless it is hard-wrapped into the next."""
    paragraphs: list[Paragraph] = []
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    start = None
    for i, line in enumerate(lines):
        if not line.strip() or i in skip:
            continue
        if start is None:
            start = offsets[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if i + 1 in skip or not nxt.strip() or not _continues(line, nxt):
            paragraphs.append(Paragraph(start, text[start : offsets[i] + len(line)]))
            start = None
    return paragraphs


def _line_ranges(indexes: set[int]) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    for i in sorted(indexes):
        if ranges and ranges[-1][1] == i:  # ranges hold 1-based lines; i is 0-based
            ranges[-1] = (ranges[-1][0], i + 1)
        else:
            ranges.append((i + 1, i + 1))
    return ranges


def load_source(path: Path, root: Path | None = None, rules: FurnitureRules | None = None) -> Source:
    """Read one article. Raises SourceError with a one-line reason."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise SourceError(f"larger than {MAX_BYTES // 1_000_000} MB; is it an article?")
        raw = path.read_bytes()
    except PermissionError:
        raise SourceError("cannot be read (permission denied)") from None
    except OSError as exc:
        raise SourceError(f"cannot be read ({exc.strerror or exc})") from None
    text = _decode(raw)
    meta: dict = {}
    if path.suffix.lower() in HTML_SUFFIXES:
        text, meta = _html_text(text)
    elif path.suffix.lower() in TEXT_SUFFIXES:
        meta, text = _front_matter(text)
    meta = {**meta, **_sidecar(path)}
    if not text.strip():
        raise SourceError("empty: no text to check")
    lines = text.split("\n")
    skip = furniture_lines(lines, rules)
    paragraphs = _paragraphs(text, skip)
    if not paragraphs:
        raise SourceError("holds only page furniture, no reporting")
    # Paths as the user named them (corpus/a.txt), so that editors and CI annotations find the file.
    rel = path if root is not None else Path(path.name)
    return Source(
        id=path.stem,
        path=rel.as_posix(),
        text=text,
        meta={k: str(meta[k]) for k in META_KEYS if meta.get(k) not in (None, "")},
        paragraphs=paragraphs,
        furniture=_line_ranges(skip),
    )


def load_corpus(root: Path, rules: FurnitureRules | None = None, include: list[str] | None = None,
                exclude: list[str] | None = None) -> Corpus:
    """All usable sources under root, and one problem line per file that is not usable."""
    if not root.exists():
        return Corpus((), (LoadProblem(str(root), "no such file or folder"),))
    sources: list[Source] = []
    problems: list[LoadProblem] = []
    seen: dict[str, str] = {}
    for path in discover(root, include, exclude):
        shown = path.relative_to(root).as_posix() if root.is_dir() else path.name
        try:
            source = load_source(path, root, rules)
        except SourceError as exc:
            problems.append(LoadProblem(shown, str(exc)))
            continue
        if source.id in seen:
            problems.append(LoadProblem(shown, f"same name as {seen[source.id]}; source ids are file stems and must be unique"))
            continue
        seen[source.id] = shown
        sources.append(source)
    if root.is_dir() and not sources and not problems:
        problems.append(LoadProblem(str(root), f"no articles found (looked for {', '.join(sorted(SUFFIXES))})"))
    return Corpus(tuple(sources), tuple(problems))
