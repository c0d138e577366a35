"""Figures in text -> Quantity: value, unit, qualifier and the interval they commit to.

Pure functions over strings. The spaCy component in nlp/quantities.py finds where to
call them and keeps calendar dates, years and figures inside names ("FTSE 100") out.
"""

from __future__ import annotations

import math
import re
import sys
from dataclasses import replace
from functools import cache, lru_cache

from checker.values.patterns import alternation
from checker.values.types import Interval, Quantity
from checker.values.vocabulary import Vocabulary, default_vocabulary

# Stated tolerance of an approximate figure ("about 200" -> [190, 210]).
APPROX_TOLERANCE = 0.05
# "nearly 5%", "almost 5%": just under the figure, within this fraction of it.
NEAR_TOLERANCE = 0.10


@lru_cache(maxsize=1)
def unit_registry():
    """pint's registry, built once: it converts physical units and durations."""
    # pint imports dask as it is imported, when dask is installed (checker's dask engine needs it), to convert
    # dask arrays: half the time its import takes, for arrays checker never gives it. Hidden from pint's
    # import, unless something imported it before.
    hidden = "dask" not in sys.modules
    if hidden:
        sys.modules["dask"] = None  # find_spec and import take it as not installed
    try:
        import pint
    finally:
        if hidden:
            del sys.modules["dask"]
    return pint.UnitRegistry()


@cache
def physical_dimension(unit: str) -> str:
    return str(unit_registry().Quantity(1, unit).dimensionality)


@cache  # pint's conversion is slow, and a corpus converts the same few figures many times
def to_base(v: float, unit: str) -> tuple[float, str]:
    """A value in its dimension's base unit (pint), e.g. 60 mile -> 96560.64 meter."""
    q = unit_registry().Quantity(v, unit).to_base_units()
    return float(q.magnitude), str(q.units)


# Thousands grouped with commas ("41,262") or, as much of Europe writes them, with spaces ("41 262",
# "250 000"); a space group needs a first group of two or three digits, so that "June 5 100 people"
# stays a day and a count.
_SPACE = "[ \u00a0\u202f]"
# Points group them too, as much of Europe writes them: "1.200.000", never a decimal with two points.
_POINTED = r"\d{1,3}(?:\.\d{3}){2,}"
_DIGITS = (rf"(?<!\d)\d{{2,3}}(?:{_SPACE}\d{{3}})+(?![\d,.]\d|{_SPACE}?\d)"
           rf"|{_POINTED}(?![\d,.]\d)|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+")


# "6,8 %", "4,75 %", "2,5 million euros": a decimal comma, as much of Europe writes it and a translation keeps it.
# Read so only where a comma cannot be a thousands separator (one or two digits after it) and a unit or a scale
# follows: "3,4 and 5" stays a list.
DECIMAL_COMMA = r"(?<![\d,.])\d{1,3},\d{1,2}(?![\d,])"


def _digits_value(text: str) -> float:
    if re.fullmatch(DECIMAL_COMMA, text):
        return float(text.replace(",", "."))
    if re.fullmatch(_POINTED, text):
        return float(text.replace(".", ""))
    return float(re.sub(rf"[,]|{_SPACE}", "", text))


# Every way into the figure pattern needs a place that no letter precedes or that no word character follows
# (a lookbehind or \b says so in each); put first, this turns away the inside of a word at once, where
# the engine would otherwise try every way in, and fail, at every letter.
_OUTSIDE_A_WORD = r"(?:(?<![A-Za-z])|(?!\w))"

_BY_PATTERN: dict[re.Pattern[str], NumberGrammar] = {}


class NumberGrammar:
    """The grammar of a figure, compiled from a vocabulary's number words, qualifiers and units."""

    def __init__(self, vocab: Vocabulary):
        words = vocab.numbers
        self.units = vocab.units
        self.ones, self.tens, self.scales = words.ones, words.tens, words.scales
        self.currency_scales = words.currency_scale_letters
        self.qualifiers, self.vague = words.qualifiers, words.vague
        self.fractions = {"half": 0.5} | {
            f"{n}{sep}{d}{'s' if k > 1 and not d.endswith('s') else ''}": k / v
            for n, k in words.numerators.items() for d, v in words.denominators.items() for sep in (" ", "-")
            if k < v and not (k > 1 and d == "half") and not (k == 1 and d == "halves")
        }
        units_digit = [k for k in self.ones if self.ones[k] < 10]
        self.wordnum = rf"(?:(?:{alternation(self.tens)})(?:[- ](?:{alternation(units_digit)}))?|{alternation(self.ones)}|a dozen|dozen)"
        self.small = rf"(?:\d{{1,2}}|{alternation(self.ones)})"  # the "one" of "one in five"
        a_scale = rf"a(?=\s(?:{alternation(words.scale_words)})\b)"  # "a million dollars"
        after_comma = [*vocab.units["percent"], *vocab.units["currency_word"], *vocab.units["physical"],
                       *vocab.units["duration"], *words.scale_words]  # "41,6 years", "2,5 hours"
        decimal = rf"{DECIMAL_COMMA}(?=\s?(?:{alternation(after_comma)})(?!\w))"
        self.num = rf"(?:{decimal}|{_DIGITS}|{self.wordnum}|{a_scale})"
        # "5 m" is metres; "5m" millions
        # "$200MM": a multiplier of finance, only after a currency sign (the group `cur` of the pattern)
        self.scale = (rf"(?:(?:\s?(?:{alternation(words.scale_words)})){{1,2}}|\s?(?:{alternation(words.scale_abbreviations)})\b"
                      rf"|(?(cur)(?:{alternation(words.currency_scale_letters)})\b|(?!))|(?:{alternation(words.scale_letters)})\b)")
        self.spelled = re.compile(rf"({DECIMAL_COMMA}|{_DIGITS}|{self.wordnum}|a)((?:\s?(?:{alternation(self.scales)}))*)")
        self.scale_word = re.compile(alternation(self.scales))
        self.scale_at_end = re.compile(rf"({alternation(self.scales)})$")
        self.figure = self._figure(ranges=True)
        self.figures = self._figure(ranges=False)
        # A match carries the grammar that made it, so that it is parsed with the same words.
        _BY_PATTERN[self.figure] = _BY_PATTERN[self.figures] = self

    def _figure(self, ranges: bool) -> re.Pattern[str]:
        units = self.units
        after = (
            list(units["percent"]) + list(units["percentage_point"]) + list(units["currency_word"])
            + list(units["physical"])
        )
        sym = alternation(units["currency_symbol"])
        # A letter for a unit right after the digits is one only as written: "46.3C" is degrees, "46.3c" nothing.
        attached = rf"(?<=\d)(?-i:{alternation(units['physical_attached'])})(?!\w|\.\w)"
        unit = (rf"(?:{alternation(after)})(?![\w])|(?:{alternation(units['duration'])})\b"
                rf"|(?<=\d)(?:{alternation(units['currency_attached'])})(?!\w|\.\w)|{attached}")
        # "1/2 pound", "1/16 of a pint": a written fraction, only before a unit or "of" ("9/11" is a name)
        slash = rf"\d{{1,2}}\s?[/⁄]\s?\d{{1,3}}(?=\s+of\b|\s?(?:{alternation(after)})\b)"
        number = rf"(?:{slash}|{self.num}(?:{self.scale})?)"
        # "rose by $4bn to $41bn" is a change and a level, not a range: nlp/quantities.py splits
        # a range that a verb of movement governs.
        second = rf"""
            (?:
                (?:\s?(?P<unit1>{unit}))?
                \s*(?P<sep>-|–|—|to|and|or)\s*(?P<cur2>(?:{sym})\s?)?(?P<num2>{number})
            )?""" if ranges else ""
        pattern = rf"""
        {_OUTSIDE_A_WORD}
        (?P<qual>(?:\b(?:{alternation(self.qualifiers)})\s+|~\s?|\bsub-))?
        (?:
            (?P<vague>\b(?:{alternation(self.vague)}))
          | (?<!\bfirst\s)(?<!\bsecond\s)(?P<fraction>\b(?:{alternation(self.fractions)}))(?=\s+of\b|(?<=half)\s+(?:the|its|their|his|her|our)\b)
          | (?P<ratio>(?<![\w.])(?<![A-Za-z]-)(?P<rnum>{self.small})\s+(?:out\s+)?(?:of|in)\s+(?:every\s+)?(?P<rden>{self.num}))(?!\s*(?:%|per\b|{alternation(units['duration'])}\b)|[\d,])
          | (?:(?P<between>\bbetween\s+)|(?P<from>\bfrom\s+))?
            (?P<cur>(?<![A-Za-z])(?:{sym})\s?)?
            (?P<sign>(?<![\w.])[-+−](?=\d)|\bminus[- ](?=\d))?
            (?P<num>(?(cur)|(?<![\w./]))(?(sign)|(?(qual)|(?<![A-Za-z]-))){number})
            {second}
            (?:
                (?P<hyph>\s?-(?P<hunit>(?:square|cubic)-[a-z]+|[a-z]+)\b)  # "90-day", "170,000-square-foot"
              | \s?(?P<unit>{unit})
            )?
        )
        (?![A-Za-z0-9]|/\d)  # "24/7", "9/11": not figures
        """
        return re.compile(pattern, re.IGNORECASE | re.VERBOSE)


def grammar(vocab: Vocabulary | None = None) -> NumberGrammar:
    """The number grammar of a vocabulary (the shipped one by default), compiled once."""
    return (vocab or default_vocabulary()).derived("number_grammar", NumberGrammar)


def quantity_regex(ranges: bool = True, vocab: Vocabulary | None = None) -> re.Pattern[str]:
    """The grammar of a figure. With ranges=False, "X to Y" is read as two figures."""
    g = grammar(vocab)
    return g.figure if ranges else g.figures


def qualifier_kind(qualifier: str, vocab: Vocabulary | None = None) -> str:
    """How a qualifier ("more than") bounds its figure: a kind of interval_for, or "" for none."""
    return grammar(vocab).qualifiers.get(qualifier, "")


def iter_quantities(text: str, share_at=None, vocab: Vocabulary | None = None):
    """(start, end, Quantity) for every figure in text.

    A match that reads as a range but is not one ("fell 0.4 per cent to 13,176") is read
    again as separate figures. `share_at(end) -> bool` says whether "of ..." follows.
    """
    pos = 0
    full = quantity_regex(True, vocab)
    while True:
        m = full.search(text, pos)
        if m is None:
            return
        q = parse_quantity(m, share=bool(share_at and share_at(m.end())))
        if q is None and m.groupdict().get("num2"):
            yield from split_figures(text, m.start(), m.end(), share_at, vocab)
        elif q is not None and m.group(0).strip():
            start, end = m.start(), m.start() + len(m.group(0).rstrip())
            opened = "" if m.groupdict().get("num2") else m.groupdict().get("from") or m.groupdict().get("between")
            if opened and text.startswith(opened, start):
                # "built from 61 segments": the word that opens a range opens none here; the figure is what follows
                start += len(opened)
                q = replace(q, text=text[start:end])
            yield start, end, q
        pos = max(m.end(), pos + 1)


def split_figures(text: str, start: int, end: int, share_at=None, vocab: Vocabulary | None = None):
    """(start, end, Quantity) for each figure of text[start:end] read without ranges."""
    for part in quantity_regex(False, vocab).finditer(text, start, end):
        pq = parse_quantity(part, share=bool(share_at and share_at(part.end())))
        if pq is not None and part.group(0).strip():
            yield part.start(), part.start() + len(part.group(0).rstrip()), pq


def parse_number(text: str, vocab: Vocabulary | None = None) -> float | None:
    """'12,500' -> 12500.0; 'seven' -> 7.0; 'twenty-five' -> 25.0; '1.2bn' -> 1.2e9; 'a third' -> 0.333."""
    return _parse_number(text, grammar(vocab))


def _parse_number(text: str, g: NumberGrammar) -> float | None:
    t = text.strip().lower()
    if t in g.fractions:
        return g.fractions[t]
    slash = re.fullmatch(r"(\d+)\s?[/⁄]\s?(\d+)", t)
    if slash:
        num, den = int(slash.group(1)), int(slash.group(2))
        return num / den if 0 < num < den else None
    m = g.spelled.fullmatch(t)
    if not m:
        return None
    base, scale = m.group(1), m.group(2).split()
    if re.fullmatch(_DIGITS, base) or re.fullmatch(DECIMAL_COMMA, base):
        value = _digits_value(base)
    elif base in ("a dozen", "dozen"):
        value = 12.0
    elif base == "a":
        value = 1.0 if scale else math.nan
    else:
        parts = re.split(r"[- ]", base)
        value = float(sum(g.tens.get(p, 0) + g.ones.get(p, 0) for p in parts))
    if len(scale) == 1 and scale[0] not in g.scales:  # "1.2bn" arrives as one word after the digits
        scale = g.scale_word.findall(scale[0])
    for word in scale:
        value *= g.scales[word]
    return value


_SCORE = re.compile(r"\d{1,3}\s?-\s?\d{1,3}")
# Currency symbols that are ASCII renderings of others and letters in their own right.
ASCII_CURRENCY = {"ps", "y="}


def interval_for(qualifier_kind: str, v: float, upper: float = math.inf) -> Interval:
    """The interval a qualified figure commits to. `upper` caps open ranges (100 for shares)."""
    if qualifier_kind == "gt":
        return Interval(v, upper, lo_open=True)
    if qualifier_kind == "ge":
        return Interval(v, upper)
    if qualifier_kind == "lt":
        return Interval(0.0 if v >= 0 else -math.inf, v, hi_open=True)
    if qualifier_kind == "le":
        return Interval(0.0 if v >= 0 else -math.inf, v)
    if qualifier_kind == "near":
        return Interval(v - abs(v) * NEAR_TOLERANCE, v, hi_open=True)
    if qualifier_kind == "just_over":
        return Interval(v, v + abs(v) * NEAR_TOLERANCE, lo_open=True)
    if qualifier_kind == "approx":
        return Interval(v - abs(v) * APPROX_TOLERANCE, v + abs(v) * APPROX_TOLERANCE)
    return Interval.point(v)


# A bound denied turns over: "never fewer than 26" is at least 26, "not more than 40" at most 40.
NEGATED_KINDS = {"gt": "le", "ge": "lt", "lt": "ge", "le": "gt"}


def negated(q: Quantity, vocab: Vocabulary | None = None) -> Quantity | None:
    """A bound as its verb's negation leaves it ("has never hit fewer than 26 homers": at least 26), or
    None when the figure is no bound: a denied figure of any other shape says nothing of what it was."""
    flipped = NEGATED_KINDS.get(qualifier_kind(q.qualifier, vocab))
    if flipped is None:
        return None
    words = q.qualifier.removeprefix("not ") if q.qualifier.startswith("not ") else f"not {q.qualifier}"
    return replace(q, interval=interval_for(flipped, q.value), qualifier=words)


def _unit_of(m: re.Match[str], units) -> tuple[str, str]:
    """(normalised unit, dimension) of a match."""
    cur = (m.group("cur") or m.groupdict().get("cur2") or "").strip().lower()
    if cur:
        code = str(units["currency_symbol"][cur])
        return code, f"currency:{code}"
    word = (m.group("unit") or m.groupdict().get("unit1") or m.group("hunit") or "").lower()
    word = re.sub(r"\s+|(?<=square)-|(?<=cubic)-", " ", word)
    for table, dim in (("percent", "percent"), ("percentage_point", "percentage_point"), ("duration", "duration")):
        if word in units[table]:
            return str(units[table][word]), dim
    for table in ("currency_word", "currency_attached"):
        if word in units[table]:
            code = str(units[table][word])
            return code, f"currency:{code}"
    if (name := units["physical"].get(word) or units["physical_attached"].get(word.upper())) is not None:
        return str(name), f"physical:{physical_dimension(str(name))}"
    if word:
        return word, "count"
    return "", "number"


RATIO = re.compile(r"\d\s*(?:/|\bin\b|\bout\s+of\b)\s*\d")


def written_step(text: str, value: float) -> float | None:
    """The precision a figure is written to, in its own scale: "0.4%" -> 0.1, "$4.5 billion" -> 1e8.

    None for a figure in words ("sixty"), or zero, and for a share written as a ratio ("1 in 4",
    "1/16", "3 out of 10"): its digits count things, they are not rounded.
    """
    if RATIO.search(text):
        return None
    if (comma := re.search(DECIMAL_COMMA, text)) is not None:
        digits, decimals = comma.group(0), comma.group(0).split(",")[1]
    elif (pointed := re.search(_POINTED, text)) is not None:
        digits, decimals = pointed.group(0), ""
    elif (m := re.search(rf"\d(?:[\d,]|{_SPACE}(?=\d{{3}}))*(?:\.(\d+))?", text)) is not None:
        digits, decimals = m.group(0), m.group(1) or ""
    else:
        return None
    written = _digits_value(digits)
    if written == 0 or value == 0:
        return None
    return abs(value / written) * 10 ** -len(decimals)


_ONE_POINT_GROUP = re.compile(r"(?<![\d.,])\d{1,3}\.\d{3}(?![\d.,]*\d)")


def points_as_thousands(q: Quantity) -> Quantity:
    """"18.000 florins", "58.400 fans": a count of things or an amount of money written to three decimals, with no
    scale word, is thousands grouped with a point, as much of Europe writes them; no one counts fans or florins to a
    thousandth. Other figures keep their decimals ("1.250 km")."""
    if q.step != 0.001 or _ONE_POINT_GROUP.search(q.text) is None:
        return q
    i = q.interval
    return replace(q, value=q.value * 1000, interval=Interval(i.lo * 1000, i.hi * 1000, i.lo_open, i.hi_open), step=1.0)


def parse_quantity(m: re.Match[str], share: bool = False, vocab: Vocabulary | None = None) -> Quantity | None:
    """A regex match of quantity_regex() -> Quantity, or None when it holds no usable figure.

    `share` caps open intervals of percentages at 100 ("over 60% of the market"). The precision
    the figure is written to is recorded here, from the text as written. The match is read with
    the grammar that made it (`vocab` only for a match of some other pattern).
    """
    g = _BY_PATTERN.get(m.re) or grammar(vocab)
    q = _parse_quantity(m, share, g)
    if q is None:
        return None
    q = replace(q, step=written_step(q.text, q.value))
    return _just_under(q) if g.qualifiers.get(q.qualifier) == "near" else q


def _just_under(q: Quantity) -> Quantity:
    """"nearly 49 million" is between 48 and 49 million: just under the figure, by no more than one of the last
    digit written ("nearly 47 million" says 46.8), or of the last before its zeros ("nearly 390" may be 386,
    "nearly 50 million" 46.8), and by no more than NEAR_TOLERANCE of it."""
    if not q.step or q.value <= 0:
        return q  # a figure in words: NEAR_TOLERANCE alone
    lo = max(q.interval.lo, q.value - last_digit_step(q.value, q.step))
    return replace(q, interval=Interval(lo, q.interval.hi, q.interval.lo_open, q.interval.hi_open))


def last_digit_step(value: float, step: float) -> float:
    """One of the last digit before a figure's trailing zeros, at the precision it is written to: "390" -> 10,
    "49 million" -> 1 million, "170,000" -> 10,000."""
    digits = round(abs(value) / step)
    while digits and digits % 10 == 0:
        digits, step = digits // 10, step * 10
    return step


def joined_to_unit(text: str, q: Quantity) -> bool:
    """A count written with a hyphen to its unit ("nine-storey", "300-bed"), as a figure describing the noun after
    it is; not "Forty-one people", whose hyphen joins the number's own words."""
    return q.dimension == "count" and bool(q.unit) and text.lower().endswith(f"-{q.unit.lower()}")


def _parse_quantity(m: re.Match[str], share: bool, g: NumberGrammar) -> Quantity | None:
    text = m.group(0).strip()
    qual_text = (m.group("qual") or "").strip().lower()
    if m.group("ratio"):
        num, den = _parse_number(m.group("rnum"), g), _parse_number(m.group("rden"), g)
        if num is None or den is None or not num < den or (1900 <= den <= 2100 and re.fullmatch(r"\d{4}", m.group("rden"))):
            return None  # "5 of 2019" is not a ratio
        value = num / den
        qual = g.qualifiers.get(qual_text, "")
        return Quantity(text, value, interval_for(qual, value), "", "fraction", _shape(qual), qual_text)
    qual = g.qualifiers.get(qual_text, "")
    if m.group("fraction"):
        value = g.fractions[m.group("fraction").lower()]
        return Quantity(text, value, interval_for(qual, value), "", "fraction", _shape(qual), qual_text)
    if m.group("vague"):
        lo, hi = g.vague[m.group("vague").lower()]
        return Quantity(text, float(lo), Interval(float(lo), float(hi)), "", "number", "vague", qual_text)
    value = _parse_number(m.group("num"), g)
    if value is None or not math.isfinite(value):
        return None  # nan, or a run of digits too long for a float ("1111...", 400 digits): no figure
    cur = (m.group("cur") or "").strip()
    if cur.lower() in ASCII_CURRENCY and (cur != cur.upper() or m.group("cur") != cur
                                          or not re.search(r"\d[\d,.]*\d|\d\s?[a-z]", m.group("num"), re.I)):
        # "PS" is £ only in capitals, attached, on a figure that is not a single digit: "PS5" is a
        # console and "PS 150" a school
        return None
    sign = (m.groupdict().get("sign") or "").strip().lower()
    if sign in ("-", "+") and not (m.group("unit") or m.group("cur") or m.group("hunit")):
        return None  # "COVID -19": a bare sign needs a unit to make a signed figure
    if sign in ("-", "−", "minus-", "minus"):
        value = -value
    unit, dim = _unit_of(m, g.units)
    hunit = (m.group("hunit") or "").lower()
    if hunit in g.scales and (m.group("cur") or hunit not in g.currency_scales):
        # "a $143-billion bailout": a scale written with a hyphen, not a counted noun ("a 35-mm lens" is one)
        value *= g.scales[hunit]
        if dim == "count" and unit == hunit:
            unit, dim = "", "number"
    upper = 100.0 if (share and dim == "percent") else math.inf
    if m.groupdict().get("num2"):
        sep = m.group("sep").lower()
        if sep == "and" and not m.group("between"):
            return None  # "5 and 6" is two figures, not a range
        if sep == "or" and (m.group("unit1") or m.group("cur2") or m.group("between") or m.group("from")):
            return None  # "5% or 6%": two figures
        if m.group("unit1") and m.group("unit") and m.group("unit1").lower() != m.group("unit").lower():
            return None  # "5 km to 3 miles" is not a range
        if m.group("unit1") and (m.group("unit") or "").lower() != m.group("unit1").lower():
            return None  # "fell 0.4 per cent to 13,176": the unit belongs to the first figure only
        value2 = _parse_number(m.group("num2"), g)
        if value2 is None or not math.isfinite(value2):
            return None
        scale2 = g.scale_at_end.search(m.group("num2").strip().lower())
        if scale2 and not g.scale_at_end.search(m.group("num").strip().lower()) \
                and value * g.scales[scale2.group(1)] <= value2:
            value *= g.scales[scale2.group(1)]  # "$10 to $15 billion"
        if sep == "or" and not value < value2 <= 1.5 * value + 1:
            return None  # "two or three" is a range; "5 or 50" is a choice
        if value2 <= value:
            if sep == "-" and _SCORE.fullmatch(m.group(0).strip()) and not 1900 <= value <= 2100:
                # "won 3-1", "a 52-48 vote": a score or tally, one claim of two numbers
                return Quantity(text, value, Interval.point(value), "", "score", "score", second=value2)
            return None
        if not cur and 1900 <= value <= 2100 and re.fullmatch(r"\d{4}", m.group("num").strip()) \
                and not re.fullmatch(r"\d{4}", m.group("num2").strip()):
            return None  # "in 2018 to 3.9 million": a year, then a figure
        return Quantity(text, value, Interval(value, value2), unit, dim, "range", qual_text)
    change = {"+": "up", "-": "down", "−": "down"}.get(sign, "") if dim == "percent" else ""
    return Quantity(text, value, interval_for(qual, value, upper), unit, dim, _shape(qual), qual_text, change)


def _shape(qual: str) -> str:
    """A figure's shape from its qualifier's kind: "about 5" approximate, "more than 5" a bound; a share
    ("as many as 1 in 500") the same as any other figure."""
    if qual in ("approx", "near", "just_over"):
        return "approx"
    return "bound" if qual else "exact"


def __getattr__(name: str):
    # The shipped qualifier table under its old name, read from the data when first asked for.
    if name == "QUALIFIERS":
        return grammar().qualifiers
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
