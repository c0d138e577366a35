"""Stage 1: files on disk -> Source objects (text, metadata, line index, furniture cut)."""

from checker.corpus.loader import LoadProblem, load_corpus, load_source
from checker.corpus.source import Paragraph, Source

__all__ = ["LoadProblem", "Paragraph", "Source", "load_corpus", "load_source"]
