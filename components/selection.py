"""The selection shared by every view: one state, or the states of one region of the overlap."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd

import data

from . import memo, state, theme

__all__ = ["periods_in_view", "selected_states", "view_controls"]


def view_controls(orgs: object, statuses: object, country: object, region: object, mode: object) -> tuple:
    """The controls the map and the overlap diagram draw from, validated and hashable.

    As their figure and frames caches take them: (orgs, statuses, country, region, mode),
    anything a crafted request sends that no control holds dropped or made a default.
    """
    return (
        tuple(state.chosen(orgs, data.bundled_dataset().families)),
        tuple(state.known_statuses(statuses)),
        country if isinstance(country, str) else None,
        memo.frozen(region),
        theme.mode_of(mode),
    )


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
