"""The shipped vocabulary (data/*.toml): place aliases, titles, nicknames.

General knowledge only; a user extends it through configuration (see config.py).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _load(name: str) -> dict:
    return tomllib.loads(resources.files("checker.data").joinpath(name).read_text("utf-8"))


def alias_key(text: str) -> str:
    """How aliases are matched: case, dots, possessives and extra spaces do not count."""
    t = re.sub(r"['’]s$", "", text.strip())
    return re.sub(r"\s+", " ", t.replace(".", "")).lower().removeprefix("the ")


@dataclass(frozen=True)
class Vocabulary:
    places: dict[str, str]  # alias key -> canonical name
    offices: tuple[str, ...]
    ranks: dict[str, str]
    office_synonyms: dict[str, str]
    portfolio_synonyms: dict[str, str]
    jurisdiction_words: frozenset[str]
    nicknames: dict[str, str]
    spellings: frozenset[frozenset[str]] = frozenset()  # sets of spellings accepted as one name

    def accepted(self, a: str, b: str) -> bool:
        """Whether two spellings of a name are accepted as the same ("Zelenskyy", "Zelensky")."""
        a, b = a.lower(), b.lower()
        return a == b or any(a in s and b in s for s in self.spellings)

    @property
    def office_index(self) -> dict[str, list[tuple[str, ...]]]:
        """Offices by their first word, longest first: a title is looked up, never scanned for."""
        index = self.__dict__.get("_office_index")
        if index is None:
            index = {}
            for office in self.offices:
                words = tuple(office.replace("-", " - ").split())
                index.setdefault(words[0], []).append(words)
            object.__setattr__(self, "_office_index", index)
        return index

    @property
    def title_words(self) -> frozenset[str]:
        words = self.__dict__.get("_title_words")
        if words is None:
            words = frozenset(self.ranks) | {o.split()[0] for o in self.offices} | {o.split()[-1] for o in self.offices}
            object.__setattr__(self, "_title_words", words)
        return words

    def place(self, text: str) -> str | None:
        """Canonical place for a name or demonym, or None."""
        return self.places.get(alias_key(text))

    def given_name(self, name: str) -> str:
        n = name.lower()
        return self.nicknames.get(n, n)


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    return build_vocabulary()


def build_vocabulary(extra_places: dict[str, list[str]] | None = None, extra_offices: list[str] | None = None,
                     extra_office_synonyms: dict[str, str] | None = None,
                     extra_nicknames: dict[str, str] | None = None,
                     spellings: dict[str, list[str]] | None = None) -> Vocabulary:
    aliases = _load("aliases.toml")
    titles = _load("titles.toml")
    places: dict[str, str] = {}
    for canonical, names in {**aliases["places"], **(extra_places or {})}.items():
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
        nicknames={**aliases["nicknames"], **(extra_nicknames or {})},
        spellings=frozenset(frozenset(w.lower() for w in (k, *v)) for k, v in (spellings or {}).items()),
    )
