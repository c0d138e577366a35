"""Groups -> groups of one moment: articles written days apart report different days.

A market report of one week and one of the next give two closing figures of one index; a story
followed for months gives the figures of each stage. Where the sources' article dates (metadata)
leave a gap of more than MOMENT_DAYS, a group is cut at the gap and each part is judged alone. A
story followed day by day stays whole: each article is within the gap of the one before, so a
death toll that rose over a week is still one group (and an update, findings/figure_verdict.py).
A figure that most sources give, in articles on both sides of a gap, did not move between the
moments: the group stays whole, and a source that gives another is judged against it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from checker.claims.claim import Claim
from checker.corpus import Corpus
from checker.groups.figures import Group
from checker.values.compare import one_value
from checker.values.dates import parse_article_date
from checker.values.types import DateValue

# Two articles more than this many days apart (with none between them) speak of different moments.
MOMENT_DAYS = 3
AGE_DAYS = 365  # ... and for a person's age


def article_dates(corpus: Corpus) -> dict[str, dt.date]:
    """The article date of each source whose metadata gives one."""
    out = {}
    for s in corpus.sources:
        day = parse_article_date(s.meta.get("date"))
        if day is not None:
            out[s.id] = day
    return out


def moments(days: Sequence[dt.date], gap: int = MOMENT_DAYS) -> list[list[dt.date]]:
    """Dates in runs where each is at most `gap` days after the one before."""
    runs: list[list[dt.date]] = []
    for day in sorted(set(days)):
        if runs and (day - runs[-1][-1]).days <= gap:
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs


def source_moments(days: Mapping[str, dt.date], gap: int = MOMENT_DAYS) -> dict[str, int]:
    """The moment of each dated source: the index of the run of article dates (`moments`) its date falls in."""
    run_of = {day: k for k, run in enumerate(moments(list(days.values()), gap)) for day in run}
    return {sid: run_of[day] for sid, day in days.items()}


def apart(a: str, b: str, moment: Mapping[str, int]) -> bool:
    """Whether two sources' articles are of different moments (`source_moments`), when what they say may have
    changed between them: a title (a chief operating officer promoted to chief executive), an exchange rate. An
    undated source is of every moment."""
    return a in moment and b in moment and moment[a] != moment[b]


def steady(group: Group, dates: Mapping[str, dt.date], runs: Sequence[Sequence[dt.date]]) -> str | None:
    """Why a group of figures whose articles fall in several moments is still one quantity, if it is:
    most of its sources give one figure, in articles of two moments or more ("paid $3 million" on
    April 4 and again in October of the next year), and no other figure is given by two sources. A
    market's closing level or a rising toll gives each moment its own figure, which the sources of
    that moment share, and is cut. So is a date some source gives as its own article's day: "announced
    today (October 14)" and "announced today (November 4)" are two announcements; "elections planned
    for December 15", told in articles a week apart, are one date."""
    if _told_on_its_day(group, dates):
        return None
    claims = sorted(group.claims, key=lambda c: (c.source, c.start))
    everyone = {c.source for c in claims}
    run_of = {day: i for i, run in enumerate(runs) for day in run}
    def giving(c: Claim, among: Sequence[Claim]) -> set[str]:
        return {x.source for x in among if one_value(c.value, x.value)}

    held = next((c for c in claims if 2 * len(giving(c, claims)) > len(everyone)), None)
    if held is None:
        return None
    given = giving(held, claims)
    others = [x for x in claims if x.source not in given]
    if any(len(giving(x, others)) >= 2 for x in others):
        return None  # another figure two sources share: a moment of its own
    spans = sorted({run_of[dates[s]] for s in given if s in dates})
    if len(spans) < 2:
        return None
    first, last = runs[spans[0]][0], runs[spans[-1]][-1]
    return (f"{len(given)} of {len(everyone)} sources give {held.normalised}, in articles dated "
            f"{first.isoformat()} to {last.isoformat()}: the {'date' if group.kind == 'date' else 'figure'} "
            f"held across those moments")


def written_in_full(group: Group, dates: Mapping[str, dt.date]) -> str | None:
    """Why a group of dates whose articles fall in several moments is still one event's date, if it is:
    each names its day by month and number ("elections planned for December 15", "on December 16"),
    which does not move with the day an article was written, as "on Tuesday" or "yesterday" do. Not
    when some source gives its own article's day ("announced today (October 14)"): a thing done on the
    day of each article."""
    if group.kind != "date" or _told_on_its_day(group, dates):
        return None
    if not all(isinstance(c.value, DateValue) and c.value.month and any(ch.isdigit() for ch in c.value.text)
               for c in group.claims):
        return None
    return "each source names the day by month and number, which holds whatever day its article was written"


def _told_on_its_day(group: Group, dates: Mapping[str, dt.date]) -> bool:
    """A group of dates some source gives as its own article's day ("announced today (October 14)")."""
    return group.kind == "date" and any(_on_its_day(c.value, dates.get(c.source)) for c in group.claims)


def _on_its_day(value, day: dt.date | None) -> bool:
    """The date is the day its article was written."""
    return day is not None and isinstance(value, DateValue) and value.month == day.month \
        and value.day_lo <= day.day <= value.day_hi and value.year in (None, day.year)


def by_moment(groups: Sequence[Group], dates: Mapping[str, dt.date], gap: int = MOMENT_DAYS,
              regroup: Callable[[tuple[Claim, ...]], list[Group]] | None = None) -> list[Group]:
    """Each group cut where its sources' article dates leave a gap of more than `gap` days.

    A source with no article date cannot be placed in one part rather than another, so a group that
    is cut keeps only its dated sources; a part with fewer than two sources is no group. `regroup`, when
    given, groups a part's claims again as they were grouped at first (groups/figures, groups/aligned): a
    group is its claims linked one to the next, and the claims cut away may have been the links ("April
    last year" and "Tuesday" of one earthquake, joined through an undated "Sunday" of another), so a part
    may fall into several groups, or none. A figure the group set aside (Group.set_aside) for a value that
    may be another moment's is grouped again with the part of the moment it is dated in.
    """
    out = []
    in_groups = {c.id for g in groups for c in g.claims}
    for g in groups:
        # A person's age holds for a year: articles weeks apart give one age, and a birthday between
        # them is told by the verdict, not by a cut that would drop the sources.
        window = AGE_DAYS if g.attribute == "age" else gap
        runs = moments([dates[c.source] for c in g.claims if c.source in dates], window)
        if len(runs) < 2:
            out.append(g)
            continue
        if (held := steady(g, dates, runs) or written_in_full(g, dates)) is not None:
            out.append(replace(g, reason=f"{g.reason}; {held}"))
            continue
        # What the group set aside for a value of another moment's sources, by the moment it is dated in (held by
        # no other group)
        aside = [(c, _moment_of(dates[c.source], runs, window)) for c in g.set_aside
                 if c.source in dates and c.id not in in_groups]
        for k, run in enumerate(runs):
            claims = tuple(c for c in g.claims if dates.get(c.source) in run)
            if len({c.source for c in claims}) < 2:
                continue
            span = run[0].isoformat() if len(run) == 1 else f"{run[0].isoformat()} to {run[-1].isoformat()}"
            reason = (f"{g.reason}; only the articles dated {span}: the others are more than {gap} days "
                      f"away and speak of another moment")
            kept = {c.id for c in claims}
            insides = [(p, tuple(c for c in p.claims if c.id in kept)) for p in g.parts]
            parts = tuple(replace(p, claims=inside) for p, inside in insides if len({c.source for c in inside}) >= 2)
            cut = replace(g, claims=claims, reason=reason, parts=parts)
            mine = tuple(c for c, m in aside if m == k)
            out += _linked_again(cut, regroup, reason[len(g.reason):], mine) if regroup is not None else [cut]
    return out


def _moment_of(day: dt.date, runs: Sequence[Sequence[dt.date]], gap: int) -> int | None:
    """The run of article dates (`moments`) a day falls in or within `gap` days of, when one only does."""
    near = [k for k, run in enumerate(runs)
            if run[0] - dt.timedelta(days=gap) <= day <= run[-1] + dt.timedelta(days=gap)]
    return near[0] if len(near) == 1 else None


def _linked_again(cut: Group, regroup: Callable[[tuple[Claim, ...]], list[Group]], why: str,
                  aside: tuple[Claim, ...] = ()) -> list[Group]:
    """The groups a part's claims form on their own (`regroup`), with the claims the group set aside (`aside`),
    each group saying which moment it is of (`why`); the part as it is when they form it again whole."""
    again = [g for g in regroup(cut.claims + aside) if len({c.source for c in g.claims}) >= 2]
    if len(again) == 1 and {c.id for c in again[0].claims} == {c.id for c in cut.claims}:
        return [cut]
    return [replace(g, reason=g.reason + why) for g in again]
