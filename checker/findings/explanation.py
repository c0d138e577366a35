"""Why a finding was raised, as named fields: one frozen dataclass per rule family.

Reports read an explanation through `to_dict()`, whose keys are the field names in field order,
with tuples shown as lists.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


def _plain(value):
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True)
class Explanation:
    """The base of every rule's explanation; one with no fields says nothing."""

    def to_dict(self) -> dict:
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}
