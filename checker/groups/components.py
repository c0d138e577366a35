"""Connected components: the grouping step shared by figures and people."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TypeVar

T = TypeVar("T")


def _find(parent: list[int], i: int) -> int:
    """The root of i's set, halving the path on the way."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _groups(items: Sequence[T], parent: list[int]) -> list[list[T]]:
    groups: dict[int, list[T]] = {}
    for i, item in enumerate(items):
        groups.setdefault(_find(parent, i), []).append(item)
    return list(groups.values())


def connected(items: Sequence[T], linked: Callable[[T, T], bool]) -> list[list[T]]:
    """Items grouped by the transitive closure of `linked`, each group and the groups in input order."""
    parent = list(range(len(items)))
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if _find(parent, i) != _find(parent, j) and linked(items[i], items[j]):
                parent[_find(parent, j)] = _find(parent, i)
    return _groups(items, parent)


def linked_by(items: Sequence[T], pairs: Iterable[tuple[Hashable, Hashable]], key: Callable[[T], Hashable]) -> list[list[T]]:
    """Items grouped by the transitive closure of the given pairs of keys, each group and the groups in
    input order: what `connected` gives when the links are known, in time linear in the pairs."""
    index = {key(item): i for i, item in enumerate(items)}
    parent = list(range(len(items)))
    for a, b in pairs:
        if a in index and b in index:
            ra, rb = _find(parent, index[a]), _find(parent, index[b])
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return _groups(items, parent)
