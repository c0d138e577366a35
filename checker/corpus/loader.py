"""Read a folder of articles into Sources. Bad files are reported, never fatal.

Formats: .txt, .md (optional YAML front matter), .html/.htm (main text extracted
with trafilatura). Metadata may also come from a sidecar `<name>.meta.yaml`,
`.meta.yml` or `.meta.json` next to the article (keys: outlet, date, url, language, title).
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
import stat
from pathlib import Path

import yaml

from checker.corpus.characters import clean
from checker.corpus.furniture import FurnitureRules, furniture_lines
from checker.corpus.source import Corpus, LoadProblem, Paragraph, Source, printable

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
META_KEYS = ("outlet", "date", "url", "language", "title", "author")
SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml", ".meta.json")
MAX_BYTES = 2_000_000  # default size limit per file: a long article is under 100 KB; a bigger file is seldom one
# Characters of one piece of text the model reads at a time: spaCy's parser and NER need about 1 GB per 100,000
# characters, and refuse a text over 1,000,000. A longer paragraph is read in pieces, cut at sentence ends.
MAX_PIECE = 100_000
MAX_META_BYTES = 64_000  # front matter or a sidecar: a few keys, never megabytes
MAX_META_DEPTH = 20  # nesting of YAML metadata: the keys read are flat


class SourceError(Exception):
    """Raised for a file that cannot become a Source; the message is one line."""


def _is_sidecar(path: Path) -> bool:
    return any(path.name.endswith(s) for s in SIDECAR_SUFFIXES)


def _selected(rel: str, include: list[str], exclude: list[str]) -> bool:
    if include and not any(fnmatch.fnmatch(rel, g) for g in include):
        return False
    return not any(fnmatch.fnmatch(rel, g) for g in exclude)


def discover(root: Path, include: list[str] | None = None, exclude: list[str] | None = None,
             problems: list[LoadProblem] | None = None) -> list[Path]:
    """Article files under root (or root itself), sorted so that runs are reproducible. A folder that cannot
    be listed is added to `problems`. Links to folders are not followed (no loops); links to files are."""
    if not root.is_dir():
        return [root]

    def unreadable(exc: OSError) -> None:
        if problems is not None:
            where = Path(exc.filename).relative_to(root).as_posix() if exc.filename else str(root)
            problems.append(LoadProblem(printable(where or "."), f"folder cannot be read ({exc.strerror or exc})"))

    found = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
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


class _Unsafe(yaml.YAMLError):
    """Metadata YAML refused for what it would cost to read, with the reason."""


class _BoundedLoader(yaml.SafeLoader):
    """YAML's safe loader without aliases and with bounded nesting: metadata is a few flat keys, and an alias
    expands without limit when the value is read ("billion laughs"), deep nesting exhausts the stack."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise _Unsafe("aliases (*name) are not allowed in metadata")
        self._depth = getattr(self, "_depth", 0) + 1
        try:
            if self._depth > MAX_META_DEPTH:
                raise _Unsafe(f"nested deeper than {MAX_META_DEPTH} levels")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _yaml(text: str, what: str) -> dict:
    """Metadata from YAML, read safely and bounded; a SourceError saying why it cannot be used."""
    if len(text) > MAX_META_BYTES:
        raise SourceError(f"{what} is larger than {MAX_META_BYTES // 1000} KB; metadata is a few keys")
    try:
        meta = yaml.load(text, Loader=_BoundedLoader) or {}  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError as exc:
        reason = str(exc) if isinstance(exc, _Unsafe) else exc.__class__.__name__
        raise SourceError(f"{what} is not valid YAML ({reason})") from None
    except RecursionError:
        raise SourceError(f"{what} is nested too deeply") from None
    if not isinstance(meta, dict):
        raise SourceError(f"{what} is not a mapping of keys to values")
    return meta


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
    meta = _yaml(text[4:end], "front matter")
    blank = "\n" * text[:close].count("\n")
    return meta, blank + text[close:]


def _sidecar(path: Path) -> dict:
    for suffix in SIDECAR_SUFFIXES:
        side = path.with_name(path.stem + suffix)
        if os.path.lexists(side):
            what = f"metadata file {printable(side.name)}"
            try:
                raw = _read_bounded(side, MAX_META_BYTES).decode("utf-8")
            except SourceError as exc:
                raise SourceError(f"{what}: {exc}") from None
            except UnicodeDecodeError:
                raise SourceError(f"{what} is not UTF-8") from None
            if suffix != ".meta.json":
                return _yaml(raw, what)
            try:
                meta = json.loads(raw)
            except (ValueError, RecursionError):
                raise SourceError(f"{what} cannot be parsed") from None
            if not isinstance(meta, dict):
                raise SourceError(f"{what} is not a mapping")
            return meta
    return {}


# What a browser does not show is not the article: a template, an element marked hidden or styled out of view.
UNSHOWN = ('//template | //*[@hidden] | //*[contains(translate(@style, " ", ""), "display:none")]'
           ' | //*[contains(translate(@style, " ", ""), "visibility:hidden")]')


def _shown_html(html: str) -> str:
    """The page without what a browser does not show; the page as it is when it does not parse."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except (etree.ParserError, ValueError):  # an empty page, or an XML declaration in a str
        return html
    unshown = tree.xpath(UNSHOWN)
    if not unshown:
        return html
    for element in unshown:
        if element.getparent() is not None:
            element.drop_tree()
        elif element is tree:
            return ""
    return lxml_html.tostring(tree, encoding="unicode")


def _html_text(html: str) -> tuple[str, dict]:
    import trafilatura  # imported here: only HTML needs it, and it is slow to import

    html = _shown_html(html)
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
            for piece in _pieces(Paragraph(start, text[start : offsets[i] + len(line)])):
                read, removed = clean(piece.text)
                paragraphs.append(Paragraph(piece.start, read, removed) if removed or read != piece.text else piece)
            start = None
    return paragraphs


SENTENCE_ENDS = (". ", "? ", "! ", ".\n", "\n")


def _pieces(paragraph: Paragraph, limit: int = MAX_PIECE) -> list[Paragraph]:
    """A paragraph the model can read whole, or its pieces of at most `limit` characters, each cut after the
    last sentence end in its reach (else the last space, else at the limit): never refused, read in one pass."""
    text, out, at = paragraph.text, [], 0
    while len(text) - at > limit:
        window = text[at : at + limit]
        cut = max(window.rfind(end) + len(end) for end in SENTENCE_ENDS)
        if cut < limit // 2:
            cut = window.rfind(" ") + 1
        if cut < limit // 2:
            cut = limit
        out.append(Paragraph(paragraph.start + at, text[at : at + cut]))
        at += cut
    out.append(Paragraph(paragraph.start + at, text[at:]) if at else paragraph)
    return out


def _line_ranges(indexes: set[int]) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    for i in sorted(indexes):
        if ranges and ranges[-1][1] == i:  # ranges hold 1-based lines; i is 0-based
            ranges[-1] = (ranges[-1][0], i + 1)
        else:
            ranges.append((i + 1, i + 1))
    return ranges


_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))


def _read_bounded(path: Path, limit: int) -> bytes:
    """A regular file's bytes, at most `limit` of them: a pipe would block, a device (a link to /dev/zero) never
    ends, and a size the file system reports is not a promise. A link is followed once; a loop is an error."""
    try:
        st = os.stat(path)
        kind = next((name for test, name in _KINDS if test(st.st_mode)), None)
        if kind or not stat.S_ISREG(st.st_mode):
            raise SourceError(f"not a regular file ({kind or 'a special file'})")
        if st.st_size > limit:
            raise SourceError(f"larger than the size limit ({_size(st.st_size)} > {_size(limit)}; max-file-kb "
                              f"in the configuration raises it)")
        with open(path, "rb") as fh:
            raw = fh.read(limit + 1)
    except PermissionError:
        raise SourceError("cannot be read (permission denied)") from None
    except OSError as exc:
        raise SourceError(f"cannot be read ({exc.strerror or exc})") from None
    if len(raw) > limit:
        raise SourceError(f"larger than the size limit ({_size(limit)}; max-file-kb in the configuration raises "
                          f"it)")
    return raw


def _size(n: int) -> str:
    return f"{n / 1000:,.0f} KB"


def load_source(path: Path, root: Path | None = None, rules: FurnitureRules | None = None,
                max_bytes: int = MAX_BYTES) -> Source:
    """Read one article. Raises SourceError with a one-line reason."""
    raw = _read_bounded(path, max_bytes)
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
    # In a subfolder, the id keeps the folders: two stories' folders may both hold a wire.txt.
    inside = path.relative_to(root) if root is not None and root.is_dir() else Path(path.name)
    return Source(
        id=printable(inside.with_suffix("").as_posix()),
        folder=printable(inside.parts[0]) if len(inside.parts) > 1 else "",
        path=printable(rel.as_posix()),
        text=text,
        meta={k: str(meta[k]) for k in META_KEYS if meta.get(k) not in (None, "")},
        paragraphs=paragraphs,
        furniture=_line_ranges(skip),
    )


def fingerprint(root: Path, include: list[str] | None = None, exclude: list[str] | None = None,
                max_bytes: int = MAX_BYTES) -> str | None:
    """A hash of everything load_corpus reads under root (each article's path and bytes, and its metadata
    file's), or None when something would not be read plainly (a file that is not a regular file, too large,
    unreadable, or a folder that cannot be listed): then only a full reading says what it holds."""
    problems: list[LoadProblem] = []
    paths = discover(root, include, exclude, problems)
    if problems:
        return None
    digest = hashlib.sha256()
    for path in paths:
        for part in (path, *(path.with_name(path.stem + suffix) for suffix in SIDECAR_SUFFIXES)):
            if part is not path and not os.path.lexists(part):
                continue
            try:
                info = os.stat(part)
                if not stat.S_ISREG(info.st_mode) or info.st_size > max_bytes:
                    return None
                with open(part, "rb") as fh:
                    raw = fh.read(max_bytes + 1)
            except OSError:
                return None
            digest.update(os.fsencode(part.as_posix()) + b"\0" + hashlib.sha256(raw).digest())
    return digest.hexdigest()


def load_corpus(root: Path, rules: FurnitureRules | None = None, include: list[str] | None = None,
                exclude: list[str] | None = None, max_bytes: int = MAX_BYTES) -> Corpus:
    """All usable sources under root, and one problem line per file that is not usable."""
    if not os.path.lexists(root):
        return Corpus((), (LoadProblem(printable(str(root)), "no such file or folder"),))
    sources: list[Source] = []
    problems: list[LoadProblem] = []
    seen: dict[str, str] = {}
    files: dict[str, str] = {}  # the real path of each file read: a link to one of them is the same source
    for path in discover(root, include, exclude, problems):
        shown = printable(path.relative_to(root).as_posix() if root.is_dir() else path.name)
        real = os.path.realpath(path)
        if real in files:
            problems.append(LoadProblem(shown, f"the same file as {files[real]} (a link); read once, as one source"))
            continue
        try:
            source = load_source(path, root, rules, max_bytes)
        except SourceError as exc:
            problems.append(LoadProblem(shown, str(exc)))
            continue
        except Exception as exc:  # noqa: BLE001 (one file's error is that file's, not the run's)
            problems.append(LoadProblem(shown, f"cannot be read ({exc.__class__.__name__}: "
                                               f"{printable(str(exc).splitlines()[0] if str(exc) else '')})"))
            continue
        if source.id in seen:
            problems.append(LoadProblem(shown, f"same name as {seen[source.id]}; a source's id is its path without the "
                                               f"suffix and must be unique"))
            continue
        seen[source.id] = shown
        files[real] = shown
        sources.append(source)
    if root.is_dir() and not sources and not problems:
        problems.append(LoadProblem(printable(str(root)), f"no articles found (looked for {', '.join(sorted(SUFFIXES))})"))
    return Corpus(tuple(sources), tuple(problems))
