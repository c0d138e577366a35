"""Where a stretch of a Doc stands in its source, and the source's own text there.

A Doc is one paragraph of a source, read without the characters a reader does not see (zero-width spaces,
soft hyphens, bidi controls: corpus/characters.py). Offsets, lines and quotes are the file's, so they go
through the paragraph's map; a Doc made without one (a test's, a sentence's) is its own source.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc


def source_span(doc: Doc, start_char: int, end_char: int) -> tuple[int, int]:
    """The source offsets of doc.text[start_char:end_char]; invisible characters inside it are inside."""
    paragraph = doc._.paragraph
    if paragraph is None:
        return doc._.offset + start_char, doc._.offset + end_char
    return paragraph.source_offset(start_char), paragraph.source_end(end_char)


def source_stretch(doc: Doc, start_char: int, end_char: int) -> tuple[str, int, int]:
    """The source's text of doc.text[start_char:end_char], as the file holds it (what a quote shows), and
    where it starts and ends in the source."""
    start, end = source_span(doc, start_char, end_char)
    original = doc._.original
    return (doc.text[start_char:end_char] if original is None else original[start:end]), start, end


def source_text(doc: Doc, start_char: int, end_char: int) -> str:
    """The source's text of doc.text[start_char:end_char], as the file holds it."""
    return source_stretch(doc, start_char, end_char)[0]
