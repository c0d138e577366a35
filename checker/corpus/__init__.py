"""Stage 1: files on disk -> a Corpus of Sources (text, metadata, line index, furniture cut)."""

from checker.corpus.loader import load_corpus, load_source
from checker.corpus.source import Corpus, LoadProblem, Paragraph, Source

__all__ = ["Corpus", "LoadProblem", "Paragraph", "Source", "load_corpus", "load_source"]
