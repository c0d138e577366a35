"""Word lists as regular-expression alternations, for the patterns that read figures and dates."""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """The words as one alternation that tries the longest that fits first ("more than" before "more").

    Each word is matched as written (escaped). Written as a trie ("mo(?:re(?: than)?|st)"), the regex engine
    compares a letter once at each place instead of once a word, and the figure pattern (numbers.py), searched
    at every place of every paragraph, takes half the time. It matches what the flat alternation
    "more than|most|more" matches, in the same order.
    Words that two branches could both begin, case aside ("M" and "m"), keep the flat one, whose order
    is longest first whatever the case."""
    flat = sorted(set(words), key=lambda w: (-len(w), w))
    trie: dict = {}
    for w in flat:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _branches(trie) if _distinct(trie) else "|".join(re.escape(w) for w in flat)


def _distinct(node: dict) -> bool:
    """No two branches of the trie begin with the same letter case aside (compared as casefold does)."""
    folded = [k.casefold() for k in node if k]
    return (all(len(f) == 1 for f in folded) and len(set(folded)) == len(folded)
            and all(_distinct(child) for k, child in node.items() if k))


def _branches(node: dict) -> str:
    parts = [re.escape(k) + _branches(child) for k, child in sorted(node.items()) if k]
    if not parts:
        return ""
    body = "(?:" + "|".join(parts) + ")" if len(parts) > 1 or "" in node else parts[0]
    return body + "?" if "" in node else body  # greedy: a longer word is tried before the one ending here
