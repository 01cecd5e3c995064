"""Questions asked of the tables: pure functions over DataFrames, no I/O."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable

import pandas as pd

__all__ = [
    "events_between",
    "former_members",
    "members_as_of",
    "names_as_of",
    "overlap_regions",
    "relations_as_of",
    "stages_as_of",
]


def _day(day: dt.date | pd.Timestamp) -> pd.Timestamp:
    return pd.Timestamp(day)


def members_as_of(
    memberships: pd.DataFrame,
    day: dt.date,
    *,
    orgs: Collection[str] | None = None,
    statuses: Collection[str] | None = ("member",),
) -> pd.DataFrame:
    """The membership rows in force on `day`.

    Args:
        memberships: the `memberships` table of a `Dataset`.
        day: the day asked about; a period holds from its start day up to, not
            including, its end day.
        orgs: organizations (families such as `CSTO`, which take in their
            earlier stages) to keep; all when None.
        statuses: statuses to keep; all when None.
    """
    when = _day(day)
    held = (memberships["start_day"] <= when) & (
        memberships["end_day"].isna() | (when < memberships["end_day"])
    )
    if orgs is not None:
        held &= memberships["family"].isin(list(orgs))
    if statuses is not None:
        held &= memberships["status"].isin(list(statuses))
    return memberships[held]


def relations_as_of(
    memberships: pd.DataFrame,
    day: dt.date,
    *,
    orgs: Collection[str],
    statuses: Collection[str] | None = None,
) -> pd.DataFrame:
    """One row per state and organization in force on `day`, ordered by state then organization."""
    rows = members_as_of(memberships, day, orgs=orgs, statuses=statuses)
    order = {org: position for position, org in enumerate(orgs)}
    return (
        rows.assign(_order=rows["family"].map(order)).sort_values(["iso3", "_order"]).drop(columns="_order")
    )


def overlap_regions(
    memberships: pd.DataFrame,
    day: dt.date,
    *,
    orgs: Iterable[str],
    statuses: Collection[str] | None = ("member",),
) -> dict[frozenset[str], tuple[str, ...]]:
    """The states in each region of the Euler diagram of `orgs` on `day`.

    Returns:
        For every non-empty combination of organizations, the sorted ISO codes
        of the states that hold a counted status in exactly those organizations.
        Combinations with no states are left out.
    """
    orgs = list(dict.fromkeys(orgs))
    rows = members_as_of(memberships, day, orgs=orgs, statuses=statuses)
    by_state = rows.groupby("iso3")["family"].agg(frozenset)
    regions: dict[frozenset[str], list[str]] = {}
    for iso3, families in by_state.items():
        regions.setdefault(families, []).append(iso3)
    return {region: tuple(sorted(states)) for region, states in regions.items()}


def former_members(memberships: pd.DataFrame, day: dt.date, *, orgs: Collection[str]) -> pd.DataFrame:
    """States that were members of an organization in `orgs` before `day` and hold no status in it on `day`.

    One row per state and organization: `iso3`, `family`, `country`, and `end`, the
    date of the last membership period ending on or before `day`.
    """
    when = _day(day)
    past = memberships[
        memberships["family"].isin(list(orgs))
        & (memberships["status"] == "member")
        & memberships["end_day"].notna()
        & (memberships["end_day"] <= when)
    ]
    current = members_as_of(memberships, day, orgs=orgs, statuses=None)
    still = set(zip(current["iso3"], current["family"], strict=True))
    gone = [(iso3, family) not in still for iso3, family in zip(past["iso3"], past["family"], strict=True)]
    past = past[pd.Series(gone, index=past.index, dtype=bool)]
    columns = ["iso3", "family", "country", "end", "end_label"]
    latest = past.sort_values("end_day").drop_duplicates(["iso3", "family"], keep="last")
    return latest[columns].sort_values(["iso3", "family"]).reset_index(drop=True)


def events_between(
    events: pd.DataFrame,
    start: dt.date | None = None,
    end: dt.date | None = None,
    *,
    orgs: Collection[str] | None = None,
    categories: Collection[str] | None = None,
    country: str | None = None,
) -> pd.DataFrame:
    """Events whose date falls from `start` to `end` inclusive, filtered.

    Args:
        events: the `events` table of a `Dataset`.
        start: first day kept, or None for no lower bound.
        end: last day kept, or None for no upper bound.
        orgs: keep events involving any of these organizations (or their stages).
        categories: keep events of these categories.
        country: keep events involving this state (ISO 3166-1 alpha-3).
    """
    keep = pd.Series(True, index=events.index)
    if start is not None:
        keep &= events["day"] >= _day(start)
    if end is not None:
        keep &= events["day"] <= _day(end)
    if orgs is not None:
        wanted = set(orgs)
        keep &= events["families"].map(lambda families: not wanted.isdisjoint(families))
    if categories is not None:
        keep &= events["category"].isin(list(categories))
    if country is not None:
        keep &= events["country_list"].map(lambda countries: country in countries)
    return events.loc[keep.astype(bool)]


def stages_as_of(organizations: pd.DataFrame, day: dt.date) -> dict[str, str]:
    """The stage each selectable organization is at on `day`: its family id to a stage id.

    The stage is the earliest of the family's (by founding) not yet ended on `day`:
    the Collective Security Treaty (`CST`) for the CSTO until the CSTO's Charter
    came into force, the Shanghai Five for the SCO until the SCO was declared. Before
    a family's first stage was founded, that first stage; once all its earlier stages
    ended, the family itself.

    Args:
        organizations: the `organizations` table of a `Dataset`.
        day: the day asked about.
    """
    when = _day(day)
    stages: dict[str, str] = {}
    ordered = organizations.sort_values("founded_day", kind="stable")
    for row in ordered.itertuples(index=False):
        if row.family in stages:
            continue
        if pd.isna(row.ended_day) or when < row.ended_day or row.id == row.family:
            stages[row.family] = row.id
    return stages


def names_as_of(organizations: pd.DataFrame, day: dt.date) -> dict[str, str]:
    """The name (`short_name`) each selectable organization goes by on `day`, by family id.

    The name of its stage then (see `stages_as_of`): "Collective Security Treaty"
    for the CSTO in 1993.
    """
    short = dict(zip(organizations["id"], organizations["short_name"], strict=True))
    return {family: short[stage] for family, stage in stages_as_of(organizations, day).items()}
