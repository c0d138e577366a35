"""Stage 3: sentences -> alignment. Sentences of different sources that report the same fact.

Grouping (groups/) reads the alignment to pair figures in the same slot of aligned sentences;
the translation check reads it for the phrase one source writes where the others agree.
"""

from checker.align.sentences import AlignedPair, Alignment, align_sentences, listed

__all__ = ["AlignedPair", "Alignment", "align_sentences", "listed"]
