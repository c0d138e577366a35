"""A source article: its text, metadata and the paragraphs that may carry claims."""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass, field


def printable(name: str) -> str:
    """A file name as it can be shown on one line of any output: a byte that is not UTF-8 (held by Python as a
    lone surrogate) as \\xNN, a control or format character (a newline, a bidi override, a zero-width space) as
    its escape. A newline in a file name must never start a line of output (a CI system reads '::error' there)."""
    out = []
    for ch in name:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's surrogateescape of one byte
            out.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF or unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp"):
            out.append(ch.encode("unicode_escape", "backslashreplace").decode("ascii")
                       if code > 0xFF or ch in "\n\r\t" else f"\\x{code:02x}")
        else:
            out.append(ch)
    return "".join(out)


@dataclass(frozen=True)
class Paragraph:
    """A run of article text that is reporting (not furniture), with its offset in the source. `text` is what
    the model reads: without the invisible characters of the file (corpus/characters.py); `removed` says where
    each stood, so that `source_offset` maps an offset of `text` to the file's."""

    start: int
    text: str
    removed: tuple[int, ...] = ()

    def source_offset(self, i: int) -> int:
        """The source offset of the character at `i` in `text`."""
        return self.start + i + (bisect.bisect_right(self.removed, i) if self.removed else 0)

    def source_end(self, i: int) -> int:
        """The source offset that ends a stretch of `text` ending at `i` (exclusive)."""
        return self.start + i + (bisect.bisect_left(self.removed, i) if self.removed else 0)


@dataclass
class Source:
    """One article. `id` is the file's path in the corpus folder without its suffix (the file stem for a file
    at the top); offsets index `text`. `folder` is the corpus's subfolder it lies in, "" at the top."""

    id: str
    path: str
    text: str
    meta: dict[str, str] = field(default_factory=dict)
    paragraphs: list[Paragraph] = field(default_factory=list)
    furniture: list[tuple[int, int]] = field(default_factory=list)  # (first line, last line), 1-based
    folder: str = ""
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        starts = [0]
        for i, ch in enumerate(self.text):
            if ch == "\n":
                starts.append(i + 1)
        self._line_starts = starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """The character offset of a 1-based line and column (the inverse of `line_col`)."""
        return self._line_starts[line - 1] + column - 1

    @property
    def word_count(self) -> int:
        return sum(len(p.text.split()) for p in self.paragraphs)


@dataclass(frozen=True)
class LoadProblem:
    """A file that could not be used, with one line saying why."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class Story:
    """Sources that report the same events: their claims are compared with each other, never with another
    story's. `how` says how they were found to belong together ("folder": they share a subfolder; "cluster":
    their words are alike; "one": the corpus was taken as one story); `terms` are the words they share most,
    rarest in English first (what the story is about, in its sources' words)."""

    id: str
    sources: tuple[str, ...]
    how: str
    terms: tuple[str, ...] = ()
    similarity: float | None = None  # for a cluster of several sources: the mean likeness of their words, 0 to 1
    parted: str = ""  # for one side of a clustered story parted at its seam (checker.run.compare): why

    @property
    def label(self) -> str:
        return self.id if self.how == "folder" or not self.terms else ", ".join(self.terms)


@dataclass(frozen=True)
class Corpus:
    """The sources of a corpus, in a reproducible order, the stories they tell and the files that could not be
    used."""

    sources: tuple[Source, ...] = ()
    problems: tuple[LoadProblem, ...] = ()
    stories: tuple[Story, ...] = ()
    _by_id: dict[str, Source] = field(default_factory=dict, repr=False, compare=False)
    _stories: dict[str, Story] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update({s.id: s for s in self.sources})
        self._stories.update({m: story for story in self.stories for m in story.sources})

    def __iter__(self):
        return iter(self.sources)

    def __len__(self) -> int:
        return len(self.sources)

    def __getitem__(self, source_id: str) -> Source:
        return self._by_id[source_id]

    def path(self, source_id: str) -> str:
        """The path of a source as the user named it (corpus/a.txt)."""
        return self._by_id[source_id].path

    def locate(self, source_id: str, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset in a source."""
        return self._by_id[source_id].line_col(offset)

    def story_of(self, source_id: str) -> Story | None:
        return self._stories.get(source_id)

    def story(self, story: Story) -> Corpus:
        """The corpus of one story: its sources, in corpus order."""
        members = set(story.sources)
        return Corpus(tuple(s for s in self.sources if s.id in members), (), (story,))
