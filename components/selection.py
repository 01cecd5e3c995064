"""The selection shared by every view: one state, or the states of one region of the overlap."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd

import data

from . import state

__all__ = ["periods_in_view", "selected_states"]


def selected_states(
    dataset: data.Dataset,
    day: dt.date,
    *,
    orgs: Sequence[str],
    statuses: Sequence[str],
    country: object,
    region: object,
) -> frozenset[str]:
    """ISO codes of the selected state, or of the states in the selected region on `day`.

    Empty when nothing (or nothing valid) is selected.
    """
    if isinstance(country, str) and country in dataset.countries:
        return frozenset({country})
    chosen = state.region_of(region, orgs)
    if chosen is None:
        return frozenset()
    regions = data.overlap_regions(dataset.memberships, day, orgs=orgs, statuses=statuses)
    return frozenset(regions.get(chosen, ()))


def periods_in_view(
    dataset: data.Dataset, *, orgs: Sequence[str], statuses: Sequence[str], selected: frozenset[str]
) -> pd.DataFrame:
    """Every membership period of `orgs` with one of `statuses`, of the `selected` states if any."""
    rows = dataset.memberships
    keep = rows["family"].isin(list(orgs)) & rows["status"].isin(list(statuses))
    if selected:
        keep &= rows["iso3"].isin(list(selected))
    return rows[keep]
