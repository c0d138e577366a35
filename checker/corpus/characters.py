"""Characters a reader does not see but matching does: format characters (zero-width spaces and joiners, the
soft hyphen, bidi controls) and letters of another script that look Latin inside a Latin word (a Cyrillic 'а'
in 'Lindqvаard'). The model reads the text without them, so 'Lind<zero-width space>qvaard' is the name
'Lindqvaard' and '1<soft hyphen>2%' a figure; quotes keep them, since they are what the file holds.

`clean` returns the text as read and, for each character it removed, the position in the cleaned text
where it stood: enough to map an offset of the cleaned text back to the file's.

A run of more than MAX_WORD characters without a space is no word of any language (a URL is shorter, a
line of punctuation is not): the model reads it with a space in place of every MAX_WORD+1th character, one
for one, since spaCy's tokenizer peels a long run's punctuation one character at a time, each time from
the run's whole length (16,000 '%' took 37 s).
"""

from __future__ import annotations

import re
import unicodedata

# Every format character (Unicode category Cf) of the basic plane and the tag characters: zero-width space,
# joiners, soft hyphen, word joiner, left-to-right and right-to-left marks, embeddings, overrides, isolates.
_FORMAT_CHARS = "".join(chr(c) for c in [*range(0x10000), *range(0xE0000, 0xE0080)]
                        if unicodedata.category(chr(c)) == "Cf")
FORMAT = re.compile(f"[{re.escape(_FORMAT_CHARS)}]")

# Cyrillic and Greek letters drawn like Latin ones (from Unicode's confusables), read as Latin inside a word that
# has Latin letters too: such a word is a Latin word with a stray letter, not a word of another language.
CONFUSABLES = {
    "а": "a", "в": "B", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
    "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
    "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S", "У": "Y",
    "α": "a", "ο": "o", "ρ": "p", "ν": "v", "ι": "i", "κ": "k",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
}
_TABLE = str.maketrans(CONFUSABLES)
_CONFUSABLE = re.compile(f"[{''.join(CONFUSABLES)}]")
_WORD = re.compile(r"\w+")  # words are found first, then searched: one pass, whatever a word's length
_LATIN = re.compile("[A-Za-z]")
MAX_WORD = 200
_LONG_RUN = re.compile(rf"\S{{{MAX_WORD + 1},}}")


def _broken(m: re.Match) -> str:
    chars = list(m.group())
    for k in range(MAX_WORD, len(chars), MAX_WORD + 1):
        chars[k] = " "
    return "".join(chars)


def _mixed(word: str) -> bool:
    """A Latin word with a look-alike letter of another script in it."""
    return bool(_CONFUSABLE.search(word) and _LATIN.search(word))


def _latinised(m: re.Match) -> str:
    word = m.group()
    return word.translate(_TABLE) if _mixed(word) else word


def clean(text: str) -> tuple[str, tuple[int, ...]]:
    """The text as the model reads it, and where each removed character stood in it (sorted)."""
    if not FORMAT.search(text) and not _CONFUSABLE.search(text) and not _LONG_RUN.search(text):
        return text, ()
    if _CONFUSABLE.search(text):
        text = _WORD.sub(_latinised, text)  # one letter for one: offsets unchanged
    parts, removed, last, kept = [], [], 0, 0
    for m in FORMAT.finditer(text):
        parts.append(text[last : m.start()])
        kept += m.start() - last
        removed.append(kept)
        last = m.end()
    parts.append(text[last:])
    return _LONG_RUN.sub(_broken, "".join(parts)), tuple(removed)


def hidden(text: str) -> list[str]:
    """What `clean` changes in a text, described for a reader, in order: "a zero-width space (U+200B)",
    "a Cyrillic 'а' (U+0430) read as 'a'"."""
    out = []
    for m in _WORD.finditer(text):
        if _mixed(m.group()):
            out += [f"{_script(ch)} '{ch}' (U+{ord(ch):04X}) read as '{CONFUSABLES[ch]}'"
                    for ch in m.group() if ch in CONFUSABLES]
    out += [f"{_article(unicodedata.name(ch, 'format character').lower())} (U+{ord(ch):04X})"
            for ch in FORMAT.findall(text)]
    return list(dict.fromkeys(out))


def _script(ch: str) -> str:
    return "a Greek" if unicodedata.name(ch, "").startswith("GREEK") else "a Cyrillic"


def _article(name: str) -> str:
    return f"an {name}" if name[:1] in "aeiou" else f"a {name}"
