"""The vocabulary extraction reads text with: the shipped data (data/*.toml), extended by the user.

Place aliases, titles, nicknames, common surnames, spellings, units, numbers that name, number words and
qualifiers, months, movement verbs, frame nouns, determiners, abbreviations and page-furniture
patterns: all of it general knowledge, all of it in one Vocabulary. The user's configuration
adds to it (config.py); `load_vocabulary` builds one Vocabulary per set of additions, once.
"""

from __future__ import annotations

import itertools
import json
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

DATA_FILES = ("aliases", "titles", "units", "labels", "numbers", "calendar", "movement", "words", "furniture",
              "frames", "events", "surnames")
QUALIFIER_KINDS = ("gt", "ge", "lt", "le", "near", "just_over", "approx")
MOVEMENT_KINDS = ("up", "down", "move")


def _read(name: str) -> str:
    return resources.files("checker.data").joinpath(f"{name}.toml").read_text("utf-8")


@cache
def load_data(name: str) -> Mapping[str, Any]:
    """One shipped data file (data/<name>.toml), read once per process; read-only."""
    return _frozen(tomllib.loads(_read(name)))


def _frozen(value):
    # Shared by every caller: nothing may change it in place.
    if isinstance(value, dict):
        return MappingProxyType({k: _frozen(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


def alias_key(text: str) -> str:
    """How aliases are matched: case, dots, possessives and extra spaces do not count."""
    t = re.sub(r"['’]s$", "", text.strip())
    return re.sub(r"\s+", " ", t.replace(".", "")).lower().removeprefix("the ")


@dataclass(frozen=True)
class NumberWords:
    """How numbers are written in words and qualified (data/numbers.toml)."""

    ones: Mapping[str, int]
    tens: Mapping[str, int]
    scale_words: Mapping[str, float]  # "million"
    scale_abbreviations: Mapping[str, float]  # "bn"
    scale_letters: Mapping[str, float]  # "m", attached only
    currency_scale_letters: Mapping[str, float]  # "MM", attached, after a currency sign only
    numerators: Mapping[str, int]
    denominators: Mapping[str, int]
    qualifiers: Mapping[str, str]  # phrase -> kind (QUALIFIER_KINDS)
    vague: Mapping[str, tuple[float, float]]
    repetitions: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))  # "twice": how many times a verb's act was done

    @property
    def scales(self) -> dict[str, float]:
        return {**self.scale_words, **self.scale_abbreviations, **self.scale_letters, **self.currency_scale_letters}


@dataclass(frozen=True)
class Movement:
    """Verbs of movement by lemma (data/movement.toml)."""

    up: frozenset[str]
    down: frozenset[str]
    move: frozenset[str]  # a move that does not say which way
    not_of_counts: frozenset[str]
    phrasal: frozenset[str]  # "up"/"down" after them is a particle, not a direction


@dataclass(frozen=True)
class Frames:
    """What a count of people measures, by verb or noun (data/frames.toml)."""

    people: frozenset[str]
    verbs: Mapping[str, str]  # lemma -> frame
    nouns: Mapping[str, str]
    measures: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # frame -> what it measures: "people" (default) or "money"
    of: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # "a trial of 4,120 adults": noun -> frame
    # "1,700 people were moved out of their homes": the place the people counted leave -> frame; and the verbs whose
    # object is that place ("had to leave their homes")
    left: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    leaving: frozenset[str] = frozenset()
    # Frames whose verb's subject is the thing the amount is of ("the scanner cost"), not who did it ("kidnappers
    # demanded"): two subjects' amounts are two
    of_subject: frozenset[str] = frozenset()

    def frame_of(self, attribute: str | None, verb: str | None, modifiers: tuple[str, ...] = (),
                 measures: str = "people", of: str | None = None, left: str | None = None) -> str | None:
        """The frame of a count of people: by the noun it counts ("58 deaths", "the death toll"), else
        by its verb when it counts people or nothing named ("63 people died", "131 were rescued"), else
        by the noun whose people it counts (`of`: "a trial of 4,120 adults", "a crowd of 40,000 people"), else by
        the place they leave (`left`: "1,700 people were moved out of their homes").
        With `measures="money"`, the frame of an amount: by its noun ("a net loss of"), else by its
        verb when it names no noun ("it lost 240 million euros")."""
        kind = lambda frame: self.measures.get(frame, "people")  # noqa: E731
        for noun in (attribute, *modifiers):
            if noun in self.nouns and kind(self.nouns[noun]) == measures:
                return self.nouns[noun]
        counts_people = attribute is None or (measures == "people" and attribute in self.people)
        if verb in self.verbs and kind(self.verbs[verb]) == measures and counts_people:
            return self.verbs[verb]
        if of in self.of and kind(self.of[of]) == measures and counts_people:
            return self.of[of]
        if left in self.left and kind(self.left[left]) == measures and counts_people:
            return self.left[left]
        return None


@dataclass(frozen=True)
class Labels:
    """Where numbers name rather than measure (data/labels.toml)."""

    label_nouns: frozenset[str]
    street_words: frozenset[str]
    named_numbers: tuple[str, ...]
    time_zones: frozenset[str]


@dataclass(frozen=True)
class Furniture:
    """Page-furniture line patterns, uncompiled (data/furniture.toml)."""

    line_patterns: tuple[str, ...]
    short_line_words: int
    reporting_words: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class Vocabulary:
    places: dict[str, str]  # alias key -> canonical name
    offices: tuple[str, ...]
    ranks: dict[str, str]
    office_synonyms: dict[str, str]
    portfolio_synonyms: dict[str, str]
    jurisdiction_words: frozenset[str]
    nicknames: dict[str, str]
    common_surnames: frozenset[str] = frozenset()  # surnames many people share (data/surnames.toml), lower case
    spellings: frozenset[frozenset[str]] = frozenset()  # sets of spellings accepted as one name
    exclusive_offices: frozenset[frozenset[str]] = frozenset()  # offices no one holds together
    subordinate_ranks: frozenset[str] = frozenset()  # ranks below their office: "assistant" coach is not the coach
    units: Mapping[str, Mapping[str, str]] = field(default_factory=lambda: load_data("units"))
    labels: Labels = field(default_factory=lambda: _labels(load_data("labels")))
    numbers: NumberWords = field(default_factory=lambda: _numbers(load_data("numbers"), {}))
    months: Mapping[str, int] = field(default_factory=lambda: load_data("calendar")["months"])
    weekdays: Mapping[str, int] = field(default_factory=lambda: load_data("calendar")["weekdays"])
    time_zones: frozenset[str] = field(default_factory=lambda: frozenset(load_data("calendar")["time_zones"]))
    named_days: frozenset[str] = field(default_factory=lambda: frozenset(load_data("calendar")["named_days"]))
    zone_names: frozenset[str] = field(default_factory=lambda: frozenset(load_data("calendar")["zone_names"]))
    year_parts: frozenset[str] = field(default_factory=lambda: frozenset(load_data("calendar")["year_parts"]))
    movement: Movement = field(default_factory=lambda: _movement(load_data("movement"), {}))
    frames: Frames = field(default_factory=lambda: _frames(load_data("frames"), {}))
    frame_nouns: frozenset[str] = field(default_factory=lambda: frozenset(load_data("words")["frame_nouns"]))
    share_bases: frozenset[str] = field(default_factory=lambda: frozenset(load_data("words")["share_bases"]))
    measure_nouns: frozenset[str] = field(default_factory=lambda: frozenset(load_data("words")["measure_nouns"]))
    definite: frozenset[str] = field(default_factory=lambda: frozenset(load_data("words")["definite"]))
    abbreviations: frozenset[str] = field(default_factory=lambda: frozenset(load_data("words")["abbreviations"]))
    age_words: frozenset[str] = field(default_factory=lambda: frozenset(load_data("words")["age_words"]))
    person_nouns: frozenset[str] = field(default_factory=lambda: frozenset(load_data("words")["person_nouns"]))
    max_age: int = field(default_factory=lambda: int(load_data("words")["max_age"]))
    reporting_verbs: frozenset[str] = field(default_factory=lambda: frozenset(load_data("words")["reporting_verbs"]))
    difference_words: frozenset[str] = field(default_factory=lambda: frozenset(load_data("words")["difference_words"]))
    comparatives: frozenset[str] = field(default_factory=lambda: frozenset(load_data("words")["comparatives"]))
    light_verbs: frozenset[str] = field(default_factory=lambda: frozenset(load_data("words")["light_verbs"]))
    capacity_verbs: frozenset[str] = field(default_factory=lambda: frozenset(load_data("words")["capacity_verbs"]))
    period_nouns: frozenset[str] = field(default_factory=lambda: frozenset(load_data("words")["period_nouns"]))
    future_modals: frozenset[str] = field(default_factory=lambda: frozenset(load_data("words")["future_modals"]))
    future_heads: frozenset[str] = field(default_factory=lambda: frozenset(load_data("words")["future_heads"]))
    scheduling_verbs: frozenset[str] = field(
        default_factory=lambda: frozenset(load_data("words")["scheduling_verbs"]))
    happening_verbs: frozenset[str] = field(
        default_factory=lambda: frozenset(load_data("words")["happening_verbs"]))
    events: Mapping[str, str] = field(default_factory=lambda: MappingProxyType(
        {w: name for name, cls in load_data("events")["events"].items() for w in (*cls.get("words", ()), *cls.get("verbs", ()))}))
    # Verbs that name an event only as verbs ("passed away"; "a touchdown pass" is no death).
    event_verbs: frozenset[str] = field(default_factory=lambda: frozenset(
        w for cls in load_data("events")["events"].values() for w in cls.get("verbs", ())))
    # ... and those of them whose subject is the event itself ("the quake hit", not "the ship hit the shoal").
    happening_event_verbs: frozenset[str] = field(default_factory=lambda: frozenset(
        w for cls in load_data("events")["events"].values() if cls.get("subject_is_event")
        for w in cls.get("verbs", ())))
    # Events over in a moment: whatever their noun, as a verb's subject, did on a day dates them.
    instant_events: frozenset[str] = field(default_factory=lambda: _event_classes("instant"))
    # Events done by making them known: "announced his resignation on Tuesday" dates the resignation.
    announced_events: frozenset[str] = field(default_factory=lambda: _event_classes("by_announcing"))
    # Events that decide: "voted to accept the offer on Tuesday" dates the vote.
    deciding_events: frozenset[str] = field(default_factory=lambda: _event_classes("decides"))
    # Nouns that name an event of another class than the verb of the same lemma ("the fire": a blaze;
    # "was fired": a dismissal).
    event_nouns: Mapping[str, str] = field(default_factory=lambda: MappingProxyType(
        {w: name for name, cls in load_data("events")["events"].items() for w in cls.get("nouns", ())}))
    payment_forms: frozenset[str] = field(default_factory=lambda: frozenset(load_data("words")["payment_forms"]))
    payment_media: frozenset[str] = field(default_factory=lambda: frozenset(load_data("words")["payment_media"]))
    expectation_verbs: frozenset[str] = field(default_factory=lambda: frozenset(load_data("words")["expectation_verbs"]))
    deictic_dates: frozenset[str] = field(default_factory=lambda: frozenset(load_data("words")["deictic_dates"]))
    lasting_verbs: frozenset[str] = field(default_factory=lambda: frozenset(load_data("words")["lasting_verbs"]))
    honorifics: frozenset[str] = field(default_factory=lambda: frozenset(load_data("words")["honorifics"]))
    surname_particles: frozenset[str] = field(default_factory=lambda: frozenset(load_data("words")["surname_particles"]))
    settlement_nouns: frozenset[str] = field(default_factory=lambda: frozenset(load_data("words")["settlement_nouns"]))
    romanisations: tuple[tuple[str, str], ...] = field(
        default_factory=lambda: tuple((a, b) for a, b in load_data("words")["romanisations"]))
    loose_romanisations: tuple[tuple[str, str], ...] = field(
        default_factory=lambda: tuple((a, b) for a, b in load_data("words")["loose_romanisations"]))
    romanisation_signs: tuple[str, ...] = field(default_factory=lambda: tuple(load_data("words")["romanisation_signs"]))
    birth_name_words: frozenset[str] = field(default_factory=lambda: frozenset(load_data("words")["birth_name_words"]))
    relatives: frozenset[str] = field(default_factory=lambda: frozenset(load_data("words")["relatives"]))
    organisation_words: frozenset[str] = field(default_factory=lambda: frozenset(load_data("words")["organisation_words"]))
    legal_forms: frozenset[str] = field(default_factory=lambda: frozenset(load_data("words")["legal_forms"]))
    name_suffixes: frozenset[str] = field(default_factory=lambda: frozenset(load_data("words")["name_suffixes"]))
    referring_words: frozenset[str] = field(default_factory=lambda: frozenset(load_data("titles")["referring_words"]))
    modifier_synonyms: Mapping[str, str] = field(default_factory=lambda: MappingProxyType(dict(load_data("words")["modifier_synonyms"])))
    furniture: Furniture = field(default_factory=lambda: _furniture(load_data("furniture")))

    def verb_key(self, lemma: str, particles: Iterable[str] = ()) -> str:
        """The verb as the events know it: with its particle where they list it so ("pass away", "step down": a
        death, a resignation; "passed the bill", "stepped onto the stage" are neither), else its lemma."""
        return next((key for p in particles if (key := f"{lemma} {p.lower()}") in self.events), lemma)

    def noun_event(self, lemma: str) -> str | None:
        """The event a noun names ("the election", "the fire"), if the vocabulary knows one."""
        return self.event_nouns.get(lemma) or (self.events.get(lemma) if lemma not in self.event_verbs else None)

    def accepted(self, a: str, b: str) -> bool:
        """Whether two spellings of a name are accepted as the same ("Zelenskyy", "Zelensky")."""
        a, b = a.lower(), b.lower()
        return a == b or any(a in s and b in s for s in self.spellings)

    def romanised(self, name: str, loose: bool = False) -> frozenset[str]:
        """The ways to read the name with each romanisation's letters read as one ("Heydar" as "heidar"), word
        by word; loose, with the loose romanisations and doubled letters read too ("Massoud" as "masud"). Letters
        that two pairs read two ways are read both ways ("kh" as "k" and as "h": "Askhar" is "Askar",
        "Mukhamed" is "Muhamed"): two spellings are one name when they share a reading."""
        pairs = self.romanisations + (self.loose_romanisations if loose else ())
        # A pair whose reading another pair reads again goes before it: "w" as "v", then "v" as "b".
        ordered: list = []
        for a, b in pairs:
            at = next((i for i, (first, _) in enumerate(ordered) if first == b), len(ordered))
            ordered.insert(at, (a, b))
        pairs = tuple(ordered)
        readings: dict[str, list[str]] = {}
        for a, b in pairs:
            readings.setdefault(a, []).append(b)
        words = [_romanised_word(w, tuple(readings.items()), loose) for w in name.lower().split()]
        return frozenset(" ".join(choice) for choice in itertools.product(*words))

    def romanisation_sign(self, name: str) -> bool:
        """Whether the name is written with letters only a romanisation gives ("Papoulias", "Mukhtar"), or ends
        a word as only a romanisation does (a sign ending in "$": "Ivanov")."""
        lower = name.lower()
        return any(_shows_sign(lower, sign) for sign in self.romanisation_signs)

    def derived(self, key: str, build: Callable[[Vocabulary], Any]) -> Any:
        """What a reader compiles from this vocabulary (an index, a regex), built once and kept on it."""
        try:
            return self.__dict__[f"_{key}"]
        except KeyError:
            value = build(self)
            object.__setattr__(self, f"_{key}", value)
            return value

    @property
    def office_index(self) -> dict[str, list[tuple[str, ...]]]:
        """Offices by their first word, longest first: a title is looked up, never scanned for."""
        def build(v: Vocabulary) -> dict[str, list[tuple[str, ...]]]:
            index: dict[str, list[tuple[str, ...]]] = {}
            for office in v.offices:
                words = tuple(office.replace("-", " - ").split())
                index.setdefault(words[0], []).append(words)
            # "president-elect" before "president": the first that matches is taken.
            return {first: sorted(ws, key=len, reverse=True) for first, ws in index.items()}
        return self.derived("office_index", build)

    @property
    def title_words(self) -> frozenset[str]:
        return self.derived("title_words", lambda v: frozenset(v.ranks) | {o.split()[0] for o in v.offices}
                            | {o.split()[-1] for o in v.offices})

    def place(self, text: str) -> str | None:
        """Canonical place for a name or demonym, or None."""
        return self.places.get(alias_key(text))

    def given_name(self, name: str) -> str:
        n = name.lower()
        return self.nicknames.get(n, n)


def _event_classes(flag: str) -> frozenset[str]:
    """The names of the event classes (data/events.toml) that carry `flag` ("instant", "by_announcing", "decides")."""
    return frozenset(name for name, cls in load_data("events")["events"].items() if cls.get(flag))


def _labels(data: Mapping) -> Labels:
    return Labels(frozenset(data["label_nouns"]), frozenset(data["street_words"]), tuple(data["named_numbers"]),
                  frozenset(data["time_zones"]))


def _numbers(data: Mapping, extra_qualifiers: Mapping[str, str]) -> NumberWords:
    wrong = {k: v for k, v in extra_qualifiers.items() if v not in QUALIFIER_KINDS}
    if wrong:
        raise ValueError(f"qualifier kinds must be one of {', '.join(QUALIFIER_KINDS)}: {wrong}")
    qualifiers = {**data["qualifiers"], **{k.lower(): v for k, v in extra_qualifiers.items()}}
    return NumberWords(
        ones=data["ones"], tens=data["tens"], scale_words=data["scale_words"],
        scale_abbreviations=data["scale_abbreviations"], scale_letters=data["scale_letters"],
        currency_scale_letters=data["currency_scale_letters"], numerators=data["numerators"], denominators=data["denominators"],
        qualifiers=MappingProxyType(qualifiers),
        vague=MappingProxyType({k: (lo, hi) for k, (lo, hi) in data["vague"].items()}),
        repetitions=MappingProxyType(dict(data.get("repetitions", {}))),
    )


def _movement(data: Mapping, extra: Mapping[str, list[str]]) -> Movement:
    if set(extra) - set(MOVEMENT_KINDS):
        raise ValueError(f"movement verbs are listed under {', '.join(MOVEMENT_KINDS)}, not {sorted(set(extra))}")
    def words(kind: str) -> frozenset[str]:
        return frozenset(data[kind]) | {w.lower() for w in extra.get(kind, ())}

    return Movement(words("up"), words("down"), words("move"), frozenset(data["not_of_counts"]),
                    frozenset(data["phrasal"]))


def _frames(data: Mapping, extra: Mapping[str, Mapping[str, list[str]]]) -> Frames:
    verbs: dict[str, str] = {}
    nouns: dict[str, str] = {}
    measures: dict[str, str] = {}
    of: dict[str, str] = {}
    left: dict[str, str] = {}
    of_subject: set[str] = set()
    for table in (data["frames"], extra):
        for name, words in table.items():
            unknown = set(words) - {"verbs", "nouns", "of", "from", "measures", "of_subject"}
            if unknown:
                raise ValueError(f"frame {name}: lists verbs, nouns, of and from, not {', '.join(sorted(unknown))}")
            kind = words.get("measures", measures.get(name, "people"))
            if kind not in ("people", "money", "share"):
                raise ValueError(f"frame {name}: measures people, money or share, not {kind!r}")
            measures[name] = kind
            verbs.update({w.lower(): name for w in words.get("verbs", ())})
            nouns.update({w.lower(): name for w in words.get("nouns", ())})
            of.update({w.lower(): name for w in words.get("of", ())})
            left.update({w.lower(): name for w in words.get("from", ())})
            if words.get("of_subject"):
                of_subject.add(name)
    return Frames(frozenset(data["people"]), MappingProxyType(verbs), MappingProxyType(nouns), MappingProxyType(measures),
                  MappingProxyType(of), MappingProxyType(left), frozenset(data.get("leaving", ())), frozenset(of_subject))


def _furniture(data: Mapping) -> Furniture:
    return Furniture(tuple(data["line_patterns"]), int(data["short_line_words"]), tuple(data.get("reporting_words", ())))


def build_vocabulary(extra_places: dict[str, list[str]] | None = None, extra_offices: list[str] | None = None,
                     extra_office_synonyms: dict[str, str] | None = None,
                     extra_nicknames: dict[str, str] | None = None,
                     spellings: dict[str, list[str]] | None = None,
                     extra_qualifiers: dict[str, str] | None = None,
                     extra_movement: dict[str, list[str]] | None = None,
                     extra_frames: dict[str, dict[str, list[str]]] | None = None,
                     extra_surnames: list[str] | None = None) -> Vocabulary:
    """The shipped vocabulary with the user's additions. Prefer load_vocabulary, which builds each once."""
    aliases = load_data("aliases")
    titles = load_data("titles")
    places: dict[str, str] = {}
    # The user's aliases add to the shipped ones, for a shipped place too.
    for table in (aliases["places"], extra_places or {}):
        for canonical, names in table.items():
            places[alias_key(canonical)] = canonical
            for n in names:
                places[alias_key(n)] = canonical
    offices = sorted(set(titles["offices"]) | set(extra_offices or []), key=lambda o: (-len(o.split()), o))
    return Vocabulary(
        places=places,
        offices=tuple(offices),
        ranks=dict(titles["ranks"]),
        office_synonyms={**titles["office_synonyms"], **(extra_office_synonyms or {})},
        portfolio_synonyms=dict(titles["portfolio_synonyms"]),
        jurisdiction_words=frozenset(titles["jurisdiction_words"]),
        exclusive_offices=frozenset(frozenset(group) for group in titles.get("exclusive_offices", ())),
        subordinate_ranks=frozenset(titles.get("subordinate_ranks", ())),
        nicknames={**aliases["nicknames"], **(extra_nicknames or {})},
        common_surnames=frozenset(w.lower() for w in (*load_data("surnames")["common"], *(extra_surnames or ()))),
        spellings=frozenset(frozenset(w.lower() for w in (k, *v)) for k, v in (spellings or {}).items()),
        numbers=_numbers(load_data("numbers"), extra_qualifiers or {}),
        movement=_movement(load_data("movement"), extra_movement or {}),
        frames=_frames(load_data("frames"), extra_frames or {}),
    )


# What a user may add, by the name a configuration gives it; each maps to build_vocabulary's argument.
EXTENSIONS = {"places": "extra_places", "offices": "extra_offices", "office_synonyms": "extra_office_synonyms",
              "nicknames": "extra_nicknames", "spellings": "spellings", "qualifiers": "extra_qualifiers",
              "movement": "extra_movement", "frames": "extra_frames",
              "surnames": "extra_surnames"}
_VOCABULARIES: dict[str, Vocabulary] = {}


def extensions_key(extensions: Mapping[str, Any]) -> str:
    """A canonical text for a set of additions: equal additions give one key, empty ones none."""
    kept = {k: v for k, v in extensions.items() if v}
    unknown = set(kept) - set(EXTENSIONS)
    if unknown:
        raise ValueError(f"unknown vocabulary extension(s): {', '.join(sorted(unknown))}; "
                         f"known: {', '.join(EXTENSIONS)}")
    return json.dumps(kept, sort_keys=True, ensure_ascii=False)


def load_vocabulary(**extensions: Any) -> Vocabulary:
    """The vocabulary for a set of additions (see EXTENSIONS), built once per process.

    Equal additions give the very same object, so the pipeline's components and the extraction
    that reads their output share one.
    """
    key = extensions_key(extensions)
    if key not in _VOCABULARIES:
        kept = json.loads(key)
        _VOCABULARIES[key] = build_vocabulary(**{EXTENSIONS[k]: v for k, v in kept.items()})
    return _VOCABULARIES[key]


def default_vocabulary() -> Vocabulary:
    """The shipped vocabulary, with no additions."""
    return load_vocabulary()


def _shows_sign(name: str, sign: str) -> bool:
    """Whether a lower-case name shows a romanisation sign: its letters anywhere, or, for a sign ending in "$",
    the end of a word longer than that ending ("ivanov", not "lov")."""
    if sign.endswith("$"):
        ending = sign[:-1]
        return any(w.endswith(ending) and len(w) > len(ending) + 1 for w in name.split())
    return sign in name


def _romanised_word(word: str, readings: tuple[tuple[str, list[str]], ...], collapse: bool) -> set[str]:
    """The readings of one word: each romanisation's letters replaced, in order, by each way they are read."""
    words = {word}
    for a, bs in readings:
        words = {_replaced(w, a, b) for w in words for b in bs}
    return {re.sub(r"(.)\1", r"\1", w) for w in words} if collapse else words


def _replaced(word: str, a: str, b: str) -> str:
    if a.startswith("^"):
        return b[1:] + word[len(a) - 1:] if word.startswith(a[1:]) else word
    if a.endswith("$"):
        return word[:len(word) - len(a) + 1] + b[:-1] if word.endswith(a[:-1]) else word
    return re.sub(a, b, word)  # a plain pair may say what must not follow it: "gh(?!t)"
